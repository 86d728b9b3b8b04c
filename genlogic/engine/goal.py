"""Proving one statement in a fresh tree of Logic Blocks, and packaging the result.

The statement is proved in the theory's root block ``b0`` (every axiom and every known theorem
loaded as a fact); a universal statement opens a ``forall`` child, a negated one a
``contradiction`` child (see :mod:`genlogic.engine.block`). Statements that mention defined
predicates are proved in expanded form and folded back.
"""

from __future__ import annotations

from dataclasses import dataclass

from genlogic.engine.block import BlockInfo, Budget, BudgetHits, LogicBlock, Naming
from genlogic.engine.proof import ProofLog, Step
from genlogic.mpl.ast import Formula
from genlogic.theory.expand import expand
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


@dataclass(frozen=True)
class Attempt:
    """The outcome of trying to prove one statement with one budget."""

    name: str
    proof: Proof | None
    hits: BudgetHits
    facts: int
    steps_recorded: int


def attempt(theory: Theory, name: str, statement: Formula, known: tuple[KnownTheorem, ...], budget: Budget) -> Attempt:
    definitions = {d.name: d for d in theory.definitions}
    log = ProofLog()
    constants = {c.name: 0 for c in theory.signature.constants}
    naming = Naming(reserved=set(constants))
    root = LogicBlock(log, naming, naming.block("root", None), constants, budget)
    for index, axiom in enumerate(theory.axioms):
        root.add(axiom, log.record("axiom", axiom, (), root.block, axiom=index))
    for theorem in known:
        step = log.record("theorem", theorem.statement, (), root.block, theorem=theorem.name)
        expanded = expand(theorem.statement, definitions)
        if expanded != theorem.statement:
            step = log.record("unfold", expanded, (step,), root.block)
        root.add(expanded, step)
    goal = expand(statement, definitions)
    final = root.establish(goal)
    if final is not None and goal != statement:
        final = log.record("fold", statement, (final,), root.block)
    proof = package(log, naming, name, statement, final) if final is not None else None
    return Attempt(name, proof, root.hits, len(root.store), len(log.steps))


def package(log: ProofLog, naming: Naming, name: str, statement: Formula, final: str) -> Proof:
    """The proof of ``statement`` ending in step ``final``: its ancestry, every block it enters
    (with each block's assume step) and the theorems it cites."""
    order = log.ancestry(final)
    used_blocks = {log.steps[s].block for s in order}
    for block in sorted(used_blocks):
        parent = naming.infos[block].parent
        while parent is not None and parent not in used_blocks:
            used_blocks.add(parent)
            parent = naming.infos[parent].parent
    assumptions = [naming.assumptions[b] for b in sorted(used_blocks, key=_block_number) if b in naming.assumptions]
    missing = [a for a in assumptions if a not in set(order)]
    order = missing + order
    steps = tuple(log.steps[s] for s in order)
    uses = sorted({dict(s.extra)["theorem"] for s in steps if s.kind == "theorem"})
    blocks = tuple(naming.infos[b] for b in sorted(used_blocks, key=_block_number))
    return Proof(name, statement, steps, blocks, tuple(uses))


def _block_number(block: str) -> int:
    return int(block[1:])
