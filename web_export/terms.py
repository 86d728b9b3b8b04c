"""Terms folded back from relational formulas: the one place the browser turns ``in3[x,y,w,+]``
facts into ``x + y``.

Proofs and statements are stored flat: a nested term is a constant (a witness ``w4``, a block
parameter ``m``, a bound ``_1``) plus a fact defining it (``in3[n,x',w4,+]``, ``in2[n,m,s]``).
Here such definitions are collected and folded, so that ``w5`` reads ``s(n + x')``. Only atoms of
the theory's *functions* (relations the axioms make functional) define anything: ``in2[a,b,le]``
for a relation ``le`` stays a relation.

The text follows the readable printer (docs/mpl.md): a two-input function in infix (``a + b``),
any other as ``f(a, b, c)``; operands in infix position are parenthesised.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from genlogic.mpl.ast import FUNCTION_ATOMS, Atom, Formula

#: how deep a folded term may nest before the rest is shown by name
MAX_DEPTH = 24


@dataclass(frozen=True)
class Term:
    """A name, or a function applied to terms."""

    head: str
    args: tuple["Term", ...] = ()

    @property
    def infix(self) -> bool:
        return len(self.args) == 2

    def text(self, operand: bool = False) -> str:
        if not self.args:
            return self.head
        if self.infix:
            inner = f"{self.args[0].text(True)} {self.head} {self.args[1].text(True)}"
            return f"({inner})" if operand else inner
        return f"{self.head}({', '.join(a.text() for a in self.args)})"

    def leaves(self) -> list[str]:
        if not self.args:
            return [self.head]
        return [name for arg in self.args for name in arg.leaves()]


def defined(atom: Formula, functions: dict[str, int]) -> tuple[str, str, tuple[str, ...]] | None:
    """``(output, function, inputs)`` when ``atom`` states ``function(inputs) = output`` for one of
    the theory's ``functions`` (name → number of inputs)."""
    if not isinstance(atom, Atom) or atom.pred not in FUNCTION_ATOMS or len(atom.args) < 3:
        return None
    function, output, inputs = atom.args[-1], atom.args[-2], atom.args[:-2]
    if functions.get(function) != len(inputs):
        return None
    return output, function, inputs


class Definitions:
    """Constants and the applications they stand for; :meth:`term` folds them. A constant defined
    twice in different ways, or in a cycle, is shown by its name."""

    def __init__(self) -> None:
        self._of: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._clashes: set[str] = set()
        self._memo: dict[str, Term] = {}

    def add(self, output: str, function: str, inputs: tuple[str, ...]) -> None:
        if output in inputs or output in self._clashes:
            return
        known = self._of.get(output)
        if known is not None and known != (function, inputs):
            del self._of[output]
            self._clashes.add(output)
            return
        self._of[output] = (function, inputs)
        self._memo.clear()

    def add_facts(self, parts: Iterable[Formula], outputs: set[str] | frozenset[str], functions: dict[str, int]) -> None:
        """Every part defining one of ``outputs``."""
        for part in parts:
            found = defined(part, functions)
            if found is not None and found[0] in outputs:
                self.add(*found)

    def copy(self) -> "Definitions":
        other = Definitions()
        other._of, other._clashes = dict(self._of), set(self._clashes)
        return other

    def __contains__(self, name: str) -> bool:
        return name in self._of

    def items(self) -> list[tuple[str, Term]]:
        return [(name, self.term(name)) for name in self._of]

    def term(self, name: str) -> Term:
        if name not in self._memo:
            self._memo[name] = self._fold(name, frozenset(), 0)
        return self._memo[name]

    def _fold(self, name: str, visiting: frozenset[str], depth: int) -> Term:
        known = self._of.get(name)
        if known is None or name in visiting or depth > MAX_DEPTH:
            return Term(name)
        function, inputs = known
        inner = visiting | {name}
        return Term(function, tuple(self._fold(a, inner, depth + 1) for a in inputs))

    def text(self, name: str) -> str:
        return self.term(name).text()
