"""Capture-avoiding substitution of identifiers in formulas (pure syntax)."""

from __future__ import annotations

from genlogic.mpl.ast import And, Atom, Forall, Formula, Not, free_identifiers, identifiers


def fresh_name(base: str, avoid: set[str]) -> str:
    """``base'``, ``base''``, … — the first that is not in ``avoid``."""
    name = base + "'"
    while name in avoid:
        name += "'"
    return name


def substitute(formula: Formula, mapping: dict[str, str]) -> Formula:
    """Replace free occurrences of each key by its value, renaming bound variables that would
    capture a replacement value. Spans are kept."""
    if not mapping:
        return formula
    if isinstance(formula, Atom):
        return Atom(formula.pred, tuple(mapping.get(a, a) for a in formula.args), formula.span)
    if isinstance(formula, Not):
        return Not(substitute(formula.body, mapping), formula.span)
    if isinstance(formula, And):
        return And(substitute(formula.left, mapping), substitute(formula.right, mapping), formula.span)
    free = free_identifiers(formula.antecedent) | free_identifiers(formula.consequent)
    inner = {k: v for k, v in mapping.items() if k not in formula.variables and k in free}
    if not inner:
        return formula
    values = set(inner.values())
    variables = list(formula.variables)
    renaming: dict[str, str] = {}
    avoid = values | identifiers(formula) | set(inner)
    for index, name in enumerate(variables):
        if name in values:
            new = fresh_name(name, avoid)
            avoid.add(new)
            renaming[name] = new
            variables[index] = new
    antecedent, consequent = formula.antecedent, formula.consequent
    if renaming:
        antecedent = substitute(antecedent, renaming)
        consequent = substitute(consequent, renaming)
    return Forall(
        tuple(variables),
        substitute(antecedent, inner),
        substitute(consequent, inner),
        formula.span,
    )
