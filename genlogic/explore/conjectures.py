"""Conjectures in the style of QuickSpec: enumerate terms by size from representatives only,
group them by their values on the ground model, and propose ``t = representative`` for every term
whose values match an earlier class. Because terms are built from representatives, an equation is
never proposed for a term one of whose parts is already known to equal something smaller; what
remains is deduplicated modulo renaming of variables and instances of earlier equations.

Every equation is written in MPL as ``forall x y: x ∈ X and y ∈ X -> lhs = rhs`` over the
carrier X of the induction schema, using the theory's own symbols.
"""

from __future__ import annotations

from dataclasses import dataclass

from genlogic.explore.model import GroundModel
from genlogic.explore.terms import Term, apply, assignments, evaluate, leaf
from genlogic.mpl.ast import Formula
from genlogic.mpl.parser import parse_formula
from genlogic.mpl.printer import is_name
from genlogic.theory.model import Theory

#: chosen once for all theories: terms up to this size, three variables, values 0..2
MAX_SIZE = 7
VARIABLE_COUNT = 3
DOMAIN = range(3)


@dataclass(frozen=True)
class Equation:
    """``left = right``, true on the ground model; ``statement`` is it in MPL."""

    left: Term
    right: Term
    statement: Formula
    text: str


@dataclass(frozen=True)
class Generation:
    equations: tuple[Equation, ...]  # deduplicated, smallest first
    universe: tuple[Term, ...]  # every enumerated term (for congruence pruning)
    terms: int  # terms evaluated
    raw: int  # equations before deduplication
    max_size: int


def conjectures(theory: Theory, model: GroundModel, max_size: int = MAX_SIZE) -> Generation:
    reserved = {c.name for c in theory.signature.constants}
    names = [v for v in ("x", "y", "z", "u", "v", "w", "p", "q") if v not in reserved][:VARIABLE_COUNT]
    leaves = [leaf(v, True) for v in names] + [leaf(c, False) for c in sorted(model.constants, key=model.constants.get)]
    unary = [model.step] if is_name(model.step) else []
    binary = list(model.binary)
    points = assignments(names, DOMAIN)
    classes: dict[tuple[int, ...], Term] = {}
    representatives: dict[int, list[Term]] = {}
    raw: list[tuple[Term, Term]] = []
    evaluated = 0
    for size in range(1, max_size + 1):
        for term in _candidates(size, leaves, unary, binary, representatives):
            values = []
            for point in points:
                value = evaluate(term, point, model)
                if value is None:
                    break
                values.append(value)
            evaluated += 1
            if len(values) != len(points):
                continue
            key = tuple(values)
            if key in classes:
                raw.append((term, classes[key]))
            else:
                classes[key] = term
                representatives.setdefault(size, []).append(term)
    unique = sorted(_deduplicate(raw), key=lambda eq: eq[0].size + eq[1].size)
    universe = [t for size in sorted(representatives) for t in representatives[size]] + [t for t, _ in raw]
    equations = []
    for left, right in unique:
        text = _statement(left, right, model.carrier)
        equations.append(Equation(left, right, parse_formula(text), text))
    return Generation(tuple(equations), tuple(universe), evaluated, len(raw), max_size)


def _candidates(size, leaves, unary, binary, representatives):
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


def _match(pattern: Term, term: Term, binding: dict[str, Term]) -> bool:
    if pattern.variable:
        bound = binding.get(pattern.head)
        if bound is None:
            binding[pattern.head] = term
            return True
        return bound == term
    if pattern.head != term.head or len(pattern.args) != len(term.args) or term.variable:
        return False
    return all(_match(p, t, binding) for p, t in zip(pattern.args, term.args))


def _instantiate(term: Term, binding: dict[str, Term]) -> Term:
    if term.variable:
        return binding.get(term.head, term)
    if not term.args:
        return term
    return apply(term.head, tuple(_instantiate(a, binding) for a in term.args))


class Congruence:
    """Congruence closure over the finite universe of enumerated terms. An equation is kept only
    if its sides are not already equal given the instances (within the universe) of the
    equations kept before it — the pruning of QuickSpec."""

    def __init__(self, universe: list[Term], max_size: int):
        self.max_size = max_size
        self.terms: list[Term] = []
        self.parent: dict[Term, Term] = {}
        self.signatures: dict[tuple, Term] = {}
        self.dirty = False
        for term in universe:
            self.add(term)
        self.close()

    def add(self, term: Term) -> None:
        """Put ``term`` and its subterms into the universe."""
        if term in self.parent:
            return
        for arg in term.args:
            self.add(arg)
        self.parent[term] = term
        self.terms.append(term)
        if term.args:
            key = (term.head, tuple(self.find(a) for a in term.args))
            other = self.signatures.setdefault(key, term)
            if other is not term:
                self.union(other, term)

    def find(self, term: Term) -> Term:
        while self.parent[term] != term:
            self.parent[term] = self.parent[self.parent[term]]
            term = self.parent[term]
        return term

    def union(self, a: Term, b: Term) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
            self.dirty = True

    def close(self) -> None:
        """Merge terms whose arguments became equal, until nothing changes."""
        while self.dirty:
            self.dirty = False
            self.signatures = {}
            for term in self.terms:
                if not term.args:
                    continue
                key = (term.head, tuple(self.find(a) for a in term.args))
                other = self.signatures.setdefault(key, term)
                if self.find(other) != self.find(term):
                    self.union(other, term)

    def accept(self, left: Term, right: Term) -> None:
        for pattern, other in ((left, right), (right, left)):
            for term in list(self.terms):
                binding: dict[str, Term] = {}
                if _match(pattern, term, binding):
                    instance = _instantiate(other, binding)
                    if instance.size <= self.max_size:
                        self.add(instance)
                        self.union(term, instance)
        self.close()

    def implied(self, left: Term, right: Term) -> bool:
        """Whether ``left = right`` follows from the accepted equations by congruence."""
        self.add(left)
        self.add(right)
        self.close()
        return self.find(left) == self.find(right)


def _statement(left: Term, right: Term, carrier: str) -> str:
    variables = left.variables() + [v for v in right.variables() if v not in left.variables()]
    equation = f"{left.text()} = {right.text()}"
    if not variables:
        return equation
    guards = " and ".join(f"{v} ∈ {carrier}" for v in variables)
    return f"forall {' '.join(variables)}: {guards} -> {equation}"
