"""Writing a run folder: ``proofgraph.json``, ``summary.json`` and ``theorems.mpl``, atomically.

``theorems.mpl`` states every proved theorem in readable MPL and imports the theory, so the file
loads as a theory of its own (``genlogic parse RUN_DIR/theorems.mpl``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from genlogic import __version__, proofgraph
from genlogic.files import write_directory_atomic
from genlogic.mpl.printer import readable


def write_run(run_dir: Path, theory_path: Path, theory_name: str, proved: list[proofgraph.ProvedTheorem],
              summary: dict[str, Any], extra: dict[str, str] | None = None) -> None:
    graph = proofgraph.build(theory_path, theory_name, proved)
    write_directory_atomic(
        run_dir,
        {
            "proofgraph.json": proofgraph.dumps(graph),
            "summary.json": json.dumps(summary, indent=2, ensure_ascii=False) + "\n",
            "theorems.mpl": _theorems_file(theory_path, run_dir, proved),
            **(extra or {}),
        },
    )


def _theorems_file(theory_path: Path, run_dir: Path, proved: list[proofgraph.ProvedTheorem]) -> str:
    """The theory is imported as the proof graph names it: by its absolute path when it was given
    one (so the run folder may move on its own), else relative to the run folder."""
    target = theory_path.resolve() if theory_path.is_absolute() else os.path.relpath(theory_path.resolve(), run_dir.resolve())
    lines = [f"# Theorems proved by genlogic {__version__}.", f'import "{target}"', ""]
    for theorem in proved:
        lines.append(f"theorem {theorem.proof.name} := {readable(theorem.proof.statement)}")
        lines.append("")
    return "\n".join(lines)
