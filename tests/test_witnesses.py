"""Proofs that need a witness of set or relation kind, a rule whose premise is an existential or
a universal, and an existential goal whose parts are not literals (issue 13's engine work).

Each theory imports ``mpl_examples/peano.mpl``; every proof is re-checked by the kernel. Before
this work the engine proved none of these statements (each ran into its witness depth)."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from genlogic.check import check_run
from genlogic.cli import main

ROOT = Path(__file__).parent.parent

PREDECESSORS = [
    # M := {p | p ∈ N ∧ s(p) = n}, read from the part that says what M must contain
    "forall n: n ∈ N -> exists M: (forall p: p ∈ M -> p ∈ N and s(p) = n) and (forall p: p ∈ N and s(p) = n -> p ∈ M)",
    # the two directions the other way round, other names
    "forall k: k ∈ N -> exists S: (forall x: x ∈ N and s(x) = k -> x ∈ S) and (forall y: y ∈ S -> s(y) = k and y ∈ N)",
    # through a definition, with a further part about another set
    "forall n: n ∈ N -> exists M: Preds[N, s, n, M] and (forall p: p ∈ M -> p ∈ N)",
]

THEORY = """import "peano.mpl"

def Preds[N, s, n, M] := (forall p: p ∈ N and s(p) = n -> p ∈ M) and (forall p: p ∈ M -> s(p) = n)

theorem goal := {statement}
"""


def _prove(tmp_path: Path, statement: str) -> dict:
    shutil.copy(ROOT / "mpl_examples" / "peano.mpl", tmp_path / "peano.mpl")
    theory = tmp_path / "goal.mpl"
    theory.write_text(THEORY.format(statement=statement), encoding="utf-8")
    out = tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(theory), "--goals-only", "-o", str(out), "--json", "--no-html"],
                                catch_exceptions=False)
    summary = json.loads(result.output)
    report = check_run(out)
    assert report.ok, report.render()
    return summary


@pytest.mark.parametrize("statement", PREDECESSORS)
def test_a_set_witness_comes_from_what_the_set_must_contain(tmp_path, statement):
    summary = _prove(tmp_path, statement)
    assert summary["goals"][0]["status"] == "proved", summary["goals"]


def test_a_relation_witness_is_a_relation_at_hand(tmp_path):
    summary = _prove(tmp_path, "exists g: UnaryFunction[N, g]")
    assert summary["goals"][0]["status"] == "proved", summary["goals"]


def test_an_existential_premise_is_matched_by_its_parts(tmp_path):
    summary = _prove(tmp_path, "forall Q n: n ∈ N and (forall a: (exists p: p ∈ N and s(p) = a) -> a ∈ Q) -> s(n) ∈ Q")
    assert summary["goals"][0]["status"] == "proved", summary["goals"]


def test_a_universal_premise_is_matched_against_facts(tmp_path):
    summary = _prove(tmp_path, "forall Q R: (forall x: x ∈ Q -> x ∈ R) and (forall S: (forall x: x ∈ Q -> x ∈ S) -> 0 ∈ S)"
                               " -> 0 ∈ R")
    assert summary["goals"][0]["status"] == "proved", summary["goals"]


@pytest.mark.parametrize("statement", [
    # no set has exactly the predecessors of n and also 0 when n = 1: s(0) = 1, so 0 ∈ M is
    # forced and the last part denies it
    "exists M: (forall p: p ∈ N and s(p) = 1 -> p ∈ M) and (forall p: p ∈ M -> p ∈ N) and 0 ∉ M",
    # no function on N sends everything to 0 and 1 to 1
    "exists g: UnaryFunction[N, g] and (forall x: x ∈ N -> g(x) = 0) and g(1) = 1",
])
def test_a_false_existential_is_not_proved(tmp_path, statement):
    summary = _prove(tmp_path, statement)
    assert summary["goals"][0]["status"] != "proved", summary["goals"]


FOLD_LEMMAS = """
theorem fold_zero := forall p: Fold[N, +, s, id, 0, 0, p] -> p = 0
theorem fold_step := forall n m p: n ∈ N and s(n) = m and Fold[N, +, s, id, 0, m, p] -> exists q: Fold[N, +, s, id, 0, n, q] and q + m = p
"""


def test_the_fold_over_a_longer_interval_is_the_shorter_fold_plus_its_last_term(tmp_path):
    """gauss.mpl's definitions, its goal replaced by the two lemmas its proof needs, from a Peano
    run: the step needs the interval [0, n] as a set witness, the accumulator of [0, m] as the
    accumulator of [0, n], and ≤ (an existential) matched by its parts; the stated goal's pass
    with the small known theorems proves it in seconds (not in minutes with all of them)."""
    examples = ROOT / "mpl_examples"
    shutil.copy(examples / "peano.mpl", tmp_path / "peano.mpl")
    text = (examples / "gauss.mpl").read_text(encoding="utf-8")
    definitions = text[:text.index("theorem gauss")]
    (tmp_path / "fold.mpl").write_text(definitions + FOLD_LEMMAS, encoding="utf-8")
    runner = CliRunner()
    peano = runner.invoke(main, ["prove", str(tmp_path / "peano.mpl"), "-o", str(tmp_path / "peano"), "--no-html"],
                          catch_exceptions=False)
    assert peano.exit_code == 0, peano.output
    out = tmp_path / "fold"
    result = runner.invoke(main, ["prove", str(tmp_path / "fold.mpl"), "--from", str(tmp_path / "peano"), "-o", str(out),
                                  "--max-rounds", "0", "--time-limit", "120", "--json", "--no-html"],
                           catch_exceptions=False)
    summary = json.loads(result.output)
    assert {g["name"]: g["status"] for g in summary["goals"]} == {"fold_zero": "proved", "fold_step": "proved"}
    report = check_run(out)
    assert report.ok, report.render()

