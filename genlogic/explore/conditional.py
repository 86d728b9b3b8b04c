"""Conditional conjectures: ``A → B`` where A is one atom — an equation between small terms
(``x + z = y + z``, ``x + y = 0``) or a binary relation between two variables or constants
(``le(x, y)``) — and B an atom: an equation ``t = c`` whose right side is a variable or a
constant (``x = y``, ``max(x, y) = x``), or the relation between two small terms
(``le(x + z, y + z)``, ``le(s(x), s(y))``). A relation atom B may also stand alone: ``le(0, x)``.

Every atom is evaluated at the points of the models (:func:`genlogic.explore.terms.points`, the
variables over the ground model's elements). A candidate is kept when A holds somewhere, B holds
wherever A holds and B's truth is known there (at a quarter of A's points at least: terms leave
the tables), and B is not simply true everywhere (then it is an equation of
:mod:`~genlogic.explore.conjectures`, or stands alone). A relation that the ground model never
decides false (defined by an existential) counts as false where it was not found true. Of one
premise's conclusions, the equations between variables and constants come first and make every
other conclusion they imply by substitution redundant; then the conclusions true at the fewest
points.

The premise is written flat (``x + z = u and y + z = u``), its terms' values as universally
quantified variables without a carrier guard: an induction hypothesis with such a premise is a
rule that fires on atoms, where a nested term would be a universal premise no fact can match.
Everything comes from the theory's signature and models; nothing is known in advance, and a
false candidate costs time, never soundness.
"""

from __future__ import annotations

from dataclasses import dataclass
from genlogic.engine.equational import context
from genlogic.engine.terms import Term, apply, leaf
from genlogic.explore.conjectures import candidates
from genlogic.explore.model import Models, as_list
from genlogic.explore.terms import Point, points, values
from genlogic.mpl.ast import Formula, free_identifiers
from genlogic.mpl.parser import parse_formula
from genlogic.mpl.printer import is_name
from genlogic.theory.model import Theory

#: chosen once for all theories: symbols in a side of an equation, in an argument of a relation
#: atom (one operation on variables and constants at most); conclusions per premise;
#: conjectures kept (smallest first)
EQUATION_SIDE = 3
RELATION_SIDE = 3
PER_PREMISE = 4
LIMIT = 40


@dataclass(frozen=True)
class Conditional:
    """``∀x̄ (A → B)``, true on the models; ``symbols`` are the theory's names it mentions;
    ``equates``: B is an equation between variables and constants (cancellation, no zero
    divisors)."""

    statement: Formula
    text: str
    symbols: frozenset[str]
    equates: bool = False


@dataclass(frozen=True)
class _Atom:
    """An equation (``relation`` None) or relation atom between terms, with its truth at every
    point as two bit masks: where it is known, and where it holds."""

    relation: str | None
    args: tuple[Term, ...]
    known: int
    true: int
    # a premise's second atom: "and v ≠ c" for a variable v of it and a constant c
    unless: tuple[Term, Term] | None = None

    @property
    def size(self) -> int:
        return sum(a.size for a in self.args) + (2 if self.unless else 0)

    @property
    def leaves_only(self) -> bool:
        return all(not a.args for a in self.args)


