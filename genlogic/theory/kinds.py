"""Kind inference: what each parameter, constant and bound variable denotes, from its uses.

Each atom constrains its arguments — ``in[x,X]``: x an element, X a set; ``in2[x,y,f]``: x, y
elements, f a binary relation; ``in3[a,b,c,g]``: a, b, c elements, g a ternary relation (and so
on up to ``in5``);
``=[a,b]``: a and b of the same kind; ``P[...]``: each argument of the kind of P's parameter.
Constraints are solved with union-find; an identifier with no constraint is an element.
A conflict names both uses.
"""

from __future__ import annotations

from typing import Mapping

from genlogic.errors import MplError
from genlogic.mpl.ast import Atom, Forall, Formula, Not, Span
from genlogic.theory.model import Kind

_BUILTIN_KINDS: dict[str, tuple[Kind, ...]] = {
    "in": (Kind.ELEMENT, Kind.SET),
    "in2": (Kind.ELEMENT, Kind.ELEMENT, Kind.RELATION2),
    "in3": (Kind.ELEMENT, Kind.ELEMENT, Kind.ELEMENT, Kind.RELATION3),
    "in4": (Kind.ELEMENT,) * 4 + (Kind.RELATION4,),
    "in5": (Kind.ELEMENT,) * 5 + (Kind.RELATION5,),
}


def _article(kind: Kind) -> str:
    return ("an " if kind is Kind.ELEMENT else "a ") + str(kind)


class _Slots:
    """Union-find over identifier occurrences; each class may be fixed to one kind."""

    def __init__(self) -> None:
        self.parent: list[int] = []
        self.fixed: list[tuple[Kind, Span | None] | None] = []

    def new(self) -> int:
        self.parent.append(len(self.parent))
        self.fixed.append(None)
        return len(self.parent) - 1

    def find(self, slot: int) -> int:
        while self.parent[slot] != slot:
            self.parent[slot] = self.parent[self.parent[slot]]
            slot = self.parent[slot]
        return slot

    def fix(self, slot: int, kind: Kind, span: Span | None, name: str) -> None:
        root = self.find(slot)
        known = self.fixed[root]
        if known is None:
            self.fixed[root] = (kind, span)
        elif known[0] is not kind:
            raise MplError(
                f"'{name}' is used as {_article(kind)} here, but as {_article(known[0])}",
                span,
                note=f"at {known[1]}" if known[1] else None,
            )

    def union(self, a: int, b: int, span: Span | None, names: tuple[str, str]) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        known_a, known_b = self.fixed[root_a], self.fixed[root_b]
        if known_a and known_b and known_a[0] is not known_b[0]:
            raise MplError(
                f"'=' compares '{names[0]}', {_article(known_a[0])}, with '{names[1]}', "
                f"{_article(known_b[0])}",
                span,
                note=f"'{names[1]}' is {_article(known_b[0])} because of its use at {known_b[1]}",
            )
        self.parent[root_b] = root_a
        if known_a is None:
            self.fixed[root_a] = known_b

    def kind(self, slot: int) -> Kind:
        known = self.fixed[self.find(slot)]
        return known[0] if known else Kind.ELEMENT


class _Inference:
    def __init__(self, predicate_kinds: Mapping[str, tuple[Kind, ...]]):
        self.predicate_kinds = {**_BUILTIN_KINDS, **predicate_kinds}
        self.slots = _Slots()
        self.binders: list[tuple[str, int]] = []

    def walk(self, formula: Formula, env: dict[str, int]) -> None:
        if isinstance(formula, Atom):
            self.atom(formula, env)
        elif isinstance(formula, Not):
            self.walk(formula.body, env)
        elif isinstance(formula, Forall):
            inner = dict(env)
            for name in formula.variables:
                inner[name] = self.slots.new()
                self.binders.append((name, inner[name]))
            self.walk(formula.antecedent, inner)
            self.walk(formula.consequent, inner)
        else:
            self.walk(formula.left, env)
            self.walk(formula.right, env)

    def atom(self, atom: Atom, env: dict[str, int]) -> None:
        if atom.pred == "=":
            left, right = atom.args
            self.slots.union(env[left], env[right], atom.span, (left, right))
            return
        for arg, kind in zip(atom.args, self.predicate_kinds[atom.pred]):
            self.slots.fix(env[arg], kind, atom.span, arg)

    def binder_kinds(self) -> tuple[tuple[str, Kind], ...]:
        return tuple((name, self.slots.kind(slot)) for name, slot in self.binders)


def infer_definition(
    params: tuple[str, ...], body: Formula, predicate_kinds: Mapping[str, tuple[Kind, ...]]
) -> tuple[tuple[Kind, ...], tuple[tuple[str, Kind], ...]]:
    """Kinds of ``params`` and of every bound variable of ``body`` (pre-order)."""
    inference = _Inference(predicate_kinds)
    env = {name: inference.slots.new() for name in params}
    inference.walk(body, env)
    return tuple(inference.slots.kind(env[p]) for p in params), inference.binder_kinds()


def infer_statement(
    formula: Formula,
    constants: Mapping[str, tuple[Kind, Span | None]],
    predicate_kinds: Mapping[str, tuple[Kind, ...]],
) -> tuple[tuple[str, Kind], ...]:
    """Check ``formula`` against the kinds of the ``constants`` it mentions; return the kinds
    of its bound variables (pre-order)."""
    inference = _Inference(predicate_kinds)
    env: dict[str, int] = {}
    for name, (kind, span) in constants.items():
        env[name] = inference.slots.new()
        inference.slots.fix(env[name], kind, span, name)
    inference.walk(formula, env)
    return inference.binder_kinds()
