"""Equivalent phrasings of Peano arithmetic explore the same way.

``tests/data/phrasings/pNN_<what>.mpl`` are complete Peano theories, each stating the axioms of
``mpl_examples/peano.mpl`` in another way a user might write them (the header comment of each
file names the phrasing family it exercises); ``pNN_<what>_laws.mpl`` states the six laws of
``mpl_examples/peano_laws.mpl`` in that file's names. For every phrasing, exploration must find
the six laws, within the time budget of the example, and the proof graph must check.

The property test builds phrasings itself: it applies random equivalence-preserving rewrites to
the syntax trees of ``mpl_examples/peano.mpl`` (conjunct order, currying and uncurrying,
encodings of ∃, the direction of equations, bound-variable names, the order and names of the
anchor's parameters, definitions inlined), prints the result as MPL, explores it with a bounded
number of rounds and asserts that it proves the same theorems as the original, up to the
renaming of the constants.
"""

from __future__ import annotations

import json
import os
import random
import signal
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from genlogic.cli import main
from genlogic.explore.model import ground_model
from genlogic.explore.refute import counterexample
from genlogic.mpl import printer
from genlogic.mpl.ast import (
    And,
    Atom,
    DefStatement,
    Forall,
    Formula,
    Not,
    SourceFile,
    conjoin,
    conjuncts,
    free_identifiers,
    identifiers,
)
from genlogic.mpl.normal import normal_text
from genlogic.mpl.parser import parse_formula, parse_source
from genlogic.mpl.subst import substitute
from genlogic.theory.build import load_theory
from web_export.model import build_site
from genlogic.theory.model import Kind

ROOT = Path(__file__).parent.parent
PEANO = ROOT / "mpl_examples" / "peano.mpl"
PHRASINGS_DIR = ROOT / "tests" / "data" / "phrasings"
PHRASINGS = sorted(p for p in PHRASINGS_DIR.glob("p[0-9][0-9]_*.mpl") if not p.stem.endswith("_laws"))

#: the budget of every phrasing: the example explores in about 5 s, this leaves a wide margin
TIME_LIMIT = 60

#: wall-clock limits the test enforces itself, so that a command that ignores --time-limit
#: (or a query that does not end) fails the test instead of hanging the suite
PROVE_WALL = TIME_LIMIT + 30
QUERY_WALL = 60
CHECK_WALL = 60

#: rounds of the bounded explorations that the property test compares (about 4 s each), and
#: their wall-clock limit
PROPERTY_ROUNDS = 20
PROPERTY_WALL = 60


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


class Overtime(BaseException):
    """Raised in the test's own thread when a command outlives its wall-clock limit (a
    BaseException, so that no ``except Exception`` of the code under test swallows it)."""


@contextmanager
def _alarm(seconds: float):
    def expire(signum, frame):
        raise Overtime()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_within(seconds: float, *args):
    """``run(*args)``, failing the test if it takes more than ``seconds``."""
    try:
        with _alarm(seconds):
            return run(*args)
    except Overtime:
        pytest.fail(f"genlogic {' '.join(map(str, args))} did not finish within {seconds} s")


def test_there_are_enough_phrasings():
    assert len(PHRASINGS) >= 18
    for phrasing in PHRASINGS:
        assert phrasing.with_name(phrasing.stem + "_laws.mpl").is_file(), phrasing.name
        assert phrasing.read_text(encoding="utf-8").startswith(f"# {phrasing.stem[:3]} — family: "), phrasing.name


# --- the phrasing files ---------------------------------------------------------------------


