"""``genlogic import-tip``: a TIP problem over the natural numbers as an MPL theory.

TIP ("Tons of Inductive Problems") writes a problem in SMT-LIB 2.6 with one extra command,
``(prove F)``. The S-expressions are read by :mod:`sexpdata`; this module gives them meaning:

* the one datatype, which must have the shape of the naturals (a constant constructor and a
  constructor with one recursive field), becomes a carrier with zero, a successor that is a total
  injective function whose values are never zero, and the induction axiom;
* a Nat-valued function of one to four arguments becomes a total function (a binary operation for
  two) on the carrier, with one defining equation per case of its ``match``/``ite`` tree; a constant
  (no arguments) becomes a constant with its value;
* a Bool-valued function becomes a set (one argument) or a binary relation (two): a case whose
  value is ``true`` is an axiom, ``false`` a negated axiom, any other value an equivalence (two
  implications), so the relation is fully defined;
* the goal becomes a stated ``theorem``; TIP's lemma ``assert`` commands become stated theorems
  before it (to be proved, never assumed) only when asked for.

What MPL cannot say is a clean :class:`~genlogic.errors.MplError` naming the construct: other
datatypes, polymorphism, higher-order functions, built-in Int, functions of five or more
arguments (MPL's functions take at most four), Bool-valued functions of three or more
(MPL's defined relations have at most two places), selectors used as functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

import sexpdata
from sexpdata import Symbol

from genlogic.errors import MplError
from genlogic.mpl.ast import FUNCTION_ATOMS, Span
from genlogic.mpl.parser import keywords


class _Reader(sexpdata.Parser):
    """sexpdata's parser with every atom a symbol: SMT-LIB symbols such as ``+2`` are names here,
    and no Lisp constants (``nil``, ``t``) are read."""

    def atom(self, token):  # noqa: D401 - sexpdata's hook
        return Symbol(token)


def read_commands(text: str) -> list:
    """The S-expressions of a TIP file, every atom a symbol."""
    return _Reader(text).parse()


# ---- the problem as data ----------------------------------------------------------------------

@dataclass(frozen=True)
class Var:
    name: str


@dataclass(frozen=True)
class Zero:
    pass


@dataclass(frozen=True)
class Succ:
    arg: "Term"


@dataclass(frozen=True)
class Call:
    function: str
    args: tuple["Term", ...]


Term = Union[Var, Zero, Succ, Call]


@dataclass(frozen=True)
class Const:
    value: bool


@dataclass(frozen=True)
class Eq:
    left: Term
    right: Term


@dataclass(frozen=True)
class Holds:
    relation: str
    args: tuple[Term, ...]


@dataclass(frozen=True)
class Neg:
    body: "Prop"


@dataclass(frozen=True)
class Conj:
    parts: tuple["Prop", ...]


@dataclass(frozen=True)
class Disj:
    parts: tuple["Prop", ...]


@dataclass(frozen=True)
class Implies:
    premise: "Prop"
    conclusion: "Prop"


@dataclass(frozen=True)
class Iff:
    left: "Prop"
    right: "Prop"


@dataclass(frozen=True)
class Every:
    variables: tuple[str, ...]
    body: "Prop"


Prop = Union[Const, Eq, Holds, Neg, Conj, Disj, Implies, Iff, Every]


@dataclass(frozen=True)
class Case:
    """One defining clause: for the (universally quantified) ``variables``, when every condition
    holds, the function at ``args`` has ``value`` (a term, or a proposition for Bool)."""

    variables: tuple[str, ...]
    args: tuple[Term, ...]
    conditions: tuple[Prop, ...]
    value: Union[Term, Prop]


@dataclass(frozen=True)
class Function:
    tip_name: str
    name: str
    params: tuple[str, ...]
    boolean: bool
    cases: tuple[Case, ...]


@dataclass(frozen=True)
class Problem:
    source: str
    carrier: str
    zero: str
    successor: str
    functions: tuple[Function, ...]
    goal_name: str
    goal: Prop
    lemmas: tuple[tuple[str, Prop], ...] = field(default=())  # (theorem name, statement)


# ---- reading -------------------------------------------------------------------------------------

class _Context:
    """The file being read: for located errors and for the names it declares."""

    def __init__(self, text: str, path: str):
        self.text = text
        self.path = path
        self.names: dict[str, str] = {}  # TIP name -> MPL name
        # MPL's keywords and the names the written file defines itself
        self.used: set[str] = set(keywords()) | set(_TOTALITY.values()) | {"Injective", "NaturalNumbers", "Tip"}
        self.zero = self.successor = self.selector = self.datatype = ""
        self.arity: dict[str, tuple[int, bool]] = {}  # function -> (arguments, Bool-valued)

    def error(self, message: str, near: object = None) -> MplError:
        line, column = 1, 1
        token = _show(near) if near is not None else None
        if token:
            match = re.search(r"(?<![\w|])" + re.escape(token.split()[0].lstrip("(")) + r"(?![\w|])", self.text)
            if match:
                line = self.text.count("\n", 0, match.start()) + 1
                column = match.start() - (self.text.rfind("\n", 0, match.start()) + 1) + 1
        return MplError(message, Span(self.path, line, column))

    def mpl_name(self, tip_name: str) -> str:
        """A readable MPL name for a TIP symbol, distinct from every other name of the file."""
        if tip_name in self.names:
            return self.names[tip_name]
        words = {"+": "plus", "-": "minus", "*": "times", "<=": "le", ">=": "ge", "<": "lt", ">": "gt",
                 "==": "eq", "=": "eq", "/": "div"}
        stem = tip_name.strip("|")
        for symbol in sorted(words, key=len, reverse=True):
            stem = stem.replace(symbol, f"_{words[symbol]}_")
        stem = re.sub(r"\W+", "_", stem).strip("_") or "f"
        stem = re.sub(r"_+", "_", stem)
        name, n = stem, 1
        while name in self.used:
            n += 1
            name = f"{stem}_{n}"
        self.used.add(name)
        self.names[tip_name] = name
        return name


def _show(expr: object) -> str:
    return sexpdata.dumps(expr) if isinstance(expr, list) else str(expr)


def _sym(expr: object) -> str | None:
    return expr.value() if isinstance(expr, Symbol) else None


def read_problem(path: Path, with_lemmas: bool = False, names: dict[str, str] | None = None) -> Problem:
    """Read the TIP file at ``path``; a construct MPL cannot express raises :class:`MplError`.
    ``names``, when given, receives the MPL name of every TIP symbol."""
    text = path.read_text(encoding="utf-8")
    ctx = _Context(text, str(path))
    if names is not None:
        ctx.names = names
    try:
        commands = read_commands(text)
    except Exception as error:  # sexpdata's own exceptions carry no position
        raise ctx.error(f"not an S-expression file: {error}") from None
    for command in commands:  # every global name first, so no bound variable takes one
        if isinstance(command, list) and len(command) > 1 and _sym(command[0]) in ("define-fun", "define-fun-rec"):
            if _sym(command[1]) is not None:
                ctx.used.add(ctx.mpl_name(_sym(command[1])))
    functions: list[Function] = []
    goal: Prop | None = None
    lemmas: list[Prop] = []
    for command in commands:
        if not isinstance(command, list) or not command or _sym(command[0]) is None:
            raise ctx.error(f"expected a command, found {_show(command)}", command)
        head = _sym(command[0])
        if head == "declare-datatype":
            _datatype(ctx, command)
        elif head == "declare-datatypes":
            raise ctx.error("unsupported: declare-datatypes (only one datatype, the naturals, with declare-datatype)",
                            head)
        elif head in ("define-fun", "define-fun-rec"):
            functions.append(_function(ctx, command))
        elif head == "define-funs-rec":
            raise ctx.error("unsupported: define-funs-rec (mutual recursion)", head)
        elif head == "prove":
            if goal is not None:
                raise ctx.error("a TIP problem has one prove command; this file has two", head)
            goal = _closed(ctx, command[1])
        elif head == "assert":
            if goal is None:
                raise ctx.error("unsupported: an assert before the prove command (an assumption, not a lemma)", head)
            if with_lemmas:
                lemmas.append(_closed(ctx, command[1]))
        elif head in ("declare-sort", "declare-const", "declare-fun"):
            raise ctx.error(f"unsupported: {head} (uninterpreted symbols)", head)
        elif head in ("set-logic", "set-info", "set-option", "check-sat"):
            continue
        else:
            raise ctx.error(f"unsupported command: {head}", head)
    if goal is None:
        raise ctx.error("no prove command: the file states no goal")
    goal_name = _local(ctx, path.stem, ())
    ctx.used.add(goal_name)
    lemma_names = []
    for _ in lemmas:
        lemma_names.append(_local(ctx, f"lemma_{len(lemma_names) + 1}", ()))
        ctx.used.add(lemma_names[-1])
    return Problem(path.name, ctx.mpl_name(ctx.datatype), ctx.mpl_name(ctx.zero), ctx.mpl_name(ctx.successor),
                   tuple(functions), goal_name, goal, tuple(zip(lemma_names, lemmas)))


def _datatype(ctx: _Context, command: list) -> None:
    if ctx.datatype:
        raise ctx.error("unsupported: a second datatype (only the naturals are supported)", command[1])
    name = _sym(command[1])
    if name is None or len(command) != 3 or not isinstance(command[2], list):
        raise ctx.error("unsupported: a parametric datatype (polymorphism)", command[1])
    constructors = command[2]
    if constructors and _sym(constructors[0]) == "par":
        raise ctx.error("unsupported: a parametric datatype (polymorphism)", constructors)
    shapes = [(c, [f for f in c[1:]]) for c in constructors if isinstance(c, list) and c]
    zero = [c for c, fields in shapes if not fields]
    succ = [(c, fields) for c, fields in shapes if len(fields) == 1 and _sym(fields[0][1]) == name]
    if len(shapes) != 2 or len(zero) != 1 or len(succ) != 1:
        raise ctx.error(f"unsupported datatype {name}: only the naturals (a constant constructor and one "
                        "with a single recursive field) are supported", command[1])
    ctx.datatype = name
    ctx.zero = _sym(zero[0][0])
    ctx.successor = _sym(succ[0][0][0])
    ctx.selector = _sym(succ[0][1][0][0])
    ctx.mpl_name(name)
    ctx.mpl_name(ctx.zero)
    ctx.mpl_name(ctx.successor)


def _sort(ctx: _Context, expr: object) -> bool:
    """True for Bool, False for the naturals; any other sort is unsupported."""
    name = _sym(expr)
    if name == "Bool":
        return True
    if name is not None and name == ctx.datatype:
        return False
    if name in ("Int", "Real"):
        raise ctx.error(f"unsupported: the built-in sort {name}", expr)
    if isinstance(expr, list) and expr and _sym(expr[0]) == "=>":
        raise ctx.error("unsupported: a function-typed argument (higher-order functions)", expr)
    raise ctx.error(f"unsupported sort {_show(expr)} (only the naturals and Bool)", expr)


def _function(ctx: _Context, command: list) -> Function:
    if len(command) != 5:
        if len(command) == 6 and _sym(command[1]) == "par":
            raise ctx.error("unsupported: a polymorphic function (par)", command[1])
        raise ctx.error(f"malformed {_sym(command[0])}", command)
    tip_name = _sym(command[1])
    if tip_name is None:
        if isinstance(command[1], list) and command[1] and _sym(command[1][0]) == "par":
            raise ctx.error("unsupported: a polymorphic function (par)", command[1])
        raise ctx.error(f"malformed function name {_show(command[1])}", command)
    params = []
    for param in command[2]:
        if not isinstance(param, list) or len(param) != 2 or _sym(param[0]) is None:
            raise ctx.error(f"malformed parameter {_show(param)}", param)
        if _sort(ctx, param[1]):
            raise ctx.error(f"unsupported: a Bool argument of {tip_name}", param)
        params.append(_sym(param[0]))
    boolean = _sort(ctx, command[3])
    if len(params) > (2 if boolean else max(FUNCTION_ATOMS.values())) or (boolean and not params):
        what = f"{len(params)} arguments" if params else "no arguments"
        raise ctx.error(f"unsupported: {'Bool-valued ' if boolean else ''}function {tip_name} of {what} "
                        f"(MPL's functions take one to {max(FUNCTION_ATOMS.values())} arguments, "
                        "its sets and relations one or two)", tip_name)
    name = ctx.mpl_name(tip_name)
    ctx.arity[tip_name] = (len(params), boolean)
    variables: tuple[str, ...] = ()
    for param in params:
        variables += (_local(ctx, param, variables),)
    env = {p: Var(v) for p, v in zip(params, variables)}
    cases = _cases(ctx, _inline_lets(command[4]), env, variables, (), boolean, tuple(Var(v) for v in variables))
    return Function(tip_name, name, variables, boolean, tuple(cases))


def _local(ctx: _Context, tip_name: str, taken: tuple[str, ...]) -> str:
    """A bound variable's MPL name: readable, distinct from the file's global names and from
    the names ``taken`` in its scope."""
    stem = re.sub(r"\W+", "_", tip_name.strip("|")).strip("_") or "v"
    name, n = stem, 1
    while name in ctx.used or name in taken:
        n += 1
        name = f"{stem}_{n}"
    return name


def _subst(term: Term, var: str, value: Term) -> Term:
    if isinstance(term, Var):
        return value if term.name == var else term
    if isinstance(term, Succ):
        return Succ(_subst(term.arg, var, value))
    if isinstance(term, Call):
        return Call(term.function, tuple(_subst(a, var, value) for a in term.args))
    return term


def _subst_prop(prop: Prop, var: str, value: Term) -> Prop:
    if isinstance(prop, Eq):
        return Eq(_subst(prop.left, var, value), _subst(prop.right, var, value))
    if isinstance(prop, Holds):
        return Holds(prop.relation, tuple(_subst(a, var, value) for a in prop.args))
    if isinstance(prop, Neg):
        return Neg(_subst_prop(prop.body, var, value))
    if isinstance(prop, (Conj, Disj)):
        return type(prop)(tuple(_subst_prop(p, var, value) for p in prop.parts))
    if isinstance(prop, Implies):
        return Implies(_subst_prop(prop.premise, var, value), _subst_prop(prop.conclusion, var, value))
    if isinstance(prop, Iff):
        return Iff(_subst_prop(prop.left, var, value), _subst_prop(prop.right, var, value))
    return prop


def _inline_lets(expr: object, env: dict[str, object] | None = None) -> object:
    """``expr`` with every ``let`` replaced by its bound expressions (a binder shadows)."""
    env = env or {}
    name = _sym(expr)
    if name is not None:
        return env.get(name, expr)
    if not isinstance(expr, list) or not expr:
        return expr
    head = _sym(expr[0])
    if head == "let" and len(expr) == 3:
        inner = dict(env)
        for binding in expr[1]:
            inner[_sym(binding[0])] = _inline_lets(binding[1], env)
        return _inline_lets(expr[2], inner)
    if head in ("forall", "exists") and len(expr) == 3:
        bound = {_sym(b[0]) for b in expr[1] if isinstance(b, list) and b}
        return [expr[0], expr[1], _inline_lets(expr[2], {k: v for k, v in env.items() if k not in bound})]
    if head == "match" and len(expr) == 3:
        branches = []
        for branch in expr[2]:
            pattern = branch[0] if isinstance(branch, list) and branch else None
            bound = {_sym(v) for v in pattern[1:]} if isinstance(pattern, list) else set()
            inner = {k: v for k, v in env.items() if k not in bound}
            branches.append([pattern, _inline_lets(branch[1], inner)] if isinstance(branch, list) and len(branch) == 2
                            else branch)
        return [expr[0], _inline_lets(expr[1], env), branches]
    return [_inline_lets(e, env) for e in expr]


def _find_ite(expr: object) -> list | None:
    """The first ``ite`` in a term position of ``expr`` (not under a binder) whose condition has
    no ``ite`` of its own, else None: splitting on it first keeps every case condition a literal."""
    if not isinstance(expr, list) or not expr:
        return None
    head = _sym(expr[0])
    if head in ("match", "forall", "exists", "let"):
        return None
    if head == "ite":
        return _find_ite(expr[1]) or expr if len(expr) == 4 else expr
    for sub in expr[1:]:
        found = _find_ite(sub)
        if found is not None:
            return found
    return None


def _replace(expr: object, old: object, new: object) -> object:
    """``expr`` with its first occurrence of ``old`` (by identity) replaced by ``new``."""
    if expr is old:
        return new
    if isinstance(expr, list):
        return [_replace(e, old, new) for e in expr]
    return expr


def _cases(ctx: _Context, body: object, env: dict[str, Term], variables: tuple[str, ...],
           conditions: tuple[Prop, ...], boolean: bool, args: tuple[Term, ...]) -> list[Case]:
    """Flatten the body's match/ite/let tree into defining cases. ``env`` maps the TIP names in
    scope to terms over ``variables``; ``args`` are the function's arguments as refined by the
    patterns matched so far."""
    head = _sym(body[0]) if isinstance(body, list) and body else None
    if head == "match":
        scrutinee = _term(ctx, body[1], env)
        out: list[Case] = []
        covered: set[str] = set()
        for branch in body[2]:
            if not isinstance(branch, list) or len(branch) != 2:
                raise ctx.error(f"malformed match case {_show(branch)}", branch)
            pattern, result = branch
            constructor = _sym(pattern[0]) if isinstance(pattern, list) and pattern else _sym(pattern)
            if constructor == "_":
                for missing in (ctx.zero, ctx.successor):
                    if missing not in covered:
                        out += _branch(ctx, missing, None, result, scrutinee, env, variables, conditions, boolean, args)
                break
            if constructor not in (ctx.zero, ctx.successor):
                raise ctx.error(f"unsupported pattern {_show(pattern)}", pattern)
            covered.add(constructor)
            field_name = _sym(pattern[1]) if isinstance(pattern, list) and len(pattern) == 2 else None
            out += _branch(ctx, constructor, field_name, result, scrutinee, env, variables, conditions, boolean, args)
        return out
    nested = _find_ite(body)  # the body itself, or an ite inside it: a case split on its condition
    if nested is not None and len(nested) == 4:
        condition = _prop(ctx, nested[1], env)
        return (_cases(ctx, _replace(body, nested, nested[2]), env, variables, conditions + (condition,), boolean, args)
                + _cases(ctx, _replace(body, nested, nested[3]), env, variables, conditions + (Neg(condition),),
                         boolean, args))
    value = _prop(ctx, body, env) if boolean else _term(ctx, body, env)
    return [Case(variables, args, conditions, value)]


def _branch(ctx: _Context, constructor: str, field_name: str | None, result: object, scrutinee: Term,
            env: dict[str, Term], variables: tuple[str, ...], conditions: tuple[Prop, ...],
            boolean: bool, args: tuple[Term, ...]) -> list[Case]:
    """The cases of one match branch: the scrutinee is ``constructor`` applied to a fresh variable.
    A scrutinee that is a variable is refined everywhere; any other term gives a condition."""
    is_zero = constructor == ctx.zero
    if isinstance(scrutinee, (Zero, Succ)):  # decided statically
        if isinstance(scrutinee, Zero) != is_zero:
            return []
        inner = dict(env)
        if field_name is not None and isinstance(scrutinee, Succ):
            inner[field_name] = scrutinee.arg
        return _cases(ctx, result, inner, variables, conditions, boolean, args)
    fresh = None if is_zero else _local(ctx, field_name or "n", variables)
    value: Term = Zero() if is_zero else Succ(Var(fresh))
    new_variables = variables + ((fresh,) if fresh else ())
    inner = dict(env)
    if isinstance(scrutinee, Var) and scrutinee.name in variables:
        var = scrutinee.name
        inner = {k: _subst(t, var, value) for k, t in inner.items()}
        new_variables = tuple(v for v in new_variables if v != var)
        conditions = tuple(_subst_prop(c, var, value) for c in conditions)
        args = tuple(_subst(a, var, value) for a in args)
    else:
        conditions = conditions + (Eq(scrutinee, value),)
    if field_name is not None and fresh is not None:
        inner[field_name] = Var(fresh)
    return _cases(ctx, result, inner, new_variables, conditions, boolean, args)


def _term(ctx: _Context, expr: object, env: dict[str, Term]) -> Term:
    name = _sym(expr)
    if name is not None:
        if name in env:
            return env[name]
        if name == ctx.zero:
            return Zero()
        if name in ctx.arity:
            arity, boolean = ctx.arity[name]
            if boolean or arity:
                raise ctx.error(f"{name} is used as a value but takes {arity} arguments", expr)
            return Call(name, ())
        if re.fullmatch(r"\d+", name):
            raise ctx.error(f"unsupported: the numeral {name} (built-in Int)", expr)
        raise ctx.error(f"unknown symbol {name}", expr)
    if not isinstance(expr, list) or not expr:
        raise ctx.error(f"malformed term {_show(expr)}", expr)
    head = _sym(expr[0])
    if head == ctx.successor and len(expr) == 2:
        return Succ(_term(ctx, expr[1], env))
    if head == ctx.selector:
        raise ctx.error(f"unsupported: the selector {head} used as a function", expr)
    if head == "match":
        raise ctx.error("unsupported: match inside a term (only around a function body's cases)", expr)
    if head == "ite":
        raise ctx.error(f"malformed ite {_show(expr)}", expr)
    if head == "lambda" or head == "@":
        raise ctx.error("unsupported: higher-order functions", expr)
    if head in ctx.arity:
        arity, boolean = ctx.arity[head]
        if boolean:
            raise ctx.error(f"{head} is Bool-valued, not a natural number", expr)
        if len(expr) - 1 != arity:
            raise ctx.error(f"{head} takes {arity} arguments, here it has {len(expr) - 1}", expr)
        return Call(head, tuple(_term(ctx, a, env) for a in expr[1:]))
    if head in ("+", "-", "*", "div", "mod", "<", "<=") or (head and re.fullmatch(r"\d+", head)):
        raise ctx.error(f"unsupported: the built-in Int operation {head}", expr)
    raise ctx.error(f"unknown function {head}", expr)


def _is_bool(ctx: _Context, expr: object) -> bool:
    name = _sym(expr)
    if name is not None:
        return name in ("true", "false") or (name in ctx.arity and ctx.arity[name][1])
    head = _sym(expr[0]) if isinstance(expr, list) and expr else None
    if head in ("=", "distinct", "and", "or", "not", "=>", "forall", "exists", "true", "false"):
        return True
    if head == "ite":
        return _is_bool(ctx, expr[2])
    return head in ctx.arity and ctx.arity[head][1]


def _prop(ctx: _Context, expr: object, env: dict[str, Term]) -> Prop:
    name = _sym(expr)
    if name in ("true", "false"):
        return Const(name == "true")
    if name is not None:
        if name in ctx.arity and ctx.arity[name][1]:
            raise ctx.error(f"{name} takes arguments", expr)
        raise ctx.error(f"{name} is not a Bool", expr)
    if not isinstance(expr, list) or not expr:
        raise ctx.error(f"malformed formula {_show(expr)}", expr)
    head = _sym(expr[0])
    args = expr[1:]
    if head not in ("and", "or", "not", "=>", "ite", "forall", "exists", "let"):
        nested = _find_ite(expr)
        if nested is not None and nested is not expr and len(nested) == 4:  # P[ite(c,a,b)]: case split on c
            condition = _prop(ctx, nested[1], env)
            return Conj((Implies(condition, _prop(ctx, _replace(expr, nested, nested[2]), env)),
                         Implies(Neg(condition), _prop(ctx, _replace(expr, nested, nested[3]), env))))
    if head in ("=", "distinct"):
        if len(args) < 2:
            raise ctx.error(f"{head} needs two arguments", expr)
        if _is_bool(ctx, args[0]):
            props = [_prop(ctx, a, env) for a in args]
            if head == "distinct":
                if len(props) != 2:
                    raise ctx.error("unsupported: distinct over more than two Bools", expr)
                return Neg(Iff(props[0], props[1]))
            return Conj(tuple(Iff(a, b) for a, b in zip(props, props[1:])))
        terms = [_term(ctx, a, env) for a in args]
        if head == "=":
            return Conj(tuple(Eq(a, b) for a, b in zip(terms, terms[1:]))) if len(terms) > 2 else Eq(*terms)
        pairs = [Neg(Eq(a, b)) for i, a in enumerate(terms) for b in terms[i + 1:]]
        return pairs[0] if len(pairs) == 1 else Conj(tuple(pairs))
    if head == "not":
        return Neg(_prop(ctx, args[0], env))
    if head == "and":
        return Conj(tuple(_prop(ctx, a, env) for a in args))
    if head == "or":
        return Disj(tuple(_prop(ctx, a, env) for a in args))
    if head == "=>":
        props = [_prop(ctx, a, env) for a in args]
        result = props[-1]
        for premise in reversed(props[:-1]):
            result = Implies(premise, result)
        return result
    if head == "ite":
        condition = _prop(ctx, args[0], env)
        return Conj((Implies(condition, _prop(ctx, args[1], env)),
                     Implies(Neg(condition), _prop(ctx, args[2], env))))
    if head == "forall":
        return _quantified(ctx, expr, env)
    if head == "exists":
        raise ctx.error("unsupported: exists in a goal", expr)
    if head in ctx.arity:
        arity, boolean = ctx.arity[head]
        if not boolean:
            raise ctx.error(f"{head} is a natural number, not a Bool", expr)
        if len(args) != arity:
            raise ctx.error(f"{head} takes {arity} arguments, here it has {len(args)}", expr)
        return Holds(head, tuple(_term(ctx, a, env) for a in args))
    raise ctx.error(f"unknown or unsupported Bool operation {head}", expr)


def _quantified(ctx: _Context, expr: object, env: dict[str, Term]) -> Prop:
    inner = dict(env)
    names = []
    for binding in expr[1]:
        if not isinstance(binding, list) or len(binding) != 2:
            raise ctx.error(f"malformed binding {_show(binding)}", binding)
        if _sort(ctx, binding[1]):
            raise ctx.error("unsupported: a quantified Bool variable", binding)
        taken = tuple(v.name for v in env.values() if isinstance(v, Var)) + tuple(names)
        local = _local(ctx, _sym(binding[0]), taken)
        inner[_sym(binding[0])] = Var(local)
        names.append(local)
    return Every(tuple(names), _prop(ctx, expr[2], inner))


def _closed(ctx: _Context, expr: object) -> Prop:
    return _prop(ctx, _inline_lets(expr), {})


# ---- writing MPL ---------------------------------------------------------------------------------

_PRELUDE = """\
# f is a total function from X to X.
def UnaryFunction[X, f] :=
    (forall x: x ∈ X -> exists y: f(x) = y and y ∈ X)
    and (forall x y z: f(x) = y and f(x) = z -> y = z)

