"""Provenance: every fact the engine derives is a :class:`Step` in a :class:`ProofLog`.

A step names its kind (see docs/proofgraph.md for the exact rule of each), the formula it
establishes, the steps it cites and the block (proving context) it lives in. Step ids are
content hashes, so the same derivation always gets the same id, in any process.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from genlogic.mpl.ast import Formula
from genlogic.mpl.printer import core


@dataclass(frozen=True)
class Step:
    id: str
    kind: str
    formula: Formula
    premises: tuple[str, ...]
    block: str
    extra: tuple[tuple[str, Any], ...] = ()

    text: str = ""  # the formula in core notation

    def to_json(self) -> dict[str, Any]:
        data = _payload(self.kind, self.text, self.premises, self.block, dict(self.extra))
        data["id"] = self.id
        return data


def _payload(kind: str, formula: str, premises: tuple[str, ...], block: str, extra: dict[str, Any]) -> dict[str, Any]:
    return {"kind": kind, "formula": formula, "premises": list(premises), "block": block, **extra}


def step_id(payload: dict[str, Any]) -> str:
    """First 16 hex digits of the SHA-256 of the canonical JSON of a step without its id."""
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Link:
    """One line of a calculation: the step proving ``c = d`` between the constants of two
    consecutive terms, and the steps of the laws it uses (axioms, theorems, hypotheses), in the
    order they rewrote — empty where it only renames a term the scope already has a constant
    for. A rewrite that needed no step of its own (the scope already knew the value of its
    result) is credited to the next line, whose terms include its effect."""

    step: str
    by: tuple[str, ...]


@dataclass(frozen=True)
class Calculation:
    """How an equational step was found: a chain of rewrites, each a :class:`Link`. It is an
    explanation for readers, not part of the proof: the checker ignores it, and the browser
    shows it only where it agrees with the steps (docs/proofgraph.md, "calculations")."""

    proves: str
    links: tuple[Link, ...]

    def to_json(self) -> dict[str, Any]:
        return {"proves": self.proves, "links": [{"step": link.step, "by": list(link.by)} for link in self.links]}


@dataclass
class ProofLog:
    """All steps recorded in one process, by id. Recording the same step twice is a no-op."""

    steps: dict[str, Step] = field(default_factory=dict)
    # the calculation each equational step was found by, keyed by that step
    calculations: dict[str, Calculation] = field(default_factory=dict)
    # core text of formulas already printed (the memo of genlogic.mpl.printer.core)
    printed: dict[int, tuple[Formula, str]] = field(default_factory=dict)

    def text(self, formula: Formula) -> str:
        return core(formula, self.printed)

    def record(self, kind: str, formula: Formula, premises: tuple[str, ...] | list[str], block: str, **extra: Any) -> str:
        premises = tuple(premises)
        ordered = tuple(sorted(extra.items()))
        text = self.text(formula)
        identifier = step_id(_payload(kind, text, premises, block, dict(ordered)))
        if identifier not in self.steps:
            self.steps[identifier] = Step(identifier, kind, formula, premises, block, ordered, text)
        return identifier

    def merge(self, steps: dict[str, Step]) -> None:
        for identifier in sorted(steps):
            self.steps.setdefault(identifier, steps[identifier])

    def ancestry(self, root: str) -> list[str]:
        """The steps ``root`` depends on (itself included), each after everything it cites."""
        order: list[str] = []
        seen: set[str] = set()
        stack: list[tuple[str, bool]] = [(root, False)]
        while stack:
            identifier, expanded = stack.pop()
            if expanded:
                order.append(identifier)
                continue
            if identifier in seen:
                continue
            seen.add(identifier)
            stack.append((identifier, True))
            for premise in reversed(self.steps[identifier].premises):
                if premise not in seen:
                    stack.append((premise, False))
        return order
