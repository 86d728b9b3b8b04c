"""``genlogic prove FILE``: explore the theory and prove its stated theorems; write the run.

Stages: models (the ground model of an induction schema, or else small finite models found by z3,
:mod:`~genlogic.explore.finite`) → equations → exploration rounds → seeding (``prove --seed``:
:mod:`~genlogic.explore.seeded`; a seeder that fails leaves ``failed`` in its stage entry, and
the run goes on) → stated goals (refuted on a model, or proved with everything discovered) → run folder (docs/cli.md lists what ``summary.json`` holds;
``refuted.json`` has every refuted statement with its counterexample).

Every stage gets the run's deadline (``--time-limit``) and stops there with what it has; a stage
that would begin after it is skipped. The run folder is written all the same, and
``summary.json`` names the stage that was cut short (``cut_short_stage``; the stage's own entry
says why). The ground model also has its own budget (:data:`~genlogic.explore.model.GROUND_BUDGET`):
its stage entry names the limit it hit and the table entries left without a value.
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
import time
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Callable

from genlogic import __version__, proofgraph
from genlogic.engine.block import Budget
from genlogic.engine.goal import KnownTheorem, Proof
from genlogic.engine.grid import make_executor, run_grid
from genlogic.explore.accumulation import lemmas as accumulation_lemmas, unstated as accumulation_unstated
from genlogic.explore.conjectures import MAX_SIZE, conjectures
from genlogic.engine.equational import context
from genlogic.engine.laws import read_law
from genlogic.explore.conditional import conditionals
from genlogic.explore.core import essential_core
from genlogic.previous import from_runs
from genlogic.explore.explorer import (
    BLOCK_INDUCTION, GOAL_SPLITS, ConjectureResult, ConjectureTask, OpenReason, Unproved, explore, run_conjecture,
)
from genlogic.explore.finite import models_of
from genlogic.explore.model import Ground, GroundModel
from genlogic.explore.refute import screen_goals
from genlogic.explore.seeded import Seeder, named, summary_entries
from genlogic.prove import peak_rss_mb
from genlogic.runs import write_run
from genlogic.engine.lemmas import normal_forms, prove_lemmas
from genlogic.theory.build import load_theory
from genlogic.theory.loader import display_path, load_sources
from genlogic.mpl.ast import DefStatement, Import


@dataclass(frozen=True)
class ExploreOptions:
    executor: str = "local"
    workers: int = 1
    time_limit: float | None = None
    max_rounds: int | None = None
    max_size: int = MAX_SIZE
    previous: tuple[Path, ...] = ()  # runs of imported theories to start from (prove --from)
    seeder: Seeder | None = None  # proposes conjectures after exploration (prove --seed, explore/seeded.py)


class Cut(Enum):
    """Why a stage stopped before it was done (its ``cut_short`` in ``summary.json``)."""

    TIME_LIMIT = "time limit"  # --time-limit: every stage stops at the run's deadline
    ROUND_LIMIT = "round limit"  # --max-rounds (exploration)
    INTERRUPTED = "interrupted"  # Ctrl-C (exploration)


#: the reason of a stated goal the run's deadline stopped, or left no time for
TIME_LIMIT = "time limit"
NOT_ATTEMPTED = "time limit: not attempted"


class _Stages:
    """Each stage's time and memory, in order; the stages cut short, and those skipped because
    the deadline had passed before they began."""

    def __init__(self, deadline: float | None):
        self.deadline = deadline
        self.entries: dict[str, dict[str, Any]] = {}
        self.cut: list[str] = []
        self.skipped: list[str] = []
        self.mark = time.perf_counter()

    @property
    def late(self) -> bool:
        return self.deadline is not None and time.monotonic() >= self.deadline

    def end(self, name: str, cut: Cut | None = None, **details: Any) -> None:
        """A stage is over; the deadline passing during it cut it short, whatever ``cut`` says."""
        cut = Cut.TIME_LIMIT if self.late else cut
        if cut is not None:
            details["cut_short"] = cut.value
            self.cut.append(name)
        self._record(name, details)

    def skip(self, name: str) -> None:
        self.skipped.append(name)
        self._record(name, {"skipped": Cut.TIME_LIMIT.value})

    def _record(self, name: str, details: dict[str, Any]) -> None:
        now = time.perf_counter()
        self.entries[name] = {"seconds": round(now - self.mark, 3), "peak_rss_mb": peak_rss_mb(), **details}
        self.mark = now


def _needs_conditionals(theory) -> bool:
    """Whether exploration conjectures conditional laws: for a theory with a relation that is no
    operation (its laws are conditional: ``le(x, y) → le(x + z, y + z)``) or a stated goal that
    is not an equation. A theory of operations alone is explored by equations, which the
    rewriter uses; its conditional laws would only cost their Logic-Block attempts (Peano:
    30 s instead of 5 for cancellation and ``x + y = 0 → x = 0``)."""
    if any(not op.is_operation for op in theory.signature.operations):
        return True
    return any(read_law(t.formula, context(theory).operations) is None for t in theory.theorems)


#: under a deadline, the share of the time left that exploring an imported theory may take (the
#: theory that imports it keeps the rest)
IMPORT_SHARE = 1 / 2


def theory_imports(theory_path: Path) -> tuple[Path, ...]:
    """The imports to explore first when ``theory_path`` is a theory of its own (it states an
    anchor) built on others: each file it imports directly that states an anchor, unless another
    of them loads it already (its run covers it)."""
    sources = load_sources(theory_path)
    if not any(isinstance(s, DefStatement) and s.is_anchor for s in sources.root.statements):
        return ()
    direct = [(theory_path.parent / s.path).resolve() for s in sources.root.statements if isinstance(s, Import)]
    theories = [path for path in dict.fromkeys(direct)
                if any(isinstance(s, DefStatement) and s.is_anchor for s in load_sources(path).root.statements)]
    covered = {loaded for path in theories for loaded in load_sources(path).paths[:-1]}
    return tuple(path for path in theories if path not in covered)


def _explore_imports(theory_path: Path, scratch: Path, options: ExploreOptions,
                     deadline: float | None) -> tuple[tuple[Path, Path], ...]:
    """Explore each of :func:`theory_imports` in a run of its own (under ``scratch``, with
    :data:`IMPORT_SHARE` of the time left): (imported file, run folder) — the runs ``--from``
    would name."""
    found = []
    for index, path in enumerate(theory_imports(theory_path)):
        left = None if deadline is None else IMPORT_SHARE * max(0.0, deadline - time.monotonic())
        run_dir = scratch / f"import{index}"
        prove_and_explore(path, run_dir, dataclasses.replace(options, time_limit=left, previous=(), seeder=None))
        found.append((path, run_dir))
    return tuple(found)


def prove_and_explore(
    theory_path: Path, run_dir: Path, options: ExploreOptions, progress: Callable[[int, int, int], None] | None = None
) -> dict[str, Any]:
    started = time.perf_counter()
    deadline = time.monotonic() + options.time_limit if options.time_limit is not None else None
    stages = _Stages(deadline)
    lemmas = prove_lemmas(load_theory(theory_path), deadline)
    theory = lemmas.theory
    stages.end("load")
    with tempfile.TemporaryDirectory(prefix="genlogic-imports-") as scratch:
        explored = () if options.previous else _explore_imports(theory_path, Path(scratch), options, deadline)
        earlier = from_runs(options.previous or tuple(run for _, run in explored), theory_path, theory)
    if explored:
        earlier = tuple(dataclasses.replace(run, run=display_path(path), explored=True)
                        for (path, _), run in zip(explored, earlier))
        stages.end("imports", explored=[run.describe() for run in earlier])
    ground, models = _models(theory, stages)
    counts: dict[str, int] = {}
    proved = [proofgraph.ProvedTheorem(proof, "normal form", 0) for proof in lemmas.proofs]
    proved += [t for run in earlier for t in run.theorems]
    discovered: list[KnownTheorem] = [k for run in earlier for k in run.known]
    unproved: list[Unproved] = []
    corollaries: list[dict[str, Any]] = []
    rounds = 0
    early: dict[str, tuple[ConjectureResult, int]] = {}  # goals proved between exploration rounds
    accumulation: list[dict[str, Any]] = []  # the recursion lemmas of definitions by accumulation
    accumulation_notes: list[str] = []  # the goals' instances those lemmas may not serve, and why
    tried: dict[str, int] = {}  # goals attempted between exploration rounds: how often
    screened = screen_goals(theory, models)  # the goals a model refutes, or that are vacuous
    executor = make_executor(options.executor, options.workers)
    try:
        generation = None
        laws: tuple = ()
        if models and stages.late:
            stages.skip("conjectures")
        elif models:
            generation = conjectures(theory, models, options.max_size, deadline)
            if _needs_conditionals(theory):
                laws = tuple(conditionals(theory, models))
            counts.update(
                terms=generation.terms,
                generated=generation.raw,
                canonical=len(generation.equations),
                typed=len(generation.equations),
                survived_counterexamples=len(generation.equations),
                split_at_wider_points=generation.split_at_wider_points,
                conditional=len(laws),
            )
            stages.end("conjectures")
        settled = bool(theory.theorems) and all(t.name in screened for t in theory.theorems)
        if generation is not None and (stages.late or settled):
            if settled:  # nothing left to explore for: every stated goal is refuted or vacuous
                stages.end("exploration", unneeded="every stated goal is refuted or vacuous")
            else:
                stages.skip("exploration")
            counts.update(proved=0, by_induction=0, corollaries=0, stored_corollaries=0,
                          open=len(generation.equations), attempts=0, rounds=0)
            unproved = [Unproved(eq.text, "equation", OpenReason.NOT_TRIED, 0) for eq in generation.equations]
        elif generation is not None:
            reserved = frozenset(t.name for t in theory.theorems) | {k.name for k in discovered}
            goals = tuple((t.name, t.formula) for t in theory.theorems if t.name not in screened)
            recursions = tuple(accumulation_lemmas(theory, tuple(g for _, g in goals), reserved))
            counts["accumulation_lemmas"] = len(recursions)
            exploration = explore(theory, generation, executor, deadline, progress, reserved, options.max_rounds,
                                  goals, models, laws, tuple(discovered), recursions)
            accumulation_notes = accumulation_unstated(theory, tuple(g for _, g in goals))
            found = {d.proof.name for d in exploration.discoveries}
            accumulation = [{"name": lemma.name, "statement": lemma.text, "proved": lemma.name in found}
                            for lemma in recursions]
            rounds = exploration.rounds
            early = exploration.goals
            tried = exploration.tried
            for discovery in exploration.discoveries:
                proved.append(proofgraph.ProvedTheorem(discovery.proof, "conjecture", discovery.round, discovery.method))
                discovered.append(KnownTheorem(discovery.proof.name, discovery.proof.statement))
            counts.update(
                proved=sum(d.method != "corollary" for d in exploration.discoveries),
                by_induction=sum(d.method == "induction" for d in exploration.discoveries),
                corollaries=sum(d.method == "corollary" for d in exploration.discoveries) + len(exploration.corollaries),
                stored_corollaries=sum(d.method == "corollary" for d in exploration.discoveries),
                open=sum(u.kind == "equation" for u in exploration.unproved),
                open_laws=sum(u.kind == "law" for u in exploration.unproved),
                attempts=exploration.attempts,
                rounds=exploration.rounds,
            )
            unproved = exploration.unproved
            corollaries = [{"statement": text, "uses": list(uses)} for text, uses in exploration.corollaries]
            stages.end("exploration", _exploration_cut(exploration.cut_short, rounds, options.max_rounds))
        seeded: list[dict[str, Any]] | None = None
        seed_refuted: list[dict[str, Any]] = []
        if options.seeder is not None and stages.late:
            stages.skip("seeding")
        elif options.seeder is not None:
            seeded, seed_refuted, failure = _seeded(options.seeder, theory, models, discovered, executor, proved,
                                                    rounds, deadline)
            stages.end("seeding", **({"failed": failure} if failure is not None else {}))
        skipped = stages.late  # the goals proved or screened before the deadline are kept all the same
        goals, refuted = _stated_goals(theory, screened, discovered, executor, proved, rounds, deadline, early, tried)
        refuted = seed_refuted + refuted
        if skipped:
            stages.skip("stated goals")
        else:
            stages.end("stated goals")
    finally:
        executor.close()
    core = None
    if stages.late:
        stages.skip("essential core")
    else:
        core = essential_core(theory, [KnownTheorem(t.proof.name, t.proof.statement) for t in proved
                                       if t.source != "normal form"])
        counts["essential"] = len(core.essential)
        stages.end("essential core")
    summary = {
        "generator": f"genlogic {__version__}",
        "theory": theory.name,
        "mode": "explore",
        "cut_short": bool(stages.cut or stages.skipped),
        "cut_short_stage": (stages.cut or stages.skipped or [None])[0],
        "counts": counts,
        **({"finite_models": [m.label for m in models]} if ground is None else {}),
        "goals": goals,
        **({"accumulation": accumulation} if accumulation else {}),
        **({"accumulation_notes": accumulation_notes} if accumulation_notes else {}),
        **({"seeded": seeded} if options.seeder is not None else {}),
        **({"from": [run.describe() for run in earlier]} if earlier else {}),
        "normal_forms": normal_forms(lemmas),
        "open": [u.text for u in unproved if u.kind == "equation"],
        "open_laws": [u.text for u in unproved if u.kind == "law"],
        "why_open": [u.to_json() for u in unproved],
        "corollaries": corollaries,
        "core": core.to_json() if core is not None else None,
        "stages": stages.entries,
        "executor": {"kind": options.executor, "workers": options.workers},
        "seconds": round(time.perf_counter() - started, 3),
        "peak_rss_mb": peak_rss_mb(),
    }
    write_run(run_dir, theory_path, theory.name, proved, summary,
              {"refuted.json": json.dumps(refuted, indent=2, ensure_ascii=False) + "\n"})
    return summary


def _seeded(seeder: Seeder, theory, models, discovered: list[KnownTheorem], executor, proved, rounds: int,
            deadline: float | None) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str | None]:
    """The seeder's statements, screened on the models and proved as stated goals are, with the
    theorems discovered so far; the proved ones join ``proved`` (origin ``seeded``) and
    ``discovered``. Returns the summary's ``seeded`` entries, the refuted ones' records and the
    seeder's failure (the statements it proposed before failing are proved all the same)."""
    taken = {t.name for t in theory.theorems} | {t.proof.name for t in proved}
    seeding = seeder(theory, tuple(discovered), models)
    seeds = named(seeding.seeds, taken)
    as_goals = dataclasses.replace(theory, theorems=tuple(s.theorem for s in seeds if s.theorem is not None))
    found: list[proofgraph.ProvedTheorem] = []
    goals, refuted = _stated_goals(as_goals, screen_goals(as_goals, models), discovered, executor, found, rounds,
                                   deadline)
    for theorem in found:
        proved.append(dataclasses.replace(theorem, source="seeded"))
        discovered.append(KnownTheorem(theorem.proof.name, theorem.proof.statement))
    return summary_entries(seeds, goals), refuted, seeding.failure


