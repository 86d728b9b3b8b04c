"""Reading a relational formula as an equation between terms — a :class:`Law`.

MPL states ``a + s(b) = s(a + b)`` relationally (docs/mpl.md, "Nested terms"):
``∀a b (a ∈ N ∧ b ∈ N → ∀_1 _2 _3 (s(b) = _1 ∧ a + b = _2 ∧ s(_2) = _3 → a + _1 = _3))``.
:func:`read_law` recovers the terms: every bound variable that some premise defines as the value
of an operation stands for that application, the others are the law's variables, and the
conclusion relates two terms. A formula of any other shape is not a law (``None``).
:func:`read_atoms` reads every atom of any formula the same way (a goal's, a conditional law's)
as a :class:`Pattern`. Nothing here
depends on the names of the theory's symbols: which relations are operations comes from the
signature.
"""

from __future__ import annotations

from dataclasses import dataclass

from genlogic.engine.terms import Term, apply, leaf
from genlogic.mpl.ast import FUNCTION_ATOMS, Atom, Forall, Formula, conjuncts


@dataclass(frozen=True)
class Premise:
    """A premise of a law: ``in[variable, carrier]`` (a guard, ``op`` is ``None``) or the atom
    defining ``variable`` as the value of ``op``."""

    atom: Atom
    variable: str
    op: str | None


@dataclass(frozen=True)
class Law:
    """``formula`` read as ``left = right``: ``levels`` are its nested quantifier levels (bound
    variables and premises), ``terms`` the term each bound variable stands for. When the
    conclusion is an operation atom ``g(ā) = c``, ``left`` is ``g(ā)`` and ``right`` is ``c``."""

    formula: Formula
    levels: tuple[tuple[tuple[str, ...], tuple[Premise, ...]], ...]
    terms: tuple[tuple[str, Term], ...]
    conclusion: Atom
    left: Term
    right: Term

    @property
    def variables(self) -> list[str]:
        """The law's free term variables (bound variables that no premise defines)."""
        return [name for name, term in self.terms if term.variable]

    def term(self, variable: str) -> Term:
        return dict(self.terms)[variable]


def read_law(formula: Formula, operations: dict[str, int], constants: dict[str, Term] | None = None) -> Law | None:
    """``formula`` as a law, or ``None``. ``operations`` maps each operation to its number of
    inputs; ``constants`` gives the term a free constant stands for (default: a constant leaf)."""
    constants = constants or {}
    levels = []
    bound: list[str] = []
    body = formula
    while isinstance(body, Forall):  # a level may bind nothing: (>[](A)(B)) is A → B
        bound.extend(body.variables)
        levels.append((body.variables, conjuncts(body.antecedent)))
        body = body.consequent
    if not isinstance(body, Atom) or len(set(bound)) != len(bound):
        return None
    definitions: dict[str, Atom] = {}
    read_levels = []
    for variables, atoms in levels:
        premises = []
        for atom in atoms:
            premise = _premise(atom, set(bound), operations, definitions)
            if premise is None:
                return None
            premises.append(premise)
        read_levels.append((variables, tuple(premises)))
    terms: dict[str, Term] = {}
    for name in bound:
        if _term(name, definitions, terms, constants, set(bound), ()) is None:
            return None
    sides = _sides(body, operations, definitions, terms, constants, set(bound))
    if sides is None:
        return None
    return Law(formula, tuple(read_levels), tuple((n, terms[n]) for n in bound), body, *sides)


def _premise(atom: Formula, bound: set[str], operations: dict[str, int], definitions: dict[str, Atom]) -> Premise | None:
    if not isinstance(atom, Atom):
        return None
    if atom.pred == "in" and atom.args[0] in bound and atom.args[1] not in bound:
        return Premise(atom, atom.args[0], None)
    if atom.pred in FUNCTION_ATOMS and operations.get(atom.args[-1]) == len(atom.args) - 2:
        output = atom.args[-2]
        if output in bound and output not in definitions:
            definitions[output] = atom
            return Premise(atom, output, atom.args[-1])
    return None


def _term(name, definitions, terms, constants, bound, stack) -> Term | None:
    if name in terms:
        return terms[name]
    if name not in bound:
        return constants.get(name, leaf(name, False))
    if name in stack:
        return None
    atom = definitions.get(name)
    if atom is None:
        terms[name] = leaf(name, True)
        return terms[name]
    args = []
    for argument in atom.args[:-2]:
        term = _term(argument, definitions, terms, constants, bound, (*stack, name))
        if term is None:
            return None
        args.append(term)
    terms[name] = apply(atom.args[-1], tuple(args))
    return terms[name]


def _sides(conclusion: Atom, operations, definitions, terms, constants, bound) -> tuple[Term, Term] | None:
    def side(name: str) -> Term | None:
        return _term(name, definitions, terms, constants, bound, ())

    if conclusion.pred == "=":
        left, right = side(conclusion.args[0]), side(conclusion.args[1])
    elif conclusion.pred in FUNCTION_ATOMS and operations.get(conclusion.args[-1]) == len(conclusion.args) - 2:
        inputs = [side(a) for a in conclusion.args[:-2]]
        if any(t is None for t in inputs):
            return None
        left, right = apply(conclusion.args[-1], tuple(inputs)), side(conclusion.args[-2])
    else:
        return None
    if left is None or right is None:
        return None
    return left, right


@dataclass(frozen=True)
class Pattern:
    """An atom between terms: ``relation(args)``, or with ``relation`` None the equation
    ``args[0] = args[1]``."""

    relation: str | None
    args: tuple[Term, ...]


def read_atoms(formula: Formula, operations: dict[str, int], sets: frozenset[str]) -> tuple[Pattern, ...]:
    """The atoms of ``formula`` between terms, wherever they stand: every bound variable that an
    atom defines as the value of an operation stands for that application, as in
    :func:`read_law`. Guards ``x ∈ C`` for a set in ``sets`` (the carriers) are left out, and so
    are atoms of defined predicates."""
    bound: set[str] = set()
    atoms: list[Atom] = []
    definitions: dict[str, Atom] = {}

    def walk(node: Formula) -> None:
        if isinstance(node, Atom):
            atoms.append(node)
        elif isinstance(node, Forall):  # a premise may define a variable its own level binds
            bound.update(node.variables)
            for atom in conjuncts(node.antecedent):
                _premise(atom, set(node.variables), operations, definitions)
            walk(node.antecedent)
            walk(node.consequent)
        else:
            for name in ("body", "left", "right"):
                if hasattr(node, name):
                    walk(getattr(node, name))

    walk(formula)
    terms: dict[str, Term] = {}

    def term(name: str) -> Term:
        return _term(name, definitions, terms, {}, bound, ()) or leaf(name, name in bound)

    found: list[Pattern] = []
    for atom in atoms:
        if atom.pred == "=":
            found.append(Pattern(None, (term(atom.args[0]), term(atom.args[1]))))
        elif atom.pred == "in" and atom.args[1] not in sets:
            found.append(Pattern(atom.args[1], (term(atom.args[0]),)))
        elif atom.pred in FUNCTION_ATOMS and operations.get(atom.args[-1]) == len(atom.args) - 2:
            if definitions.get(atom.args[-2]) is not atom:
                inputs = tuple(term(a) for a in atom.args[:-2])
                found.append(Pattern(None, (apply(atom.args[-1], inputs), term(atom.args[-2]))))
        elif atom.pred in FUNCTION_ATOMS:
            found.append(Pattern(atom.args[-1], tuple(term(a) for a in atom.args[:-1])))
    return tuple(dict.fromkeys(found))
