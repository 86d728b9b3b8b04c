"""Name resolution: every predicate defined once and used with its arity, every identifier
bound, no recursive definitions, no variable bound twice by one quantifier.

Works on the statements of all loaded files and returns the definitions callees first.
"""

from __future__ import annotations

from genlogic.errors import MplError
from genlogic.mpl.ast import BUILTINS, Atom, DefStatement, Forall, Formula, Not, TheoremStatement, subformulas


def check_names(definitions: list[DefStatement], theorems: list[TheoremStatement], constants: tuple[str, ...]) -> list[DefStatement]:
    """Raise :class:`MplError` on the first naming problem; return ``definitions`` ordered so
    that each comes after every definition it uses."""
    by_name: dict[str, DefStatement] = {}
    for definition in definitions:
        if definition.name in BUILTINS:
            raise MplError(f"'{definition.name}' is built in and cannot be redefined", definition.span)
        if definition.name in by_name:
            first = by_name[definition.name].span
            raise MplError(f"'{definition.name}' is defined twice", definition.span, note=f"first at {first}")
        by_name[definition.name] = definition
        _check_params(definition)
    seen_theorems: dict[str, TheoremStatement] = {}
    for theorem in theorems:
        if theorem.name in seen_theorems:
            first = seen_theorems[theorem.name].span
            raise MplError(f"theorem '{theorem.name}' is stated twice", theorem.span, note=f"first at {first}")
        seen_theorems[theorem.name] = theorem

    arities = {**BUILTINS, **{d.name: len(d.params) for d in definitions}}
    for definition in definitions:
        _check_formula(definition.body, set(definition.params), arities, f"definition '{definition.name}'", "")
    hint = (
        f" (free identifiers of a theorem must be constants of the anchor: {', '.join(constants)})"
        if constants
        else " (free identifiers of a theorem must be constants of the anchor, and there is no anchor)"
    )
    for theorem in theorems:
        _check_formula(theorem.formula, set(constants), arities, f"theorem '{theorem.name}'", hint)
    return _dependency_order(definitions, by_name)


def _check_params(definition: DefStatement) -> None:
    seen: set[str] = set()
    for param in definition.params:
        if param in seen:
            raise MplError(f"parameter '{param}' of '{definition.name}' is listed twice", definition.span)
        seen.add(param)


def _check_formula(formula: Formula, bound: set[str], arities: dict[str, int], where: str, hint: str) -> None:
    if isinstance(formula, Atom):
        if formula.pred not in arities:
            raise MplError(f"unknown predicate '{formula.pred}' in {where}", formula.span)
        expected = arities[formula.pred]
        if len(formula.args) != expected:
            raise MplError(
                f"'{formula.pred}' takes {expected} argument{'s' if expected != 1 else ''}, "
                f"got {len(formula.args)}",
                formula.span,
            )
        for arg in formula.args:
            if arg not in bound:
                raise MplError(f"unbound identifier '{arg}' in {where}{hint}", formula.span)
        return
    if isinstance(formula, Forall):
        seen: set[str] = set()
        for name in formula.variables:
            if name in seen:
                raise MplError(f"variable '{name}' is bound twice by one quantifier", formula.span)
            seen.add(name)
        inner = bound | seen
        _check_formula(formula.antecedent, inner, arities, where, hint)
        _check_formula(formula.consequent, inner, arities, where, hint)
    elif isinstance(formula, Not):
        _check_formula(formula.body, bound, arities, where, hint)
    else:
        _check_formula(formula.left, bound, arities, where, hint)
        _check_formula(formula.right, bound, arities, where, hint)


def _dependency_order(definitions: list[DefStatement], by_name: dict[str, DefStatement]) -> list[DefStatement]:
    order: list[DefStatement] = []
    state: dict[str, str] = {}

    def uses(definition: DefStatement) -> list[str]:
        called = [s.pred for s in subformulas(definition.body) if isinstance(s, Atom) and s.pred in by_name]
        return list(dict.fromkeys(called))

    def visit(name: str, path: tuple[str, ...]) -> None:
        if state.get(name) == "done":
            return
        if state.get(name) == "active":
            cycle = path[path.index(name):] + (name,)
            raise MplError(
                f"recursive definition: {' → '.join(cycle)} (definitions must not refer to themselves)",
                by_name[cycle[0]].span,
            )
        state[name] = "active"
        for callee in uses(by_name[name]):
            visit(callee, path + (name,))
        state[name] = "done"
        order.append(by_name[name])

    for definition in definitions:
        visit(definition.name, ())
    return order
