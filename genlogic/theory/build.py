"""Builds a :class:`~genlogic.theory.model.Theory` from a ``.mpl`` file: load (with imports),
resolve names, infer kinds, expand the anchor into axioms, recognise the signature.

Which statements count: every ``def`` and ``anchor`` of every loaded file is a definition; the
theory's anchor is the root file's ``anchor`` or, if the root has none, the single anchor among
its imports; the stated theorems are the root file's ``theorem`` statements.
"""

from __future__ import annotations

from pathlib import Path

from genlogic.errors import MplError
from genlogic.mpl.ast import DefStatement, Import, TheoremStatement, conjuncts
from genlogic.mpl.expand import expand
from genlogic.theory.kinds import infer_definition, infer_statement
from genlogic.theory.loader import LoadedSources, load_sources
from genlogic.theory.model import Constant, Definition, Kind, Theorem, Theory
from genlogic.theory.names import check_names
from genlogic.theory.signature import recognise


def load_theory(path: str | Path, text: str | None = None) -> Theory:
    """Load and check the theory in ``path`` (or in ``text``, read as if it were that file)."""
    sources = load_sources(Path(path), text)
    try:
        return _build(sources, Path(path).stem)
    except MplError as error:
        raise error.attach_source(sources.texts) from None


def _build(sources: LoadedSources, stem: str) -> Theory:
    statements = [s for f in sources.files for s in f.statements]
    definitions = [s for s in statements if isinstance(s, DefStatement)]
    theorems = [s for s in sources.root.statements if isinstance(s, TheoremStatement)]
    anchor_statement = _choose_anchor(sources)
    constants = anchor_statement.params if anchor_statement else ()

    ordered = check_names(definitions, theorems, constants)
    predicate_kinds: dict[str, tuple[Kind, ...]] = {}
    built: dict[str, Definition] = {}
    for statement in ordered:
        kinds, binder_kinds = infer_definition(statement.params, statement.body, predicate_kinds)
        predicate_kinds[statement.name] = kinds
        built[statement.name] = Definition(
            statement.name, statement.params, statement.body, kinds, binder_kinds, statement.is_anchor, statement.span
        )

    anchor = built[anchor_statement.name] if anchor_statement else None
    constant_kinds = {}
    if anchor is not None:
        constant_kinds = {p: (k, anchor.span) for p, k in zip(anchor.params, anchor.kinds)}
    stated = tuple(
        Theorem(t.name, t.formula, infer_statement(t.formula, constant_kinds, predicate_kinds), t.span)
        for t in theorems
    )
    axioms = tuple(conjuncts(expand(anchor.body, built))) if anchor else ()
    signature_constants = tuple(Constant(p, k) for p, k in zip(anchor.params, anchor.kinds)) if anchor else ()
    return Theory(
        name=anchor.name if anchor else stem,
        definitions=tuple(built[s.name] for s in ordered),
        anchor=anchor,
        theorems=stated,
        axioms=axioms,
        signature=recognise(signature_constants, axioms),
    )


def _imported_by(sources: LoadedSources) -> dict[Path, set[Path]]:
    """For each file, the files it imports, directly or not."""
    direct = {path: {(path.parent / s.path).resolve() for s in f.statements if isinstance(s, Import)}
              for f, path in zip(sources.files, sources.paths)}
    below: dict[Path, set[Path]] = {}
    for path in sources.paths:  # dependency order: a file's imports come before it
        below[path] = set(direct[path]).union(*(below.get(p, set()) for p in direct[path]))
    return below


def _choose_anchor(sources: LoadedSources) -> DefStatement | None:
    own = [s for s in sources.root.statements if isinstance(s, DefStatement) and s.is_anchor]
    if len(own) > 1:
        raise MplError(
            f"a file has at most one anchor; '{own[1].name}' is a second one",
            own[1].span,
            note=f"the first is '{own[0].name}' at {own[0].span}",
        )
    if own:
        return own[0]
    imported = [s for f in sources.files[:-1] for s in f.statements if isinstance(s, DefStatement) and s.is_anchor]
    if len(imported) > 1:  # an anchor whose file imports the others' builds on them: it applies
        below = _imported_by(sources)
        home = {id(s): path for f, path in zip(sources.files, sources.paths) for s in f.statements}
        imported = [s for s in imported
                    if not any(home[id(s)] in below[home[id(other)]] for other in imported if other is not s)]
    if len(imported) > 1:
        raise MplError(
            f"imported files define several anchors ({', '.join(s.name for s in imported)}); "
            f"state which one applies with an anchor in {sources.root.path}",
            imported[1].span,
        )
    return imported[0] if imported else None
