"""The independent proof checker (genlogic/check/) against hand-written proof graphs.

The valid proofs below are built step by step with :class:`Proof`, which computes step ids as
docs/proofgraph.md says (first 16 hex digits of the SHA-256 of the sorted-keys, no-spaces JSON of
the step without its id). Every step kind occurs in at least one valid proof; every kind also has
invalid variants, made by changing one step and re-hashing the graph, which must be rejected
with a sensible reason. Hypothesis then throws garbage at ``check_run``: it must never raise.
"""

from __future__ import annotations

import copy
import hashlib
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from genlogic.check import Report, check_run
from genlogic.check.kernel import RULES, same
from genlogic.mpl.parser import parse_formula
from genlogic.mpl.printer import core
from genlogic.proofgraph import imported_files
from .strategies import formulas

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "proofs"
TINY = DATA / "tiny.mpl"
PEANO = ROOT / "mpl_examples" / "peano.mpl"

# The axioms of tests/data/proofs/tiny.mpl, by index.
AX = [
    "(in[0,N])",
    "(>[x](in[x,N])(in[x,M]))",
    "(>[x](in[x,N])!(>[y](in2[x,y,s])!(in[y,N])))",
    "(=[a,0])",
    "(>[x,y](&(in[x,M])(in[y,M]))(>[z](in3[x,y,z,+])(in[z,M])))",
    "(in3[0,0,e,+])",
    "!(in[b,N])",
]


def step_id(step: dict) -> str:
    content = {k: v for k, v in step.items() if k != "id"}
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Proof:
    """Builds one THEOREM object; ``step`` returns the new step's id."""

    def __init__(self, name: str, statement: str):
        self.name, self.statement = name, statement
        self.blocks = [{"id": "b0", "kind": "root", "parent": None, "params": []}]
        self.steps: list[dict] = []

    def block(self, block_id: str, kind: str, parent: str = "b0", params=()) -> str:
        self.blocks.append({"id": block_id, "kind": kind, "parent": parent, "params": list(params)})
        return block_id

    def step(self, kind: str, formula: str, *premises: str, block: str = "b0", **extra) -> str:
        step = {"block": block, "kind": kind, "formula": formula, "premises": list(premises), **extra}
        step["id"] = step_id(step)
        self.steps.append(step)
        return step["id"]

    def done(self) -> dict:
        uses = sorted({s["theorem"] for s in self.steps if s["kind"] == "theorem"})
        return {
            "name": self.name,
            "statement": self.statement,
            "uses": uses,
            "origin": {"source": "stated", "block": self.name, "round": 1},
            "blocks": self.blocks,
            "steps": self.steps,
        }


def graph(theorems: list[dict], theory: Path = TINY, path: str | None = None) -> dict:
    return {
        "format": "genlogic-proofgraph",
        "schema": 2,
        "generator": "genlogic tests",
        "theory": {
            "path": path if path is not None else str(theory),
            "sha256": sha256(theory),
            "imports": imported_files(theory),
            "name": theory.stem,
        },
        "theorems": theorems,
    }


def run(tmp_path: Path, data: object, theory_path: Path | None = None) -> Report:
    (tmp_path / "proofgraph.json").write_text(json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False), encoding="utf-8")
    return check_run(tmp_path, theory_path)


# --- valid proofs in the tiny theory -----------------------------------------------------------------


def zero_in_M() -> dict:
    p = Proof("zero_in_M", "(in[0,M])")
    s0 = p.step("axiom", AX[0], axiom=0)
    s1 = p.step("axiom", AX[1], axiom=1)
    p.step("apply", "(in[0,M])", s1, s0, subst={"x": "0"}, levels=1)
    return p.done()


def sub_N_M() -> dict:
    p = Proof("sub_N_M", "(Sub[N,M])")
    s0 = p.step("axiom", AX[1], axiom=1)
    p.step("fold", "(Sub[N,M])", s0)
    return p.done()


def sub_unfolded() -> dict:
    """Unfold, up to the name of the bound variable."""
    p = Proof("sub_unfolded", "(>[u](in[u,N])(in[u,M]))")
    s0 = p.step("theorem", "(Sub[N,M])", theorem="sub_N_M")
    p.step("unfold", "(>[u](in[u,N])(in[u,M]))", s0)
    return p.done()


def a_in_M() -> dict:
    p = Proof("a_in_M", "(in[a,M])")
    s0 = p.step("theorem", "(in[0,M])", theorem="zero_in_M")
    s1 = p.step("axiom", AX[3], axiom=3)
    s2 = p.step("eq_symm", "(=[0,a])", s1)
    p.step("eq_subst", "(in[a,M])", s0, s2)
    return p.done()


def e_in_M() -> dict:
    """apply through two levels of (>[x̄](A)(B))."""
    p = Proof("e_in_M", "(in[e,M])")
    s0 = p.step("theorem", "(in[0,M])", theorem="zero_in_M")
    s1 = p.step("axiom", AX[4], axiom=4)
    s2 = p.step("axiom", AX[5], axiom=5)
    p.step("apply", "(in[e,M])", s1, s0, s0, s2, subst={"x": "0", "y": "0", "z": "e"}, levels=2)
    return p.done()


SUCC_IN_M = "(>[x](in[x,N])!(>[y](in2[x,y,s])!(in[y,M])))"


