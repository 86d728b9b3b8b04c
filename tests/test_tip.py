"""``genlogic import-tip``: TIP problems over the naturals as MPL theories.

The translation is judged on its meaning: generated recursive definitions are evaluated by a small
interpreter of the S-expressions written here, and the imported theory's ground model (computed
by the engine from the MPL axioms alone) must give the same values. Unsupported input is a clean
located error, exit 2. A benchmark problem imported this way is proved goal-directed and checks;
a false goal is refuted, never proved.
"""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from genlogic.cli import main
from genlogic.engine.block import Budget
from genlogic.engine.equational import attempt_equation, context
from genlogic.engine.goal import attempt
from genlogic.engine.laws import read_atoms
from genlogic.engine.lemmas import prove_lemmas
from genlogic.explore.conjectures import conjectures
from genlogic.explore.model import compute_ground, ground_model
from genlogic.explore.refute import counterexample
from genlogic.explore.relations import relation_conjectures
from genlogic.explore.relevance import shares_an_atom
from genlogic.mpl.parser import parse_formula
from genlogic.theory.build import load_theory
from genlogic.tip import import_tip
from tests.test_mutation import rehash

DATA = Path(__file__).parent / "data" / "tip"
NAT = "(declare-datatype Nat ((Z) (S (p Nat))))\n"
PLUS = "(define-fun-rec plus ((x Nat) (y Nat)) Nat (match x ((Z y) ((S z) (S (plus z y))))))\n"
TIMES = "(define-fun-rec times ((x Nat) (y Nat)) Nat (match x ((Z Z) ((S z) (plus y (times z y))))))\n"
POWER = "(define-fun-rec pow ((x Nat) (y Nat)) Nat (match y ((Z (S Z)) ((S z) (times x (pow x z))))))\n"
# true and out of reach (Fermat's last theorem for exponents of at least 3): a goal the deadline stops
FERMAT = ("(forall ((n Nat) (x Nat) (y Nat) (z Nat)) (distinct (plus (pow (S x) (S (S (S n)))) "
          "(pow (S y) (S (S (S n))))) (pow (S z) (S (S (S n))))))")


def _import(tmp_path: Path, text: str, name: str = "problem.smt2", lemmas: bool = False) -> Path:
    source = tmp_path / name
    source.write_text(text)
    target = tmp_path / (source.stem + ".mpl")
    target.write_text(import_tip(source, lemmas))
    return target


# ---- every shipped example: a theory that loads, or a clean error naming the construct ----------

@pytest.mark.parametrize("problem", sorted(DATA.glob("*.smt2")), ids=lambda p: p.stem)
def test_tip_example_imports_or_names_what_it_lacks(tmp_path, problem):
    result = CliRunner().invoke(main, ["import-tip", str(problem), "-o", str(tmp_path / "out.mpl")])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "out.mpl").read_text()
    assert text.startswith(f"# {problem.name}, a TIP problem")
    theory = load_theory(tmp_path / "out.mpl")
    assert [t.name for t in theory.theorems] == [problem.stem]
    assert theory.signature.induction, "the datatype must give an induction schema"


def test_bool_function_becomes_a_fully_defined_relation(tmp_path):
    theory = load_theory(_import(tmp_path, NAT + (
        "(define-fun-rec le ((x Nat) (y Nat)) Bool (match x ((Z true) ((S z) (match y ((Z false) ((S w) (le z w))))))))\n"
        "(prove (forall ((a Nat)) (le a a)))\n")))
    text = (tmp_path / "problem.mpl").read_text()
    assert "(forall y: y ∈ Nat -> le(Z) = y)" in text  # true case: an axiom
    assert "(forall z t1: z ∈ Nat and S(z) = t1 -> not le(t1) = Z)" in text  # false case: negated, flat
    assert ("S(z) = t1 and S(w) = t2 and le(z) = w -> le(t1) = t2" in text  # both ways
            and "S(z) = t1 and S(w) = t2 and le(t1) = t2 -> le(z) = w" in text)
    assert theory.signature.operation("le") is None or not theory.signature.operation("le").is_operation


def test_lemmas_are_theorems_to_prove_only_when_asked(tmp_path):
    text = NAT + PLUS + ("(prove (forall ((a Nat) (b Nat)) (= (plus a b) (plus b a))))\n"
                         "(assert (forall ((a Nat)) (= (plus a Z) a)))\n")
    without = load_theory(_import(tmp_path, text))
    assert [t.name for t in without.theorems] == ["problem"]
    with_lemmas = load_theory(_import(tmp_path, text, lemmas=True))
    assert [t.name for t in with_lemmas.theorems] == ["lemma_1", "problem"]
    assert len(with_lemmas.axioms) == len(without.axioms)  # a lemma is never an axiom


