"""docs/mpl.md stays honest: its examples are run and compared with what genlogic does.

* every ``mpl error`` block, saved as ``example.mpl``, makes ``genlogic parse example.mpl`` exit
  with 2 and print exactly the ``text`` block that follows it on stderr;
* every ``mpl`` block is a complete file that loads, is in canonical layout, and in which each
  definition or theorem ``Name_core`` is the same formula as ``Name`` (a readable/core pair);
* the error catalogue has an example for every error kind;
* every ``lark`` block is an excerpt of the grammar, line for line;
* every ``console`` block's ``$ genlogic …`` command prints what the block shows (run in the
  repository root, or on the ``mpl`` block above it when it names ``example.mpl``).
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from genlogic.mpl.parser import parse_source
from genlogic.mpl.printer import source_file
from genlogic.theory.build import load_theory

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "mpl.md"
GRAMMAR = ROOT / "genlogic" / "mpl" / "mpl.lark"

# A fenced block: an opening ``` line with an optional info string, the body, a closing ``` line.
# Fences may be indented (inside list items); the indentation is removed from the body.
_FENCE = re.compile(r"^(?P<indent>[ ]*)```(?P<info>[^`\n]*)\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.M | re.S)


@dataclass(frozen=True)
class Block:
    info: str
    body: str
    start: int  # offset of the opening fence in the document
    end: int  # offset just after the closing fence
    line: int  # 1-based line of the opening fence

    def __str__(self) -> str:
        return f"mpl.md:{self.line}"


def _blocks(text: str) -> list[Block]:
    blocks = []
    for match in _FENCE.finditer(text):
        indent = match["indent"]
        body = match["body"]
        if indent:
            body = "".join(line[len(indent):] if line.startswith(indent) else line for line in body.splitlines(True))
        line = text.count("\n", 0, match.start()) + 1
        blocks.append(Block(match["info"].strip(), body, match.start(), match.end(), line))
    return blocks


TEXT = DOC.read_text(encoding="utf-8")
BLOCKS = _blocks(TEXT)


def _error_pairs() -> list[tuple[Block, Block]]:
    """Each ``mpl error`` block with the block after it (checked to be ``text`` by a test)."""
    pairs = []
    for index, block in enumerate(BLOCKS):
        if block.info == "mpl error":
            following = BLOCKS[index + 1] if index + 1 < len(BLOCKS) else Block("", "", len(TEXT), len(TEXT), 0)
            pairs.append((block, following))
    return pairs


PAIRS = _error_pairs()
MPL_BLOCKS = [block for block in BLOCKS if block.info == "mpl"]
CONSOLE_BLOCKS = [block for block in BLOCKS if block.info == "console"]
LARK_BLOCKS = [block for block in BLOCKS if block.info == "lark"]

#: One message fragment per error kind of the catalogue; each must appear in some example.
ERROR_KINDS = {
    "syntax error": "error: unexpected",
    "ambiguous infix chain": "error: ambiguous term",
    "forall without implication": "error: 'forall' needs an implication",
    "unknown predicate": "error: unknown predicate",
    "wrong arity": "arguments, got",
    "unbound identifier in a definition": "in definition '",
    "unbound identifier in a theorem": "in theorem '",
    "recursive definition": "error: recursive definition",
    "duplicate definition": "is defined twice",
    "built-in redefined": "is built in and cannot be redefined",
    "duplicate parameter": "is listed twice",
    "variable bound twice": "is bound twice by one quantifier",
    "duplicate theorem": "is stated twice",
    "two anchors": "a file has at most one anchor",
    "import cycle": "error: import cycle",
    "missing import": "error: cannot import",
    "kind conflict": "is used as a",
    "'=' kind conflict": "error: '=' compares",
}


def test_blocks_are_found():
    assert len(BLOCKS) >= 40
    assert {block.info for block in BLOCKS} <= {"mpl", "mpl error", "text", "console", "lark"}


def test_every_error_example_is_followed_by_its_output():
    for example, following in PAIRS:
        assert following.info == "text", f"{example}: no text block follows"
        assert TEXT[example.end:following.start].strip() == "", f"{example}: the text block must follow immediately"


def test_catalogue_has_an_example_per_error_kind():
    assert len(PAIRS) >= len(ERROR_KINDS) >= 15
    outputs = [text.body for _, text in PAIRS]
    missing = [kind for kind, fragment in ERROR_KINDS.items() if not any(fragment in out for out in outputs)]
    assert not missing, f"no example for: {', '.join(missing)}"
    catalogue = TEXT[TEXT.index("## 12. Error catalogue"):TEXT.index("## 13.")]
    for section in re.split(r"^### ", catalogue, flags=re.M)[1:]:
        title = section.splitlines()[0]
        if title != "Other errors":
            assert "```mpl error\n" in section, f"catalogue entry {title!r} has no example"


@pytest.mark.parametrize("block", LARK_BLOCKS, ids=[str(block) for block in LARK_BLOCKS])
def test_grammar_excerpt_is_exact(block: Block):
    """A ``lark`` block is made of lines of mpl.lark, in order; ``…`` stands for omitted lines."""
    grammar = [line.rstrip() for line in GRAMMAR.read_text(encoding="utf-8").splitlines()]
    position = 0
    for line in block.body.splitlines():
        if line.strip() in ("", "…"):
            continue
        assert line.rstrip() in grammar[position:], f"{block}: not in mpl.lark (in this order): {line!r}"
        position = grammar.index(line.rstrip(), position) + 1


@pytest.mark.parametrize("example, expected", PAIRS, ids=[str(example) for example, _ in PAIRS])
def test_error_example(tmp_path, example: Block, expected: Block):
    assert expected.info == "text"
    (tmp_path / "example.mpl").write_text(example.body, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "genlogic", "parse", "example.mpl"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr == expected.body


@pytest.mark.parametrize("block", MPL_BLOCKS, ids=[str(block) for block in MPL_BLOCKS])
def test_mpl_block_loads(tmp_path, block: Block):
    path = tmp_path / "example.mpl"
    path.write_text(block.body, encoding="utf-8")
    theory = load_theory(path)
    bodies = {d.name: d.body for d in theory.definitions}
    for name, body in bodies.items():
        if name.endswith("_core") and name[: -len("_core")] in bodies:
            assert body == bodies[name[: -len("_core")]], f"{name} differs from {name[: -len('_core')]}"
    formulas = {t.name: t.formula for t in theory.theorems}
    for name, formula in formulas.items():
        if name.endswith("_core") and name[: -len("_core")] in formulas:
            assert formula == formulas[name[: -len("_core")]], f"{name} differs from {name[: -len('_core')]}"


@pytest.mark.parametrize("block", MPL_BLOCKS, ids=[str(block) for block in MPL_BLOCKS])
def test_mpl_block_is_in_canonical_layout(block: Block):
    assert source_file(parse_source(block.body, "example.mpl")) == block.body


@pytest.mark.parametrize("block", CONSOLE_BLOCKS, ids=[str(block) for block in CONSOLE_BLOCKS])
def test_console_block(tmp_path, block: Block):
    """Runs in the repository root, or, if the command names ``example.mpl``, in a folder where
    the nearest ``mpl`` block above is saved as ``example.mpl``."""
    command, *output = block.body.splitlines(True)
    assert command.startswith("$ genlogic "), f"{block}: a console block starts with one genlogic command"
    args = shlex.split(command[len("$ genlogic "):])
    cwd = ROOT
    if "example.mpl" in args:
        above = [b for b in MPL_BLOCKS if b.end <= block.start]
        assert above, f"{block}: no mpl block above to save as example.mpl"
        (tmp_path / "example.mpl").write_text(above[-1].body, encoding="utf-8")
        cwd = tmp_path
    result = subprocess.run(
        [sys.executable, "-m", "genlogic", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "".join(output)