@pytest.mark.parametrize("phrasing", PHRASINGS, ids=lambda p: p.stem)
def test_phrasing_signature(phrasing):
    """genlogic recognises what it recognises in peano.mpl: the successor and both operations
    as total functions closed on the carrier, and an induction schema over the carrier by the
    successor."""
    assert run("parse", phrasing).exit_code == 0
    assert run("signature", phrasing).exit_code == 0
    theory = load_theory(phrasing)
    signature = theory.signature
    by_kind: dict[Kind, list[str]] = {}
    for constant in signature.constants:
        by_kind.setdefault(constant.kind, []).append(constant.name)
    [carrier] = by_kind[Kind.SET]
    [successor] = by_kind[Kind.RELATION2]
    assert len(by_kind[Kind.RELATION3]) == 2
    for name in [successor, *by_kind[Kind.RELATION3]]:
        operation = signature.operation(name)
        assert operation is not None and operation.is_operation, f"{name}: {operation}"
        assert operation.domain == carrier and operation.closed, f"{name}: {operation}"
    schemas = [(i.carrier, i.step) for i in signature.induction]
    assert (carrier, successor) in schemas, signature.induction
    assert all(i.base in by_kind[Kind.ELEMENT] for i in signature.induction)


@pytest.mark.parametrize("phrasing", PHRASINGS, ids=lambda p: p.stem)
def test_phrasing_explores_to_the_six_laws(phrasing, tmp_path):
    """Exploration of the phrasing, within the example's budget, gives theorems from which the
    six laws follow, and its proof graph checks."""
    out = tmp_path / "run"
    result = run_within(PROVE_WALL, "prove", phrasing, "-o", out, "--no-html", "--time-limit", TIME_LIMIT, "--json")
    assert result.exit_code in (0, 1), result.output
    summary = json.loads(result.output)
    brief = {"cut_short": summary.get("cut_short"), "counts": summary.get("counts"), "seconds": summary.get("seconds")}
    assert result.exit_code == 0, brief
    # commutativity of + has no proof without induction, so nothing follows from a run that
    # proved nothing by induction (and a query against it can take minutes)
    assert (summary.get("counts") or {}).get("by_induction", 0) > 0, brief
    query = run_within(QUERY_WALL, "query", out, phrasing.with_name(phrasing.stem + "_laws.mpl"))
    assert query.exit_code == 0, f"{query.output}\n{brief}"
    assert query.output.count("follows") == 6
    check = run_within(CHECK_WALL, "check", out)
    assert check.exit_code == 0, check.output
    # the browser names the laws by their shape and shows every proof found by rewriting as
    # calculations that agree with the steps, at most 15 lines per case (issue 12)
    theorems = build_site(out).theorems
    titles = {t.title for t in theorems}
    for shape in ("_comm", "_assoc", "_left_distrib", "_right_distrib"):
        assert sum(title.endswith(shape) for title in titles) >= (2 if shape in ("_comm", "_assoc") else 1), titles
    for theorem in theorems:
        outline = theorem.proof.outline
        assert not outline.set_aside and all(n <= 15 for n in outline.case_lines()), (theorem.name, outline)


# --- random equivalent phrasings ------------------------------------------------------------
#
# Every rewrite below is an equivalence in Peano arithmetic (most are logical equivalences;
# turning an equation between nested terms around uses that the operations are total and
# functional on N, as the axioms say).


def _paths(formula: Formula, path=()):
    """Every subformula with its path (a tuple of child indices)."""
    yield path, formula
    if isinstance(formula, Not):
        yield from _paths(formula.body, path + (0,))
    elif isinstance(formula, And):
        yield from _paths(formula.left, path + (0,))
        yield from _paths(formula.right, path + (1,))
    elif isinstance(formula, Forall):
        yield from _paths(formula.antecedent, path + (0,))
        yield from _paths(formula.consequent, path + (1,))


def _replace(formula: Formula, path, new: Formula) -> Formula:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(formula, Not):
        return Not(_replace(formula.body, rest, new))
    if isinstance(formula, And):
        if head == 0:
            return And(_replace(formula.left, rest, new), formula.right)
        return And(formula.left, _replace(formula.right, rest, new))
    assert isinstance(formula, Forall)
    if head == 0:
        return Forall(formula.variables, _replace(formula.antecedent, rest, new), formula.consequent)
    return Forall(formula.variables, formula.antecedent, _replace(formula.consequent, rest, new))


def _swap_conjuncts(f: Formula, rnd: random.Random):
    """A ∧ B → B ∧ A."""
    if isinstance(f, And):
        return And(f.right, f.left)
    return None


