"""Proving one statement in a fresh tree of Logic Blocks, and packaging the result.

The statement is proved in the theory's root block ``b0`` (every axiom and every known theorem
loaded as a fact); a universal statement opens a ``forall`` child, a negated one a
``contradiction`` child (see :mod:`genlogic.engine.block`). Statements that mention defined
predicates are proved in expanded form and folded back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from genlogic.engine.block import BlockInfo, Budget, BudgetHits, LogicBlock, Naming
from genlogic.engine.proof import Calculation, ProofLog, Step
from genlogic.mpl.ast import FUNCTION_ATOMS, And, Atom, Forall, Formula, Not, conjoin, conjuncts, free_identifiers, subformulas
from genlogic.mpl.shape import as_clause
from genlogic.mpl.subst import comprehend
from genlogic.mpl.expand import expand
from genlogic.theory.model import Theory


@dataclass(frozen=True)
class KnownTheorem:
    name: str
    statement: Formula


@dataclass(frozen=True)
class Proof:
    """A finished proof: its steps in citation order (the last one states the theorem)."""

    name: str
    statement: Formula
    steps: tuple[Step, ...]
    blocks: tuple[BlockInfo, ...]
    uses: tuple[str, ...]
    calculations: tuple[Calculation, ...] = ()  # explanations of equational steps, in step order


@dataclass(frozen=True)
class Attempt:
    """The outcome of trying to prove one statement with one budget."""

    name: str
    proof: Proof | None
    hits: BudgetHits
    facts: int
    steps_recorded: int


def attempt(
    theory: Theory,
    name: str,
    statement: Formula,
    known: tuple[KnownTheorem, ...],
    budget: Budget,
    induction_variable: str | None = None,
    axioms: tuple[int, ...] | None = None,
    splits: int = 0,
    symbols: frozenset[str] | None = None,
    every: bool = False,
    algebra: Callable[[LogicBlock, Atom], str | None] | None = None,
) -> Attempt:
    """Try to prove ``statement`` directly or, with ``induction_variable``, by induction on it;
    from the theory's axioms (only those indexed by ``axioms`` when given), its proved lemmas
    and ``known``. ``splits``: how deep a universal subgoal a block cannot prove may be proved
    by a nested induction on one of its variables (a case split with its own hypothesis).
    ``symbols``: only the axioms and lemmas that mention no other symbols are loaded. ``every``:
    a case split may be on any variable (:func:`induction_variables`). ``algebra``: proves a
    block's equational goal by rewriting (:mod:`genlogic.engine.algebra`)."""
    definitions = {d.name: d for d in theory.definitions}
    log = ProofLog()
    constants = {c.name: 0 for c in theory.signature.constants}
    naming = Naming(reserved=set(constants))
    operations = frozenset(op.name for op in theory.signature.operations if op.is_operation)
    goal = expand(statement, definitions)
    root = LogicBlock(log, naming, naming.block("root", None), constants, budget, operations, denied(theory, goal))
    if splits:
        root.splitter = _splitter(theory, splits, every)
    root.algebra = algebra
    for index, axiom in enumerate(theory.axioms):
        if (axioms is None or index in axioms) and (symbols is None or free_identifiers(axiom) <= symbols):
            root.add(axiom, log.record("axiom", axiom, (), root.block, axiom=index))
    for index in theory.citable_lemmas:  # the canonical forms proved as lemmas
        if symbols is None or free_identifiers(theory.facts[index].formula) <= symbols:
            root.add(theory.facts[index].formula, cite(theory, log, index, root.block))
    for theorem in known:
        step = log.record("theorem", theorem.statement, (), root.block, theorem=theorem.name)
        expanded = expand(theorem.statement, definitions)
        if expanded != theorem.statement:
            step = log.record("unfold", expanded, (step,), root.block)
        root.add(expanded, step)
    final = None
    if induction_variable is None or _induction(theory, root, goal, induction_variable):
        final = root.establish(goal)
    if final is not None and goal != statement:
        final = log.record("fold", statement, (final,), root.block)
    proof = package(log, naming, name, statement, final) if final is not None else None
    return Attempt(name, proof, root.hits, len(root.store), len(log.steps))


