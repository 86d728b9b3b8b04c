"""A canonical form of formulas modulo the names of bound variables and the order of
conjuncts: two formulas that differ only in those have the same :func:`normal_form`.

Bound variables are renamed by position (``#d.i``: the i-th variable of the quantifier at
nesting depth d), so renaming never depends on where a variable first occurs; then the
operands of every (flattened) conjunction are sorted by their printed form.
"""

from __future__ import annotations

from genlogic.mpl.ast import And, Atom, Forall, Formula, Not, conjoin, conjuncts
from genlogic.mpl.printer import core


def normal_form(formula: Formula) -> Formula:
    return _sort_conjunctions(_rename(formula, {}, 0))


def alpha_text(formula: Formula) -> str:
    """The formula printed with its bound variables renamed by position: equal texts mean
    equal formulas up to the names of bound variables (conjunct order matters)."""
    return core(_rename(formula, {}, 0))


def normal_text(formula: Formula) -> str:
    """:func:`normal_form`, printed; suitable as a dictionary key."""
    return core(normal_form(formula))


def _rename(formula: Formula, env: dict[str, str], depth: int) -> Formula:
    if isinstance(formula, Atom):
        return Atom(formula.pred, tuple(env.get(a, a) for a in formula.args))
    if isinstance(formula, Not):
        return Not(_rename(formula.body, env, depth))
    if isinstance(formula, And):
        return And(_rename(formula.left, env, depth), _rename(formula.right, env, depth))
    inner = dict(env)
    names = []
    for index, name in enumerate(formula.variables):
        inner[name] = f"#{depth}.{index}"
        names.append(inner[name])
    return Forall(
        tuple(names),
        _rename(formula.antecedent, inner, depth + 1),
        _rename(formula.consequent, inner, depth + 1),
    )


def _sort_conjunctions(formula: Formula) -> Formula:
    if isinstance(formula, Atom):
        return formula
    if isinstance(formula, Not):
        return Not(_sort_conjunctions(formula.body))
    if isinstance(formula, And):
        parts = sorted((_sort_conjunctions(p) for p in conjuncts(formula)), key=core)
        return conjoin(parts)
    return Forall(formula.variables, _sort_conjunctions(formula.antecedent), _sort_conjunctions(formula.consequent))
