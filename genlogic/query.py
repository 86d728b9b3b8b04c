"""``genlogic query RUN_DIR FILE``: does each stated theorem of FILE follow directly (no
induction) from the theorems of a run? This is how a user asks "did it find commutativity?"
whatever relational shape the discovered statement has. An equation is tried by rewriting with
the run's theorems (:mod:`genlogic.engine.equational`), anything else — or an equation that does
not join — by a Logic Block with a small witness budget. The whole query has a time limit: a
statement not decided by then is undecided, neither "follows" nor "does not follow"."""

from __future__ import annotations

import dataclasses
import json
import time
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from genlogic.engine.block import Budget
from genlogic.engine.equational import attempt_equation, context
from genlogic.engine.goal import KnownTheorem, attempt
from genlogic.errors import MplError
from genlogic.mpl.ast import Formula
from genlogic.mpl.reader import CoreSyntaxError, read_core
from genlogic.engine.lemmas import prove_lemmas
from genlogic.theory.build import load_theory
from genlogic.theory.model import Theory

#: a direct proof from known theorems needs few witnesses
QUERY_BUDGET = Budget(depth=2, witnesses=200)
#: seconds for the whole query unless told otherwise (``genlogic query --time-limit``)
QUERY_TIME_LIMIT = 60.0


class Verdict(Enum):
    FOLLOWS = "follows"
    DOES_NOT_FOLLOW = "does not follow"
    UNDECIDED = "undecided (time limit)"  # the time limit came before an answer


@dataclass(frozen=True)
class Answer:
    name: str
    verdict: Verdict
    uses: tuple[str, ...]

    @property
    def follows(self) -> bool:
        return self.verdict is Verdict.FOLLOWS


def run_theorems(run_dir: Path) -> tuple[KnownTheorem, ...]:
    path = run_dir / "proofgraph.json"
    try:
        graph = json.loads(path.read_text(encoding="utf-8"))
        return tuple(KnownTheorem(t["name"], read_core(t["statement"])) for t in graph["theorems"])
    except (OSError, ValueError, KeyError, TypeError, CoreSyntaxError) as error:
        raise MplError(f"cannot read the theorems of {path}: {error}") from None


def query(run_dir: Path, file: Path, time_limit: float = QUERY_TIME_LIMIT) -> list[Answer]:
    """An answer for each stated theorem of ``file``, in order, within ``time_limit`` seconds."""
    deadline = time.monotonic() + time_limit
    known = run_theorems(run_dir)
    theory = prove_lemmas(load_theory(file), deadline).theory  # which canonical forms may be cited
    budget = dataclasses.replace(QUERY_BUDGET, deadline=deadline)
    return [_answer(theory, theorem.name, theorem.formula, known, budget) for theorem in theory.theorems]


def _answer(theory: Theory, name: str, statement: Formula, known: tuple[KnownTheorem, ...], budget: Budget) -> Answer:
    def late() -> bool:
        return budget.deadline is not None and time.monotonic() >= budget.deadline

    if late():
        return Answer(name, Verdict.UNDECIDED, ())
    result = attempt_equation(context(theory), name, statement, known, None)
    if result.proof is None and not late():
        result = attempt(theory, name, statement, known, budget)
    if result.proof is not None:
        return Answer(name, Verdict.FOLLOWS, result.proof.uses)
    return Answer(name, Verdict.UNDECIDED if late() else Verdict.DOES_NOT_FOLLOW, ())
