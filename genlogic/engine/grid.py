"""The grid: Logic Blocks (one per open statement) computing in rounds.

In round r every open block makes one attempt with witness depth r, knowing exactly the theorems
proved in earlier rounds; blocks never share state within a round. Between rounds the
coordinator merges the results in a canonical order (the statements' order) and broadcasts the
new theorems to every block. The executor decides only *where* attempts run, never what they
compute, so the result is identical for every executor and worker count.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import time
from dataclasses import dataclass
from typing import Callable, Protocol, Sequence

from genlogic.engine.block import Budget
from genlogic.engine.goal import Attempt, KnownTheorem, Proof, attempt
from genlogic.mpl.ast import Formula
from genlogic.theory.model import Theory


@dataclass(frozen=True)
class Task:
    """One attempt to run: everything it needs travels with it (it is pickled for workers)."""

    theory: Theory
    name: str
    statement: Formula
    known: tuple[KnownTheorem, ...]
    budget: Budget


def run_task(task: Task) -> Attempt:
    return attempt(task.theory, task.name, task.statement, task.known, task.budget)


class Executor(Protocol):
    """Runs a batch of tasks and returns their attempts in the same order."""

    def map(self, function: Callable[[Task], Attempt], tasks: Sequence[Task]) -> list[Attempt]: ...

    def close(self) -> None: ...


class LocalExecutor:
    """In-process, one task after the other (the default)."""

    def map(self, function, tasks):
        return [function(task) for task in tasks]

    def close(self) -> None:
        pass


class ProcessExecutor:
    """A pool of worker processes (``spawn`` start method: no state leaks from the parent);
    tasks are spread over the workers in chunks, many blocks per worker."""

    def __init__(self, workers: int):
        self.workers = workers
        self.pool = multiprocessing.get_context("spawn").Pool(processes=workers)

    def map(self, function, tasks):
        chunk = max(1, len(tasks) // (self.workers * 4))
        return self.pool.map(function, tasks, chunksize=chunk)

    def close(self) -> None:
        self.pool.close()
        self.pool.join()


def make_executor(kind: str, workers: int) -> Executor:
    if kind == "local":
        return LocalExecutor()
    if kind == "process":
        return ProcessExecutor(workers)
    raise ValueError(f"unknown executor {kind!r}")


@dataclass(frozen=True)
class Outcome:
    """What the grid did for one statement."""

    name: str
    proof: Proof | None
    round: int | None
    last: Attempt


@dataclass(frozen=True)
class GridReport:
    outcomes: tuple[Outcome, ...]
    rounds: int


def run_grid(
    theory: Theory,
    statements: Sequence[tuple[str, Formula]],
    executor: Executor,
    rounds: int = 3,
    budget: Budget = Budget(),
    progress: Callable[[int, int, int], None] | None = None,
    known: tuple[KnownTheorem, ...] = (),
) -> GridReport:
    """Prove ``statements`` in up to ``rounds`` rounds; round r uses witness depth r and the
    other limits of ``budget`` (no round after the first starts past its deadline). ``known``
    theorems are available from the start."""
    known = list(known)
    done: dict[str, Outcome] = {}
    last: dict[str, Attempt] = {}
    used_rounds = 0
    for round_number in range(1, rounds + 1):
        open_statements = [(n, s) for n, s in statements if n not in done]
        late = budget.deadline is not None and time.monotonic() >= budget.deadline
        if not open_statements or (late and round_number > 1):
            break
        used_rounds = round_number
        round_budget = dataclasses.replace(budget, depth=round_number)
        tasks = [Task(theory, n, s, tuple(known), round_budget) for n, s in open_statements]
        attempts = executor.map(run_task, tasks)
        for result in attempts:
            last[result.name] = result
            if result.proof is not None:
                done[result.name] = Outcome(result.name, result.proof, round_number, result)
                known.append(KnownTheorem(result.name, result.proof.statement))
        if progress is not None:
            progress(round_number, len(done), len(statements))
    outcomes = tuple(done.get(n) or Outcome(n, None, None, last[n]) for n, _ in statements)
    return GridReport(outcomes, used_rounds)
