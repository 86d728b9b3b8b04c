"""Conjectures about relations: the order properties of each binary relation of a theory.

Equations between terms say nothing about a relation that is not a function (``le``, ``lt``:
atoms ``in2[x,y,R]``, read "R holds of (x, y)"). For each such relation over the carrier of an
induction schema this module states the properties an order may have — reflexive, irreflexive,
symmetric, antisymmetric, asymmetric, transitive, total (strongly connected), connected
(trichotomous) and included in equality — and, for each ordered pair of such relations, inclusion (R ⊆ Q), complement
(not R(x, y) → Q(y, x)) and strictness (R(x, y) ∧ x ≠ y → Q(x, y)). The relations, the carrier
and their order come from the theory's signature; nothing is known about any relation in
advance. Every statement is only a candidate: exploration proves it (by induction in Logic
Blocks) or drops it, so a false one costs time, never soundness.
"""

from __future__ import annotations

from dataclasses import dataclass

from genlogic.mpl.ast import Atom, Formula, Forall, Not, conjoin, subformulas
from genlogic.theory.model import Theory


@dataclass(frozen=True)
class RelationConjecture:
    name: str  # e.g. le_transitive
    statement: Formula
    text: str  # what it says, for the summary
    relations: frozenset[str]  # the relations it is about


def relation_conjectures(theory: Theory, reserved: frozenset[str] = frozenset()) -> list[RelationConjecture]:
    """The candidate properties of the theory's binary relations, in signature order."""
    if not theory.signature.induction:
        return []
    carrier = theory.signature.induction[0].carrier
    relations = list(theory.signature.relations)
    constants = {c.name for c in theory.signature.constants}
    x, y, z = _fresh(constants, 3)
    taken = set(reserved) | constants

    def holds(r: str, a: str, b: str) -> Atom:
        return Atom("in2", (a, b, r))

    def law(variables: tuple[str, ...], premises: list[Formula], conclusion: Formula) -> Formula:
        guards = [Atom("in", (v, carrier)) for v in variables]
        return Forall(variables, conjoin(guards + premises), conclusion)

    out: list[RelationConjecture] = []

    def add(stem: str, text: str, statement: Formula) -> None:
        name = "".join(c if c.isalnum() or c == "_" else "_" for c in stem)
        while name in taken:
            name += "_"
        taken.add(name)
        about = frozenset(a.args[-1] for a in subformulas(statement) if isinstance(a, Atom) and a.pred == "in2")
        out.append(RelationConjecture(name, statement, text, about))

    for r in relations:
        add(f"{r}_reflexive", f"{r} is reflexive", law((x,), [], holds(r, x, x)))
        add(f"{r}_irreflexive", f"{r} is irreflexive", law((x,), [], Not(holds(r, x, x))))
        add(f"{r}_symmetric", f"{r} is symmetric", law((x, y), [holds(r, x, y)], holds(r, y, x)))
        add(f"{r}_antisymmetric", f"{r} is antisymmetric",
            law((x, y), [holds(r, x, y), holds(r, y, x)], Atom("=", (x, y))))
        add(f"{r}_asymmetric", f"{r} is asymmetric", law((x, y), [holds(r, x, y)], Not(holds(r, y, x))))
        add(f"{r}_transitive", f"{r} is transitive",
            law((x, y, z), [holds(r, x, y), holds(r, y, z)], holds(r, x, z)))
        add(f"{r}_total", f"{r} is total", law((x, y), [Not(holds(r, x, y))], holds(r, y, x)))
        add(f"{r}_connected", f"{r} is connected",
            law((x, y), [Not(holds(r, x, y)), Not(holds(r, y, x))], Atom("=", (x, y))))
        add(f"{r}_in_equality", f"{r} holds only of equal elements",
            law((x, y), [holds(r, x, y)], Atom("=", (x, y))))
    for r in relations:
        for q in relations:
            if r == q:
                continue
            add(f"{r}_in_{q}", f"{r} is included in {q}", law((x, y), [holds(r, x, y)], holds(q, x, y)))
            add(f"{r}_complement_{q}", f"not {r}(x, y) gives {q}(y, x)",
                law((x, y), [Not(holds(r, x, y))], holds(q, y, x)))
            add(f"{r}_strict_{q}", f"{r}(x, y) and x ≠ y give {q}(x, y)",
                law((x, y), [holds(r, x, y), Not(Atom("=", (x, y)))], holds(q, x, y)))
    return out


def _fresh(constants: set[str], count: int) -> list[str]:
    names: list[str] = []
    index = 0
    while len(names) < count:
        index += 1
        name = f"v{index}"
        if name not in constants:
            names.append(name)
    return names