def denied(theory: Theory, statement: Formula) -> frozenset[str]:
    """The binary relations that ``statement`` denies somewhere (a relation atom under a
    negation: ``¬le(x, y) → le(y, x)``): the ones whose rules get contrapositives in its blocks.
    Elsewhere they only cost: TIP's conditional laws about a relation decided everywhere took a
    fifth longer with them."""
    relations = set(theory.signature.relations)
    return frozenset(atom.args[-1] for sub in subformulas(statement) if isinstance(sub, Not)
                     for atom in subformulas(sub.body)
                     if isinstance(atom, Atom) and atom.pred == "in2" and atom.args[-1] in relations)


def induction_variables(theory: Theory, statement: Formula, every: bool = False) -> list[str]:
    """The variables of ``∀x̄ (A → B)`` that A guards by the carrier of an induction schema; when
    some of them occur where an axiom recurses (see :func:`recursive_positions`), only those — or
    with ``every``, those first and then the others (cancellation x · z = y · z ∧ z ≠ 0 → x = y
    goes by induction on x with a case split on y, where · recurses on z)."""
    if not isinstance(statement, Forall) or not theory.signature.induction:
        return []
    carriers = {schema.carrier for schema in theory.signature.induction}
    guards = {c.args[0] for c in conjuncts(statement.antecedent)
              if isinstance(c, Atom) and c.pred == "in" and c.args[1] in carriers}
    candidates = [v for v in statement.variables if v in guards]
    positions = recursive_positions(theory)
    recursive = {
        sub.args[position]
        for sub in subformulas(statement)
        if isinstance(sub, Atom) and sub.pred in FUNCTION_ATOMS
        for position in positions.get(sub.args[-1], ())
    }
    first = [v for v in candidates if v in recursive]
    return first + [v for v in candidates if v not in recursive] if every else first or candidates


def recursive_positions(theory: Theory) -> dict[str, set[int]]:
    """For each relation, the input positions at which some fact (theory/clauses.py) defines it
    by recursion: the fact concludes ``g(…, y, …) = z`` where a premise makes ``y`` a step
    (successor) of something. Read from the facts' shape, never from names."""
    steps = {schema.step for schema in theory.signature.induction}
    found: dict[str, set[int]] = {}
    for index, fact in enumerate(theory.facts):  # canonical: a recursion however it is written
        if index in theory.signature.unusable:
            continue
        clause = as_clause(fact.formula)
        conclusion = clause.conclusion
        if not (isinstance(conclusion, Atom) and conclusion.pred in FUNCTION_ATOMS):
            continue
        successors = {p.args[1] for p in clause.premises if isinstance(p, Atom) and p.pred == "in2" and p.args[2] in steps}
        for position, argument in enumerate(conclusion.args[:-2]):
            if argument in successors:
                found.setdefault(conclusion.args[-1], set()).add(position)
    return found


def cite(theory: Theory, log: ProofLog, fact: int, block: str) -> str:
    """Record the step stating fact ``fact`` of the theory: an ``axiom`` step when the fact is an
    axiom as written (up to bound names), else a ``theorem`` step citing its lemma."""
    found = theory.facts[fact]
    if found.lemma is None:
        return log.record("axiom", found.formula, (), block, axiom=found.axioms[0])
    return log.record("theorem", found.formula, (), block, theorem=found.lemma)


@dataclass(frozen=True)
class InductionInstance:
    """The induction fact ``fact`` instantiated for proving ``goal`` by induction on
    ``element``: ``formula`` is the fact with its set variable replaced by ``{element | prop}``."""

    fact: int
    set_name: str
    element: str
    prop: Formula
    formula: Forall

    def record(self, theory: Theory, log: ProofLog, block: str) -> str:
        """Record the fact and the comprehension step; return the latter."""
        axiom_step = cite(theory, log, self.fact, block)
        return log.record(
            "comprehension", self.formula, (axiom_step,), block,
            set=self.set_name, element=self.element, property=log.text(self.prop),
        )


