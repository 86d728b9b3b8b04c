"""Attacks on the independent proof checker (genlogic/check/): hand-built proof graphs and
tampered run folders that prove or claim FALSE things, each of which the kernel must reject.

Every attack below was built the way an attacker would build it, and each one was ACCEPTED
(``report.ok``) by the kernel as it was at commit 78d4cae (schema 1); the exceptions say so in
their docstrings (the tests of ``report.goals``, which that kernel did not have, and the two
Hypothesis properties, which it passed: regression guards). The families:

1. kinds — MPL is many-sorted (element, set, binary relation, ternary relation;
   genlogic/theory/kinds.py), and a kernel that ignores kinds lets a set stand for an element or
   an element for a set: Russell's paradox through ``comprehension``, ``apply`` / ``exists_intro``
   instantiating an element variable with a set, a block param or a witness used at two kinds;
2. order of introduction — a witness constant (or a forall block's param) mentioned before the
   step that introduces it: two witnesses defined in terms of each other give c ≠ d and c = d;
3. the theory trust base — a tampered theory inside the run folder (however the header spells
   its path), and an imported file changed after the run (the header hashed only the root);
4. what a run claims — ``summary.json`` and ``theorems.mpl`` claiming goals or statements that
   the graph does not prove, or giving a claim another meaning (a definition of its own, an
   import of another theory); which stated goals a run really proves (``report.goals``, also
   when a proof cites a theorem whose proof failed);
5. properties on genuine engine output — an ``apply`` instantiated at the wrong kind, a
   ``witness`` step moved after a use of its constant;
6. a hole found while reading check/kernel.py — ``apply`` through several levels substitutes a
   deeper level's variable into an earlier level's antecedent, where that name is a free
   constant (it is shadowed only further in).

The proofs are built with :class:`tests.test_check.Proof` (steps get their content hash as id) and
headed with :func:`tests.test_check.graph`. Theory files written by a test live in
``tmp_path/theories``, never in the run folder (``tmp_path/run``), so that only family 3 is
about where the theory file is.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from genlogic.check import check_run
from genlogic.cli import main
from genlogic.mpl.ast import free_identifiers
from genlogic.mpl.printer import core
from genlogic.mpl.reader import read_core
from genlogic.theory.build import load_theory
from genlogic.theory.model import Kind

from .test_check import AX, PEANO, TINY, Proof, graph, run
from .test_mutation import rehash

ROOT = Path(__file__).resolve().parent.parent
PEANO_GOALS = ROOT / "mpl_examples" / "peano_goals.mpl"
GOALS = ["two_plus_two", "one_times_one", "one_is_not_zero", "successor_not_zero", "plus_one"]


# --- helpers -----------------------------------------------------------------------------------------


def reasons(report) -> list[str]:
    """Every failure reason of a report, whatever list of failures it is kept in."""
    found = []
    for value in vars(report).values():
        if isinstance(value, list):
            found += [item.reason for item in value if hasattr(item, "reason")]
    return found


def rejected_for(report, *words: str) -> bool:
    """The report is not OK and some failure reason contains every one of ``words``."""
    return not report.ok and any(all(word in reason for word in words) for reason in reasons(report))


def write_theory(tmp_path: Path, name: str, text: str) -> Path:
    """A theory file outside the run folder; it must load (well-kinded, every name resolved)."""
    folder = tmp_path / "theories"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.mpl"
    path.write_text(text, encoding="utf-8")
    load_theory(path)
    return path


def read_axiom(theory: Path, index: int) -> str:
    """Axiom ``index`` of a theory file, in core notation."""
    return core(load_theory(theory).axioms[index])


def check(tmp_path: Path, theorems: list[dict], theory: Path = TINY):
    """Write the graph into tmp_path/run and check it (the theory path is in the header)."""
    run_dir = tmp_path / "run"
    run_dir.mkdir(exist_ok=True)
    return run(run_dir, graph(theorems, theory))


def contradiction_to(p: Proof, claim: str, positive: str, negative: str) -> str:
    """From steps ``positive`` (P) and ``negative`` (!P) of the root block, prove !claim: a
    contradiction block assuming ``claim``, closed by not_intro [P, !P]."""
    block = p.block(f"b_{len(p.blocks)}", "contradiction")
    p.step("assume", claim, block=block)
    return p.step("not_intro", f"!{claim}", positive, negative, closes=block)


# --- 1. kinds ------------------------------------------------------------------------------------------

# (a) Russell. R(P) says "y ∈ P iff y ∉ y" for every y, as two implications.
RUSSELL = "(&(>[y](in[y,{P}])!(in[y,y]))(>[y]!(in[y,y])(in[y,{P}])))"


def russell_without_axioms() -> dict:
    """!(in[0,N]) in tiny.mpl, whose axiom 0 is (in[0,N]): no axiom is cited.

    First ∀P: R(P) → !(in[0,N]) — in one-sorted logic a true theorem, by y := P, which makes
    in[p,p] equivalent to its negation — then comprehension P := {x | !(in[x,x])} turns R(P) into
    the tautology "!(in[y,y]) implies !(in[y,y])", twice, and apply gives !(in[0,N]). The kernel
    accepted it because it never looks at kinds: apply instantiates the element variable y with
    the set p (in[p,p]), and comprehension accepts a property that uses its element x as a set."""
    statement = "!(in[0,N])"
    p = Proof("russell", statement)
    b1 = p.block("b1", "forall", params=["p"])
    s_r = p.step("assume", RUSSELL.format(P="p"), block=b1)
    s_to = p.step("and_elim", "(>[y](in[y,p])!(in[y,y]))", s_r, block=b1, side=0)
    s_from = p.step("and_elim", "(>[y]!(in[y,y])(in[y,p]))", s_r, block=b1, side=1)
    b2 = p.block("b2", "contradiction", parent=b1)
    s_pp = p.step("assume", "(in[p,p])", block=b2)
    s_npp = p.step("apply", "!(in[p,p])", s_to, s_pp, block=b2, subst={"y": "p"}, levels=1)
    s_not = p.step("not_intro", "!(in[p,p])", s_pp, s_npp, block=b1, closes=b2)
    s_yes = p.step("apply", "(in[p,p])", s_from, s_not, block=b1, subst={"y": "p"}, levels=1)
    b3 = p.block("b3", "contradiction", parent=b1)
    p.step("assume", "(in[0,N])", block=b3)
    s_any = p.step("not_intro", statement, s_yes, s_not, block=b1, closes=b3)
    lemma = f"(>[P]{RUSSELL.format(P='P')}{statement})"
    s_lemma = p.step("forall_intro", lemma, s_any, closes=b1)
    instance = "(>[](&(>[y]!(in[y,y])!(in[y,y]))(>[y]!(in[y,y])!(in[y,y])))!(in[0,N]))"
    s_inst = p.step("comprehension", instance, s_lemma, set="P", element="x", property="!(in[x,x])")
    b4 = p.block("b4", "forall", params=["q"])
    s_q = p.step("assume", "!(in[q,q])", block=b4)
    s_taut = p.step("forall_intro", "(>[y]!(in[y,y])!(in[y,y]))", s_q, closes=b4)
    p.step("apply", statement, s_inst, s_taut, s_taut, subst={}, levels=1)
    return p.done()


def test_russell_without_axioms_is_rejected(tmp_path):
    """See :func:`russell_without_axioms`: proves !(in[0,N]), which axiom 0 of tiny.mpl refutes."""
    report = check(tmp_path, [russell_without_axioms()])
    assert rejected_for(report, "kind"), report.render()


# Every class is a set: ∀P (0 ∈ N → ∃r ∀x (x ∈ r ↔ x ∈ P)). Well-kinded (P, r sets, x an
# element) and consistent (r := P).
CLASSES = """\
anchor Classes[N, 0] :=
    (&(in[0,N])
    (>[P](in[0,N])!(>[r](&(>[x](in[x,r])(in[x,P]))(>[x](in[x,P])(in[x,r])))!(&(>[x](in[x,r])(in[x,P]))(>[x](in[x,P])(in[x,r]))))))
