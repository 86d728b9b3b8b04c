"""Which known theorems, axioms and lemmas a Logic Block trying a statement gets.

A block derives everything it can from what it is given, so every theorem about another
operation, and every variant of a law it already has, multiplies its facts without helping:
``le(x, y) → le(x, s(y))`` is proved in 1.4 s from the axioms alone and not in 30 s with four
laws of ``+``. The selection is by symbols (never by name): the statement's, those of the axioms
that mention its relations (``le`` defined by ``+`` brings ``+``), carriers, constants and
successors.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache

from genlogic.engine.equational import context
from genlogic.engine.goal import KnownTheorem
from genlogic.engine.laws import Pattern, read_atoms, read_law
from genlogic.engine.terms import Term, fix, match
from genlogic.mpl.ast import FUNCTION_ATOMS, Atom, Formula, free_identifiers, subformulas
from genlogic.mpl.shape import as_clause
from genlogic.theory.model import Theory

#: operation atoms of a known theorem that a Logic Block gets (see relevant_theorems)
RELEVANT_ATOMS = 4
#: permutative theorems per operation a Logic Block gets (commutativity and associativity)
PERMUTATIVE = 2


class Reach(Enum):
    """Which symbols besides a statement's own (and the carriers, constants and successors) make
    a known theorem relevant to it."""

    #: none: only laws about the statement's symbols (``le(x, y) → le(s(x), s(y))`` for a
    #: property of ``le``: few, where the laws relating ``le`` to ``+`` are many)
    OWN = "own"
    #: those of the axioms that mention its relations (``le`` defined by ``+`` brings ``+``)
    RELATIONS = "relations"
    #: those too of the axioms that conclude its operations' values (``·`` brings ``+``:
    #: ``s(x) · y = y + x · y``, cancellation for ``+``), and no permutative law (with them a
    #: block drowns before the case split such a proof needs)
    RECURSION = "recursion"


def relevant_theorems(theory: Theory, statement: Formula, known: tuple[KnownTheorem, ...],
                      reach: Reach = Reach.RELATIONS) -> tuple[KnownTheorem, ...]:
    """The known theorems a Logic Block trying ``statement`` gets: those about its symbols only —
    together with the symbols ``reach`` brings (:class:`Reach`), the carriers,
    constants and successors — and small (at most :data:`RELEVANT_ATOMS` operation atoms); of the
    permutative ones (``x + y = y + x``, ``(x + y) + z = x + (y + z)``: both sides with the same
    symbols) the :data:`PERMUTATIVE` smallest per operation, which give the others. Every further theorem
    multiplies the facts a block derives, and the lemmas exploration proves on the way to the
    big laws are many (Peano: twenty about ``+`` alone)."""
    allowed = relevant_symbols(theory, statement, reach)
    operations = context(theory).operations
    chosen: list[tuple[int, int, KnownTheorem]] = []
    permutative: dict[str, list[tuple[int, int, KnownTheorem]]] = {}
    for index, theorem in enumerate(known):
        atoms = [a for a in subformulas(theorem.statement) if isinstance(a, Atom) and a.pred in FUNCTION_ATOMS]
        if not free_identifiers(theorem.statement) <= allowed or len(atoms) > RELEVANT_ATOMS:
            continue
        law = read_law(theorem.statement, operations)
        if law is not None and _permutative(law.left, law.right):
            # the smallest first; of equal size, one that keeps the order of the leaves first
            # (associativity before its commuted variants)
            moved = _leaves(law.left) != _leaves(law.right)
            permutative.setdefault(law.left.head, []).append((len(atoms), moved, index, theorem))
        else:
            chosen.append((0, index, theorem))
    for laws in permutative.values() if reach is not Reach.RECURSION else ():
        chosen.extend((0, index, theorem) for _, _, index, theorem in sorted(laws, key=lambda law: law[:3])[:PERMUTATIVE])
    return tuple(theorem for _, _, theorem in sorted(chosen, key=lambda item: item[1]))


def _permutative(left: Term, right: Term) -> bool:
    """Both sides built with the same one operation from the same leaves."""
    return _symbols(left) == _symbols(right) and len({name for name, leaf in _symbols(left) if not leaf}) == 1


def _leaves(term: Term) -> list[str]:
    return [term.head] if not term.args else [name for arg in term.args for name in _leaves(arg)]


def _symbols(term: Term) -> list[tuple[str, bool]]:
    """The symbols of a term, each with whether it is a leaf, sorted."""
    return sorted([(term.head, not term.args)] + [s for arg in term.args for s in _symbols(arg)])


def shares_an_atom(theory: Theory, statement: Formula, goals: tuple[Formula, ...]) -> bool:
    """Whether an atom of ``statement`` has an instance among the atoms of ``goals``: a law
    concluding a goal's atom can establish it, one with a goal's hypothesis as its premise can use
    it (``le(x, y) → max(x, y) = y`` for a goal about ``le(a, b)`` and ``max(a, b)``). An equation
    between two variables is an instance of nothing in particular and does not count."""
    targets = [atom for goal in goals for atom in _atoms(theory, goal)]
    for pattern in _atoms(theory, statement):
        if pattern.relation is None and not any(arg.args for arg in pattern.args):
            continue
        if any(_instance(pattern, target) for target in targets):
            return True
    return False


def term_depth(theory: Theory, statement: Formula) -> int:
    """How deeply the terms of ``statement`` nest (``x + s(s(y))``: 3)."""
    return max((_depth(arg) for atom in _atoms(theory, statement) for arg in atom.args), default=0)


@lru_cache(maxsize=256)
def _atoms(theory: Theory, formula: Formula) -> tuple[Pattern, ...]:
    """``formula``'s atoms between terms, carriers' guards left out (read once per formula: a
    goal is read for every conditional law and at every retry)."""
    sets = frozenset(op.domain for op in theory.signature.operations if op.domain is not None)
    return read_atoms(formula, context(theory).operations, sets)


def _depth(term: Term) -> int:
    return 1 + max(_depth(arg) for arg in term.args) if term.args else 0


def _instance(pattern: Pattern, target: Pattern) -> bool:
    if pattern.relation != target.relation or len(pattern.args) != len(target.args):
        return False
    orders = [target.args, target.args[::-1]] if target.relation is None else [target.args]
    for args in orders:
        binding: dict[str, Term] = {}
        if all(match(p, fix(t), binding) for p, t in zip(pattern.args, args)):
            return True
    return False


def relevant_symbols(theory: Theory, statement: Formula, reach: Reach = Reach.RELATIONS) -> frozenset[str]:
    """The symbols of ``statement``, those ``reach`` brings, the carriers, constants and
    successors."""
    allowed = set(free_identifiers(statement) | base_symbols(theory))
    if reach is Reach.OWN:
        return frozenset(allowed)
    definitions = _defining_symbols(theory, reach is Reach.RECURSION)
    for name in list(allowed):
        allowed |= definitions.get(name, frozenset())
    return frozenset(allowed)


@lru_cache(maxsize=4)
def base_symbols(theory: Theory) -> frozenset[str]:
    found = {c.name for c in theory.signature.constants if c.kind.value == "element"}
    for schema in theory.signature.induction:
        found |= {schema.carrier, schema.step}
    return frozenset(found)


@lru_cache(maxsize=8)
def _defining_symbols(theory: Theory, operations: bool) -> dict[str, frozenset[str]]:
    """For each relation that is not an operation, the symbols of the axioms that mention it;
    with ``operations``, for each operation also those of the axioms that conclude its value
    (``x · s(y) = x · y + x`` for ``·``, not for ``+``)."""
    relations = {op.name for op in theory.signature.operations if not op.is_operation}
    found: dict[str, set[str]] = {}
    for fact in theory.facts:
        names = free_identifiers(fact.formula)
        for relation in names & relations:
            found.setdefault(relation, set()).update(names)
        conclusion = as_clause(fact.formula).conclusion
        if operations and isinstance(conclusion, Atom) and conclusion.pred in FUNCTION_ATOMS:
            found.setdefault(conclusion.args[-1], set()).update(names)
    return {name: frozenset(symbols) for name, symbols in found.items()}
