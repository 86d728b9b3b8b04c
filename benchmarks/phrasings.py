"""Benchmark: every phrasing of Peano in tests/data/phrasings/ (issue 10), end to end.

For each `pNN_<what>.mpl`: `genlogic prove` (with a time limit), then `genlogic query` with its
six laws and `genlogic check`. Prints one line per phrasing — wall time, theorems proved,
canonical forms proved first, warnings, how many of the six laws follow, whether the graph
checks — and the totals. Target: every phrasing gives the six laws, checked, within the time
budget of mpl_examples/peano.mpl (benchmarks/peano.py).

    .venv/bin/python benchmarks/phrasings.py [--time-limit SECONDS] [FILE …]
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
FOLDER = ROOT / "tests" / "data" / "phrasings"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    files = args.files or sorted(p for p in FOLDER.glob("p[0-9][0-9]_*.mpl") if not p.stem.endswith("_laws"))
    genlogic = [sys.executable, "-m", "genlogic"]
    good = 0
    slowest = 0.0
    for path in files:
        laws = path.with_name(f"{path.stem}_laws.mpl")
        with tempfile.TemporaryDirectory() as folder:
            run_dir = Path(folder) / path.stem
            started = time.perf_counter()
            subprocess.run([*genlogic, "prove", str(path), "--time-limit", str(args.time_limit), "--no-html",
                            "-o", str(run_dir)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            seconds = time.perf_counter() - started
            if not (run_dir / "summary.json").exists():
                print(f"{path.stem:36s} no run folder")
                continue
            summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
            query = subprocess.run([*genlogic, "query", str(run_dir), str(laws)], cwd=ROOT,
                                   capture_output=True, text=True, check=False)
            follows = query.stdout.count("  follows ")
            checked = subprocess.run([*genlogic, "check", str(run_dir)], cwd=ROOT, capture_output=True, check=False)
        normal = summary.get("normal_forms", {})
        ok = follows == 6 and checked.returncode == 0
        good += ok
        slowest = max(slowest, seconds)
        print(f"{path.stem:36s} {seconds:6.1f} s  {summary.get('counts', {}).get('proved', 0):3d} theorems  "
              f"{len(normal.get('lemmas', [])):2d} canonical forms  {len(normal.get('warnings', []))} warnings  "
              f"{follows}/6 laws  check {'OK' if checked.returncode == 0 else 'FAILED'}")
    print(f"{good} of {len(files)} phrasings give the six laws, checked; slowest {slowest:.1f} s wall")


if __name__ == "__main__":
    main()
