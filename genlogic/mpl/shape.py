"""Structural views of formulas that every consumer needs: clauses and existentials.

A *clause* reads ``(>[x](A)(>[y](B)(C)))`` as ∀x y (A ∧ B → C): universal implications are
uncurried and antecedents split into their conjuncts. An *existential* reads GL's encoding
``!(>[y](G)!(B))`` as ∃y (G ∧ B).
"""

from __future__ import annotations

from dataclasses import dataclass

from genlogic.mpl.ast import Forall, Formula, Not, conjuncts, free_identifiers


@dataclass(frozen=True)
class Clause:
    variables: tuple[str, ...]
    premises: tuple[Formula, ...]
    conclusion: Formula


@dataclass(frozen=True)
class Existential:
    variables: tuple[str, ...]
    parts: tuple[Formula, ...]


def as_clause(formula: Formula) -> Clause:
    """Uncurry nested universal implications; stops where a binder would shadow or capture."""
    variables: list[str] = []
    premises: list[Formula] = []
    while isinstance(formula, Forall):
        clash = set(formula.variables) & (set(variables) | set().union(*map(free_identifiers, premises)))
        if clash:
            break
        variables.extend(formula.variables)
        premises.extend(conjuncts(formula.antecedent))
        formula = formula.consequent
    return Clause(tuple(variables), tuple(premises), formula)


def as_existential(formula: Formula) -> Existential | None:
    """``!(>[ys](G)!(B))`` as ∃ys (G ∧ B), the parts being the conjuncts of G and B (just G
    when G and B are the same formula); implications without variables between them count as
    parts too: ``!(>[ys](G)(>[](A)!(B)))`` is ∃ys (G ∧ A ∧ B). ``None`` for any other shape."""
    if not (isinstance(formula, Not) and isinstance(formula.body, Forall)):
        return None
    inner = formula.body
    parts = list(conjuncts(inner.antecedent))
    consequent = inner.consequent
    while isinstance(consequent, Forall) and not consequent.variables:
        parts.extend(conjuncts(consequent.antecedent))
        consequent = consequent.consequent
    if not isinstance(consequent, Not):
        return None
    witness, claim = inner.antecedent, consequent.body
    if claim != witness:
        parts.extend(conjuncts(claim))
    return Existential(inner.variables, tuple(parts))