@pytest.mark.parametrize("text, construct", [
    (NAT + "(define-fun f ((x Int)) Nat Z)\n(prove (= Z Z))\n", "Int"),
    ("(declare-datatype List ((nil) (cons (head Bool) (tail List))))\n(prove true)\n", "datatype List"),
    ("(declare-datatype Tree ((leaf) (node (l Tree) (r Tree))))\n(prove true)\n", "datatype Tree"),
    ("(declare-datatype list (par (a) ((nil) (cons (head a) (tail (list a))))))\n(prove true)\n", "polymorphism"),
    (NAT + "(define-fun ap ((f (=> Nat Nat)) (x Nat)) Nat (@ f x))\n(prove true)\n", "higher-order"),
    (NAT + "(define-fun g ((x Nat) (y Nat) (z Nat) (u Nat) (v Nat)) Nat x)\n(prove (= Z Z))\n", "5 arguments"),
    (NAT + "(define-fun g ((x Nat) (y Nat) (z Nat)) Bool true)\n(prove (= Z Z))\n", "Bool-valued function g of 3"),
    (NAT + "(define-fun g ((x Nat)) Nat (p x))\n(prove (= Z Z))\n", "selector p"),
    (NAT + "(define-fun g ((x Nat)) Nat Z)\n", "no prove"),
])
def test_unsupported_input_is_a_located_error(tmp_path, text, construct):
    source = tmp_path / "bad.smt2"
    source.write_text(text)
    result = CliRunner().invoke(main, ["import-tip", str(source), "-o", str(tmp_path / "bad.mpl")])
    assert result.exit_code == 2
    assert construct in result.output and f"{source}:" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "bad.mpl").exists()


def test_names_are_made_mpl_names_and_the_renaming_is_said(tmp_path):
    text = NAT + PLUS.replace("plus", "+2") + "(prove (forall ((in Nat)) (= (+2 in Z) in)))\n"
    mpl = _import(tmp_path, text).read_text()
    assert "+2 as plus_2" in mpl
    theory = load_theory(tmp_path / "problem.mpl")
    assert "plus_2" in [c.name for c in theory.signature.constants]


# ---- meaning: the engine's ground model of the import computes what the TIP program computes ----

def _evaluate(expr, env, functions):
    """A direct interpreter of the generated S-expressions (naturals as Python ints)."""
    if isinstance(expr, str):
        return 0 if expr == "Z" else env[expr]
    head, *args = expr
    if head == "S":
        return _evaluate(args[0], env, functions) + 1
    if head == "match":
        value = _evaluate(args[0], env, functions)
        (_, zero_case), ((_, field), succ_case) = args[1]
        return _evaluate(zero_case, env, functions) if value == 0 else _evaluate(
            succ_case, {**env, field: value - 1}, functions)
    params, body = functions[head]
    return _evaluate(body, dict(zip(params, [_evaluate(a, env, functions) for a in args])), functions)


def _show(expr) -> str:
    if isinstance(expr, str):
        return expr
    if expr[0] == "match":
        (_, zero_case), ((_, field), succ_case) = expr[2]
        return f"(match {_show(expr[1])} ((Z {_show(zero_case)}) ((S {field}) {_show(succ_case)})))"
    return "(" + " ".join(_show(e) for e in expr) + ")"


def _terms(variables: list[str], recursive: str | None):
    leaves = st.sampled_from(["Z", *variables])

    def extend(inner):
        calls = [st.tuples(st.just("S"), inner), st.tuples(st.just("plus"), inner, inner)]
        if recursive:
            calls.append(st.tuples(st.just(recursive), st.just("z"), inner))
        return st.one_of(*calls).map(list)

    return st.recursive(leaves, extend, max_leaves=4)


@st.composite
def _definitions(draw):
    """f x y := match x with Z -> t0(y) | S z -> t1(z, y, f(z, _)): recursion on x, so it terminates."""
    zero_case = draw(_terms(["y"], None))
    succ_case = draw(_terms(["z", "y"], "f"))
    return ["match", "x", [["Z", zero_case], [["S", "z"], succ_case]]]


