"""Small finite models of a theory's axioms, found by z3, for theories without an induction
schema (which have no numerals to compute a ground model from).

This module reads the theory (its signature and axioms) and calls z3; it touches nothing else
and returns :class:`~genlogic.explore.model.GroundModel` objects. Every model is re-checked
with the evaluator of :mod:`genlogic.explore.refute` before it is returned, so a flaw in the
encoding can lose a model but never yield a false one.

Encoding, for a universe {0, …, n-1} that is the carrier:

* the carrier is the common domain of the theory's operations (or, without operations, its only
  set); ``x ∈ carrier`` is true of every element;
* an element constant is a z3 Int in range; an operation on the carrier a z3 function whose
  values are in range; any other relation a z3 Bool function; any other set a Bool function;
* quantifiers are expanded over the universe, exactly. A variable that a premise fixes
  (``g(a, b) = c`` with g an operation and a, b known, or ``c = t``) is replaced by its value's
  term instead of ranging, so associativity costs n³ constraints, not n⁶.

Up to :data:`MODELS_PER_SIZE` pairwise non-isomorphic models are taken per size in
:data:`SIZES` (each found model is blocked together with all its relabellings), under a fixed
seed and a deterministic z3 resource limit, then sorted by their tables.

Limits: no models (``[]``) when the theory has an induction schema, when an axiom quantifies
over sets or relations (second order), when the carrier cannot be told (operations on different
sets, or several sets and no operation), or when an atom is not ``in``, ``in2``, ``in3`` or ``=``.
"""

from __future__ import annotations

import dataclasses
import itertools
import time
from dataclasses import dataclass

import z3

from genlogic.explore.model import Ground, GroundModel, compute_ground
from genlogic.explore.refute import satisfies
from genlogic.mpl.ast import FUNCTION_ATOMS, And, Atom, Forall, Formula, Not, conjuncts, subformulas
from genlogic.theory.model import RELATION_ATOMS, Kind, Theory

#: chosen once for all theories: universe sizes, models kept per size, z3 resource limit per check
SIZES = range(1, 7)
MODELS_PER_SIZE = 2
RESOURCE_LIMIT = 20_000_000
SEED = 0


class Unsupported(Exception):
    """The axioms use something this encoding cannot express."""


@dataclass(frozen=True)
class Vocabulary:
    """What the constants of a theory become in a finite model."""

    carrier: str
    elements: tuple[str, ...]
    functions: tuple[tuple[str, int], ...]  # operation on the carrier, number of inputs
    relations: tuple[tuple[str, int], ...]  # any other relation, number of inputs
    sets: tuple[str, ...]  # sets other than the carrier


def vocabulary(theory: Theory) -> Vocabulary | None:
    """``None`` when the carrier cannot be told."""
    signature = theory.signature
    sets = [c.name for c in signature.constants if c.kind is Kind.SET]
    domains = {op.domain for op in signature.operations if op.is_operation}
    if len(domains) > 1 or (not domains and len(sets) != 1):
        return None
    carrier = domains.pop() if domains else sets[0]
    functions = [(op.name, op.inputs) for op in signature.operations if op.is_operation and op.domain == carrier]
    relations = [
        (c.name, FUNCTION_ATOMS[RELATION_ATOMS[c.kind]])
        for c in signature.constants
        if c.kind in RELATION_ATOMS and c.name not in dict(functions)
    ]
    return Vocabulary(
        carrier,
        tuple(c.name for c in signature.constants if c.kind is Kind.ELEMENT),
        tuple(functions),
        tuple(relations),
        tuple(s for s in sets if s != carrier),
    )


def finite_models(
    theory: Theory, sizes: range = SIZES, per_size: int = MODELS_PER_SIZE, deadline: float | None = None
) -> list[GroundModel]:
    """Non-isomorphic models of the axioms on {0, …, n-1} for each n in ``sizes``, smallest
    first; ``[]`` when the theory is beyond the encoding (see the module docstring). At
    ``deadline`` (``time.monotonic()``) the search stops with the models found so far."""
    words = vocabulary(theory)
    if theory.signature.induction or words is None or any(_second_order(axiom) for axiom in theory.axioms):
        return []
    models = []
    for size in sizes:
        if deadline is not None and time.monotonic() >= deadline:
            break
        try:
            found = _Search(words, size).models(theory.axioms, per_size, deadline)
        except Unsupported:
            return []
        found.sort(key=_key)
        models.extend(_labelled(model, index) for index, model in enumerate(found, start=1))
    return [model for model in models if satisfies(model, theory.axioms)]