def _curry(f: Formula, rnd: random.Random):
    """∀xs (A ∧ B → C) → ∀ys (A → ∀zs (B → C)), zs the variables not free in A."""
    if not isinstance(f, Forall):
        return None
    parts = list(conjuncts(f.antecedent))
    if len(parts) < 2:
        return None
    cut = rnd.randrange(1, len(parts))
    first, rest = conjoin(parts[:cut]), conjoin(parts[cut:])
    movable = [v for v in f.variables if v not in free_identifiers(first)]
    inner = tuple(v for v in movable if rnd.random() < 0.7)
    outer = tuple(v for v in f.variables if v not in inner)
    return Forall(outer, first, Forall(inner, rest, f.consequent))


def _uncurry(f: Formula, rnd: random.Random):
    """∀xs (A → ∀ys (B → C)) → ∀xs ys (A ∧ B → C), if no y is among the xs or free in A."""
    if not (isinstance(f, Forall) and isinstance(f.consequent, Forall)):
        return None
    inner = f.consequent
    if set(inner.variables) & (set(f.variables) | free_identifiers(f.antecedent)):
        return None
    return Forall(f.variables + inner.variables, And(f.antecedent, inner.antecedent), inner.consequent)


def _flip_equality(f: Formula, rnd: random.Random):
    """s = t → t = s."""
    if isinstance(f, Atom) and f.pred == "=" and f.args[0] != f.args[1]:
        return Atom("=", (f.args[1], f.args[0]))
    return None


def _flip_nested_equation(f: Formula, rnd: random.Random):
    """The direction of an equation between two nested terms, `a + s(b) = s(a + b)` →
    `s(a + b) = a + s(b)`: in ∀vs (… ∧ E → C) where the atoms C and E are the two sides
    applied to the same bound output o, exchange C and E."""
    if not (isinstance(f, Forall) and isinstance(f.consequent, Atom) and f.consequent.pred in ("in2", "in3")):
        return None
    conclusion = f.consequent
    output = conclusion.args[-2]
    if output not in f.variables or output in conclusion.args[:-2]:
        return None
    parts = list(conjuncts(f.antecedent))
    uses = [i for i, p in enumerate(parts) if output in free_identifiers(p)]
    if len(uses) != 1:
        return None
    other = parts[uses[0]]
    if not (isinstance(other, Atom) and other.pred in ("in2", "in3") and other.args[-2] == output):
        return None
    if output in other.args[:-2] or output == other.args[-1]:
        return None
    parts[uses[0]] = conclusion
    return Forall(f.variables, conjoin(parts), other)


def _exists_encoding(f: Formula, rnd: random.Random):
    """∃ys (G ∧ B), GL's `!(>[ys](G)!(B))`, in another encoding: the parts swapped, the whole
    conjunction as both witness and claim, or under a trivial guard `y = y`."""
    if not (isinstance(f, Not) and isinstance(f.body, Forall) and isinstance(f.body.consequent, Not)):
        return None
    inner = f.body
    witness, claim = inner.antecedent, inner.consequent.body
    if not inner.variables:
        return None
    whole = witness if witness == claim else And(witness, claim)
    choice = rnd.randrange(3)
    if choice == 0 and witness != claim:
        return Not(Forall(inner.variables, claim, Not(witness)))
    if choice == 1:
        return Not(Forall(inner.variables, whole, Not(whole)))
    y = inner.variables[0]
    return Not(Forall(inner.variables, Atom("=", (y, y)), Not(whole)))


def _rename_bound(f: Formula, rnd: random.Random, avoid: set[str]):
    """∀x … → ∀w … with a fresh w."""
    if not (isinstance(f, Forall) and f.variables):
        return None
    old = rnd.choice(f.variables)
    new = next(f"w{i}" for i in range(1000) if f"w{i}" not in avoid)
    avoid.add(new)
    return Forall(
        tuple(new if v == old else v for v in f.variables),
        substitute(f.antecedent, {old: new}),
        substitute(f.consequent, {old: new}),
    )