# g is a total binary operation on X.
def BinaryOperation[X, g] :=
    (forall a b: a ∈ X and b ∈ X -> exists c: a g b = c and c ∈ X)
    and (forall a b c d: a g b = c and a g b = d -> c = d)

def Injective[f] := forall x y z: f(x) = z and f(y) = z -> x = y

# X with zero z and successor s are the natural numbers: s is a total injective function that
# never gives z, and every set holding z and closed under s holds every element of X.
def NaturalNumbers[X, z, s] :=
    z ∈ X
    and UnaryFunction[X, s]
    and Injective[s]
    and (forall n: n ∈ X -> s(n) ≠ z)
    and (forall P: z ∈ P and (forall n m: n ∈ P and s(n) = m -> m ∈ P) -> forall n: n ∈ X -> n ∈ P)
"""


#: The definition that makes a function of n arguments total, by n.
_TOTALITY = {1: "UnaryFunction", 2: "BinaryOperation", 3: "TernaryFunction", 4: "QuaternaryFunction"}

#: The prelude's definitions for functions of three and four arguments, only where used.
_MANY_ARGUMENTS = {
    3: """\
# h is a total function of three arguments on X.
def TernaryFunction[X, h] :=
    (forall a b c: a ∈ X and b ∈ X and c ∈ X -> exists d: h(a, b, c) = d and d ∈ X)
    and (forall a b c d e: h(a, b, c) = d and h(a, b, c) = e -> d = e)