def induction_instance(theory: Theory, goal: Formula, variable: str) -> InductionInstance | None:
    """The instance for ``goal`` = ∀x̄ (x ∈ carrier ∧ A → B) and ``variable`` = x, with the
    property {x | x ∈ carrier ∧ ∀ȳ (A → B)} (ȳ: the other variables; the guard makes the
    hypothesis say that n is in the carrier); ``None`` if the goal has no such shape."""
    if not isinstance(goal, Forall) or variable not in goal.variables:
        return None
    premises = list(conjuncts(goal.antecedent))
    for schema in theory.signature.induction:
        guard = Atom("in", (variable, schema.carrier))
        if guard in premises:
            break
    else:
        return None
    axiom = theory.facts[schema.fact].formula
    set_name = as_clause(axiom).conclusion.args[1]
    if not isinstance(axiom, Forall) or axiom.variables != (set_name,):
        return None
    rest = tuple(v for v in goal.variables if v != variable)
    others = [p for p in premises if p != guard]
    if rest and not others:
        return None
    claim = Forall(rest, conjoin(others), goal.consequent) if others else goal.consequent
    prop = And(guard, claim)
    formula = Forall(
        (),
        comprehend(axiom.antecedent, set_name, variable, prop),
        comprehend(axiom.consequent, set_name, variable, prop),
    )
    return InductionInstance(schema.fact, set_name, variable, prop, formula)


def _splitter(theory: Theory, splits: int, every: bool):
    """A block's fallback for a universal goal it cannot prove: induction on one of the goal's
    variables (any, with ``every``), in that block, at most ``splits`` deep."""
    left = [splits]

    def split(block: LogicBlock, goal: Forall) -> str | None:
        if left[0] == 0:
            return None
        left[0] -= 1
        try:
            for variable in induction_variables(theory, goal, every):
                if _induction(theory, block, goal, variable):
                    left[0], spared = 0, left[0]  # the goal now follows directly: no further split
                    try:
                        return block.establish(goal)
                    finally:
                        left[0] = spared
            return None
        finally:
            left[0] += 1

    return split


def _induction(theory: Theory, root: LogicBlock, goal: Formula, variable: str) -> bool:
    """Prove the base and step cases of the induction instance for ``goal`` and add its
    conclusion ∀n (n ∈ carrier → φ(n)) to ``root``. ``False`` if a case is not proved (or the
    goal has no such shape)."""
    instance = induction_instance(theory, goal, variable)
    if instance is None:
        return False
    log = root.log
    instance_step = instance.record(theory, log, root.block)
    cases = []
    for case in conjuncts(instance.formula.antecedent):
        proved = root.establish(case)
        if proved is None:
            return False
        cases.append(proved)
    conclusion = instance.formula.consequent
    root.add(conclusion, log.record("apply", conclusion, (instance_step, *cases), root.block, subst={}, levels=1))
    return True


def package(log: ProofLog, naming: Naming, name: str, statement: Formula, final: str) -> Proof:
    """The proof of ``statement`` ending in step ``final``: its ancestry, every block it enters
    (with each block's assume step) and the theorems it cites. A block's assume step comes
    before every other step of the block and of its descendants (so a block param is mentioned
    by no step before the block opens); the rest keep their citation order."""
    order = log.ancestry(final)
    closed = {dict(log.steps[s].extra).get("closes") for s in order} - {None}
    used_blocks = {log.steps[s].block for s in order} | closed  # a block may close with no step inside (ex falso)
    for block in sorted(used_blocks):
        parent = naming.infos[block].parent
        while parent is not None and parent not in used_blocks:
            used_blocks.add(parent)
            parent = naming.infos[parent].parent
    assumptions = {b: naming.assumptions[b] for b in used_blocks if b in naming.assumptions}
    opened: dict[str, None] = {}  # the steps in their final order
    for step in order:
        lineage = []
        block: str | None = log.steps[step].block
        while block is not None:
            lineage.append(block)
            block = naming.infos[block].parent
        for entered in reversed(lineage):  # open the enclosing blocks, outermost first
            if entered in assumptions:
                opened.setdefault(assumptions.pop(entered))
        closes = dict(log.steps[step].extra).get("closes")
        if closes in assumptions:  # a block with no step of its own is opened just before it closes
            opened.setdefault(assumptions.pop(closes))
        opened.setdefault(step)
    steps = tuple(log.steps[s] for s in opened)
    uses = sorted({dict(s.extra)["theorem"] for s in steps if s.kind == "theorem"})
    blocks = tuple(naming.infos[b] for b in sorted(used_blocks, key=_block_number))
    calculations = tuple(
        log.calculations[s] for s in opened
        if s in log.calculations and all(link.step in opened for link in log.calculations[s].links)
    )
    return Proof(name, statement, steps, blocks, tuple(uses), calculations)


def _block_number(block: str) -> int:
    return int(block[1:])
