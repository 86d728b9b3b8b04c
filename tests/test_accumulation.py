"""Definitions by accumulation (explore/accumulation.py): a fold written as "an accumulator
exists" is recognised by the meaning of its parts, however they are phrased and named, its
recursion is conjectured as two lemmas, and Gauss's formula follows from gauss.mpl alone (issue 13).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from genlogic.check import check_run
from genlogic.cli import main
from genlogic.engine.terms import Term, apply, leaf
from genlogic.explore.accumulation import accumulations, lemmas, unstated
from genlogic.mpl.printer import readable
from genlogic.theory.build import load_theory

EXAMPLES = Path(__file__).parent.parent / "mpl_examples"
GAUSS = EXAMPLES / "gauss.mpl"
SOURCE = GAUSS.read_text(encoding="utf-8")
HEAD = SOURCE[:SOURCE.index("# p is the sum")]  # the import, ≤, the interval, a function on a set
TAIL = SOURCE[SOURCE.index("# id is the identity"):SOURCE.index("# Gauss:")]  # the identity, the anchor

# each clause of the fold, phrased several ways ({g}: the accumulator, {f}: the sequence, {M}: the set)
BASES = [
    "(forall q: {f}({n}) = q -> {g}({n}) = q)",
    "(forall q: {g}({n}) = q -> {f}({n}) = q)",
    "{g}({n}) = {f}({n})",
]
STEPS = [
    "(forall i j r t q: i ∈ {M} and s(i) = j and j ∈ {M} and {g}(i) = r and {f}(j) = t and {g}(j) = q -> r + t = q)",
    "(forall i j: i ∈ {M} and s(i) = j and j ∈ {M} -> {g}(j) = {g}(i) + {f}(j))",
    "(forall i: i ∈ {M} and s(i) ∈ {M} -> {g}(i) + {f}(s(i)) = {g}(s(i)))",
]
ENDS = ["{g}({m}) = {p}", "{p} = {g}({m})"]


def _theory(text: str) -> object:
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(EXAMPLES / "peano.mpl", Path(folder) / "peano.mpl")
        path = Path(folder) / "fold.mpl"
        path.write_text(text, encoding="utf-8")
        return load_theory(path)


@st.composite
def folds(draw) -> tuple[str, dict[str, str]]:
    """A definition of the fold: its clauses phrased and ordered at random, its names renamed."""
    names = {
        "D": draw(st.sampled_from(["Fold", "Sum", "Accumulate"])),
        "g": draw(st.sampled_from(["g", "acc", "h"])),
        "f": draw(st.sampled_from(["f", "seq"])),
        "M": draw(st.sampled_from(["M", "S"])),
        "n": draw(st.sampled_from(["n", "a"])),
        "m": draw(st.sampled_from(["m", "b"])),
        "p": draw(st.sampled_from(["p", "out"])),
    }
    parts = [
        "Interval[N, +, {n}, {m}, {M}]",
        "FunctionOn[{g}, {M}, N]",
        draw(st.sampled_from(BASES)),
        draw(st.sampled_from(STEPS)),
        draw(st.sampled_from(ENDS)),
    ]
    order = draw(st.permutations(range(len(parts))))
    body = " and ".join(parts[i].format(**names) for i in order)
    text = "def {D}[N, +, s, {f}, {n}, {m}, {p}] := exists {M} {g}: ".format(**names) + body + "\n"
    goal = "theorem goal := forall k r: k ∈ N and {D}[N, +, s, id, 0, k, r] -> s(1) * r = k * s(k)\n".format(**names)
    return HEAD + text + TAIL + goal, names


@settings(max_examples=30, deadline=None)
@given(folds())
def test_a_fold_is_recognised_however_it_is_phrased(fold):
    text, names = fold
    theory = _theory(text)
    (found,) = accumulations(theory)
    params = found.definition.params
    assert found.definition.name == names["D"]
    assert (params[found.start], params[found.end], params[found.output]) == (names["n"], names["m"], names["p"])
    assert found.base == apply(names["f"], (leaf(names["n"], False),))
    index = Term(1, found.index, (), True)
    accumulated = Term(1, found.accumulated, (), True)
    term = apply(names["f"], (apply("s", (index,)),))
    assert found.step_term in (apply("+", (accumulated, term)), apply("+", (term, accumulated)))
    # the lemmas are stated for the goal's instance (the identity sequence, from 0)
    texts = [readable(lemma.statement) for lemma in lemmas(theory, tuple(t.formula for t in theory.theorems),
                                                            frozenset())]
    assert len(texts) == 2, texts
    assert all(f"{names['D']}[N, +, s, id, 0," in text for text in texts), texts


def test_what_is_no_accumulation_is_not_taken_for_one():
    """The interval, a function on a set, a sequence and the identity have no accumulator; a
    "fold" whose next value does not depend on the last one has no recursion to state."""
    text = HEAD + (
        "def Jump[N, s, f, n, m, p] := exists g: (forall q: f(n) = q -> g(n) = q)"
        " and (forall i j t: s(i) = j and f(i) = t -> g(j) = t) and g(m) = p\n"
    ) + TAIL
    theory = _theory(text)
    assert accumulations(theory) == []


def test_gauss_is_proved_from_its_definitions_alone(tmp_path):
    """``genlogic prove gauss.mpl`` with no other input: peano.mpl is explored first in the same
    run (its anchor is imported by Gauss's), the fold's recursion is conjectured and proved, and
    the formula by induction with the Peano laws — every proof in one graph the kernel checks."""
    shutil.copy(EXAMPLES / "peano.mpl", tmp_path / "peano.mpl")
    shutil.copy(GAUSS, tmp_path / "gauss.mpl")
    out = tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(tmp_path / "gauss.mpl"), "-o", str(out), "--no-html", "--json",
                                       "--time-limit", "120"], catch_exceptions=False)
    summary = json.loads(result.output)
    assert [(g["name"], g["status"]) for g in summary["goals"]] == [("gauss", "proved")]
    assert summary["from"] == [{"explored": str(tmp_path / "peano.mpl"), "theory": "Peano",
                                "theorems": summary["from"][0]["theorems"]}]
    graph = json.loads((out / "proofgraph.json").read_text())
    origins = {t["name"]: t["origin"]["source"] for t in graph["theorems"]}
    assert origins["fold_base"] == origins["fold_step"] == "conjecture"
    assert [(lemma["name"], lemma["proved"]) for lemma in summary["accumulation"]] == [("fold_base", True),
                                                                                      ("fold_step", True)]
    assert origins["gauss"] == "stated"
    assert any(source == "imported" for source in origins.values())
    report = check_run(out)
    assert report.ok, report.render()


def test_a_renamed_and_rephrased_gauss_is_proved_as_well(tmp_path):
    """The same theory with the fold renamed and its clauses phrased otherwise (the base as a
    nested term, the step's equation the other way round with its sum's terms swapped, the
    accumulator quantified first, the parts in another order), the goal too. A step clause whose
    conclusion nests terms (``acc(j) = seq(j) + acc(i)``) is recognised (above) but its lemma is
    not proved in two minutes: docs/performance.md."""
    shutil.copy(EXAMPLES / "peano.mpl", tmp_path / "peano.mpl")
    text = HEAD + (
        "def Sum[N, +, s, seq, a, b, out] := exists acc S: out = acc(b) and acc(a) = seq(a)"
        " and (forall i j r t q: i ∈ S and s(i) = j and j ∈ S and acc(i) = r and seq(j) = t and acc(j) = q"
        " -> q = t + r)"
        " and Interval[N, +, a, b, S] and FunctionOn[acc, S, N]\n" + TAIL +
        "theorem twice_the_sum := forall k r: k ∈ N and Sum[N, +, s, id, 0, k, r] -> k * s(k) = r + r\n"
    )
    (tmp_path / "sum.mpl").write_text(text, encoding="utf-8")
    out = tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(tmp_path / "sum.mpl"), "-o", str(out), "--no-html", "--json",
                                       "--time-limit", "120"], catch_exceptions=False)
    summary = json.loads(result.output)
    assert [(g["name"], g["status"]) for g in summary["goals"]] == [("twice_the_sum", "proved")]
    report = check_run(out)
    assert report.ok, report.render()


def test_without_goals_exploration_states_the_recursion_of_some_instances(tmp_path):
    """gauss.mpl without its theorem: the fold's recursion is conjectured for instances built from
    the theory's constants of each parameter's kind (+ or ·, s or id), and proved for the sums."""
    shutil.copy(EXAMPLES / "peano.mpl", tmp_path / "peano.mpl")
    (tmp_path / "defs.mpl").write_text(SOURCE[:SOURCE.index("# Gauss:")], encoding="utf-8")
    out = tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(tmp_path / "defs.mpl"), "-o", str(out), "--no-html", "--json",
                                       "--time-limit", "120"], catch_exceptions=False)
    summary = json.loads(result.output)
    lemmas_ = {lemma["statement"]: lemma["proved"] for lemma in summary["accumulation"]}
    assert len(lemmas_) == 8
    sums = [text for text in lemmas_ if "Fold[N, +, s, id," in text]
    assert len(sums) == 2 and all(lemmas_[text] for text in sums), summary["accumulation"]
    assert check_run(out).ok


def test_an_instance_the_lemmas_may_not_serve_is_named():
    """A goal's fold from 1 (the lemmas are stated from the schema's base, 0) and one along
    another function than the successor are said in the summary's notes, not passed over."""
    text = HEAD + SOURCE[SOURCE.index("# p is the sum"):SOURCE.index("# Gauss:")] + (
        "theorem from_one := forall n m p: n ∈ N and s(n) = m and Fold[N, +, s, id, 1, m, p] -> s(1) * p = m * s(m)\n"
        "theorem along_id := forall n p: n ∈ N and Fold[N, +, id, id, 0, n, p] -> p = p\n")
    theory = _theory(text)
    notes = unstated(theory, tuple(t.formula for t in theory.theorems))
    assert notes == ["Fold[N, +, s, id, 1, m, p]: it starts at 1, the recursion lemmas are stated from 0",
                     "Fold[N, +, id, id, 0, n, p]: its step id is no induction schema's step, "
                     "so no recursion lemma is stated for it"]
