"""Finite models found by z3 for theories without an induction schema (issue 4, "Counterexample
filter"): the models satisfy the axioms, refute false statements, and drive exploration."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from genlogic.check import check_run
from genlogic.cli import main
from genlogic.explore.conjectures import conjectures
from genlogic.explore.finite import finite_models
from genlogic.explore.refute import counterexample, satisfies, vacuous
from genlogic.mpl.parser import parse_formula
from genlogic.theory.build import load_theory

ROOT = Path(__file__).parent.parent
GROUP = ROOT / "mpl_examples" / "group.mpl"
PEANO = ROOT / "mpl_examples" / "peano.mpl"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def group():
    theory = load_theory(GROUP)
    return theory, finite_models(theory)


def _commutes(model) -> bool:
    table = model.binary["*"]
    return all(table[a, b] == table[b, a] for a in model.elements for b in model.elements)


def test_models_satisfy_the_axioms(group):
    theory, models = group
    assert models and all(m.finite for m in models)
    assert all(satisfies(model, theory.axioms) for model in models)
    assert [m.label for m in models] == sorted({m.label for m in models}, key=[m.label for m in models].index)
    assert any(not _commutes(m) for m in models), "a non-abelian group of size 6"


def test_models_are_deterministic(group):
    theory, models = group
    assert [m.describe() for m in finite_models(theory)] == [m.describe() for m in models]


def test_a_model_that_breaks_an_axiom_is_not_a_model(group):
    theory, models = group
    model = models[-1]
    broken = dict(model.binary["*"])
    broken[0, 0] = (broken[0, 0] + 1) % len(model.elements)
    other = type(model)(**{**model.__dict__, "binary": {"*": broken}})
    assert not satisfies(other, theory.axioms)


def test_false_statements_are_refuted_with_a_model(group):
    _, models = group
    found = counterexample(parse_formula("forall a b: a ∈ G and b ∈ G -> a * b = b * a"), models)
    assert found is not None and found.model.label.startswith("size 6")
    a, b = found.assignment["a"], found.assignment["b"]
    assert found.model.apply("*", (a, b)) != found.model.apply("*", (b, a))
    assert counterexample(parse_formula("forall a: a ∈ G -> a * a = e"), models) is not None
    # exact on a finite model: an existential can be refuted, a true statement never is
    assert counterexample(parse_formula("exists a: a ∈ G and not a = e"), models) is not None
    assert counterexample(parse_formula("forall a b c: a ∈ G and b ∈ G and c ∈ G and b * a = c * a -> b = c"),
                          models) is None
    assert vacuous(parse_formula("forall a: a ∈ G and not a = a -> a = e"), models)
    assert not vacuous(parse_formula("forall a: a ∈ G and a * a = e -> inv(a) = a"), models)


def test_equations_hold_in_every_model(group):
    theory, models = group
    generation = conjectures(theory, models)
    texts = {eq.text for eq in generation.equations}
    assert "forall x: x ∈ G -> e * x = x" in texts and "forall x: x ∈ G -> inv(x) * x = e" in texts
    assert not any("y * x = x * y" in text for text in texts)
    assert all(counterexample(eq.statement, models) is None for eq in generation.equations)


def test_theories_beyond_the_encoding_have_no_models():
    assert finite_models(load_theory(PEANO)) == []


@pytest.fixture(scope="module")
def group_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("finite") / "group"
    result = run("prove", GROUP, "-o", out, "--json", "--no-html")
    assert result.exit_code == 0, result.output
    return out, json.loads(result.output)


def test_group_exploration_proves_the_stated_goals_and_checks(group_run):
    out, summary = group_run
    assert len(summary["goals"]) == 6 and all(g["status"] == "proved" for g in summary["goals"])
    counts = summary["counts"]
    assert counts["generated"] > counts["canonical"] > 0 and counts["proved"] + counts["corollaries"] > 0
    assert any(label.startswith("size 6") for label in summary["finite_models"])
    graph = json.loads((out / "proofgraph.json").read_text())
    assert any(t["origin"]["source"] == "conjecture" for t in graph["theorems"])
    report = check_run(out)
    assert report.ok, report.render()


def test_group_exploration_is_deterministic(group_run, tmp_path):
    first, _ = group_run
    second = tmp_path / "again"
    run("prove", GROUP, "-o", second, "--executor", "process", "--workers", "2", "--no-html")
    assert (first / "proofgraph.json").read_bytes() == (second / "proofgraph.json").read_bytes()


def test_refuted_goals_name_their_model(tmp_path):
    source = tmp_path / "abelian.mpl"
    text = GROUP.read_text().split("# The right identity")[0]
    source.write_text(text + "theorem commutative := forall a b: a ∈ G and b ∈ G -> a * b = b * a\n")
    out = tmp_path / "run"
    result = run("prove", source, "--max-rounds", "1", "-o", out, "--json", "--no-html")
    assert result.exit_code == 1
    goal = json.loads(result.output)["goals"][0]
    assert goal["status"] == "refuted" and goal["model"].startswith("size 6")
    refuted = json.loads((out / "refuted.json").read_text())
    assert refuted[0]["name"] == "commutative" and refuted[0]["model"]["model"] == goal["model"]
    assert set(refuted[0]["counterexample"]) == {"a", "b"}
    assert check_run(out).ok
