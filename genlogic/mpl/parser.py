"""Text → AST: runs the Lark grammar (``mpl.lark``) and desugars the readable notation.

The readable notation is turned into the relational core here, so every later stage sees
only the four core constructors of :mod:`genlogic.mpl.ast`.

Desugaring of terms (documented in docs/mpl.md, "Nested terms"):

* ``f(x) = y`` is ``in2[x,y,f]``; ``a + b = c`` and ``g(a, b) = c`` are ``in3[a,b,c,+]`` and
  ``in3[a,b,c,g]``; ``h(a, b, c) = d`` is ``in4[a,b,c,d,h]`` (up to four arguments, ``in5``);
  ``x ∈ X`` is ``in[x,X]``; ``s ≠ t`` is ``!(s = t)``; ``x ∉ X`` is
  ``!(x ∈ X)``.
* An equation with one application on one side and a variable on the other is a single atom
  (``c = a + b`` is ``in3[a,b,c,+]`` too).
* Every other compound term gets a fresh variable ``_1``, ``_2``, … (numbered per statement,
  skipping names the statement already uses), defined by its own atom. The atom then reads
  ``∀ fresh: definitions → atom``: ``(a + b) + c = a + (b + c)`` becomes
  ``∀ _1 _2 _3: a + b = _1 ∧ b + c = _2 ∧ a + _2 = _3 → _1 + c = _3``. Subterms are named
  left to right, innermost first; when both sides are compound the right side is named.
* ``forall xs: F`` needs an implication: when ``F`` is ``∀ys (A → B)`` (including ``A → B``)
  the result is ``∀xs ys (A → B)``; anything else is an error.
* ``exists ys: G and B`` is ``!(>[ys](G)!(B))``; ``exists ys: F`` for a non-conjunction ``F``
  is ``!(>[ys](F)!(F))``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Union

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError

from genlogic.errors import MplError
from genlogic.mpl.ast import (
    FUNCTION_ATOMS,
    And,
    Atom,
    Comment,
    DefStatement,
    Forall,
    Formula,
    Import,
    Not,
    SourceFile,
    Span,
    Statement,
    TheoremStatement,
    conjoin,
    function_atom,
)

GRAMMAR = Path(__file__).with_name("mpl.lark")


class _CommentSink:
    """Collects ``#`` comments as the lexer skips them (the grammar ignores them)."""

    def __init__(self) -> None:
        self.comments: list[Comment] = []

    def __call__(self, token: Token) -> Token:
        self.comments.append(Comment(str(token)[1:].rstrip(), token.line))
        return token


_COMMENTS = _CommentSink()


@lru_cache(maxsize=None)
def _lark() -> Lark:
    return Lark.open(
        str(GRAMMAR),
        parser="lalr",
        propagate_positions=True,
        maybe_placeholders=True,
        lexer_callbacks={"COMMENT": _COMMENTS},
        start=["start", "single_formula"],
    )


def token_pattern(name: str) -> str:
    """The regular expression of terminal ``name`` (``NAME``, ``SYMBOL``) in the grammar."""
    return _lark().get_terminal(name).pattern.to_regexp()


def keywords() -> frozenset[str]:
    """Words the grammar reserves (``forall``, ``in``, ``def``, …): they cannot be names."""
    name = re.compile(token_pattern("NAME"))
    return frozenset(
        t.pattern.value for t in _lark().terminals if t.pattern.type == "str" and name.fullmatch(t.pattern.value)
    )


# --- readable-notation intermediate nodes (never leave this module) ------------------------


@dataclass(frozen=True)
class _Var:
    name: str
    span: Span


@dataclass(frozen=True)
class _App:
    """``op(args)``: one argument for a unary function (in2), two for an operation (in3), up to
    four (in5)."""

    op: str
    args: tuple["_Term", ...]
    span: Span


_Term = Union[_Var, _App]


@dataclass(frozen=True)
class _Equation:
    left: _Term
    right: _Term
    span: Span


@dataclass(frozen=True)
class _Member:
    element: _Term
    set_name: str
    span: Span


@dataclass(frozen=True)
class _Quantified:
    """``forall``/``exists`` of the readable notation, resolved by :class:`_Desugar`."""

    universal: bool
    variables: tuple[str, ...]
    body: object
    span: Span


# --- tree → AST ---------------------------------------------------------------------------


def _tok_span(file: str, token: Token) -> Span:
    return Span(file, token.line, token.column)


