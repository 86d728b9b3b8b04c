"""Terms folded back from relational formulas: the one place the browser turns ``in3[x,y,w,+]``
facts into ``x + y``, and statements into premises and a conclusion over such terms
(:func:`read`: what names and case statements are made of).

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

from genlogic.mpl.ast import FUNCTION_ATOMS, Atom, Forall, Formula, Not, conjuncts

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


MEMBER = "∈"  # the relation of a membership literal x ∈ C


@dataclass(frozen=True)
class Literal:
    """``left = right`` (``relation`` None) or ``relation(args)``, possibly negated."""

    relation: str | None
    args: tuple[Term, ...]
    negated: bool = False

    def text(self) -> str:
        if self.relation is None:
            left, right = self.args
            return f"{left.text()} {'≠' if self.negated else '='} {right.text()}"
        if self.relation == MEMBER:
            element, of = self.args
            return f"{element.text()} {'∉' if self.negated else '∈'} {of.text()}"
        text = f"{self.relation}({', '.join(a.text() for a in self.args)})"
        return f"not {text}" if self.negated else text


@dataclass(frozen=True)
class Reading:
    variables: tuple[str, ...]
    premises: tuple[Literal, ...]
    conclusion: Literal

    def text(self) -> str:
        """As a person writes it: ``for all x y: x + y = y + x`` (guards left out)."""
        body = self.conclusion.text()
        if self.premises:
            body = f"{' and '.join(p.text() for p in self.premises)} -> {body}"
        return f"for all {' '.join(self.variables)}: {body}" if self.variables else body


def read(formula: Formula, functions: dict[str, int], known: Definitions | None = None) -> Reading | None:
    """The statement as premises → conclusion over folded terms, or None if it has another form
    (an inner variable nothing defines, a disjunction, an existential …). Every bound variable that
    a premise ``g(ā) = v`` defines is folded into that term — the nested form
    ``∀_1 (y + z = _1 → x + z = _1)`` and the flat ``y + z = t ∧ x + z = t`` read alike, and a
    ``_1`` never shows — and a guard ``v ∈ C`` (C a constant set) is left out. ``known``:
    constants that already stand for terms (a step case's ``m = s(n)``)."""
    if not isinstance(formula, Forall):
        return None
    parts: list[Formula] = []
    inner: list[str] = []
    body: Formula = formula
    while isinstance(body, Forall):
        if body is not formula:
            inner.extend(body.variables)
        parts.extend(conjuncts(body.antecedent))
        body = body.consequent
    bound = set(formula.variables) | set(inner)
    definitions = known.copy() if known is not None else Definitions()
    premises: list[Formula] = []
    folded: set[str] = set()
    for part in parts:
        found = defined(part, functions)
        if found is not None and found[0] in bound and found[0] not in folded and found[0] not in found[2]:
            definitions.add(*found)
            folded.add(found[0])
        elif isinstance(part, Atom) and part.pred == "in" and part.args[0] in bound and part.args[1] not in bound:
            continue  # a guard: x ∈ N
        else:
            premises.append(part)
    if set(inner) - folded:
        return None
    read_premises = [literal(p, definitions, functions) for p in premises]
    conclusion = literal(body, definitions, functions)
    if conclusion is None or any(p is None for p in read_premises):
        return None
    return Reading(tuple(v for v in formula.variables if v not in folded), tuple(read_premises), conclusion)


def literal(formula: Formula, definitions: Definitions, functions: dict[str, int]) -> Literal | None:
    """An atom or its negation (or a premise with nested terms) over folded terms; None for anything else."""
    if isinstance(formula, Forall):  # a premise with nested terms: ∀_1 (y + z = _1 → x + z = _1)
        local = definitions.copy()
        for part in conjuncts(formula.antecedent):
            found = defined(part, functions)
            if found is None or found[0] not in formula.variables:
                return None
            local.add(*found)
        if any(v not in local for v in formula.variables):
            return None
        return literal(formula.consequent, local, functions)
    negated = isinstance(formula, Not)
    atom = formula.body if negated else formula
    if not isinstance(atom, Atom):
        return None
    found = defined(atom, functions)
    if found is not None:
        output, function, inputs = found
        return Literal(None, (Term(function, tuple(definitions.term(a) for a in inputs)), definitions.term(output)), negated)
    if atom.pred == "=" and len(atom.args) == 2:
        return Literal(None, tuple(definitions.term(a) for a in atom.args), negated)
    if atom.pred == "in" and len(atom.args) == 2:
        return Literal(MEMBER, (definitions.term(atom.args[0]), Term(atom.args[1])), negated)
    if atom.pred in FUNCTION_ATOMS:
        return Literal(atom.args[-1], tuple(definitions.term(a) for a in atom.args[:-1]), negated)
    return None