def conditionals(theory: Theory, models: Models, limit: int = LIMIT) -> list[Conditional]:
    """The conditional conjectures of ``theory`` true on ``models``, smallest first."""
    models = as_list(models)
    if not models:
        return []
    first = models[0]
    constants = {c.name for c in theory.signature.constants}
    variables = [v for v in ("x", "y", "z", "u", "v", "w") if v not in constants][:3]
    relations = list(theory.signature.relations)
    # f(a) = f(b) says no more than a = b when f is injective
    injective = {op.name for op in theory.signature.operations if op.inputs == 1 and op.injective}
    at = points(models, variables, first.elements)
    every = (1 << len(at)) - 1
    terms = _terms(first, variables, at, frozenset(context(theory).unfold))
    leaves = [t for t in terms if not t.args]
    small = [t for t in terms if t.size <= RELATION_SIDE and all(not a.args for a in t.args)]
    vector = {t: v for t, v in terms.items()}

    def equation(a: Term, b: Term) -> _Atom:
        known = true = 0
        for i, (p, q) in enumerate(zip(vector[a], vector[b])):
            if p is not None and q is not None:
                known |= 1 << i
                if p == q:
                    true |= 1 << i
        return _Atom(None, (a, b), known, true)

    # a relation with no entry decided false (defined by an existential) is false where the
    # ground model has not found it true, within the model's elements
    decided = {r: any(value is False for model in models for value in model.truths.get(r, {}).values())
               for r in relations}

    def relation(name: str, a: Term, b: Term) -> _Atom:
        known = true = 0
        for i, ((model, _), p, q) in enumerate(zip(at, vector[a], vector[b])):
            if p is None or q is None or p > model.up_to or q > model.up_to:
                continue
            if name in model.relations:
                value: bool | None = (p, q) in model.relations[name]
            else:
                value = model.truths.get(name, {}).get((p, q), None if decided[name] else False)
            if value is not None:
                known |= 1 << i
                if value:
                    true |= 1 << i
        return _Atom(name, (a, b), known, true)

    ordered = list(terms)
    premises = [relation(r, a, b) for r in relations for a in leaves for b in leaves
                if a != b and (a.variable or b.variable)]
    premises += [equation(a, b) for i, a in enumerate(ordered) if a.args
                 for b in ordered[i + 1:] + [t for t in ordered[:i] if not t.args]
                 if _premise(a, b) and not (a.head == b.head and a.head in injective)]
    premises = [p for p in premises if p.true and p.true != p.known]
    # an equation premise with a second atom v ≠ c, for the conclusions that fail only where the
    # variable v is the constant c (x · z = y · z → x = y, but for z = 0)
    guarded: dict[_Atom, _Atom] = {}  # the guarded premise → the premise alone
    for premise in premises:
        if premise.relation is not None:
            continue
        names = {name for term in premise.args for name in term.variables()}
        for v in leaves:
            if v.head not in names:
                continue
            for c in leaves:
                if c.variable:
                    continue
                differ = equation(v, c)
                where = premise.true & differ.known & ~differ.true
                if where and where != premise.true:
                    guarded[_Atom(None, premise.args, premise.known, where, (v, c))] = premise
    # equations between leaves first, a variable and a constant before two variables
    conclusions = sorted((equation(a, b) for i, a in enumerate(leaves) for b in leaves[i + 1:] if a.variable),
                         key=lambda c: c.args[1].variable)
    conclusions += [equation(a, b) for a in ordered if a.args for b in leaves]  # after a relation only
    conclusions += [relation(r, a, b) for r in relations for a in small for b in small if a != b]
    found: dict[tuple, tuple[int, _Atom | None, _Atom]] = {}

    def keep(premise: _Atom | None, conclusion: _Atom) -> None:
        key = _canonical(premise, conclusion)
        if key not in found:
            found[key] = (len(found), premise, conclusion)

    for conclusion in conclusions:  # relation atoms true wherever they are known, and known
        if conclusion.relation is not None and conclusion.known == every and conclusion.true == every \
                and _variables(None, conclusion):
            keep(None, conclusion)
    for premise in premises + list(guarded):
        kept: list[_Atom] = []
        merged = _Leaves()
        alone = guarded.get(premise)
        # a guarded premise: conclusions between leaves, which the premise alone does not give
        eligible = [c for c in conclusions if _follows(premise, c)] if alone is None else \
            [c for c in conclusions if c.leaves_only and _follows(premise, c) and not _follows(alone, c)]
        for conclusion in sorted(eligible, key=_strength):
            if len(kept) == PER_PREMISE:
                break
            if conclusion.leaves_only and conclusion.relation is None:
                if merged.union(*conclusion.args):
                    kept.append(conclusion)
            elif not merged.any:
                kept.append(conclusion)
        for conclusion in kept:
            keep(premise, conclusion)
    chosen = sorted(found.values(), key=lambda item: (
        (item[1].size if item[1] else 0) + item[2].size, -len(_variables(item[1], item[2])), item[0]))
    carrier = first.carrier
    out = []
    for _, premise, conclusion in chosen[:limit]:
        text = _statement(premise, conclusion, variables, constants, carrier)
        statement = parse_formula(text)
        out.append(Conditional(statement, text, frozenset(free_identifiers(statement)) - {carrier},
                               conclusion.relation is None and conclusion.leaves_only))
    return out


def _strength(conclusion: _Atom) -> tuple:
    """Equations between leaves first, then the conclusions true at the fewest points (which say
    the most: ``le(x, s(y))`` before ``le(x, s(s(y)))``), smallest first."""
    leaves = conclusion.leaves_only and conclusion.relation is None
    return (not leaves, bin(conclusion.true).count("1") / bin(conclusion.known).count("1"), conclusion.size)


def _follows(premise: _Atom, conclusion: _Atom) -> bool:
    """Whether ``conclusion`` holds wherever ``premise`` does and is not true everywhere, nor the
    premise itself. An equation
    between compound terms is a conclusion of a relation only: after an equation it is mostly a
    consequence of a disjunction (``x + y = 1 → x · y = 0``)."""
    if conclusion.true == conclusion.known:
        return False
    if (conclusion.relation, conclusion.args) == (premise.relation, premise.args):
        return False
    if conclusion.relation is None and not conclusion.leaves_only and premise.relation is None:
        return False
    where = premise.true & conclusion.known
    if premise.true & ~conclusion.true & conclusion.known:
        return False
    if premise.relation is None and any(_contains(c, p) for c in conclusion.args for p in premise.args if p.args):
        return False  # the premise's term in the conclusion: an instance of what holds of its value
    return 4 * bin(where).count("1") >= bin(premise.true).count("1") and where != 0


def _contains(term: Term, part: Term) -> bool:
    return term == part or any(_contains(a, part) for a in term.args)


