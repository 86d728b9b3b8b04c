"""Terms over a theory's operations: variables, constants and applications, with the positions,
matching and substitution that rewriting needs. A leaf is a variable when ``variable`` is set;
any other leaf is a constant (of the theory, or a fixed parameter of a proof)."""

from __future__ import annotations

from dataclasses import dataclass, field

Position = tuple[int, ...]


@dataclass(frozen=True, order=True)
class Term:
    size: int
    head: str
    args: tuple["Term", ...] = ()
    variable: bool = False
    digest: int = field(default=0, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "digest", hash((self.head, self.args, self.variable)))

    def __hash__(self) -> int:  # terms are hashed very often by the rewriter's caches
        return self.digest

    def variables(self) -> list[str]:
        """The variables, in order of first occurrence."""
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
        if len(self.args) != 2:
            return f"{self.head}({', '.join(a.text() for a in self.args)})"
        inner = f"{self.args[0].text(False)} {self.head} {self.args[1].text(False)}"
        return inner if outermost else f"({inner})"

    def rename(self, mapping: dict[str, str]) -> "Term":
        """Rename variables."""
        if self.variable:
            return Term(1, mapping.get(self.head, self.head), (), True)
        return Term(self.size, self.head, tuple(a.rename(mapping) for a in self.args), self.variable)

    def at(self, position: Position) -> "Term":
        term = self
        for index in position:
            term = term.args[index]
        return term

    def replace(self, position: Position, new: "Term") -> "Term":
        if not position:
            return new
        index = position[0]
        args = self.args[:index] + (self.args[index].replace(position[1:], new),) + self.args[index + 1 :]
        return apply(self.head, args)

    def positions(self) -> list[Position]:
        """Every position, innermost first."""
        found: list[Position] = []
        for index, arg in enumerate(self.args):
            found.extend((index, *p) for p in arg.positions())
        found.append(())
        return found


def leaf(name: str, variable: bool) -> Term:
    return Term(1, name, (), variable)


def apply(op: str, args: tuple[Term, ...]) -> Term:
    return Term(1 + sum(a.size for a in args), op, args)


def match(pattern: Term, term: Term, binding: dict[str, Term]) -> bool:
    """Extend ``binding`` so that ``pattern`` instantiated by it is ``term``."""
    if pattern.variable:
        bound = binding.get(pattern.head)
        if bound is None:
            binding[pattern.head] = term
            return True
        return bound == term
    if pattern.head != term.head or len(pattern.args) != len(term.args) or term.variable:
        return False
    return all(match(p, t, binding) for p, t in zip(pattern.args, term.args))


def instantiate(term: Term, binding: dict[str, Term]) -> Term:
    if term.variable:
        return binding.get(term.head, term)
    if not term.args:
        return term
    return apply(term.head, tuple(instantiate(a, binding) for a in term.args))


def fix(term: Term, names: set[str] | None = None) -> Term:
    """The variables (those in ``names``, or all) turned into constants of the same name."""
    if term.variable:
        return leaf(term.head, False) if names is None or term.head in names else term
    if not term.args:
        return term
    return apply(term.head, tuple(fix(a, names) for a in term.args))
