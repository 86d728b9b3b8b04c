"""Reads a root ``.mpl`` file and everything it imports, each file once, imports first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from genlogic.errors import MplError
from genlogic.mpl.ast import Import, SourceFile
from genlogic.mpl.parser import parse_source


@dataclass(frozen=True)
class LoadedSources:
    """The parsed files in dependency order (the root last), their resolved paths in the same
    order, and their texts (for errors)."""

    files: tuple[SourceFile, ...]
    paths: tuple[Path, ...]
    texts: dict[str, str]

    @property
    def root(self) -> SourceFile:
        return self.files[-1]


def display_path(path: Path) -> str:
    """The path as the user should see it in messages: relative to the working directory
    when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_sources(path: Path, text: str | None = None) -> LoadedSources:
    """Parse ``path`` (or ``text`` standing for it) and, recursively, its imports."""
    files: list[SourceFile] = []
    paths: list[Path] = []
    texts: dict[str, str] = {}
    done: set[Path] = set()

    def visit(file: Path, stack: tuple[Path, ...], body: str | None) -> None:
        label = display_path(file)
        if body is None:
            try:
                body = file.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                raise MplError(f"{label} is not UTF-8 text") from None
            except OSError as error:
                raise MplError(f"cannot read {label}: {error.strerror}") from None
        texts[label] = body
        source = parse_source(body, label)
        for stmt in source.statements:
            if not isinstance(stmt, Import):
                continue
            target = (file.parent / stmt.path).resolve()
            if target in stack or target == file.resolve():
                cycle = " → ".join(display_path(p) for p in (*stack, target))
                raise MplError(f"import cycle: {cycle}", stmt.span).attach_source(texts)
            if target in done:
                continue
            if not target.is_file():
                raise MplError(f"cannot import {stmt.path!r}: no such file", stmt.span).attach_source(texts)
            visit(target, (*stack, target), None)
        done.add(file.resolve())
        files.append(source)
        paths.append(file.resolve())

    root = path.resolve()
    visit(root, (root,), text)
    return LoadedSources(tuple(files), tuple(paths), texts)