def _premise(left: Term, right: Term) -> bool:
    """Whether ``left = right`` may be a premise: two variables at least, the same operation on
    both sides (not an injective one: then it says ``a = b``) or a right side that is a constant
    or a variable of the left (an equation ``t = y`` with ``y`` new only names ``t``'s value)."""
    variables = left.variables()
    if len(set(variables + right.variables())) < 2:
        return False
    if right.args:
        return right.head == left.head
    return not right.variable or right.head in variables


class _Leaves:
    """Union-find over variables and constants: the equations between them a premise implies."""

    def __init__(self) -> None:
        self.parent: dict[Term, Term] = {}

    @property
    def any(self) -> bool:
        return bool(self.parent)

    def find(self, term: Term) -> Term:
        while term in self.parent:
            term = self.parent[term]
        return term

    def union(self, a: Term, b: Term) -> bool:
        """Merge; False when they were merged already (the equation is implied)."""
        a, b = self.find(a), self.find(b)
        if a == b:
            return False
        self.parent[a] = b
        return True


def _terms(model, variables: list[str], at: list[Point], abbreviations: frozenset[str]) -> dict[Term, tuple[int | None, ...]]:
    """Terms of at most :data:`EQUATION_SIDE` symbols, smallest first, one per function on the
    points (the first found), with their values; without the constants the axioms unfold."""
    leaves = [leaf(v, True) for v in variables] + [leaf(c, False) for c in model.constants if c not in abbreviations]
    unary = [op for op in model.unary_operations if is_name(op)]
    many = [(op, len(next(iter(table)))) for op, table in model.many.items() if is_name(op) and table]
    by_size: dict[int, list[Term]] = {}
    known: dict[Term, tuple[int | None, ...]] = {}
    seen: set[tuple[int | None, ...]] = set()
    for size in range(1, EQUATION_SIDE + 1):
        for term in candidates(size, leaves, unary, list(model.binary), many, by_size):
            key = values(term, at, known)
            if key in seen or all(v is None for v in key):
                continue
            seen.add(key)
            known[term] = key
            by_size.setdefault(size, []).append(term)
    return known


def _variables(premise: _Atom | None, conclusion: _Atom) -> list[str]:
    found: list[str] = []
    for term in (premise.args if premise else ()) + conclusion.args:
        for name in term.variables():  # a guard's variable is one of its premise's
            if name not in found:
                found.append(name)
    return found


def _canonical(premise: _Atom | None, conclusion: _Atom) -> tuple:
    """The pair modulo renaming of variables and the order of an equation's sides."""
    def sides(atom: _Atom | None) -> list[tuple[Term, ...]]:
        if atom is None:
            return [()]
        return [atom.args] if atom.relation is not None else [atom.args, atom.args[::-1]]

    keys = []
    for p in sides(premise):
        for c in sides(conclusion):
            order: list[str] = []
            for term in p + c:
                order.extend(v for v in term.variables() if v not in order)
            mapping = {name: f"#{i}" for i, name in enumerate(order)}
            unless = tuple(t.rename(mapping) for t in premise.unless) if premise and premise.unless else ()
            keys.append((premise.relation if premise else "", tuple(t.rename(mapping) for t in p), unless,
                         conclusion.relation, tuple(t.rename(mapping) for t in c)))
    return min(keys, key=repr)


def _statement(premise: _Atom | None, conclusion: _Atom, variables: list[str], constants: set[str],
               carrier: str) -> str:
    """MPL text: the variables guarded by the carrier, the premise flat (a value variable for
    every compound subterm), the conclusion as written."""
    used = [v for v in variables if v in _variables(premise, conclusion)]
    taken = set(constants) | set(variables)
    fresh = (f"t{i}" for i in range(1, 100) if f"t{i}" not in taken)
    atoms: list[str] = []
    values: list[str] = []

    def flat(term: Term, name: str | None = None) -> str:
        if not term.args:
            return term.head
        inner = [flat(a) for a in term.args]
        target = name or next(fresh)
        if name is None:
            values.append(target)
        atoms.append(f"{apply(term.head, tuple(leaf(i, True) for i in inner)).text()} = {target}")
        return target

    if premise is not None and premise.relation is not None:
        a, b = (flat(t) for t in premise.args)
        atoms.append(f"{premise.relation}({a}) = {b}")
    elif premise is not None:
        left, right = premise.args
        if right.args:
            flat(left, flat(right))
        else:
            flat(left, right.head)
        if premise.unless is not None:
            atoms.append(f"{premise.unless[0].head} ≠ {premise.unless[1].head}")
    if conclusion.relation is not None:
        a, b = conclusion.args
        goal = f"{conclusion.relation}({a.text()}) = {b.text()}"
    else:
        goal = f"{conclusion.args[0].text()} = {conclusion.args[1].text()}"
    guards = [f"{v} ∈ {carrier}" for v in used]
    return f"forall {' '.join(used + values)}: {' and '.join(guards + atoms)} -> {goal}"