""",
    4: """\
# h is a total function of four arguments on X.
def QuaternaryFunction[X, h] :=
    (forall a b c d: a ∈ X and b ∈ X and c ∈ X and d ∈ X -> exists e: h(a, b, c, d) = e and e ∈ X)
    and (forall a b c d e f: h(a, b, c, d) = e and h(a, b, c, d) = f -> e = f)
""",
}


class _Writer:
    def __init__(self, problem: Problem, names: dict[str, str]):
        self.problem = problem
        self.names = names

    def term(self, term: Term, top: bool = False) -> str:
        if isinstance(term, Var):
            return term.name
        if isinstance(term, Zero):
            return self.problem.zero
        if isinstance(term, Succ):
            return f"{self.problem.successor}({self.term(term.arg, True)})"
        name = self.names[term.function]
        if not term.args:
            return name
        if len(term.args) != 2:
            return f"{name}({', '.join(self.term(a, True) for a in term.args)})"
        text = f"{self.term(term.args[0])} {name} {self.term(term.args[1])}"
        return text if top else f"({text})"

    def atom(self, prop: Union[Eq, Holds], positive: bool = True) -> str:
        if isinstance(prop, Eq):
            sign = "=" if positive else "≠"
            return f"{self.term(prop.left, True)} {sign} {self.term(prop.right, True)}"
        name = self.names[prop.relation]
        if len(prop.args) == 1:
            return f"{self.term(prop.args[0], True)} {'∈' if positive else '∉'} {name}"
        text = f"{name}({self.term(prop.args[0], True)}) = {self.term(prop.args[1], True)}"
        return text if positive else f"not {text}"

    def prop(self, prop: Prop, tight: bool = True) -> str:
        """``tight``: the text must be one unit (parenthesised unless atomic)."""
        if isinstance(prop, Const):
            zero = self.problem.zero
            return f"{zero} = {zero}" if prop.value else f"{zero} ≠ {zero}"
        if isinstance(prop, (Eq, Holds)):
            return self.atom(prop)
        if isinstance(prop, Neg):
            if isinstance(prop.body, (Eq, Holds)):
                return self.atom(prop.body, positive=False)
            return f"not {self.prop(prop.body)}"
        if isinstance(prop, Conj):
            text = " and ".join(self.prop(p) for p in prop.parts)
        elif isinstance(prop, Disj):
            text = "not (" + " and ".join(self.prop(_negate(p)) for p in prop.parts) + ")"
            return text
        elif isinstance(prop, Implies):
            premises, conclusion = _premises(prop)
            text = " and ".join(self.prop(p) for p in premises) + " -> " + self.prop(conclusion)
        elif isinstance(prop, Iff):
            text = f"{self.prop(Implies(prop.left, prop.right))} and {self.prop(Implies(prop.right, prop.left))}"
        else:
            text = self.every(prop)
        return f"({text})" if tight else text

    def every(self, prop: Every, whole: bool = False) -> str:
        """``forall x̄: x̄ ∈ carrier and premises -> conclusion``; a relation atom of the premises
        (and with ``whole`` of the conclusion) gets its argument terms named (:meth:`flatten`)."""
        premises, conclusion = _premises(prop.body)
        named, premises, conclusion = self.flatten(prop.variables, premises, conclusion, whole)
        guards = [f"{v} ∈ {self.problem.carrier}" for v in prop.variables]
        body = " and ".join(guards + [self.prop(p) for p in premises])
        return f"forall {' '.join(prop.variables + named)}: {body} -> {self.prop(conclusion, tight=False)}"

    def flatten(self, variables: tuple[str, ...], premises: list[Prop], conclusion: Prop,
                whole: bool) -> tuple[tuple[str, ...], list[Prop], Prop]:
        """Relation atoms with variables for arguments: ``R(S(x)) = y`` as a premise becomes
        ``S(x) = t1 and R(t1) = y`` with ``t1`` quantified by the clause. The same for a function
        that is total (as every imported one is), but a premise with a nested term would read as a
        universal formula (docs/mpl.md §5.5) and a negated conclusion as an existential one: the
        Logic Blocks use flat atoms directly. Returns the new variables, premises, conclusion."""
        taken = set(variables) | set(self.names.values())
        named: list[str] = []
        defining: list[Prop] = []

        def name(term: Term) -> Term:
            if isinstance(term, (Var, Zero)) or (isinstance(term, Call) and not term.args):
                return term
            flat = Succ(name(term.arg)) if isinstance(term, Succ) else Call(term.function, tuple(map(name, term.args)))
            count = 1
            while f"t{count}" in taken:
                count += 1
            taken.add(f"t{count}")
            named.append(f"t{count}")
            defining.append(Eq(flat, Var(f"t{count}")))
            return Var(f"t{count}")

        def flat(prop: Prop) -> Prop:
            if isinstance(prop, Holds):
                return Holds(prop.relation, tuple(map(name, prop.args)))
            if isinstance(prop, Neg) and isinstance(prop.body, Holds):
                return Neg(flat(prop.body))
            return prop

        premises = [flat(p) for p in premises]
        if whole:
            conclusion = flat(conclusion)
        return tuple(named), defining + premises, conclusion

    def clause(self, variables: tuple[str, ...], premises: list[Prop], conclusion: Prop) -> str:
        if variables or self.flatten(variables, premises, conclusion, True)[0]:
            return self.every(Every(variables, _implies(premises, conclusion)), whole=True)
        if premises:
            return self.prop(_implies(premises, conclusion), tight=False)
        return self.prop(conclusion, tight=False)

    def definition(self, function: Function) -> list[str]:
        """The axioms of one function: its kind, then one per case."""
        lines = []
        name, carrier = self.names[function.tip_name], self.problem.carrier
        if not function.boolean:
            if len(function.params) == 1:
                lines.append(f"UnaryFunction[{carrier}, {name}]")
            elif len(function.params) > 1:
                lines.append(f"{_TOTALITY[len(function.params)]}[{carrier}, {name}]")
            else:
                lines.append(f"{name} ∈ {carrier}")
        for case in function.cases:
            decided = [_decided(c) for c in case.conditions]
            if False in decided:  # a case that can never apply (nil ≠ nil, succ(k) = nil)
                continue
            conditions = [c for c, known in zip(case.conditions, decided) if known is None]
            if function.boolean:
                here = Holds(function.tip_name, case.args)
                value = case.value
                if value == Const(True):
                    lines.append(self.clause(case.variables, conditions, here))
                elif value == Const(False):
                    lines.append(self.clause(case.variables, conditions, Neg(here)))
                else:
                    lines.append(self.clause(case.variables, conditions + [value], here))
                    lines.append(self.clause(case.variables, conditions + [here], value))
                    if isinstance(_negate(value), (Eq, Holds, Neg)):  # a literal: the contrapositives too
                        lines.append(self.clause(case.variables, conditions + [_negate(value)], Neg(here)))
                        lines.append(self.clause(case.variables, conditions + [Neg(here)], _negate(value)))
            else:
                lhs = Call(function.tip_name, case.args)
                lines.append(self.clause(case.variables, conditions, Eq(lhs, case.value)))
        return lines


def _decided(prop: Prop) -> bool | None:
    """The truth of a case condition that the constructors alone decide (zero is no successor,
    zero is zero, a literal Bool), else None."""
    if isinstance(prop, Const):
        return prop.value
    if isinstance(prop, Neg):
        inner = _decided(prop.body)
        return None if inner is None else not inner
    if isinstance(prop, Eq) and {type(prop.left), type(prop.right)} <= {Zero, Succ}:
        if isinstance(prop.left, Zero) and isinstance(prop.right, Zero):
            return True
        if isinstance(prop.left, Zero) or isinstance(prop.right, Zero):
            return False
    return None


def _implies(premises: list[Prop], conclusion: Prop) -> Prop:
    result = conclusion
    for premise in reversed(premises):
        result = Implies(premise, result)
    return result


def _premises(prop: Prop) -> tuple[list[Prop], Prop]:
    """A chain A → (B → C) as ([A, B], C); conjunctive premises are split."""
    premises: list[Prop] = []
    while isinstance(prop, Implies):
        premise = prop.premise
        premises += list(premise.parts) if isinstance(premise, Conj) else [premise]
        prop = prop.conclusion
    return premises, prop


def _negate(prop: Prop) -> Prop:
    return prop.body if isinstance(prop, Neg) else Neg(prop)


def to_mpl(problem: Problem, names: dict[str, str]) -> str:
    """The MPL text of ``problem``; ``names`` maps TIP names to the MPL names used."""
    writer = _Writer(problem, names)
    renamed = [f"{tip} as {mpl}" for tip, mpl in sorted(names.items()) if tip != mpl]
    out = [f"# {problem.source}, a TIP problem (tons of inductive problems, BSD-3 licence),",
           "# imported by `genlogic import-tip`.",
           ]
    if renamed:
        out.append("# TIP names renamed for MPL: " + ", ".join(renamed) + ".")
    arities = {len(f.params) for f in problem.functions if not f.boolean}
    out += ["", _PRELUDE] + [_MANY_ARGUMENTS[n] for n in sorted(arities) if n in _MANY_ARGUMENTS]
    params = [problem.carrier, problem.zero, problem.successor] + [names[f.tip_name] for f in problem.functions]
    out.append(f"anchor Tip[{', '.join(params)}] :=")
    out.append(f"    NaturalNumbers[{problem.carrier}, {problem.zero}, {problem.successor}]")
    for function in problem.functions:
        kind = ("set" if len(function.params) == 1 else "relation") if function.boolean else (
            "function" if function.params else "constant")
        out.append(f"    # {' '.join([function.tip_name, *function.params])}: a {kind}, {len(function.cases)} defining cases")
        for line in writer.definition(function):
            out.append(f"    and ({line})" if " " in line and not line.startswith(tuple(_TOTALITY.values()))
                       else f"    and {line}")
    out.append("")
    for name, lemma in problem.lemmas:
        out.append("# A lemma TIP supplies: stated here to be proved, never assumed.")
        out.append(f"theorem {name} := {writer.prop(lemma, tight=False)}")
        out.append("")
    out.append("# The goal.")
    out.append(f"theorem {problem.goal_name} := {writer.prop(problem.goal, tight=False)}")
    return "\n".join(out) + "\n"


def import_tip(path: Path, with_lemmas: bool = False) -> str:
    """The MPL theory of the TIP problem at ``path``."""
    ctx_names: dict[str, str] = {}
    problem = read_problem(path, with_lemmas, ctx_names)
    return to_mpl(problem, ctx_names)
