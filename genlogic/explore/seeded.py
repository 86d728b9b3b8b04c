"""Conjectures from outside exploration (``prove --seed``): a seeder proposes statements given
the theory, the theorems found so far and the models. Exploration screens them on its models and
proves them like stated goals; one enters the proof graph, with origin ``seeded``, only with an
engine proof. A seeder whose source fails says so (:attr:`Seeding.failure`): the run records the
failure and keeps what it has. Nothing here knows where the statements come from (docs/llm.md: a
language model)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Callable

from genlogic.engine.goal import KnownTheorem
from genlogic.explore.model import Models
from genlogic.mpl.printer import readable
from genlogic.theory.model import Theorem, Theory


@dataclass(frozen=True)
class Seed:
    """A proposed statement: well-kinded (``theorem``), or refused before any model saw it
    (``fate`` and ``message`` say why)."""

    text: str  # as proposed
    theorem: Theorem | None
    fate: str = ""
    message: str = ""
    round: int = 1  # 2: proposed again after the seeder's source was told what failed
    guards: tuple[str, ...] = ()  # guards added to its variables (``a ∈ N``); ``theorem`` has them


@dataclass(frozen=True)
class Seeding:
    """What a seeder proposed and, when its source failed before it was done, why (the seeds
    proposed until then are kept)."""

    seeds: tuple[Seed, ...]
    failure: str | None = None


#: (theory, theorems known so far, models) → proposed statements
Seeder = Callable[[Theory, tuple[KnownTheorem, ...], Models], Seeding]


def named(seeds: tuple[Seed, ...], taken: set[str]) -> tuple[Seed, ...]:
    """The seeds with statements renamed ``seed1``, ``seed2``, … (names not in ``taken``)."""
    out = []
    number = 0
    for seed in seeds:
        if seed.theorem is not None:
            number += 1
            name = f"seed{number}"
            while name in taken:
                name += "_"
            taken.add(name)
            seed = dataclasses.replace(seed, theorem=dataclasses.replace(seed.theorem, name=name))
        out.append(seed)
    return tuple(out)


def summary_entries(seeds: tuple[Seed, ...], goals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``summary.json`` ``seeded``: per seed its text (``repaired``: proposed in the repair round), the
    guards added to it, and its statement and fate — ``proved`` (round, steps), ``refuted``
    (counterexample), ``unproved`` (reason) as a stated goal's — or the fate that stopped it
    before the models."""
    outcome = {goal["name"]: goal for goal in goals}
    entries = []
    for seed in seeds:
        entry: dict[str, Any] = {"text": seed.text}
        if seed.round != 1:
            entry["repaired"] = True
        if seed.guards:
            entry["guarded"] = list(seed.guards)
        if seed.theorem is None:
            entry.update(fate=seed.fate, message=seed.message)
        else:
            goal = dict(outcome[seed.theorem.name])
            entry.update(name=goal.pop("name"), statement=readable(seed.theorem.formula), fate=goal.pop("status"), **goal)
        entries.append(entry)
    return entries
