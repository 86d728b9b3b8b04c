"""Ground calculation: the tables ``g(a, b) = c`` of a theory's binary operations (and of its
functions of three or four arguments) on numerals,
and the distinctness of numerals, each fact a theorem with its own proof.

Numerals come from the theory's induction schema (:class:`~genlogic.theory.model.InductionSchema`),
never from names: numeral 0 is the schema's base constant and numeral k is a fresh constant
``n<k>`` with ``step(n<k-1>) = n<k>`` and ``n<k> ∈ carrier``. The numerals are fixed one at a time
by nested ``forall`` blocks, each saturated before the next is opened, so a fact is derived in the
shallowest block that can derive it, and the theorem for a fact about numerals up to L reads::

    forall n1: step(0) = n1 and n1 ∈ X -> … forall nL: step(n<L-1>) = nL and nL ∈ X -> fact

No witnesses are needed (depth budget 0). Numerals are added until every table entry for
arguments ≤ ``up_to`` has a numeral value, or a limit of the :class:`GroundBudget` is hit —
numerals fixed, facts per block, steps recorded, its own seconds, the caller's deadline — which
the result names (:class:`GroundLimit`) with the entries left without a value. Distinctness
(``n<i> ≠ n<j>`` for i < j ≤ ``distinct_up_to``, by default the table arguments 0 … ``up_to``) is
proved in a second chain that loads only the axioms about the carrier, the base and the step,
each pair by contradiction, reusing the pairs already proved.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from enum import Enum

from genlogic.engine.block import Budget, LogicBlock, Naming
from genlogic.engine.goal import Proof, cite, package
from genlogic.engine.proof import ProofLog
from genlogic.errors import MplError
from genlogic.mpl.ast import FUNCTION_ATOMS, And, Atom, Forall, Formula, Not, free_identifiers, function_atom
from genlogic.mpl.printer import is_name
from genlogic.theory.model import RELATION_ATOMS, InductionSchema, Kind, Operation, Theory


class GroundLimit(Enum):
    """The limit of a :class:`GroundBudget` that stopped a calculation (the names of
    :class:`~genlogic.engine.block.Budget` where they are the same limit)."""

    NUMERALS = "numerals"  # GroundBudget.numerals fixed
    FACTS = "facts"  # a block reached Budget.facts live literals
    STEPS = "steps"  # GroundBudget.steps recorded
    SECONDS = "seconds"  # GroundBudget.seconds spent
    DEADLINE = "deadline"  # the caller's deadline passed (a run's --time-limit)


@dataclass(frozen=True)
class GroundBudget:
    """Limits of one calculation. ``numerals`` is raised to ``up_to`` when lower (the table
    arguments need them); ``seconds`` counts from the start of the calculation, ``deadline`` is a
    ``time.monotonic()`` value of the caller's; ``None`` means no such limit."""

    numerals: int = 512
    facts: int = Budget.facts
    steps: int = Budget.steps
    seconds: float | None = None
    deadline: float | None = None


@dataclass(frozen=True)
class GroundTables:
    """Operation name → {(a, b): c} on numeral indices, and every fact's proof. ``missing`` are
    the entries ``(operation, *arguments)`` without a value; ``limit`` is what stopped the
    calculation early (``None`` when nothing did)."""

    schema: InductionSchema
    up_to: int
    numerals: int
    tables: dict[str, dict[tuple[int, int], int]]
    missing: tuple[tuple[str | int, ...], ...]
    proofs: tuple[Proof, ...]
    distinct_up_to: int
    constants: dict[str, int]  # element constants of the theory that are numerals
    limit: GroundLimit | None = None
    # unary operations other than the step: {a: f(a)} for the arguments whose value is among
    # the numerals the binary tables needed (values only: never packaged as theorems)
    unary: dict[str, dict[int, int]] = field(default_factory=dict)
    # functions of three or four arguments: {(a, b, c): h(a, b, c)}, like the binary tables
    many: dict[str, dict[tuple[int, ...], int]] = field(default_factory=dict)
    # relations that are no operation, and sets other than the carrier: {(inputs…, output) or
    # (element,): True or False} where a live literal decides it (values only, like ``unary``)
    truths: dict[str, dict[tuple[int, ...], bool]] = field(default_factory=dict)


class Clock:
    """The time limits of a budget: its own seconds from now, and the caller's deadline."""

    def __init__(self, budget: GroundBudget):
        own = time.monotonic() + budget.seconds if budget.seconds is not None else None
        self.own, self.deadline = own, budget.deadline
        self.stop = min((t for t in (own, budget.deadline) if t is not None), default=None)

    def passed(self) -> GroundLimit | None:
        now = time.monotonic()
        if self.deadline is not None and now >= self.deadline:
            return GroundLimit.DEADLINE
        return GroundLimit.SECONDS if self.own is not None and now >= self.own else None


