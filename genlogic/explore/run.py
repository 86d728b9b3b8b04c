"""``genlogic prove FILE``: explore the theory and prove its stated theorems; write the run.

Stages: models (the ground model of an induction schema, or else small finite models found by z3,
:mod:`~genlogic.explore.finite`) → equations → exploration rounds → stated goals (refuted on a
model, or proved with everything discovered) → run folder (docs/cli.md lists what ``summary.json`` holds;
``refuted.json`` has every refuted statement with its counterexample).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from genlogic import __version__, proofgraph
from genlogic.engine.goal import KnownTheorem
from genlogic.engine.grid import make_executor, run_grid
from genlogic.explore.conjectures import MAX_SIZE, conjectures
from genlogic.explore.explorer import ConjectureTask, explore, run_conjecture
from genlogic.explore.finite import finite_models
from genlogic.explore.model import GroundModel, ground_model
from genlogic.explore.refute import counterexample, vacuous
from genlogic.mpl.printer import readable
from genlogic.prove import peak_rss_mb
from genlogic.runs import write_run
from genlogic.theory.build import load_theory
from genlogic.mpl.expand import expand


@dataclass(frozen=True)
class ExploreOptions:
    executor: str = "local"
    workers: int = 1
    time_limit: float | None = None
    max_rounds: int | None = None
    max_size: int = MAX_SIZE


def prove_and_explore(
    theory_path: Path, run_dir: Path, options: ExploreOptions, progress: Callable[[int, int, int], None] | None = None
) -> dict[str, Any]:
    started = time.perf_counter()
    deadline = time.monotonic() + options.time_limit if options.time_limit else None
    stages: dict[str, dict[str, float]] = {}

    def stage(name: str, since: float) -> float:
        now = time.perf_counter()
        stages[name] = {"seconds": round(now - since, 3), "peak_rss_mb": peak_rss_mb()}
        return now

    theory = load_theory(theory_path)
    mark = stage("load", started)
    model = ground_model(theory)
    mark = stage("ground model", mark)
    models = [model] if model is not None else finite_models(theory)
    if model is None:
        mark = stage("finite models", mark)
    counts: dict[str, int] = {}
    proved: list[proofgraph.ProvedTheorem] = []
    discovered: list[KnownTheorem] = []
    cut_short = False
    open_equations: list[str] = []
    corollaries: list[dict[str, Any]] = []
    rounds = 0
    executor = make_executor(options.executor, options.workers)
    try:
        if models:
            generation = conjectures(theory, models, options.max_size)
            counts.update(
                terms=generation.terms,
                generated=generation.raw,
                canonical=len(generation.equations),
                typed=len(generation.equations),
                survived_counterexamples=len(generation.equations),
            )
            mark = stage("conjectures", mark)
            reserved = frozenset(t.name for t in theory.theorems)
            exploration = explore(theory, generation, executor, deadline, progress, reserved, options.max_rounds)
            rounds = exploration.rounds
            cut_short = exploration.cut_short
            for discovery in exploration.discoveries:
                proved.append(proofgraph.ProvedTheorem(discovery.proof, "conjecture", discovery.round, discovery.method))
                discovered.append(KnownTheorem(discovery.proof.name, discovery.proof.statement))
            counts.update(
                proved=sum(d.method != "corollary" for d in exploration.discoveries),
                by_induction=sum(d.method == "induction" for d in exploration.discoveries),
                corollaries=sum(d.method == "corollary" for d in exploration.discoveries) + len(exploration.corollaries),
                stored_corollaries=sum(d.method == "corollary" for d in exploration.discoveries),
                open=len(exploration.open),
                attempts=exploration.attempts,
                rounds=exploration.rounds,
            )
            open_equations = [eq.text for eq in exploration.open]
            corollaries = [{"statement": text, "uses": list(uses)} for text, uses in exploration.corollaries]
            mark = stage("exploration", mark)
        goals, refuted = _stated_goals(theory, models, discovered, executor, proved, rounds)
        mark = stage("stated goals", mark)
    finally:
        executor.close()
    summary = {
        "generator": f"genlogic {__version__}",
        "theory": theory.name,
        "mode": "explore",
        "cut_short": cut_short,
        "counts": counts,
        **({"finite_models": [m.label for m in models]} if model is None else {}),
        "goals": goals,
        "open": open_equations,
        "corollaries": corollaries,
        "stages": stages,
        "executor": {"kind": options.executor, "workers": options.workers},
        "seconds": round(time.perf_counter() - started, 3),
        "peak_rss_mb": peak_rss_mb(),
    }
    write_run(run_dir, theory_path, theory.name, proved, summary,
              {"refuted.json": json.dumps(refuted, indent=2, ensure_ascii=False) + "\n"})
    return summary


def _stated_goals(theory, models: list[GroundModel], discovered, executor, proved, rounds_before):
    """Each stated theorem: refuted on a model, vacuous, or proved with the discoveries."""
    definitions = {d.name: d for d in theory.definitions}
    goals: list[dict[str, Any]] = []
    refuted: list[dict[str, Any]] = []
    to_prove = []
    for theorem in theory.theorems:
        expanded = expand(theorem.formula, definitions)
        found = counterexample(expanded, models)
        if found is not None:
            where = {"model": found.model.label} if found.model.finite else {}
            goals.append({"name": theorem.name, "status": "refuted", "counterexample": found.assignment, **where})
            refuted.append({"name": theorem.name, "statement": readable(theorem.formula),
                            "counterexample": found.assignment,
                            **({"model": found.model.describe()} if found.model.finite else {})})
        elif vacuous(expanded, models):
            goals.append({"name": theorem.name, "status": "unproved", "reason": "vacuous: its premises never hold in the model"})
        else:
            goals.append({"name": theorem.name})
            to_prove.append((theorem.name, theorem.formula))
    # by rewriting first, as conjectures are (the Logic Blocks' own attempt comes after)
    tasks = [ConjectureTask(theory, name, formula, tuple(discovered), fallback=False) for name, formula in to_prove]
    by_rewriting = {r.name: (r.proof, r.method) for r in executor.map(run_conjecture, tasks) if r.proof is not None}
    report = run_grid(theory, [g for g in to_prove if g[0] not in by_rewriting], executor, known=tuple(discovered))
    outcomes = {o.name: o for o in report.outcomes}
    stated = []
    for goal in goals:
        if "status" in goal:
            continue
        if goal["name"] in by_rewriting:
            proof, method = by_rewriting[goal["name"]]
            goal.update(status="proved", round=1, steps=len(proof.steps))
            stated.append(proofgraph.ProvedTheorem(proof, "stated", rounds_before + 1, method))
            continue
        outcome = outcomes[goal["name"]]
        if outcome.proof is not None:
            goal.update(status="proved", round=outcome.round, steps=len(outcome.proof.steps))
            stated.append(proofgraph.ProvedTheorem(outcome.proof, "stated", rounds_before + outcome.round))
        else:
            hits = outcome.last.hits
            goal.update(status="unproved", reason="budget hit" if hits.any else "saturated without the goal")
    # a goal proved in grid round r may cite goals proved before round r: list those first
    proved.extend(sorted(stated, key=lambda theorem: theorem.round))
    return goals, refuted