@settings(max_examples=25, deadline=None, derandomize=bool(os.environ.get("CI")))
@given(_definitions())
def test_imported_definitions_compute_what_the_program_computes(tmp_path_factory, body):
    tmp_path = tmp_path_factory.mktemp("tip")
    functions = {"plus": (["x", "y"], ["match", "x", [["Z", "y"], [["S", "z"], ["S", ["plus", "z", "y"]]]]]),
                 "f": (["x", "y"], body)}
    text = NAT + PLUS + f"(define-fun-rec f ((x Nat) (y Nat)) Nat {_show(body)})\n(prove (= Z Z))\n"
    theory = load_theory(_import(tmp_path, text))
    model = ground_model(theory, up_to=4)
    assert model is not None
    table = model.binary["f"]
    checked = 0
    for a in range(4):
        for b in range(4):
            try:
                expected = _evaluate(["f", str(a), str(b)], {str(n): n for n in range(4)}, functions)
            except RecursionError:  # f(S z, y) = f(z, f(z, y)) grows too fast for this interpreter
                assert (a, b) not in table, "a value in the hundreds is beyond the numerals"
                continue
            if (a, b) in table:
                assert table[(a, b)] == expected, (a, b)
                checked += 1
            else:
                assert expected > 4, "only a value beyond the numerals may be missing"
    assert checked


def _terms3(variables: list[str]):
    leaves = st.sampled_from(["Z", *variables])

    def extend(inner):
        calls = [st.tuples(st.just("S"), inner), st.tuples(st.just("plus"), inner, inner),
                 st.tuples(st.just("h"), st.just("z"), inner, inner)]
        return st.one_of(*calls).map(list)

    return st.recursive(leaves, extend, max_leaves=4)


@st.composite
def _ternary_definitions(draw):
    """h x y w := match x with Z -> t0(y, w) | S z -> t1(z, y, w, h(z, _, _)): three arguments,
    recursion on the first."""
    zero_case = draw(st.recursive(st.sampled_from(["Z", "y", "w"]),
                                  lambda inner: st.one_of(st.tuples(st.just("S"), inner),
                                                          st.tuples(st.just("plus"), inner, inner)).map(list),
                                  max_leaves=3))
    succ_case = draw(_terms3(["z", "y", "w"]))
    return ["match", "x", [["Z", zero_case], [["S", "z"], succ_case]]]


@settings(max_examples=15, deadline=None, derandomize=bool(os.environ.get("CI")))
@given(_ternary_definitions())
def test_imported_ternary_definitions_compute_what_the_program_computes(tmp_path_factory, body):
    """A function of three arguments is an ``in4`` relation; the engine's ground model computes
    its table from the MPL axioms alone."""
    tmp_path = tmp_path_factory.mktemp("tip3")
    functions = {"plus": (["x", "y"], ["match", "x", [["Z", "y"], [["S", "z"], ["S", ["plus", "z", "y"]]]]]),
                 "h": (["x", "y", "w"], body)}
    text = NAT + PLUS + f"(define-fun-rec h ((x Nat) (y Nat) (w Nat)) Nat {_show(body)})\n(prove (= Z Z))\n"
    theory = load_theory(_import(tmp_path, text))
    assert theory.signature.operation("h").is_operation and theory.signature.operation("h").inputs == 3
    model = ground_model(theory, up_to=3)
    table = model.many["h"]
    checked = 0
    for args in itertools.product(range(3), repeat=3):
        expected = _evaluate(["h", *map(str, args)], {str(n): n for n in range(3)}, functions)
        if args in table:
            assert table[args] == expected, args
            checked += 1
        else:
            assert expected > 3, "only a value beyond the numerals may be missing"
    assert checked


# ---- proving: goal-directed, checked; a false goal refuted -------------------------------------

def test_benchmark_problem_is_proved_goal_directed_and_checks(tmp_path):
    mpl = tmp_path / "p07.mpl"
    runner = CliRunner()
    assert runner.invoke(main, ["import-tip", str(DATA / "isaplanner_prop_07.smt2"), "-o", str(mpl)]).exit_code == 0
    run = tmp_path / "run"
    result = runner.invoke(main, ["prove", str(mpl), "-o", str(run), "--no-html", "--time-limit", "60"])
    assert result.exit_code == 0, result.output
    summary = json.loads((run / "summary.json").read_text())
    assert summary["goals"] == [{"name": "isaplanner_prop_07", "status": "proved", "round": summary["goals"][0]["round"],
                                 "steps": summary["goals"][0]["steps"]}]
    checked = runner.invoke(main, ["check", str(run)])
    assert checked.exit_code == 0 and "OK" in checked.output


