"""The theory a proof graph is checked against: its files, their hashes, and what they define.

The kernel reads the theory itself, from the very bytes it hashes, with the MPL parser and
nothing of the engine's theory stage (no signature recognition, no engine kind inference):

* the root file is the graph's ``theory.path`` (relative to the working directory, else to the
  run folder) or the file given with ``--theory``; every file it imports, transitively, must be
  listed in ``theory.imports`` by its path relative to the root file's folder, with the SHA-256
  of its bytes, and every listed file must be imported. A theory file that lies inside the run
  folder is refused unless ``--theory`` names the root: a run cannot vouch for its own theory;
* every ``def`` and ``anchor`` of every file is a definition: names unique and not built in,
  parameters distinct, bodies mentioning only their parameters, no recursion, well-kinded
  (:mod:`genlogic.check.kinds`); the anchor is the root file's, else the single one imported;
* the axioms are the top-level conjuncts of the anchor's body, fully expanded; the constants
  are the anchor's parameters with their kinds; the stated theorems are the root file's.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from genlogic.check.kinds import KindError, check_kinds, parameter_kinds
from genlogic.errors import MplError
from genlogic.mpl.ast import BUILTINS, Atom, DefStatement, Formula, Forall, Import, SourceFile, TheoremStatement, conjuncts, subformulas
from genlogic.mpl.expand import expand
from genlogic.mpl.parser import parse_source


class TheoryError(Exception):
    """The theory files do not match the graph, or do not load; the message says which."""


@dataclass(frozen=True)
class TheoryFile:
    """A file the check read: where, its path relative to the root's folder, its SHA-256."""

    path: Path
    relative: str
    sha256: str


@dataclass(frozen=True)
class KernelDefinition:
    name: str
    params: tuple[str, ...]
    body: Formula
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class KernelTheory:
    files: tuple[TheoryFile, ...]  # the root first, then the imports in load order
    definitions: dict[str, KernelDefinition]
    constants: dict[str, str]  # the anchor's parameters -> their kinds
    axioms: tuple[Formula, ...]
    theorems: tuple[tuple[str, Formula], ...]  # the root file's stated theorems, as written

    @property
    def arities(self) -> dict[str, int]:
        return {**BUILTINS, **{name: len(d.params) for name, d in self.definitions.items()}}

    @property
    def predicate_kinds(self) -> dict[str, tuple[str, ...]]:
        return {name: d.kinds for name, d in self.definitions.items()}


def read_theory(header: dict, run_dir: Path, theory_path: Path | None) -> KernelTheory:
    """Load the theory that ``header`` (the graph's ``theory`` object, already type-checked:
    ``path`` and ``sha256`` strings, ``imports`` a list of {path, sha256}) names."""
    listed = _listed_imports(header["imports"])
    explicit = theory_path is not None
    if explicit:
        root = Path(theory_path)
    else:
        written = header["path"]
        candidates = [Path(written), run_dir / written]
        root = next((p for p in candidates if p.is_file()), None)
        if root is None:
            raise TheoryError(f"theory file not found: {' or '.join(map(str, candidates))}")
    reader = _Reader(root, run_dir, explicit)
    files = reader.read_all(header["sha256"], listed)
    return _build(files, reader.root_source)


def _listed_imports(imports: list) -> dict[str, str]:
    listed: dict[str, str] = {}
    for entry in imports:
        ok = isinstance(entry, dict) and isinstance(entry.get("path"), str) and isinstance(entry.get("sha256"), str)
        if not ok:
            raise TheoryError("theory.imports must list objects with string fields 'path' and 'sha256'")
        if entry["path"] in listed:
            raise TheoryError(f"theory.imports lists {entry['path']} twice")
        listed[entry["path"]] = entry["sha256"]
    return listed


