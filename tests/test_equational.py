"""Equational proving: laws read from relational formulas, the path order, ordered rewriting, and
replayed proofs that the independent kernel accepts (and false equations that are never proved)."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from click.testing import CliRunner

from genlogic import proofgraph
from genlogic.cli import main
from genlogic.check import check_run
from genlogic.engine.equational import attempt_equation, context, joinable
from genlogic.engine.goal import KnownTheorem
from genlogic.engine.laws import read_law
from genlogic.engine.rewrite import Order, Rewriter, rewrites
from genlogic.engine.terms import Term, apply, fix, leaf
from genlogic.explore.conjectures import conjectures
from genlogic.explore.model import ground_model
from genlogic.mpl.parser import parse_formula
from genlogic.runs import write_run
from genlogic.theory.build import load_theory

ROOT = Path(__file__).parent.parent
PEANO = ROOT / "mpl_examples" / "peano.mpl"
RENAMED = ROOT / "tests" / "data" / "peano_renamed.mpl"


@pytest.fixture(scope="module")
def peano():
    theory = load_theory(PEANO)
    return theory, context(theory)


def equation(text: str):
    variables = [v for v in "xyz" if v in text.replace("s(", "")]
    guards = " and ".join(f"{v} ∈ N" for v in variables)
    return parse_formula(f"forall {' '.join(variables)}: {guards} -> {text}")


def test_laws_are_read_from_the_axioms_by_shape(peano):
    theory, ctx = peano
    texts = {f"{law.left.text()} = {law.right.text()}" for _, law in ctx.laws}
    assert texts == {"s(0) = 1", "a + 0 = a", "a + s(b) = s(a + b)", "a * 0 = 0", "a * s(b) = (a * b) + a"}
    # totality, injectivity and induction axioms are not laws; functionality gives a trivial one
    assert read_law(theory.axioms[1], ctx.operations) is None
    assert read_law(theory.axioms[3], ctx.operations) is None
    assert read_law(theory.axioms[5], ctx.operations) is None


def test_renamed_theory_has_the_same_precedence_shape():
    original, renamed = context(load_theory(PEANO)), context(load_theory(RENAMED))
    assert list(original.rank.values()) == list(renamed.rank.values())
    # a defined constant unfolds: 1 = s(0) is oriented from 1, + is above s, * above +
    assert original.rank["1"] > original.rank["s"] and original.rank["*"] > original.rank["+"] > original.rank["s"]


SYMBOLS = {"0": 0, "1": 0, "x": 0, "y": 0, "s": 1, "+": 2, "*": 2}


def ground_terms(depth: int = 4):
    leaves = st.sampled_from([leaf(name, False) for name, arity in SYMBOLS.items() if arity == 0])
    return st.recursive(
        leaves,
        lambda inner: st.builds(lambda a: apply("s", (a,)), inner)
        | st.builds(lambda op, a, b: apply(op, (a, b)), st.sampled_from(["+", "*"]), inner, inner),
        max_leaves=depth,
    )


@settings(max_examples=300, deadline=None)
@given(ground_terms(), ground_terms(), ground_terms())
def test_path_order_is_a_strict_total_order_on_ground_terms(a: Term, b: Term, c: Term):
    order = Order(context(load_theory(PEANO)).rank)
    assert not order.greater(a, a)
    if a != b:
        assert order.greater(a, b) != order.greater(b, a)
    if order.greater(a, b) and order.greater(b, c):
        assert order.greater(a, c)
    for arg in a.args:
        assert order.greater(a, arg)


@settings(max_examples=200, deadline=None)
@given(ground_terms(6))
def test_normal_forms_are_irreducible_and_chains_connect(term: Term):
    theory = load_theory(PEANO)
    ctx = context(theory)
    known = [KnownTheorem("comm", equation("x + y = y + x")), KnownTheorem("zero", equation("0 + x = x"))]
    laws = list(ctx.laws) + [(k.name, read_law(k.statement, ctx.operations)) for k in known]
    order = Order(ctx.rank)
    rewriter = Rewriter(order, rewrites(order, laws))
    normal, uses = rewriter.normalise(term)
    again, more = rewriter.normalise(normal)
    assert again == normal and not more
    chain = rewriter.join(term, normal)
    assert chain is not None and chain.terms()[0] == term and chain.terms()[-1] == normal


LEMMAS = [
    ("zero_add", "0 + x = x", "x"),
    ("succ_add", "s(x) + y = s(x + y)", "y"),
    ("add_comm", "x + y = y + x", "y"),
    ("add_assoc", "(x + y) + z = x + (y + z)", "z"),
    ("left_comm", "y + (x + z) = x + (y + z)", "z"),
    ("one_add", "x + 1 = s(x)", None),
    ("zero_mul", "0 * x = 0", "x"),
    ("succ_mul", "s(x) * y = y + (x * y)", "y"),
    ("mul_comm", "x * y = y * x", "y"),
    ("left_dist", "x * (y + z) = (x * y) + (x * z)", "z"),
    ("mul_assoc", "(x * y) * z = x * (y * z)", "z"),
    ("right_dist", "(x + y) * z = (x * z) + (y * z)", None),
]


def test_replayed_proofs_check_in_the_kernel(peano, tmp_path):
    """A chain of lemmas up to the six laws, each proved by rewriting — directly or by induction
    on the named variable — with the earlier ones known, every step re-derived by the kernel."""
    theory, ctx = peano
    known: list[KnownTheorem] = []
    proved = []
    for round_number, (name, text, variable) in enumerate(LEMMAS, start=1):
        statement = equation(text)
        result = attempt_equation(ctx, name, statement, tuple(known), variable)
        assert result.proof is not None, name
        method = "induction" if variable else "corollary"
        proved.append(proofgraph.ProvedTheorem(result.proof, "conjecture", round_number, method))
        known.append(KnownTheorem(name, statement))
    write_run(tmp_path / "run", PEANO, theory.name, proved, {"mode": "test"})
    report = check_run(tmp_path / "run")
    assert report.ok, report.render()
    assert {"left_dist", "mul_comm"} <= set(proved[-1].proof.uses)


@pytest.mark.parametrize("text", ["x + y = x", "x * y = x + y", "s(x) * y = x * s(y)", "x + (y * z) = (x + y) * z"])
def test_false_equations_are_never_proved(peano, text):
    theory, ctx = peano
    known = tuple(KnownTheorem(name, equation(t)) for name, t, _ in LEMMAS)
    statement = equation(text)
    for variable in [None, "x", "y", "z"]:
        if variable is None or variable in text:
            assert attempt_equation(ctx, "false", statement, known, variable).proof is None


def test_joinable_means_following_directly(peano):
    _, ctx = peano
    follows = joinable(ctx, (KnownTheorem("add_comm", equation("x + y = y + x")),))
    assert follows(equation("(x + y) + 0 = y + x")) == ("add_comm",)
    assert follows(equation("x + 0 = x")) == ()
    assert follows(equation("(x + y) + z = x + (y + z)")) is None


def test_permutative_laws_do_not_make_an_orientable_law_a_corollary(peano):
    """Commutativity and left commutativity join ``(x * y) * z`` and ``x * (y * z)`` with the
    variables fixed in one order, but not ``(a * b) * f(a)`` for every a and b: associativity is
    no corollary of them and must be proved (and so becomes a rewrite). An instance of
    commutativity that repeats a variable still is one."""
    _, ctx = peano
    known = (KnownTheorem("mul_comm", equation("x * y = y * x")),
             KnownTheorem("mul_left_comm", equation("x * (y * z) = y * (x * z)")),
             KnownTheorem("add_comm", equation("x + y = y + x")))
    follows = joinable(ctx, known)
    assert follows(equation("(x * y) * z = x * (y * z)")) is None
    assert follows(equation("(x * y) + x = x + (x * y)")) == ("add_comm",)
    assert follows(equation("y * (x * z) = x * (y * z)")) == ("mul_left_comm",)


def test_a_general_law_that_needs_permutative_rewrites_is_no_corollary(peano):
    """With commutativity and the left distributive law, the right one joins (the variables
    fixed, commutativity may move z to the left), yet the rewriter cannot use it on every
    instance: it is proved, and so becomes a rule. Its instance with a repeated variable, an
    operation applied to ``x`` twice, still follows directly."""
    _, ctx = peano
    known = (KnownTheorem("mul_comm", equation("x * y = y * x")),
             KnownTheorem("left_dist", equation("x * (y + z) = (x * y) + (x * z)")))
    rules = Rewriter(ctx.order, rewrites(ctx.order, [(k.name, read_law(k.statement, ctx.operations)) for k in known]
                                         + list(ctx.laws)))
    right = read_law(equation("(x + y) * z = (x * z) + (y * z)"), ctx.operations)
    chain = rules.join(fix(right.left), fix(right.right))
    assert chain is not None and any(use.rewrite.ordered for use in chain.uses)  # it does join
    follows = joinable(ctx, known)
    assert follows(equation("(x + y) * z = (x * z) + (y * z)")) is None
    assert follows(equation("(x + y) * x = (x * x) + (y * x)")) == ("left_dist", "mul_comm")


ABBREVIATION = """
anchor N1[N, zero, one, succ, add, mul, power] :=
    NaturalNumbers[N, zero, succ]
    and one = succ(zero)
    and BinaryOperation[N, add] and BinaryOperation[N, mul] and BinaryOperation[N, power]
    and (forall y: y ∈ N -> add(zero, y) = y)
    and (forall x y: x ∈ N and y ∈ N -> add(succ(x), y) = succ(add(x, y)))
    and (forall y: y ∈ N -> mul(zero, y) = zero)
    and (forall x y: x ∈ N and y ∈ N -> mul(succ(x), y) = add(y, mul(x, y)))
    and (forall x: x ∈ N -> power(x, zero) = succ(zero))
    and (forall x y: x ∈ N and y ∈ N -> power(x, succ(y)) = mul(x, power(x, y)))
