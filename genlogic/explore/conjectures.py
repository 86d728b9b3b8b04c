"""Conjectures in the style of QuickSpec: enumerate terms by size from representatives only,
group them by their values at every point of the models (the ground model, or the finite models
of a theory without an induction schema), and propose ``t = least`` for every other member ``t``
of a group, where ``least`` is the group's smallest member in the rewriting order of
:mod:`genlogic.engine.rewrite` — so each equation reads the way the rewriter will use it
(``s(x) * y = y + x * y``, not two terms that merely share a representative). Because terms are
built from representatives, an equation is never proposed for a term one of whose parts already
equals something smaller; what remains is deduplicated modulo renaming of variables and symmetry.

Every equation is written in MPL as ``forall x y: x ∈ X and y ∈ X -> lhs = rhs`` over the
carrier X of the models, using the theory's own symbols.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass
from functools import cmp_to_key

from genlogic.engine.equational import context
from genlogic.engine.rewrite import Order
from genlogic.engine.terms import Term, apply, fix, leaf
from genlogic.explore.model import Models, as_list
from genlogic.explore.terms import points, values
from genlogic.mpl.ast import Formula
from genlogic.mpl.parser import TermTree, universal_equation
from genlogic.mpl.printer import is_name
from genlogic.theory.model import Theory

#: chosen once for all theories: terms up to this size, three variables, values 0..2 on the
#: ground model (a finite model assigns all of its elements)
MAX_SIZE = 7
VARIABLE_COUNT = 3
DOMAIN = range(3)
#: the wider values a class of terms equal at the small points is checked at (ground model only)
WIDER = range(4)


@dataclass(frozen=True)
class Equation:
    """``left = right``, true on the models; ``statement`` is it in MPL."""

    left: Term
    right: Term
    statement: Formula
    text: str


@dataclass(frozen=True)
class Generation:
    equations: tuple[Equation, ...]  # deduplicated, smallest first
    terms: int  # terms evaluated
    raw: int  # equations before deduplication
    max_size: int
    cut_short: bool = False  # the deadline stopped the enumeration of terms or of equations
    split_at_wider_points: int = 0  # terms equal to others at the small points, not at a wider one


def _passed(deadline: float | None) -> bool:
    return deadline is not None and time.monotonic() >= deadline


def conjectures(theory: Theory, models: Models, max_size: int = MAX_SIZE, deadline: float | None = None) -> Generation:
    """Equations true at every point of every model (see :func:`genlogic.explore.terms.points`).
    At ``deadline`` (``time.monotonic()``) the enumeration stops: the equations between the terms
    evaluated so far, smallest first, are still true on the models."""
    models = as_list(models)
    first = models[0]
    reserved = {c.name for c in theory.signature.constants}
    # sorted: variables compare by name in the rewriting order, so their order must be the
    # enumeration order whichever names a theory's constants take away (z taken: u, x, y)
    names = sorted([v for v in ("x", "y", "z", "u", "v", "w", "p", "q") if v not in reserved][:VARIABLE_COUNT])
    ctx = context(theory)

    def ranked(symbols) -> list[str]:
        """In the order of the rewriting precedence, which the anchor's parameter order only
        breaks ties of — so reordering the parameters does not reorder the conjectures."""
        return sorted(symbols, key=lambda name: ctx.rank.get(name, (0, 0, 0)))

    leaves = [leaf(v, True) for v in names] + [leaf(c, False) for c in ranked(first.constants)
                                                if c not in ctx.unfold]
    unary = [op for op in ranked(first.unary_operations) if is_name(op)]
    binary = ranked(first.binary)
    many = [(op, len(next(iter(first.many[op])))) for op in ranked(first.many) if is_name(op) and first.many[op]]
    at = points(models, names, DOMAIN)
    classes: dict[tuple[int, ...], list[Term]] = {}
    representatives: dict[int, list[Term]] = {}
    known: dict[Term, tuple[int | None, ...]] = {}
    evaluated = 0
    cut_short = False
    for size in range(1, max_size + 1):
        for term in candidates(size, leaves, unary, binary, many, representatives):
            if evaluated % 1024 == 0 and _passed(deadline):
                cut_short = True
                break
            key = values(term, at, known)
            evaluated += 1
            if None in key:
                continue
            if key not in classes:
                representatives.setdefault(size, []).append(term)
                known[term] = key
            classes.setdefault(key, []).append(term)  # type: ignore[arg-type]
        if cut_short:
            break
    order = ctx.order
    raw = []
    groups, split_off = _split(classes, models, names, deadline)
    for members in groups:
        least = min(members, key=cmp_to_key(lambda a, b: _compare(order, a, b)))
        raw.extend((term, least) for term in members if term is not least)
    # smallest first; of equal size, the more general (more variables) first, so that
    # (x + y) + z = x + (y + z) is proved before its instance (x + x) + x = x + (x + x)
    unique = sorted(_deduplicate(raw), key=lambda eq: (eq[0].size + eq[1].size, -len(set(eq[0].variables() + eq[1].variables()))))
    equations = []
    for left, right in unique:
        if _passed(deadline):  # keep the smallest so far
            cut_short = True
            break
        text = _statement(left, right, first.carrier)
        equations.append(Equation(left, right, guarded_equation(left, right, first.carrier), text))
    return Generation(tuple(equations), evaluated, len(raw), max_size, cut_short, split_off)


def _split(classes: dict[tuple, list[Term]], models: list, names: list[str], deadline: float | None
           ) -> tuple[list[list[Term]], int]:
    """The classes of terms equal at the small points, each split by the values at the wider
    points of the ground model (:data:`WIDER`, where its tables reach): a member joins the first
    group of its class whose first member it agrees with wherever both are known. A fast-growing
    function leaves the small points early (``fac(fac(x)) = fac(x)`` holds for x ≤ 2, not at 3).
    Returns the groups and how many terms left their class's first group."""
    at = [(model, assignment) for model, assignment in points([m for m in models if not m.finite], names, WIDER)
          if any(value not in DOMAIN for value in assignment.values())]  # the small points agree already
    known: dict[Term, tuple[int | None, ...]] = {}

    def wide(term: Term) -> tuple[int | None, ...]:
        if term not in known:
            for arg in term.args:
                wide(arg)
            known[term] = values(term, at, known)
        return known[term]

    groups: list[list[Term]] = []
    moved = 0
    for members in classes.values():
        if len(members) == 1 or not at or _passed(deadline):
            groups.append(members)
            continue
        split: list[list[Term]] = []
        for term in members:
            mine = wide(term)
            home = next((g for g in split if all(a is None or b is None or a == b for a, b in zip(wide(g[0]), mine))),
                        None)
            if home is None:
                split.append([term])
                moved += len(split) > 1
            else:
                home.append(term)
                moved += home is not split[0]
        groups.extend(split)
    return groups, moved