def test_a_goal_about_a_function_of_three_arguments_is_proved_and_checks(tmp_path):
    """weird_nat add3: a function of three arguments (in4), recursive on two of them. Its
    commutativity in the first two arguments needs lemmas about add3 that exploration conjectures
    from the ground model's in4 table."""
    mpl = tmp_path / "add3.mpl"
    runner = CliRunner()
    imported = runner.invoke(main, ["import-tip", str(DATA / "tip2015_weird_nat_add3_comm12.smt2"), "-o", str(mpl)])
    assert imported.exit_code == 0 and "TernaryFunction[Nat, add3]" in mpl.read_text()
    run = tmp_path / "run"
    result = runner.invoke(main, ["prove", str(mpl), "-o", str(run), "--no-html", "--time-limit", "60"])
    assert result.exit_code == 0, result.output
    summary = json.loads((run / "summary.json").read_text())
    assert summary["goals"][0]["status"] == "proved"
    lemmas = [line for line in (run / "theorems.mpl").read_text().splitlines()
              if line.startswith("theorem law") and "add3(" in line]
    assert lemmas, "exploration conjectures and proves laws about add3"
    checked = runner.invoke(main, ["check", str(run)])
    assert checked.exit_code == 0 and "OK" in checked.output


def test_false_goal_is_refuted_not_proved(tmp_path):
    mpl = _import(tmp_path, NAT + PLUS + "(prove (forall ((a Nat) (b Nat)) (= (plus a b) (plus a a))))\n")
    run = tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(mpl), "-o", str(run), "--no-html", "--time-limit", "30"])
    assert result.exit_code == 1
    summary = json.loads((run / "summary.json").read_text())
    goal = summary["goals"][0]
    assert goal["status"] == "refuted" and goal["counterexample"]
    # nothing left to explore for: exploration does not start
    assert summary["stages"]["exploration"]["unneeded"] == "every stated goal is refuted or vacuous"
    assert summary["counts"]["attempts"] == 0 and not summary["cut_short"]


def test_a_goal_tried_during_exploration_is_not_reported_as_never_attempted(tmp_path):
    """The deadline stops a run whose goal exploration tried (before its first round and after
    every round with a new lemma) but could not prove yet: its reason is ``time limit``, with how
    often it was tried, not ``time limit: not attempted``."""
    mpl = _import(tmp_path, NAT + PLUS + TIMES + POWER + f"(prove {FERMAT})\n")
    run = tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(mpl), "-o", str(run), "--no-html", "--time-limit", "8"])
    assert result.exit_code == 1, result.output
    (entry,) = json.loads((run / "summary.json").read_text())["goals"]
    assert entry["status"] == "unproved" and entry["reason"] == "time limit" and entry["attempts"] >= 1



def test_what_was_decided_before_the_deadline_is_kept(tmp_path):
    """Three stated theorems (TIP lemmas kept with --with-lemmas): one proved before the first
    exploration round, one refuted by the ground model, one too hard for the time limit. The
    deadline passes during exploration, so the stated-goals stage is skipped: the first stays
    proved (its proof in the graph, checked) and the second refuted."""
    lemmas = "(assert (forall ((a Nat)) (= (plus a Z) a)))\n(assert (forall ((a Nat) (b Nat)) (= (plus a b) (plus a a))))\n"
    mpl = _import(tmp_path, NAT + PLUS + TIMES + POWER + f"(prove {FERMAT})\n" + lemmas, lemmas=True)
    run = tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(mpl), "-o", str(run), "--no-html", "--time-limit", "8"])
    assert result.exit_code == 1, result.output
    summary = json.loads((run / "summary.json").read_text())
    status = {goal["name"]: goal["status"] for goal in summary["goals"]}
    assert status == {"lemma_1": "proved", "lemma_2": "refuted", "problem": "unproved"}
    assert "lemma_1" in {t["name"] for t in json.loads((run / "proofgraph.json").read_text())["theorems"]}
    checked = CliRunner().invoke(main, ["check", str(run)])
    assert checked.exit_code == 0 and "OK" in checked.output


LE = ("(define-fun-rec le ((x Nat) (y Nat)) Bool "
      "(match x ((Z true) ((S z) (match y ((Z false) ((S w) (le z w))))))))\n")


