"""The canonical clause form of a theory's axioms: what every stage after the theory reads.

Users phrase one theory in many equivalent ways. After definitions are expanded, every axiom is
turned into *clauses* ``∀x̄ (P1 ∧ … ∧ Pk → C)``:

* bound variables are renamed apart from the theory's constants and from the variables of
  enclosing quantifiers (a definition's bound ``1`` never shadows the anchor's constant ``1``);
* quantifiers are uncurried: ``∀x (A → ∀y (B → C))`` is ``∀x y (A ∧ B → C)``;
* conjunctive conclusions are split: ``∀x (A → B ∧ C)`` gives two clauses;
* a premise that is itself universal (the step of an induction axiom) is put in clause form;
* an induction axiom ``∀P k (base ∧ step ∧ k ∈ X → k ∈ P)`` gets the one form
  ``∀P (base ∧ step → ∀k (k ∈ X → k ∈ P))``.

A clause that is the axiom itself, up to currying and the names of bound variables, is cited as
that axiom (``apply`` instantiates several quantifier levels at once). Any other clause is a **lemma**: a theorem named ``normal_<axiom>_<part>`` that the engine proves
from the axioms before it uses it (:mod:`genlogic.engine.lemmas`), so the checker stays the judge
of every reshaping. Recognition (:mod:`genlogic.theory.signature`) reads these clauses and adds
the canonical statements it recognised — an operation's totality and functionality, the
induction schema — as facts of the same kind.
"""

from __future__ import annotations

from dataclasses import dataclass

from genlogic.mpl.ast import And, Atom, Forall, Formula, Not, conjoin, conjuncts, free_identifiers, identifiers
from genlogic.mpl.normal import alpha_text
from genlogic.mpl.subst import fresh_name, substitute


@dataclass(frozen=True)
class Fact:
    """A canonical statement the stages may use: ``formula``, the axioms it follows from, and
    ``lemma``: ``None`` when the formula is axiom ``axioms[0]`` itself (up to bound names), else
    the name of the theorem that must prove it first."""

    formula: Formula
    axioms: tuple[int, ...]
    lemma: str | None = None


def clauses(formula: Formula, constants: frozenset[str]) -> list[Formula]:
    """The canonical clauses of a closed formula (see the module docstring)."""
    found: list[Formula] = []
    _collect(renamed_apart(formula, set(constants)), (), [], found)
    return [_induction_form(c) for c in found]


def facts_of(axioms: tuple[Formula, ...], constants: frozenset[str]) -> tuple[Fact, ...]:
    """Every axiom's canonical clauses as facts. An axiom that is one clause up to currying and
    bound names is its own fact, kept as written (``apply`` instantiates several quantifier
    levels at once, and :func:`genlogic.mpl.shape.as_clause` reads it uncurried); any other
    clause is a lemma ``normal_<i>_<j>`` (i counts axioms from 1, as the CLI does)."""
    facts: list[Fact] = []
    for index, axiom in enumerate(axioms):
        renamed = renamed_apart(axiom, set(constants))
        flat: list[Formula] = []
        _collect(renamed, (), [], flat)
        parts = [_induction_form(c) for c in flat]  # clauses(axiom), from the one renaming
        same = {alpha_text(renamed)} | ({alpha_text(flat[0])} if len(flat) == 1 else set())
        if len(parts) == 1 and alpha_text(parts[0]) in same:
            facts.append(Fact(renamed, (index,)))
            continue
        for number, part in enumerate(parts, start=1):
            facts.append(Fact(part, (index,), f"normal_{index + 1}_{number}"))
    return tuple(facts)


