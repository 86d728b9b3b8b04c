"""Equality between constants: union-find with a proof forest (as in egg's explanations).

Every union is justified by a step proving ``a = b``; :meth:`Equalities.explain` turns the path
between two constants in the forest into ``eq_symm``/``eq_trans`` steps. The representative of a
class is its least constant by ``rank`` (theory constants and parameters before witnesses), so
canonical facts read in the names a person gave.
"""

from __future__ import annotations

from collections import deque

from genlogic.engine.proof import ProofLog
from genlogic.mpl.ast import Atom


def equation(a: str, b: str) -> Atom:
    return Atom("=", (a, b))


class Equalities:
    def __init__(self, log: ProofLog, block: str):
        self.log = log
        self.block = block
        self.parent: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}
        self.edges: dict[str, list[tuple[str, str]]] = {}  # constant → [(neighbour, step proving =[c, n] or =[n, c])]
        self.rank: dict[str, tuple[int, int]] = {}
        self.explained: dict[tuple[str, str], str] = {}

    def clone(self, log: ProofLog, block: str) -> "Equalities":
        other = Equalities(log, block)
        other.parent = dict(self.parent)
        other.members = {k: list(v) for k, v in self.members.items()}
        other.edges = {k: list(v) for k, v in self.edges.items()}
        other.rank = dict(self.rank)
        other.explained = dict(self.explained)
        return other

    def add(self, constant: str, rank: tuple[int, int]) -> None:
        if constant not in self.parent:
            self.parent[constant] = constant
            self.members[constant] = [constant]
            self.edges[constant] = []
            self.rank[constant] = rank

    def find(self, constant: str) -> str:
        return self.parent.get(constant, constant)

    def union(self, a: str, b: str, step: str) -> tuple[str, str] | None:
        """Merge the classes of ``a`` and ``b`` (``step`` proves ``a = b``). Returns
        ``(loser, winner)`` representatives, or ``None`` if already equal."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        self.edges[a].append((b, step))
        self.edges[b].append((a, step))
        winner, loser = (ra, rb) if self.rank[ra] <= self.rank[rb] else (rb, ra)
        for member in self.members[loser]:
            self.parent[member] = winner
        self.members[winner].extend(self.members.pop(loser))
        return loser, winner

    def explain(self, a: str, b: str) -> str:
        """A step proving ``a = b`` (which must hold): refl, or a chain through the forest."""
        key = (a, b)
        if key in self.explained:
            return self.explained[key]
        if a == b:
            result = self.log.record("eq_refl", equation(a, a), (), self.block)
        else:
            result = self._chain(self._path(a, b))
        self.explained[key] = result
        return result

    def _path(self, a: str, b: str) -> list[tuple[str, str, str]]:
        """Edges (x, y, step) from a to b in the forest, by breadth-first search."""
        previous: dict[str, tuple[str, str]] = {a: ("", "")}
        queue = deque([a])
        while queue:
            node = queue.popleft()
            if node == b:
                break
            for neighbour, step in self.edges[node]:
                if neighbour not in previous:
                    previous[neighbour] = (node, step)
                    queue.append(neighbour)
        path = []
        node = b
        while node != a:
            before, step = previous[node]
            path.append((before, node, step))
            node = before
        return list(reversed(path))

    def _oriented(self, x: str, y: str, step: str) -> str:
        """A step proving ``x = y`` from ``step``, which proves it one way or the other."""
        if self.log.steps[step].formula == equation(x, y):
            return step
        return self.log.record("eq_symm", equation(x, y), (step,), self.block)

    def _chain(self, path: list[tuple[str, str, str]]) -> str:
        start = path[0][0]
        current = self._oriented(*path[0])
        for x, y, step in path[1:]:
            current = self.log.record("eq_trans", equation(start, y), (current, self._oriented(x, y, step)), self.block)
        return current