@pytest.mark.parametrize("goal, refuted", [
    ("(forall ((a Nat) (b Nat)) (=> (= (plus a b) Z) (= a (S Z))))", True),  # a conditional law, false at 0, 0
    ("(forall ((a Nat) (b Nat)) (=> (le a b) (le b a)))", True),  # on the relation's truth table: le 0 1, not le 1 0
    ("(forall ((a Nat) (b Nat)) (=> (le a b) (= (plus a b) (plus b b))))", True),  # le 0 1, 0 + 1 ≠ 1 + 1
])
def test_false_conditional_goals_are_never_proved(tmp_path, goal, refuted):
    mpl = _import(tmp_path, NAT + PLUS + LE + f"(prove {goal})\n")
    run = tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(mpl), "-o", str(run), "--no-html", "--time-limit", "20"])
    assert result.exit_code == 1, result.output
    status = json.loads((run / "summary.json").read_text())["goals"][0]["status"]
    assert status == ("refuted" if refuted else "unproved")
    checked = CliRunner().invoke(main, ["check", str(run)])
    assert checked.exit_code == 0 and "goal problem: not proved" in checked.output


# ---- case splits inside induction, ex falso: proved, checked, and not without them ----------------

def _theory(tmp_path, problem: str):
    mpl = tmp_path / f"{problem}.mpl"
    mpl.write_text(import_tip(DATA / f"{problem}.smt2"))
    return mpl, prove_lemmas(load_theory(mpl), None).theory


def test_nested_induction_splits_the_step_case_and_only_then_proves_it(tmp_path):
    """min(min(a, b), c) = min(a, min(b, c)) with min recursive on both arguments: the step of
    the induction on a needs the cases of b and c."""
    _, theory = _theory(tmp_path, "isaplanner_prop_31")
    goal = theory.theorems[-1]
    ctx = context(theory)
    assert attempt_equation(ctx, goal.name, goal.formula, (), "a", splits=0).proof is None
    assert attempt_equation(ctx, goal.name, goal.formula, (), "a", splits=1).proof is None
    assert attempt_equation(ctx, goal.name, goal.formula, (), "a", splits=2).proof is not None


def test_relational_goal_by_induction_with_case_splits_and_ex_falso(tmp_path):
    """le(x, y) and le(y, z) imply le(x, z): induction on x, the step split on y and z, the cases
    y = 0 and z = 0 closed by ex falso from the negated defining case."""
    _, theory = _theory(tmp_path, "tip2015_nat_le_trans")
    goal = theory.theorems[-1]
    budget = Budget(depth=3, steps=20_000)
    assert attempt(theory, goal.name, goal.formula, (), budget, "x").proof is None
    proof = attempt(theory, goal.name, goal.formula, (), budget, "x", splits=2).proof
    assert proof is not None
    assert {"not_intro", "double_neg"} <= {step.kind for step in proof.steps}


@pytest.mark.parametrize("problem", ["isaplanner_prop_31", "tip2015_nat_le_trans"])
def test_split_proofs_check_and_a_forged_ex_falso_does_not(tmp_path, problem):
    mpl, _ = _theory(tmp_path, problem)
    run = tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(mpl), "-o", str(run), "--no-html", "--time-limit", "60"])
    assert result.exit_code == 0, result.output
    assert CliRunner().invoke(main, ["check", str(run)]).exit_code == 0
    graph = json.loads((run / "proofgraph.json").read_text())
    theorem = graph["theorems"][-1]
    steps = theorem["steps"]
    exfalso = [i for i, s in enumerate(steps) if s["kind"] == "not_intro"
               and not any(t["block"] == s["closes"] for t in steps if t["kind"] != "assume")]
    if problem == "isaplanner_prop_31":
        assert not exfalso
        return
    assert exfalso, "the relational proof closes a contradiction block with no step of its own"
    index = exfalso[0]
    earlier = [s["id"] for s in steps[:index] if s["kind"] == "axiom"]
    steps[index]["premises"] = [earlier[0], steps[index]["premises"][1]]  # not a clash any more
    rehash(steps, index)
    (run / "proofgraph.json").write_text(json.dumps(graph, indent=2, sort_keys=True))
    checked = CliRunner().invoke(main, ["check", str(run)])
    assert checked.exit_code == 1 and "not_intro" in checked.output


# ---- relations: order properties conjectured and proved; literal case conditions -------------------

