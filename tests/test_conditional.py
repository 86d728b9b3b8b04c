"""Conditional conjectures (``A → B``) and the Logic-Block attempts that prove them.

Issue 11: exploration conjectures and proves cancellation, ``x + y = 0 → x = 0``, transitivity,
antisymmetry and monotonicity of an order defined by ``∃p: a + p = b`` — from the axioms alone,
whatever the symbols are called — and never proves a false one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from genlogic.check import check_run
from genlogic.cli import main
from genlogic.engine.block import Budget
from genlogic.engine.goal import KnownTheorem, attempt
from genlogic.engine.lemmas import prove_lemmas
from genlogic.explore.conditional import conditionals
from genlogic.explore.explorer import BLOCK_CONJECTURE, BLOCK_INDUCTION, ConjectureTask, run_conjecture
from genlogic.explore.relevance import relevant_theorems
from genlogic.explore.model import ground_model
from genlogic.explore.refute import counterexample, vacuous
from genlogic.mpl.normal import normal_text
from genlogic.mpl.parser import parse_formula
from genlogic.theory.build import load_theory

ROOT = Path(__file__).parent.parent
ORDER = ROOT / "tests" / "data" / "add_order.mpl"

CANCELLATION = "forall x y z t1: x ∈ N and y ∈ N and z ∈ N and y + z = t1 and x + z = t1 -> x = y"
ZERO_SUM = "forall x y: x ∈ N and y ∈ N and x + y = 0 -> x = 0"
MONOTONE = "forall x y z: x ∈ N and y ∈ N and z ∈ N and le(x) = y -> le(x + z) = y + z"
STEP = "forall x y: x ∈ N and y ∈ N and le(x) = y -> le(s(x)) = s(y)"
LEAST = "forall x: x ∈ N -> le(0) = x"


def _normal(text: str) -> str:
    return normal_text(parse_formula(text))


@pytest.fixture(scope="module")
def order():
    theory = load_theory(ORDER)
    return theory, ground_model(theory)


def test_conditionals_are_true_on_the_model_and_include_the_laws(order):
    theory, model = order
    found = conditionals(theory, model)
    texts = {normal_text(c.statement) for c in found}
    for law in (CANCELLATION, ZERO_SUM, MONOTONE, STEP, LEAST):
        assert _normal(law) in texts, law
    for conditional in found:
        assert counterexample(conditional.statement, model) is None, conditional.text
        assert not vacuous(conditional.statement, model), conditional.text
        assert conditional.symbols <= {"N", "0", "s", "+", "le"}


def test_conditionals_do_not_depend_on_names(order, tmp_path):
    """The same conjectures, in the same order, for the theory with every symbol renamed."""
    theory, model = order
    renamed_text = ORDER.read_text().replace("le(", "below(").replace("le]", "below]")
    renamed_text = re.sub(r"\bN\b", "Nat", renamed_text).replace(" + ", " plus ").replace("+,", "plus,").replace(
        "+]", "plus]")
    renamed = tmp_path / "renamed.mpl"
    renamed.write_text(renamed_text)
    other = load_theory(renamed)
    first = [c.text for c in conditionals(theory, model)]
    second = [c.text.replace("below(", "le(").replace("Nat", "N").replace(" plus ", " + ")
              for c in conditionals(other, ground_model(other))]
    assert first == second


@pytest.mark.parametrize("statement", [
    "forall x y: x ∈ N and y ∈ N and le(x) = y -> le(y) = x",
    "forall x y: x ∈ N and y ∈ N and x + y = x -> x = 0",
    "forall x y z t1: x ∈ N and y ∈ N and z ∈ N and x + z = t1 and y + z = t1 -> x = z",
    "forall x y: x ∈ N and y ∈ N and le(x) = y -> le(s(y)) = x",
    "forall x y: x ∈ N and y ∈ N and le(s(x)) = y -> x = y",
])
def test_false_conditionals_are_refuted_and_never_proved(order, statement):
    """Each is false; given to the provers (as if the ground model, which does not know where
    an existential relation is false, had let it through), with every budget a conjecture or a
    goal gets, none is proved."""
    theory, _ = order
    formula = parse_formula(statement)
    lemmas = prove_lemmas(theory).theory
    known = (KnownTheorem("add_comm", parse_formula("forall x y: x ∈ N and y ∈ N -> x + y = y + x")),)
    for budget in (BLOCK_CONJECTURE, BLOCK_INDUCTION):
        task = ConjectureTask(lemmas, "false", formula, known, fallback=False, block=budget, splits=1)
        assert run_conjecture(task).proof is None


def test_a_join_budget_stops_saturation(order):
    """A block that may join only a few premises stops, says so, and proves nothing; without the
    limit the same attempt succeeds."""
    theory = prove_lemmas(order[0]).theory
    statement = parse_formula(ZERO_SUM)
    limited = attempt(theory, "sum", statement, (), Budget(depth=2, joins=20), "y")
    assert limited.proof is None and limited.hits.joins > 0
    assert attempt(theory, "sum", statement, (), Budget(depth=2), "y").proof is not None


def test_relevant_theorems_are_about_the_statement_and_few(tmp_path):
    """Theorems about other operations are left out; of the permutative ones, commutativity and
    associativity are kept, their variants are not; an order's definition brings its operation."""
    theory = prove_lemmas(load_theory(ROOT / "mpl_examples" / "peano_order.mpl")).theory
    laws = {
        "add_comm": "forall x y: x ∈ N and y ∈ N -> x + y = y + x",
        "add_left_comm": "forall x y z: x ∈ N and y ∈ N and z ∈ N -> x + (y + z) = y + (x + z)",
        "add_assoc": "forall x y z: x ∈ N and y ∈ N and z ∈ N -> (x + y) + z = x + (y + z)",
        "add_zero": "forall x: x ∈ N -> 0 + x = x",
        "mul_comm": "forall x y: x ∈ N and y ∈ N -> x * y = y * x",
        "add_big": "forall x y: x ∈ N and y ∈ N -> x + s(s(s(y))) = s(s(s(x + y)))",
    }
    known = tuple(KnownTheorem(name, parse_formula(text)) for name, text in laws.items())
    chosen = [k.name for k in relevant_theorems(theory, parse_formula(MONOTONE), known)]
    assert chosen == ["add_comm", "add_assoc", "add_zero"]
    plain = parse_formula("forall x: x ∈ N -> x * 0 = 0")
    assert [k.name for k in relevant_theorems(theory, plain, known)] == ["mul_comm"]


def test_exploring_an_order_proves_its_laws_and_checks(tmp_path):
    """Issue 11: cancellation, x + y = 0 → x = 0, transitivity, antisymmetry and monotonicity of
    ≤ defined by ∃p: a + p = b, found and proved from the axioms alone; the graph checks."""
    out = tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(ORDER), "-o", str(out), "--no-html", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["counts"]["conditional"] > 0
    graph = json.loads((out / "proofgraph.json").read_text())
    proved = {normal_text(parse_formula(t["statement"])) for t in graph["theorems"]}
    names = {t["name"] for t in graph["theorems"]}
    assert {"le_reflexive", "le_transitive", "le_antisymmetric"} <= names
    for law in (CANCELLATION, ZERO_SUM, MONOTONE, STEP, LEAST):
        assert _normal(law) in proved, law
    report = check_run(out)
    assert report.ok, report.render()