"""


def test_russell_through_a_set_axiom_is_rejected(tmp_path):
    """!(in[0,N]) in a consistent theory whose axiom 1 says that every set P has a copy r.

    comprehension P := {x | !(in[x,x])} (a property that uses its element as a set) turns the
    axiom into "there is an r with x ∈ r iff x ∉ x"; its witness c is a set, and apply with
    x := c (a set for an element variable) makes in[c,c] equivalent to its negation. Accepted
    before because neither the property nor the substitution was kind-checked."""
    theory = write_theory(tmp_path, "classes", CLASSES)
    statement = "!(in[0,N])"
    russell = "(&(>[x](in[x,{r}])!(in[x,x]))(>[x]!(in[x,x])(in[x,{r}])))"
    p = Proof("russell_set", statement)
    s_ax1 = p.step("axiom", read_axiom(theory, 1), axiom=1)
    exists = f"!(>[r]{russell.format(r='r')}!{russell.format(r='r')})"
    s_inst = p.step("comprehension", f"(>[](in[0,N]){exists})", s_ax1, set="P", element="x", property="!(in[x,x])")
    s_ax0 = p.step("axiom", "(in[0,N])", axiom=0)
    s_ex = p.step("apply", exists, s_inst, s_ax0, subst={}, levels=1)
    s_w = p.step("witness", russell.format(r="c"), s_ex, witnesses={"r": "c"})
    s_to = p.step("and_elim", "(>[x](in[x,c])!(in[x,x]))", s_w, side=0)
    s_from = p.step("and_elim", "(>[x]!(in[x,x])(in[x,c]))", s_w, side=1)
    b1 = p.block("b1", "contradiction")
    s_cc = p.step("assume", "(in[c,c])", block=b1)
    s_ncc = p.step("apply", "!(in[c,c])", s_to, s_cc, block=b1, subst={"x": "c"}, levels=1)
    s_not = p.step("not_intro", "!(in[c,c])", s_cc, s_ncc, closes=b1)
    s_yes = p.step("apply", "(in[c,c])", s_from, s_not, subst={"x": "c"}, levels=1)
    contradiction_to(p, "(in[0,N])", s_yes, s_not)
    report = check(tmp_path, [p.done()], theory)
    assert rejected_for(report, "kind"), report.render()


# All elements are a; a ∈ N; a ∉ M. Consistent (one element a, N = {a}, M = {}), well-kinded.
ONE = """\
anchor One[N, M, a] :=
    (&(&(>[x](=[x,x])(=[x,a]))
    (in[a,N]))
    !(in[a,M]))
