"""The ground model by rewriting (genlogic.engine.evaluate): the same tables as the Logic-Block
calculation wherever the theory's equations compute them, ``None`` (so the Logic Blocks) wherever
they do not, and the run says which method it used."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from genlogic.engine.evaluate import NotEvaluated, evaluate
from genlogic.engine.ground import GroundBudget, GroundLimit, calculate
from genlogic.explore.model import Method, compute_ground
from genlogic.theory.build import load_theory

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "mpl_examples"
BOUNDS = ROOT / "tests" / "data" / "bounds"
BUDGET = GroundBudget(numerals=16)


def _theory(text: str):
    """A theory written next to peano.mpl, so that it can import it."""
    return load_theory(EXAMPLES / "_test_theory.mpl", text)


@pytest.mark.parametrize("path", [EXAMPLES / "peano.mpl", ROOT / "tests" / "data" / "peano_renamed.mpl",
                                  ROOT / "tests" / "data" / "peano_left.mpl", BOUNDS / "peano_power.mpl",
                                  BOUNDS / "peano_flipped.mpl"],
                         ids=lambda p: p.stem)
def test_rewriting_gives_the_tables_the_logic_blocks_give(path):
    theory = load_theory(path)
    rewritten = evaluate(theory, 4, BUDGET)
    derived = calculate(theory, 4, budget=BUDGET, proofs=False)
    assert not isinstance(rewritten, NotEvaluated)
    assert rewritten.tables == derived.tables and rewritten.many == derived.many
    assert rewritten.missing == derived.missing and rewritten.constants == derived.constants
    assert all(rewritten.unary[op].items() >= derived.unary[op].items() for op in derived.unary)
    assert (rewritten.limit is None) == (derived.limit is None)


def test_values_beyond_the_numerals_are_missing_not_wrong():
    theory = load_theory(BOUNDS / "peano_power.mpl")
    tables = evaluate(theory, 4, GroundBudget(numerals=20))
    assert not isinstance(tables, NotEvaluated) and tables.limit is GroundLimit.NUMERALS
    missing = {(a, b) for op, a, b in tables.missing if op == "^"}
    assert (3, 3) in missing and (2, 4) not in missing  # 27 > 20 numerals, 16 is not
    assert all(c == a ** b for (a, b), c in tables.tables["^"].items())


def test_an_operation_the_equations_leave_undefined_falls_back_to_logic_blocks():
    """h(a, 0) = a says nothing about h(1, 1): its normal form is no numeral, so rewriting gives
    up on the whole model and the Logic Blocks calculate what they can."""
    theory = _theory('import "peano.mpl"\n'
                     "anchor Half[N, 0, 1, s, +, *, h] :=\n"
                     "    Peano[N, 0, 1, s, +, *]\n"
                     "    and BinaryOperation[N, h]\n"
                     "    and (forall a: a ∈ N -> a h 0 = a)\n")
    why = evaluate(theory, 3, BUDGET)
    assert isinstance(why, NotEvaluated) and "rewrites to" in why.reason and "h" in why.reason
    ground = compute_ground(theory, up_to=3, budget=BUDGET)
    assert ground.method is Method.LOGIC_BLOCKS and ground.describe()["method"] == "logic blocks"
    assert ground.describe()["not_rewritten"] == why.reason  # the run says why
    assert ground.model.binary["h"][(2, 0)] == 2 and (2, 1) not in ground.model.binary["h"]
    assert ground.model.binary["+"][(2, 3)] == 5


def test_a_relation_needs_the_logic_blocks():
    theory = load_theory(EXAMPLES / "peano_order.mpl")
    assert evaluate(theory, 3, BUDGET) == NotEvaluated("le needs a truth table")
    ground = compute_ground(theory, up_to=3, budget=BUDGET)
    assert ground.method is Method.LOGIC_BLOCKS and "le" in ground.model.truths


def test_peano_is_evaluated_by_rewriting_and_the_run_says_so():
    ground = compute_ground(load_theory(EXAMPLES / "peano.mpl"))
    assert ground.method is Method.REWRITING and ground.describe()["method"] == "rewriting"
    assert "not_rewritten" not in ground.describe()
    assert ground.model.binary["*"][(6, 6)] == 36 and not ground.missing


def test_a_passed_deadline_leaves_every_entry_missing():
    theory = load_theory(EXAMPLES / "peano.mpl")
    tables = evaluate(theory, 3, GroundBudget(deadline=time.monotonic()))
    assert not isinstance(tables, NotEvaluated) and tables.limit is GroundLimit.DEADLINE
    assert len(tables.missing) == 2 * 4 * 4 and not any(tables.tables.values())


def test_a_huge_numeral_budget_leaves_entries_missing_rather_than_overflowing():
    """Terms are nested objects: a budget of 100 000 numerals would let unary numerals grow past
    Python's recursion limit. Terms stop at MAX_TERM symbols, so 3^6 is missing, 2^6 is not."""
    theory = load_theory(BOUNDS / "peano_power.mpl")
    tables = evaluate(theory, 6, GroundBudget(numerals=100_000))
    assert not isinstance(tables, NotEvaluated) and tables.limit is GroundLimit.NUMERALS
    assert tables.tables["^"][(2, 6)] == 64 and ("^", 3, 6) in tables.missing