"""


def test_a_constant_defined_by_a_term_is_unfolded_in_hypotheses_and_left_out_of_terms(tmp_path):
    """``one = succ(zero)``: the rewriter unfolds ``one``, so an induction hypothesis about
    ``power(one, n)`` must be read with ``succ(zero)`` in its place or it never applies; and
    conjectures are built without ``one`` (a term with it is never in normal form)."""
    source = tmp_path / "one.mpl"
    prelude = (ROOT / "mpl_examples" / "peano.mpl").read_text()
    start = prelude.index("def UnaryFunction")
    end = prelude.index("anchor ")
    source.write_text(prelude[start:end] + ABBREVIATION)
    theory = load_theory(source)
    ctx = context(theory)
    assert set(ctx.unfold) == {"one"} and ctx.unfold["one"].text() == "succ(zero)"
    statement = parse_formula("forall x: x ∈ N -> power(one, x) = succ(zero)")
    result = attempt_equation(ctx, "one_power", statement, (), "x")
    assert result.proof is not None
    write_run(tmp_path / "run", source, theory.name,
              [proofgraph.ProvedTheorem(result.proof, "conjecture", 1, "induction")], {"mode": "test"})
    assert check_run(tmp_path / "run").ok
    generation = conjectures(theory, [ground_model(theory)], max_size=4)
    assert generation.equations and not any("one" in eq.text for eq in generation.equations)


ALIASES = """
anchor A[N, zero, nought, two, succ, add] :=
    NaturalNumbers[N, zero, succ] and nought = zero and two = succ(succ(nought))
    and BinaryOperation[N, add]
    and (forall a: a ∈ N -> add(a, zero) = a)
    and (forall a b: a ∈ N and b ∈ N -> add(a, succ(b)) = succ(add(a, b)))
theorem left_zero := forall x: x ∈ N -> add(nought, x) = x
theorem two_left := forall x: x ∈ N -> add(two, x) = succ(succ(x))
"""


def test_constants_defined_by_constants_and_nested_terms_give_proofs_the_kernel_accepts(tmp_path):
    """``nought = zero`` (a constant for a constant) and ``two = succ(succ(nought))`` (unfolded
    twice): the stated goals are proved by induction and every step checks. Unfolding once
    reached the replay's root scope and produced steps citing a block they were not in."""
    prelude = (ROOT / "mpl_examples" / "peano.mpl").read_text()
    source = tmp_path / "aliases.mpl"
    source.write_text(prelude[prelude.index("def UnaryFunction"):prelude.index("anchor ")] + ALIASES)
    run = tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(source), "-o", str(run), "--no-html"])
    assert result.exit_code == 0, result.output
    assert check_run(run).ok
