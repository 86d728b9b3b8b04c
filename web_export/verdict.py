"""The checker's verdict on a run, per theorem and per step, for the pages to show.

The browser does not judge proofs itself: it runs the independent kernel
(:func:`genlogic.check.check_run`) once and reports what it found.
"""

from __future__ import annotations

import os
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from genlogic.check import Report, check_run


@dataclass(frozen=True)
class Verdict:
    """One theorem: ``reasons`` about the file or the theorem as a whole, ``failed_steps`` the
    ids of its steps that did not check (their reasons are shown at the steps)."""

    reasons: tuple[str, ...] = ()
    failed_steps: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.reasons and not self.failed_steps


@dataclass
class RunVerdict:
    command: str
    ok: bool
    checked: int
    failed: int
    general: tuple[str, ...]  # failures about the whole file (every theorem is affected)
    theorems: dict[str, list[str]] = field(default_factory=dict)  # name -> reasons
    steps: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # name -> step id -> reasons

    def of(self, name: str) -> Verdict:
        return Verdict(tuple(self.general) + tuple(self.theorems.get(name, [])), tuple(self.steps.get(name, {})))


def check_command(run_dir: Path, theory_path: Path | None = None, site_dir: Path | None = None) -> str:
    """The command that re-checks the run; with ``site_dir``, its paths relative to the site's
    folder (run from there: the site may move with its run, and shows no absolute path)."""
    def place(path: Path) -> str:
        return os.path.relpath(Path(path).resolve(), Path(site_dir).resolve()) if site_dir is not None else str(path)

    words = ["genlogic", "check", place(run_dir)]
    if theory_path is not None:
        words += ["--theory", place(theory_path)]
    return " ".join(shlex.quote(w) for w in words)


def run_verdict(run_dir: Path, theory_path: Path | None = None, site_dir: Path | None = None) -> RunVerdict:
    return from_report(check_run(run_dir, theory_path), check_command(run_dir, theory_path, site_dir))


def from_report(report: Report, command: str) -> RunVerdict:
    verdict = RunVerdict(
        command=command,
        ok=report.ok,
        checked=sum(report.checked.values()),
        failed=sum(report.failed.values()),
        general=tuple(f.reason for f in report.graph_failures if f.theorem == "-"),
    )
    for failure in report.graph_failures:
        if failure.theorem != "-":
            verdict.theorems.setdefault(failure.theorem, []).append(failure.reason)
    for failure in report.failures:
        verdict.steps.setdefault(failure.theorem, {}).setdefault(failure.step, []).append(f"{failure.kind}: {failure.reason}")
    return verdict