"""
ONE_AX = ["(>[x](=[x,x])(=[x,a]))", "(in[a,N])", "!(in[a,M])"]


def test_apply_with_a_set_for_an_element_variable_is_rejected(tmp_path):
    """!(in[a,N]) in ONE, whose axiom 1 is (in[a,N]).

    apply of axiom 0 (∀x: x = x → x = a, x an element) with x := N and with x := M gives
    N = a and M = a, so N = M, so a ∈ M by eq_subst — against axiom 2. Accepted before because
    apply did not compare the kind of N and M (sets) with that of x (an element)."""
    theory = write_theory(tmp_path, "one", ONE)
    statement = "!(in[a,N])"
    p = Proof("sets_are_a", statement)
    s_ax0 = p.step("axiom", ONE_AX[0], axiom=0)
    s_nn = p.step("eq_refl", "(=[N,N])")
    s_na = p.step("apply", "(=[N,a])", s_ax0, s_nn, subst={"x": "N"}, levels=1)
    s_mm = p.step("eq_refl", "(=[M,M])")
    s_ma = p.step("apply", "(=[M,a])", s_ax0, s_mm, subst={"x": "M"}, levels=1)
    s_am = p.step("eq_symm", "(=[a,M])", s_ma)
    s_nm = p.step("eq_trans", "(=[N,M])", s_na, s_am)
    s_ax1 = p.step("axiom", ONE_AX[1], axiom=1)
    s_in = p.step("eq_subst", "(in[a,M])", s_ax1, s_nm)
    s_ax2 = p.step("axiom", ONE_AX[2], axiom=2)
    contradiction_to(p, "(in[a,N])", s_in, s_ax2)
    report = check(tmp_path, [p.done()], theory)
    assert rejected_for(report, "kind"), report.render()


def prove_all_equal(p: Proof, s_ax0: str) -> str:
    """In ONE: (>[y,z](=[y,y])(=[y,z])) — any two elements are equal (sound, well-kinded)."""
    b = p.block("b_all_equal", "forall", params=["c", "d"])
    s_cc = p.step("assume", "(=[c,c])", block=b)
    s_ca = p.step("apply", "(=[c,a])", s_ax0, s_cc, block=b, subst={"x": "c"}, levels=1)
    s_dd = p.step("eq_refl", "(=[d,d])", block=b)
    s_da = p.step("apply", "(=[d,a])", s_ax0, s_dd, block=b, subst={"x": "d"}, levels=1)
    s_ad = p.step("eq_symm", "(=[a,d])", s_da, block=b)
    s_cd = p.step("eq_trans", "(=[c,d])", s_ca, s_ad, block=b)
    return p.step("forall_intro", "(>[y,z](=[y,y])(=[y,z]))", s_cd, closes=b)


def prove_n_ne_m(p: Proof) -> str:
    """In ONE: !(=[N,M]), since a ∈ N and a ∉ M (sound, well-kinded)."""
    b = p.block("b_n_ne_m", "contradiction")
    s_eq = p.step("assume", "(=[N,M])", block=b)
    s_ax1 = p.step("axiom", ONE_AX[1], axiom=1)
    s_in = p.step("eq_subst", "(in[a,M])", s_ax1, s_eq, block=b)
    s_ax2 = p.step("axiom", ONE_AX[2], axiom=2)
    return p.step("not_intro", "!(=[N,M])", s_in, s_ax2, closes=b)


def test_exists_intro_with_sets_for_element_variables_is_rejected(tmp_path):
    """!(in[a,N]) in ONE, where EVERY step formula is well-kinded; only a subst is not.

    The theory proves that any two elements are equal, (>[y,z](=[y,y])(=[y,z])), and that the
    sets N and M differ. exists_intro with y := N, z := M from (=[N,N]) and !(=[N,M]) then
    claims two different elements, !(>[y,z](=[y,y])(=[y,z])) — y and z are elements in that
    formula (unconstrained identifiers are elements). Accepted before: exists_intro did not
    compare the kinds of its subst values with those of the bound variables."""
    theory = write_theory(tmp_path, "one", ONE)
    statement = "!(in[a,N])"
    p = Proof("two_elements", statement)
    s_ax0 = p.step("axiom", ONE_AX[0], axiom=0)
    s_all = prove_all_equal(p, s_ax0)
    s_ne = prove_n_ne_m(p)
    s_nn = p.step("eq_refl", "(=[N,N])")
    s_some = p.step("exists_intro", "!(>[y,z](=[y,y])(=[y,z]))", s_nn, s_ne, subst={"y": "N", "z": "M"})
    contradiction_to(p, "(in[a,N])", s_all, s_some)
    report = check(tmp_path, [p.done()], theory)
    assert rejected_for(report, "kind"), report.render()


def test_block_param_used_at_two_kinds_is_rejected(tmp_path):
    """!(in[a,N]) in ONE, from "every element has another element beside it".

    A forall block fixes c for the element variable y of (>[y](=[y,y])!(>[z](=[z,z])(=[z,c])))
    but uses c as a set inside: assuming every z equals c, z := N and z := M give N = c = M,
    against N ≠ M. Closing the block claims that for every ELEMENT y some element differs from
    it, which axiom 0 refutes at y := a. Accepted before: a block param had no kind."""
    theory = write_theory(tmp_path, "one", ONE)
    statement = "!(in[a,N])"
    p = Proof("another_element", statement)
    b1 = p.block("b1", "forall", params=["c"])
    p.step("assume", "(=[c,c])", block=b1)
    b2 = p.block("b2", "contradiction", parent=b1)
    s_all = p.step("assume", "(>[z](=[z,z])(=[z,c]))", block=b2)
    s_nn = p.step("eq_refl", "(=[N,N])", block=b2)
    s_nc = p.step("apply", "(=[N,c])", s_all, s_nn, block=b2, subst={"z": "N"}, levels=1)
    s_mm = p.step("eq_refl", "(=[M,M])", block=b2)
    s_mc = p.step("apply", "(=[M,c])", s_all, s_mm, block=b2, subst={"z": "M"}, levels=1)
    s_cm = p.step("eq_symm", "(=[c,M])", s_mc, block=b2)
    s_nm = p.step("eq_trans", "(=[N,M])", s_nc, s_cm, block=b2)
    s_ax1 = p.step("axiom", ONE_AX[1], axiom=1)
    s_in = p.step("eq_subst", "(in[a,M])", s_ax1, s_nm, block=b2)
    s_ax2 = p.step("axiom", ONE_AX[2], axiom=2)
    s_other = p.step("not_intro", "!(>[z](=[z,z])(=[z,c]))", s_in, s_ax2, block=b1, closes=b2)
    s_every = p.step("forall_intro", "(>[y](=[y,y])!(>[z](=[z,z])(=[z,y])))", s_other, closes=b1)
    s_aa = p.step("eq_refl", "(=[a,a])")
    s_not_a = p.step("apply", "!(>[z](=[z,z])(=[z,a]))", s_every, s_aa, subst={"y": "a"}, levels=1)
    s_ax0 = p.step("axiom", ONE_AX[0], axiom=0)
    contradiction_to(p, "(in[a,N])", s_ax0, s_not_a)
    report = check(tmp_path, [p.done()], theory)
    assert rejected_for(report, "kind"), report.render()


def test_witness_used_at_another_kind_is_rejected(tmp_path):
    """!(in[a,N]) in ONE, through witnesses of SET existentials used as elements.

    ∃Y: a ∉ Y (Y := M) gives a set d with a ∉ d; apply of axiom 0 with x := d says d = a, so
    a ∉ a by eq_subst. Likewise ∃Y: a ∈ Y (Y := N) gives e with a ∈ e, e = a, a ∈ a.
    Accepted before: a witness constant had no kind, so nothing stopped d, a set, from
    instantiating the element variable x."""
    theory = write_theory(tmp_path, "one", ONE)
    statement = "!(in[a,N])"
    p = Proof("witness_kinds", statement)
    s_ax0 = p.step("axiom", ONE_AX[0], axiom=0)
    s_ax2 = p.step("axiom", ONE_AX[2], axiom=2)
    s_ex_out = p.step("exists_intro", "!(>[Y]!(in[a,Y])!!(in[a,Y]))", s_ax2, subst={"Y": "M"})
    s_d = p.step("witness", "!(in[a,d])", s_ex_out, witnesses={"Y": "d"})
    s_dd = p.step("eq_refl", "(=[d,d])")
    s_da = p.step("apply", "(=[d,a])", s_ax0, s_dd, subst={"x": "d"}, levels=1)
    s_naa = p.step("eq_subst", "!(in[a,a])", s_d, s_da)
    s_ax1 = p.step("axiom", ONE_AX[1], axiom=1)
    s_ex_in = p.step("exists_intro", "!(>[Y](in[a,Y])!(in[a,Y]))", s_ax1, subst={"Y": "N"})
    s_e = p.step("witness", "(in[a,e])", s_ex_in, witnesses={"Y": "e"})
    s_ee = p.step("eq_refl", "(=[e,e])")
    s_ea = p.step("apply", "(=[e,a])", s_ax0, s_ee, subst={"x": "e"}, levels=1)
    s_aa = p.step("eq_subst", "(in[a,a])", s_e, s_ea)
    contradiction_to(p, "(in[a,N])", s_aa, s_naa)
    report = check(tmp_path, [p.done()], theory)
    assert rejected_for(report, "kind"), report.render()


# --- 2. witness order --------------------------------------------------------------------------------

# 0 ∈ N, and beside every element there is another one. Consistent (two elements).
TWO = """\
anchor Two[N, 0] :=
    (&(in[0,N])
    (>[x](=[x,x])!(>[y](=[y,y])(=[y,x]))))
