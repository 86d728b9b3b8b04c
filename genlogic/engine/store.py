"""The literal store of a Logic Block: live literals over class representatives, indexed by
predicate and by each argument, each with the step that proves it.

A literal is ``(positive, pred, args)``. Only canonical literals (every argument its class
representative) are live; :meth:`FactStore.canonical` rewrites a literal into that form with a
recorded ``eq_subst`` step, and :meth:`FactStore.exact` rewrites a live literal back into any
equal form that a rule or a goal asks for.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Iterator

from genlogic.engine.equality import Equalities
from genlogic.engine.proof import ProofLog
from genlogic.mpl.ast import Atom, Formula, Not

Literal = tuple[bool, str, tuple[str, ...]]


def literal_formula(literal: Literal) -> Formula:
    positive, pred, args = literal
    atom = Atom(pred, args)
    return atom if positive else Not(atom)


class FactStore:
    def __init__(self, log: ProofLog, equalities: Equalities, block: str):
        self.log = log
        self.equalities = equalities
        self.block = block
        # Indexes are dicts used as insertion-ordered sets: iteration order must not depend on
        # string hashing, or two processes would derive the same facts in different orders.
        self.proof: dict[Literal, str] = {}
        self.by_pred: dict[tuple[bool, str], dict[tuple[str, ...], None]] = defaultdict(dict)
        self.by_arg: dict[tuple[bool, str, int, str], dict[tuple[str, ...], None]] = defaultdict(dict)
        self.by_constant: dict[str, dict[Literal, None]] = defaultdict(dict)

    def clone(self, log: ProofLog, equalities: Equalities, block: str) -> "FactStore":
        other = FactStore(log, equalities, block)
        other.proof = dict(self.proof)
        for key, value in self.by_pred.items():
            other.by_pred[key] = dict(value)
        for key, value in self.by_arg.items():
            other.by_arg[key] = dict(value)
        for key, value in self.by_constant.items():
            other.by_constant[key] = dict(value)
        return other

    def __contains__(self, literal: Literal) -> bool:
        return literal in self.proof

    def __len__(self) -> int:
        return len(self.proof)

    def canonical_args(self, args: Iterable[str]) -> tuple[str, ...]:
        find = self.equalities.find
        return tuple(find(a) for a in args)

    def canonical(self, literal: Literal, step: str) -> tuple[Literal, str]:
        """The canonical form of ``literal`` (proved by ``step``) and a step proving it."""
        positive, pred, args = literal
        target = self.canonical_args(args)
        if target == args:
            return literal, step
        return (positive, pred, target), self._rewrite(literal, step, target)

    def exact(self, literal: Literal) -> str | None:
        """A step proving ``literal`` exactly as given, if its canonical form is live."""
        positive, pred, args = literal
        canonical = (positive, pred, self.canonical_args(args))
        step = self.proof.get(canonical)
        if step is None or canonical == literal:
            return step
        return self._rewrite(canonical, step, args)

    def restate(self, literal: Literal, step: str, target: tuple[str, ...]) -> str:
        """A step proving ``literal`` (proved by ``step``) with the equal arguments ``target``."""
        return self._rewrite(literal, step, target) if literal[2] != target else step

    def _rewrite(self, literal: Literal, step: str, target: tuple[str, ...]) -> str:
        positive, pred, args = literal
        equations = []
        for source, goal in zip(args, target):
            if source != goal:
                equation = self.equalities.explain(source, goal)
                if equation not in equations:
                    equations.append(equation)
        formula = literal_formula((positive, pred, target))
        return self.log.record("eq_subst", formula, (step, *equations), self.block)

    def add(self, literal: Literal, step: str) -> bool:
        """Make a canonical literal live; ``False`` if it already was."""
        if literal in self.proof:
            return False
        positive, pred, args = literal
        self.proof[literal] = step
        self.by_pred[(positive, pred)][args] = None
        for position, value in enumerate(args):
            self.by_arg[(positive, pred, position, value)][args] = None
            self.by_constant[value][literal] = None
        return True

    def remove(self, literal: Literal) -> str:
        positive, pred, args = literal
        step = self.proof.pop(literal)
        self.by_pred[(positive, pred)].pop(args, None)
        for position, value in enumerate(args):
            self.by_arg[(positive, pred, position, value)].pop(args, None)
            self.by_constant[value].pop(literal, None)
        return step

    def mentioning(self, constant: str) -> list[Literal]:
        return list(self.by_constant.get(constant, ()))

    def count(self, positive: bool, pred: str, values: list[str | None]) -> int:
        """An upper bound on the live literals matching ``values`` (``None``: any constant)."""
        sizes = [
            len(self.by_arg.get((positive, pred, position, value), ()))
            for position, value in enumerate(values)
            if value is not None
        ]
        return min(sizes) if sizes else len(self.by_pred.get((positive, pred), ()))

    def candidates(self, positive: bool, pred: str, bound: dict[int, str]) -> Iterator[tuple[str, ...]]:
        """Live argument tuples of ``pred`` agreeing with ``bound`` (position → constant)."""
        if not bound:
            yield from list(self.by_pred.get((positive, pred), ()))
            return
        sets = [self.by_arg.get((positive, pred, position, value), {}) for position, value in bound.items()]
        smallest = min(sets, key=len)
        for args in list(smallest):
            if all(args[position] == value for position, value in bound.items()):
                yield args
