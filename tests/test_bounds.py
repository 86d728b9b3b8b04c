"""Bounded everywhere: every stage of ``genlogic prove`` stops at ``--time-limit`` and writes
what it has, the ground model has its own budget and reports the table entries it could not
compute, and ``genlogic query`` / ``genlogic calc`` have a time limit too.

Times are asserted loosely (at least twice the limit plus start-up): the suite runs on two busy
cores. Every command runs in a subprocess whose timeout is the safety net."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from genlogic.calc import run_calc
from genlogic.check import check_run
from genlogic.engine.ground import GroundBudget, GroundLimit, calculate
from genlogic.explore.conjectures import DOMAIN, conjectures
from genlogic.explore.model import compute_ground
from genlogic.explore.terms import assignments
from genlogic.query import Verdict, query
from genlogic.theory.build import load_theory

ROOT = Path(__file__).parent.parent
DATA = ROOT / "tests" / "data" / "bounds"
PEANO = ROOT / "mpl_examples" / "peano.mpl"
POWER = DATA / "peano_power.mpl"  # the table of ^ on 0..6 needs numerals up to 6^6
FLIPPED = DATA / "peano_flipped.mpl"  # s(a + b) = a + s(b)
SAFETY = 120  # seconds: a command still running by then is a failure, not a hang


def genlogic(*args, timeout: float = SAFETY) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "genlogic", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)
    return done, time.monotonic() - started


def assert_stages_say_where_they_stopped(summary: dict) -> None:
    stages = summary["stages"]
    cut = [name for name, stage in stages.items() if "cut_short" in stage]
    skipped = [name for name, stage in stages.items() if "skipped" in stage]
    assert summary["cut_short"] == bool(cut or skipped)
    assert summary["cut_short_stage"] == (cut + skipped + [None])[0]
    if cut and skipped:  # only stages after the one the deadline passed in are skipped
        names = list(stages)
        assert all(names.index(name) > names.index(cut[0]) for name in skipped)


# --- the ground model's own budget ------------------------------------------------------------


def test_a_table_beyond_the_numeral_budget_is_reported_not_looped_on():
    theory = load_theory(POWER)
    tables = calculate(theory, 4, budget=GroundBudget(numerals=20), proofs=False)
    assert tables.limit is GroundLimit.NUMERALS and tables.numerals == 20
    missing = {(a, b) for op, a, b in tables.missing if op == "^"}
    assert (3, 3) in missing and (2, 4) not in missing  # 27 > 20 numerals, 16 is not
    assert not [entry for entry in tables.missing if entry[0] != "^"]
    for (a, b), c in tables.tables["^"].items():  # what was computed is right
        assert c == a ** b


def test_the_deadline_stops_the_ground_model():
    """In Logic Blocks (rewriting computes POWER's tables in a moment, so the deadline is
    tested on the blocks here and on rewriting in tests/test_evaluate.py), and in the run's
    account of the ground model."""
    theory = load_theory(POWER)
    started = time.monotonic()
    tables = calculate(theory, 6, budget=GroundBudget(numerals=100_000, deadline=started + 2), proofs=False)
    assert time.monotonic() - started < 5
    assert tables.limit is GroundLimit.DEADLINE and tables.missing
    ground = compute_ground(theory, time.monotonic())
    assert ground.limit is GroundLimit.DEADLINE and ground.missing
    assert ground.describe()["limit"] == "deadline" and "^" in ground.describe()["missing"]


def test_missing_entries_never_make_two_terms_equal():
    """Conjectures from partial tables hold on the complete ones: a term needing a missing entry
    has no value, so it is never grouped with another."""
    theory = load_theory(PEANO)
    partial = compute_ground(theory, budget=GroundBudget(numerals=9))
    full = compute_ground(theory)
    assert partial.limit is GroundLimit.NUMERALS and ("*", 3, 4) in partial.missing and not full.missing
    generation = conjectures(theory, partial.model, max_size=5)
    assert generation.equations

    def value(term, env):
        if term.variable:
            return env[term.head]
        if not term.args:
            return full.model.constants[term.head]
        return full.model.apply(term.head, tuple(value(arg, env) for arg in term.args))

    for equation in generation.equations:
        names = sorted(set(equation.left.variables() + equation.right.variables()))
        for env in assignments(names, DOMAIN):
            assert value(equation.left, env) == value(equation.right, env), equation.text


# --- genlogic prove ---------------------------------------------------------------------------


def test_an_uncomputable_table_bounds_the_run_and_is_reported(tmp_path):
    out = tmp_path / "power"
    done, seconds = genlogic("prove", POWER, "--time-limit", 10, "-o", out, "--no-html")
    assert done.returncode in (0, 1), done.stderr
    assert seconds < 25, seconds
    summary = json.loads((out / "summary.json").read_text())
    ground = summary["stages"]["ground model"]
    assert ground["limit"] in ("numerals", "seconds", "deadline") and [3, 6] in ground["missing"]["^"]
    assert "ground model: table entries without a value: " in done.stdout and "of ^ (" in done.stdout
    assert_stages_say_where_they_stopped(summary)
    if summary["cut_short"]:
        assert done.returncode == 1 and f"cut short by the time limit in {summary['cut_short_stage']}" in done.stdout
    assert check_run(out).ok


def test_an_equation_written_the_other_way_round_bounds_the_run(tmp_path):
    out = tmp_path / "flipped"
    done, seconds = genlogic("prove", FLIPPED, "--time-limit", 10, "-o", out, "--no-html")
    assert done.returncode in (0, 1), done.stderr
    assert seconds < 25, seconds
    summary = json.loads((out / "summary.json").read_text())
    ground = summary["stages"]["ground model"]
    assert ground["numerals"] <= 64
    assert ("missing" in ground) == ("limit" in ground) == ("ground model: table entries" in done.stdout)
    assert_stages_say_where_they_stopped(summary)
    assert check_run(out).ok


def test_a_deadline_already_passed_skips_every_stage_and_still_writes_the_run(tmp_path):
    out = tmp_path / "zero"
    done, _ = genlogic("prove", ROOT / "mpl_examples" / "peano_goals.mpl", "--time-limit", 0, "-o", out, "--no-html")
    assert done.returncode == 1, done.stderr
    summary = json.loads((out / "summary.json").read_text())
    assert summary["cut_short"] and summary["cut_short_stage"] == "load"
    assert {goal["reason"] for goal in summary["goals"]} == {"time limit: not attempted"}
    assert_stages_say_where_they_stopped(summary)
    assert "cut short by the time limit in load" in done.stdout
    assert check_run(out).ok


def test_goals_only_honours_the_time_limit(tmp_path):
    out = tmp_path / "group"
    done, _ = genlogic("prove", ROOT / "mpl_examples" / "group.mpl", "--goals-only", "--time-limit", 0, "-o", out,
                       "--no-html")
    assert done.returncode == 1, done.stderr
    summary = json.loads((out / "summary.json").read_text())
    assert summary["cut_short"] and summary["budget"]["time_limit"] == 0
    assert {goal["reason"] for goal in summary["goals"]} == {"time limit"}
    assert check_run(out).ok


# --- genlogic query and calc ------------------------------------------------------------------


@pytest.fixture(scope="module")
def tables_run(tmp_path_factory) -> Path:
    """The ground tables of + and * on 0..8 as a run: many theorems, so a Logic Block that uses
    them all is slow (cancellation takes about 30 s on a busy machine)."""
    out = tmp_path_factory.mktemp("bounds") / "tables"
    run_calc(PEANO, out, 8, 0)
    return out


def test_query_is_undecided_at_its_time_limit(tables_run):
    done, seconds = genlogic("query", tables_run, DATA / "hard_query.mpl", "--time-limit", 2)
    assert done.returncode == 1, done.stderr
    assert "undecided (time limit)  " in done.stdout, done.stdout
    assert seconds < 10, seconds


def test_query_has_a_default_time_limit_and_answers_in_order(tables_run):
    answers = query(tables_run, DATA / "hard_query.mpl", time_limit=0)
    assert [(a.name, a.verdict) for a in answers] == [
        ("add_cancellation", Verdict.UNDECIDED), ("mul_cancellation", Verdict.UNDECIDED)]
    assert not any(a.follows for a in answers)
    done, _ = genlogic("query", "--help")
    assert "--time-limit" in done.stdout and "default: 60" in done.stdout


def test_calc_stops_at_its_time_limit(tmp_path):
    out = tmp_path / "calc"
    done, seconds = genlogic("calc", POWER, "--up-to", 6, "--time-limit", 2, "-o", out)
    assert done.returncode == 1
    assert "stopped by the " in done.stderr and "no value found for" in done.stderr
    assert seconds < 10, seconds
    summary = json.loads((out / "summary.json").read_text())
    assert summary["limit"] in ("deadline", "numerals") and summary["missing"]
    assert check_run(out).ok


def test_calc_of_an_equation_written_the_other_way_round_writes_a_run_that_checks(tmp_path):
    """The ground chain uses the equation's canonical form; its proof is in the run."""
    out = tmp_path / "calc"
    done, _ = genlogic("calc", FLIPPED, "--up-to", 3, "-o", out)
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    assert check_run(out).ok
