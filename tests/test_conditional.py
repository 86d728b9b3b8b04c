"""Conditional conjectures (``A → B``) and the Logic-Block attempts that prove them.

Issue 11: exploration conjectures and proves cancellation, ``x + y = 0 → x = 0``, transitivity,
antisymmetry and monotonicity of an order defined by ``∃p: a + p = b`` — from the axioms alone,
whatever the symbols are called — and never proves a false one.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from genlogic.check import check_run
from genlogic.cli import main
from genlogic.engine.block import Budget
from genlogic.engine.goal import KnownTheorem, attempt, denied
from genlogic.engine.lemmas import prove_lemmas
from genlogic.explore.conditional import conditionals
from genlogic.explore.explorer import BLOCK_CONJECTURE, BLOCK_INDUCTION, GOAL_SPLITS, ConjectureTask, run_conjecture
from genlogic.explore.relevance import Reach, relevant_theorems
from genlogic.explore.model import ground_model
from genlogic.explore.refute import counterexample, vacuous
from genlogic.mpl.normal import normal_text
from genlogic.mpl.parser import parse_formula
from genlogic.theory.build import load_theory

ROOT = Path(__file__).parent.parent
ORDER = ROOT / "tests" / "data" / "add_order.mpl"
CONTRAPOSITIVE = ROOT / "tests" / "data" / "contrapositive.mpl"

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


#: laws of Peano arithmetic given to the provers as known theorems, by name
LAWS = {
    "add_comm": "forall x y: x ∈ N and y ∈ N -> x + y = y + x",
    "add_left_comm": "forall x y z: x ∈ N and y ∈ N and z ∈ N -> x + (y + z) = y + (x + z)",
    "add_assoc": "forall x y z: x ∈ N and y ∈ N and z ∈ N -> (x + y) + z = x + (y + z)",
    "add_zero": "forall x: x ∈ N -> 0 + x = x",
    "add_big": "forall x y: x ∈ N and y ∈ N -> x + s(s(s(y))) = s(s(s(x + y)))",
    "add_cancel": "forall x y z t1: x ∈ N and y ∈ N and z ∈ N and x + z = t1 and x + y = t1 -> y = z",
    "sum_zero": ZERO_SUM,
    "mul_comm": "forall x y: x ∈ N and y ∈ N -> x * y = y * x",
    "succ_mul": "forall x y: x ∈ N and y ∈ N -> s(x) * y = y + (x * y)",
    "zero_mul": "forall x: x ∈ N -> 0 * x = 0",
    "no_zero_divisors": "forall x y: x ∈ N and y ∈ N and x * y = 0 and y ≠ 0 -> x = 0",
}


def _known(*names: str) -> tuple[KnownTheorem, ...]:
    return tuple(KnownTheorem(name, parse_formula(LAWS[name])) for name in names)


MUL_CANCELLATION = "forall x y z t1: x ∈ N and y ∈ N and z ∈ N and y * z = t1 and x * z = t1 and z ≠ 0 -> x = y"
NO_ZERO_DIVISORS = LAWS["no_zero_divisors"]


def test_a_premise_may_exclude_a_constant():
    """Cancellation for · and "no zero divisors" hold only for a factor that is not 0: the
    conjecture carries a second premise atom z ≠ 0. Without it the model refutes the law; every
    conjecture is true on the model and not vacuous."""
    theory = load_theory(ROOT / "mpl_examples" / "peano_order.mpl")
    model = ground_model(theory)
    found = {normal_text(c.statement): c for c in conditionals(theory, model)}
    for law in (MUL_CANCELLATION, NO_ZERO_DIVISORS):
        assert _normal(law) in found, law
        assert found[_normal(law)].equates
        unguarded = parse_formula(law.replace(" and z ≠ 0", "").replace(" and y ≠ 0", ""))
        assert counterexample(unguarded, model) is not None
    for conditional in found.values():
        assert counterexample(conditional.statement, model) is None, conditional.text
        assert not vacuous(conditional.statement, model), conditional.text


def test_cancellation_for_times_follows_the_recursion_of_times():
    """Cancellation for · needs case splits on variables · does not recurse on, and the laws of
    +, which the statement does not mention: the pass that follows the recursion of its
    operations proves it from lemmas exploration finds (the other passes do not)."""
    theory = prove_lemmas(load_theory(ROOT / "mpl_examples" / "peano_order.mpl")).theory
    known = _known("mul_comm", "succ_mul", "zero_mul", "add_cancel", "sum_zero", "no_zero_divisors")
    task = ConjectureTask(theory, "mul_cancel", parse_formula(MUL_CANCELLATION), known, fallback=False,
                          block=BLOCK_CONJECTURE, known_induction=False, splits=GOAL_SPLITS)
    assert run_conjecture(task).proof is None
    result = run_conjecture(dataclasses.replace(task, recursion=True))
    assert result.proof is not None and result.method == "induction"
    assert "mul_comm" not in result.proof.uses  # permutative laws stay out of that pass


@pytest.mark.parametrize("statement", [
    # the guard on the wrong factor: z = 0 makes both products 0
    "forall x y z t1: x ∈ N and y ∈ N and z ∈ N and y * z = t1 and x * z = t1 and x ≠ 0 -> x = y",
    "forall x y: x ∈ N and y ∈ N and x * y = 0 and x ≠ 0 -> y = s(0)",
])
def test_false_guarded_conditionals_are_never_proved(statement):
    """With the pass that follows the recursion of · (any induction variable, case splits on
    any, a large budget), a false law with a guard is not proved."""
    theory = prove_lemmas(load_theory(ROOT / "mpl_examples" / "peano_order.mpl")).theory
    known = _known("mul_comm", "sum_zero")
    task = ConjectureTask(theory, "false", parse_formula(statement), known, fallback=False, block=BLOCK_CONJECTURE,
                          splits=1, recursion=True)
    assert run_conjecture(task).proof is None


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
    known = _known("add_comm")
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
    associativity are kept, their variants are not; an order's definition brings its operation
    (not in the pass with a statement's own symbols); an operation's recursion brings the
    operations its axioms use (and no permutative law)."""
    theory = prove_lemmas(load_theory(ROOT / "mpl_examples" / "peano_order.mpl")).theory
    known = _known("add_comm", "add_left_comm", "add_assoc", "add_zero", "mul_comm", "add_big")
    chosen = [k.name for k in relevant_theorems(theory, parse_formula(MONOTONE), known)]
    assert chosen == ["add_comm", "add_assoc", "add_zero"]
    plain = parse_formula("forall x: x ∈ N -> x * 0 = 0")
    assert [k.name for k in relevant_theorems(theory, plain, known)] == ["mul_comm"]
    # about le's own symbols: not the laws of + that define it
    assert relevant_theorems(theory, parse_formula(STEP), known, Reach.OWN) == ()
    # following the recursion of ·: the axioms of · bring +, and no permutative law comes
    assert [k.name for k in relevant_theorems(theory, plain, known, Reach.RECURSION)] == ["add_zero"]


