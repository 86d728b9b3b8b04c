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
