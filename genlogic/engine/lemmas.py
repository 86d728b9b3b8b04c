"""Proving the lemmas of the canonical clause form before any stage cites them.

:mod:`genlogic.theory.clauses` and :mod:`genlogic.theory.signature` turn what the axioms say
into facts of one canonical form. A fact that is not an axiom as written is a lemma: here a
small Logic Block proves it from the axioms, once, and its proof becomes the first theorems of
the run, so every later proof that cites it (a ``theorem`` step) is checked like any other. A
lemma that cannot be proved is never cited: the theory handed on marks it unusable, and the run
says which axiom's canonical form it could not use (never silently).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from genlogic.engine.block import Budget
from genlogic.engine.goal import Proof, attempt
from genlogic.engine.reshape import Reshaper
from genlogic.mpl.ast import Atom
from genlogic.mpl.printer import readable
from genlogic.theory.clauses import Fact, renamed_apart
from genlogic.theory.model import Theory

#: enough for reshaping one axiom (currying, splitting, a witness or two for a canonical
#: totality or functionality), small enough that a lemma the engine cannot see costs little
LEMMA_BUDGET = Budget(depth=2, witnesses=200, facts=20_000, steps=200_000)


@dataclass(frozen=True)
class Lemmas:
    """The theory with the unprovable lemmas marked unusable, the proofs of the others (in fact
    order) and a sentence for each lemma that could not be proved."""

    theory: Theory
    proofs: tuple[Proof, ...]
    unproved: tuple[str, ...]

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the signature recognised but the stages cannot use, and why."""
        return self.unproved + limitations(self.theory)


def limitations(theory: Theory) -> tuple[str, ...]:
    """A sentence for each operation the signature found total and functional, and each
    induction schema, that the replay cannot use (no usable canonical fact for it, or a step
    that is not recognised as a total function)."""
    unusable = theory.signature.unusable
    found = []
    for op in theory.signature.operations:
        if not op.is_operation:
            continue
        for what, fact in (("totality", op.total_fact), ("functionality", op.functional_fact)):
            if fact is None or fact in unusable:
                found.append(f"{op.name} is a total function on {op.domain}, but its {what} has no usable "
                             "canonical statement: rewriting cannot evaluate terms of it")
    for schema in theory.signature.induction:
        if schema.fact in unusable:
            found.append(f"the induction schema of axiom {schema.axiom + 1} has no usable canonical form: "
                         "no proof by induction")
        step = theory.signature.operation(schema.step)
        if step is None or not step.is_operation:
            found.append(f"{schema.step}, the step of the induction schema of axiom {schema.axiom + 1}, is not "
                         f"recognised as a total function on {schema.carrier}: no numerals, no rewriting of its terms")
    return tuple(found)


def prove_lemmas(theory: Theory, deadline: float | None = None) -> Lemmas:
    """Prove the lemmas in fact order, each from its own axioms and the lemmas proved before it
    (so the canonical totality of an operation helps to orient its recursion), else from all
    the axioms (``a · s(b) = a · b + a`` written with ``a · s(b)`` as a premise needs the value
    of ``a · s(b)``, so ``s(b) ∈ N``, from the successor's axiom)."""
    proofs: list[Proof] = []
    unproved: list[str] = []
    unusable: set[int] = set()
    budget = dataclasses.replace(LEMMA_BUDGET, deadline=deadline)
    pending = {i for i, fact in enumerate(theory.facts) if fact.lemma is not None}
    for index, fact in enumerate(theory.facts):
        if fact.lemma is None:
            continue
        so_far = dataclasses.replace(theory, signature=dataclasses.replace(theory.signature, unusable=frozenset(pending)))
        proof = _reshaped(so_far, fact)
        if proof is None:
            proof = attempt(so_far, fact.lemma, fact.formula, (), budget, axioms=fact.axioms).proof
        if proof is None:  # another axiom may be needed: a recursion stated backwards needs s(b) ∈ N
            proof = attempt(so_far, fact.lemma, fact.formula, (), budget).proof
        if proof is not None:
            pending.discard(index)
            proofs.append(proof)
        else:
            unusable.add(index)
            axioms = ", ".join(str(a + 1) for a in fact.axioms)
            unproved.append(f"{fact.lemma}: the canonical form {readable(fact.formula)} of axiom {axioms} "
                            "could not be proved, so no stage uses it")
    if unusable:
        signature = dataclasses.replace(theory.signature, unusable=frozenset(unusable))
        theory = dataclasses.replace(theory, signature=signature)
    return Lemmas(theory, tuple(proofs), tuple(unproved))


def _reshaped(theory: Theory, fact: Fact) -> Proof | None:
    """The lemma proved by :class:`~genlogic.engine.reshape.Reshaper` from its own axioms, the
    atomic ones (``0 ∈ N`` stands in for a variable a split left idle) and the lemmas the
    theory marks usable (proved before it)."""
    constants = frozenset(c.name for c in theory.signature.constants)
    ground = [i for i, axiom in enumerate(theory.axioms) if isinstance(axiom, Atom) and i not in fact.axioms]
    axioms = [(i, renamed_apart(theory.axioms[i], set(constants))) for i in (*fact.axioms, *ground)]
    proved = [theory.facts[i] for i in theory.citable_lemmas]
    return Reshaper(axioms, constants, proved).proof(fact.lemma, fact.formula)


def normal_forms(lemmas: Lemmas) -> dict[str, list[str]]:
    """The ``normal_forms`` entry of a run summary: the lemmas proved, and the warnings."""
    return {"lemmas": [proof.name for proof in lemmas.proofs], "warnings": list(lemmas.warnings)}
