"""Matching a formula with variables against a formula, up to the names of bound variables.

A rule whose premise is not a literal (``∀p (Fold(f, 0, n, p) → …)``, where the fold is an
existential) is used by matching that premise against the non-literal facts of a block: the
match binds the rule's variables, and the bound variables of the two formulas correspond by
position.
"""

from __future__ import annotations

from functools import lru_cache

from genlogic.mpl.ast import And, Atom, Forall, Formula, Not


@lru_cache(maxsize=8192)
def skeleton(formula: Formula) -> str:
    """The formula with every identifier erased: two formulas match only if their skeletons are
    equal (an index for the facts a premise may match)."""
    if isinstance(formula, Atom):
        return f"{formula.pred}/{len(formula.args)}"
    if isinstance(formula, Not):
        return f"!{skeleton(formula.body)}"
    if isinstance(formula, And):
        return f"&({skeleton(formula.left)})({skeleton(formula.right)})"
    return f">{len(formula.variables)}({skeleton(formula.antecedent)})({skeleton(formula.consequent)})"


def match(pattern: Formula, target: Formula, variables: frozenset[str], sigma: dict[str, str]) -> dict[str, str] | None:
    """σ' ⊇ σ binding only ``variables`` (free in ``pattern``) with pattern[σ'] the same as
    ``target`` up to bound names; ``None`` if there is none. A variable is never bound to a
    variable bound inside ``target``."""
    found = dict(sigma)
    return found if _match(pattern, target, variables, found, {}, {}) else None


def _match(pattern: Formula, target: Formula, variables: frozenset[str], sigma: dict[str, str],
           bound: dict[str, int], target_bound: dict[str, int]) -> bool:
    if isinstance(pattern, Atom):
        if not isinstance(target, Atom) or pattern.pred != target.pred or len(pattern.args) != len(target.args):
            return False
        for arg, value in zip(pattern.args, target.args):
            if arg in bound or value in target_bound:
                if bound.get(arg) != target_bound.get(value):
                    return False
            elif arg in variables:
                if sigma.setdefault(arg, value) != value:
                    return False
            elif arg != value:
                return False
        return True
    if isinstance(pattern, Not):
        return isinstance(target, Not) and _match(pattern.body, target.body, variables, sigma, bound, target_bound)
    if isinstance(pattern, And):
        return (isinstance(target, And) and _match(pattern.left, target.left, variables, sigma, bound, target_bound)
                and _match(pattern.right, target.right, variables, sigma, bound, target_bound))
    if not isinstance(target, Forall) or len(pattern.variables) != len(target.variables):
        return False
    depth = len(bound) + len(target_bound)
    inner = {**bound, **{v: depth + i for i, v in enumerate(pattern.variables)}}
    target_inner = {**target_bound, **{v: depth + i for i, v in enumerate(target.variables)}}
    return (_match(pattern.antecedent, target.antecedent, variables, sigma, inner, target_inner)
            and _match(pattern.consequent, target.consequent, variables, sigma, inner, target_inner))