@v_args(meta=True)
class _Builder(Transformer):
    def __init__(self, file: str):
        super().__init__()
        self.file = file
        # Did the statement being built use the readable notation? A call counts as readable
        # unless it is parenthesised, as every core atom is: (name[args]).
        self.readable = False
        self.bare_calls = 0

    def _take_readable(self) -> bool:
        used = self.readable or self.bare_calls > 0
        self.readable, self.bare_calls = False, 0
        return used

    def _span(self, meta) -> Span:
        return Span(self.file, getattr(meta, "line", 1), getattr(meta, "column", 1))

    # statements
    def start(self, meta, children):
        return list(children)

    def single_formula(self, meta, children):
        formula = _Desugar(_names_in(children[0])).formula(children[0])
        self._take_readable()
        return formula

    def import_stmt(self, meta, children):
        return Import(children[0][1:-1], self._span(meta))

    def params(self, meta, children):
        return [c for c in children if c is not None]

    def def_stmt(self, meta, children):
        name, params, body = children
        return self._definition(meta, name, params, body, is_anchor=False)

    def anchor_stmt(self, meta, children):
        name, params, body = children
        return self._definition(meta, name, params, body, is_anchor=True)

    def _definition(self, meta, name, params, body, is_anchor):
        taken = {str(p) for p in params} | {str(name)}
        body = _Desugar(taken | _names_in(body)).formula(body)
        return DefStatement(
            str(name), tuple(str(p) for p in params), body, is_anchor, self._span(meta), self._take_readable()
        )

    def theorem_stmt(self, meta, children):
        name, formula = children
        formula = _Desugar(_names_in(formula)).formula(formula)
        return TheoremStatement(str(name), formula, self._span(meta), self._take_readable())

    # formulas
    def implies(self, meta, children):
        self.readable = True
        left, _arrow, right = children
        return Forall((), left, right, self._span(meta))

    def forall(self, meta, children):
        self.readable = True
        binders, body = children
        return _Quantified(True, tuple(binders), body, self._span(meta))

    def exists(self, meta, children):
        self.readable = True
        binders, body = children
        return _Quantified(False, tuple(binders), body, self._span(meta))

    def binders(self, meta, children):
        return [str(c) for c in children]

    def binder(self, meta, children):
        return children[0]

    def parenthesised(self, meta, children):
        if isinstance(children[0], Atom):
            self.bare_calls -= 1
        else:
            self.readable = True
        return children[0]

    def and_(self, meta, children):
        self.readable = True
        return And(children[0], children[-1], self._span(meta))

    def not_(self, meta, children):
        return Not(children[-1], self._span(meta))

    def core_and(self, meta, children):
        return And(children[0], children[1], self._span(meta))

    def core_forall(self, meta, children):
        *binders, antecedent, consequent = children
        names = tuple(str(b) for b in binders if b is not None)
        return Forall(names, antecedent, consequent, self._span(meta))

    # atoms
    def pred_name(self, meta, children):
        return children[0]

    def ident(self, meta, children):
        return children[0]

    def call(self, meta, children):
        self.bare_calls += 1
        pred, *args = children
        return Atom(str(pred), tuple(str(a) for a in args if a is not None), self._span(meta))

    def equation(self, meta, children):
        self.readable = True
        return _Equation(children[0], children[-1], self._span(meta))

    def disequation(self, meta, children):
        self.readable = True
        return Not(_Equation(children[0], children[-1], self._span(meta)), self._span(meta))

    def member(self, meta, children):
        self.readable = True
        return _Member(children[0], str(children[-1]), self._span(meta))

    def nonmember(self, meta, children):
        self.readable = True
        return Not(_Member(children[0], str(children[-1]), self._span(meta)), self._span(meta))

    # terms
    def var(self, meta, children):
        return _Var(str(children[0]), _tok_span(self.file, children[0]))

    def apply(self, meta, children):
        op, *args = children
        if len(args) > max(FUNCTION_ATOMS.values()):
            raise MplError(
                f"{op} is applied to {len(args)} arguments; functions take at most "
                f"{max(FUNCTION_ATOMS.values())}", self._span(meta))
        return _App(str(op), tuple(args), self._span(meta))

    def infix_op(self, meta, children):
        return children[0]

    def infix(self, meta, children):
        if len(children) > 3:
            second = children[3]
            raise MplError(
                f"ambiguous term: readable MPL has no operator precedence, add parentheses "
                f"(write (a {children[1]} b) {second} c or a {children[1]} (b {second} c))",
                _tok_span(self.file, second),
            )
        left, op, right = children
        return _App(str(op), (left, right), self._span(meta))


