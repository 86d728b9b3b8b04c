"""The engine end to end: stated goals proved and checked, ground tables, determinism across
executors, budgets, run folders."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from genlogic.check import check_run
from genlogic.cli import main
from genlogic.engine.block import Budget
from genlogic.engine.goal import attempt
from genlogic.files import write_directory_atomic
from genlogic.mpl.parser import parse_formula
from genlogic.theory.build import load_theory

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "mpl_examples"
GOAL_FILES = ["peano_goals.mpl", "group.mpl", "involution.mpl", "preorder.mpl"]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("name", GOAL_FILES)
def test_stated_goals_are_proved_and_checked(tmp_path, name):
    out = tmp_path / "run"
    result = run("prove", EXAMPLES / name, "--goals-only", "-o", out, "--json")
    summary = json.loads(result.output)
    assert result.exit_code == 0, result.output
    assert summary["goals"] and all(g["status"] == "proved" for g in summary["goals"])
    theory = load_theory(EXAMPLES / name)
    assert [g["name"] for g in summary["goals"]] == [t.name for t in theory.theorems]
    report = check_run(out)
    assert report.ok, report.render()
    assert run("check", out).exit_code == 0
    assert load_theory(out / "theorems.mpl").theorems  # the run's theorems file loads


def test_a_run_of_a_theory_named_by_absolute_path_may_move(tmp_path):
    """theorems.mpl imports the theory as the graph names it: a run made from an absolute path
    still checks after its folder moves (found when the browser's screenshots were regenerated)."""
    out = tmp_path / "made" / "run"
    run("prove", (EXAMPLES / "group.mpl").resolve(), "--goals-only", "-o", out, "--no-html")
    moved = tmp_path / "elsewhere" / "deeper" / "run"
    moved.parent.mkdir(parents=True)
    out.rename(moved)
    result = run("check", moved)
    assert result.exit_code == 0, result.output


def test_unprovable_goal_is_reported_with_a_reason(tmp_path):
    """True, but it needs induction, which --goals-only does not do (a false goal is refuted:
    test_a_false_goal_is_refuted_under_goals_only)."""
    theory = tmp_path / "t.mpl"
    theory.write_text(
        f'import "{EXAMPLES / "peano.mpl"}"\n'
        "theorem zero_plus := forall a: a ∈ N -> 0 + a = a\n",
        encoding="utf-8",
    )
    result = run("prove", theory, "--goals-only", "-o", tmp_path / "run", "--json")
    assert result.exit_code == 1
    [goal] = json.loads(result.output)["goals"]
    assert goal["status"] == "unproved" and goal["reason"]
    assert json.loads((tmp_path / "run" / "proofgraph.json").read_text())["theorems"] == []


@pytest.mark.parametrize("name, goal", [
    ("peano", "forall a b: a ∈ N and b ∈ N -> a + b = a"),  # the ground model refutes it
    ("group", "forall a b: a ∈ G and b ∈ G -> a * b = b * a"),  # a finite model (non-abelian) does
])
def test_a_false_goal_is_refuted_under_goals_only(tmp_path, name, goal):
    """Issue 12: --goals-only reports a goal the models refute as refuted, with its counterexample
    (in refuted.json too), not as a budget hit."""
    theory = tmp_path / "false.mpl"
    theory.write_text(f'import "{EXAMPLES / (name + ".mpl")}"\ntheorem wrong := {goal}\n', encoding="utf-8")
    out = tmp_path / "run"
    result = run("prove", theory, "--goals-only", "-o", out, "--json", "--no-html")
    assert result.exit_code == 1, result.output
    summary = json.loads(result.output)
    [entry] = summary["goals"]
    assert entry["status"] == "refuted" and entry["counterexample"], entry
    assert (summary["proved"], summary["refuted"], summary["unproved"]) == (0, 1, 0)
    [refuted] = json.loads((out / "refuted.json").read_text())
    assert refuted["name"] == "wrong" and refuted["counterexample"] == entry["counterexample"]
    # the two sides evaluated at the counterexample, by the model's tables
    left, right = refuted["sides"]
    assert left["value"] != right["value"], refuted
    variables = goal.partition(":")[0].split()[1:]
    assert {left["term"], right["term"]} == {goal.rpartition("-> ")[2].partition(" = ")[i] for i in (0, 2)}
    assert set(refuted["counterexample"]) == set(variables)


def test_witness_budget_is_reported_not_silent():
    theory = load_theory(EXAMPLES / "group.mpl")
    goal = next(t for t in theory.theorems if t.name == "left_cancellation")
    result = attempt(theory, goal.name, goal.formula, (), Budget(depth=1))
    assert result.proof is None and result.hits.depth > 0


@pytest.mark.parametrize("executor", [("local", 1), ("process", 1), ("process", 2)])
def test_proof_graph_bytes_do_not_depend_on_the_executor(tmp_path, executor):
    kind, workers = executor
    reference = tmp_path / "reference"
    run("prove", EXAMPLES / "group.mpl", "--goals-only", "-o", reference)
    out = tmp_path / f"{kind}{workers}"
    run("prove", EXAMPLES / "group.mpl", "--goals-only", "-o", out, "--executor", kind, "--workers", workers)
    assert (out / "proofgraph.json").read_bytes() == (reference / "proofgraph.json").read_bytes()


def test_ground_tables_are_arithmetic_and_checked(tmp_path):
    out = tmp_path / "calc"
    result = run("calc", EXAMPLES / "peano.mpl", "--up-to", "4", "-o", out)
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text())
    assert summary["tables"]["+"] == [[a + b for b in range(5)] for a in range(5)]
    assert summary["tables"]["*"] == [[a * b for b in range(5)] for a in range(5)]
    graph = json.loads((out / "proofgraph.json").read_text())
    names = {t["name"] for t in graph["theorems"]}
    assert {"distinct_0_1", "distinct_3_4", "op1_2_3", "op2_4_4"} <= names
    report = check_run(out)
    assert report.ok, report.render()


