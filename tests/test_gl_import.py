"""``genlogic import-gl``: GL's definitions folder and one of its JSON configs become one loadable
.mpl file, with GL's built-in induction principle stated as an axiom.

``tests/data/gl`` is laid out as GL's repository is: ``definitions/`` holds the definition files
of two theories (and a scratch file no config names), each config names its definitions by file
through ``full_mpl``, in GL's format. ``ConfigArithmetic.json`` is a Peano-like theory written
with GL's numeric identifiers, anchored (by GL's naming of configs) on ``AnchorArithmetic``;
``ConfigArithmeticGL.json`` is the same theory with x * 0 stated as GL states it (its body of
``Multiplication`` is in ``MultiplicationGL.txt``); ``ConfigMonoid.json`` names its anchor with
``anchor_name``, has an inline ``full_mpl``, an entry with only an ``arity`` and a ``.mpl``
definition file, and no natural numbers at all.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner, Result

from genlogic.cli import main
from genlogic.explore.accumulation import accumulations, lemmas
from genlogic.mpl import printer
from genlogic.mpl.ast import Atom, conjuncts
from genlogic.mpl.parser import parse_formula, parse_source
from genlogic.theory.build import load_theory

DATA = Path(__file__).parent / "data" / "gl"
DEFINITIONS = DATA / "definitions"
ARITHMETIC = DATA / "ConfigArithmetic.json"
MONOID = DATA / "ConfigMonoid.json"

ARITHMETIC_PARAMS = {
    "Addition": ("1", "2", "3", "4"),
    "Arithmetic": ("1", "2", "3", "4", "5"),
    "Function": ("1", "2", "3"),
    "Multiplication": ("1", "2", "3", "4", "5"),
    "Operation": ("1", "2"),
    "Successor": ("1", "2", "3"),
}
MONOID_PARAMS = {
    "Associative": ("1", "2"),
    "BinaryOperation": ("1", "2"),
    "Commutative": ("1", "2"),
    "CommutativeMonoid": ("1", "2", "3"),
    "Monoid": ("1", "2", "3"),
    "Neutral": ("1", "2", "3"),
}
PRINCIPLE = "forall P: i0 ∈ P and (forall n m: n ∈ P and s(n) = m -> m ∈ P) -> forall n: n ∈ N -> n ∈ P"
INDUCTION_COMMENT = "# GL's built-in induction principle, made explicit."


def cli(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def import_gl(*args: str | Path) -> Result:
    return cli("import-gl", *args)


def converted(tmp_path: Path, config: Path, *options: str, name: str = "theory.mpl") -> Path:
    out = tmp_path / name
    result = import_gl(DEFINITIONS, config, "-o", out, *options)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def gl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture to mutate, as the working directory (so messages use short paths)."""
    shutil.copytree(DATA, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- what is imported -----------------------------------------------------------------------


def test_only_the_definitions_the_config_names_are_imported(tmp_path: Path) -> None:
    theory = load_theory(converted(tmp_path, ARITHMETIC))
    definitions = {d.name: d for d in theory.definitions}
    assert set(definitions) == set(ARITHMETIC_PARAMS) | {"GLInduction", "AnchorArithmetic"}
    assert (DEFINITIONS / "Monoid.txt").is_file() and (DEFINITIONS / "Scratch.txt").is_file()
    for name, params in ARITHMETIC_PARAMS.items():
        assert definitions[name].params == params
        body = parse_formula((DEFINITIONS / f"{name}.txt").read_text(encoding="utf-8"))
        assert definitions[name].body == body
        assert not definitions[name].is_anchor


def test_the_anchor_follows_gl_naming_of_configs(tmp_path: Path) -> None:
    """ConfigArithmetic.json has no anchor_name: its anchor is the entry AnchorArithmetic."""
    out = converted(tmp_path, ARITHMETIC)
    theory = load_theory(out)
    assert theory.anchor is not None and theory.anchor.name == "AnchorArithmetic"
    assert theory.anchor.params == ("N", "i0", "s", "+", "*", "i1")
    gl_body = parse_formula((DEFINITIONS / "AnchorArithmetic.txt").read_text(encoding="utf-8"))
    *original, last = conjuncts(theory.anchor.body)
    assert original == list(conjuncts(gl_body))
    assert last == Atom("GLInduction", ("N", "i0", "s"))
    assert "(by GL's naming, ConfigArithmetic.json → AnchorArithmetic)" in " ".join(
        line.lstrip("# ") for line in out.read_text(encoding="utf-8").splitlines()
    )


def test_the_induction_principle_is_explicit_and_commented(tmp_path: Path) -> None:
    text = converted(tmp_path, ARITHMETIC).read_text(encoding="utf-8")
    blocks = text.split("\n\n")
    [block] = [b for b in blocks if "def GLInduction" in b]
    comment, statement = block.rsplit("\n", 1)
    assert comment.startswith(INDUCTION_COMMENT)
    assert all(line.startswith("# ") for line in comment.splitlines())
    assert "Arithmetic[N,i0,s,...]" in comment
    assert statement == f"def GLInduction[N, i0, s] := {PRINCIPLE}"
    theory = load_theory(tmp_path / "theory.mpl")
    [principle] = [d for d in theory.definitions if d.name == "GLInduction"]
    assert principle.body == parse_formula(PRINCIPLE)


def test_signature_recognises_the_induction_schema(tmp_path: Path) -> None:
    out = converted(tmp_path, ARITHMETIC)
    assert cli("parse", out).exit_code == 0
    result = cli("signature", out)
    assert result.exit_code == 0, result.output
    assert "induction over N from i0 by s" in result.output
    assert "s: binary relation — total function, on N (closed), injective" in result.output
    assert "+: ternary relation — binary operation, on N (closed)" in result.output
    assert "*: ternary relation — binary operation, on N (closed)" in result.output


def test_monoid_config_features(tmp_path: Path) -> None:
    """anchor_name, an inline full_mpl, an entry without short_mpl (parameters 1..arity) and a
    .mpl definition file; no natural numbers, so no induction principle, and a comment says so."""
    out = converted(tmp_path, MONOID)
    theory = load_theory(out)
    assert theory.anchor is not None and theory.anchor.name == "CommutativeMonoid"
    definitions = {d.name: d for d in theory.definitions}
    assert {name: d.params for name, d in definitions.items()} == MONOID_PARAMS
    inline = json.loads(MONOID.read_text(encoding="utf-8"))["Commutative"]["full_mpl"]
    assert definitions["Commutative"].body == parse_formula(inline)
    assert definitions["Neutral"].body == parse_formula((DEFINITIONS / "Neutral.mpl").read_text(encoding="utf-8"))
    text = out.read_text(encoding="utf-8")
    assert "# No induction principle added" in text and "GLInduction" not in text
    signature = cli("signature", out)
    assert signature.exit_code == 0 and "induction" not in signature.output


def test_anchor_option_overrides_the_config(tmp_path: Path) -> None:
    theory = load_theory(converted(tmp_path, MONOID, "--anchor", "Monoid"))
    assert theory.anchor is not None and theory.anchor.name == "Monoid"
    assert [d.name for d in theory.definitions if d.is_anchor] == ["Monoid"]


def test_output_is_canonical_and_deterministic(tmp_path: Path) -> None:
    first = converted(tmp_path, ARITHMETIC, name="first.mpl")
    second = converted(tmp_path, ARITHMETIC, name="second.mpl")
    text = first.read_text(encoding="utf-8")
    assert first.read_bytes() == second.read_bytes()
    assert text.startswith("# Converted by genlogic import-gl from GL files")
    assert printer.source_file(parse_source(text)) == text
    heads = [line.split("[")[0].split() for line in text.splitlines() if line.startswith(("def ", "anchor "))]
    expected = [["def", n] for n in sorted(ARITHMETIC_PARAMS)]
    expected += [["def", "GLInduction"], ["anchor", "AnchorArithmetic"]]
    assert heads == expected


# --- finding the NaturalNumbers part --------------------------------------------------------


def _edit_config(config: str, edit: Callable[[dict], None]) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        path = root / config
        data = json.loads(path.read_text(encoding="utf-8"))
        edit(data)
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")

    return mutate


def _write(relative: str, text: str) -> Callable[[Path], None]:
    return lambda root: (root / relative).write_text(text, encoding="utf-8")


def _signature_of(gl: Path, config: str = "ConfigArithmetic.json") -> str:
    result = import_gl("definitions", config, "-o", "out.mpl")
    assert result.exit_code == 0, result.output
    signature = cli("signature", "out.mpl")
    assert signature.exit_code == 0, signature.output
    return signature.output


def test_gl_rule_first_the_natural_numbers_call(gl: Path) -> None:
    """As in GL's prover, the first call of NaturalNumbers in the anchor gives carrier, zero and
    successor, even when another conjunct before it has the shape of such a part."""
    body = "(&(Successor[M,z,t])(&(NaturalNumbers[N,i0,s,+,*])(in2[i0,i1,s])))"
    _write("definitions/AnchorArithmetic.txt", body)(gl)

    def edit(data: dict) -> None:
        data["AnchorArithmetic"]["short_mpl"] = "(AnchorArithmetic[M,z,t,N,i0,s,+,*,i1])"
        data["AnchorArithmetic"]["arity"] = 9
        entry = {"arity": 5, "full_mpl": "Arithmetic.txt", "short_mpl": "(NaturalNumbers[1,2,3,4,5])"}
        data["NaturalNumbers"] = entry

    _edit_config("ConfigArithmetic.json", edit)(gl)
    signature = _signature_of(gl)
    assert "induction over N from i0 by s" in signature and "induction over M" not in signature
    text = (gl / "out.mpl").read_text(encoding="utf-8").replace("\n# ", " ")
    assert "(NaturalNumbers[N,i0,s,...] in AnchorArithmetic)" in text


def test_the_part_is_found_by_its_shape_not_by_names_or_positions(gl: Path) -> None:
    """Carrier, zero and successor are the first three arguments of the NaturalNumbers-like
    part, wherever the anchor has them and whatever they are called."""
    _write("definitions/AnchorArithmetic.txt", "(&(in2[zero,one,next])(Arithmetic[Nat,zero,next,plus,times]))")(gl)
    head = "(AnchorArithmetic[plus,times,Nat,zero,next,one])"
    _edit_config("ConfigArithmetic.json", lambda data: data["AnchorArithmetic"].update(short_mpl=head))(gl)
    assert "induction over Nat from zero by next" in _signature_of(gl)


def test_the_part_may_sit_inside_another_definition(gl: Path) -> None:
    """The anchor's conjunct Arithmetic[+,*,N,i0,s] is no NaturalNumbers part (its first three
    arguments are not carrier, zero and successor), but the Successor[N,i0,s] inside it is."""
    _write("definitions/AnchorArithmetic.txt", "(&(Arithmetic[+,*,N,i0,s])(in2[i0,i1,s]))")(gl)
    _set("ConfigArithmetic.json", "Arithmetic", short_mpl="(Arithmetic[4,5,1,2,3])")(gl)
    signature = _signature_of(gl)
    assert "induction over N from i0 by s" in signature
    comment = (gl / "out.mpl").read_text(encoding="utf-8")
    assert "(Successor[N,i0,s,...] in AnchorArithmetic)" in comment.replace("\n# ", " ")


def test_induction_names_avoid_the_theory_names(gl: Path) -> None:
    """A definition already called GLInduction, and anchor constants called P, n and m."""
    _write("definitions/AnchorArithmetic.txt", "(&(Arithmetic[P,n,m,+,*])(GLInduction[P,n,m]))")(gl)

    def edit(data: dict) -> None:
        data["AnchorArithmetic"]["short_mpl"] = "(AnchorArithmetic[P,n,m,+,*,i1])"
        data["GLInduction"] = {"arity": 3, "full_mpl": "(Successor[1,2,3])", "short_mpl": "(GLInduction[1,2,3])"}

    _edit_config("ConfigArithmetic.json", edit)(gl)
    assert "induction over P from n by m" in _signature_of(gl)
    text = (gl / "out.mpl").read_text(encoding="utf-8")
    principle = (
        "forall P2: n ∈ P2 and (forall n2 m2: n2 ∈ P2 and m(n2) = m2 -> m2 ∈ P2) "
        "-> forall n2: n2 ∈ P -> n2 ∈ P2"
    )
    assert f"def GLInduction2[P, n, m] := {principle}" in text


# --- exploring the imported theory ----------------------------------------------------------


@pytest.mark.parametrize(
    "config",
    [ARITHMETIC, DATA / "ConfigArithmeticGL.json"],  # GL's way: x * 0 only as x * 0 = y -> y = 0
    ids=lambda p: p.stem,
)
def test_imported_peano_like_theory_explores_to_the_six_laws(tmp_path: Path, config: Path) -> None:
    """The imported theory, explored from its axioms alone, gives theorems from which the six
    laws follow (written in arithmetic_laws.mpl with the anchor's names), and its proof graph
    checks."""
    out = converted(tmp_path, config, name="arithmetic.mpl")
    laws = tmp_path / "arithmetic_laws.mpl"
    shutil.copy(DATA / "arithmetic_laws.mpl", laws)
    run = tmp_path / "run"
    proved = cli("prove", out, "--time-limit", "60", "--max-size", "7", "-o", run, "--no-html", "--json")
    summary = json.loads(proved.output)
    brief = {"cut_short": summary.get("cut_short"), "counts": summary.get("counts"), "seconds": summary.get("seconds")}
    assert proved.exit_code == 0, brief
    assert summary["counts"]["by_induction"] > 0, brief
    query = cli("query", run, laws)
    assert query.exit_code == 0, f"{query.output}\n{brief}"
    assert query.output.count("follows") == 6
    check = cli("check", run)
    assert check.exit_code == 0, check.output


GAUSS = DATA / "ConfigGauss.json"


def test_gl_gauss_definitions_give_the_fold_its_recursion(tmp_path: Path) -> None:
    """GL's way of writing Gauss's definitions (``ConfigGauss.json``: the arithmetic above, ≤ as
    ``Preorder``, ``Interval``, ``Fold`` with its parameters in GL's order [N, s, +, f, n, m, p],
    the accumulator's quantifier nested inside the interval's and its step curried one variable
    at a time, and the identity as an iff, a relation): the fold is recognised as a definition by
    accumulation and its recursion stated for the goal's instance, the successor read from the
    instance (``s``), the start at the schema's base (``i0``)."""
    out = converted(tmp_path, GAUSS, name="gauss_gl.mpl")
    goal = tmp_path / "goal.mpl"
    goal.write_text('import "gauss_gl.mpl"\n'
                    "theorem gauss := forall n p: n ∈ N and Fold[N, s, +, id, i0, n, p] -> i2 * p = n * s(n)\n",
                    encoding="utf-8")
    theory = load_theory(goal)
    (found,) = accumulations(theory)
    params = found.definition.params
    assert (found.definition.name, params[found.start], params[found.end], params[found.output]) == ("Fold", "5", "6", "7")
    assert params[found.successor] == "2"
    texts = [lemma.text for lemma in lemmas(theory, tuple(t.formula for t in theory.theorems), frozenset())]
    assert texts == [
        "forall o t: id(i0) = t and Fold[N, s, +, id, i0, i0, o] -> o = t",
        "forall k m o t1: k ∈ N and s(k) = m and id(m) = t1 and Fold[N, s, +, id, i0, m, o] -> "
        "exists q: q ∈ N and Fold[N, s, +, id, i0, k, q] and q + t1 = o",
    ]
    # the base lemma, stated: its block needs the accumulator, an existential one level below
    # the interval's, while the arithmetic values saturation asks for have spent their allowance
    goal.write_text(f'import "gauss_gl.mpl"\ntheorem fold_base := {texts[0]}\n', encoding="utf-8")
    run = tmp_path / "run"
    proved = cli("prove", goal, "--max-rounds", "0", "--time-limit", "60", "-o", run, "--no-html", "--json")
    assert json.loads(proved.output)["goals"][0]["status"] == "proved", proved.output
    check = cli("check", run)
    assert check.exit_code == 0, check.output


def test_gl_gauss_definitions_give_gauss(tmp_path: Path) -> None:
    """Issue 13's GL compatibility: Gauss's formula from GL's way of writing the definitions, one
    flat theory as GL's configs are (its arithmetic explored in the same run), proved and
    checked — about 30 s here (benchmarks/gauss.py measures it)."""
    converted(tmp_path, GAUSS, name="gauss_gl.mpl")
    goal = tmp_path / "goal.mpl"
    goal.write_text('import "gauss_gl.mpl"\n'
                    "theorem gauss := forall n p: n ∈ N and Fold[N, s, +, id, i0, n, p] -> i2 * p = n * s(n)\n",
                    encoding="utf-8")
    run = tmp_path / "run"
    proved = cli("prove", goal, "--time-limit", "150", "-o", run, "--no-html", "--json")
    summary = json.loads(proved.output)
    assert summary["goals"][0]["status"] == "proved", summary["goals"]
    check = cli("check", run)
    assert check.exit_code == 0, check.output


# --- errors ---------------------------------------------------------------------------------


def _drop(config: str, name: str) -> Callable[[Path], None]:
    return _edit_config(config, lambda data: data.pop(name))


def _set(config: str, name: str, **fields: object) -> Callable[[Path], None]:
    return _edit_config(config, lambda data: data[name].update(fields))


ERRORS = {
    "invalid JSON": (
        _write("ConfigArithmetic.json", '{\n  "Function": {"full_mpl": "Function.txt"},\n}\n'),
        "ConfigArithmetic.json",
        [],
        "ConfigArithmetic.json:3:1: error: invalid JSON",
    ),
    "config not an object": (
        _write("ConfigMonoid.json", "[]\n"),
        "ConfigMonoid.json",
        [],
        "ConfigMonoid.json:1:1: error: the config must be",
    ),
    "config without definitions": (
        _write("ConfigMonoid.json", '{"in": {"arity": 2, "full_mpl": "(in[1,2])"}, "parameters": {}}\n'),
        "ConfigMonoid.json",
        [],
        "ConfigMonoid.json:1:1: error: ConfigMonoid.json names no definition",
    ),
    "needed definition not in the config": (
        _drop("ConfigArithmetic.json", "Function"),
        "ConfigArithmetic.json",
        [],
        "definitions/Successor.txt:4:4: error: 'Function' is used here but is neither a built-in nor a "
        "definition of ConfigArithmetic.json (definitions/Function.txt exists, but GL takes a definition",
    ),
    "needed definition nowhere": (
        _write("definitions/Arithmetic.txt", "(&(Successor[1,2,3])(Ordering[1,4]))"),
        "ConfigArithmetic.json",
        [],
        "definitions/Arithmetic.txt:1:22: error: 'Ordering' is used here but is neither a built-in nor a definition",
    ),
    "definition file missing": (
        _set("ConfigArithmetic.json", "Operation", full_mpl="BinaryOperation.mpl"),
        "ConfigArithmetic.json",
        [],
        "error: 'Operation' has its body in BinaryOperation.mpl (\"full_mpl\"), which is not in definitions "
        "(there is definitions/BinaryOperation.txt)",
    ),
    "entry without full_mpl": (
        _edit_config("ConfigMonoid.json", lambda data: data["Monoid"].pop("full_mpl")),
        "ConfigMonoid.json",
        [],
        "error: 'Monoid' has no \"full_mpl\"",
    ),
    "inline full_mpl not a formula": (
        _set("ConfigMonoid.json", "Commutative", full_mpl="(>[3](in[3,1])"),
        "ConfigMonoid.json",
        [],
        "error: the inline \"full_mpl\" of 'Commutative' is not a formula",
    ),
    "primitive entry": (
        _set("ConfigMonoid.json", "Commutative", full_mpl="(Commutative[1,2])"),
        "ConfigMonoid.json",
        [],
        "error: 'Commutative' is a primitive of the config",
    ),
    "short_mpl with parentheses for brackets": (
        _set("ConfigMonoid.json", "Monoid", short_mpl="Monoid(1,2,3)"),
        "ConfigMonoid.json",
        [],
        "is not of the form",
    ),
    "short_mpl unbalanced": (
        _set("ConfigMonoid.json", "Monoid", short_mpl="(Monoid[1,2,3]"),
        "ConfigMonoid.json",
        [],
        "is not of the form",
    ),
    "short_mpl empty parameter": (
        _set("ConfigMonoid.json", "Monoid", short_mpl="(Monoid[1,,3])"),
        "ConfigMonoid.json",
        [],
        "is not of the form",
    ),
    "short_mpl of another name": (
        _set("ConfigMonoid.json", "Monoid", short_mpl="(Monoids[1,2,3])"),
        "ConfigMonoid.json",
        [],
        "names 'Monoids'",
    ),
    "short_mpl repeats a parameter": (
        _set("ConfigMonoid.json", "Monoid", short_mpl="(Monoid[1,2,1])"),
        "ConfigMonoid.json",
        [],
        "repeats the parameter '1'",
    ),
    "short_mpl against arity": (
        _set("ConfigMonoid.json", "Monoid", arity=4),
        "ConfigMonoid.json",
        [],
        "has 3 parameters, but its \"arity\" is 4",
    ),
    "no short_mpl and no arity": (
        _edit_config("ConfigMonoid.json", lambda data: data["Associative"].pop("arity")),
        "ConfigMonoid.json",
        [],
        "error: 'Associative' has neither \"short_mpl\" nor \"arity\"",
    ),
    "body uses a name that is no parameter": (
        _set("ConfigMonoid.json", "Neutral", short_mpl="(Neutral[1,2,e])"),
        "ConfigMonoid.json",
        [],
        "definitions/Neutral.mpl:1:4: error: '3' is neither bound here nor a parameter of 'Neutral' "
        "(its parameters: 1, 2, e)",
    ),
    "call with the wrong arity": (
        _write("definitions/Monoid.txt", "(&(BinaryOperation[1,2])\n  (Neutral[1,2]))\n"),
        "ConfigMonoid.json",
        [],
        "definitions/Monoid.txt:2:4: error: 'Neutral' takes 3 arguments, here it has 2",
    ),
    "recursive definitions": (
        _write("definitions/Neutral.mpl", "(Monoid[1,2,3])"),
        "ConfigMonoid.json",
        [],
        "is defined in terms of itself: ",
    ),
    "anchor_name not a definition": (
        _edit_config("ConfigMonoid.json", lambda data: data.update(anchor_name="Group")),
        "ConfigMonoid.json",
        [],
        "ConfigMonoid.json:2:3: error: the \"anchor_name\" \"Group\" is not a definition of ConfigMonoid.json",
    ),
    "option anchor not a definition": (
        lambda root: None,
        "ConfigMonoid.json",
        ["--anchor", "Group"],
        "ConfigMonoid.json:1:1: error: the anchor 'Group' (--anchor) is not a definition of ConfigMonoid.json",
    ),
    "config that does not name its anchor": (
        lambda root: shutil.copy(root / "ConfigArithmetic.json", root / "peano.json"),
        "peano.json",
        [],
        "peano.json:1:1: error: peano.json does not name its anchor",
    ),
    "config named for an anchor it lacks": (
        _drop("ConfigArithmetic.json", "AnchorArithmetic"),
        "ConfigArithmetic.json",
        [],
        "ConfigArithmetic.json:1:1: error: ConfigArithmetic.json does not name its anchor: it has no "
        "\"anchor_name\" and no entry 'AnchorArithmetic'",
    ),
    "unparsable body": (
        _write("definitions/Monoid.txt", "(&(in[1,2])(in[2,,1]))\n"),
        "ConfigMonoid.json",
        [],
        "definitions/Monoid.txt:1:18: error: unexpected ','",
    ),
    "unparsable body, second line": (
        _write("definitions/Monoid.txt", "(&(BinaryOperation[1,2])\n  (Associative[1,,2]))\n"),
        "ConfigMonoid.json",
        [],
        "definitions/Monoid.txt:2:18: error: unexpected ','",
    ),
}


@pytest.mark.parametrize("case", ERRORS)
def test_errors_are_located_and_exit_2(gl: Path, case: str) -> None:
    mutate, config, options, expected = ERRORS[case]
    mutate(gl)
    result = import_gl("definitions", config, "-o", "out.mpl", *options)
    assert result.exit_code == 2, result.output
    assert expected in result.stderr
    assert "Traceback" not in result.output
    assert not (gl / "out.mpl").exists()


@pytest.mark.parametrize("short_mpl", ["Monoid(1,2,3)", "(Monoids[1,2,3])"])
def test_head_errors_point_at_the_short_mpl_line(gl: Path, short_mpl: str) -> None:
    _set("ConfigMonoid.json", "Monoid", short_mpl=short_mpl)(gl)
    lines = (gl / "ConfigMonoid.json").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if short_mpl in text)
    column = lines[line - 1].index('"short_mpl"') + 1
    result = import_gl("definitions", "ConfigMonoid.json", "-o", "out.mpl")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"ConfigMonoid.json:{line}:{column}: error: short_mpl {short_mpl!r}")


def test_missing_file_error_points_at_the_full_mpl_line(gl: Path) -> None:
    _set("ConfigArithmetic.json", "Operation", full_mpl="Op.txt")(gl)
    lines = (gl / "ConfigArithmetic.json").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if '"Op.txt"' in text)
    column = lines[line - 1].index('"full_mpl"') + 1
    result = import_gl("definitions", "ConfigArithmetic.json", "-o", "out.mpl")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"ConfigArithmetic.json:{line}:{column}: error: 'Operation' has its body in Op.txt")