def _names_in(node) -> set[str]:
    """Every identifier mentioned anywhere in a (possibly not yet desugared) formula."""
    names: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            names.add(item)
        elif isinstance(item, (tuple, list)):
            stack.extend(item)
        elif isinstance(item, _Var):
            names.add(item.name)
        elif isinstance(item, _App):
            names.add(item.op)
            stack.extend(item.args)
        elif isinstance(item, _Equation):
            stack += [item.left, item.right]
        elif isinstance(item, _Member):
            names.add(item.set_name)
            stack.append(item.element)
        elif isinstance(item, _Quantified):
            stack += [item.variables, item.body]
        elif isinstance(item, Atom):
            names.update(item.args)
        elif isinstance(item, Not):
            stack.append(item.body)
        elif isinstance(item, And):
            stack += [item.left, item.right]
        elif isinstance(item, Forall):
            stack += [item.variables, item.antecedent, item.consequent]
    return names


class _Desugar:
    """Replaces readable-notation nodes by core formulas; one instance per statement."""

    def __init__(self, taken: set[str]):
        self.taken = set(taken)
        self.counter = 0

    def fresh(self) -> str:
        while True:
            self.counter += 1
            name = f"_{self.counter}"
            if name not in self.taken:
                self.taken.add(name)
                return name

    def formula(self, node) -> Formula:
        if isinstance(node, Atom):
            return node
        if isinstance(node, Not):
            return Not(self.formula(node.body), node.span)
        if isinstance(node, And):
            return And(self.formula(node.left), self.formula(node.right), node.span)
        if isinstance(node, Forall):
            return Forall(node.variables, self.formula(node.antecedent), self.formula(node.consequent), node.span)
        if isinstance(node, _Quantified):
            return self.quantified(node)
        if isinstance(node, _Equation):
            return self.equation(node)
        if isinstance(node, _Member):
            return self.member(node)
        raise TypeError(f"unexpected node {node!r}")

    def quantified(self, node: _Quantified) -> Formula:
        body = self.formula(node.body)
        if node.universal:
            if not isinstance(body, Forall):
                raise MplError(
                    "'forall' needs an implication: write forall x: PREMISE -> CONCLUSION "
                    "(MPL's quantifier is always ∀x (A → B))",
                    node.span,
                )
            return Forall(node.variables + body.variables, body.antecedent, body.consequent, node.span)
        if isinstance(body, And):
            return Not(Forall(node.variables, body.left, Not(body.right)), node.span)
        return Not(Forall(node.variables, body, Not(body)), node.span)

    def _wrap(self, fresh: list[str], definitions: list[Formula], atom: Formula, span: Span) -> Formula:
        if not fresh:
            return atom
        return Forall(tuple(fresh), conjoin(definitions), atom, span)

    def name_term(self, term: _Term, fresh: list[str], definitions: list[Formula]) -> str:
        """The variable standing for ``term``; compound terms get a fresh, defined variable."""
        if isinstance(term, _Var):
            return term.name
        atom_args = [self.name_term(arg, fresh, definitions) for arg in term.args]
        output = self.fresh()
        fresh.append(output)
        definitions.append(_application_atom(term, atom_args, output))
        return output

    def equation(self, node: _Equation) -> Formula:
        fresh: list[str] = []
        definitions: list[Formula] = []
        left, right = node.left, node.right
        if isinstance(left, _Var) and isinstance(right, _Var):
            return Atom("=", (left.name, right.name), node.span)
        if isinstance(left, _Var):
            left, right = right, left
        left_args = [self.name_term(arg, fresh, definitions) for arg in left.args]
        output = self.name_term(right, fresh, definitions)
        atom = _application_atom(left, left_args, output, node.span)
        return self._wrap(fresh, definitions, atom, node.span)

    def member(self, node: _Member) -> Formula:
        fresh: list[str] = []
        definitions: list[Formula] = []
        element = self.name_term(node.element, fresh, definitions)
        atom = Atom("in", (element, node.set_name), node.span)
        return self._wrap(fresh, definitions, atom, node.span)


def _application_atom(term: _App, args: list[str], output: str, span: Span | None = None) -> Atom:
    return Atom(function_atom(len(args)), (*args, output, term.op), span or term.span)


# --- lark errors → MplError -----------------------------------------------------------------

