"""The proof graph of a run: every proved theorem with its proof, as versioned JSON.

The format is specified in docs/proofgraph.md. The theorem-use graph is a networkx DiGraph; it
must be acyclic, and theorems are listed so that each comes after every theorem it uses.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from genlogic import __version__
from genlogic.engine.goal import Proof
from genlogic.mpl.printer import core
from genlogic.theory.loader import load_sources

FORMAT = "genlogic-proofgraph"
SCHEMA = 2


@dataclass(frozen=True)
class ProvedTheorem:
    proof: Proof
    source: str  # stated, ground, conjecture
    round: int
    method: str | None = None  # direct, corollary, induction (for conjectures)


def use_graph(theorems: list[ProvedTheorem]) -> nx.DiGraph:
    """Theorem → the theorems its proof cites."""
    graph = nx.DiGraph()
    for theorem in theorems:
        graph.add_node(theorem.proof.name)
        for used in theorem.proof.uses:
            graph.add_edge(theorem.proof.name, used)
    return graph


def build(theory_path: Path, theory_name: str, theorems: list[ProvedTheorem]) -> dict[str, Any]:
    graph = use_graph(theorems)
    if not nx.is_directed_acyclic_graph(graph):
        raise ValueError("theorem use is cyclic")
    position = {t.proof.name: i for i, t in enumerate(theorems)}
    for theorem in theorems:
        assert all(position[u] < position[theorem.proof.name] for u in theorem.proof.uses)
    return {
        "format": FORMAT,
        "schema": SCHEMA,
        "generator": f"genlogic {__version__}",
        "theory": {
            "path": str(theory_path),
            "sha256": _sha256(theory_path),
            "imports": imported_files(theory_path),
            "name": theory_name,
        },
        "theorems": [_theorem(t) for t in theorems],
    }


def imported_files(theory_path: Path) -> list[dict[str, str]]:
    """Every file the theory imports, transitively: its path relative to the root file's folder
    and the SHA-256 of its bytes, sorted by path."""
    sources = load_sources(theory_path)
    base = theory_path.resolve().parent
    files = [{"path": Path(os.path.relpath(p, base)).as_posix(), "sha256": _sha256(p)} for p in sources.paths[:-1]]
    return sorted(files, key=lambda f: f["path"])


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _theorem(theorem: ProvedTheorem) -> dict[str, Any]:
    proof = theorem.proof
    return {
        "name": proof.name,
        "statement": core(proof.statement),
        "uses": list(proof.uses),
        "origin": {
            "source": theorem.source,
            "block": proof.name,
            "round": theorem.round,
            **({"method": theorem.method} if theorem.method else {}),
        },
        "blocks": [
            {"id": b.id, "kind": b.kind, "parent": b.parent, "params": list(b.params)} for b in proof.blocks
        ],
        "steps": [step.to_json() for step in proof.steps],
        **({"calculations": [c.to_json() for c in proof.calculations]} if proof.calculations else {}),
    }


def dumps(graph: dict[str, Any]) -> str:
    return json.dumps(graph, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
