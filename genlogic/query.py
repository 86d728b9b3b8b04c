"""``genlogic query RUN_DIR FILE``: does each stated theorem of FILE follow directly (no
induction) from the theorems of a run? This is how a user asks "did it find commutativity?"
whatever relational shape the discovered statement has. An equation is tried by rewriting with
the run's theorems (:mod:`genlogic.engine.equational`), anything else — or an equation that does
not join — by a Logic Block with a small witness budget."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from genlogic.engine.block import Budget
from genlogic.engine.equational import attempt_equation, context
from genlogic.engine.goal import KnownTheorem, attempt
from genlogic.errors import MplError
from genlogic.mpl.reader import CoreSyntaxError, read_core
from genlogic.theory.build import load_theory

#: a direct proof from known theorems needs few witnesses
QUERY_BUDGET = Budget(depth=2, witnesses=200)


@dataclass(frozen=True)
class Answer:
    name: str
    follows: bool
    uses: tuple[str, ...]


def run_theorems(run_dir: Path) -> tuple[KnownTheorem, ...]:
    path = run_dir / "proofgraph.json"
    try:
        graph = json.loads(path.read_text(encoding="utf-8"))
        return tuple(KnownTheorem(t["name"], read_core(t["statement"])) for t in graph["theorems"])
    except (OSError, ValueError, KeyError, TypeError, CoreSyntaxError) as error:
        raise MplError(f"cannot read the theorems of {path}: {error}") from None


def query(run_dir: Path, file: Path) -> list[Answer]:
    known = run_theorems(run_dir)
    theory = load_theory(file)
    answers = []
    for theorem in theory.theorems:
        result = attempt_equation(context(theory), theorem.name, theorem.formula, known, None)
        if result.proof is None:
            result = attempt(theory, theorem.name, theorem.formula, known, QUERY_BUDGET)
        uses = result.proof.uses if result.proof else ()
        answers.append(Answer(theorem.name, result.proof is not None, uses))
    return answers