def _models(theory, stages: _Stages) -> tuple[Ground | None, list[GroundModel]]:
    """The ground model (its own budget, within the deadline), or else the finite models."""
    if stages.late:
        stages.skip("ground model" if theory.signature.induction else "finite models")
        return None, []
    ground, models = models_of(theory, stages.deadline)
    if ground is not None:
        stages.end("ground model", **ground.describe())
    else:
        stages.end("finite models")
    return ground, models


def _exploration_cut(cut_short: bool, rounds: int, max_rounds: int | None) -> Cut | None:
    """Why exploration stopped early, other than the deadline (which :meth:`_Stages.end` sees)."""
    if not cut_short:
        return None
    return Cut.ROUND_LIMIT if rounds == max_rounds else Cut.INTERRUPTED


def _not_attempted(name: str, tried: dict[str, int]) -> dict[str, Any]:
    """A goal the deadline left unproved: ``time limit`` with the number of ``attempts`` when
    exploration tried it, else never attempted."""
    if name in tried:
        return {"name": name, "status": "unproved", "reason": TIME_LIMIT, "attempts": tried[name]}
    return {"name": name, "status": "unproved", "reason": NOT_ATTEMPTED}


def _stated_goals(theory, screened: dict[str, dict[str, Any]], discovered, executor, proved, rounds_before,
                  deadline: float | None = None, early: dict[str, tuple[ConjectureResult, int]] | None = None,
                  tried: dict[str, int] | None = None):
    """Each stated theorem: proved during exploration (``early``: name → result and round),
    refuted on a model or vacuous (``screened``), or proved now with the discoveries; until
    ``deadline``, after which the rest are unproved (``time limit``, see :func:`_not_attempted`).
    What was decided before the deadline is kept even when the deadline left this stage no time."""
    early, tried = early or {}, tried or {}
    goals: list[dict[str, Any]] = []
    refuted: list[dict[str, Any]] = []
    to_prove = []
    stated = []

    def late() -> bool:
        return deadline is not None and time.monotonic() >= deadline

    for theorem in theory.theorems:
        if theorem.name in early:
            result, round_ = early[theorem.name]
            goals.append({"name": theorem.name, "status": "proved", "round": round_,
                          "steps": len(result.proof.steps)})
            stated.append(proofgraph.ProvedTheorem(result.proof, "stated", round_, result.method))
        elif theorem.name in screened:
            entry = dict(screened[theorem.name])
            if "refuted" in entry:
                refuted.append(entry.pop("refuted"))
            goals.append(entry)
        elif late():
            goals.append(_not_attempted(theorem.name, tried))
        else:
            goals.append({"name": theorem.name})
            to_prove.append((theorem.name, theorem.formula))
    # by rewriting first, as conjectures are, then by induction in Logic Blocks (the grid's direct attempt comes
    # after); in waves: a goal proved in one is known to the goals still open in the next (a lemma stated
    # before the theorem it serves), until a wave proves none
    known = list(discovered) + [KnownTheorem(name, result.proof.statement) for name, (result, _) in early.items()]
    by_rewriting: dict[str, tuple[Proof, str | None, int]] = {}  # name → proof, method, wave
    waiting = list(to_prove)
    waves = 0  # the waves that proved a goal
    while waiting and not late():
        tasks = [ConjectureTask(theory, name, formula, tuple(known), deadline, fallback=False, block=BLOCK_INDUCTION,
                                splits=GOAL_SPLITS, small=True)
                 for name, formula in waiting]
        proved_now = {r.name: (r.proof, r.method, waves + 1)
                      for r in executor.map(run_conjecture, tasks) if r.proof is not None}
        if not proved_now:
            break
        waves += 1
        by_rewriting.update(proved_now)
        known.extend(KnownTheorem(name, formula) for name, formula in waiting if name in proved_now)
        waiting = [g for g in waiting if g[0] not in proved_now]
    rest = [g for g in to_prove if g[0] not in by_rewriting]
    report = run_grid(theory, rest, executor, budget=Budget(deadline=deadline), known=tuple(known)) if rest else None
    outcomes = {o.name: o for o in report.outcomes} if report is not None else {}
    for goal in goals:
        if "status" in goal:
            continue
        if goal["name"] in by_rewriting:
            proof, method, wave = by_rewriting[goal["name"]]
            # the same round in summary.json (what the command line prints) as in the proof graph
            goal.update(status="proved", round=rounds_before + wave, steps=len(proof.steps))
            stated.append(proofgraph.ProvedTheorem(proof, "stated", rounds_before + wave, method))
            continue
        outcome = outcomes[goal["name"]]
        if outcome.proof is not None:
            # after the waves: it may cite what they proved
            round_ = rounds_before + waves + outcome.round
            goal.update(status="proved", round=round_, steps=len(outcome.proof.steps))
            stated.append(proofgraph.ProvedTheorem(outcome.proof, "stated", round_))
        elif late():
            goal.update(status="unproved", reason=TIME_LIMIT)
        else:
            hits = outcome.last.hits
            goal.update(status="unproved", reason="budget hit" if hits.any else "saturated without the goal")
    # a goal proved in grid round r may cite goals proved before round r: list those first
    proved.extend(sorted(stated, key=lambda theorem: theorem.round))
    return goals, refuted
