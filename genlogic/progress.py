"""Progress on stderr with rich, shown only when stderr is a terminal."""

from __future__ import annotations

import sys

from rich.console import Console


class Progress:
    """A status line: ``with Progress("proving") as p: … p.rounds(round, proved, total)``."""

    def __init__(self, label: str):
        self.label = label
        self.console = Console(stderr=True)
        self.enabled = sys.stderr.isatty()
        self.status = None

    def __enter__(self) -> "Progress":
        if self.enabled:
            self.status = self.console.status(f"{self.label}…")
            self.status.__enter__()
        return self

    def rounds(self, round_number: int, proved: int, total: int) -> None:
        if self.status is not None:
            self.status.update(f"{self.label}: round {round_number}, {proved}/{total} proved")

    def __exit__(self, *exc) -> None:
        if self.status is not None:
            self.status.__exit__(*exc)