def succ_in_M() -> dict:
    """forall block, witness inside it, exists_intro, forall_intro."""
    p = Proof("succ_in_M", SUCC_IN_M)
    b1 = p.block("b1", "forall", params=["c"])
    s0 = p.step("assume", "(in[c,N])", block=b1)
    s1 = p.step("axiom", AX[2], axiom=2)  # in the root block, cited from b1
    s2 = p.step("apply", "!(>[y](in2[c,y,s])!(in[y,N]))", s1, s0, block=b1, subst={"x": "c"}, levels=1)
    s3 = p.step("witness", "(&(in2[c,d,s])(in[d,N]))", s2, block=b1, witnesses={"y": "d"})
    s4 = p.step("and_elim", "(in2[c,d,s])", s3, block=b1, side=0)
    s5 = p.step("and_elim", "(in[d,N])", s3, block=b1, side=1)
    s6 = p.step("axiom", AX[1], block=b1, axiom=1)
    s7 = p.step("apply", "(in[d,M])", s6, s5, block=b1, subst={"x": "d"}, levels=1)
    s8 = p.step("exists_intro", "!(>[y](in2[c,y,s])!(in[y,M]))", s4, s7, block=b1, subst={"y": "d"})
    p.step("forall_intro", SUCC_IN_M, s8, closes=b1)
    return p.done()


def not_b_and_0() -> dict:
    """contradiction block and not_intro, with Q in the root block."""
    p = Proof("not_b_and_0", "!(&(in[b,N])(in[0,N]))")
    b1 = p.block("b1", "contradiction")
    s0 = p.step("assume", "(&(in[b,N])(in[0,N]))", block=b1)
    s1 = p.step("and_elim", "(in[b,N])", s0, block=b1, side=0)
    s2 = p.step("axiom", AX[6], axiom=6)
    p.step("not_intro", "!(&(in[b,N])(in[0,N]))", s1, s2, closes=b1)
    return p.done()


def zero_in_N_twice(sibling: bool = False) -> dict:
    """Two sibling contradiction blocks and double negation. With ``sibling`` the second block
    cites a step of the first (invalid)."""
    p = Proof("zero_in_N_twice", "(&(in[0,N])(in[0,N]))")
    b1 = p.block("b1", "contradiction")
    s0 = p.step("assume", "!(in[0,N])", block=b1)
    s1 = p.step("axiom", AX[0], block=b1, axiom=0)
    s2 = p.step("not_intro", "!!(in[0,N])", s1, s0, closes=b1)
    s3 = p.step("double_neg", "(in[0,N])", s2)
    b2 = p.block("b2", "contradiction")
    s4 = p.step("assume", "!(in[0,N])", block=b2)
    s5 = s1 if sibling else p.step("axiom", AX[0], block=b2, axiom=0)
    s6 = p.step("not_intro", "!!(in[0,N])", s5, s4, closes=b2)
    s7 = p.step("double_neg", "(in[0,N])", s6)
    p.step("and_intro", "(&(in[0,N])(in[0,N]))", s3, s7)
    return p.done()


def equalities() -> dict:
    p = Proof("equalities", "(&(&(=[0,a])(=[a,a]))(=[0,0]))")
    s0 = p.step("axiom", AX[3], axiom=3)
    s1 = p.step("eq_symm", "(=[0,a])", s0)
    s2 = p.step("eq_trans", "(=[a,a])", s0, s1)
    s3 = p.step("eq_refl", "(=[0,0])")
    s4 = p.step("and_intro", "(&(=[0,a])(=[a,a]))", s1, s2)
    p.step("and_intro", "(&(&(=[0,a])(=[a,a]))(=[0,0]))", s4, s3)
    return p.done()


def some_N_not_b() -> dict:
    """exists_intro for !(>[y](G)(H)) with H not a negation: parts are G[σ], !H[σ]."""
    p = Proof("some_N_not_b", "!(>[y](in[y,N])(=[y,b]))")
    b1 = p.block("b1", "contradiction")
    s0 = p.step("assume", "(=[0,b])", block=b1)
    s1 = p.step("axiom", AX[0], axiom=0)
    s2 = p.step("eq_subst", "(in[b,N])", s1, s0, block=b1)
    s3 = p.step("axiom", AX[6], axiom=6)
    s4 = p.step("not_intro", "!(=[0,b])", s2, s3, closes=b1)
    p.step("exists_intro", "!(>[y](in[y,N])(=[y,b]))", s1, s4, subst={"y": "0"})
    return p.done()


def some_M() -> dict:
    """witness in the root block from a non-negated H; exists_intro of ∃y G (H is !G)."""
    p = Proof("some_M", "!(>[y](in[y,M])!(in[y,M]))")
    s0 = p.step("theorem", "!(>[y](in[y,N])(=[y,b]))", theorem="some_N_not_b")
    s1 = p.step("witness", "(&(in[w,N])!(=[w,b]))", s0, witnesses={"y": "w"})
    s2 = p.step("and_elim", "(in[w,N])", s1, side=0)
    s3 = p.step("axiom", AX[1], axiom=1)
    s4 = p.step("apply", "(in[w,M])", s3, s2, subst={"x": "w"}, levels=1)
    p.step("exists_intro", "!(>[y](in[y,M])!(in[y,M]))", s4, subst={"y": "w"})
    return p.done()


def tiny_theorems() -> list[dict]:
    return [
        zero_in_M(),
        sub_N_M(),
        sub_unfolded(),
        a_in_M(),
        e_in_M(),
        succ_in_M(),
        not_b_and_0(),
        zero_in_N_twice(),
        equalities(),
        some_N_not_b(),
        some_M(),
    ]


