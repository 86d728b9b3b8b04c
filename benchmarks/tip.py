"""TIP benchmark: genlogic against cvc5 on the TIP problems over the naturals.

    python benchmarks/tip.py [FOLDER] [--limit SECONDS] [--only SUBSTRING] [--no-peer]

FOLDER defaults to ../shared/benchmarks/tip-nat (83 problems). For every problem, with no TIP
lemmas given:

* genlogic: ``genlogic import-tip`` (an import error is ``error``), then ``genlogic prove``
  with ``--time-limit`` LIMIT under a CPU limit of LIMIT seconds plus a grace of two for
  writing the run, then ``genlogic check`` of the run. ``proved`` only when the summary says the
  goal is proved *and* the kernel says OK; ``refuted`` when a model refutes the goal; a proof
  the kernel rejects is printed as ``CHECK FAILED`` and makes the script exit 1.
* cvc5 (the peer, PyPI package ``cvc5``, ``pip install -e '.[bench]'``): the goal negated and
  asserted (logic UFDTLIA: under ALL a TIP function named ``exp`` shadows a theory symbol), options
  ``--quant-ind --conjecture-gen --conjecture-gen-per-round=3 --full-saturate-quant``, the same
  CPU limit; ``unsat`` is proved, ``sat`` refuted. Every child runs with at most 4 GiB of
  address space (cvc5 can take 12 GB on one problem).

``--false-goals`` runs genlogic alone on every problem with its goal's conclusion negated (a false
statement whenever the premises can hold): each must come out refuted or unproved, and a false
goal reported proved makes the script exit 1.

Prints one line per problem (both systems, status and CPU seconds) and the totals. Times are
CPU seconds of the child processes (import, prove and check for genlogic).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "benchmarks" / "tip-nat"
CVC5_OPTIONS = {"quant-ind": "true", "conjecture-gen": "true", "conjecture-gen-per-round": "3",
                "full-saturate-quant": "true"}
GRACE = 2.0  # seconds of CPU beyond the limit for writing the run folder
MEMORY = 4 << 30  # bytes of address space per child process


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(command: list[str], cpu_limit: float | None = None) -> tuple[subprocess.CompletedProcess, float]:
    """Run ``command``; return it and the CPU seconds it used."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
        if cpu_limit is not None:
            seconds = int(cpu_limit + 0.999)
            resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))

    before = _children_cpu()
    done = subprocess.run(command, capture_output=True, text=True, preexec_fn=limit, cwd=ROOT)
    return done, _children_cpu() - before


def genlogic(problem: Path, limit: float, work: Path) -> tuple[str, float, str]:
    """(status, CPU seconds, detail) of genlogic on one problem."""
    python = [sys.executable, "-m", "genlogic"]
    mpl = work / f"{problem.stem}.mpl"
    done, cpu = _run(python + ["import-tip", str(problem), "-o", str(mpl)])
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()[0] if done.stderr.strip() else f"exit {done.returncode}"
        return "error", cpu, re.sub(r"^.*?error: ", "", message)
    run = work / problem.stem
    done, seconds = _run(python + ["prove", str(mpl), "-o", str(run), "--time-limit", str(limit), "--no-html"],
                         limit + GRACE)
    cpu += seconds
    summary_path = run / "summary.json"
    if not summary_path.exists():
        return "unproved", cpu, f"no run (exit {done.returncode}: CPU limit)"
    goal = json.loads(summary_path.read_text())["goals"][-1]
    if goal["status"] == "refuted":
        return "refuted", cpu, ""
    if goal["status"] != "proved":
        return "unproved", cpu, goal.get("reason", "")
    checked, seconds = _run(python + ["check", str(run)])
    cpu += seconds
    if checked.returncode != 0:
        return "CHECK FAILED", cpu, checked.stdout.strip().splitlines()[-1] if checked.stdout.strip() else ""
    return "proved", cpu, ""


