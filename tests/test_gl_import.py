"""``genlogic import-gl``: a GL definitions folder and JSON config become one loadable .mpl file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner, Result

from genlogic.cli import main
from genlogic.mpl import printer
from genlogic.mpl.parser import parse_formula, parse_source
from genlogic.theory.build import load_theory

DATA = Path(__file__).parent / "data" / "gl"
PARAMS = {
    "Associative": ("1", "2"),
    "BinaryOperation": ("1", "2"),
    "CommutativeMonoid": ("1", "2", "3"),
    "Monoid": ("1", "2", "3"),
    "Neutral": ("1", "2", "3"),
}
BODY_FILES = {name: DATA / "definitions" / f"{name}.txt" for name in PARAMS} | {
    "Neutral": DATA / "definitions" / "Neutral.mpl"
}


def import_gl(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["import-gl", *map(str, args)])


@pytest.fixture
def gl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture to mutate, as the working directory (so messages use short paths)."""
    shutil.copytree(DATA, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("config", ["config.json", "config_nested.json"])
def test_converted_theory_loads_with_the_original_definitions(tmp_path: Path, config: str) -> None:
    out = tmp_path / "theory.mpl"
    result = import_gl(DATA / "definitions", DATA / config, "-o", out)
    assert result.exit_code == 0, result.output
    theory = load_theory(out)
    assert theory.anchor is not None and theory.anchor.name == "CommutativeMonoid"
    definitions = {d.name: d for d in theory.definitions}
    assert {name: d.params for name, d in definitions.items()} == PARAMS
    for name, file in BODY_FILES.items():
        assert definitions[name].body == parse_formula(file.read_text(encoding="utf-8"))
        assert definitions[name].is_anchor == (name == "CommutativeMonoid")


def test_output_is_canonical_and_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "first.mpl", tmp_path / "second.mpl"
    for out in (first, second):
        assert import_gl(DATA / "definitions", DATA / "config.json", "-o", out).exit_code == 0
    text = first.read_text(encoding="utf-8")
    assert first.read_bytes() == second.read_bytes()
    assert text.startswith("# Converted by genlogic import-gl from GL files")
    assert printer.source_file(parse_source(text)) == text
    statements = [line.split("[")[0] for line in text.splitlines() if line and not line.startswith("#")]
    assert [s.split()[1] for s in statements] == sorted(PARAMS)


def test_anchor_option_overrides_the_config(tmp_path: Path) -> None:
    out = tmp_path / "theory.mpl"
    result = import_gl(DATA / "definitions", DATA / "config.json", "-o", out, "--anchor", "Monoid")
    assert result.exit_code == 0, result.output
    theory = load_theory(out)
    assert theory.anchor is not None and theory.anchor.name == "Monoid"
    assert [d.name for d in theory.definitions if d.is_anchor] == ["Monoid"]


def _edit_config(edit: Callable[[dict], None]) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        config = root / "config.json"
        data = json.loads(config.read_text(encoding="utf-8"))
        edit(data)
        config.write_text(json.dumps(data, indent=2), encoding="utf-8")

    return mutate


def _set_head(name: str, short_mpl: str) -> Callable[[Path], None]:
    return _edit_config(lambda data: data[name].update(short_mpl=short_mpl))


def _write(relative: str, text: str) -> Callable[[Path], None]:
    return lambda root: (root / relative).write_text(text, encoding="utf-8")


def _empty_folder(root: Path) -> None:
    for file in (root / "definitions").iterdir():
        file.unlink()
    (root / "definitions" / "README").write_text("not a definition", encoding="utf-8")


ERRORS = {
    "invalid JSON": (
        _write("config.json", '{\n  "Monoid": {"short_mpl": "(Monoid[1,2,3])"},\n}\n'),
        [],
        "config.json:3:1: error: invalid JSON",
    ),
    "config not an object": (_write("config.json", "[]\n"), [], "config.json:1:1: error: the config must be"),
    "no short_mpl entry": (
        _edit_config(lambda data: data.pop("Neutral")),
        [],
        "definitions/Neutral.mpl:1:1: error: 'Neutral' has no entry",
    ),
    "short_mpl with parentheses for brackets": (_set_head("Monoid", "Monoid(1,2,3)"), [], "is not of the form"),
    "short_mpl unbalanced": (_set_head("Monoid", "(Monoid[1,2,3]"), [], "is not of the form"),
    "short_mpl empty parameter": (_set_head("Monoid", "(Monoid[1,,3])"), [], "is not of the form"),
    "short_mpl of another name": (_set_head("Monoid", "(Monoids[1,2,3])"), [], "names 'Monoids'"),
    "config anchor without definition": (
        _edit_config(lambda data: data.update(anchor="Group")),
        [],
        "config.json:3:3: error: the anchor 'Group' has no definition file",
    ),
    "option anchor without definition": (
        lambda root: None,
        ["--anchor", "Group"],
        "definitions:1:1: error: the anchor 'Group' has no definition file",
    ),
    "unparsable body": (
        _write("definitions/Monoid.txt", "(&(in[1,2])(in[2,,1]))\n"),
        [],
        "definitions/Monoid.txt:1:18: error: unexpected ','",
    ),
    "unparsable body, second line": (
        _write("definitions/Monoid.txt", "(&(BinaryOperation[1,2])\n  (Associative[1,,2]))\n"),
        [],
        "definitions/Monoid.txt:2:18: error: unexpected ','",
    ),
    "two files for one definition": (
        _write("definitions/Monoid.mpl", "(Neutral[1,2,3])"),
        [],
        "definitions/Monoid.txt:1:1: error: 'Monoid' has two definition files",
    ),
    "empty definitions folder": (_empty_folder, [], "definitions:1:1: error: no definition files"),
}


@pytest.mark.parametrize("case", ERRORS)
def test_errors_are_located_and_exit_2(gl: Path, case: str) -> None:
    mutate, options, expected = ERRORS[case]
    mutate(gl)
    result = import_gl("definitions", "config.json", "-o", "out.mpl", *options)
    assert result.exit_code == 2, result.output
    assert expected in result.stderr
    assert "Traceback" not in result.output
    assert not (gl / "out.mpl").exists()


@pytest.mark.parametrize("short_mpl", ["Monoid(1,2,3)", "(Monoids[1,2,3])"])
def test_head_errors_point_at_the_short_mpl_line(gl: Path, short_mpl: str) -> None:
    _set_head("Monoid", short_mpl)(gl)
    lines = (gl / "config.json").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if short_mpl in text)
    column = lines[line - 1].index('"short_mpl"') + 1
    result = import_gl("definitions", "config.json", "-o", "out.mpl")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"config.json:{line}:{column}: error: short_mpl {short_mpl!r}")