def renamed_apart(formula: Formula, constants: set[str], bound: frozenset[str] = frozenset()) -> Formula:
    """Rename every quantified variable that is a constant or is bound by an enclosing
    quantifier (so no variable shadows a constant or another variable)."""
    if isinstance(formula, Atom):
        return formula
    if isinstance(formula, Not):
        return Not(renamed_apart(formula.body, constants, bound))
    if isinstance(formula, And):
        return And(renamed_apart(formula.left, constants, bound), renamed_apart(formula.right, constants, bound))
    renaming: dict[str, str] = {}
    avoid = constants | bound | identifiers(formula)
    for name in formula.variables:
        if name in constants or name in bound:
            renaming[name] = fresh_name(name, avoid)
            avoid.add(renaming[name])
    variables = tuple(renaming.get(v, v) for v in formula.variables)
    antecedent, consequent = formula.antecedent, formula.consequent
    if renaming:
        antecedent, consequent = substitute(antecedent, renaming), substitute(consequent, renaming)
    inner = bound | set(variables)
    return Forall(variables, renamed_apart(antecedent, constants, inner), renamed_apart(consequent, constants, inner))


def _collect(formula: Formula, variables: tuple[str, ...], premises: list[Formula], found: list[Formula]) -> None:
    if isinstance(formula, Forall) and not (set(formula.variables) & set(variables)):
        inner = [_premise(p) for p in conjuncts(formula.antecedent)]
        _collect(formula.consequent, variables + formula.variables, premises + inner, found)
    elif isinstance(formula, And):
        _collect(formula.left, variables, premises, found)
        _collect(formula.right, variables, premises, found)
    else:
        found.append(_make(variables, premises, formula))


def _premise(formula: Formula) -> Formula:
    """A universal premise (an induction step) in clause form; others as they are."""
    if isinstance(formula, Forall):
        parts: list[Formula] = []
        _collect(formula, (), [], parts)
        if len(parts) == 1:
            return parts[0]
    return formula


def _make(variables: tuple[str, ...], premises: list[Formula], conclusion: Formula) -> Formula:
    """The clause, without the variables a split left idle: a variable that only its own
    membership guards mention (``b`` in ``∀a b (a ∈ N ∧ b ∈ N → a + 0 = a)``) goes, with those
    guards. Every MPL quantifier has an antecedent, so ``variables`` come with premises."""
    needed = free_identifiers(conclusion)
    for premise in premises:
        if not _guard(premise, variables):
            needed |= free_identifiers(premise)
    idle = {v for v in variables if v not in needed}
    kept = [p for p in premises if not (_guard(p, variables) and p.args[0] in idle)]
    left = tuple(v for v in variables if v not in idle)
    if not left:
        return conclusion
    if not kept:  # ∀x y (y ∈ X → C[x]): MPL has no quantifier without a premise
        return Forall(variables, conjoin(premises), conclusion)
    return Forall(left, conjoin(kept), conclusion)


def _guard(formula: Formula, variables: tuple[str, ...]) -> bool:
    """``v ∈ X`` with ``v`` one of ``variables`` and ``X`` not."""
    return (isinstance(formula, Atom) and formula.pred == "in" and formula.args[0] in variables
            and formula.args[1] not in variables)


def _induction_form(formula: Formula) -> Formula:
    """``∀P k (A ∧ k ∈ X → k ∈ P)``, k in no other premise, as ``∀P (A → ∀k (k ∈ X → k ∈ P))``."""
    if not (isinstance(formula, Forall) and isinstance(formula.consequent, Atom)):
        return formula
    conclusion = formula.consequent
    if conclusion.pred != "in" or not set(conclusion.args) <= set(formula.variables):
        return formula
    element, set_name = conclusion.args
    premises = list(conjuncts(formula.antecedent))
    mentioning = [p for p in premises if element in free_identifiers(p)]
    rest = [p for p in premises if element not in free_identifiers(p)]
    if element == set_name or len(mentioning) != 1 or not rest:
        return formula
    (guard,) = mentioning
    if not (isinstance(guard, Atom) and guard.pred == "in" and guard.args[0] == element
            and guard.args[1] not in formula.variables):
        return formula
    outer = tuple(v for v in formula.variables if v != element)
    return Forall(outer, conjoin(rest), Forall((element,), guard, conclusion))