def test_relation_properties_are_found_proved_and_checked(tmp_path):
    """Exploring a theory whose only symbols besides zero and successor are relations: the order
    properties that hold are proved (and check), those that fail are not."""
    mpl = _import(tmp_path, NAT + LE + "(prove (forall ((a Nat)) (le a a)))\n")
    text = mpl.read_text()
    mpl.write_text(text[:text.index("# The goal.")])  # no goal: plain exploration
    run = tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(mpl), "-o", str(run), "--no-html", "--time-limit", "60"])
    assert result.exit_code == 0, result.output
    names = [t["name"] for t in json.loads((run / "proofgraph.json").read_text())["theorems"]]
    assert {"le_reflexive", "le_antisymmetric", "le_transitive", "le_total", "le_connected"} <= set(names)
    assert not {"le_irreflexive", "le_symmetric", "le_asymmetric"} & set(names)  # false: never proved
    assert CliRunner().invoke(main, ["check", str(run)]).exit_code == 0


def test_relation_truth_tables_decide_both_ways_and_screen_false_properties(tmp_path):
    """A relation defined both ways gets a truth table on the numerals, each entry derived from
    the axioms; a relation defined by an existential only where it holds. The refuter reads a
    missing entry as unknown, so a false order property is refuted only where the table decides."""
    theory = load_theory(_import(tmp_path, NAT + LE + "(prove (forall ((a Nat)) (le a a)))\n"))
    table = ground_model(theory, up_to=4).truths["le"]
    assert table == {(a, b): a <= b for a in range(5) for b in range(5)}
    refuted = {c.name for c in relation_conjectures(theory) if counterexample(c.statement, ground_model(theory)) is not None}
    assert {"le_irreflexive", "le_symmetric", "le_asymmetric", "le_in_equality"} <= refuted
    assert not refuted & {"le_reflexive", "le_antisymmetric", "le_transitive", "le_total", "le_connected"}
    order = Path(__file__).parent.parent / "mpl_examples" / "peano.mpl"
    existential = tmp_path / "order.mpl"
    existential.write_text(f'import "{order}"\n'
                           "def LessOrEqual[N, +, le] :=\n"
                           "    (forall a b p: a ∈ N and b ∈ N and p ∈ N and a + p = b -> le(a) = b)\n"
                           "    and (forall a b: le(a) = b -> exists p: p ∈ N and a + p = b)\n"
                           "anchor Order[N, 0, 1, s, +, *, le] := Peano[N, 0, 1, s, +, *] and LessOrEqual[N, +, le]\n")
    positive = ground_model(load_theory(existential), up_to=4).truths["le"]
    assert positive == {(a, b): True for a in range(5) for b in range(5) if a <= b}  # never false
    said = compute_ground(load_theory(existential)).describe()["truths"]  # and the run says so
    assert said == {"le": {"true": 28, "false": 0}}


def test_relation_conjectures_do_not_depend_on_names(tmp_path):
    first = load_theory(_import(tmp_path, NAT + LE + "(prove (forall ((a Nat)) (le a a)))\n", "a.smt2"))
    renamed = NAT.replace("Z", "zero").replace("S", "succ") + LE.replace("le", "below").replace(
        "Z", "zero").replace("(S ", "(succ ") + "(prove (forall ((a Nat)) (below a a)))\n"
    second = load_theory(_import(tmp_path, renamed, "b.smt2"))
    first_names = [c.name for c in relation_conjectures(first)]
    second_names = [c.name.replace("below", "le") for c in relation_conjectures(second)]
    assert first_names == second_names and len(first_names) == 9
    assert relation_conjectures(load_theory(Path(__file__).parent.parent / "mpl_examples" / "peano.mpl")) == []


def test_a_goal_that_needs_a_relation_property_is_proved_with_it(tmp_path):
    mpl = _import(tmp_path, NAT + LE + "(prove (forall ((a Nat) (b Nat)) (or (le a b) (le b a))))\n")
    run = tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(mpl), "-o", str(run), "--no-html", "--time-limit", "60"])
    assert result.exit_code == 0, result.output
    theorems = json.loads((run / "proofgraph.json").read_text())["theorems"]
    assert "le_total" in theorems[-1]["uses"] or "le_connected" in theorems[-1]["uses"]
    assert CliRunner().invoke(main, ["check", str(run)]).exit_code == 0


def test_nested_ite_conditions_become_literal_case_conditions(tmp_path):
    goal = ("(forall ((x Nat) (y Nat) (z Nat)) (= (ite (le x (ite (le y z) y z)) x (ite (le y z) y z)) "
            "(ite (le (ite (le x y) x y) z) (ite (le x y) x y) z)))")
    text = _import(tmp_path, NAT + LE + f"(prove {goal})\n").read_text()
    statement = text[text.index("theorem problem"):]
    assert "not (" not in statement  # every negation is of an atom
    assert load_theory(tmp_path / "problem.mpl").theorems


