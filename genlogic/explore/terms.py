"""Terms over a signature — variables, constants, applications — enumerated by size, evaluated
on the ground model and printed in readable MPL."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from genlogic.explore.model import GroundModel


@dataclass(frozen=True, order=True)
class Term:
    """``op`` is ``None`` for a leaf; a leaf is a variable when ``variable`` is set."""

    size: int
    head: str
    args: tuple["Term", ...] = ()
    variable: bool = False

    def variables(self) -> list[str]:
        if self.variable:
            return [self.head]
        found: list[str] = []
        for arg in self.args:
            for name in arg.variables():
                if name not in found:
                    found.append(name)
        return found

    def text(self, outermost: bool = True) -> str:
        if not self.args:
            return self.head
        if len(self.args) == 1:
            return f"{self.head}({self.args[0].text()})"
        inner = f"{self.args[0].text(False)} {self.head} {self.args[1].text(False)}"
        return inner if outermost else f"({inner})"

    def rename(self, mapping: dict[str, str]) -> "Term":
        if self.variable:
            return Term(1, mapping.get(self.head, self.head), (), True)
        return Term(self.size, self.head, tuple(a.rename(mapping) for a in self.args), self.variable)


def leaf(name: str, variable: bool) -> Term:
    return Term(1, name, (), variable)


def apply(op: str, args: tuple[Term, ...]) -> Term:
    return Term(1 + sum(a.size for a in args), op, args)


def evaluate(term: Term, assignment: dict[str, int], model: GroundModel) -> int | None:
    if term.variable:
        return assignment[term.head]
    if not term.args:
        return model.constants.get(term.head)
    values = []
    for arg in term.args:
        value = evaluate(arg, assignment, model)
        if value is None:
            return None
        values.append(value)
    return model.apply(term.head, tuple(values))


def assignments(variables: list[str], domain: range) -> list[dict[str, int]]:
    return [dict(zip(variables, values)) for values in itertools.product(domain, repeat=len(variables))]
