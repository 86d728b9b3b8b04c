"""Benchmark: Gauss's summation formula end to end (issue 13): `genlogic prove
mpl_examples/gauss.mpl` (peano.mpl, which it imports, is explored first in the same run; the fold's
recursion is conjectured and proved; then the formula), then `genlogic check` of that run; the
same from a Peano run (`prove --from`); and from GL's way of writing the definitions
(`tests/data/gl/ConfigGauss.json` through `genlogic import-gl`: one flat theory).

Prints the wall time and peak memory of each run, the status of the `gauss` goal, the essential
core's size and whether the run checks. Target (issue 13): the formula proved, explore + prove +
check ≤ 3 minutes and ≤ 1 GB on a 2-core machine (GL v0.7: about 12.5 minutes here).

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
    parser.add_argument("--time-limit", type=float, default=150.0, help="for each Gauss run (seconds)")
    args = parser.parse_args()
    genlogic = [sys.executable, "-m", "genlogic"]
    with tempfile.TemporaryDirectory() as folder:
        alone, peano, built = Path(folder) / "gauss", Path(folder) / "peano", Path(folder) / "gauss-from"
        started = time.perf_counter()
        subprocess.run([*genlogic, "prove", "mpl_examples/gauss.mpl", "--no-html", "--time-limit", str(args.time_limit),
                        "-o", str(alone)], cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
        proved = time.perf_counter()
        check = subprocess.run([*genlogic, "check", str(alone)], cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - started
        summary = json.loads((alone / "summary.json").read_text())
        _report("gauss.mpl alone", summary, proved - started, check)
        print(f"total {wall:.1f} s wall, explore + prove + check (target: gauss proved, ≤ 180 s, ≤ 1024 MB)")
        started = time.perf_counter()
        subprocess.run([*genlogic, "prove", "mpl_examples/peano.mpl", "--no-html", "-o", str(peano)],
                       cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
        explored = time.perf_counter()
        subprocess.run([*genlogic, "prove", "mpl_examples/gauss.mpl", "--from", str(peano), "--no-html",
                        "--time-limit", str(args.time_limit), "-o", str(built)],
                       cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
        proved = time.perf_counter()
        check = subprocess.run([*genlogic, "check", str(built)], cwd=ROOT, capture_output=True, text=True)
        print(f"\npeano run   {explored - started:7.1f} s")
        _report("gauss --from the Peano run", json.loads((built / "summary.json").read_text()), proved - explored, check)
        # GL's way of writing the definitions (tests/data/gl/ConfigGauss.json), one flat theory
        gl, flat = Path(folder) / "gl", Path(folder) / "gauss_gl.mpl"
        subprocess.run([*genlogic, "import-gl", "tests/data/gl/definitions", "tests/data/gl/ConfigGauss.json",
                        "-o", str(flat)], cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
        goal = Path(folder) / "goal.mpl"
        goal.write_text('import "gauss_gl.mpl"\ntheorem gauss := forall n p: n ∈ N and Fold[N, s, +, id, i0, n, p]'
                        " -> i2 * p = n * s(n)\n", encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([*genlogic, "prove", str(goal), "--no-html", "--time-limit", str(args.time_limit), "-o", str(gl)],
                       cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
        proved = time.perf_counter()
        check = subprocess.run([*genlogic, "check", str(gl)], cwd=ROOT, capture_output=True, text=True)
        print()
        _report("GL's definitions (import-gl, one flat theory)", json.loads((gl / "summary.json").read_text()),
                proved - started, check)


def _report(label: str, summary: dict, seconds: float, check: subprocess.CompletedProcess) -> None:
    goal = next(g for g in summary["goals"] if g["name"] == "gauss")
    print(f"{label}: {seconds:.1f} s, peak {summary['peak_rss_mb']:.0f} MB"
          f"{'   cut short by the time limit' if summary['cut_short'] else ''}")
    print(f"  gauss: {goal['status']}" + (f" ({goal['reason']})" if goal.get("reason") else ""))
    if summary.get("core"):
        print(f"  essential core: {len(summary['core']['essential'])} of "
              f"{len(summary['core']['essential']) + len(summary['core']['follows'])} theorems")
    print(f"  check: {check.stdout.strip().splitlines()[-1] if check.stdout.strip() else check.stderr.strip()}")


if __name__ == "__main__":
    main()
