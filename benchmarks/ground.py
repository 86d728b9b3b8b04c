"""Benchmark: ground tables 0..8 of Peano arithmetic, proved and re-checked.

Prints wall time, peak memory and fact counts for `genlogic calc mpl_examples/peano.mpl
--up-to 8` followed by `genlogic check`. Target (issue 3): ≤ 10 s wall and ≤ 500 MB on a
2-core machine. Each phase runs in a fresh process so peak memory is its own.

    .venv/bin/python benchmarks/ground.py [--up-to N]
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


_MEASURED = (
    "import resource, runpy, sys\n"
    "sys.argv = ['genlogic', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_module('genlogic', run_name='__main__')\n"
    "finally:\n"
    "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


def timed(arguments: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of ``genlogic ARGUMENTS`` in a fresh process."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, *arguments], check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True,
    )
    seconds = time.perf_counter() - started
    return seconds, int(done.stderr.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--up-to", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run_dir = Path(folder) / "calc"
        prove_s, prove_mb = timed(["calc", "mpl_examples/peano.mpl", "--up-to", str(args.up_to), "-o", str(run_dir)])
        check_s, check_mb = timed(["check", str(run_dir)])
        summary = json.loads((run_dir / "summary.json").read_text())
        size_mb = (run_dir / "proofgraph.json").stat().st_size / 1e6
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"ground tables 0..{args.up_to}: {summary['theorems']} theorems, {summary['steps']} steps, "
          f"{summary['numerals']['fixed']} numerals fixed, proofgraph.json {size_mb:.1f} MB")
    print(f"calc : {prove_s:6.2f} s wall, peak {prove_mb:6.1f} MB")
    print(f"check: {check_s:6.2f} s wall, peak {check_mb:6.1f} MB")
    print(f"total: {prove_s + check_s:6.2f} s wall (target ≤ 10 s), peak {max(prove_mb, check_mb):.1f} MB (target ≤ 500 MB)")


if __name__ == "__main__":
    main()
