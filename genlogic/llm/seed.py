"""``genlogic prove --seed llm``: a model proposes conjectures, given the theory and the
theorems exploration found; they are vetted here (statements only, parsed, kind-checked,
guarded, screened on the models, with one repair round for the failed ones) and handed to
exploration as seeds (:mod:`genlogic.explore.seeded`), which screens them on its models and
proves them or not. A failure of the service ends the seeding, not the run; its message goes
into summary.json without the server's address, which no run file records."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from genlogic.engine.goal import KnownTheorem
from genlogic.explore.model import Models
from genlogic.explore.seeded import Seed, Seeding
from genlogic.llm import prompt
from genlogic.llm.candidates import Candidate, Fate, Vetter, extract, problems, screen
from genlogic.llm.client import Client
from genlogic.llm.errors import BudgetSpent, LlmError
from genlogic.theory.model import Theory

#: conjectures asked for by default (--seed-count)
COUNT = 8
#: the fates of candidates handed to exploration, which screens them again and proves the rest
SCREENED = frozenset({Fate.NOT_REFUTED, Fate.REFUTED, Fate.VACUOUS})
#: an address in an error message, up to the punctuation that follows it
_ADDRESS = re.compile(r"https?://\S+?(?=[:,;)]?(?:\s|$))")


@dataclass
class LlmSeeder:
    """A :data:`~genlogic.explore.seeded.Seeder` asking ``client`` for ``count`` conjectures."""

    client: Client
    theory_path: Path
    count: int = COUNT
    notes: list[str] = field(default_factory=list)  # why no request was made

    def __call__(self, theory: Theory, known: tuple[KnownTheorem, ...], models: Models) -> Seeding:
        vetter = Vetter(self.theory_path, theory, (f"seed{i}" for i in itertools.count(1)))
        candidates: list[Candidate] = []
        try:
            messages = prompt.seed(theory, known, self.count)
            answer = self._ask(messages, "no seeds asked for")
            if answer is None:
                return Seeding(())
            candidates += screen(vetter.vet(extract(answer), 1, self.count), theory, models)
            if not candidates or any(c.failed for c in candidates):
                repaired = self._ask(prompt.repair(messages, answer, problems(candidates)), "repair round skipped")
                if repaired is not None:
                    candidates += screen(vetter.vet(extract(repaired), 2, self.count), theory, models)
        except LlmError as error:
            return Seeding(_seeds(candidates), _ADDRESS.sub("the server", error.message))
        return Seeding(_seeds(candidates))

    def _ask(self, messages: tuple[tuple[str, str], ...], skipped: str) -> str | None:
        """The model's answer, or ``None`` (noted as ``skipped``) when the token budget is spent."""
        try:
            return self.client.ask(messages).text
        except BudgetSpent as spent:
            self.notes.append(f"{skipped}: {spent}")
            return None


def _seeds(candidates: list[Candidate]) -> tuple[Seed, ...]:
    """The candidates as seeds: those that reached the models with their statements, the others
    with the fate that stopped them."""
    return tuple(Seed(c.text, c.theorem, round=c.round, guards=c.guards) if c.fate in SCREENED
                 else Seed(c.text, None, c.fate.value, c.message, c.round) for c in candidates)