"""


def test_witnesses_defined_in_terms_of_each_other_are_rejected(tmp_path):
    """!(in[0,N]) in TWO, whose axiom 0 is (in[0,N]).

    The constant dd is mentioned (eq_refl, then the axiom at x := dd: some element differs from
    dd) BEFORE the witness step that introduces it. Witness cc of that existential gives
    cc ≠ dd; then ∃y: cc = y (y := cc) and its witness dd gives cc = dd. Each witness step only
    checked that its constant does not occur in its own premise, and dd was "in scope" because
    a witness step of the root block introduces it somewhere in the list: accepted before."""
    theory = write_theory(tmp_path, "two", TWO)
    statement = "!(in[0,N])"
    p = Proof("cyclic_witnesses", statement)
    s_dd = p.step("eq_refl", "(=[dd,dd])")
    s_ax1 = p.step("axiom", "(>[x](=[x,x])!(>[y](=[y,y])(=[y,x])))", axiom=1)
    s_other = p.step("apply", "!(>[y](=[y,y])(=[y,dd]))", s_ax1, s_dd, subst={"x": "dd"}, levels=1)
    s_cc = p.step("witness", "(&(=[cc,cc])!(=[cc,dd]))", s_other, witnesses={"y": "cc"})
    s_ne = p.step("and_elim", "!(=[cc,dd])", s_cc, side=1)
    s_refl = p.step("eq_refl", "(=[cc,cc])")
    s_some = p.step("exists_intro", "!(>[y](=[cc,y])!(=[cc,y]))", s_refl, subst={"y": "cc"})
    s_eq = p.step("witness", "(=[cc,dd])", s_some, witnesses={"y": "dd"})
    contradiction_to(p, "(in[0,N])", s_eq, s_ne)
    report = check(tmp_path, [p.done()], theory)
    assert rejected_for(report, "dd", "before"), report.render()


def test_block_param_mentioned_before_its_assume_is_rejected(tmp_path):
    """(>[x](in[x,N])(&(=[x,x])(in[x,M]))) in tiny.mpl — TRUE, and harmless on its own: the step
    (=[kk,kk]) comes before the assume step of the block that fixes kk. The new rule (a constant
    is mentioned only after the step that introduces it: a witness step, or the assume step of
    its forall block) rejects it; the old kernel accepted it."""
    statement = "(>[x](in[x,N])(&(=[x,x])(in[x,M])))"
    p = Proof("early_param", statement)
    b1 = p.block("b1", "forall", params=["kk"])
    s_refl = p.step("eq_refl", "(=[kk,kk])", block=b1)
    s_in = p.step("assume", "(in[kk,N])", block=b1)
    s_ax1 = p.step("axiom", AX[1], axiom=1)
    s_m = p.step("apply", "(in[kk,M])", s_ax1, s_in, block=b1, subst={"x": "kk"}, levels=1)
    s_both = p.step("and_intro", "(&(=[kk,kk])(in[kk,M]))", s_refl, s_m, block=b1)
    p.step("forall_intro", statement, s_both, closes=b1)
    report = check(tmp_path, [p.done()])
    assert rejected_for(report, "before"), report.render()


# --- 3. the theory trust base ------------------------------------------------------------------------


def b_in_n() -> dict:
    """(in[b,N]), by "axiom 6" of a tampered tiny.mpl; the real axiom 6 is !(in[b,N])."""
    p = Proof("b_in_N", "(in[b,N])")
    p.step("axiom", "(in[b,N])", axiom=6)
    return p.done()


@pytest.mark.parametrize("how", ["absolute", "relative", "dotdot", "relative-dotdot", "symlink"])
def test_tampered_theory_inside_the_run_folder_is_refused(tmp_path, monkeypatch, how):
    """A copy of tiny.mpl with axiom 6 turned into (in[b,N]) sits in the run folder; the header
    names it, with ITS sha256. The old kernel loaded it (the hash matched) and proved b ∈ N.
    A theory file inside the run folder is part of what is being checked, not trusted: without
    --theory it must be refused, however the header spells its path — absolute, relative to the
    run folder, through "..", or through a symlink outside the run folder. Given explicitly
    (--theory), a file is used wherever it is."""
    monkeypatch.chdir(tmp_path)  # a relative header path is not found in the working directory
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    evil = run_dir / "tiny.mpl"
    evil.write_text(TINY.read_text(encoding="utf-8").replace("!(in[b,N]))", "(in[b,N]))"), encoding="utf-8")
    assert load_theory(evil).axioms[6] == read_core("(in[b,N])")
    if how == "symlink":
        (tmp_path / "tiny.mpl").symlink_to(evil)
    path = {
        "absolute": str(evil),
        "relative": "tiny.mpl",
        "dotdot": str(run_dir / ".." / "run" / "tiny.mpl"),
        "relative-dotdot": "../run/tiny.mpl",
        "symlink": str(tmp_path / "tiny.mpl"),
    }[how]
    report = run(run_dir, graph([b_in_n()], evil, path))
    assert rejected_for(report, "inside the run folder"), report.render()
    assert not check_run(run_dir, theory_path=TINY).ok  # the real theory: another hash
    assert check_run(run_dir, theory_path=evil).ok  # explicitly given: used (and it does say b ∈ N)


def genuine_run(tmp_path: Path) -> tuple[Path, Path]:
    """A goals-only run of copies of peano.mpl and peano_goals.mpl (in tmp_path/theory), in
    process, written to tmp_path/run; it checks. Returns (run folder, root theory file)."""
    folder = tmp_path / "theory"
    folder.mkdir()
    for source in (PEANO, PEANO_GOALS):
        shutil.copyfile(source, folder / source.name)
    root, run_dir = folder / PEANO_GOALS.name, tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(root), "--goals-only", "-o", str(run_dir), "--no-html"])
    assert result.exit_code == 0, result.output
    report = check_run(run_dir)
    assert report.ok, report.render()
    return run_dir, root


def read_graph(run_dir: Path) -> dict:
    return json.loads((run_dir / "proofgraph.json").read_text(encoding="utf-8"))


def write_graph(run_dir: Path, data: dict) -> None:
    text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    (run_dir / "proofgraph.json").write_text(text, encoding="utf-8")


def test_changed_import_is_refused(tmp_path):
    """The root file peano_goals.mpl is unchanged, but the peano.mpl it imports gets an extra
    axiom 1 = 0 after the run. The old header hashed the root file only, so the old kernel
    checked the run against the changed theory: accepted — and a theorem 1 = 0 proved by that
    new axiom was accepted too."""
    run_dir, root = genuine_run(tmp_path)
    imported = root.parent / "peano.mpl"
    text = imported.read_text(encoding="utf-8")
    anchor_end = "and Multiplication[N, 0, s, +, *]\n"
    assert text.endswith(anchor_end)
    imported.write_text(text + "    and 1 = 0\n", encoding="utf-8")
    axioms = load_theory(root).axioms
    assert axioms[-1] == read_core("(=[1,0])")

    report = check_run(run_dir)
    assert rejected_for(report, "sha256"), report.render()

    data = read_graph(run_dir)
    p = Proof("one_is_zero", "(=[1,0])")
    p.step("axiom", "(=[1,0])", axiom=len(axioms) - 1)
    data["theorems"].append(p.done())
    write_graph(run_dir, data)
    report = check_run(run_dir)
    assert rejected_for(report, "sha256"), report.render()


# --- 4. what a run claims -----------------------------------------------------------------------------


def theorems_file(run_dir: Path) -> str:
    return (run_dir / "theorems.mpl").read_text(encoding="utf-8")


def claim_line(text: str, name: str) -> str:
    (line,) = [line for line in text.splitlines() if line.startswith(f"theorem {name} :=")]
    return line


def drop_goal(run_dir: Path, name: str, from_graph=True, from_summary=True, from_theorems=True) -> None:
    """Remove every trace of theorem ``name`` from the chosen files of a run folder."""
    if from_graph:
        data = read_graph(run_dir)
        data["theorems"] = [t for t in data["theorems"] if t["name"] != name]
        write_graph(run_dir, data)
    if from_summary:
        path = run_dir / "summary.json"
        summary = json.loads(path.read_text(encoding="utf-8"))
        summary["goals"] = [g for g in summary["goals"] if g["name"] != name]
        summary["proved"] -= 1
        path.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if from_theorems:
        text = theorems_file(run_dir)
        (run_dir / "theorems.mpl").write_text(text.replace(claim_line(text, name) + "\n\n", ""), encoding="utf-8")


def test_summary_claiming_a_goal_the_graph_proves_differently_is_refused(tmp_path):
    """summary.json says the stated goal plus_one (a + 1 = s(a)) is proved, but the graph's
    theorem plus_one is a genuine proof of successor_not_zero's statement, renamed (theorems.mpl
    is made to agree with the graph). Every step checks, so the old kernel said OK."""
    run_dir, _ = genuine_run(tmp_path)
    data = read_graph(run_dir)
    names = [t["name"] for t in data["theorems"]]
    impostor = copy.deepcopy(data["theorems"][names.index("successor_not_zero")])
    impostor["name"] = "plus_one"
    impostor["origin"]["block"] = "plus_one"
    data["theorems"][names.index("plus_one")] = impostor
    write_graph(run_dir, data)
    text = theorems_file(run_dir)
    true_claim = claim_line(text, "successor_not_zero").replace("successor_not_zero", "plus_one")
    (run_dir / "theorems.mpl").write_text(text.replace(claim_line(text, "plus_one"), true_claim), encoding="utf-8")
    summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
    claimed = next(goal for goal in summary["goals"] if goal["name"] == "plus_one")
    assert claimed["status"] == "proved"
    report = check_run(run_dir)
    assert rejected_for(report, "summary.json"), report.render()


def test_summary_claiming_a_goal_missing_from_the_graph_is_refused(tmp_path):
    """summary.json still says plus_one is proved, but the graph has no theorem plus_one
    (theorems.mpl no longer claims it either). The old kernel never read summary.json: OK."""
    run_dir, _ = genuine_run(tmp_path)
    drop_goal(run_dir, "plus_one", from_summary=False)
    report = check_run(run_dir)
    assert rejected_for(report, "summary.json"), report.render()


@pytest.mark.parametrize(
    "old, new",
    [
        ("theorem one_times_one := 1 * 1 = 1", "theorem one_times_one := 1 * 1 = 0"),
        ("theorem one_is_not_zero := 1 ≠ 0", "theorem one_is_not_zero := 1 = 0"),
        # a claim under a name that is no theorem of the graph at all
        ("theorem plus_one :=", "theorem one_is_zero := 1 = 0\n\ntheorem plus_one :="),
    ],
    ids=["false-statement", "negated", "extra-name"],
)
def test_theorems_file_claiming_what_the_graph_does_not_prove_is_refused(tmp_path, old, new):
    """theorems.mpl ("the proved statements, readable") claims a false statement; the graph is
    the genuine one. The old kernel never read theorems.mpl: OK."""
    run_dir, _ = genuine_run(tmp_path)
    text = theorems_file(run_dir)
    assert old in text
    (run_dir / "theorems.mpl").write_text(text.replace(old, new), encoding="utf-8")
    report = check_run(run_dir)
    assert rejected_for(report, "theorems.mpl"), report.render()


def hand_made_run(tmp_path: Path, theorems_mpl: str) -> Path:
    """A run folder tmp_path/run with a graph proving (Sub[N,M]) in a copy of tiny.mpl (in
    tmp_path/theories, outside the run) and the given theorems.mpl."""
    theory = write_theory(tmp_path, "tiny", TINY.read_text(encoding="utf-8"))
    p = Proof("sub_N_M", "(Sub[N,M])")
    s_ax1 = p.step("axiom", AX[1], axiom=1)
    p.step("fold", "(Sub[N,M])", s_ax1)
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    write_graph(run_dir, graph([p.done()], theory))
    (run_dir / "theorems.mpl").write_text(theorems_mpl, encoding="utf-8")
    return run_dir


# Sub[X, Y] read as "X and Y are disjoint": then Sub[N, M] is false in tiny.mpl (0 ∈ N, N ⊆ M).
DISJOINT = "def Sub[X, Y] := forall x: x ∈ X -> x ∉ Y"


@pytest.mark.parametrize("how", ["genuine", "local-definition", "other-import"])
def test_theorems_file_redefining_what_its_claims_mean_is_refused(tmp_path, how):
    """theorems.mpl states "theorem sub_N_M := Sub[N, M]", exactly what the graph proves — but it
    gives Sub another meaning: a definition of its own in the file ("local-definition"; the
    file then does not even load), or an import of another theory file whose Sub means
    "disjoint" ("other-import"; `genlogic parse RUN_DIR/theorems.mpl` loads it, and Sub[N, M] is
    false). Comparing the claim with the graph's statement by expanding it with the CHECKED
    theory's definitions accepts both (the old kernel did not read theorems.mpl at all).
    theorems.mpl should be exactly an import of the checked theory file and theorem statements."""
    if how == "other-import":
        evil = TINY.read_text(encoding="utf-8").replace("(>[x](in[x,X])(in[x,Y]))", "(>[x](in[x,X])!(in[x,Y]))")
        write_theory(tmp_path, "disjoint", evil)
    text = {
        "genuine": 'import "../theories/tiny.mpl"\n\ntheorem sub_N_M := Sub[N, M]\n',
        "local-definition": f'import "../theories/tiny.mpl"\n\n{DISJOINT}\n\ntheorem sub_N_M := Sub[N, M]\n',
        "other-import": 'import "../theories/disjoint.mpl"\n\ntheorem sub_N_M := Sub[N, M]\n',
    }[how]
    run_dir = hand_made_run(tmp_path, text)
    report = check_run(run_dir)
    if how == "genuine":
        assert report.ok, report.render()
        load_theory(run_dir / "theorems.mpl")
    else:
        assert rejected_for(report, "theorems.mpl"), report.render()


def test_genuine_run_reports_its_goals(tmp_path):
    """Not an attack: report.goals lists the stated goals of the root file, all proved. (The old
    kernel's Report has no goals: this test fails there with AttributeError.)"""
    run_dir, _ = genuine_run(tmp_path)
    report = check_run(run_dir)
    assert report.ok, report.render()
    assert [(goal.name, goal.proved) for goal in report.goals] == [(name, True) for name in GOALS]


def test_goal_missing_from_every_file_is_reported_unproved(tmp_path):
    """one_is_not_zero removed from the graph, summary.json and theorems.mpl: nothing claims it,
    so the run is OK — but report.goals must say that this stated goal is not proved. (Fails on
    the old kernel with AttributeError: it had no report.goals; OK there says nothing of goals.)"""
    run_dir, _ = genuine_run(tmp_path)
    drop_goal(run_dir, "one_is_not_zero")
    report = check_run(run_dir)
    assert report.ok, report.render()
    assert {goal.name: goal.proved for goal in report.goals} == {name: name != "one_is_not_zero" for name in GOALS}


def test_goal_proved_only_through_a_broken_lemma_is_not_reported_proved(tmp_path):
    """The graph's one_times_one is a single `theorem` step citing an earlier theorem "lemma"
    with the same statement, whose proof is broken (an axiom step whose formula is not that
    axiom). The run is not OK — but neither is the goal proved: a proof that cites a theorem
    whose proof failed has not checked, though its own steps all do. (Not a hole of the old
    kernel, which had no report.goals: AttributeError there.)"""
    run_dir, _ = genuine_run(tmp_path)
    data = read_graph(run_dir)
    lemma = Proof("lemma", "(in3[1,1,1,*])")
    lemma.step("axiom", "(in3[1,1,1,*])", axiom=0)
    goal = Proof("one_times_one", "(in3[1,1,1,*])")
    goal.step("theorem", "(in3[1,1,1,*])", theorem="lemma")
    names = [t["name"] for t in data["theorems"]]
    data["theorems"][names.index("one_times_one")] = goal.done()
    data["theorems"].insert(0, lemma.done())
    write_graph(run_dir, data)
    report = check_run(run_dir)
    assert not report.ok
    assert {goal.name: goal.proved for goal in report.goals}["one_times_one"] is False, report.render()


# --- 5. properties on genuine engine output -------------------------------------------------------------


PEANO_KINDS = {
    "N": Kind.SET, "0": Kind.ELEMENT, "1": Kind.ELEMENT, "s": Kind.RELATION2, "+": Kind.RELATION3, "*": Kind.RELATION3,
}


@pytest.fixture(scope="module")
def peano_run(tmp_path_factory) -> tuple[Path, dict]:
    """The genuine goals-only run of copies of peano_goals.mpl: (root theory file, graph)."""
    run_dir, root = genuine_run(tmp_path_factory.mktemp("peano_goals"))
    signature = load_theory(root).signature
    assert {name: signature.kind_of(name) for name in PEANO_KINDS} == PEANO_KINDS
    return root, read_graph(run_dir)


def mentioned(step: dict) -> set[str]:
    names = set(free_identifiers(read_core(step["formula"])))
    for key in ("subst", "witnesses"):
        names |= set(step.get(key, {}).values())
    return names


def check_variant(root: Path, data: dict, folder: Path):
    folder.mkdir(parents=True)
    write_graph(folder, data)
    return check_run(folder, theory_path=root)


_variants = iter(range(10**9))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_apply_instantiated_at_another_kind_is_rejected(peano_run, tmp_path, data):
    """A random apply step of the genuine run gets, for one variable, a Peano constant of another
    kind than its value (every value is an element: 0, 1, a block param or a witness), re-hashed
    with the steps that cite it. Never OK. (The old kernel also rejected every such mutant, by a
    premise or a conclusion that no longer matched: this is a regression guard.)"""
    root, original = peano_run
    places = [
        (t, s) for t, th in enumerate(original["theorems"]) for s, step in enumerate(th["steps"]) if step["kind"] == "apply"
    ]
    t, s = data.draw(st.sampled_from(places), label="apply step")
    mutant = copy.deepcopy(original)
    steps = mutant["theorems"][t]["steps"]
    variable = data.draw(st.sampled_from(sorted(steps[s]["subst"])), label="variable")
    value = steps[s]["subst"][variable]
    assert PEANO_KINDS.get(value, Kind.ELEMENT) is Kind.ELEMENT
    others = sorted(name for name, kind in PEANO_KINDS.items() if kind is not Kind.ELEMENT)
    other = data.draw(st.sampled_from(others), label="constant")
    steps[s]["subst"][variable] = other
    rehash(steps, s)
    report = check_variant(root, mutant, tmp_path / f"apply{next(_variants)}")
    note(report.render())
    assert not report.ok


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_witness_moved_after_a_use_of_its_constant_is_rejected(peano_run, tmp_path, data):
    """A random witness step of the genuine run moves later in its theorem's list, past at least
    one step that mentions one of its witnesses (ids unchanged: the content is). Never OK. (The
    old kernel rejected these too when a moved-past step cited the witness step; the new rule
    rejects them all by witness order.)"""
    root, original = peano_run
    places = []
    for t, theorem in enumerate(original["theorems"]):
        steps = theorem["steps"]
        for s, step in enumerate(steps):
            if step["kind"] != "witness":
                continue
            constants = set(step["witnesses"].values())
            first_use = next((j for j in range(s + 1, len(steps)) if constants & mentioned(steps[j])), None)
            if first_use is not None:
                places += [(t, s, j) for j in range(first_use, len(steps) - 1)]  # the conclusion stays last
    assert places
    t, s, j = data.draw(st.sampled_from(places), label="move witness s after step j")
    mutant = copy.deepcopy(original)
    steps = mutant["theorems"][t]["steps"]
    steps.insert(j, steps.pop(s))
    report = check_variant(root, mutant, tmp_path / f"witness{next(_variants)}")
    note(report.render())
    assert not report.ok


# --- 6. holes found while reading the kernel ----------------------------------------------------------------


def test_apply_substitutes_a_deeper_variable_into_an_earlier_antecedent(tmp_path):
    """(=[b,0]) in tiny.mpl — FALSE: 0 ∈ N (axiom 0) and b ∉ N (axiom 6).

    The rule R = (>[x](=[x,a])(>[a](=[a,a])(=[x,0]))) is a true theorem ("whatever equals the
    constant a equals 0", since a = 0; its inner ∀ merely reuses the name a). In the first
    antecedent (=[x,a]) the name a is the CONSTANT a: the inner ∀a binds only further in. apply
    with levels 2 and subst {x: b, a: b} must ask for (=[b,a]) and (=[b,b]); the old kernel
    substituted the whole subst into every level's antecedent, so it asked for (=[b,b]) twice
    (two eq_refl) and concluded (=[b,0]). Broken rule: apply's P1…Pk must be conjuncts of
    A_i[σ restricted to the variables of levels 1…i], not A_i[σ]."""
    statement = "(=[b,0])"
    rule = "(>[x](=[x,a])(>[a](=[a,a])(=[x,0])))"
    p = Proof("b_is_zero", statement)
    b1 = p.block("b1", "forall", params=["c"])
    s_ca = p.step("assume", "(=[c,a])", block=b1)
    b2 = p.block("b2", "forall", parent=b1, params=["d"])
    p.step("assume", "(=[d,d])", block=b2)
    s_ax3 = p.step("axiom", AX[3], axiom=3)
    s_c0 = p.step("eq_trans", "(=[c,0])", s_ca, s_ax3, block=b2)
    s_inner = p.step("forall_intro", "(>[a](=[a,a])(=[c,0]))", s_c0, block=b1, closes=b2)
    s_rule = p.step("forall_intro", rule, s_inner, closes=b1)
    s_bb = p.step("eq_refl", "(=[b,b])")
    p.step("apply", statement, s_rule, s_bb, s_bb, subst={"x": "b", "a": "b"}, levels=2)
    report = check(tmp_path, [p.done()])
    assert not report.ok, report.render()
    failures = [f for value in vars(report).values() if isinstance(value, list) for f in value if hasattr(f, "theorem")]
    assert any(f.theorem == "b_is_zero" for f in failures), report.render()