_TOKEN_WORDS = {
    "NAME": "a name",
    "SYMBOL": "a symbol",
    "STRING": 'a quoted path like "x.mpl"',
    "$END": "end of input",
    "ARROW": "'->'",
    "NE": "'≠'",
    "NOTIN": "'∉'",
}


def _describe_expected(expected: set[str]) -> str:
    terminals = {t.name: t for t in _lark().terminals}
    words = set()
    for name in expected:
        if name in _TOKEN_WORDS:
            words.add(_TOKEN_WORDS[name])
        elif name in terminals and terminals[name].pattern.type == "str":
            words.add(f"'{terminals[name].pattern.value}'")
        else:
            words.add(name.lower())
    listed = sorted(words)
    if len(listed) > 8:
        listed = listed[:8] + ["…"]
    return ", ".join(listed)


def _convert(error: UnexpectedInput, file: str, text: str) -> MplError:
    line, column = error.line, error.column
    if isinstance(error, UnexpectedCharacters):
        char = text[error.pos_in_stream] if error.pos_in_stream < len(text) else "?"
        message = f"unexpected character {char!r}"
        if error.allowed:
            message += f"; expected {_describe_expected(set(error.allowed))}"
    elif isinstance(error, UnexpectedEOF) or (
        isinstance(error, UnexpectedToken) and error.token.type == "$END"
    ):
        message = "unexpected end of input"
        lines = text.splitlines() or [""]
        line, column = len(lines), len(lines[-1]) + 1
        expected = getattr(error, "expected", None) or getattr(error, "accepts", None)
        if expected:
            message += f"; expected {_describe_expected(set(expected))}"
    else:
        assert isinstance(error, UnexpectedToken)
        message = f"unexpected {error.token.value!r}"
        if error.accepts or error.expected:
            message += f"; expected {_describe_expected(set(error.accepts or error.expected))}"
    if line is None or line < 1:
        line, column = 1, 1
    return MplError(message, Span(file, line, column))


# --- public entry points --------------------------------------------------------------------


def parse_source(text: str, file: str = "<input>") -> SourceFile:
    """Parse a whole ``.mpl`` text into a :class:`SourceFile`; raises :class:`MplError`."""
    _COMMENTS.comments = []
    statements: list[Statement] = _parse(text, file, "start")
    return SourceFile(file, tuple(statements), tuple(_COMMENTS.comments))


def parse_formula(text: str, file: str = "<input>") -> Formula:
    """Parse a single formula (either notation); raises :class:`MplError`."""
    return _parse(text, file, "single_formula")


#: a term for :func:`universal_equation`: a name, or an operation with its arguments
TermTree = Union[str, tuple[str, tuple["TermTree", ...]]]


def universal_equation(variables: tuple[str, ...], carrier: str, left: TermTree, right: TermTree) -> Formula:
    """``forall variables: v ∈ carrier and … -> left = right`` exactly as :func:`parse_formula`
    reads that readable text (the same desugaring), built without the grammar: exploration
    writes thousands of conjectures, and parsing was most of their cost."""
    span = Span("<conjecture>", 1, 1)

    def node(term: TermTree) -> _Term:
        if isinstance(term, str):
            return _Var(term, span)
        return _App(term[0], tuple(node(arg) for arg in term[1]), span)

    body: object = _Equation(node(left), node(right), span)
    if variables:
        guards: Formula = Atom("in", (variables[0], carrier), span)
        for variable in variables[1:]:
            guards = And(guards, Atom("in", (variable, carrier), span), span)
        body = _Quantified(True, variables, Forall((), guards, body, span), span)
    return _Desugar(_names_in(body)).formula(body)


def _parse(text: str, file: str, start: str):
    """Run the grammar from ``start`` and build the AST; every failure is an MplError."""
    try:
        tree = _lark().parse(text, start=start)
        return _Builder(file).transform(tree)
    except UnexpectedInput as error:
        raise _convert(error, file, text).attach_source({file: text}) from None
    except MplError as error:
        raise error.attach_source({file: text}) from None
    except VisitError as error:  # an error raised while building the AST arrives wrapped
        if isinstance(error.orig_exc, MplError):
            raise error.orig_exc.attach_source({file: text}) from None
        if isinstance(error.orig_exc, RecursionError):
            raise _too_deep(file, text) from None
        raise
    except RecursionError:
        raise _too_deep(file, text) from None


def _too_deep(file: str, text: str) -> MplError:
    return MplError("formula nested too deeply", Span(file, 1, 1)).attach_source({file: text})