FORMULA_REWRITES = {
    "swap": _swap_conjuncts,
    "curry": _curry,
    "uncurry": _uncurry,
    "flip": _flip_equality,
    "flip_nested": _flip_nested_equation,
    "exists": _exists_encoding,
    "rename": None,  # needs the names to avoid: see _rewrite_body
}


def _rewrite_body(body: Formula, kind: str, rnd: random.Random, avoid: set[str]) -> Formula:
    sites = []
    for path, sub in _paths(body):
        if kind == "rename":
            new = _rename_bound(sub, random.Random(rnd.random()), set(avoid))
        else:
            new = FORMULA_REWRITES[kind](sub, random.Random(rnd.random()))
        if new is not None:
            sites.append((path, new))
    if not sites:
        return body
    path, new = rnd.choice(sites)
    return _replace(body, path, new)


#: new names for the constants of peano.mpl (N, 0, 1, s, +, *)
NEW_NAMES = {"N": ["Nat", "ℕ"], "0": ["zero", "o"], "1": ["one", "i"], "s": ["succ", "S"], "+": ["plus", "⊕"], "*": ["times", "⊗"]}


def _phrasing(rnd: random.Random, steps: list[tuple[str, int]]) -> tuple[str, dict[str, str], list[str]]:
    """A random equivalent of peano.mpl: its text, the renaming of its constants and the
    rewrites applied (for the failure message)."""
    source = parse_source(PEANO.read_text(encoding="utf-8"), str(PEANO))
    # without their source positions, so that the printer keeps the statements in this order
    statements = [DefStatement(s.name, s.params, s.body, s.is_anchor) for s in source.statements]
    log = []
    if rnd.random() < 0.25:
        # everything inlined into the anchor: its expanded conjuncts, no definitions
        theory = load_theory(PEANO)
        anchor = theory.anchor
        statements = [DefStatement(anchor.name, anchor.params, conjoin(list(theory.axioms)), True)]
        log.append("inline")
    for kind, index in steps:
        position = index % len(statements)
        statement = statements[position]
        avoid = identifiers(statement.body) | set(statement.params)
        body = _rewrite_body(statement.body, kind, random.Random(index), avoid)
        statements[position] = DefStatement(statement.name, statement.params, body, statement.is_anchor)
        log.append(f"{kind}@{statement.name}")
    # reorder the parameters of a definition, and its arguments at every call
    definitions = [s for s in statements if not s.is_anchor]
    if definitions and rnd.random() < 0.5:
        target = rnd.choice(definitions)
        order = list(range(len(target.params)))
        rnd.shuffle(order)

        def permute(formula: Formula) -> Formula:
            if isinstance(formula, Atom):
                if formula.pred == target.name:
                    return Atom(formula.pred, tuple(formula.args[i] for i in order))
                return formula
            if isinstance(formula, Not):
                return Not(permute(formula.body))
            if isinstance(formula, And):
                return And(permute(formula.left), permute(formula.right))
            return Forall(formula.variables, permute(formula.antecedent), permute(formula.consequent))

        statements = [
            DefStatement(
                s.name,
                tuple(s.params[i] for i in order) if s.name == target.name else s.params,
                permute(s.body),
                s.is_anchor,
            )
            for s in statements
        ]
        log.append(f"params@{target.name}")
    # rename and reorder the anchor's parameters (the theory's constants)
    [anchor] = [s for s in statements if s.is_anchor]
    mapping = {c: (rnd.choice(NEW_NAMES[c]) if rnd.random() < 0.5 else c) for c in anchor.params}
    avoid = identifiers(anchor.body) | set(anchor.params)
    if set(mapping.values()) - set(anchor.params) & avoid:
        mapping = {c: c for c in anchor.params}
    params = [mapping[c] for c in anchor.params]
    rnd.shuffle(params)
    new_anchor = DefStatement(anchor.name, tuple(params), substitute(anchor.body, mapping), True)
    statements = [new_anchor if s.is_anchor else s for s in statements]
    log.append(f"anchor[{', '.join(params)}]")
    notation = rnd.choice([printer.core, printer.readable])
    log.append(notation.__name__)
    text = printer.source_file(SourceFile("<phrasing>", tuple(statements)), notation)
    return text, mapping, log


