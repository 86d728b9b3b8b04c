"""Names that say what a theorem is: ``add_comm``, ``mul_assoc``, ``mul_add_left_distrib``.

A statement is read as premises and a conclusion between folded terms (:mod:`web_export.terms`);
if that has one of the shapes below, the name is the shape's, with the function's word (the
symbol's usual word for ``+ * · × - − / ^ ∘ ∪ ∩ ≤ <``, a named function's own name — ``op5`` for a name
starting with a digit — else the symbol itself). Nothing here knows a theory: a renamed ``plus`` gives ``plus_comm``.

====================  ===============================  =========================
shape                 statement                        name
====================  ===============================  =========================
commutativity         f(x, y) = f(y, x)                ``f_comm``
associativity         f(f(x, y), z) = f(x, f(y, z))    ``f_assoc``
left commutativity    f(x, f(y, z)) = f(y, f(x, z))    ``f_left_comm``
commuting with g      f(g(x), y) = g(f(x, y))          ``f_g_left`` (``f_g_right``: f(x, g(y)))
identity              f(x, e) = x / f(e, x) = x        ``f_right_id`` / ``f_left_id``
absorbing element     f(x, e) = e / f(e, x) = e        ``f_right_absorb`` / ``…_left_…``
idempotence           f(x, x) = x                      ``f_idem``
involution            f(f(x)) = x                      ``f_invol``
distributivity        f(x, g(y, z)) = g(f(x, y), f(x, z))  ``f_g_left_distrib`` (right: mirrored)
cancellation          f(x, z) = f(y, z) → x = y        ``f_right_cancel`` / ``f_left_cancel``
injectivity           f(x) = f(y) → x = y              ``f_inj``
reflexivity …         r(x, x); r(x, y) → r(y, x); …    ``r_refl``, ``r_symm``, ``r_trans``, ``r_antisymm``, ``r_total``, ``r_irrefl``
====================  ===============================  =========================

``e`` is any term without variables (``0``, ``s(0)``). Either side of an equation may be written first. A cancellation law may carry guards
(``z ≠ 0``). Where no shape fits, the theorem keeps its id and the browser titles it by its
readable statement.
"""

from __future__ import annotations

from genlogic.mpl.ast import Formula
from web_export.terms import MEMBER, Literal, Reading, Term, read

WORDS = {
    "+": "add", "*": "mul", "·": "mul", "×": "mul", "-": "sub", "−": "sub", "/": "div", "^": "pow",
    "∘": "comp", "∪": "union", "∩": "inter", "≤": "le", "<": "lt",
}


def word(function: str) -> str:
    """The operation's word in a name: ``add`` for ``+``; a name starting with a digit (core
    notation allows ``5``) gets ``op`` in front, so the derived name stays an identifier."""
    found = WORDS.get(function, function)
    return f"op{found}" if found[:1].isdigit() else found


def name_of(formula: Formula, functions: dict[str, int]) -> str | None:
    """The name of the statement's shape, or None."""
    reading = read(formula, functions)
    if reading is None:
        return None
    variable = set(reading.variables).__contains__
    conclusion = reading.conclusion
    positive = [p for p in reading.premises if not p.negated]
    guards = [p for p in reading.premises if p.negated and p.relation is None]
    if conclusion.relation is None and not conclusion.negated:
        left, right = conclusion.args
        if not reading.premises:
            for a, b in ((left, right), (right, left)):
                found = _equation_name(a, b, variable)
                if found:
                    return found
        if len(positive) == 1 and positive[0].relation is None and len(guards) == len(reading.premises) - 1:
            found = _cancellation(positive[0].args, (left, right), variable)
            if found:
                return found
    return _relation_name(reading, variable)


def _var(term: Term, variable) -> str | None:
    return term.head if not term.args and variable(term.head) else None


def _distinct_vars(terms: tuple[Term, ...], variable) -> bool:
    names = [_var(t, variable) for t in terms]
    return None not in names and len(set(names)) == len(names)


