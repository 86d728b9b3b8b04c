"""parse(print(t)) == t for both notations, over generated formulas and files."""

import re

import pytest
from hypothesis import example, given

from genlogic.errors import MplError
from genlogic.mpl import printer
from genlogic.mpl.parser import parse_formula, parse_source
from genlogic.mpl.reader import CoreSyntaxError, read_core
from genlogic.mpl.subst import substitute

from .strategies import formulas, readable_texts, source_files


@given(formulas())
def test_core_round_trip(formula):
    assert parse_formula(printer.core(formula)) == formula


@given(formulas())
def test_readable_round_trip(formula):
    assert parse_formula(printer.readable(formula)) == formula


@given(source_files)
def test_file_round_trip_core(source):
    text = printer.source_file(source, printer.core)
    assert parse_source(text).statements == source.statements


@given(source_files)
def test_file_round_trip_readable(source):
    text = printer.source_file(source, printer.readable)
    assert parse_source(text).statements == source.statements


@given(source_files)
def test_canonical_layout_is_a_fixed_point(source):
    text = printer.source_file(source, printer.readable)
    assert printer.source_file(parse_source(text)) == text


@given(readable_texts())
@example("forall x: x ∈ N -> s(x) * s(x) = s(x) + (x * s(x))")
def test_nested_terms_print_back(text):
    formula = parse_formula(text)
    assert parse_formula(printer.readable(formula)) == formula
    if not re.search(r"\b_[0-9]", text):
        assert not re.search(r"\b_[0-9]", printer.readable(formula)), "nested terms are folded back"
    assert parse_formula(printer.core(formula)) == formula


def test_nested_terms_desugar_as_documented():
    formula = parse_formula("forall a b c: a ∈ N and b ∈ N and c ∈ N -> (a + b) + c = a + (b + c)")
    assert printer.core(formula) == (
        "(>[a,b,c](&(&(in[a,N])(in[b,N]))(in[c,N]))"
        "(>[_1,_2,_3](&(&(in3[a,b,_1,+])(in3[b,c,_2,+]))(in3[a,_2,_3,+]))(in3[_1,c,_3,+])))"
    )
    assert printer.readable(formula) == "forall a b c: a ∈ N and b ∈ N and c ∈ N -> (a + b) + c = a + (b + c)"


def test_single_application_is_one_atom_whichever_side():
    assert parse_formula("c = a + b") == parse_formula("a + b = c") == parse_formula("(in3[a,b,c,+])")
    assert parse_formula("s(x) = y") == parse_formula("(in2[x,y,s])")
    assert parse_formula("add(a, b) = c") == parse_formula("a add b = c") == parse_formula("(in3[a,b,c,add])")


def test_functions_of_three_and_four_arguments_are_in4_and_in5():
    assert parse_formula("h(a, b, c) = d") == parse_formula("d = h(a, b, c)") == parse_formula("(in4[a,b,c,d,h])")
    assert parse_formula("k(a, b, c, d) = e") == parse_formula("(in5[a,b,c,d,e,k])")
    nested = parse_formula("forall a b c: a ∈ N and b ∈ N and c ∈ N -> h(a, s(b), c) = s(h(a, b, c))")
    assert printer.core(nested) == (
        "(>[a,b,c](&(&(in[a,N])(in[b,N]))(in[c,N]))"
        "(>[_1,_2,_3](&(&(in2[b,_1,s])(in4[a,b,c,_2,h]))(in2[_2,_3,s]))(in4[a,_1,c,_3,h])))"
    )
    assert printer.readable(nested) == "forall a b c: a ∈ N and b ∈ N and c ∈ N -> h(a, s(b), c) = s(h(a, b, c))"
    assert printer.readable(parse_formula("(in5[a,b,c,d,e,k])")) == "k(a, b, c, d) = e"
    with pytest.raises(MplError, match="applied to 5 arguments"):
        parse_formula("f(a, b, c, d, e) = x")


def test_fresh_variables_avoid_names_in_use():
    formula = parse_formula("forall _1: _1 ∈ N -> s(s(_1)) = _2")
    assert printer.core(formula) == "(>[_1](in[_1,N])(>[_3](in2[_1,_3,s])(in2[_3,_2,s])))"


def test_exists_and_negation_sugar():
    assert printer.core(parse_formula("exists y: s(x) = y and y ∈ N")) == "!(>[y](in2[x,y,s])!(in[y,N]))"
    assert printer.core(parse_formula("exists y: s(x) = y")) == "!(>[y](in2[x,y,s])!(in2[x,y,s]))"
    assert parse_formula("a ≠ b") == parse_formula("not a = b") == parse_formula("!(=[a,b])")
    assert parse_formula("x ∉ X") == parse_formula("¬ x in X") == parse_formula("!(in[x,X])")


def test_quantifier_merging_and_associativity():
    assert parse_formula("forall a: forall b: P[a] -> P[b]") == parse_formula("(>[a,b](P[a])(P[b]))")
    assert parse_formula("A[x] -> B[x] -> C[x]") == parse_formula("(>[](A[x])(>[](B[x])(C[x])))")
    assert parse_formula("A[x] and B[x] and C[x]") == parse_formula("(&(&(A[x])(B[x]))(C[x]))")


def test_gl_expression_parses_verbatim():
    text = "(>[a](in[a,N])(>[b](in3[a,i0,b,+])(=[a,b])))"
    assert printer.core(parse_formula(text)) == text
    spaced = "( > [a] ( in[a, N] )\n  ( >[b] (in3[a, i0, b, +]) (=[a,b]) ) )"
    assert printer.core(parse_formula(spaced)) == text


@given(formulas())
def test_fast_core_reader_agrees_with_the_grammar(formula):
    text = printer.core(formula)
    assert read_core(text) == parse_formula(text) == formula


def test_fast_core_reader_rejects_what_is_not_canonical():
    for text in ["( in[a,b])", "(in[a,b]) ", "(in[a b])", "(&(in[a,b]))", "(>[x(in[x,N])(in[x,N]))", "x = y", ""]:
        with pytest.raises(CoreSyntaxError):
            read_core(text)


def test_formulas_built_by_substitution_fold_each_nested_term():
    """Subformulas that each number their fresh variables from _1 (as the engine's instances do)
    cannot re-parse as a whole; each fold is checked on its own instead."""
    from genlogic.mpl.ast import And
    from genlogic.mpl.normal import normal_text

    one = parse_formula("forall x: x ∈ N -> s(x) + y = s(x + y)")
    both = And(substitute(one, {"y": "0"}), substitute(one, {"y": "n"}))
    text = printer.readable(both)
    assert text == "(forall x: x ∈ N -> s(x) + 0 = s(x + 0)) and (forall x: x ∈ N -> s(x) + n = s(x + n))"
    assert normal_text(parse_formula(text)) == normal_text(both)
