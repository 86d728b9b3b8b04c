"""Benchmark: Gauss's summation formula end to end (issue 13) — explore Peano, then
`genlogic prove mpl_examples/gauss.mpl --from` that run, then `genlogic check`.

Prints the wall time and peak memory of both runs, the status of the `gauss` goal, the essential
core's size and whether the Gauss run checks. Target (issue 13): the formula proved, explore +
prove + check ≤ 3 minutes and ≤ 1 GB on a 2-core machine (GL v0.7: about 12.5 minutes here).
Not reached yet: the goal needs existentials over sets and functions (docs/performance.md).

    .venv/bin/python benchmarks/gauss.py [--time-limit SECONDS]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=150.0, help="for the Gauss run (seconds)")
    args = parser.parse_args()
    genlogic = [sys.executable, "-m", "genlogic"]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        peano, gauss = Path(folder) / "peano", Path(folder) / "gauss"
        subprocess.run([*genlogic, "prove", "mpl_examples/peano.mpl", "--no-html", "-o", str(peano)],
                       cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
        explored = time.perf_counter()
        subprocess.run([*genlogic, "prove", "mpl_examples/gauss.mpl", "--from", str(peano), "--no-html",
                        "--time-limit", str(args.time_limit), "-o", str(gauss)],
                       cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
        proved = time.perf_counter()
        check = subprocess.run([*genlogic, "check", str(gauss)], cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - started
        first = json.loads((peano / "summary.json").read_text())
        summary = json.loads((gauss / "summary.json").read_text())
    goal = next(g for g in summary["goals"] if g["name"] == "gauss")
    print(f"peano run   {explored - started:7.1f} s   peak {first['peak_rss_mb']:6.0f} MB")
    print(f"gauss run   {proved - explored:7.1f} s   peak {summary['peak_rss_mb']:6.0f} MB"
          f"{'   cut short by the time limit' if summary['cut_short'] else ''}")
    print(f"gauss: {goal['status']}" + (f" ({goal['reason']})" if goal.get("reason") else ""))
    if summary.get("core"):
        print(f"essential core: {len(summary['core']['essential'])} of "
              f"{len(summary['core']['essential']) + len(summary['core']['follows'])} theorems")
    print(f"check: {check.stdout.strip().splitlines()[-1] if check.stdout.strip() else check.stderr.strip()}")
    print(f"total {wall:.1f} s wall (target: gauss proved, ≤ 180 s, ≤ 1024 MB)")


if __name__ == "__main__":
    main()
