"""Universal implications compiled into multi-premise rules.

``(>[a,b](A)(>[c](B)(C)))`` becomes the rule ∀a b c: conjuncts(A) ∧ conjuncts(B) → C with two
``levels``. A rule is *usable* for forward chaining when every premise is a literal (an atom or a
negated atom) and every variable occurs in a positive premise, so each match binds them all. A
rule with other premises (an existential, a universal) is *matchable* when every variable occurs
in one of them or in a positive literal premise: it is used by matching those premises against
the non-literal facts of a block (:mod:`genlogic.engine.matching`).
"""

from __future__ import annotations

from dataclasses import dataclass

from genlogic.mpl.ast import Atom, Forall, Formula, Not, conjuncts, free_identifiers


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
    matchable: bool = False
    all_premises: tuple[Formula, ...] = ()  # every premise in order, literal or not (apply's order)


def literal_of(formula: Formula) -> tuple[bool, Atom] | None:
    """``(True, atom)`` for an atom, ``(False, atom)`` for its negation, else ``None``."""
    if isinstance(formula, Atom):
        return True, formula
    if isinstance(formula, Not) and isinstance(formula.body, Atom):
        return False, formula.body
    return None


def pattern_of(formula: Formula) -> Pattern | None:
    """The pattern of a literal (its variables are whatever the rule binds); ``None`` otherwise."""
    literal = literal_of(formula)
    return None if literal is None else Pattern(literal[0], literal[1].pred, literal[1].args)


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
        pattern = pattern_of(premise)
        if pattern is None:
            usable = False
            continue
        patterns.append(pattern)
    bound = {a for p in patterns if p.positive for a in p.args}
    distinct = len(set(variables)) == len(variables)
    if not set(variables) <= bound or not distinct:
        usable = False
    others = [premise for premise in premises if literal_of(premise) is None]
    matched = bound.union(*(free_identifiers(premise) for premise in others))
    matchable = bool(others) and distinct and set(variables) <= matched
    conclusion = literal_of(body)
    conclusion_pattern = Pattern(conclusion[0], conclusion[1].pred, conclusion[1].args) if conclusion else None
    return Rule(formula, step, tuple(variables), tuple(patterns), body, levels, usable, conclusion_pattern,
                matchable, tuple(premises))