def _second_order(formula: Formula) -> bool:
    """Whether a quantified variable stands for a set or a relation."""
    for sub in subformulas(formula):
        if isinstance(sub, Forall):
            bound = set(sub.variables)
            for atom in subformulas(sub):
                if isinstance(atom, Atom) and atom.pred in ("in", *FUNCTION_ATOMS) and atom.args[-1] in bound:
                    return True
    return False


def _key(model: GroundModel) -> tuple:
    return (
        sorted(model.constants.items()),
        sorted((name, sorted(table.items())) for name, table in model.unary.items()),
        sorted((name, sorted(table.items())) for name, table in model.binary.items()),
        sorted((name, sorted(table.items())) for name, table in model.many.items()),
        sorted((name, sorted(tuples)) for name, tuples in model.relations.items()),
        sorted((name, sorted(members)) for name, members in model.sets.items()),
    )


def _labelled(model: GroundModel, index: int) -> GroundModel:
    return dataclasses.replace(model, label=f"size {model.up_to + 1} #{index}")


class _Search:
    """The z3 encoding of the axioms on a universe of ``size`` elements."""

    def __init__(self, words: Vocabulary, size: int):
        self.words = words
        self.size = size
        self.context = z3.Context()  # a fresh context: z3's shared one would make results depend on earlier calls
        integer, boolean = z3.IntSort(self.context), z3.BoolSort(self.context)
        self.true, self.false = z3.BoolVal(True, self.context), z3.BoolVal(False, self.context)
        self.universe = [z3.IntVal(v, self.context) for v in range(size)]
        self.elements = {name: z3.Int(f"e{i}", self.context) for i, name in enumerate(words.elements)}
        self.functions = {
            name: z3.Function(f"f{i}", *[integer] * (inputs + 1)) for i, (name, inputs) in enumerate(words.functions)
        }
        self.relations = {
            name: z3.Function(f"r{i}", *[integer] * (inputs + 1), boolean)
            for i, (name, inputs) in enumerate(words.relations)
        }
        self.sets = {name: z3.Function(f"s{i}", integer, boolean) for i, name in enumerate(words.sets)}

    def models(self, axioms: tuple[Formula, ...], limit: int, deadline: float | None = None) -> list[GroundModel]:
        solver = z3.Solver(ctx=self.context)
        solver.set("random_seed", SEED)
        solver.set("rlimit", RESOURCE_LIMIT)
        if deadline is not None:  # only the deadline's own check may end differently from run to run
            solver.set("timeout", max(1, int((deadline - time.monotonic()) * 1000)))
        for term in self._ranged():
            solver.add(z3.And(0 <= term, term < self.size))
        for axiom in axioms:
            solver.add(self.encode(axiom, {}))
        found = []
        while solver.check() == z3.sat:
            model = self._read(solver.model())
            found.append(model)
            if len(found) == limit:
                break
            for permutation in itertools.permutations(range(self.size)):
                solver.add(self._differs(model, permutation))
        return found

    def _ranged(self) -> list[z3.ArithRef]:
        terms = list(self.elements.values())
        for name, inputs in self.words.functions:
            for args in itertools.product(self.universe, repeat=inputs):
                terms.append(self.functions[name](*args))
        return terms

    def encode(self, formula: Formula, env: dict[str, z3.ArithRef]) -> z3.BoolRef:
        if isinstance(formula, Atom):
            return self._atom(formula, env)
        if isinstance(formula, Not):
            return z3.Not(self.encode(formula.body, env))
        if isinstance(formula, And):
            return z3.And(self.encode(formula.left, env), self.encode(formula.right, env))
        assert isinstance(formula, Forall)
        outer = {k: v for k, v in env.items() if k not in formula.variables}
        parts = self._expand(list(formula.variables), list(conjuncts(formula.antecedent)), formula.consequent, outer)
        return z3.And(*parts) if parts else self.true

    def _expand(self, pending: list[str], premises: list[Formula], consequent: Formula, env) -> list[z3.BoolRef]:
        if not pending:
            antecedent = [self.encode(p, env) for p in premises]
            return [z3.Implies(z3.And(*antecedent), self.encode(consequent, env)) if antecedent
                    else self.encode(consequent, env)]
        for index, premise in enumerate(premises):
            fixed = self._fixed(premise, pending, env)
            if fixed is not None:
                variable, value = fixed
                rest = premises[:index] + premises[index + 1:]
                return self._expand([v for v in pending if v != variable], rest, consequent, {**env, variable: value})
        variable, others = pending[0], pending[1:]
        parts = []
        for value in self.universe:
            parts.extend(self._expand(others, premises, consequent, {**env, variable: value}))
        return parts

    def _fixed(self, premise: Formula, pending: list[str], env) -> tuple[str, z3.ArithRef] | None:
        """A pending variable that ``premise`` determines, with its value's term; the premise
        then holds by construction."""
        if not isinstance(premise, Atom):
            return None
        args = premise.args
        if premise.pred == "=":
            for variable, other in ((args[0], args[1]), (args[1], args[0])):
                if variable in pending and other not in pending:
                    return variable, self._term(other, env)
            return None
        if premise.pred in FUNCTION_ATOMS and args[-1] in self.functions and args[-2] in pending:
            inputs = args[:-2]
            if any(a in pending for a in inputs):
                return None
            return args[-2], self.functions[args[-1]](*[self._term(a, env) for a in inputs])
        return None

    def _term(self, name: str, env) -> z3.ArithRef:
        if name in env:
            return env[name]
        if name in self.elements:
            return self.elements[name]
        raise Unsupported(name)

    def _atom(self, atom: Atom, env) -> z3.BoolRef:
        args = atom.args
        if atom.pred == "=":
            return self._term(args[0], env) == self._term(args[1], env)
        if atom.pred == "in":
            element = self._term(args[0], env)
            if args[1] == self.words.carrier:
                return self.true
            if args[1] in self.sets:
                return self.sets[args[1]](element)
            raise Unsupported(args[1])
        if atom.pred in FUNCTION_ATOMS:
            terms = [self._term(a, env) for a in args[:-1]]
            if args[-1] in self.functions:
                return self.functions[args[-1]](*terms[:-1]) == terms[-1]
            if args[-1] in self.relations:
                return self.relations[args[-1]](*terms)
            raise Unsupported(args[-1])
        raise Unsupported(atom.pred)

    def _read(self, found: z3.ModelRef) -> GroundModel:
        def value(term) -> int:
            return found.eval(term, model_completion=True).as_long()

        def true(term) -> bool:
            return z3.is_true(found.eval(term, model_completion=True))

        points = {inputs: list(itertools.product(range(self.size), repeat=inputs))
                  for inputs in range(1, max(FUNCTION_ATOMS.values()) + 2)}
        tables = {
            name: {args: value(self.functions[name](*[self.universe[a] for a in args])) for args in points[inputs]}
            for name, inputs in self.words.functions
        }
        return GroundModel(
            carrier=self.words.carrier,
            step=None,
            up_to=self.size - 1,
            binary={name: table for name, table in tables.items() if dict(self.words.functions)[name] == 2},
            many={name: table for name, table in tables.items() if dict(self.words.functions)[name] > 2},
            constants={name: value(term) for name, term in self.elements.items()},
            unary={name: {args[0]: v for args, v in table.items()}
                   for name, table in tables.items() if dict(self.words.functions)[name] == 1},
            relations={name: frozenset(t for t in points[inputs + 1]
                                       if true(self.relations[name](*[self.universe[x] for x in t])))
                       for name, inputs in self.words.relations},
            sets={name: frozenset(x for x in range(self.size) if true(self.sets[name](self.universe[x])))
                  for name in self.words.sets},
            finite=True,
        )

    def _differs(self, model: GroundModel, permutation: tuple[int, ...]) -> z3.BoolRef:
        """The next model is not ``model`` relabelled by ``permutation``."""
        p = permutation
        value = [self.universe[v] for v in p]
        literals = [term != value[model.constants[name]] for name, term in self.elements.items()]
        for name, table in model.unary.items():
            literals += [self.functions[name](value[a]) != value[b] for a, b in table.items()]
        for name, table in {**model.binary, **model.many}.items():
            literals += [self.functions[name](*[value[a] for a in args]) != value[c] for args, c in table.items()]
        for name, inputs in self.words.relations:
            holds = model.relations[name]
            literals += [self.relations[name](*[value[x] for x in t]) != (self.true if t in holds else self.false)
                         for t in itertools.product(range(self.size), repeat=inputs + 1)]
        for name, members in model.sets.items():
            literals += [self.sets[name](value[x]) != (self.true if x in members else self.false)
                         for x in range(self.size)]
        return z3.Or(*literals) if literals else self.false


def models_of(theory: Theory, deadline: float | None = None) -> tuple[Ground | None, list[GroundModel]]:
    """The ground model (its own budget, within the deadline), or else — for a theory without an
    induction schema — the finite models."""
    ground = compute_ground(theory, deadline)
    if ground is not None:
        return ground, [ground.model]
    return None, finite_models(theory, deadline=deadline)
