"""The example theories in mpl_examples/, and a renamed copy of Peano (tests/data)."""

from dataclasses import replace
from pathlib import Path

import pytest

from genlogic.mpl.ast import identifiers
from genlogic.mpl.normal import normal_text
from genlogic.mpl.parser import parse_formula, parse_source
from genlogic.mpl.printer import core, readable, source_file
from genlogic.mpl.subst import substitute
from genlogic.theory.build import load_theory
from genlogic.theory.model import Kind, Operation

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "mpl_examples").glob("*.mpl"))
RENAMED_PEANO = ROOT / "tests" / "data" / "peano_renamed.mpl"

E, SET, REL2, REL3 = Kind.ELEMENT, Kind.SET, Kind.RELATION2, Kind.RELATION3
PEANO_KINDS = {"N": SET, "0": E, "1": E, "s": REL2, "+": REL3, "*": REL3}

#: The anchor's parameters of each example, in order, with their expected kinds.
ANCHOR_KINDS = {
    "gauss": {**PEANO_KINDS, "id": REL2},
    "group": {"G": SET, "e": E, "*": REL3, "inv": REL2},
    "involution": {"X": SET, "f": REL2},
    "peano": PEANO_KINDS,
    "peano_goals": PEANO_KINDS,  # no anchor of its own: Peano's, imported
    "peano_laws": PEANO_KINDS,  # likewise
    "peano_order": {**PEANO_KINDS, "le": REL2},
    "peano_order_laws": {**PEANO_KINDS, "le": REL2},  # PeanoOrder's, imported (it builds on Peano)
    "preorder": {"X": SET, "R": REL2},
}

#: Variables bound in an example's theorems that denote sets; all others are elements.
THEOREM_SETS = {"preorder": {"S", "T"}}

examples = pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)


def example(stem: str):
    return load_theory(ROOT / "mpl_examples" / f"{stem}.mpl")


@examples
def test_example_loads_and_is_in_canonical_layout(path):
    load_theory(path)
    text = path.read_text(encoding="utf-8")
    assert source_file(parse_source(text, path.name)) == text


@examples
def test_example_formulas_round_trip_through_both_notations(path):
    theory = load_theory(path)
    formulas = [d.body for d in theory.definitions] + list(theory.axioms) + [t.formula for t in theory.theorems]
    for formula in formulas:
        assert parse_formula(core(formula)) == formula, core(formula)
        assert parse_formula(readable(formula)) == formula, readable(formula)


@examples
def test_kind_inference(path):
    theory = load_theory(path)
    expected = list(ANCHOR_KINDS[path.stem].items())
    assert list(zip(theory.anchor.params, theory.anchor.kinds)) == expected
    assert [(c.name, c.kind) for c in theory.signature.constants] == expected
    sets = THEOREM_SETS.get(path.stem, set())
    for theorem in theory.theorems:
        for name, kind in theorem.binder_kinds:
            assert kind is (SET if name in sets else E), (theorem.name, name)


def test_kinds_of_higher_order_definitions():
    theory = example("preorder")
    assert theory.definition("UpperBound").kinds == (SET, REL2, SET, E)
    assert theory.definition("Greatest").kinds == (SET, REL2, SET, E)
    assert theory.definition("Subset").kinds == (SET, SET)


def recognised(op: Operation) -> tuple:
    """What the signature says of an operation (not where: the fact indices)."""
    return op.name, op.inputs, op.functional, op.domain, op.closed, op.injective


def test_peano_signature():
    signature = example("peano").signature
    assert recognised(signature.operation("s")) == ("s", 1, True, "N", True, True)
    for name in "+*":
        assert recognised(signature.operation(name)) == (name, 2, True, "N", True, False)
    for op in signature.operations:  # peano.mpl states totality and functionality canonically
        assert signature.facts[op.total_fact].lemma is None and signature.facts[op.functional_fact].lemma is None
    assert not any(fact.lemma for fact in signature.facts)
    assert [(i.carrier, i.base, i.step) for i in signature.induction] == [("N", "0", "s")]
    assert example("peano_goals").signature == signature


def test_group_signature():
    signature = example("group").signature
    assert recognised(signature.operation("*")) == ("*", 2, True, "G", True, False)
    # inv is in fact injective, but no axiom states it in the shape the recogniser reads.
    assert recognised(signature.operation("inv")) == ("inv", 1, True, "G", True, False)
    assert signature.induction == ()


def test_involution_signature():
    # f is injective (theorem "injective"), but only as a consequence of f(f(x)) = x: no
    # axiom has the shape f(x) = z and f(y) = z -> x = y, so it is not recognised as such.
    signature = example("involution").signature
    assert recognised(signature.operation("f")) == ("f", 1, True, "X", True, False)
    assert signature.induction == ()


def test_preorder_relation_is_not_a_function():
    signature = example("preorder").signature
    assert signature.operation("R") == Operation("R", 1, functional=False, domain=None, closed=False, injective=False)
    assert not signature.operation("R").is_operation
    assert signature.induction == ()


def _names(theory) -> set[str]:
    """Definition names, parameters and identifiers of a theory, except desugaring's ``_n``."""
    names = set()
    for definition in theory.definitions:
        names |= {definition.name, *definition.params} | identifiers(definition.body)
    return {name for name in names if not name.startswith("_")}


def test_renamed_peano_is_peano_up_to_renaming():
    original, renamed = example("peano"), load_theory(RENAMED_PEANO)
    assert not _names(original) & _names(renamed)
    assert renamed.anchor.kinds == original.anchor.kinds
    mapping = dict(zip(original.anchor.params, renamed.anchor.params))

    expected = sorted(normal_text(substitute(axiom, mapping)) for axiom in original.axioms)
    assert sorted(normal_text(axiom) for axiom in renamed.axioms) == expected

    operations = [recognised(replace(op, name=mapping[op.name], domain=mapping.get(op.domain)))
                  for op in original.signature.operations]
    assert [recognised(op) for op in renamed.signature.operations] == operations
    def cited(theory, mapping: dict[str, str]) -> list[str]:  # the totality facts the replay cites
        facts = theory.signature.facts
        return sorted(normal_text(substitute(facts[op.total_fact].formula, mapping)) for op in theory.signature.operations)

    assert cited(renamed, {}) == cited(original, mapping)
    schemas = [(mapping[i.carrier], mapping[i.base], mapping[i.step]) for i in original.signature.induction]
    assert [(i.carrier, i.base, i.step) for i in renamed.signature.induction] == schemas