def _theorems(run_dir: Path, mapping: dict[str, str] | None = None) -> dict[str, str]:
    """What exploration discovered, as normal text (constants renamed by ``mapping``) →
    statement: the canonical forms of the phrasing's own axioms (origin ``normal form``, proved
    first) say what the axioms say, and are left out."""
    graph = json.loads((run_dir / "proofgraph.json").read_text(encoding="utf-8"))
    found = {}
    for theorem in graph["theorems"]:
        if theorem["origin"]["source"] == "normal form":
            continue
        statement = parse_formula(theorem["statement"])
        found[normal_text(substitute(statement, mapping) if mapping else statement)] = printer.readable(statement)
    return found


class _Theorems(dict):
    """Normal text → statement, which Hypothesis's report of a failing case shows briefly."""

    def __repr__(self) -> str:
        return f"<{len(self)} theorems of peano.mpl>"


@pytest.fixture(scope="module")
def bounded_original(tmp_path_factory):
    out = tmp_path_factory.mktemp("phrasings") / "peano"
    run("prove", PEANO, "-o", out, "--no-html", "--max-rounds", PROPERTY_ROUNDS)
    theorems = _theorems(out)
    assert theorems
    return _Theorems(theorems)


def test_random_phrasings_are_true_on_the_ground_model():
    """A check of the rewrites themselves, without exploring: every random phrasing loads, and
    each of its axioms, its constants renamed back, has no counterexample on the ground model
    of mpl_examples/peano.mpl."""
    model = ground_model(load_theory(PEANO))
    rnd = random.Random(7)
    for trial in range(30):
        steps = [(rnd.choice(sorted(FORMULA_REWRITES)), rnd.randrange(10**6)) for _ in range(rnd.randrange(1, 12))]
        text, mapping, log = _phrasing(random.Random(trial), steps)
        theory = load_theory(Path("phrasing.mpl"), text)
        back = {new: old for old, new in mapping.items()}
        for axiom in theory.axioms:
            found = counterexample(substitute(axiom, back), model)
            assert found is None, f"rewrites {log}: {printer.readable(axiom)} fails at {found.assignment}"


# No shrinking: every step of it is an exploration; the failure message lists the rewrites.
@settings(
    max_examples=10,
    deadline=None,
    derandomize=bool(os.environ.get("CI")),  # CI replays a fixed set; a failure found here becomes a pNN file
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(
    steps=st.lists(st.tuples(st.sampled_from(sorted(FORMULA_REWRITES)), st.integers(0, 10**6)), min_size=1, max_size=12),
    seed=st.integers(0, 10**6),
)
def test_equivalent_phrasings_prove_the_same_theorems(bounded_original, tmp_path_factory, steps, seed):
    text, mapping, log = _phrasing(random.Random(seed), steps)
    folder = tmp_path_factory.mktemp("phrasing")
    path = folder / "phrasing.mpl"
    path.write_text(text, encoding="utf-8")
    load_theory(path)  # a phrasing is a valid theory
    out = folder / "run"
    try:
        with _alarm(PROPERTY_WALL):
            run("prove", path, "-o", out, "--no-html", "--max-rounds", PROPERTY_ROUNDS)
    except Overtime:
        pytest.fail(f"rewrites {log}: prove did not finish within {PROPERTY_WALL} s\n{text}")
    back = {new: old for old, new in mapping.items()}
    theorems = _theorems(out, back)
    missing = [bounded_original[k] for k in bounded_original.keys() - theorems.keys()]
    extra = [theorems[k] for k in theorems.keys() - bounded_original.keys()]
    assert not missing and not extra, (
        f"rewrites {log}: {len(missing)} theorems missing, {len(extra)} extra\n"
        + "".join(f"  missing: {t}\n" for t in sorted(missing)[:3])
        + "".join(f"  extra:   {t}\n" for t in sorted(extra)[:3])
        + text
    )
