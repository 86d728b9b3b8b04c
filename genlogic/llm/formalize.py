"""``genlogic formalize THEORY.mpl "TEXT"``: candidate MPL statements for a sentence, from a
model, each vetted (:mod:`genlogic.llm.candidates`); one repair round when a candidate failed at
parse, kind check or refutation; with ``--prove``, the survivors proved goal-directed, with a
bounded effort (a time limit and a round limit), into a run folder."""

from __future__ import annotations

import dataclasses
import itertools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from genlogic.explore.finite import models_of
from genlogic.files import write_atomic
from genlogic.llm import prompt
from genlogic.llm.candidates import Candidate, Fate, Vetter, extract, problems, screen, shown
from genlogic.llm.client import Client
from genlogic.llm.errors import BudgetSpent, LlmError
from genlogic.mpl.printer import core, is_name, readable
from genlogic.theory.build import load_theory
from genlogic.theory.loader import display_path


@dataclass(frozen=True)
class ProveRequest:
    """Where ``--prove`` writes — the run folder and, next to it, the candidates' theory file —
    and the effort it spends: exploration stops once every candidate is proved, else at the
    time limit or after ``max_rounds`` rounds."""

    run_dir: Path
    time_limit: float  # seconds in all
    max_rounds: int  # exploration rounds, for the lemmas a candidate's proof needs

    @property
    def theory_file(self) -> Path:
        return self.run_dir.with_name(self.run_dir.name + ".mpl")


@dataclass
class Formalization:
    theory: Path
    request: str
    candidates: list[Candidate] = field(default_factory=list)
    requests: int = 0
    notes: list[str] = field(default_factory=list)  # what stopped the conversation early, said once each
    run: Path | None = None  # the run folder of --prove

    @property
    def usable(self) -> list[Candidate]:
        return [c for c in self.candidates if c.usable]

    @property
    def ok(self) -> bool:
        """A candidate survived the models (and, with ``--prove``, was proved)."""
        wanted = (Fate.PROVED,) if self.run is not None else (Fate.NOT_REFUTED,)
        return any(c.fate in wanted for c in self.candidates)

    def theorem_block(self) -> str:
        return "".join(f"theorem {c.theorem.name} := {readable(c.theorem.formula)}\n"
                       for c in self.usable if c.theorem is not None)

    def to_json(self, client: Client) -> dict[str, Any]:
        return {
            "theory": display_path(self.theory),
            "request": self.request,
            "candidates": [c.to_json() for c in self.candidates],
            "theorems": self.theorem_block(),
            "requests": self.requests,
            "tokens": client.spent,
            "limits": [limit.value for limit in client.limits],
            "notes": list(self.notes),
            "run": display_path(self.run) if self.run is not None else None,
        }


def formalize(theory_path: Path, text: str, client: Client, proving: ProveRequest | None = None) -> Formalization:
    """Ask for statements saying ``text``; vet them; repair once if a candidate failed (or the
    answer held none); prove the survivors when ``proving``."""
    theory = load_theory(theory_path)
    models = models_of(theory)[1]
    result = Formalization(theory_path, text)
    vetter = Vetter(theory_path, theory, _names(text))
    messages = prompt.formalize(theory, text)
    answer = _ask(client, messages, result)
    if answer is None:
        return result
    result.candidates += screen(vetter.vet(extract(answer), 1), theory, models)
    if not result.candidates or any(c.failed for c in result.candidates):
        repair = prompt.repair(messages, answer, problems(result.candidates))
        try:
            answer = _ask(client, repair, result, "repair round skipped")
        except LlmError as error:  # the first answer's candidates are kept, and the failure said
            result.notes.append(f"repair round failed: {error}")
            answer = None
        if answer is not None:
            result.candidates += screen(vetter.vet(extract(answer), 2), theory, models)
    if proving is not None and result.usable:
        result.candidates = _prove(theory_path, result, proving)
        result.run = proving.run_dir
    return result


