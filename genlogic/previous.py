"""Theories that build on theories: the proved theorems of an earlier run (``prove --from``).

A theory that imports another may start from a run of that other theory instead of proving its
theorems again. The earlier run is trusted only as far as the kernel vouches for it:

1. the run must check (``genlogic check``, the independent kernel), and its theory file must be
   one that the new theory loads, byte for byte (the same SHA-256);
2. every proof is copied into the new run's proof graph, re-expressed against the new theory —
   an ``axiom`` step cites the new theory's axiom with the same formula, a ``theorem`` step the
   renamed theorem, and every step id is the content hash of the re-expressed step — so that
   ``genlogic check`` of the new run re-checks what it uses, from the new theory's files alone;
3. names are prefixed with the earlier theory's name (``peano_law17``), so they never collide
   with the new run's own (a stated theorem of that name is refused); their origin is
   ``imported``, and ``summary.json`` (``from``) names the run;
4. the copies are checked by the kernel against the new theory before anything else happens: a
   proof that no longer fits (a bound name that is a constant of the new theory) is refused.

Anything that does not fit raises :class:`~genlogic.errors.MplError` (exit code 2).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from genlogic import proofgraph
from genlogic.check import Report, check_graph, check_run
from genlogic.check.theory import TheoryError, read_theory
from genlogic.engine.block import BlockInfo
from genlogic.engine.goal import KnownTheorem, Proof
from genlogic.engine.proof import Calculation, Link, ProofLog
from genlogic.errors import MplError
from genlogic.mpl.printer import core
from genlogic.mpl.reader import read_core
from genlogic.proofgraph import ProvedTheorem
from genlogic.theory.loader import load_sources
from genlogic.theory.model import Theory

#: what a step object holds besides its own fields (kind, formula, premises, block, id)
_FIELDS = ("id", "kind", "formula", "premises", "block")


@dataclass(frozen=True)
class Previous:
    """The theorems of an earlier run, ready for the new one: in the earlier run's order."""

    run: str  # the run folder, as given; or the imported file, when ``explored``
    theory: str  # the earlier theory's name
    theorems: tuple[ProvedTheorem, ...]
    explored: bool = False  # explored in the same run, before the theory that imports it (no --from)

    @property
    def known(self) -> tuple[KnownTheorem, ...]:
        return tuple(KnownTheorem(t.proof.name, t.proof.statement) for t in self.theorems)

    def describe(self) -> dict[str, object]:
        return {"explored" if self.explored else "run": self.run, "theory": self.theory, "theorems": len(self.theorems)}


def from_runs(run_dirs: tuple[Path, ...], theory_path: Path, theory: Theory) -> tuple[Previous, ...]:
    """:func:`load_previous` for each run, in order; two runs whose theorems would share names
    (two runs of one theory) are refused."""
    runs = tuple(load_previous(run_dir, theory_path, theory) for run_dir in run_dirs)
    names = [t.proof.name for run in runs for t in run.theorems]
    if len(set(names)) != len(names):
        raise MplError("--from: two runs whose theorems get the same names (runs of one theory, or of theories "
                       "whose names differ only in case or punctuation); give one")
    return runs


def load_previous(run_dir: Path, theory_path: Path, theory: Theory) -> Previous:
    """The proved theorems of ``run_dir``, re-expressed for ``theory`` (read from ``theory_path``)."""
    graph_path = run_dir / "proofgraph.json"
    try:
        graph = json.loads(graph_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise MplError(f"--from {run_dir}: cannot read {graph_path}: {error}") from None
    report = check_run(run_dir)
    if not report.ok:
        first = (report.graph_failures + report.failures)[0]
        raise MplError(f"--from {run_dir}: the run does not check ({first}); see genlogic check {run_dir}")
    header = graph.get("theory", {})
    loaded = {hashlib.sha256(p.read_bytes()).hexdigest() for p in load_sources(theory_path).paths}
    if header.get("sha256") not in loaded:
        raise MplError(f"--from {run_dir}: its theory {header.get('path')} is not a file that "
                       f"{theory_path} loads (compared by SHA-256)")
    name = str(header.get("name", "previous"))
    prefix = re.sub(r"[^A-Za-z0-9_]", "_", name).lower() + "_"
    axioms: dict[str, int] = {}
    for index, axiom in enumerate(theory.axioms):
        axioms.setdefault(core(axiom), index)
    renamed = {t["name"]: prefix + t["name"] for t in graph["theorems"]}
    stated = sorted(set(renamed.values()) & {t.name for t in theory.theorems})
    if stated:
        raise MplError(f"--from {run_dir}: {theory_path} states a theorem named like one of the run's: {stated[0]}")
    theorems = tuple(_reexpress(t, renamed, axioms, run_dir) for t in graph["theorems"])
    _check_against(theorems, theory_path, theory, run_dir)
    return Previous(str(run_dir), name, theorems)


def _check_against(theorems: tuple[ProvedTheorem, ...], theory_path: Path, theory: Theory, run_dir: Path) -> None:
    """The kernel's verdict on the copies, against the new theory's files: a copy that no longer
    checks there (a bound name that is now a constant of the theory, a definition it unfolds
    that reads differently) is refused here, not found later by ``genlogic check``."""
    graph = proofgraph.build(theory_path, theory.name, list(theorems))
    report = Report()
    try:
        check_graph(graph, read_theory(graph["theory"], theory_path.parent, theory_path), report)
    except TheoryError as error:
        raise MplError(f"--from {run_dir}: {error}") from None
    if not report.ok:
        first = (report.graph_failures + report.failures)[0]
        raise MplError(f"--from {run_dir}: its proofs do not check against {theory_path} ({first})")


def _reexpress(theorem: dict, renamed: dict[str, str], axioms: dict[str, int], run_dir: Path) -> ProvedTheorem:
    log = ProofLog()
    ids: dict[str, str] = {}
    order: list[str] = []
    for step in theorem["steps"]:
        extra = {k: v for k, v in step.items() if k not in _FIELDS}
        if step["kind"] == "axiom":
            if step["formula"] not in axioms:
                raise MplError(f"--from {run_dir}: {theorem['name']} cites an axiom the new theory does not have: "
                               f"{step['formula']}")
            extra["axiom"] = axioms[step["formula"]]
        if step["kind"] == "theorem":
            extra["theorem"] = renamed[extra["theorem"]]
        premises = tuple(ids[p] for p in step["premises"])
        ids[step["id"]] = log.record(step["kind"], read_core(step["formula"]), premises, step["block"], **extra)
        order.append(ids[step["id"]])
    blocks = tuple(BlockInfo(b["id"], b["kind"], b["parent"], tuple(b["params"])) for b in theorem["blocks"])
    name = renamed[theorem["name"]]
    proof = Proof(name, read_core(theorem["statement"]), tuple(log.steps[i] for i in dict.fromkeys(order)), blocks,
                  tuple(sorted(renamed[u] for u in theorem["uses"])), _calculations(theorem, ids))
    return ProvedTheorem(proof, "imported", 0, theorem.get("origin", {}).get("method"))


def _calculations(theorem: dict, ids: dict[str, str]) -> tuple[Calculation, ...]:
    """The earlier run's explanations, their step ids mapped like the steps (any that does not
    map is left out: the browser checks the rest against the steps anyway)."""
    found = []
    for entry in theorem.get("calculations", []):
        try:
            links = tuple(Link(ids[link["step"]], tuple(ids[b] for b in link["by"])) for link in entry["links"])
            found.append(Calculation(ids[entry["proves"]], links))
        except (KeyError, TypeError):
            continue
    return tuple(found)
