"""The command line: every command, its output and its exit codes."""

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from genlogic import __version__
from genlogic.cli import main
from genlogic.mpl.parser import parse_source

ROOT = Path(__file__).parent.parent
PEANO = ROOT / "mpl_examples" / "peano.mpl"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_parse_prints_canonical_core():
    result = run("parse", PEANO)
    assert result.exit_code == 0
    assert "def Injective[f] := (>[x,y,z](&(in2[x,z,f])(in2[y,z,f]))(=[x,y]))" in result.output
    assert parse_source(result.output).statements == parse_source(PEANO.read_text()).statements


def test_parse_readable():
    result = run("parse", "--readable", PEANO)
    assert result.exit_code == 0
    assert "a + s(b) = s(a + b)" in result.output


def test_parse_expand():
    result = run("parse", "--expand", "Injective", PEANO)
    assert result.output == "def Injective[f] := (>[x,y,z](&(in2[x,z,f])(in2[y,z,f]))(=[x,y]))\n"
    anchor = run("parse", "--readable", "--expand", "Peano", PEANO)
    assert "UnaryFunction" not in anchor.output and "forall P: 0 ∈ P" in anchor.output


def test_parse_expand_unknown_name():
    result = run("parse", "--expand", "Nope", PEANO)
    assert result.exit_code == 2 and "no definition named 'Nope'" in result.output


def test_signature():
    result = run("signature", PEANO)
    assert result.exit_code == 0
    assert "s: binary relation — total function, on N (closed), injective" in result.output
    assert "induction over N from 0 by s" in result.output


def test_fmt_check_and_rewrite(tmp_path):
    messy = tmp_path / "m.mpl"
    messy.write_text("# keep me\ndef  A[x,y]:=x=y   # trailing\ntheorem t:=(in[a,b])\n", encoding="utf-8")
    assert run("fmt", "--check", messy).exit_code == 1
    assert run("fmt", messy).exit_code == 0
    assert messy.read_text() == "# keep me\n# trailing\ndef A[x, y] := x = y\n\ntheorem t := (in[a,b])\n"
    assert run("fmt", "--check", messy).exit_code == 0
    assert run("fmt", "--core", messy).exit_code == 0
    assert "def A[x,y] := (=[x,y])" in messy.read_text()


def test_examples_are_formatted():
    files = sorted((ROOT / "mpl_examples").glob("*.mpl"))
    assert run("fmt", "--check", *files).exit_code == 0


def test_bad_input_exit_2_no_traceback(tmp_path):
    bad = tmp_path / "bad.mpl"
    bad.write_text("def A[x] :=\n    x ∈ N\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "genlogic", "parse", str(bad)], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 2
    assert result.stderr == (
        "bad.mpl:2:5: error: unbound identifier 'N' in definition 'A'\n        x ∈ N\n        ^\n"
    )
    assert "Traceback" not in result.stderr


def test_missing_file_exit_2():
    result = run("parse", "no-such-file.mpl")
    assert result.exit_code == 2 and "does not exist" in result.output
