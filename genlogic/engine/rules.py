"""Universal implications compiled into multi-premise rules.

``(>[a,b](A)(>[c](B)(C)))`` becomes the rule ∀a b c: conjuncts(A) ∧ conjuncts(B) → C with two
``levels``. A rule is *usable* for forward chaining when every premise is a literal (an atom or a
negated atom) and every variable occurs in a positive premise, so each match binds them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from genlogic.mpl.ast import Atom, Forall, Formula, Not, conjuncts


@dataclass(frozen=True)
class Pattern:
    """A literal with variables: ``positive``, predicate and arguments (variables or constants)."""

    positive: bool
    pred: str
    args: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    formula: Formula
    step: str  # the step establishing ``formula``
    variables: tuple[str, ...]
    premises: tuple[Pattern, ...]
    conclusion: Formula
    levels: int
    usable: bool
    conclusion_pattern: Pattern | None = None  # the conclusion, when it is a literal


def literal_of(formula: Formula) -> tuple[bool, Atom] | None:
    """``(True, atom)`` for an atom, ``(False, atom)`` for its negation, else ``None``."""
    if isinstance(formula, Atom):
        return True, formula
    if isinstance(formula, Not) and isinstance(formula.body, Atom):
        return False, formula.body
    return None


def compile_rule(formula: Forall, step: str) -> Rule:
    variables: list[str] = []
    premises: list[Formula] = []
    levels = 0
    body: Formula = formula
    while isinstance(body, Forall) and not set(body.variables) & set(variables):
        variables.extend(body.variables)
        premises.extend(conjuncts(body.antecedent))
        body = body.consequent
        levels += 1
    patterns = []
    usable = True
    for premise in premises:
        literal = literal_of(premise)
        if literal is None:
            usable = False
            continue
        positive, atom = literal
        patterns.append(Pattern(positive, atom.pred, atom.args))
    bound = {a for p in patterns if p.positive for a in p.args}
    if not set(variables) <= bound or len(set(variables)) != len(variables):
        usable = False
    conclusion = literal_of(body)
    conclusion_pattern = Pattern(conclusion[0], conclusion[1].pred, conclusion[1].args) if conclusion else None
    return Rule(formula, step, tuple(variables), tuple(patterns), body, levels, usable, conclusion_pattern)
