"""Theories that build on theories (issue 13): ``genlogic prove FILE --from RUN_DIR`` starts from the
theorems of a run of an imported theory. The earlier run must check, its theory must be a file
FILE loads, and its proofs are copied, re-expressed, into the new proof graph so that checking
the new run re-checks them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from genlogic.check import check_run
from genlogic.cli import main

ROOT = Path(__file__).parent.parent
PEANO = (ROOT / "mpl_examples" / "peano.mpl").resolve()
SHUFFLE = "forall a b c: a ∈ N and b ∈ N and c ∈ N -> (a + b) + c = (c + b) + a"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def peano(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("previous") / "peano"
    assert run("prove", PEANO, "-o", out, "--no-html").exit_code == 0
    return out


@pytest.fixture
def more(tmp_path) -> Path:
    theory = tmp_path / "more.mpl"
    theory.write_text(f'import "{PEANO}"\ntheorem shuffle := {SHUFFLE}\n', encoding="utf-8")
    return theory


def test_a_goal_out_of_reach_alone_is_proved_from_the_earlier_run(peano, more, tmp_path):
    """(a + b) + c = (c + b) + a needs induction without the laws of +; with --from it is a direct
    proof from them. The new graph holds the earlier proofs, renamed and re-expressed, and checks."""
    alone = run("prove", more, "--goals-only", "-o", tmp_path / "alone", "--no-html", "--json")
    assert json.loads(alone.output)["goals"][0]["status"] == "unproved"
    out = tmp_path / "with"
    result = run("prove", more, "--goals-only", "--from", peano, "-o", out, "--no-html", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["goals"][0]["status"] == "proved"
    earlier = json.loads((peano / "proofgraph.json").read_text(encoding="utf-8"))["theorems"]
    assert summary["from"] == [{"run": str(peano), "theory": "Peano", "theorems": len(earlier)}]
    graph = json.loads((out / "proofgraph.json").read_text(encoding="utf-8"))["theorems"]
    imported = [t for t in graph if t["origin"]["source"] == "imported"]
    assert [t["name"] for t in imported] == ["peano_" + t["name"] for t in earlier]
    assert [t["statement"] for t in imported] == [t["statement"] for t in earlier]
    [shuffle] = [t for t in graph if t["name"] == "shuffle"]
    assert shuffle["uses"] and all(u.startswith("peano_") for u in shuffle["uses"])
    report = check_run(out)
    assert report.ok, report.render()
    assert sum(report.checked.values()) > sum(len(t["steps"]) for t in earlier)  # the copies were checked
    again = tmp_path / "again"
    run("prove", more, "--goals-only", "--from", peano, "-o", again, "--no-html")
    assert (again / "proofgraph.json").read_bytes() == (out / "proofgraph.json").read_bytes()


def test_exploration_starts_from_the_earlier_theorems(peano, more, tmp_path):
    """Exploring with --from: the earlier theorems are known from the start, so the conjectures
    they settle are corollaries, not proved again by induction."""
    out = tmp_path / "explore"
    result = run("prove", more, "--from", peano, "-o", out, "--no-html", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["counts"]["by_induction"] == 0 and summary["counts"]["corollaries"] > 0
    assert check_run(out).ok


def test_an_earlier_run_that_does_not_check_is_refused(peano, more, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(peano, broken)
    path = broken / "proofgraph.json"
    graph = json.loads(path.read_text(encoding="utf-8"))
    step = graph["theorems"][3]["steps"][-1]
    step["formula"] = step["formula"].replace("+", "*", 1)
    path.write_text(json.dumps(graph, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run("prove", more, "--goals-only", "--from", broken, "-o", tmp_path / "x", "--no-html")
    assert result.exit_code == 2 and "does not check" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x").exists()


def test_a_run_of_a_theory_the_file_does_not_load_is_refused(peano, tmp_path):
    result = run("prove", ROOT / "mpl_examples" / "group.mpl", "--goals-only", "--from", peano, "-o", tmp_path / "x")
    assert result.exit_code == 2 and "is not a file that" in result.output


def test_two_runs_of_one_theory_are_refused(peano, more, tmp_path):
    result = run("prove", more, "--goals-only", "--from", peano, "--from", peano, "-o", tmp_path / "x")
    assert result.exit_code == 2 and "runs of one theory" in result.output


def test_axioms_are_cited_by_their_place_in_the_new_theory(peano, tmp_path):
    """A theory whose anchor adds an axiom before Peano's: every copied axiom step cites the new
    theory's axiom with the same formula (here one place later), and the new run checks."""
    theory = tmp_path / "shifted.mpl"
    theory.write_text(
        f'import "{PEANO}"\n\ndef Positive[N, 1] := 1 ∈ N\n\n'
        "anchor More[N, 0, 1, s, +, *] := Positive[N, 1] and Peano[N, 0, 1, s, +, *]\n\n"
        f"theorem shuffle := {SHUFFLE}\n", encoding="utf-8")
    out = tmp_path / "shifted"
    assert run("prove", theory, "--goals-only", "--from", peano, "-o", out, "--no-html").exit_code == 0
    before = json.loads((peano / "proofgraph.json").read_text(encoding="utf-8"))["theorems"]
    after = {t["name"]: t for t in json.loads((out / "proofgraph.json").read_text(encoding="utf-8"))["theorems"]}
    for theorem in before:
        old = [s["axiom"] for s in theorem["steps"] if s["kind"] == "axiom"]
        new = [s["axiom"] for s in after["peano_" + theorem["name"]]["steps"] if s["kind"] == "axiom"]
        assert new == [i + 1 for i in old]
    assert check_run(out).ok


