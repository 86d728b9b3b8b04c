"""A Logic Block's equational goal by rewriting (engine/algebra.py): the block's values become
terms, its other equations ground hypotheses normalised by the known laws, and the chain is
replayed as ordinary steps the kernel re-checks.

Gauss's induction step needs exactly this: from ``s(1) · q = n · m``, ``q + m = p`` and
``m = s(n)``, ``s(1) · p = m · s(m)`` — about 90 s of saturation before, a second now.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from genlogic.check import check_run
from genlogic.cli import main

from .test_mutation import rehash

EXAMPLES = Path(__file__).parent.parent / "mpl_examples"
STEP = ("forall n m p q: n ∈ N and m ∈ N and p ∈ N and q ∈ N and s(1) * q = n * m and q + m = p and m = s(n)"
        " -> s(1) * p = m * s(m)")


@pytest.fixture(scope="module")
def peano(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("algebra")
    shutil.copy(EXAMPLES / "peano.mpl", folder / "peano.mpl")
    result = CliRunner().invoke(main, ["prove", str(folder / "peano.mpl"), "-o", str(folder / "peano"), "--no-html"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return folder


def _prove(folder: Path, name: str, statement: str) -> tuple[dict, Path]:
    theory = folder / f"{name}.mpl"
    theory.write_text(f'import "peano.mpl"\ntheorem {name} := {statement}\n', encoding="utf-8")
    out = folder / name
    result = CliRunner().invoke(main, ["prove", str(theory), "--from", str(folder / "peano"), "--max-rounds", "0",
                                       "--time-limit", "60", "-o", str(out), "--no-html", "--json"],
                                catch_exceptions=False)
    return json.loads(result.output), out


def test_an_equation_that_follows_from_hypotheses_is_proved_by_rewriting(peano):
    summary, out = _prove(peano, "step", STEP)
    assert summary["goals"][0]["status"] == "proved", summary["goals"]
    assert summary["seconds"] < 30  # by saturation alone it took about 90 s
    report = check_run(out)
    assert report.ok, report.render()


def test_the_steps_it_replays_are_checked_like_any_other(peano):
    """An ``eq_trans`` of the replayed chain made to conclude another equation, every later step
    re-hashed to match: the kernel re-derives the step and refuses it."""
    _, out = _prove(peano, "tampered", STEP)
    graph = json.loads((out / "proofgraph.json").read_text())
    (theorem,) = [t for t in graph["theorems"] if t["name"] == "tampered"]
    steps = theorem["steps"]
    index = next(i for i, step in enumerate(steps) if step["kind"] == "eq_trans")
    left = steps[index]["formula"].split(",")[0]
    steps[index]["formula"] = f"{left},0])"
    rehash(steps, index)
    (out / "proofgraph.json").write_text(json.dumps(graph), encoding="utf-8")
    report = check_run(out)
    assert not report.ok
    assert any(failure.kind == "eq_trans" for failure in report.failures), report.render()