def one_ne_zero() -> dict:
    """Peano: 1 ≠ 0, from s(0) = 1 and s(n) ≠ 0."""
    p = Proof("one_ne_zero", "!(=[1,0])")
    b1 = p.block("b1", "contradiction")
    s0 = p.step("assume", "(=[1,0])", block=b1)
    s1 = p.step("axiom", "(in2[0,1,s])", axiom=6)
    s2 = p.step("eq_subst", "(in2[0,0,s])", s1, s0, block=b1)
    s3 = p.step("axiom", "(in[0,N])", axiom=0)
    s4 = p.step("axiom", "(>[n](in[n,N])!(in2[n,0,s]))", axiom=4)
    s5 = p.step("apply", "!(in2[0,0,s])", s4, s3, subst={"n": "0"}, levels=1)
    p.step("not_intro", "!(=[1,0])", s2, s5, closes=b1)
    return p.done()


def peano_graph(theory: Path = PEANO, path: str = "mpl_examples/peano.mpl") -> dict:
    return graph([one_ne_zero()], theory, path)


STORED_RUN = DATA / "peano_run"  # proofgraph.json and a frozen copy of peano.mpl
INDUCTION_RUN = DATA / "induction_run"  # the engine's proof of 0 + a = a by induction on a


def induction_theorem() -> dict:
    return json.loads((INDUCTION_RUN / "proofgraph.json").read_text(encoding="utf-8"))["theorems"][0]


# --- helpers for invalid variants ------------------------------------------------------------------


def rehash(theorem: dict) -> dict:
    """Recompute every step id in order, following the new ids in premises."""
    renamed: dict[str, str] = {}
    for step in theorem["steps"]:
        if isinstance(step.get("premises"), list):
            step["premises"] = [renamed.get(p, p) if isinstance(p, str) else p for p in step["premises"]]
        old = step.get("id")
        step["id"] = step_id(step)
        if isinstance(old, str):
            renamed[old] = step["id"]
    return theorem


def changed(theorem: dict, index: int, fields: dict) -> dict:
    """A copy of ``theorem`` with step ``index`` changed (a value None deletes the field),
    re-hashed. Premises may be given as indices of steps."""
    theorem = copy.deepcopy(theorem)
    step = theorem["steps"][index]
    for key, value in fields.items():
        if value is None:
            step.pop(key, None)
        elif key == "premises" and isinstance(value, list):
            step[key] = [theorem["steps"][p]["id"] if isinstance(p, int) else p for p in value]
        else:
            step[key] = value
    return rehash(theorem)


def failures_of(report: Report, theorem: dict, index: int) -> list[str]:
    """The reasons given for step ``index`` of ``theorem``."""
    sid = theorem["steps"][index]["id"]
    return [f.reason for f in report.failures if f.step == sid]


# --- valid graphs ---------------------------------------------------------------------------------


def test_every_step_kind_is_covered_by_a_valid_proof():
    kinds = {s["kind"] for t in tiny_theorems() + [one_ne_zero(), induction_theorem()] for s in t["steps"]}
    assert kinds == set(RULES)


def test_tiny_proofs_check(tmp_path):
    report = run(tmp_path, graph(tiny_theorems()))
    assert report.ok, report.render()
    assert report.checked["apply"] == 5 and report.failed["apply"] == 0
    lines = report.render().splitlines()
    assert lines[0] == f"theory: {TINY} sha256 {sha256(TINY)}"
    assert lines[1:-1] == sorted(lines[1:-1]) and lines[1] == "and_elim: checked 4, failed 0"
    assert lines[-1] == "total: checked 56, failed 0 — OK"
    # every kind but comprehension (covered by the stored induction run) occurs in the tiny proofs
    assert all(count > 0 for kind, count in report.checked.items() if kind != "comprehension")


