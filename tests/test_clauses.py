"""The canonical clause form (genlogic/theory/clauses.py), the canonical statements recognition
hands on (genlogic/theory/signature.py) and the lemmas that prove them (genlogic/engine/lemmas.py):
every reshaping is a theorem the kernel checks, and what cannot be used is said, never dropped.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from genlogic.check import check_run
from genlogic.cli import main
from genlogic.engine.equational import context
from genlogic.engine.lemmas import prove_lemmas
from genlogic.mpl.ast import Atom, Forall, Formula, conjoin, conjuncts
from genlogic.mpl.normal import normal_text
from genlogic.mpl.parser import parse_formula
from genlogic.mpl.printer import core
from genlogic.theory.build import load_theory
from genlogic.theory.clauses import clauses, facts_of

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "normal"
CONSTANTS = frozenset({"N", "0", "s", "+"})


def texts(formula: str) -> list[str]:
    return [normal_text(c) for c in clauses(parse_formula(formula), CONSTANTS)]


def test_uncurried_split_and_renamed_apart():
    curried = "forall a: a ∈ N -> forall b: b ∈ N -> a + 0 = a and a + s(b) = s(a + b)"
    flat = [
        "forall a: a ∈ N -> a + 0 = a",  # b only guarded: dropped with its guard
        "forall a b: a ∈ N and b ∈ N -> a + s(b) = s(a + b)",
    ]
    assert texts(curried) == [t for f in flat for t in texts(f)]
    # a bound variable named like a constant is renamed apart, whatever the nesting
    (shadowing,) = clauses(parse_formula("(>[0](in[0,N])(>[x](in2[0,x,s])(in[x,N])))"), CONSTANTS)
    assert "0" not in shadowing.variables and normal_text(shadowing) == normal_text(
        parse_formula("(>[z,x](&(in[z,N])(in2[z,x,s]))(in[x,N]))")
    )


def test_induction_axiom_has_one_form():
    canonical = "forall P: 0 ∈ P and (forall n m: n ∈ P and s(n) = m -> m ∈ P) -> forall k: k ∈ N -> k ∈ P"
    phrasings = [
        canonical,
        "forall P k: 0 ∈ P and (forall n m: n ∈ P and s(n) = m -> m ∈ P) and k ∈ N -> k ∈ P",
        "forall P: 0 ∈ P and (forall n: n ∈ P -> s(n) ∈ P) -> forall k: k ∈ N -> k ∈ P",
        "forall P: 0 ∈ P -> (forall n: n ∈ P -> forall m: s(n) = m -> m ∈ P) -> forall k: k ∈ N -> k ∈ P",
    ]
    expected = texts(canonical)
    for phrasing in phrasings:
        assert texts(phrasing) == expected, phrasing


# --- generated phrasings of one clause ------------------------------------------------------------

ATOMS = [Atom("in", ("a", "N")), Atom("in", ("b", "N")), Atom("in2", ("a", "c", "s")), Atom("in3", ("a", "b", "d", "+")),
         Atom("in2", ("c", "e", "s"))]
CONCLUSIONS = [Atom("in3", ("c", "b", "e", "+")), Atom("=", ("d", "e"))]


@st.composite
def phrased(draw):
    """A clause ∀a b c d e (P… → C) and an equivalent phrasing: premises shuffled and spread
    over nested quantifier levels, each variable bound at or before its first use."""
    premises = draw(st.permutations(ATOMS))
    conclusion = draw(st.sampled_from(CONCLUSIONS))
    cuts = sorted(draw(st.sets(st.integers(1, len(premises) - 1), max_size=3)))
    groups = [premises[i:j] for i, j in zip([0, *cuts], [*cuts, len(premises)])]
    bound: set[str] = set()
    levels = []
    for group in groups:
        needed = sorted({a for atom in group for a in atom.args if a in "abcde"} - bound)
        bound |= set(needed)
        if needed:
            levels.append((tuple(needed), list(group)))
        else:  # a level must bind something: these premises join the level before
            levels[-1][1].extend(group)
    rest = tuple(sorted({a for a in conclusion.args if a in "abcde"} - bound))
    body: Formula = conclusion
    if rest:
        levels[-1] = (levels[-1][0] + rest, levels[-1][1])
    for variables, group in reversed(levels):
        body = Forall(variables, conjoin(group), body)
    original = Forall(tuple(sorted(bound | set(rest))), conjoin(list(ATOMS)), conclusion)
    return original, body


def shape(clause: Formula) -> tuple:
    """A clause up to the order of its variables and premises (the names are the generator's)."""
    assert isinstance(clause, Forall)
    return sorted(clause.variables), sorted(core(p) for p in conjuncts(clause.antecedent)), core(clause.consequent)


@settings(max_examples=60, deadline=None)
@given(phrased())
def test_phrasings_of_a_clause_have_the_same_canonical_form(pair):
    original, phrasing = pair
    assert [shape(c) for c in clauses(phrasing, CONSTANTS)] == [shape(c) for c in clauses(original, CONSTANTS)]


# --- lemmas ------------------------------------------------------------------------------------------


def test_canonical_forms_of_a_rephrased_peano_are_proved_and_checked(tmp_path):
    theory = load_theory(DATA / "curried.mpl")
    names = [fact.lemma for fact in theory.lemmas]
    assert names == ["normal_6_1", "normal_11_1", "normal_11_2", "normal_total_8", "normal_total_12"]
    lemmas = prove_lemmas(theory)
    assert [proof.name for proof in lemmas.proofs] == names and lemmas.warnings == ()
    assert sum(len(proof.steps) for proof in lemmas.proofs) < 100  # reshaping, not saturation
    # the recognised facts the replay cites are these lemmas
    sig = lemmas.theory.signature
    assert sig.facts[sig.induction[0].fact].lemma == "normal_6_1"
    assert {sig.facts[op.total_fact].lemma for op in sig.operations if op.inputs == 2} == {"normal_total_8", "normal_total_12"}
    run_dir = tmp_path / "run"
    result = CliRunner().invoke(main, ["prove", str(DATA / "curried.mpl"), "--goals-only", "-o", str(run_dir), "--no-html"])
    assert result.exit_code == 0, result.output
    graph = json.loads((run_dir / "proofgraph.json").read_text(encoding="utf-8"))
    assert [t["name"] for t in graph["theorems"]] == names
    assert all(t["origin"]["source"] == "normal form" for t in graph["theorems"])
    report = check_run(run_dir)
    assert report.ok, report.render()


def test_unique_existence_gives_totality_and_functionality():
    """∃y (s(x) = y ∧ y ∈ N ∧ ∀z (s(x) = z → z = y)): both canonical statements are lemmas,
    proved from that one axiom (witness, then a = c and b = c for the witness c)."""
    theory = load_theory(DATA / "unique.mpl")
    lemmas = prove_lemmas(theory)
    assert lemmas.warnings == ()
    assert [p.name for p in lemmas.proofs] == [f.lemma for f in theory.lemmas]
    assert {p.name.split("_")[1] for p in lemmas.proofs} == {"functional", "total"}


def test_what_cannot_be_used_is_said():
    """A canonical statement the engine cannot prove is never cited, and the run says what is
    lost, naming the axiom (here the totality of + is replaced by a statement that is false)."""
    theory = load_theory(DATA / "curried.mpl")
    sig = theory.signature
    plus = sig.operation("+")
    fact = sig.facts[plus.total_fact]
    false = parse_formula("forall x y: x ∈ N and y ∈ N -> exists z: x + y = z and z ∈ N and z = 0")
    facts = tuple(replace(f, formula=false) if f is fact else f for f in sig.facts)
    lemmas = prove_lemmas(replace(theory, signature=replace(sig, facts=facts)))
    assert any(w.startswith(f"{fact.lemma}: the canonical form") and "of axiom 8, 9 could not be proved" in w
               for w in lemmas.warnings), lemmas.warnings
    assert "+ is a total function on N, but its totality has no usable canonical statement: " \
           "rewriting cannot evaluate terms of it" in lemmas.warnings
    assert plus.total_fact in lemmas.theory.signature.unusable
    assert "+" not in context(lemmas.theory).axioms  # the replay never cites it


def test_a_step_that_is_no_total_function_is_said(tmp_path):
    """Without the successor's totality nothing has a numeral and nothing rewrites: the run
    says so, naming the step and the induction axiom, instead of proving nothing silently."""
    text = (ROOT / "mpl_examples" / "peano.mpl").read_text()
    totality = "(forall x: x ∈ X -> exists y: f(x) = y and y ∈ X)"
    assert totality in text
    source = tmp_path / "partial.mpl"
    source.write_text(text.replace(totality, "(forall x y: x ∈ X and f(x) = y -> y ∈ X)"))
    lemmas = prove_lemmas(load_theory(source))
    assert any(w.startswith("s, the step of the induction schema of axiom ") and
               "is not recognised as a total function on N" in w for w in lemmas.warnings), lemmas.warnings
    assert prove_lemmas(load_theory(ROOT / "mpl_examples" / "peano.mpl")).warnings == ()


def test_peano_as_written_needs_no_lemma():
    theory = load_theory(ROOT / "mpl_examples" / "peano.mpl")
    facts = facts_of(theory.axioms, frozenset(c.name for c in theory.signature.constants))
    assert all(f.lemma is None for f in facts) and len(facts) == len(theory.axioms)