def test_exploring_an_order_proves_its_laws_and_checks(tmp_path):
    """Issue 11: cancellation, x + y = 0 → x = 0, transitivity, antisymmetry, totality and
    monotonicity of ≤ defined by ∃p: a + p = b, found and proved from the axioms alone; the graph
    checks."""
    out = tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(ORDER), "-o", str(out), "--no-html", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["counts"]["conditional"] > 0
    graph = json.loads((out / "proofgraph.json").read_text())
    proved = {normal_text(parse_formula(t["statement"])) for t in graph["theorems"]}
    names = {t["name"] for t in graph["theorems"]}
    assert {"le_reflexive", "le_transitive", "le_antisymmetric", "le_total"} <= names
    # what was conjectured and not proved is listed, not only counted
    assert summary["counts"]["open_laws"] == len(summary["open_laws"])
    assert not names & {law for law in summary["open_laws"]} and "le is symmetric" in summary["open_laws"]
    for law in (CANCELLATION, ZERO_SUM, MONOTONE, STEP, LEAST):
        assert _normal(law) in proved, law
    report = check_run(out)
    assert report.ok, report.render()


def test_a_false_conclusion_refutes_a_premise(tmp_path):
    """Modus tollens in a Logic Block: from ¬R(s(x), s(y)) the contrapositive of
    R(x, y) → R(s(x), s(y)) gives ¬R(x, y), which then fires ¬R(x, y) → Q(x, y) (forward
    chaining alone never derives the negative fact); ¬R(x, y) from P(x, y) and ¬C(x, y) needs
    none (a contradiction block assumes R(x, y)). Both proofs check."""
    out = tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(CONTRAPOSITIVE), "--goals-only", "-o", str(out), "--no-html",
                                       "--json"])
    assert result.exit_code == 0, result.output
    assert [g["status"] for g in json.loads(result.output)["goals"]] == ["proved", "proved"]
    report = check_run(out)
    assert report.ok, report.render()


def test_contrapositives_only_for_denied_relations():
    """Blocks derive contrapositives for the relations a statement denies, not for the others
    (they only cost there)."""
    theory = load_theory(CONTRAPOSITIVE)
    [q_below, not_r] = [t.formula for t in theory.theorems]
    assert denied(theory, q_below) == {"R"}
    assert denied(theory, not_r) == {"C", "R"}
    assert denied(load_theory(ORDER), parse_formula(MONOTONE)) == frozenset()


@pytest.mark.parametrize("statement", [
    # the partner premise P(x, y) is missing: C can fail with R true
    "forall x y: x ∈ N and y ∈ N and not C(x) = y -> not R(x) = y",
    # R may hold of s(x), s(y) without holding of x, y
    "forall x y: x ∈ N and y ∈ N and not R(x) = y -> Q(s(x)) = s(y)",
    "forall x y: x ∈ N and y ∈ N and not R(s(x)) = s(y) -> not Q(x) = y",
])
def test_contraposition_proves_nothing_false(tmp_path, statement):
    """Each statement is false in some model of the theory; none is proved."""
    theory = tmp_path / "wrong.mpl"
    axioms = CONTRAPOSITIVE.read_text().split("\ntheorem")[0]
    theory.write_text(f"{axioms}\ntheorem wrong := {statement}\n")
    result = CliRunner().invoke(main, ["prove", str(theory), "--goals-only", "-o", str(tmp_path / "run"),
                                       "--no-html", "--json"])
    assert result.exit_code == 1, result.output
    assert json.loads(result.output)["goals"][0]["status"] != "proved"