def calculate(
    theory: Theory, up_to: int, distinct_up_to: int | None = None, budget: GroundBudget = GroundBudget(),
    proofs: bool = True,
) -> GroundTables:
    """The tables for arguments 0..``up_to``; with ``proofs=False`` only the values (the facts are
    still derived, but not packaged as theorems), which is what a model for testing needs."""
    if not theory.signature.induction:
        raise MplError(f"theory {theory.name} has no induction schema, so it has no numerals to calculate with")
    schema = theory.signature.induction[0]
    inputs = {op.name: op.inputs for op in tabled_operations(theory, schema) if op.inputs >= 2}
    operations = list(inputs)
    clock = Clock(budget)
    block_budget = Budget(depth=0, facts=budget.facts, steps=budget.steps, deadline=clock.stop)
    tables = _Chain(theory, schema, list(range(len(theory.axioms))), block_budget)
    wanted = {(op, *args) for op in operations for args in itertools.product(range(up_to + 1), repeat=inputs[op])}
    values: dict[tuple, tuple[int, str, int]] = {}
    limit = tables.limit(clock)
    while True:
        for key in sorted(wanted - set(values)):
            found = tables.value(key[0], key[1:])  # a fact derived before a limit stopped a block is still one
            if found is not None:
                values[key] = found
        if len(values) == len(wanted) and tables.size >= up_to:
            limit = None
            break
        if limit is None and tables.size >= max(budget.numerals, up_to):
            limit = GroundLimit.NUMERALS
        if limit is not None:
            break
        tables.extend()
        limit = tables.limit(clock)
    packaged = []
    distinct_up_to = up_to if distinct_up_to is None else distinct_up_to
    if proofs:
        for key in sorted(values, key=lambda k: (operations.index(k[0]), k[1:])):
            c, step, level = values[key]
            packaged.append(tables.theorem("_".join([_label(key[0], operations), *map(str, key[1:])]), step, level))
        distinct, distinct_up_to, distinct_limit = _distinctness(theory, schema, distinct_up_to, block_budget, clock)
        packaged.extend(distinct)
        limit = limit or distinct_limit
    result_tables: dict[str, dict[tuple[int, int], int]] = {op: {} for op in operations if inputs[op] == 2}
    many: dict[str, dict[tuple[int, ...], int]] = {op: {} for op in operations if inputs[op] > 2}
    for (op, *args), (c, _, _) in values.items():
        (result_tables if inputs[op] == 2 else many)[op][tuple(args)] = c
    unary = {
        op.name: {a: found[0] for a in range(up_to + 1) if (found := tables.value(op.name, (a,))) is not None}
        for op in tabled_operations(theory, schema) if op.inputs == 1
    }
    truths = {
        table.name: {
            args: truth for args in itertools.product(range(min(up_to, tables.size) + 1), repeat=table.places)
            if (truth := tables.truth(table.pred, table.name, args)) is not None
        }
        for table in truth_tables(theory, schema)
    }
    missing = tuple(sorted(wanted - set(values)))
    constants = {}
    for constant in theory.signature.constants:
        index = tables.index_of(constant.name) if constant.kind.value == "element" else None
        if index is not None:
            constants[constant.name] = index
    return GroundTables(
        schema, up_to, tables.size, result_tables, missing, tuple(packaged), distinct_up_to, constants, limit, unary,
        many, truths,
    )


def tabled_operations(theory: Theory, schema: InductionSchema) -> list[Operation]:
    """The operations on the carrier that get a table (all but the successor), in the
    signature's order."""
    return [op for op in theory.signature.operations
            if op.is_operation and op.domain == schema.carrier and op.name != schema.step]


@dataclass(frozen=True)
class TruthTable:
    """A relation that is no operation (``pred`` in2 … in5), or a set other than the carrier
    (``pred`` in): its atoms over numerals are true, false or undecided, never a value."""

    name: str
    pred: str
    places: int


def truth_tables(theory: Theory, schema: InductionSchema) -> list[TruthTable]:
    """The relations and sets of ``theory`` whose ground model is a truth table."""
    found = []
    for constant in theory.signature.constants:
        operation = theory.signature.operation(constant.name)
        if constant.kind in RELATION_ATOMS and (operation is None or not operation.is_operation):
            pred = RELATION_ATOMS[constant.kind]
            found.append(TruthTable(constant.name, pred, FUNCTION_ATOMS[pred] + 1))
        elif constant.kind is Kind.SET and constant.name != schema.carrier:
            found.append(TruthTable(constant.name, "in", 1))
    return found


def _label(op: str, operations: list[str]) -> str:
    return op if is_name(op) else f"op{operations.index(op) + 1}"


