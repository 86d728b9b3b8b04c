"""Benchmark: `genlogic prove mpl_examples/peano.mpl` end to end, then `genlogic query` with the
six laws and `genlogic check`.

Prints wall time per stage (from the run's summary), the total, peak RSS, how many of the six
laws follow from what was proved, and whether the proof graph checks. Target (issue 4): all six
laws, ≤ 60 s wall and ≤ 1 GB on a 2-core machine; the GL prototype needs about 18 minutes and
1.35 GB for the same job on this machine kind.

    .venv/bin/python benchmarks/peano.py [--time-limit SECONDS] [--workers N]
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=600.0)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    genlogic = [sys.executable, "-m", "genlogic"]
    executor = ["--executor", "process", "--workers", str(args.workers)] if args.workers > 1 else []
    with tempfile.TemporaryDirectory() as folder:
        run_dir = Path(folder) / "peano"
        started = time.perf_counter()
        subprocess.run(
            [*genlogic, "prove", "mpl_examples/peano.mpl", "--time-limit", str(args.time_limit), "--no-html",
             "-o", str(run_dir), *executor],
            cwd=ROOT, stdout=subprocess.DEVNULL, check=False,
        )
        wall = time.perf_counter() - started
        summary = json.loads((run_dir / "summary.json").read_text())
        query = subprocess.run([*genlogic, "query", str(run_dir), "mpl_examples/peano_laws.mpl"],
                               cwd=ROOT, capture_output=True, text=True)
        check = subprocess.run([*genlogic, "check", str(run_dir)], cwd=ROOT, capture_output=True, text=True)
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"workers {args.workers}")
    for name, stage in summary["stages"].items():
        print(f"  {name:<14} {stage['seconds']:8.2f} s   peak {stage['peak_rss_mb']:7.1f} MB")
    counts = summary["counts"]
    print(f"total {wall:.1f} s wall (target ≤ 60 s), peak {summary['peak_rss_mb']:.0f} MB (target ≤ 1024 MB)"
          f"{', cut short by the time limit' if summary['cut_short'] else ''}")
    print(f"conjectures {counts['canonical']}, proved {counts['proved']} ({counts['by_induction']} by induction), "
          f"corollaries {counts['corollaries']}, open {counts['open']}, "
          f"rounds {counts['rounds']}")
    follows = [line for line in query.stdout.splitlines() if line.strip().startswith("follows")]
    print(f"six laws following from the run: {len(follows)} of 6")
    print(query.stdout.rstrip())
    print("check:", check.stdout.strip().splitlines()[-1] if check.stdout.strip() else check.stderr.strip())


if __name__ == "__main__":
    main()
