"""Derived theorem names (web_export/names.py): recognised on the meaning of a statement, not on
its shape in our examples — generated phrasings with any function symbol, any variable names and
either side first must get the same name, and near misses must get none."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from genlogic.mpl.parser import parse_formula
from web_export.names import name_of, word

SYMBOLS = ["+", "*", "·", "⊕", "plus", "times", "g"]
VARIABLES = ["x", "y", "z", "a", "b", "c", "u", "v", "n1"]
FUNCTIONS = {"+": 2, "*": 2, "·": 2, "⊕": 2, "plus": 2, "times": 2, "g": 2, "s": 1, "f": 1, "le": None}


def app(op: str, left: str, right: str) -> str:
    return f"({left} {op} {right})" if op in ("+", "*", "·", "⊕") else f"{op}({left}, {right})"


def statement(variables: list[str], body: str, carrier: str = "N", premises: str = "") -> str:
    guards = " and ".join(f"{v} ∈ {carrier}" for v in variables)
    return f"forall {' '.join(variables)}: {guards}{' and ' + premises if premises else ''} -> {body}"


def named(text: str) -> str | None:
    return name_of(parse_formula(text), {k: v for k, v in FUNCTIONS.items() if v is not None})


three = st.lists(st.sampled_from(VARIABLES), min_size=3, max_size=3, unique=True)
op = st.sampled_from(SYMBOLS)
flip = st.booleans()


def equation(left: str, right: str, flipped: bool) -> str:
    return f"{right} = {left}" if flipped else f"{left} = {right}"


@settings(max_examples=60, deadline=None)
@given(three, op, flip)
def test_commutativity_and_associativity(names, f, flipped):
    x, y, z = names
    assert named(statement([x, y], equation(app(f, x, y), app(f, y, x), flipped))) == f"{word(f)}_comm"
    assoc = equation(app(f, app(f, x, y), z), app(f, x, app(f, y, z)), flipped)
    assert named(statement([x, y, z], assoc)) == f"{word(f)}_assoc"
    left_comm = equation(app(f, x, app(f, y, z)), app(f, y, app(f, x, z)), flipped)
    assert named(statement([x, y, z], left_comm)) == f"{word(f)}_left_comm"


@settings(max_examples=60, deadline=None)
@given(three, op, op, flip)
def test_distributivity(names, f, g, flipped):
    x, y, z = names
    left = equation(app(f, x, app(g, y, z)), app(g, app(f, x, y), app(f, x, z)), flipped)
    right = equation(app(f, app(g, y, z), x), app(g, app(f, y, x), app(f, z, x)), flipped)
    expected = None if f == g else f"{word(f)}_{word(g)}_left_distrib"
    assert named(statement([x, y, z], left)) == expected
    assert named(statement([x, y, z], right)) == (None if f == g else f"{word(f)}_{word(g)}_right_distrib")


@settings(max_examples=60, deadline=None)
@given(three, op, flip)
def test_identity_absorption_and_cancellation(names, f, flipped):
    x, y, z = names
    assert named(statement([x], equation(app(f, x, "0"), x, flipped))) == f"{word(f)}_right_id"
    assert named(statement([x], equation(app(f, "s(0)", x), x, flipped))) == f"{word(f)}_left_id"
    assert named(statement([x], equation(app(f, "0", x), "0", flipped))) == f"{word(f)}_left_absorb"
    cancel = statement([x, y, z], f"{x} = {y}", premises=equation(app(f, x, z), app(f, y, z), flipped))
    assert named(cancel) == f"{word(f)}_right_cancel"
    guarded = statement([x, y, z], f"{x} = {y}",
                        premises=f"{equation(app(f, z, x), app(f, z, y), flipped)} and {z} ≠ 0")
    assert named(guarded) == f"{word(f)}_left_cancel"


@settings(max_examples=60, deadline=None)
@given(three, op, flip)
def test_near_misses_get_no_name(names, f, flipped):
    """A statement that looks like a law but is another one is not named as that law."""
    x, y, z = names
    assert named(statement([x, y], equation(app(f, x, y), app(f, y, y), flipped))) is None
    assert named(statement([x, y, z], equation(app(f, app(f, x, y), z), app(f, y, app(f, x, z)), flipped))) != \
        f"{word(f)}_assoc"
    assert named(statement([x, y], equation(app(f, x, y), y, flipped))) is None  # y is a variable: no identity
    not_cancel = statement([x, y, z], f"{x} = {y}", premises=equation(app(f, x, z), app(f, z, y), flipped))
    assert named(not_cancel) is None


def test_relations_and_unary_functions():
    assert named("forall x y: x ∈ N and y ∈ N and s(x) = s(y) -> x = y") == "s_inj"
    assert named("forall x: x ∈ N -> f(f(x)) = x") == "f_invol"
    assert named("forall x y: x ∈ N and y ∈ N -> s(x) + y = s(x + y)") == "add_s_left"
    assert named("forall x: x ∈ N -> le(x) = x") == "le_refl"
    assert named("forall x y z: le(x) = y and le(y) = z -> le(x) = z") == "le_trans"
    assert named("forall x y: le(x) = y and le(y) = x -> x = y") == "le_antisymm"
    assert named("forall x y: x ∈ N and y ∈ N and not le(x) = y -> le(y) = x") == "le_total"
    assert named("forall x y: le(x) = y -> le(y) = x") == "le_symm"
    assert named("forall x: x ∈ N -> not le(x) = x") == "le_irrefl"
    # s is a function here: s(x) = y is an equation, never the relation "s"
    assert named("forall x: x ∈ N -> s(x) = x") is None


@settings(max_examples=40, deadline=None)
@given(three, op, flip)
def test_flat_and_nested_premises_read_alike(names, f, flipped):
    """The engine writes conditional laws flat (a + c = t and b + c = t -> a = b): the same law."""
    x, y, z = names
    flat = (f"forall {x} {y} {z} t: {x} ∈ N and {y} ∈ N and {z} ∈ N and "
            f"{equation(app(f, x, z), 't', flipped)} and {equation(app(f, y, z), 't', flipped)} -> {x} = {y}")
    assert named(flat) == f"{word(f)}_right_cancel"
    assert named("forall x y t: s(x) = t and s(y) = t -> x = y") == "s_inj"


def test_a_premise_about_a_variable_set_is_no_guard():
    """x ∈ y with y a variable is a premise of the statement, not a guard to leave out."""
    assert named("forall x y: x ∈ y -> x + y = y + x") is None