def test_goal_directed_runs_are_byte_identical_across_executors(tmp_path):
    mpl, _ = _theory(tmp_path, "tip2015_nat_le_trans")
    graphs = []
    for executor, workers in (("local", "1"), ("process", "2"), ("local", "1")):
        run = tmp_path / f"run-{executor}-{len(graphs)}"
        result = CliRunner().invoke(main, ["prove", str(mpl), "-o", str(run), "--no-html",
                                           "--executor", executor, "--workers", workers])
        assert result.exit_code == 0, result.output
        graphs.append((run / "proofgraph.json").read_bytes())
    assert graphs[0] == graphs[1] == graphs[2]


def test_unary_functions_have_ground_tables_and_false_goals_about_them_are_refuted(tmp_path):
    double = "(define-fun-rec double ((x Nat)) Nat (match x ((Z Z) ((S y) (S (S (double y)))))))\n"
    half = "(define-fun-rec half ((x Nat)) Nat (match x ((Z Z) ((S y) (match y ((Z Z) ((S z) (S (half z)))))))))\n"
    mpl = _import(tmp_path, NAT + PLUS + double + half + "(prove (forall ((a Nat)) (= (half (double a)) a)))\n")
    model = ground_model(load_theory(mpl))
    assert model.unary["double"] == {a: 2 * a for a in range(7)}
    assert model.unary["half"] == {a: a // 2 for a in range(7)}
    false = _import(tmp_path, NAT + PLUS + double + half +
                    "(prove (forall ((a Nat)) (distinct (double a) (plus a a))))\n", "false.smt2")
    run = tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(false), "-o", str(run), "--no-html", "--time-limit", "30"])
    assert result.exit_code == 1
    assert json.loads((run / "summary.json").read_text())["goals"][0]["status"] == "refuted"


def test_an_unusual_phrasing_imports_cleanly_and_proves(tmp_path):
    """Constructors in the other order, wildcard patterns, an ite on an equality test: the cases
    the constructors decide are dropped or simplified, the rest proved and checked."""
    text = ("(declare-datatype N ((succ (pred N)) (nil)))\n"
            "(define-fun-rec add ((x N) (y N)) N (match x (((succ k) (succ (add k y))) (_ y))))\n"
            "(define-fun-rec dbl ((x N)) N (ite (= x nil) nil (match x (((succ k) (succ (succ (dbl k)))) (_ nil)))))\n"
            "(prove (forall ((a N) (b N)) (= (add a (succ b)) (succ (add a b)))))\n")
    mpl = _import(tmp_path, text)
    written = mpl.read_text()
    assert "nil ≠ nil" not in written and "succ(k) ≠ nil" not in written
    assert "(forall k: k ∈ N -> dbl(succ(k)) = succ(succ(dbl(k))))" in written
    assert {a: 2 * a for a in range(4)}.items() <= ground_model(load_theory(mpl)).unary["dbl"].items()
    run = tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(mpl), "-o", str(run), "--no-html", "--time-limit", "60"])
    assert result.exit_code == 0, result.output
    assert CliRunner().invoke(main, ["check", str(run)]).exit_code == 0


def test_an_ex_falso_block_of_the_wrong_kind_is_rejected(tmp_path):
    mpl, _ = _theory(tmp_path, "tip2015_nat_le_trans")
    run = tmp_path / "run"
    assert CliRunner().invoke(main, ["prove", str(mpl), "-o", str(run), "--no-html"]).exit_code == 0
    graph = json.loads((run / "proofgraph.json").read_text())
    theorem = graph["theorems"][-1]
    closed = next(s["closes"] for s in theorem["steps"] if s["kind"] == "not_intro"
                  and not any(t["block"] == s["closes"] for t in theorem["steps"] if t["kind"] != "assume"))
    block = next(b for b in theorem["blocks"] if b["id"] == closed)
    block["kind"] = "forall"  # the contradiction block passed off as a universal one
    (run / "proofgraph.json").write_text(json.dumps(graph, indent=2, sort_keys=True))
    checked = CliRunner().invoke(main, ["check", str(run)])
    assert checked.exit_code == 1, checked.output


