"""``genlogic prove --goals-only``: prove a theory's stated theorems and write the run folder.

RUN_DIR receives ``proofgraph.json`` (docs/proofgraph.md), ``summary.json`` (per goal: status
and reason; budget use; time and memory), ``theorems.mpl`` (the proved statements, readable,
importing the theory so the file loads) and ``refuted.json`` (the goals a model refutes, with
their counterexamples).
"""

from __future__ import annotations

import dataclasses
import json
import resource
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from genlogic import __version__, proofgraph
from genlogic.engine.block import Budget
from genlogic.engine.grid import GridReport, make_executor, run_grid
from genlogic.engine.goal import KnownTheorem
from genlogic.explore.core import essential_core
from genlogic.explore.finite import models_of
from genlogic.explore.refute import screen_goals
from genlogic.previous import from_runs
from genlogic.runs import write_run
from genlogic.engine.lemmas import normal_forms, prove_lemmas
from genlogic.theory.build import load_theory
from genlogic.theory.model import Theory


@dataclass(frozen=True)
class ProveOptions:
    executor: str = "local"
    workers: int = 1
    rounds: int = 3
    budget: Budget = Budget()
    time_limit: float | None = None  # seconds; no grid round starts after it, no block saturates past it
    previous: tuple[Path, ...] = ()  # runs of imported theories to start from (prove --from)


def prove_goals(
    theory_path: Path,
    run_dir: Path,
    options: ProveOptions,
    progress: Callable[[int, int, int], None] | None = None,
) -> dict[str, Any]:
    """Prove the stated theorems of ``theory_path``; write ``run_dir``; return the summary."""
    started = time.perf_counter()
    deadline = time.monotonic() + options.time_limit if options.time_limit is not None else None
    lemmas = prove_lemmas(load_theory(theory_path), deadline)
    theory = lemmas.theory
    earlier = from_runs(options.previous, theory_path, theory)
    budget = dataclasses.replace(options.budget, deadline=deadline)
    executor = make_executor(options.executor, options.workers)
    try:
        report = run_grid(
            theory, [(t.name, t.formula) for t in theory.theorems], executor, options.rounds, budget, progress,
            known=tuple(k for run in earlier for k in run.known),
        )
    finally:
        executor.close()
    late = deadline is not None and time.monotonic() >= deadline
    proved = [proofgraph.ProvedTheorem(proof, "normal form", 0) for proof in lemmas.proofs] + [
        t for run in earlier for t in run.theorems] + sorted(
        (proofgraph.ProvedTheorem(o.proof, "stated", o.round) for o in report.outcomes if o.proof is not None),
        key=lambda theorem: theorem.round,
    )
    summary = _summary(theory, report, options, time.perf_counter() - started, late)
    refuted = _screen(theory, summary, deadline)
    summary["normal_forms"] = normal_forms(lemmas)
    if earlier:
        summary["from"] = [run.describe() for run in earlier]
    if deadline is None or time.monotonic() < deadline:
        core = essential_core(theory, [KnownTheorem(t.proof.name, t.proof.statement) for t in proved
                                       if t.source != "normal form"])
        summary["core"] = core.to_json()
    write_run(run_dir, theory_path, theory.name, proved, summary,
              {"refuted.json": json.dumps(refuted, indent=2, ensure_ascii=False) + "\n"})
    return summary


def _screen(theory: Theory, summary: dict[str, Any], deadline: float | None) -> list[dict[str, Any]]:
    """The goals left unproved, evaluated on the ground model (or the finite models) once the
    proofs are done (a goal the blocks prove costs no model): a refuted one becomes ``refuted``
    with its counterexample, one whose premises never hold says so. Returns ``refuted.json``."""
    unproved = frozenset(g["name"] for g in summary["goals"] if g["status"] == "unproved" and g["reason"] != "time limit")
    if not unproved:
        return []
    screened = screen_goals(theory, models_of(theory, deadline)[1], unproved)
    refuted = [screened[g["name"]].pop("refuted") for g in summary["goals"] if "refuted" in screened.get(g["name"], {})]
    summary["goals"] = [screened.get(g["name"], g) for g in summary["goals"]]
    summary["refuted"] = len(refuted)
    summary["unproved"] = sum(g["status"] == "unproved" for g in summary["goals"])
    return refuted


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _summary(theory: Theory, report: GridReport, options: ProveOptions, seconds: float, late: bool) -> dict[str, Any]:
    """``late``: the time limit passed, so an unproved goal was stopped by it."""
    goals = []
    for outcome in report.outcomes:
        entry: dict[str, Any] = {"name": outcome.name}
        if outcome.proof is not None:
            entry.update(status="proved", round=outcome.round, steps=len(outcome.proof.steps))
        else:
            hits = outcome.last.hits
            if late:
                reason = "time limit"
            elif hits.any:
                reason = (
                    f"budget hit: {hits.depth} existentials beyond witness depth {report.rounds}, "
                    f"{hits.witnesses} over the witness limit, {hits.facts} times the fact limit, "
                    f"{hits.joins} times the join limit"
                )
            else:
                reason = "saturated without the goal"
            entry.update(status="unproved", reason=reason)
        goals.append(entry)
    return {
        "generator": f"genlogic {__version__}",
        "theory": theory.name,
        "mode": "goals-only",
        "cut_short": late and any(g["status"] == "unproved" for g in goals),
        "goals": goals,
        "proved": sum(g["status"] == "proved" for g in goals),
        "refuted": 0,
        "unproved": sum(g["status"] == "unproved" for g in goals),
        "rounds": report.rounds,
        "budget": {
            "max_rounds": options.rounds,
            "witness_depth": f"round number (1..{options.rounds})",
            "witnesses_per_block": options.budget.witnesses,
            "facts_per_block": options.budget.facts,
            "time_limit": options.time_limit,
        },
        "executor": {"kind": options.executor, "workers": options.workers},
        "seconds": round(seconds, 3),
        "peak_rss_mb": peak_rss_mb(),
    }