class _Reader:
    """Reads the root and its imports, each once, imports first, hashing the bytes it parses."""

    def __init__(self, root: Path, run_dir: Path, explicit: bool):
        self.root = root
        self.base = root.resolve().parent
        self.run_dir = run_dir.resolve()
        self.explicit = explicit
        self.sources: list[tuple[TheoryFile, SourceFile]] = []
        self.root_source: SourceFile | None = None

    def read_all(self, root_sha: str, listed: dict[str, str]) -> list[tuple[TheoryFile, SourceFile]]:
        self.listed = listed
        self.visit(self.root, root_sha, (self.root.resolve(),))
        unused = sorted(set(listed) - {f.relative for f, _ in self.sources})
        if unused:
            raise TheoryError(f"theory.imports lists {', '.join(unused)}, which the theory does not import")
        return self.sources

    def visit(self, path: Path, expected: str, stack: tuple[Path, ...]) -> None:
        resolved = path.resolve()
        if not self.explicit and resolved.is_relative_to(self.run_dir):
            raise TheoryError(
                f"the theory file {path} lies inside the run folder {self.run_dir}: a run cannot vouch "
                "for its own theory (name the file with --theory if you trust it)"
            )
        try:
            data = path.read_bytes()
        except (OSError, ValueError) as error:
            raise TheoryError(f"cannot read theory file {path}: {error}") from None
        digest = hashlib.sha256(data).hexdigest()
        if digest != expected:
            raise TheoryError(f"theory file {path} does not have sha256 {expected} (its sha256 is {digest})")
        relative = Path(os.path.relpath(resolved, self.base)).as_posix()
        try:
            source = parse_source(data.decode("utf-8"), str(path))
        except (MplError, UnicodeDecodeError, RecursionError) as error:
            raise TheoryError(f"theory file {path} does not load: {error}") from None
        for statement in source.statements:
            if isinstance(statement, Import):
                self.visit_import(path, statement, stack)
        entry = TheoryFile(path, relative, digest)
        if len(stack) == 1:
            self.root_source = source
            self.sources.insert(0, (entry, source))
        else:
            self.sources.append((entry, source))

    def visit_import(self, importer: Path, statement: Import, stack: tuple[Path, ...]) -> None:
        target = (importer.resolve().parent / statement.path).resolve()
        if target in stack:
            raise TheoryError(f"import cycle through {target}")
        if any(f.path.resolve() == target for f, _ in self.sources):
            return
        relative = Path(os.path.relpath(target, self.base)).as_posix()
        if relative not in self.listed:
            raise TheoryError(f"theory file {importer} imports {relative}, which theory.imports does not list")
        shown = Path(os.path.normpath(self.root.parent / relative))  # as the root's path is shown
        self.visit(shown, self.listed[relative], (*stack, target))


def _build(files: list[tuple[TheoryFile, SourceFile]], root: SourceFile) -> KernelTheory:
    statements = [s for _, source in files for s in source.statements]
    written: dict[str, DefStatement] = {}
    for statement in statements:
        if not isinstance(statement, DefStatement):
            continue
        if statement.name in BUILTINS or statement.name in written:
            raise TheoryError(f"{statement.name} is defined twice or is built in")
        if len(set(statement.params)) != len(statement.params):
            raise TheoryError(f"a parameter of {statement.name} is listed twice")
        written[statement.name] = statement
    definitions: dict[str, KernelDefinition] = {}
    for name in written:
        _define(name, written, definitions, ())

    anchors = [s for s in root.statements if isinstance(s, DefStatement) and s.is_anchor]
    if not anchors:
        anchors = [s for s in statements if isinstance(s, DefStatement) and s.is_anchor]
    if len(anchors) > 1:
        raise TheoryError(f"the theory has several anchors: {', '.join(a.name for a in anchors)}")
    anchor = definitions[anchors[0].name] if anchors else None
    constants = dict(zip(anchor.params, anchor.kinds)) if anchor else {}
    axioms = tuple(conjuncts(expand(anchor.body, definitions))) if anchor else ()

    kinds = {name: d.kinds for name, d in definitions.items()}
    theorems = []
    for statement in root.statements:
        if isinstance(statement, TheoremStatement):
            try:
                _distinct_binders(statement.formula)
                check_kinds(statement.formula, constants.get, kinds)
            except (KindError, TheoryError) as error:
                raise TheoryError(f"stated theorem {statement.name}: {error}") from None
            theorems.append((statement.name, statement.formula))
    return KernelTheory(tuple(f for f, _ in files), definitions, constants, axioms, tuple(theorems))


def _define(name: str, written: dict[str, DefStatement], done: dict[str, KernelDefinition], path: tuple[str, ...]) -> None:
    """Kind the definition ``name`` after every definition it uses (recursion is an error)."""
    if name in done:
        return
    if name in path:
        raise TheoryError(f"recursive definition: {' → '.join((*path, name))}")
    statement = written[name]
    for sub in subformulas(statement.body):
        if isinstance(sub, Atom) and sub.pred in written:
            _define(sub.pred, written, done, (*path, name))
    kinds = {n: d.kinds for n, d in done.items()}
    try:
        _distinct_binders(statement.body)
        params = parameter_kinds(statement.params, statement.body, kinds)
    except (KindError, TheoryError) as error:
        raise TheoryError(f"definition {name}: {error}") from None
    done[name] = KernelDefinition(name, statement.params, statement.body, params)


def _distinct_binders(formula: Formula) -> None:
    for sub in subformulas(formula):
        if isinstance(sub, Forall) and len(set(sub.variables)) != len(sub.variables):
            raise TheoryError("a quantifier binds a variable twice")
