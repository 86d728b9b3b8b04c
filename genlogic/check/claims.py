"""What a run says it proved, against what its proof graph proves (docs/proofgraph.md, "Goals
and claims").

* Every stated ``theorem`` of the theory is reported as proved — some theorem of the graph whose
  proof checked has a statement alpha-equivalent to it after expanding definitions — or not.
* ``summary.json`` may say that goals were proved (``goals``: objects with ``name`` and
  ``status``): each goal with status ``proved`` must be a stated theorem that the graph proves;
  each seed (``seeded``, ``prove --seed llm``) with fate ``proved`` must be a theorem of the
  graph, under its name, whose statement is the one the seed claims.
* ``theorems.mpl`` states theorems by name: each must be a theorem of the graph whose proof
  checked, with the same statement after expansion. So that its statements mean what the
  checked theory says, the file defines nothing and imports exactly one file, with the bytes
  of the checked root theory file.

The corollaries that an exploring run lists in ``summary.json`` follow by rewriting from the
graph's theorems but are not in the graph; they are counted, never vouched for.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from genlogic.check.kernel import same
from genlogic.check.theory import KernelTheory
from genlogic.errors import MplError
from genlogic.mpl.ast import DefStatement, Formula, Import, TheoremStatement
from genlogic.mpl.expand import expand
from genlogic.mpl.parser import parse_formula, parse_source


@dataclass(frozen=True)
class Goal:
    """A stated theorem of the theory and the graph theorem that proves it, if any."""

    name: str
    proved: bool
    by: str | None = None


@dataclass(frozen=True)
class Claims:
    goals: tuple[Goal, ...]
    failures: tuple[str, ...]  # claims of summary.json or theorems.mpl the graph does not back
    unchecked_corollaries: int


def check_claims(run_dir: Path, theory: KernelTheory, proved: Mapping[str, Formula]) -> Claims:
    """``proved``: the statements of the graph's theorems whose proofs checked, by name."""
    expanded = {name: expand(statement, theory.definitions) for name, statement in proved.items()}

    def prover(formula: Formula, prefer: str) -> str | None:
        target = expand(formula, theory.definitions)
        if prefer in expanded and same(expanded[prefer], target):
            return prefer
        return next((name for name, statement in expanded.items() if same(statement, target)), None)

    goals = []
    for name, formula in theory.theorems:
        by = prover(formula, name)
        goals.append(Goal(name, by is not None, by))
    failures: list[str] = []
    corollaries = _summary_claims(run_dir / "summary.json", {g.name: g for g in goals}, failures, theory, expanded)
    _theorems_claims(run_dir / "theorems.mpl", theory, expanded, failures)
    return Claims(tuple(goals), tuple(failures), corollaries)


def _summary_claims(path: Path, goals: dict[str, Goal], failures: list[str], theory: KernelTheory,
                    expanded: Mapping[str, Formula]) -> int:
    """Check the goals and seeds summary.json says were proved; return how many corollaries it
    lists."""
    if not path.exists():
        return 0
    try:
        summary = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as error:
        failures.append(f"summary.json cannot be read: {error}")
        return 0
    if not isinstance(summary, dict):
        failures.append("summary.json is not a JSON object")
        return 0
    claimed = summary.get("goals", [])
    if not isinstance(claimed, list):
        failures.append("summary.json: goals is not a list")
        claimed = []
    for entry in claimed:
        if not isinstance(entry, dict) or entry.get("status") != "proved":
            continue
        name = entry.get("name")
        goal = goals.get(name) if isinstance(name, str) else None
        if goal is None:
            failures.append(f"summary.json says goal {name!r} was proved, but the theory states no such theorem")
        elif not goal.proved:
            failures.append(f"summary.json says goal {name} was proved, but the proof graph does not prove it")
    seeded = summary.get("seeded", [])
    for entry in seeded if isinstance(seeded, list) else []:
        if isinstance(entry, dict) and entry.get("fate") == "proved" and not _seed_claim(
                entry.get("name"), entry.get("statement"), theory, expanded):
            failures.append(f"summary.json says seed {entry.get('name')!r} was proved, but the proof graph does "
                            "not prove its statement under that name")
    corollaries = summary.get("corollaries", [])
    return len(corollaries) if isinstance(corollaries, list) else 0


def _seed_claim(name: object, text: object, theory: KernelTheory, expanded: Mapping[str, Formula]) -> bool:
    """Whether the graph's proved theorem ``name`` states ``text`` (after expansion)."""
    if not isinstance(name, str) or name not in expanded or not isinstance(text, str):
        return False
    try:
        claim = expand(parse_formula(text, "summary.json"), theory.definitions)
    except (MplError, RecursionError):
        return False
    return same(expanded[name], claim)


def _theorems_claims(path: Path, theory: KernelTheory, expanded: Mapping[str, Formula], failures: list[str]) -> None:
    if not path.exists():
        return
    try:
        source = parse_source(path.read_text(encoding="utf-8"), "theorems.mpl")
    except (OSError, UnicodeDecodeError, MplError, RecursionError) as error:
        failures.append(f"theorems.mpl cannot be read: {error}")
        return
    imports = [s for s in source.statements if isinstance(s, Import)]
    root = theory.files[0]
    if len(imports) != 1 or _sha256(path.parent / imports[0].path) != root.sha256:
        failures.append(f"theorems.mpl does not import exactly the checked theory file {root.path}")
    for statement in source.statements:
        if isinstance(statement, DefStatement):
            failures.append(f"theorems.mpl defines {statement.name}: its theorems must mean what the checked theory says")
        if not isinstance(statement, TheoremStatement):
            continue
        graph_statement = expanded.get(statement.name)
        claim = expand(statement.formula, theory.definitions)
        if graph_statement is None or not same(graph_statement, claim):
            failures.append(f"theorems.mpl states {statement.name}, which the proof graph does not prove")


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except (OSError, ValueError):
        return None