def falsified(problem: Path) -> str:
    """The problem with a false goal: under the goal's quantifiers and premises its conclusion C
    becomes (not C). TIP's goals are theorems, so the new goal is false whenever its premises can
    hold; genlogic must never report it proved."""
    import sexpdata

    from genlogic.tip import read_commands

    commands = read_commands(problem.read_text(encoding="utf-8"))
    for command in commands:
        if isinstance(command, list) and command and str(command[0]) == "prove":
            holder, index = command, 1
            while True:
                body = holder[index]
                head = str(body[0]) if isinstance(body, list) and body else ""
                if head == "forall":
                    holder, index = body, 2
                elif head == "=>":
                    holder, index = body, len(body) - 1
                else:
                    break
            holder[index] = [sexpdata.Symbol("not"), holder[index]]
    return "\n".join(sexpdata.dumps(c) for c in commands if not (isinstance(c, list) and str(c[0]) == "assert")) + "\n"


def smtlib(problem: Path) -> str:
    """The problem as plain SMT-LIB: the goal negated and asserted; TIP's lemmas dropped."""
    text = problem.read_text(encoding="utf-8")
    start = text.index("(prove")
    depth, end = 0, start
    for end in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[end], 0)
        if depth == 0:
            break
    goal = text[start + len("(prove"):end]
    return "(set-logic UFDTLIA)\n" + text[:start] + f"(assert (not {goal}))\n(check-sat)\n"


def cvc5_one(path: str, limit: float) -> None:
    """Child process: decide one problem with cvc5 and print sat/unsat/unknown."""
    import cvc5

    solver = cvc5.Solver()
    for option, value in CVC5_OPTIONS.items():
        solver.setOption(option, value)
    solver.setOption("tlimit", str(int(limit * 1000)))
    parser = cvc5.InputParser(solver)
    parser.setStringInput(cvc5.InputLanguage.SMT_LIB_2_6, smtlib(Path(path)), path)
    manager = parser.getSymbolManager()
    result = None
    while True:
        command = parser.nextCommand()
        if command.isNull():
            break
        output = command.invoke(solver, manager)
        if output.strip():
            result = output.strip()
    print(result)


def peer(problem: Path, limit: float) -> tuple[str, float]:
    done, cpu = _run([sys.executable, __file__, "--cvc5-one", str(problem), "--limit", str(limit)], limit + GRACE)
    answer = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    status = {"unsat": "proved", "sat": "refuted"}.get(answer, "unproved" if done.returncode in (0, -9, -24) or
                                                       not done.stderr else "error")
    return status, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=float, default=10.0, help="CPU seconds per problem and system")
    parser.add_argument("--only", default="", help="only problems whose file name contains this")
    parser.add_argument("--no-peer", action="store_true", help="do not run cvc5")
    parser.add_argument("--false-goals", action="store_true",
                        help="genlogic only, on every problem with its goal's conclusion negated: none may be proved")
    parser.add_argument("--cvc5-one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.cvc5_one:
        cvc5_one(args.cvc5_one, args.limit)
        return 0
    problems = sorted(p for p in args.folder.glob("*.smt2") if args.only in p.name)
    totals: dict[str, dict[str, int]] = {"genlogic": {}, "cvc5": {}}
    failed = False
    started = time.perf_counter()
    print(f"{'problem':42} {'genlogic':>14} {'cpu s':>6}   {'cvc5':>9} {'cpu s':>6}")
    with tempfile.TemporaryDirectory(prefix="genlogic-tip-") as tmp:
        for problem in problems:
            if args.false_goals:
                problem = Path(tmp) / f"false_{problem.name}"
                problem.write_text(falsified(args.folder / problem.name[len("false_"):]), encoding="utf-8")
            status, cpu, detail = genlogic(problem, args.limit, Path(tmp))
            if args.false_goals and status == "proved":
                status = "FALSE PROVED"
            totals["genlogic"][status] = totals["genlogic"].get(status, 0) + 1
            failed |= status in ("CHECK FAILED", "FALSE PROVED")
            line = f"{problem.stem:42} {status:>14} {cpu:6.1f}"
            if not args.no_peer and not args.false_goals:
                theirs, their_cpu = peer(problem, args.limit)
                totals["cvc5"][theirs] = totals["cvc5"].get(theirs, 0) + 1
                line += f"   {theirs:>9} {their_cpu:6.1f}"
            if detail and status != "proved":
                line += f"   ({detail[:70]})"
            print(line, flush=True)
    print()
    for system, counts in totals.items():
        if counts:
            shown = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
            print(f"{system}: {shown} (of {len(problems)})")
    print(f"limit {args.limit:g} s CPU per problem; {time.perf_counter() - started:.0f} s wall in all")
    return 1 if failed else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
