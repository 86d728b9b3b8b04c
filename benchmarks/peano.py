"""Benchmark: `genlogic prove mpl_examples/peano.mpl` end to end, then `genlogic query` with the
six laws and `genlogic check`.

Prints wall time per stage (from the run's summary), the total, peak RSS, how many of the six
laws follow from what was proved, and whether the proof graph checks. Target (issue 4): all six
laws, ≤ 60 s wall and ≤ 1 GB on a 2-core machine; the GL prototype needs about 18 minutes and
1.35 GB for the same job on this machine kind. `--theory mpl_examples/peano_order.mpl --laws
mpl_examples/peano_order_laws.mpl` does the same for Peano with ≤ and the laws of issue 11
(cancellation for + and ·, transitivity, antisymmetry, totality, monotonicity).

    .venv/bin/python benchmarks/peano.py [--time-limit SECONDS] [--workers N] [--theory F --laws F]
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
    parser.add_argument("--theory", default="mpl_examples/peano.mpl")
    parser.add_argument("--laws", default="mpl_examples/peano_laws.mpl")
    args = parser.parse_args()
    genlogic = [sys.executable, "-m", "genlogic"]
    executor = ["--executor", "process", "--workers", str(args.workers)] if args.workers > 1 else []
    with tempfile.TemporaryDirectory() as folder:
        run_dir = Path(folder) / "run"
        started = time.perf_counter()
        subprocess.run(
            [*genlogic, "prove", args.theory, "--time-limit", str(args.time_limit), "--no-html",
             "-o", str(run_dir), *executor],
            cwd=ROOT, stdout=subprocess.DEVNULL, check=False,
        )
        wall = time.perf_counter() - started
        summary = json.loads((run_dir / "summary.json").read_text())
        query = subprocess.run([*genlogic, "query", str(run_dir), args.laws],
                               cwd=ROOT, capture_output=True, text=True)
        check = subprocess.run([*genlogic, "check", str(run_dir)], cwd=ROOT, capture_output=True, text=True)
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"workers {args.workers}")
    for name, stage in summary["stages"].items():
        print(f"  {name:<14} {stage['seconds']:8.2f} s   peak {stage['peak_rss_mb']:7.1f} MB")
    counts = summary["counts"]
    targets = args.theory == parser.get_default("theory")  # issue 4's targets are Peano's
    print(f"total {wall:.1f} s wall{' (target ≤ 60 s)' if targets else ''}, peak {summary['peak_rss_mb']:.0f} MB"
          f"{' (target ≤ 1024 MB)' if targets else ''}"
          f"{', cut short by the time limit' if summary['cut_short'] else ''}")
    print(f"conjectures {counts['canonical']}, proved {counts['proved']} ({counts['by_induction']} by induction), "
          f"corollaries {counts['corollaries']}, open {counts['open']}, "
          f"rounds {counts['rounds']}")
    answers = [line.strip() for line in query.stdout.splitlines() if line.strip()]
    follows = [line for line in answers if line.startswith("follows")]
    print(f"laws following from the run: {len(follows)} of {len(answers)}")
    print(query.stdout.rstrip())
    print("check:", check.stdout.strip().splitlines()[-1] if check.stdout.strip() else check.stderr.strip())


if __name__ == "__main__":
    main()