def test_peano_proof_checks(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    report = run(tmp_path, peano_graph())
    assert report.ok, report.render()
    assert report.checked["not_intro"] == 1


def test_stored_peano_run_checks(monkeypatch):
    """A stored run written as the spec says (sorted keys, two spaces); its theory.path
    "peano.mpl" is not in the working directory, so it is found in the run directory — and
    refused there, unless --theory names it: a run cannot vouch for its own theory."""
    monkeypatch.chdir(ROOT)
    stored = STORED_RUN / "proofgraph.json"
    expected = peano_graph(STORED_RUN / "peano.mpl", "peano.mpl")
    assert stored.read_text(encoding="utf-8") == json.dumps(expected, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    refused = check_run(STORED_RUN)
    assert not refused.ok and "lies inside the run folder" in refused.graph_failures[0].reason
    report = check_run(STORED_RUN, STORED_RUN / "peano.mpl")
    assert report.ok, report.render()
    assert "not_intro: checked 1, failed 0" in report.render().splitlines()


def test_stored_induction_run_checks(monkeypatch):
    monkeypatch.chdir(ROOT)
    report = check_run(INDUCTION_RUN, INDUCTION_RUN / "peano.mpl")
    assert report.ok, report.render()
    assert "comprehension: checked 1, failed 0" in report.render().splitlines()


@pytest.mark.parametrize(
    "field, value, reason",
    [
        ("property", "(&(in[a,N])(in3[a,0,a,+]))", "formula is not R with P"),
        ("set", "Q", "does not quantify over Q"),
        ("element", "b", "formula is not R with P"),
    ],
)
def test_wrong_comprehension_is_rejected(tmp_path, monkeypatch, field, value, reason):
    monkeypatch.chdir(ROOT)
    theorem = induction_theorem()
    index = next(i for i, step in enumerate(theorem["steps"]) if step["kind"] == "comprehension")
    bad = changed(theorem, index, {field: value})
    report = run(tmp_path, graph([bad], INDUCTION_RUN / "peano.mpl", "peano.mpl"), INDUCTION_RUN / "peano.mpl")
    assert not report.ok
    assert any(reason in r for r in failures_of(report, bad, index)), report.render()


def test_theory_found_relative_to_run_dir(tmp_path, monkeypatch):
    """Not found from the working directory, theory.path is tried relative to the run folder;
    a file inside the run folder is refused unless --theory names it."""
    elsewhere = tmp_path / "a" / "b"
    elsewhere.mkdir(parents=True)
    monkeypatch.chdir(elsewhere)
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    (tmp_path / "tiny.mpl").write_bytes(TINY.read_bytes())
    assert run(run_dir, graph([zero_in_M()], path="../tiny.mpl")).ok
    (run_dir / "tiny.mpl").write_bytes(TINY.read_bytes())
    inside = run(run_dir, graph([zero_in_M()], path="tiny.mpl"))
    assert not inside.ok and "lies inside the run folder" in inside.graph_failures[0].reason
    assert run(run_dir, graph([zero_in_M()], path="tiny.mpl"), theory_path=run_dir / "tiny.mpl").ok


def test_theory_option_overrides_path(tmp_path):
    data = graph([zero_in_M()], path="nowhere/tiny.mpl")
    assert not run(tmp_path, data).ok
    assert run(tmp_path, data, theory_path=TINY).ok


def test_step_id_is_the_hash_of_utf8_canonical_json():
    """Non-ASCII identifiers are hashed as UTF-8, not as \\u escapes (docs/proofgraph.md does
    not say; the file itself is UTF-8 JSON)."""
    from genlogic.check.graph import step_id as kernel_step_id

    step = {"id": "?", "kind": "eq_refl", "formula": "(in3[a,b,c,≤])", "premises": [], "block": "b0"}
    text = '{"block":"b0","formula":"(in3[a,b,c,≤])","kind":"eq_refl","premises":[]}'
    assert kernel_step_id(step) == hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def test_same_is_alpha_equivalence():
    f = parse_formula
    assert same(f("(>[x](in[x,N])(in[x,M]))"), f("(>[u](in[u,N])(in[u,M]))"))
    assert not same(f("(>[x](in[x,N])(in[x,M]))"), f("(>[x](in[x,N])(in[u,M]))"))
    assert not same(f("(>[x,y](in[x,y])(in[x,y]))"), f("(>[y,x](in[x,y])(in[x,y]))"))
    assert same(f("(>[x](in[x,N])(>[y](in[x,y])(in[y,x])))"), f("(>[y](in[y,N])(>[x](in[y,x])(in[x,y])))"))
    assert not same(f("(&(in[a,N])(in[b,N]))"), f("(&(in[b,N])(in[a,N]))"))  # conjunct order matters
    assert not same(f("(>[x](in[x,N])(in[x,N]))"), f("(>[x,y](in[x,N])(in[x,N]))"))


# --- invalid variants, one or more per step kind -------------------------------------------------------

# (theorem builder, step index, changes, expected kind, words of the reason)
INVALID = [
    (zero_in_M, 0, {"axiom": 1}, "axiom", "not the same as axiom 1"),
    (zero_in_M, 0, {"axiom": 7}, "axiom", "no axiom 7"),
    (zero_in_M, 0, {"axiom": -1}, "axiom", "no axiom -1"),
    (zero_in_M, 0, {"axiom": True}, "axiom", "must be an integer"),
    (a_in_M, 0, {"formula": "(in[0,N])"}, "theorem", "not the same as the statement of zero_in_M"),
    (a_in_M, 0, {"theorem": "a_in_M"}, "theorem", "not an earlier theorem"),
    (succ_in_M, 0, {"formula": "(in[c,M])"}, "assume", "not the assumption of block b1"),
    (not_b_and_0, 0, {"block": "b0"}, "assume", "not allowed in the root block"),
    (sub_unfolded, 1, {"formula": "(>[u](in[u,M])(in[u,N]))"}, "unfold", "not the premise fully expanded"),
    (sub_N_M, 1, {"formula": "(Sub[M,N])"}, "fold", "not the formula fully expanded"),
    (sub_N_M, 1, {"formula": "(Sub[N])"}, "fold", "wrong arity"),
    (succ_in_M, 4, {"side": 1}, "and_elim", "not side 1"),
    (succ_in_M, 4, {"side": 2}, "and_elim", "side must be 0 or 1"),
    (succ_in_M, 4, {"premises": [2]}, "and_elim", "not a conjunction"),
    (equalities, 4, {"premises": [2, 1]}, "and_intro", "not (&A B)"),
    (zero_in_M, 2, {"subst": {"x": "a"}}, "apply", "premise P1 is not (in[a,N])"),
    (zero_in_M, 2, {"subst": {"x": "0", "y": "0"}}, "apply", "not exactly the variables"),
    (zero_in_M, 2, {"premises": [0, 1]}, "apply", "fewer than 1 levels"),
    (zero_in_M, 2, {"levels": 2}, "apply", "fewer than 2 levels"),
    (zero_in_M, 2, {"levels": None}, "apply", "missing field 'levels'"),
    (e_in_M, 3, {"premises": [1, 2, 0, 0]}, "apply", "premise P1 is not (in[0,M])"),
    (e_in_M, 3, {"levels": 1}, "apply", "not exactly the variables"),
    (zero_in_M, 2, {"formula": "(in[0,N])"}, "apply", "formula is not C[σ]"),
    (succ_in_M, 3, {"witnesses": {"y": "0"}, "formula": "(&(in2[c,0,s])(in[0,N]))"}, "witness", "constant of the theory"),
    (succ_in_M, 3, {"witnesses": {"y": "c"}, "formula": "(&(in2[c,c,s])(in[c,N]))"}, "witness", "introduced more than once"),
    (succ_in_M, 3, {"witnesses": {"z": "d"}}, "witness", "not exactly ['y']"),
    (succ_in_M, 3, {"formula": "(&(in[d,N])(in2[c,d,s]))"}, "witness", "not the conjunction of parts"),
    (succ_in_M, 8, {"subst": {"y": "c"}}, "exists_intro", "premise P1 is not (in2[c,c,s])"),
    (succ_in_M, 8, {"premises": [7, 4]}, "exists_intro", "premise P1 is not (in2[c,d,s])"),
    (some_N_not_b, 5, {"premises": [1]}, "exists_intro", "needs 2 premises"),
    (equalities, 3, {"formula": "(=[0,a])"}, "eq_refl", "not (=[a,a])"),
    (equalities, 1, {"formula": "(=[a,0])"}, "eq_symm", "not (=[0,a])"),
    (equalities, 2, {"premises": [1, 0]}, "eq_trans", "formula is not (=[0,0])"),
    (equalities, 2, {"premises": [0, 0]}, "eq_trans", "do not chain"),
    (a_in_M, 3, {"premises": [0]}, "eq_subst", "argument 1: no premise (=[0,a])"),
    (a_in_M, 3, {"premises": [0, 1]}, "eq_subst", "argument 1: no premise (=[0,a])"),
    (a_in_M, 3, {"formula": "!(in[a,M])"}, "eq_subst", "polarity"),
    (a_in_M, 3, {"formula": "(in[a,N])"}, "eq_subst", "argument 2"),
    (zero_in_N_twice, 3, {"formula": "!(in[0,N])"}, "double_neg", "not F of the premise"),
    (some_N_not_b, 4, {"formula": "(=[0,b])"}, "not_intro", "not !C"),
    (not_b_and_0, 3, {"premises": [2, 1]}, "not_intro", "not the negation of the first"),
    (not_b_and_0, 3, {"kind": "forall_intro", "premises": [1]}, "forall_intro", "closes block b1, which is contradiction, not forall"),
    # the closing step fixes the assumption of its block, so the block's assume step fails
    (succ_in_M, 9, {"formula": "(>[x,z](in[x,N])!(>[y](in2[x,y,s])!(in[y,M])))"}, "assume", "with 1 variables"),
    (succ_in_M, 9, {"formula": "(>[x](in[x,M])!(>[y](in2[x,y,s])!(in[y,M])))"}, "assume", "not the assumption of block b1"),
    (succ_in_M, 9, {"premises": [7]}, "forall_intro", "not B[x̄:=c̄]"),
    (succ_in_M, 9, {"closes": "b9", "premises": [1]}, "forall_intro", "closes unknown block 'b9'"),
    # witness leaking into the closing formula of its block
    (succ_in_M, 9, {"formula": "(>[x](in[x,N])(in2[x,d,s]))", "premises": [4]}, "forall_intro", "constant d is unknown or out of scope"),
    # an unknown constant
    (zero_in_M, 2, {"subst": {"x": "q"}, "formula": "(in[q,M])"}, "apply", "constant q is unknown"),
    # citing a step of a descendant block from the root
    (not_b_and_0, 3, {"kind": "and_elim", "closes": None, "side": 0, "premises": [0], "formula": "(in[b,N])"}, "and_elim", "out of scope"),
    # formulas must be canonical core notation and parse
    (zero_in_M, 0, {"formula": "0 ∈ N"}, "axiom", "does not parse"),
    (zero_in_M, 0, {"formula": "(in[0, N])"}, "axiom", "does not parse"),
    (zero_in_M, 0, {"formula": "(in[0,N]"}, "axiom", "does not parse"),
    (zero_in_M, 0, {"formula": "(in[0,N,M])"}, "axiom", "wrong arity"),
    (zero_in_M, 0, {"formula": "(Foo[0])"}, "axiom", "unknown predicate"),
    (zero_in_M, 0, {"kind": "magic"}, "unknown", "unknown step kind"),
    (zero_in_M, 0, {"block": "b7"}, "axiom", "unknown block"),
    (zero_in_M, 0, {"premises": "x"}, "axiom", "must be a list"),
]


@pytest.mark.parametrize("build,index,changes,kind,reason", INVALID, ids=[f"{c[3]}-{i}" for i, c in enumerate(INVALID)])
def test_invalid_step_is_rejected(tmp_path, build, index, changes, kind, reason):
    theorems = tiny_theorems()
    position = next(i for i, t in enumerate(theorems) if t["name"] == build().get("name"))
    bad = changed(theorems[position], index, changes)
    theorems[position] = bad
    report = run(tmp_path, graph(theorems))
    assert not report.ok
    assert failures_of(report, bad, index), report.render()  # the changed step fails …
    reasons = [f.reason for f in report.failures if f.theorem == bad["name"] and f.kind == kind]
    assert any(reason in r for r in reasons), report.render()  # … for the expected reason


def test_closing_a_block_that_is_not_a_child_is_rejected(tmp_path):
    theorem = succ_in_M()
    theorem["blocks"][1]["parent"] = "b5"
    theorem["blocks"].append({"id": "b5", "kind": "contradiction", "parent": "b0", "params": []})
    report = run(tmp_path, graph([theorem]))
    reasons = [f.reason for f in report.failures if f.kind == "forall_intro"]
    assert reasons == ["closes block b1, which is not a child of block b0"], report.render()


def test_forall_intro_may_cite_an_ancestor_step(tmp_path):
    """docs/proofgraph.md says R is "a step of the closed block" for forall_intro but "of the
    closed block (or its ancestors)" for not_intro; the checker allows ancestors for both (sound:
    an ancestor's step cannot mention the closed block's params)."""
    p = Proof("vacuous", "(>[x](in[x,N])(in[0,N]))")
    b1 = p.block("b1", "forall", params=["c"])
    p.step("assume", "(in[c,N])", block=b1)
    s1 = p.step("axiom", AX[0], axiom=0)
    p.step("forall_intro", "(>[x](in[x,N])(in[0,N]))", s1, closes=b1)
    assert run(tmp_path, graph([p.done()])).ok


def test_citing_a_sibling_blocks_step_is_rejected(tmp_path):
    assert run(tmp_path, graph([zero_in_N_twice()])).ok
    bad = zero_in_N_twice(sibling=True)
    report = run(tmp_path, graph([bad]))
    reasons = [f.reason for f in report.failures if f.kind == "not_intro"]
    assert any("lies in block b1, out of scope of block b0" in r for r in reasons), report.render()


def test_witness_occurring_in_its_premise_is_rejected(tmp_path):
    """∃y y = d ⊢ d = d with the witness d: the premise mentions d before the witness step."""
    p = Proof("bad_witness", "(=[0,0])")
    s0 = p.step("eq_refl", "(=[d,d])")
    s1 = p.step("exists_intro", "!(>[y](=[y,d])!(=[y,d]))", s0, subst={"y": "d"})
    p.step("witness", "(=[d,d])", s1, witnesses={"y": "d"})
    p.step("eq_refl", "(=[0,0])")
    theorem = p.done()
    report = run(tmp_path, graph([theorem]))
    witness = theorem["steps"][2]["id"]
    assert report.failures[0].reason == f"constant d is mentioned before step {witness} introduces it", report.render()


def test_witness_introduced_twice_is_rejected(tmp_path):
    theorem = some_M()
    extra = copy.deepcopy(theorem["steps"][1])
    theorem["steps"].insert(2, {**extra, "note": "the same witness again"})
    report = run(tmp_path, graph([some_N_not_b(), rehash(theorem)]))
    assert any("introduced more than once" in f.reason for f in report.failures), report.render()


def test_citing_a_later_theorem_is_rejected(tmp_path):
    report = run(tmp_path, graph([a_in_M(), zero_in_M()]))
    assert [f.reason for f in report.failures if f.kind == "theorem"] == ["'zero_in_M' is not an earlier theorem of the graph whose proof checked"]


def test_wrong_theory_hash_is_refused(tmp_path):
    data = graph([zero_in_M()])
    data["theory"]["sha256"] = "0" * 64
    report = run(tmp_path, data)
    assert not report.ok and "does not have sha256" in report.graph_failures[0].reason
    assert sum(report.checked.values()) == 0


def test_bad_step_id_is_rejected(tmp_path):
    theorem = zero_in_M()
    theorem["steps"][0]["id"] = "0123456789abcdef"
    report = run(tmp_path, graph([theorem]))
    reasons = {f.step: f.reason for f in report.failures}
    assert reasons["0123456789abcdef"].startswith("id is not the content hash")
    assert "is not a valid step earlier in the list" in reasons[theorem["steps"][2]["id"]]


def test_premise_later_in_the_list_is_rejected(tmp_path):
    theorem = zero_in_M()
    theorem["steps"] = [theorem["steps"][2], theorem["steps"][0], theorem["steps"][1]]
    theorem["steps"].append(copy.deepcopy(theorem["steps"][0]))  # the conclusion again, last
    report = run(tmp_path, graph([theorem]))
    first = [f.reason for f in report.failures if f.step == theorem["steps"][0]["id"]]
    assert "is not a valid step earlier in the list" in first[0]
    assert "another step has the same id" in first[1]


@pytest.mark.parametrize(
    "mutate,reason",
    [
        (lambda t: t.update(uses=[]), "uses is [], but the theorem steps cite ['zero_in_M']"),
        (lambda t: t.update(uses=["zero_in_M", "zero_in_M"]), "uses is"),
        (lambda t: t.update(statement="(in[0,M])"), "the last step does not state the theorem"),
        (lambda t: t.update(statement="(in[q,M])"), "not constants of the theory"),
        (lambda t: t.update(steps=[]), "the proof has no steps"),
        (lambda t: t["blocks"].append({"id": "b0", "kind": "root", "parent": None, "params": []}), "block id b0 is used twice"),
        (lambda t: t["blocks"].append({"id": "b5", "kind": "root", "parent": None, "params": []}), "not exactly one root"),
        (lambda t: t["blocks"].append({"id": "b5", "kind": "forall", "parent": "b6", "params": []}), "unknown ancestor"),
        (lambda t: t["blocks"].append({"id": "b5", "kind": "forall", "parent": "b5", "params": []}), "cycle"),
        (lambda t: t["blocks"].append({"id": "b5", "kind": "forall", "parent": "b0", "params": []}), "not closed by exactly one step"),
        (lambda t: t["blocks"].append({"id": "b5", "kind": "contradiction", "parent": "b0", "params": ["k"]}), "only a forall block has params"),
        (lambda t: t["blocks"].append({"id": "b5", "kind": "forall", "parent": "b0", "params": ["N"]}), "constant of the theory"),
        (lambda t: t["blocks"].append({"id": "b5", "kind": "forall"}), "missing field 'parent'"),
    ],
)
def test_theorem_and_block_problems(tmp_path, mutate, reason):
    theorem = a_in_M()
    mutate(theorem)
    report = run(tmp_path, graph([zero_in_M(), theorem]))
    assert any(reason in f.reason for f in report.graph_failures), report.render()


def test_block_param_reused_and_missing_assume(tmp_path):
    theorem = succ_in_M()
    theorem["blocks"].append({"id": "b2", "kind": "forall", "parent": "b1", "params": ["c"]})
    theorem["steps"] = [s for s in theorem["steps"] if s["kind"] != "assume"]
    reasons = [f.reason for f in run(tmp_path, graph([theorem])).graph_failures]
    assert "block b1 does not have exactly one assume step" in reasons
    assert "block b1: param c is introduced more than once in the theorem" in reasons


def test_last_step_must_be_in_the_root_block(tmp_path):
    theorem = succ_in_M()
    theorem["steps"].append(theorem["steps"].pop(0))  # the assume step of b1, now last
    reasons = [f.reason for f in run(tmp_path, graph([theorem])).graph_failures]
    assert "the last step is not in the root block" in reasons


def test_duplicate_theorem_names(tmp_path):
    report = run(tmp_path, graph([zero_in_M(), zero_in_M()]))
    assert [f.reason for f in report.graph_failures] == ["a theorem of this name comes earlier"]


@pytest.mark.parametrize(
    "key,value,reason",
    [
        ("schema", 1, "schema is not 2"),
        ("schema", True, "must be an integer"),
        ("schema", 1.0, "must be an integer"),
        ("format", "other", "format is not"),
        ("theory", None, "field 'theory' must be an object"),
        ("theorems", {}, "field 'theorems' must be a list"),
    ],
)
def test_graph_level_problems(tmp_path, key, value, reason):
    data = graph([zero_in_M()])
    data[key] = value
    report = run(tmp_path, data)
    assert not report.ok and reason in report.graph_failures[0].reason, report.render()


def test_unreadable_files(tmp_path):
    assert "cannot read" in check_run(tmp_path).graph_failures[0].reason
    (tmp_path / "proofgraph.json").write_bytes(b"\xff{not json")
    assert not check_run(tmp_path).ok
    (tmp_path / "proofgraph.json").write_text("[" * 100000, encoding="utf-8")
    assert not check_run(tmp_path).ok


@pytest.mark.parametrize("depth", [10, 5000])
@pytest.mark.parametrize("shape", ["!{}", "(&{}(in[0,N]))", "(>[x](in[x,N]){})"])
def test_deeply_nested_formulas_are_rejected_not_crashed(tmp_path, depth, shape):
    text = "(in[0,N])"
    for _ in range(depth):
        text = shape.format(text)
    theorem = changed(zero_in_M(), 0, {"formula": text})
    theorem["statement"] = text
    report = run(tmp_path, graph([theorem]))
    assert not report.ok
    if depth > 1000:
        assert "does not parse" in report.graph_failures[0].reason


def test_render_format(tmp_path):
    theorem = changed(zero_in_M(), 0, {"axiom": 1})
    report = run(tmp_path, graph([theorem]))
    lines = report.render().splitlines()[1:]  # after the theory file and its hash
    assert lines[: len(RULES)] == [f"{k}: checked {report.checked[k]}, failed {report.failed[k]}" for k in sorted(RULES)]
    assert "axiom: checked 2, failed 1" in lines
    assert f"FAILED zero_in_M {theorem['steps'][0]['id']} axiom: formula is not the same as axiom 1, {AX[1]}" in lines


# --- the checker never crashes -------------------------------------------------------------------------

KEYS = ["id", "kind", "block", "premises", "formula", "subst", "steps", "blocks", "name"]
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["b0", "b1", "axiom", "apply", "(in[0,N])", "genlogic-proofgraph", "x", "0"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8) | st.sampled_from(KEYS), inner, max_size=4),
    max_leaves=20,
)


