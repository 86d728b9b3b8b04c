"""Fuzzing the parser and the theory checker: every input either loads or gives a located,
short MplError — never another exception. CI runs ≥ 10,000 cases (CI=true)."""

import os
import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from genlogic.errors import MplError
from genlogic.theory.build import load_theory

EXAMPLES = sorted(Path(__file__).parent.parent.joinpath("mpl_examples").glob("*.mpl"))
TEXTS = [path.read_text(encoding="utf-8") for path in EXAMPLES]
TOKEN = re.compile(r"\s+|[\w']+|\"[^\"]*\"|#[^\n]*|.", re.UNICODE)
VOCABULARY = [
    "(", ")", "[", "]", ",", "!", "&", ">", "=", ":=", ":", "->", "and", "not", "forall", "exists",
    "in", "∈", "∉", "≠", "def", "anchor", "theorem", "import", '"x.mpl"', "+", "*", "x", "N", "0",
    "in2", "in3", "_1", "#", "\n", " ", "∀", "¬", "\t", "\x00", "é", "\u2028",
]
IN_CI = bool(os.environ.get("CI"))
WORKDIR = Path(tempfile.mkdtemp(prefix="genlogic-fuzz-"))
PATH = WORKDIR / "fuzz.mpl"


def loads_or_fails_cleanly(text: str) -> None:
    try:
        load_theory(PATH, text)
    except MplError as error:
        assert error.span is not None, error.message
        assert error.span.line >= 1 and error.span.column >= 1
        rendered = error.render()
        assert "Traceback" not in rendered
        lines = rendered.splitlines()
        assert lines[0].startswith(f"{error.span}: error: ")
        if error.span.file == "fuzz.mpl" or error.span.file.endswith("/fuzz.mpl"):
            assert len(lines) == 3, rendered
            assert lines[2].strip() == "^"


@st.composite
def mutated_examples(draw):
    tokens = TOKEN.findall(draw(st.sampled_from(TEXTS)))
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(tokens) - 1))
        operation = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "replace"]))
        if operation == "delete":
            del tokens[where]
        elif operation == "duplicate":
            tokens.insert(where, tokens[where])
        elif operation == "swap":
            other = draw(st.integers(0, len(tokens) - 1))
            tokens[where], tokens[other] = tokens[other], tokens[where]
        elif operation == "insert":
            tokens.insert(where, draw(st.sampled_from(VOCABULARY)))
        else:
            tokens[where] = draw(st.sampled_from(VOCABULARY))
    return "".join(tokens)


@settings(max_examples=10_000 if IN_CI else 400)
@given(mutated_examples())
def test_mutated_examples_load_or_fail_cleanly(text):
    loads_or_fails_cleanly(text)


@settings(max_examples=3_000 if IN_CI else 200)
@given(st.lists(st.sampled_from(VOCABULARY) | st.characters(), max_size=40).map("".join))
def test_random_text_loads_or_fails_cleanly(text):
    loads_or_fails_cleanly(text)