def _equation_name(a: Term, b: Term, variable) -> str | None:
    f = a.head
    if len(a.args) == 2:
        x, y = a.args
        if b.head == f and len(b.args) == 2:
            if _distinct_vars((x, y), variable) and b.args == (y, x):
                return f"{word(f)}_comm"
            if (x.head == f and len(x.args) == 2 and _distinct_vars((*x.args, y), variable)
                    and b.args == (x.args[0], Term(f, (x.args[1], y)))):
                return f"{word(f)}_assoc"
            if (y.head == f and len(y.args) == 2 and _distinct_vars((x, *y.args), variable)
                    and b.args == (y.args[0], Term(f, (x, y.args[1])))):
                return f"{word(f)}_left_comm"
        if _var(x, variable) and x == y and b == x:
            return f"{word(f)}_idem"
        for side, (inner, other) in (("left", (x, y)), ("right", (y, x))):
            if (len(inner.args) == 1 and inner.head != f and _distinct_vars((inner.args[0], other), variable)
                    and b == Term(inner.head, (Term(f, (inner.args[0], other) if side == "left" else (other, inner.args[0])),))):
                return f"{word(f)}_{word(inner.head)}_{side}"
        constant = [t for t in (x, y) if not any(variable(name) for name in t.leaves())]
        if len(constant) == 1 and _var(x if constant[0] is y else y, variable):
            side = "right" if constant[0] is y else "left"
            other = x if side == "right" else y
            if b == other:
                return f"{word(f)}_{side}_id"
            if b == constant[0]:
                return f"{word(f)}_{side}_absorb"
        for side, (single, pair) in (("left", (x, y)), ("right", (y, x))):
            g = pair.head
            if g == f or len(pair.args) != 2 or not _distinct_vars((single, *pair.args), variable):
                continue
            u, v = pair.args
            expected = (Term(f, (single, u)), Term(f, (single, v))) if side == "left" else (
                Term(f, (u, single)), Term(f, (v, single)))
            if b == Term(g, expected):
                return f"{word(f)}_{word(g)}_{side}_distrib"
    if len(a.args) == 1 and a.args[0].head == f and len(a.args[0].args) == 1 and _var(a.args[0].args[0], variable) \
            and b == a.args[0].args[0]:
        return f"{word(f)}_invol"
    return None


def _cancellation(premise: tuple[Term, ...], conclusion: tuple[Term, ...], variable) -> str | None:
    if not _distinct_vars(conclusion, variable):
        return None
    x, y = conclusion
    for p, q in (premise, premise[::-1]):
        if p.head != q.head or len(p.args) != len(q.args) or not p.args:
            continue
        f = p.head
        if len(p.args) == 1 and {p.args[0], q.args[0]} == {x, y}:
            return f"{word(f)}_inj"
        if len(p.args) == 2 and (p.args[0], q.args[0]) in ((x, y), (y, x)) and p.args[1] == q.args[1] \
                and _var(p.args[1], variable) and p.args[1] not in (x, y):
            return f"{word(f)}_right_cancel"
        if len(p.args) == 2 and (p.args[1], q.args[1]) in ((x, y), (y, x)) and p.args[0] == q.args[0] \
                and _var(p.args[0], variable) and p.args[0] not in (x, y):
            return f"{word(f)}_left_cancel"
    return None


def _relation_name(reading: Reading, variable) -> str | None:
    conclusion, premises = reading.conclusion, reading.premises
    r = conclusion.relation
    args = conclusion.args
    if r == MEMBER or any(p.relation == MEMBER for p in premises):
        return None
    if r is None:
        if len(premises) == 2 and not conclusion.negated and all(p.relation and not p.negated for p in premises):
            (p, q), (x, y) = premises, args
            if p.relation == q.relation and _distinct_vars((x, y), variable) and {p.args, q.args} == {(x, y), (y, x)}:
                return f"{word(p.relation)}_antisymm"
        return None
    if len(args) != 2:
        return None
    x, y = args
    if not premises and x == y and _var(x, variable):
        return f"{word(r)}_{'irrefl' if conclusion.negated else 'refl'}"
    if conclusion.negated or not _distinct_vars((x, y), variable):
        return None
    if len(premises) == 1 and premises[0].relation == r and premises[0].args == (y, x):
        return f"{word(r)}_total" if premises[0].negated else f"{word(r)}_symm"
    if len(premises) == 2 and all(p.relation == r and not p.negated for p in premises):
        first, second = premises
        for p, q in ((first, second), (second, first)):
            if p.args[0] == x and q.args[1] == y and p.args[1] == q.args[0] and _var(p.args[1], variable) \
                    and p.args[1] not in (x, y):
                return f"{word(r)}_trans"
    return None