def paths(value, prefix=()):
    """Every path (tuple of keys and indices) into a JSON value."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, prefix + (index,))


VALID = graph(tiny_theorems())
VALID_PATHS = [p for p in paths(VALID) if p]
STEP_POSITIONS = [(i, j) for i, t in enumerate(VALID["theorems"]) for j in range(len(t["steps"]))]


def _check_quietly(data) -> Report:
    with tempfile.TemporaryDirectory() as directory:
        (Path(directory) / "proofgraph.json").write_text(json.dumps(data), encoding="utf-8")
        report = check_run(Path(directory), TINY)
    report.render()
    return report


@settings(max_examples=200)
@given(json_values)
def test_garbage_never_crashes(data):
    assert not _check_quietly(data).ok


@settings(max_examples=300)
@given(st.sampled_from(VALID_PATHS), st.booleans(), json_values)
def test_mutated_graph_never_crashes(path, delete, value):
    data = copy.deepcopy(VALID)
    *parent_path, last = path
    parent = data
    for key in parent_path:
        parent = parent[key]
    if delete:
        del parent[last]
    else:
        parent[last] = value
    _check_quietly(data)


@settings(max_examples=100)
@given(
    st.sampled_from(STEP_POSITIONS),
    st.sampled_from(["formula", "subst", "witnesses", "premises", "closes", "side", "axiom", "levels", "block"]),
    json_values,
)
def test_mutated_step_field_never_crashes(position, key, value):
    data = copy.deepcopy(VALID)
    i, j = position
    data["theorems"][i]["steps"][j][key] = value
    rehash(data["theorems"][i])
    _check_quietly(data)


@settings(max_examples=150)
@given(
    st.sampled_from(STEP_POSITIONS),
    formulas(),
    st.sampled_from(sorted(RULES)),
    st.dictionaries(st.sampled_from(["x", "y", "z", "a", "_1"]), st.sampled_from(["0", "a", "c", "d", "N", "q"]), max_size=3),
)
def test_well_formed_but_wrong_steps_never_crash(position, formula, kind, mapping):
    """Random formulas, kinds and substitutions in place of a step: rules run on real formulas."""
    data = copy.deepcopy(VALID)
    i, j = position
    step = data["theorems"][i]["steps"][j]
    step.update(formula=core(formula), kind=kind, subst=mapping, witnesses=mapping, levels=1 + j % 2, side=j % 2)
    rehash(data["theorems"][i])
    assert not _check_quietly(data).ok or same(formula, parse_formula(VALID["theorems"][i]["steps"][j]["formula"]))


# --- the trusted base --------------------------------------------------------------------------------


def test_trusted_base_is_what_the_docs_list():
    """``import genlogic.check`` loads exactly the genlogic modules docs/architecture.md lists
    between its trusted-base markers, and no third-party package but Lark."""
    import re
    import subprocess
    import sys

    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    listed_part = text.split("<!-- trusted-base -->")[1].split("<!-- /trusted-base -->")[0]
    listed = sorted(set(re.findall(r"`(genlogic(?:\.\w+)*)`", listed_part)))
    code = (
        "import sys, genlogic.check\n"
        "print(' '.join(sorted(m for m in sys.modules if m == 'genlogic' or m.startswith('genlogic.'))))\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules} - set(sys.stdlib_module_names))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    modules, packages = result.stdout.splitlines()
    assert modules.split() == listed
    assert not any(m.startswith(("genlogic.engine", "genlogic.theory", "genlogic.explore")) for m in modules.split())
    third_party = {p for p in packages.split() if not p.startswith(("_", "genlogic", "__"))}
    assert third_party == {"lark"}


# --- kinds ----------------------------------------------------------------------------------------------


def test_kinds_of_quantified_variables():
    from genlogic.check.kinds import ELEMENT, RELATION3, SET, KindError, check_kinds, quantified_kinds

    constants = {"N": SET, "a": ELEMENT, "+": RELATION3}.get
    f = parse_formula
    assert quantified_kinds(f("(>[x,P](in[x,P])(in3[x,x,a,+]))"), constants, {}) == {"x": ELEMENT, "P": SET}
    assert quantified_kinds(f("(>[x,y](=[x,y])(=[y,N]))"), constants, {}) == {"x": SET, "y": SET}
    assert quantified_kinds(f("(>[x](=[x,x])(=[x,x]))"), constants, {}) == {"x": ELEMENT}  # unconstrained
    assert quantified_kinds(f("!(>[y,Q](in[y,Q])!(in[a,Q]))"), constants, {}, 1) == {"y": ELEMENT, "Q": SET}
    nested = f("(>[x](in[x,N])(>[y](=[y,x])(>[z](in[z,N])(in[z,N]))))")
    assert quantified_kinds(nested, constants, {}, 2) == {"x": ELEMENT, "y": ELEMENT}
    for bad in ["(in[N,N])", "(=[a,N])", "(>[y](in[y,y])(in[y,N]))", "(in3[a,a,a,N])", "(in[b,N])"]:
        with pytest.raises(KindError):
            check_kinds(f(bad), constants, {})



def test_kinds_of_functions_of_three_and_four_arguments():
    """in4 and in5 demand their own relation kinds: a ternary operation cannot be passed off as a
    function of three arguments, nor an element as one of its inputs."""
    from genlogic.check.kinds import ELEMENT, RELATION3, RELATION4, SET, KindError, check_kinds, quantified_kinds

    constants = {"N": SET, "a": ELEMENT, "+": RELATION3, "h": RELATION4}.get
    f = parse_formula
    assert quantified_kinds(f("(>[x,y](in4[x,x,a,y,h])(in[y,N]))"), constants, {}) == {"x": ELEMENT, "y": ELEMENT}
    for bad in ["(in4[a,a,a,a,+])", "(in3[a,a,a,h])", "(in4[a,N,a,a,h])", "(in5[a,a,a,a,a,h])", "(=[h,+])"]:
        with pytest.raises(KindError):
            check_kinds(f(bad), constants, {})


def test_ill_kinded_statement_is_refused(tmp_path):
    p = Proof("bad", "(in[N,N])")
    p.step("eq_refl", "(=[0,0])")
    report = run(tmp_path, graph([p.done()]))
    assert any("ill-kinded" in f.reason for f in report.graph_failures), report.render()
