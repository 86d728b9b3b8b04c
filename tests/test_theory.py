"""Theory building: names, kinds, expansion, imports, signature recognition, and the errors."""

import pytest

from genlogic.errors import MplError
from genlogic.mpl import printer
from genlogic.mpl.parser import parse_formula
from genlogic.theory.build import load_theory
from genlogic.mpl.expand import expand
from genlogic.theory.model import Kind


def build(tmp_path, text, name="t.mpl"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_theory(path)


def error_of(tmp_path, text, name="t.mpl") -> MplError:
    with pytest.raises(MplError) as caught:
        build(tmp_path, text, name)
    return caught.value


@pytest.mark.parametrize(
    "text, message, line, column",
    [
        ("def A[x] := B[x]", "unknown predicate 'B' in definition 'A'", 1, 13),
        ("def A[x] := in[x]", "'in' takes 2 arguments, got 1", 1, 13),
        ("def A[x] := x ∈ Y", "unbound identifier 'Y' in definition 'A'", 1, 13),
        ("def A[x] := B[x]\ndef B[y] := A[y]", "recursive definition: A → B → A", 1, 1),
        ("def A[x] := A[x]", "recursive definition: A → A", 1, 1),
        ("def A[x] := x ∈ x", "'x' is used as a set here, but as an element", 1, 13),
        ("def A[x] := x = x\ndef A[y] := y = y", "'A' is defined twice", 2, 1),
        ("def in[x, y] := x = y", "'in' is built in and cannot be redefined", 1, 1),
        ("def A[x, x] := x = x", "parameter 'x' of 'A' is listed twice", 1, 1),
        ("def A[X] := (>[x,x](in[x,X])(in[x,X]))", "variable 'x' is bound twice by one quantifier", 1, 13),
        ("anchor T[X] := X = X\ntheorem t := y ∈ X", "unbound identifier 'y' in theorem 't'", 2, 14),
        ("anchor T[X] := X = X\ntheorem t := X = X\ntheorem t := X = X", "theorem 't' is stated twice", 3, 1),
        ("anchor A[X] := X = X\nanchor B[X] := X = X", "a file has at most one anchor; 'B' is a second one", 2, 1),
        ('import "missing.mpl"', "cannot import 'missing.mpl': no such file", 1, 1),
        ("def A[s, x, y] := s(x) = y and x s y = x", "'s' is used as a ternary relation here, but as a binary relation", 1, 32),
        ("def A[P, x] := x ∈ P and P = x", "'=' compares 'P', a set, with 'x', an element", 1, 26),
    ],
)
def test_errors_are_located(tmp_path, text, message, line, column):
    error = error_of(tmp_path, text)
    assert error.message.startswith(message), error.message
    assert (error.span.line, error.span.column) == (line, column)
    assert error.span.file.endswith("t.mpl")
    rendered = error.render().splitlines()
    assert len(rendered) == 3
    assert rendered[2].index("^") - 4 == column - 1


def test_kind_conflict_names_both_uses(tmp_path):
    error = error_of(tmp_path, "def A[s, x, y] :=\n    s(x) = y\n    and x s y = x")
    assert error.span.line == 3
    assert "at " in error.note and ":2:5" in error.note


def test_import_cycle(tmp_path):
    (tmp_path / "a.mpl").write_text('import "b.mpl"\ndef A[x] := x = x\n')
    (tmp_path / "b.mpl").write_text('import "a.mpl"\n')
    with pytest.raises(MplError) as caught:
        load_theory(tmp_path / "a.mpl")
    assert "import cycle" in caught.value.message
    assert caught.value.span.file.endswith("b.mpl")


def test_imports_diamond_and_anchor_from_import(tmp_path):
    (tmp_path / "base.mpl").write_text("def Refl[X, R] := forall x: x ∈ X -> R(x) = x\n")
    (tmp_path / "left.mpl").write_text('import "base.mpl"\nanchor T[X, R] := Refl[X, R]\n')
    (tmp_path / "right.mpl").write_text('import "base.mpl"\ndef Other[X] := X = X\n')
    theory = build(tmp_path, 'import "left.mpl"\nimport "right.mpl"\ntheorem t := forall x: x ∈ X -> R(x) = x\n')
    assert theory.anchor.name == "T"
    assert [d.name for d in theory.definitions] == ["Refl", "T", "Other"]
    assert [t.name for t in theory.theorems] == ["t"]


def test_an_anchor_that_builds_on_another_applies(tmp_path):
    """A file importing a theory that imports another gets the theory it imports; two unrelated
    imported anchors stay an error."""
    (tmp_path / "base.mpl").write_text("def Refl[X, R] := forall x: x ∈ X -> R(x) = x\nanchor B[X, R] := Refl[X, R]\n")
    (tmp_path / "more.mpl").write_text('import "base.mpl"\nanchor M[X, R, e] := B[X, R] and e ∈ X\n')
    assert build(tmp_path, 'import "more.mpl"\n').anchor.name == "M"
    (tmp_path / "other.mpl").write_text("anchor O[Y] := Y = Y\n")
    with pytest.raises(MplError) as caught:
        build(tmp_path, 'import "more.mpl"\nimport "other.mpl"\n')
    assert "imported files define several anchors (M, O)" in caught.value.message


def test_kinds_propagate_through_definitions(tmp_path):
    theory = build(
        tmp_path,
        "def Op[X, g] := forall a b: a ∈ X and b ∈ X -> exists c: a g b = c\n"
        "def Pair[A, B, x] := x = x and Op[A, B]\n",
    )
    assert theory.definition("Pair").kinds == (Kind.SET, Kind.RELATION3, Kind.ELEMENT)
    assert theory.definition("Op").binder_kinds == (("a", Kind.ELEMENT), ("b", Kind.ELEMENT), ("c", Kind.ELEMENT))


def test_higher_order_binder_kind(tmp_path):
    theory = build(tmp_path, "def Ind[N, z] := forall P: z ∈ P -> forall n: n ∈ N -> n ∈ P\n")
    assert dict(theory.definition("Ind").binder_kinds)["P"] is Kind.SET


def test_expansion_avoids_capture(tmp_path):
    theory = build(tmp_path, "def Has[X, y] := exists x: x ∈ X and x = y\ndef Use[X, x] := Has[X, x]\n")
    expanded = expand(theory.definition("Use").body, {d.name: d for d in theory.definitions})
    assert printer.core(expanded) == "!(>[x'](in[x',X])!(=[x',x]))"


def test_signature_is_recognised_from_shape_not_names(tmp_path):
    theory = build(
        tmp_path,
        "anchor Nat[Z, zero, next] :=\n"
        "    zero ∈ Z\n"
        "    and (forall x: x ∈ Z -> exists y: next(x) = y and y ∈ Z)\n"
        "    and (forall x y z: next(x) = y and next(x) = z -> y = z)\n"
        "    and (forall Q: (forall k: k ∈ Z and k ∈ Q -> next(k) ∈ Q) and zero ∈ Q -> forall v: v ∈ Z -> v ∈ Q)\n",
    )
    signature = theory.signature
    operation = signature.operation("next")
    assert operation.is_operation and operation.domain == "Z" and operation.closed
    assert not operation.injective
    [schema] = signature.induction
    assert (schema.carrier, schema.base, schema.step, schema.axiom) == ("Z", "zero", "next", 3)


def test_non_functional_relation_is_not_an_operation(tmp_path):
    theory = build(tmp_path, "anchor P[X, le] := forall x: x ∈ X -> le(x) = x\n")
    operation = theory.signature.operation("le")
    assert not operation.functional and not operation.is_operation


def test_parse_formula_reports_columns_of_the_formula():
    with pytest.raises(MplError) as caught:
        parse_formula("x ∈ N and")
    assert (caught.value.span.line, caught.value.span.column) == (1, 10)
