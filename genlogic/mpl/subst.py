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
    inner = {k: v for k, v in mapping.items() if k not in formula.variables}
    if inner and set(inner.values()).intersection(formula.variables):
        # a bound variable may capture a value: only the keys that occur free matter
        free = free_identifiers(formula.antecedent) | free_identifiers(formula.consequent)
        inner = {k: v for k, v in inner.items() if k in free}
    if not inner:
        return formula
    values = set(inner.values())
    variables = list(formula.variables)
    renaming: dict[str, str] = {}
    antecedent, consequent = formula.antecedent, formula.consequent
    if values.intersection(variables):  # a bound variable would capture a value: rename it
        avoid = values | identifiers(formula) | set(inner)
        for index, name in enumerate(variables):
            if name in values:
                new = fresh_name(name, avoid)
                avoid.add(new)
                renaming[name] = new
                variables[index] = new
        antecedent = substitute(antecedent, renaming)
        consequent = substitute(consequent, renaming)
    return Forall(
        tuple(variables),
        substitute(antecedent, inner),
        substitute(consequent, inner),
        formula.span,
    )


def comprehend(formula: Formula, set_name: str, element: str, property_: Formula) -> Formula:
    """``formula`` with every free atom ``in[t, set_name]`` replaced by ``property_[element := t]``:
    instantiating a set variable with {element | property_}. Bound variables of ``formula`` that
    would capture a free identifier of the property are renamed first. Raises ``ValueError`` if
    ``set_name`` occurs free other than as the set of an ``in`` atom."""
    free = free_identifiers(property_) - {element}
    if isinstance(formula, Atom):
        if formula.pred == "in" and formula.args[1] == set_name:
            if formula.args[0] == set_name:
                raise ValueError(f"{set_name} is used as an element")
            return substitute(property_, {element: formula.args[0]})
        if set_name in formula.args:
            raise ValueError(f"{set_name} occurs outside an in-atom: {formula.pred}")
        return formula
    if isinstance(formula, Not):
        return Not(comprehend(formula.body, set_name, element, property_), formula.span)
    if isinstance(formula, And):
        return And(
            comprehend(formula.left, set_name, element, property_),
            comprehend(formula.right, set_name, element, property_),
            formula.span,
        )
    if set_name in formula.variables:
        return formula
    clashes = [v for v in formula.variables if v in free]
    if clashes:
        avoid = free | identifiers(formula) | identifiers(property_)
        renaming = {}
        for variable in clashes:
            renaming[variable] = fresh_name(variable, avoid)
            avoid.add(renaming[variable])
        formula = Forall(
            tuple(renaming.get(v, v) for v in formula.variables),
            substitute(formula.antecedent, renaming),
            substitute(formula.consequent, renaming),
            formula.span,
        )
    return Forall(
        formula.variables,
        comprehend(formula.antecedent, set_name, element, property_),
        comprehend(formula.consequent, set_name, element, property_),
        formula.span,
    )