def _compare(order: Order, a: Term, b: Term) -> int:
    """The rewriting order on terms, their variables read as constants (a total order)."""
    a, b = fix(a), fix(b)
    return 0 if a == b else 1 if order.greater(a, b) else -1


def candidates(size, leaves, unary, binary, many, representatives):
    """The terms of ``size`` symbols built from ``leaves`` and the representatives of smaller
    sizes with the ``unary`` and ``binary`` operations and ``many`` (operation, inputs)."""
    if size == 1:
        yield from leaves
        return
    for op in unary:
        for arg in representatives.get(size - 1, []):
            yield apply(op, (arg,))
    for op in binary:
        for left_size in range(1, size - 1):
            for left in representatives.get(left_size, []):
                for right in representatives.get(size - 1 - left_size, []):
                    yield apply(op, (left, right))
    for op, inputs in many:
        for sizes in _compositions(size - 1, inputs):
            for args in itertools.product(*(representatives.get(s, []) for s in sizes)):
                yield apply(op, args)


def _compositions(total: int, parts: int) -> list[tuple[int, ...]]:
    """The ways to write ``total`` as an ordered sum of ``parts`` positive sizes."""
    if parts == 1:
        return [(total,)] if total >= 1 else []
    return [(first, *rest) for first in range(1, total) for rest in _compositions(total - first, parts - 1)]


def _canonical(left: Term, right: Term) -> tuple[Term, Term]:
    """Variables renamed by first occurrence in ``left`` then ``right``."""
    order = []
    for name in left.variables() + right.variables():
        if name not in order:
            order.append(name)
    mapping = {name: f"#{i}" for i, name in enumerate(order)}
    return left.rename(mapping), right.rename(mapping)


def _deduplicate(equations: list[tuple[Term, Term]]) -> list[tuple[Term, Term]]:
    seen: set[tuple[Term, Term]] = set()
    kept = []
    for left, right in equations:
        key = _canonical(left, right)
        flipped = _canonical(right, left)
        if key in seen or flipped in seen:
            continue
        seen.add(key)
        kept.append((left, right))
    return kept


def _tree(term: Term) -> TermTree:
    return term.head if not term.args else (term.head, tuple(_tree(a) for a in term.args))


def _variables(left: Term, right: Term) -> list[str]:
    """The variables of ``left = right`` in order of first occurrence."""
    return left.variables() + [v for v in right.variables() if v not in left.variables()]


def guarded_equation(left: Term, right: Term, carrier: str) -> Formula:
    """``forall x…: x ∈ carrier and … -> left = right`` (its variables in order of first
    occurrence), as :func:`~genlogic.mpl.parser.parse_formula` reads that text."""
    return universal_equation(tuple(_variables(left, right)), carrier, _tree(left), _tree(right))


def _statement(left: Term, right: Term, carrier: str) -> str:
    variables = _variables(left, right)
    equation = f"{left.text()} = {right.text()}"
    if not variables:
        return equation
    guards = " and ".join(f"{v} ∈ {carrier}" for v in variables)
    return f"forall {' '.join(variables)}: {guards} -> {equation}"