MAX = ("(define-fun-rec mx ((x Nat) (y Nat)) Nat "
       "(match x ((Z y) ((S z) (match y ((Z x) ((S w) (S (mx z w)))))))))\n")


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["max", "join", "f", "op7"]), st.sampled_from(["le", "below", "R"]),
       st.sampled_from(["N", "Nat", "C"]))
def test_goal_atoms_are_read_as_terms_whatever_the_names(operation, relation, carrier):
    """read_atoms sees through the flat form: the goal's nested term is one term again, guards
    are left out, and nothing depends on the symbols' names."""
    goal = parse_formula(f"forall a b: a ∈ {carrier} and b ∈ {carrier} -> "
                         f"(({relation}(a {operation} b) = b -> {relation}(a) = s(b)) and a {operation} b ∈ E)")
    atoms = read_atoms(goal, {operation: 2, "s": 1}, frozenset({carrier}))
    shown = {(p.relation, tuple(t.text() for t in p.args)) for p in atoms}
    assert shown == {(relation, (f"a {operation} b", "b")), (relation, ("a", "s(b)")), ("E", (f"a {operation} b",))}


def test_the_conditional_laws_a_goal_gets_first_share_an_atom_with_it(tmp_path):
    """isaplanner_prop_25's shape: ``(max(a, b) == b) = (a <= b)``. Before the first exploration
    round only the conditional laws with an atom that has an instance in the goal are tried —
    ``le(x, y) → max(x, y) = y`` and ``max(x, y) = y → le(x, y)`` — and they prove it; a true law
    about the same symbols that shares no atom with it (``max(x, y) = Z → x = Z``) waits."""
    eq = ("(define-fun-rec eqn ((x Nat) (y Nat)) Bool (match x ((Z (match y ((Z true) ((S z) false)))) "
          "((S x2) (match y ((Z false) ((S y2) (eqn x2 y2))))))))\n")
    goal = "(forall ((a Nat) (b Nat)) (= (eqn (mx a b) b) (le a b)))"
    mpl = _import(tmp_path, NAT + MAX + eq + LE + f"(prove {goal})\n")
    theory = load_theory(mpl)
    statement = theory.theorems[0].formula
    shares = lambda text: shares_an_atom(theory, parse_formula(text), (statement,))
    assert shares("forall x y: x ∈ Nat and y ∈ Nat and le(x) = y -> x mx y = y")
    assert shares("forall x y: x ∈ Nat and y ∈ Nat and x mx y = y -> le(x) = y")
    assert not shares("forall x y: x ∈ Nat and y ∈ Nat and x mx y = Z -> x = Z")
    assert not shares("forall x y: x ∈ Nat and y ∈ Nat and x mx y = y -> x = y")
    run = tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(mpl), "-o", str(run), "--no-html", "--max-rounds", "0"])
    assert result.exit_code == 0, result.output
    proved = [line for line in (run / "theorems.mpl").read_text().splitlines() if line.startswith("theorem cond")]
    assert proved and all(shares(line.split(":=", 1)[1]) for line in proved)
    assert CliRunner().invoke(main, ["check", str(run)]).exit_code == 0


def test_equations_true_at_the_small_points_only_are_not_conjectured(tmp_path, monkeypatch):
    """``fac`` grows fast: ``x · fac(x) = x · x`` holds for x ≤ 2 and fails at 3. The wider
    points of the ground model split such a class, and the true law between its members
    (``qfac(x, y) = y · fac(x)``) is still conjectured."""
    fac = "(define-fun-rec fac ((x Nat)) Nat (match x ((Z (S Z)) ((S y) (times x (fac y))))))\n"
    qfac = "(define-fun-rec qfac ((x Nat) (y Nat)) Nat (match x ((Z y) ((S z) (qfac z (times x y))))))\n"
    mpl = _import(tmp_path, NAT + PLUS + TIMES + fac + qfac + "(prove (forall ((x Nat)) (= (fac x) (qfac x (S Z)))))\n")
    theory = load_theory(mpl)
    model = ground_model(theory)
    false = "forall x: x ∈ Nat -> x times fac(x) = x times x"
    generation = conjectures(theory, [model], max_size=5)
    texts = {eq.text for eq in generation.equations}
    assert generation.split_at_wider_points > 0 and false not in texts
    assert "forall x y: x ∈ Nat and y ∈ Nat -> x qfac y = y times fac(x)" in texts
    monkeypatch.setattr("genlogic.explore.conjectures.WIDER", range(0))  # the small points alone
    assert false in {eq.text for eq in conjectures(theory, [model], max_size=5).equations}