def test_the_earlier_explanations_come_along(peano, more, tmp_path):
    """The calculations of the earlier proofs are mapped to the copied steps, so the copies read
    as calculations in the browser too."""
    from web_export.model import build_site

    out = tmp_path / "with"
    run("prove", more, "--goals-only", "--from", peano, "-o", out, "--no-html")
    views = {t.name: t for t in build_site(out).theorems}
    earlier = {t.name: t for t in build_site(peano).theorems}
    for name, view in earlier.items():
        copy = views["peano_" + name]
        # a derived name comes from the statement: add_comm either way; an id keeps its prefix
        assert copy.title == (view.title if view.named else "peano_" + name)
        assert copy.proof.outline.case_lines() == view.proof.outline.case_lines()
        assert not copy.proof.outline.set_aside


def test_copies_that_do_not_fit_the_new_theory_are_refused(peano, tmp_path):
    """The earlier proofs bind x; a theory with a constant x cannot take them as they are. The
    copies are checked against the new theory first, so the run is refused instead of written
    and then failing genlogic check."""
    theory = tmp_path / "pointed.mpl"
    theory.write_text(
        f'import "{PEANO}"\n\ndef Pointed[N, x] := x ∈ N\n\n'
        "anchor More[N, 0, 1, s, +, *, x] := Peano[N, 0, 1, s, +, *] and Pointed[N, x]\n\n"
        f"theorem shuffle := {SHUFFLE}\n", encoding="utf-8")
    result = run("prove", theory, "--goals-only", "--from", peano, "-o", tmp_path / "x", "--no-html")
    assert result.exit_code == 2 and "do not check against" in result.output and "not fresh" in result.output
    assert not (tmp_path / "x").exists()


def test_a_stated_theorem_named_like_a_copy_is_refused(peano, tmp_path):
    theory = tmp_path / "clash.mpl"
    theory.write_text(f'import "{PEANO}"\ntheorem peano_law2 := 1 * 1 = 1\n', encoding="utf-8")
    result = run("prove", theory, "--goals-only", "--from", peano, "-o", tmp_path / "x", "--no-html")
    assert result.exit_code == 2 and "named like one of the run's" in result.output
    assert "Traceback" not in result.output


def test_goals_only_runs_have_an_essential_core_too(peano, more, tmp_path):
    """With --from, the core of a goals-only run covers the imported theorems and the goal: each
    theorem outside it follows directly from it."""
    out = tmp_path / "with"
    summary = json.loads(run("prove", more, "--goals-only", "--from", peano, "-o", out, "--no-html", "--json").output)
    core = summary["core"]
    graph = json.loads((out / "proofgraph.json").read_text(encoding="utf-8"))["theorems"]
    covered = {t["name"] for t in graph if t["origin"]["source"] != "normal form"}
    assert set(core["essential"]) | set(core["follows"]) == covered
    assert len(core["essential"]) < len(covered) and "shuffle" in covered
