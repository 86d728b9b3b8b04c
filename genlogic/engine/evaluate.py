"""Ground values by rewriting: the tables of a theory's operations on numerals, computed by
normalising ``g(k, m)`` with the theory's own equations (:mod:`genlogic.engine.rewrite`, the
rewriter the replay uses), where :func:`genlogic.engine.ground.calculate` derives them in Logic
Blocks.

Numeral k is the term ``step(step(… base))`` of the theory's induction schema. Each rewrite is an
instance of an axiom (or of a lemma proved from them), so a normal form that is a numeral is the
value the axioms give. This is for testing conjectures only — no proof is recorded — and it is
all or nothing: when the theory has a relation that is not an operation or a set other than the
carrier (their truth tables need Logic Blocks), or some entry normalises to a term that is not a
numeral (an operation the equations do not define, or a definition by cases), :func:`evaluate`
gives a :class:`NotEvaluated` that says why, and the caller calculates in Logic Blocks instead. An entry whose value lies beyond
``numerals``, or whose normalisation takes more than the rewriter's limit of rewrites or passes
through terms :data:`SLACK` times the largest numeral (or :data:`MAX_TERM` symbols), is missing, as it would be in the
Logic-Block calculation (:attr:`GroundLimit.NUMERALS`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from genlogic.engine.equational import context
from genlogic.engine.ground import Clock, GroundBudget, GroundLimit, GroundTables, tabled_operations, truth_tables
from genlogic.engine.rewrite import Rewriter, rewrites
from genlogic.engine.terms import Term, apply, leaf
from genlogic.theory.model import Theory


#: chosen once for all theories: how much larger than the largest numeral a term may grow while
#: its value is computed, and the largest term in any case (terms are nested objects, and the
#: rewriter recurses through them: a budget of thousands of numerals must not overflow the stack)
SLACK = 2
MAX_TERM = 200


@dataclass(frozen=True)
class NotEvaluated:
    """Why rewriting cannot give the ground model (the run's ``ground model`` stage says it)."""

    reason: str


class _Stuck(Exception):
    """A normal form that is no numeral: the equations do not compute this operation."""

    def __init__(self, term: Term, normal: Term):
        super().__init__(f"{term.text()} rewrites to {normal.text()}, no numeral")


def evaluate(theory: Theory, up_to: int, budget: GroundBudget = GroundBudget()) -> GroundTables | NotEvaluated:
    """The tables for arguments 0..``up_to`` with values up to ``budget.numerals``, or why
    rewriting cannot give them (see the module's docstring). The budget's time limits leave the
    entries not reached missing, and name the limit."""
    numerals = max(budget.numerals, up_to)
    clock = Clock(budget)
    if not theory.signature.induction:
        return NotEvaluated("no induction schema")
    schema = theory.signature.induction[0]
    signature = theory.signature
    needed = truth_tables(theory, schema)
    if needed:
        return NotEvaluated(f"{needed[0].name} needs a truth table")
    ctx = context(theory)
    # a value computed through numerals far beyond the largest one is missing, as in a block
    rewriter = Rewriter(ctx.order, rewrites(ctx.order, list(ctx.laws)), max_size=min(SLACK * (numerals + 1), MAX_TERM))
    terms = [leaf(schema.base, False)]
    while len(terms) <= max(up_to, numerals):
        terms.append(apply(schema.step, (terms[-1],)))
    index = {term: k for k, term in enumerate(terms)}

    def value(term: Term) -> int | None:
        """The numeral ``term`` normalises to; ``None`` past the limits."""
        normal = rewriter.normalise(term)
        if normal is None:
            return None
        found = index.get(normal[0])
        if found is None and not _numeral(normal[0], schema.base, schema.step):
            raise _Stuck(term, normal[0])
        return found

    operations = tabled_operations(theory, schema)
    tables: dict[str, dict[tuple[int, int], int]] = {op.name: {} for op in operations if op.inputs == 2}
    many: dict[str, dict[tuple[int, ...], int]] = {op.name: {} for op in operations if op.inputs > 2}
    unary: dict[str, dict[int, int]] = {op.name: {} for op in operations if op.inputs == 1}
    missing: list[tuple[str | int, ...]] = []
    limit: GroundLimit | None = None
    try:
        for op in operations:
            table = unary[op.name] if op.inputs == 1 else tables.get(op.name, many.get(op.name))
            for args in itertools.product(range(up_to + 1), repeat=op.inputs):
                found = None
                if limit is None or limit is GroundLimit.NUMERALS:
                    limit = clock.passed() or limit
                if limit is None or limit is GroundLimit.NUMERALS:
                    found = value(apply(op.name, tuple(terms[a] for a in args)))
                if found is not None:
                    table[args[0] if op.inputs == 1 else args] = found  # type: ignore[index]
                elif op.inputs > 1:
                    missing.append((op.name, *args))
                    limit = limit or GroundLimit.NUMERALS
    except _Stuck as stuck:
        return NotEvaluated(str(stuck))
    constants = {}
    for constant in signature.constants:
        if constant.kind.value == "element":
            try:
                found = value(leaf(constant.name, False))
            except _Stuck:  # a constant the equations do not name a numeral: no value, as in a block
                continue
            if found is not None:
                constants[constant.name] = found
    return GroundTables(schema, up_to, numerals, tables, tuple(sorted(missing)), (), up_to, constants, limit, unary,
                        many, {})


def _numeral(term: Term, base: str, step: str) -> bool:
    """Whether ``term`` is ``step(step(… base))``."""
    while term.head == step and len(term.args) == 1:
        term = term.args[0]
    return not term.args and not term.variable and term.head == base
