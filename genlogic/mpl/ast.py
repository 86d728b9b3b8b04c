"""The MPL abstract syntax: frozen dataclasses, nothing else.

A formula is built from four constructors, exactly those of the GL core notation:

* ``Atom(pred, args)``  — ``(pred[a1,...,an])``; ``in``, ``=`` and the function atoms ``in2`` …
  ``in5`` are built in, every other ``pred`` names a definition;
* ``Not(body)``         — ``!F``;
* ``And(left, right)``  — ``(&F G)``;
* ``Forall(variables, antecedent, consequent)`` — ``(>[x,y](A)(B))``: ∀x,y (A → B).

Source positions (:class:`Span`) ride along for error messages but never take part in
equality or hashing, so ``parse(print(t)) == t`` compares structure only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Union


@dataclass(frozen=True)
class Span:
    """Where a piece of syntax starts in its source: file, 1-based line and column."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


def _span() -> Span | None:
    return field(default=None, compare=False, hash=False, repr=False)


class _Hashed:
    """A formula's hash, computed once from its fields (spans excluded) when it is built:
    formulas are hashed very often (sets of facts, caches), and a dataclass hash would walk the
    whole tree each time. Equality stays the dataclass's field-by-field comparison."""

    def __post_init__(self) -> None:
        fields = tuple(getattr(self, name) for name in self.__dataclass_fields__ if name != "span")
        object.__setattr__(self, "_digest", hash((type(self).__name__, fields)))

    def __hash__(self) -> int:
        return self._digest  # type: ignore[attr-defined]

    def __reduce__(self):  # rebuilt by its constructor: a hash is only valid in its own process
        return type(self), tuple(getattr(self, name) for name in self.__dataclass_fields__)


@dataclass(frozen=True)
class Atom(_Hashed):
    pred: str
    args: tuple[str, ...]
    span: Span | None = _span()
    __hash__ = _Hashed.__hash__


@dataclass(frozen=True)
class Not(_Hashed):
    body: "Formula"
    span: Span | None = _span()
    __hash__ = _Hashed.__hash__


@dataclass(frozen=True)
class And(_Hashed):
    left: "Formula"
    right: "Formula"
    span: Span | None = _span()
    __hash__ = _Hashed.__hash__


@dataclass(frozen=True)
class Forall(_Hashed):
    variables: tuple[str, ...]
    antecedent: "Formula"
    consequent: "Formula"
    span: Span | None = _span()
    __hash__ = _Hashed.__hash__


Formula = Union[Atom, Not, And, Forall]

#: The function atoms and how many inputs each has: ``in2[x,y,f]`` is f(x) = y, ``in3[a,b,c,g]``
#: is g(a, b) = c, up to ``in5[a,b,c,d,e,h]``, h(a, b, c, d) = e. The relation is the last argument,
#: the output the one before it.
FUNCTION_ATOMS: dict[str, int] = {"in2": 1, "in3": 2, "in4": 3, "in5": 4}

#: The built-in predicates and their arities; everything else must be defined.
BUILTINS: dict[str, int] = {"in": 2, "=": 2, **{pred: inputs + 2 for pred, inputs in FUNCTION_ATOMS.items()}}


def function_atom(inputs: int) -> str:
    """The function atom of a function with ``inputs`` arguments (1 to 4)."""
    return f"in{inputs + 1}"


def conjuncts(formula: Formula) -> Iterator[Formula]:
    """The operands of a (nested) conjunction, left to right."""
    if isinstance(formula, And):
        yield from conjuncts(formula.left)
        yield from conjuncts(formula.right)
    else:
        yield formula


def conjoin(parts: list[Formula]) -> Formula:
    """Left-nested conjunction of one or more formulas (inverse of :func:`conjuncts`)."""
    result = parts[0]
    for part in parts[1:]:
        result = And(result, part)
    return result


def subformulas(formula: Formula) -> Iterator[Formula]:
    """Every subformula, the formula itself first (pre-order)."""
    yield formula
    if isinstance(formula, Not):
        yield from subformulas(formula.body)
    elif isinstance(formula, And):
        yield from subformulas(formula.left)
        yield from subformulas(formula.right)
    elif isinstance(formula, Forall):
        yield from subformulas(formula.antecedent)
        yield from subformulas(formula.consequent)


def identifiers(formula: Formula) -> set[str]:
    """Every identifier occurring in the formula: arguments and bound variables."""
    names: set[str] = set()
    for sub in subformulas(formula):
        if isinstance(sub, Atom):
            names.update(sub.args)
        elif isinstance(sub, Forall):
            names.update(sub.variables)
    return names


def free_identifiers(formula: Formula) -> set[str]:
    """Arguments not bound by an enclosing ``Forall``."""
    if isinstance(formula, Atom):
        return set(formula.args)
    if isinstance(formula, Not):
        return free_identifiers(formula.body)
    if isinstance(formula, And):
        return free_identifiers(formula.left) | free_identifiers(formula.right)
    inner = free_identifiers(formula.antecedent) | free_identifiers(formula.consequent)
    return inner - set(formula.variables)


# --- file statements -------------------------------------------------------------------


@dataclass(frozen=True)
class Import:
    """``import "path.mpl"`` — path as written, relative to the importing file."""

    path: str
    span: Span | None = _span()


@dataclass(frozen=True)
class DefStatement:
    """``def Name[p1,...] := F`` or, with ``is_anchor``, ``anchor Name[p1,...] := F``."""

    name: str
    params: tuple[str, ...]
    body: Formula
    is_anchor: bool = False
    span: Span | None = _span()
    readable: bool = field(default=False, compare=False)  # written in the readable notation


@dataclass(frozen=True)
class TheoremStatement:
    """``theorem name := F``."""

    name: str
    formula: Formula
    span: Span | None = _span()
    readable: bool = field(default=False, compare=False)  # written in the readable notation


Statement = Union[Import, DefStatement, TheoremStatement]


@dataclass(frozen=True)
class Comment:
    """A ``#`` comment; kept so that ``genlogic fmt`` does not lose it."""

    text: str
    line: int


@dataclass(frozen=True)
class SourceFile:
    """One parsed ``.mpl`` file: its statements in order, plus its comments."""

    path: str
    statements: tuple[Statement, ...]
    comments: tuple[Comment, ...] = field(default=(), compare=False)
