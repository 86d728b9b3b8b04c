"""Kinds, as the kernel checks them (docs/proofgraph.md, "Kinds").

MPL is many-sorted. Every argument position of a predicate demands a kind: ``in[x,X]`` an
element and a set, ``in2[x,y,f]`` two elements and a binary relation, ``in3[a,b,c,g]`` three
elements and a ternary relation (``in4``, ``in5`` likewise), a defined predicate the kinds of
its parameters; ``=[a,b]`` demands that a and b have the same kind. Free identifiers have the kinds the caller gives
(theory constants, introduced constants); a bound variable has the kind its uses demand, and an
element when nothing demands one. A formula is *well-kinded* when no identifier is demanded at
two kinds. Alpha-equivalent formulas with the same free identifiers get the same kinds.

This is the kernel's own small union-find, deliberately separate from the engine's
(``genlogic.theory.kinds``, which also reports user errors with source positions).
"""

from __future__ import annotations

from typing import Callable, Mapping

from genlogic.mpl.ast import Atom, Forall, Formula, Not

ELEMENT, SET, RELATION2, RELATION3 = "element", "set", "binary relation", "ternary relation"
RELATION4, RELATION5 = "quaternary relation", "quinary relation"

BUILTIN_KINDS: dict[str, tuple[str, ...]] = {
    "in": (ELEMENT, SET),
    "in2": (ELEMENT, ELEMENT, RELATION2),
    "in3": (ELEMENT, ELEMENT, ELEMENT, RELATION3),
    "in4": (ELEMENT,) * 4 + (RELATION4,),
    "in5": (ELEMENT,) * 5 + (RELATION5,),
}


class KindError(Exception):
    """The formula is not well-kinded; the message says where."""


#: The kind of a free identifier, or None when it is unknown (an error).
Lookup = Callable[[str], "str | None"]


class _Inference:
    """Union-find over the variables of one formula; a class may be fixed to one kind."""

    def __init__(self, predicates: Mapping[str, tuple[str, ...]], lookup: Lookup, lenient: bool = False):
        self.predicates = predicates
        self.lookup = lookup
        self.lenient = lenient
        self.parent: list[int] = []
        self.kind: list[str | None] = []
        self.spine: dict[str, int] = {}  # variables of the recorded quantifiers -> slot

    def new(self) -> int:
        self.parent.append(len(self.parent))
        self.kind.append(None)
        return len(self.parent) - 1

    def find(self, slot: int) -> int:
        while self.parent[slot] != slot:
            slot = self.parent[slot]
        return slot

    def slot(self, name: str, env: dict[str, int]) -> int:
        """The class of a bound variable; a free identifier gets a class fixed to its kind."""
        if name in env:
            return env[name]
        env[name] = self.new()
        self.kind[env[name]] = self.free_kind(name)
        return env[name]

    def free_kind(self, name: str) -> str | None:
        kind = self.lookup(name)
        if kind is None and not self.lenient:
            raise KindError(f"the kind of {name} is unknown")
        return kind

    def fix(self, slot: int, kind: str, name: str, atom: Atom) -> None:
        root = self.find(slot)
        if self.kind[root] is None:
            self.kind[root] = kind
        elif self.kind[root] != kind:
            raise KindError(f"{name} is used as {_a(kind)} in {_text(atom)} but is {_a(self.kind[root])}")

    def union(self, a: int, b: int, atom: Atom) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        kind_a, kind_b = self.kind[root_a], self.kind[root_b]
        if kind_a is not None and kind_b is not None and kind_a != kind_b:
            raise KindError(f"{_text(atom)} equates {_a(kind_a)} with {_a(kind_b)}")
        self.parent[root_b] = root_a
        self.kind[root_a] = kind_a or kind_b

    def walk(self, formula: Formula, env: dict[str, int], spine: int) -> None:
        """``spine`` > 0: record the variables of the next ``spine`` quantifiers met along
        negations and consequents (the levels that ``apply`` instantiates)."""
        if isinstance(formula, Atom):
            self.atom(formula, env)
        elif isinstance(formula, Not):
            self.walk(formula.body, env, spine)
        elif isinstance(formula, Forall):
            inner = dict(env)
            for name in formula.variables:
                inner[name] = self.new()
                if spine > 0:
                    self.spine[name] = inner[name]
            self.walk(formula.antecedent, inner, 0)
            self.walk(formula.consequent, inner, spine - 1 if spine > 0 else 0)
        else:
            self.walk(formula.left, env, 0)
            self.walk(formula.right, env, 0)

    def atom(self, atom: Atom, env: dict[str, int]) -> None:
        if atom.pred == "=":
            left, right = atom.args
            self.union(self.slot(left, env), self.slot(right, env), atom)
            return
        kinds = self.predicates.get(atom.pred) or BUILTIN_KINDS.get(atom.pred)
        if kinds is None or len(kinds) != len(atom.args):
            raise KindError(f"{atom.pred} has no kinds for {len(atom.args)} arguments")
        for arg, kind in zip(atom.args, kinds):
            if arg in env:
                self.fix(env[arg], kind, arg, atom)
                continue
            have = self.free_kind(arg)  # a constant: compared directly, no class needed
            if have is not None and have != kind:
                raise KindError(f"{arg} is used as {_a(kind)} in {_text(atom)} but is {_a(have)}")

    def kind_of(self, slot: int) -> str:
        return self.kind[self.find(slot)] or ELEMENT


def quantified_kinds(
    formula: Formula, lookup: Lookup, predicates: Mapping[str, tuple[str, ...]], levels: int = 1, lenient: bool = False
) -> dict[str, str]:
    """Check that ``formula`` is well-kinded; return the kinds of the variables of its first
    ``levels`` quantifiers along negations and consequents (none for ``levels`` = 0).
    Raises :class:`KindError`. ``lenient``: a free identifier of unknown kind is not an error
    but constrains nothing (a guess, which the caller must confirm with a strict check)."""
    inference = _Inference(predicates, lookup, lenient)
    inference.walk(formula, {}, levels)
    return {name: inference.kind_of(slot) for name, slot in inference.spine.items()}


def check_kinds(formula: Formula, lookup: Lookup, predicates: Mapping[str, tuple[str, ...]]) -> None:
    """Raise :class:`KindError` unless ``formula`` is well-kinded."""
    quantified_kinds(formula, lookup, predicates, 0)


def parameter_kinds(
    params: tuple[str, ...], body: Formula, predicates: Mapping[str, tuple[str, ...]]
) -> tuple[str, ...]:
    """The kinds of a definition's parameters, from their uses in its body (element when
    unconstrained). Raises :class:`KindError` when the body is not well-kinded, or mentions an
    identifier that is not a parameter."""
    inference = _Inference(predicates, lambda name: None)
    env = {name: inference.new() for name in params}
    inference.walk(body, env, 0)
    return tuple(inference.kind_of(env[p]) for p in params)


def _a(kind: str) -> str:
    return f"an {kind}" if kind == ELEMENT else f"a {kind}"


def _text(atom: Atom) -> str:
    return f"({atom.pred}[{','.join(atom.args)}])"
