"""``genlogic calc``: ground tables of a theory's operations on numerals, every fact proved.

Writes a run folder like ``genlogic prove`` (see :mod:`genlogic.runs`); the summary holds the
tables (numeral indices), what was not found, and the limit that stopped the calculation if one
did (:class:`~genlogic.engine.ground.GroundLimit`: numerals, facts, steps, or the time limit).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from genlogic import __version__, proofgraph
from genlogic.engine.ground import GroundBudget, GroundTables, calculate
from genlogic.engine.lemmas import normal_forms, prove_lemmas
from genlogic.prove import peak_rss_mb
from genlogic.runs import write_run
from genlogic.theory.build import load_theory


#: seconds for the whole calculation unless told otherwise (``genlogic calc --time-limit``)
CALC_TIME_LIMIT = 60.0


def run_calc(
    theory_path: Path, run_dir: Path, up_to: int, distinct_up_to: int | None, time_limit: float = CALC_TIME_LIMIT
) -> tuple[GroundTables, dict[str, Any]]:
    started = time.perf_counter()
    deadline = time.monotonic() + time_limit
    lemmas = prove_lemmas(load_theory(theory_path), deadline)  # the ground chain may cite them
    theory = lemmas.theory
    tables = calculate(theory, up_to, distinct_up_to, GroundBudget(deadline=deadline))
    proved = [proofgraph.ProvedTheorem(proof, "normal form", 0) for proof in lemmas.proofs]
    proved += [proofgraph.ProvedTheorem(proof, "ground", 1) for proof in tables.proofs]
    summary = {
        "generator": f"genlogic {__version__}",
        "theory": theory.name,
        "mode": "calc",
        "numerals": {
            "carrier": tables.schema.carrier,
            "zero": tables.schema.base,
            "step": tables.schema.step,
            "up_to": up_to,
            "fixed": tables.numerals,
        },
        "tables": {op: [[table.get((a, b)) for b in range(up_to + 1)] for a in range(up_to + 1)]
                   for op, table in tables.tables.items()},
        "missing": [list(entry) for entry in tables.missing],
        "limit": tables.limit.value if tables.limit is not None else None,
        "distinct_up_to": tables.distinct_up_to,
        "theorems": len(proved),
        "steps": sum(len(t.proof.steps) for t in proved),
        "normal_forms": normal_forms(lemmas),
        "seconds": round(time.perf_counter() - started, 3),
        "peak_rss_mb": peak_rss_mb(),
    }
    write_run(run_dir, theory_path, theory.name, proved, summary)
    return tables, summary


def render_tables(tables: GroundTables) -> str:
    """Each operation as a grid of numeral indices (``?`` where no value was found)."""
    lines = []
    size = tables.up_to + 1
    width = max(2, len(str(max((c for t in tables.tables.values() for c in t.values()), default=0))))
    for op, table in tables.tables.items():
        lines.append(f"{op:>{width}} |" + "".join(f" {b:>{width}}" for b in range(size)))
        lines.append("-" * (width + 1) + "+" + "-" * ((width + 1) * size))
        for a in range(size):
            row = "".join(f" {str(table.get((a, b), '?')):>{width}}" for b in range(size))
            lines.append(f"{a:>{width}} |{row}")
        lines.append("")
    return "\n".join(lines)