def test_ground_tables_do_not_depend_on_names(tmp_path):
    run("calc", ROOT / "tests" / "data" / "peano_renamed.mpl", "--up-to", "3", "-o", tmp_path / "renamed")
    summary = json.loads((tmp_path / "renamed" / "summary.json").read_text())
    assert summary["tables"]["add"] == [[a + b for b in range(4)] for a in range(4)]
    assert summary["tables"]["mul"] == [[a * b for b in range(4)] for a in range(4)]
    assert check_run(tmp_path / "renamed").ok


def test_calc_needs_an_induction_schema(tmp_path):
    result = CliRunner().invoke(main, ["calc", str(EXAMPLES / "group.mpl")])
    assert result.exit_code == 2 and "no induction schema" in result.output


def test_proof_of_a_stated_goal_reads_well():
    theory = load_theory(EXAMPLES / "peano_goals.mpl")
    goal = next(t for t in theory.theorems if t.name == "one_is_not_zero")
    proof = attempt(theory, goal.name, goal.formula, (), Budget()).proof
    kinds = [s.kind for s in proof.steps]
    assert kinds[-1] == "not_intro" and "assume" in kinds
    assert proof.steps[-1].formula == parse_formula("1 ≠ 0")


def test_interrupted_write_leaves_the_old_run_intact(tmp_path, monkeypatch):
    target = tmp_path / "run"
    write_directory_atomic(target, {"proofgraph.json": "old"})

    class Interrupted(Exception):
        pass

    def fail(*args, **kwargs):
        raise Interrupted

    monkeypatch.setattr(shutil, "rmtree", fail)
    monkeypatch.setattr("os.replace", fail)
    with pytest.raises(Interrupted):
        write_directory_atomic(target, {"proofgraph.json": "new"})
    assert (target / "proofgraph.json").read_text() == "old"
