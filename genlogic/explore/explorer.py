"""The exploration loop: conjectures from :mod:`~genlogic.explore.conjectures`, smallest first,
proved in rounds by the engine — directly, or by induction on one of their variables.

Each round takes the next batch of open equations that do not already follow (by congruence)
from the theorems proved so far — untried ones first, smallest first — and attempts them all with
the same known theorems, so the attempts are independent and run on any executor. Results are
merged in the equations' order: a proof is kept unless an equation kept earlier in the same merge
already implies it. An equation that failed k times is tried again only after 2^(k-1) new
theorems were proved. The loop ends when no open equation can be tried, or at the time or round
limit.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Callable

from genlogic.engine.block import Budget
from genlogic.engine.goal import Attempt, KnownTheorem, Proof, attempt, induction_variables
from genlogic.engine.grid import Executor
from genlogic.explore.conjectures import Congruence, Equation, Generation
from genlogic.mpl.ast import Formula
from genlogic.theory.model import Theory

#: chosen once for all theories
BATCH = 8
BUDGET = Budget(depth=2, steps=40_000)


@dataclass(frozen=True)
class ConjectureTask:
    theory: Theory
    name: str
    statement: Formula
    known: tuple[KnownTheorem, ...]
    deadline: float | None = None  # time.monotonic(), the same clock in every process


@dataclass(frozen=True)
class ConjectureResult:
    name: str
    proof: Proof | None
    method: str | None  # direct, corollary, induction
    variable: str | None
    last: Attempt


def run_conjecture(task: ConjectureTask) -> ConjectureResult:
    """Directly first; then by induction on each candidate variable in turn."""
    budget = replace(BUDGET, deadline=task.deadline)
    result = attempt(task.theory, task.name, task.statement, task.known, budget)
    if result.proof is not None:
        method = "corollary" if result.proof.uses else "direct"
        return ConjectureResult(task.name, result.proof, method, None, result)
    for variable in induction_variables(task.theory, task.statement):
        if task.deadline is not None and time.monotonic() > task.deadline:
            break
        result = attempt(task.theory, task.name, task.statement, task.known, budget, variable)
        if result.proof is not None:
            return ConjectureResult(task.name, result.proof, "induction", variable, result)
    return ConjectureResult(task.name, None, None, None, result)


@dataclass(frozen=True)
class Discovery:
    proof: Proof
    method: str
    variable: str | None
    round: int
    text: str


@dataclass
class Exploration:
    discoveries: list[Discovery] = field(default_factory=list)
    redundant: int = 0  # equations that followed from proved ones and were not tried
    open: list[Equation] = field(default_factory=list)
    attempts: int = 0
    rounds: int = 0
    cut_short: bool = False


def explore(
    theory: Theory,
    generation: Generation,
    executor: Executor,
    deadline: float | None = None,
    progress: Callable[[int, int, int], None] | None = None,
    reserved: frozenset[str] = frozenset(),
    max_rounds: int | None = None,
) -> Exploration:
    """``reserved``: names a discovered theorem must not take (the stated theorems').
    ``max_rounds`` bounds the rounds (a deterministic alternative to ``deadline``)."""
    report = Exploration()
    congruence = Congruence(list(generation.universe), generation.max_size)
    names = {}
    for index, equation in enumerate(generation.equations, start=1):
        name = f"law{index}"
        while name in reserved:
            name += "_"
        names[id(equation)] = name
    pending = list(generation.equations)
    failed_with: dict[str, int] = {}  # theorems known at the last failed attempt
    failures: dict[str, int] = {}  # failed attempts so far
    known: list[KnownTheorem] = []
    try:
        while (deadline is None or time.monotonic() < deadline) and report.rounds != max_rounds:
            batch = []
            remaining = []
            retries = []
            for equation in pending:
                if congruence.implied(equation.left, equation.right):
                    report.redundant += 1
                    continue
                remaining.append(equation)
                name = names[id(equation)]
                if name not in failures:
                    if len(batch) < BATCH:
                        batch.append(equation)
                elif len(known) >= failed_with[name] + 2 ** (failures[name] - 1):
                    retries.append(equation)
            batch += retries[: BATCH - len(batch)]
            pending = remaining
            if not batch:
                break
            report.rounds += 1
            tasks = [ConjectureTask(theory, names[id(eq)], eq.statement, tuple(known), deadline) for eq in batch]
            results = executor.map(run_conjecture, tasks)
            report.attempts += len(tasks)
            proved_before = len(known)
            for equation, result in zip(batch, results):
                if result.proof is None:
                    failed_with[result.name] = proved_before
                    failures[result.name] = failures.get(result.name, 0) + 1
                elif not congruence.implied(equation.left, equation.right):
                    congruence.accept(equation.left, equation.right)
                    known.append(KnownTheorem(result.name, equation.statement))
                    report.discoveries.append(
                        Discovery(result.proof, result.method, result.variable, report.rounds, equation.text)
                    )
            pending = [eq for eq in pending if names[id(eq)] not in {k.name for k in known}]
            if progress is not None:
                progress(report.rounds, len(known), len(pending))
        else:
            report.cut_short = True
    except KeyboardInterrupt:
        report.cut_short = True
    report.open = [eq for eq in pending if not congruence.implied(eq.left, eq.right)]
    return report