def _ask(client: Client, messages, result: Formalization, what: str = "no request made") -> str | None:
    """The model's answer, or ``None`` (noted) when the token budget is spent."""
    try:
        reply = client.ask(messages)
    except BudgetSpent as spent:
        result.notes.append(f"{what}: {spent}")
        return None
    result.requests += 1
    return reply.text


def _names(text: str) -> Iterator[str]:
    """Theorem names from the sentence: ``addition_is_commutative``, then ``…_2``, …"""
    words = re.findall(r"[A-Za-z0-9]+", text.lower())
    base = "_".join(words)[:40].strip("_")
    base = base if is_name(base) and base[0].isalpha() else "formalized"
    yield base
    for index in itertools.count(2):
        yield f"{base}_{index}"


def _prove(theory_path: Path, result: Formalization, proving: ProveRequest) -> list[Candidate]:
    """Write the usable candidates as the stated theorems of a file importing the theory, prove
    it goal-directed within the effort ``proving`` allows, and read each one's fate from the
    summary."""
    from genlogic.explore.run import ExploreOptions, prove_and_explore

    target = proving.theory_file
    relative = os.path.relpath(theory_path.resolve(), target.resolve().parent)
    header = f"# Candidates of genlogic formalize for: {shown(result.request)}\n"
    write_atomic(target, f'{header}import "{Path(relative).as_posix()}"\n\n{result.theorem_block()}')
    options = ExploreOptions(time_limit=proving.time_limit, max_rounds=proving.max_rounds)
    summary = prove_and_explore(target, proving.run_dir, options)
    goals = {goal["name"]: goal for goal in summary["goals"]}
    return [_proved(c, goals) for c in result.candidates]


def _proved(candidate: Candidate, goals: dict[str, dict[str, Any]]) -> Candidate:
    if not candidate.usable or candidate.theorem is None:
        return candidate
    goal = goals[candidate.theorem.name]
    if goal["status"] == "proved":
        return dataclasses.replace(candidate, fate=Fate.PROVED, message=f"round {goal['round']}, {goal['steps']} steps")
    return dataclasses.replace(candidate, fate=Fate.UNPROVED, message=goal.get("reason", goal["status"]))


def render(result: Formalization, client: Client) -> str:
    """What ``genlogic formalize`` prints: each candidate with its fate, readable and core MPL
    (model text escaped), then the theorem block."""
    lines = []
    for number, candidate in enumerate(result.candidates, 1):
        detail = f" — {shown(candidate.message)}" if candidate.message else ""
        lines.append(f"candidate {number} (round {candidate.round}): {candidate.fate.value}{detail}")
        if candidate.theorem is None:
            lines.append(f"  text:     {shown(candidate.text)}")
        else:
            if candidate.guards:
                lines.append(f"  guarded:  added {', '.join(candidate.guards)}")
            lines.append(f"  readable: {readable(candidate.theorem.formula)}")
            lines.append(f"  core:     {core(candidate.theorem.formula)}")
        if candidate.sides:
            left, right = candidate.sides
            lines.append(f"  there {left['term']} is {left['value']} but {right['term']} is {right['value']}"
                         + (f" (model {candidate.model})" if candidate.model else ""))
    if not result.candidates:
        lines.append("no candidate statement in the answer")
    lines += [f"note: {note}" for note in result.notes]
    block = result.theorem_block()
    if block:
        lines.append(f"theorem block (for a file that imports {display_path(result.theory)}):")
        lines.append(block.rstrip("\n"))
    usable = len(result.usable)
    summary = (f"{usable} of {len(result.candidates)} candidates usable; {result.requests} "
               f"request{'s' if result.requests != 1 else ''}, {client.spent} tokens")
    if result.run is not None:
        proved = sum(c.fate is Fate.PROVED for c in result.candidates)
        summary += f"; {proved} proved, wrote {display_path(result.run)}"
    lines.append(summary)
    return "\n".join(lines)