class _Chain:
    """Nested ``forall`` blocks fixing the numerals n1, n2, … one after the other."""

    def __init__(self, theory: Theory, schema: InductionSchema, axioms: list[int], budget: Budget):
        self.schema = schema
        self.log = ProofLog()
        constants = {c.name: 0 for c in theory.signature.constants}
        self.naming = Naming(reserved=set(constants))
        root = LogicBlock(self.log, self.naming, self.naming.block("root", None), constants, budget)
        for index in axioms:
            axiom = theory.axioms[index]
            root.add(axiom, self.log.record("axiom", axiom, (), root.block, axiom=index))
        for index in theory.citable_lemmas:  # canonical forms proved first (engine/lemmas.py)
            root.add(theory.facts[index].formula, cite(theory, self.log, index, root.block))
        root.saturate()
        self.blocks: list[LogicBlock] = [root]
        self.names: list[str] = [schema.base]
        self.assumptions: list[Formula] = [Atom("in", (schema.base, schema.carrier))]

    @property
    def size(self) -> int:
        return len(self.names) - 1

    @property
    def current(self) -> LogicBlock:
        return self.blocks[-1]

    def extend(self) -> None:
        name = self.naming.parameter(f"n{len(self.names)}")
        block = self.current.child("forall", (name,))
        assumption = And(Atom("in2", (self.names[-1], name, self.schema.step)), Atom("in", (name, self.schema.carrier)))
        block.assume(assumption)
        block.saturate()
        self.blocks.append(block)
        self.names.append(name)
        self.assumptions.append(assumption)

    def limit(self, clock: Clock) -> GroundLimit | None:
        """The limit hit so far, if any: a block stopped saturating (which limit stopped it), or
        the time ran out between blocks."""
        passed = clock.passed()
        if passed is not None or not self.current.hits.facts:
            return passed
        return GroundLimit.STEPS if len(self.log.steps) >= self.current.budget.steps else GroundLimit.FACTS

    def index_of(self, constant: str) -> int | None:
        find = self.current.equalities.find
        for index, name in enumerate(self.names):
            if find(name) == find(constant):
                return index
        return None

    def value(self, op: str, args: tuple[int, ...]) -> tuple[int, str, int] | None:
        """(c, step, level) when ``op(args) = c`` is live: its step and the block level to state it at."""
        if max(args) > self.size:
            return None
        find = self.current.equalities.find
        store = self.current.store
        pred = function_atom(len(args))
        bound = {i: find(self.names[a]) for i, a in enumerate(args)}
        bound[len(args) + 1] = find(op)
        for candidate in store.candidates(True, pred, bound):
            c = self.index_of(candidate[len(args)])
            if c is None:
                continue
            step = store.proof[(True, pred, candidate)]
            level = max(self._level(step), *(self._numeral_level(x) for x in candidate[: len(args) + 1]))
            return c, step, level
        return None

    def truth(self, pred: str, relation: str, args: tuple[int, ...]) -> bool | None:
        """Whether ``pred[args…, relation]`` on numerals is live (True), its negation is (False),
        or neither (None)."""
        find = self.current.equalities.find
        bound = {i: find(self.names[a]) for i, a in enumerate(args)}
        bound[len(args)] = find(relation)
        for positive in (True, False):
            if next(self.current.store.candidates(positive, pred, bound), None) is not None:
                return positive
        return None

        find = self.current.equalities.find
        for candidate in self.current.store.candidates(True, "in2", {0: find(self.names[a]), 2: find(op)}):
            c = self.index_of(candidate[1])
            if c is not None:
                return c
        return None

    def _level(self, step: str) -> int:
        block = self.log.steps[step].block
        return next(i for i, b in enumerate(self.blocks) if b.block == block)

    def _numeral_level(self, constant: str) -> int:
        return self.names.index(constant) if constant in self.names else 0

    def theorem(self, name: str, step: str, level: int) -> Proof:
        """Close blocks ``level`` … 1 around ``step``: the fact as a theorem."""
        formula = self.log.steps[step].formula
        for depth in range(level, 0, -1):
            variable = self.names[depth]
            formula = Forall((variable,), self.assumptions[depth], formula)
            parent = self.blocks[depth - 1]
            step = self.log.record("forall_intro", formula, (step,), parent.block, closes=self.blocks[depth].block)
        assert not free_identifiers(formula) & set(self.names[1:])
        return package(self.log, self.naming, name, formula, step)


def _distinctness(
    theory: Theory, schema: InductionSchema, numerals: int, budget: Budget, clock: Clock
) -> tuple[list[Proof], int, GroundLimit | None]:
    """``n<i> ≠ n<j>`` for 0 ≤ i < j ≤ numerals, from the axioms about carrier, base, step; with
    the largest m such that every pair up to m was proved, and the limit that stopped it early."""
    vocabulary = {schema.carrier, schema.base, schema.step}
    relevant = [i for i, axiom in enumerate(theory.axioms) if free_identifiers(axiom) <= vocabulary]
    chain = _Chain(theory, schema, relevant, budget)
    proofs = []
    reached = 0
    for j in range(1, numerals + 1):
        limit = chain.limit(clock)
        if limit is not None:
            return proofs, reached, limit
        chain.extend()
        block = chain.current
        complete = reached == j - 1
        for i in range(j):
            goal = Not(Atom("=", (chain.names[i], chain.names[j])))
            step = block.establish(goal)
            if step is None:
                complete = False
                continue
            block.add(goal, step)
            proofs.append(chain.theorem(f"distinct_{i}_{j}", step, j))
        reached = j if complete else reached
    return proofs, reached, chain.limit(clock)
