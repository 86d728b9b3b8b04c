"""User-facing errors: a message tied to a file, line and column.

Every problem with an input file is raised as :class:`MplError`. The CLI prints
:meth:`MplError.render` (``file:line:col: error: message``, the source line, a caret under the
spot) and exits with code 2; no traceback ever reaches the user.
"""

from __future__ import annotations

from genlogic.mpl.ast import Span


class MplError(Exception):
    """A problem in an input file, located by ``span`` (``None`` when no place applies)."""

    def __init__(self, message: str, span: Span | None = None, note: str | None = None):
        super().__init__(message)
        self.message = message
        self.span = span
        self.note = note
        self.source_line: str | None = None

    def attach_source(self, sources: dict[str, str]) -> "MplError":
        """Remember the offending source line, looked up in ``sources`` (file → text)."""
        if self.span is not None and self.source_line is None:
            text = sources.get(self.span.file)
            if text is not None:
                lines = text.splitlines()
                if 0 < self.span.line <= len(lines):
                    self.source_line = lines[self.span.line - 1]
        return self

    def render(self) -> str:
        where = f"{self.span}: " if self.span else ""
        out = [f"{where}error: {self.message}"]
        if self.note:
            out[0] += f" ({self.note})"
        if self.span is not None and self.source_line is not None:
            line = self.source_line.replace("\t", " ")
            out.append(f"    {line}")
            out.append("    " + " " * (self.span.column - 1) + "^")
        return "\n".join(out)

    def __str__(self) -> str:
        return self.render()
