"""The run folder turned into view dataclasses: everything the templates show, as plain strings.

Reads ``proofgraph.json`` (required), ``summary.json`` and ``refuted.json`` (optional) and the
theory file the graph names. No HTML here: escaping is left to the templates (autoescape).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from genlogic.mpl.ast import Atom, subformulas
from genlogic.mpl.printer import core as core_text
from genlogic.theory.build import load_theory
from genlogic.theory.loader import load_sources
from genlogic.theory.model import Theory
from web_export import notation
from web_export.layout import Layout, layered_layout
from web_export.names import name_of
from web_export.proof import ProofView, build_proof
from web_export.verdict import RunVerdict, Verdict, run_verdict


class ExportError(Exception):
    """The run folder cannot be shown (no proof graph, no theory file)."""


# --- views -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AxiomView:
    number: int  # 1-based, as the steps cite it
    readable: str
    core: str


@dataclass(frozen=True)
class DefinitionView:
    name: str
    params: tuple[tuple[str, str], ...]  # (param, kind)
    anchor: bool
    readable: str
    core: str
    comment: tuple[str, ...]


@dataclass(frozen=True)
class TheoryView:
    name: str
    path: str
    sha256: str
    description: tuple[str, ...]
    constants: tuple[tuple[str, str], ...]  # (name, what it is)
    axioms: tuple[AxiomView, ...]
    definitions: tuple[DefinitionView, ...]
    symbols: tuple[str, ...]


@dataclass(frozen=True)
class Link:
    text: str
    href: str | None  # site-relative
    key: str = ""  # the theorem's id, when the link is to a theorem


@dataclass
class TheoremView:
    index: int  # 1-based discovery order
    name: str  # the graph's id (lawNN): the stable anchor
    slug: str
    title: str  # what the theorem is called: its derived name (add_comm), else its id
    readable: str
    core: str
    origin: tuple[tuple[str, str], ...]
    source: str
    method: str | None
    round: int | None
    comment: tuple[str, ...]
    uses: tuple[Link, ...]
    proof: ProofView
    verdict: Verdict
    symbols: tuple[str, ...] = ()  # the theory's constants the statement mentions
    essential: bool | None = None  # in the run's essential core (None: the run has no core)
    follows: tuple[Link, ...] = ()  # the core theorems it follows from directly, when not in it
    used_by: list[Link] = field(default_factory=list)
    rests_on: tuple[AxiomView, ...] = ()
    previous: Link | None = None
    next: Link | None = None

    @property
    def href(self) -> str:
        return f"theorems/{self.slug}.html"

    @property
    def named(self) -> bool:
        return self.title != self.name



@dataclass(frozen=True)
class Group:
    round: int | None
    source: str
    theorems: tuple[TheoremView, ...]


@dataclass(frozen=True)
class Goal:
    name: str
    status: str
    detail: str


@dataclass(frozen=True)
class RunInfo:
    generator: str
    mode: str
    facts: tuple[tuple[str, str], ...]  # label, value
    unproved: tuple[Goal, ...]


@dataclass(frozen=True)
class TableView:
    """One table of a finite model, ready to lay out: a header row and rows of cells."""

    name: str
    kind: str  # unary, binary, relation, set
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ModelView:
    label: str
    elements: tuple[str, ...]
    constants: tuple[tuple[str, str], ...]
    tables: tuple[TableView, ...]


@dataclass(frozen=True)
class RefutedView:
    name: str | None
    readable: str
    core: str  # empty when the statement was not given in core notation
    counterexample: tuple[tuple[str, str], ...]
    extra: tuple[tuple[str, str], ...]
    sides: tuple[tuple[str, str], ...] = ()  # (term, its value at the counterexample), two of them
    model: ModelView | None = None  # the finite model the counterexample lives in


@dataclass(frozen=True)
class OpenView:
    """A conjecture the models did not refute and the run did not prove (summary.json why_open)."""

    readable: str
    kind: str
    reason: str
    attempts: int | None
    limits: tuple[str, ...]


@dataclass(frozen=True)
class SeededView:
    """A conjecture a language model proposed (summary.json ``seeded``): its text as the model
    wrote it (escaped like every text), what became of it, and its name when it was kept."""

    text: str
    fate: str
    detail: str
    name: str | None


@dataclass(frozen=True)
class CorollaryView:
    """A conjecture that followed directly from the run's theorems (summary.json), with the
    theorems its rewriting used, each linked when the run has it."""

    readable: str
    uses: tuple[tuple[str, str | None], ...]
    symbols: tuple[str, ...] = ()  # the theory's constants it mentions (by name, as in the index)


@dataclass
class Site:
    theory: TheoryView
    run: RunInfo
    theorems: list[TheoremView]
    groups: list[Group]
    refuted: list[RefutedView] | None  # None: no refuted.json
    open: list[OpenView] | None  # None: the run did not explore (no conjectures)
    seeded: list[SeededView] | None  # None: the run asked no model (prove --seed, docs/llm.md)
    seeding_failed: str | None  # why the model service stopped the seeding (the run is incomplete), or None
    core: int | None  # how many theorems the essential core has (None: the run has none)
    corollaries: list[CorollaryView]
    graph: Layout
    verdict: RunVerdict

    def theorem(self, key: str) -> TheoremView:
        return next(t for t in self.theorems if t.slug == key)


# --- reading -------------------------------------------------------------------------------------


def read_json(path: Path, required: bool) -> Any:
    if not path.exists() and not required:
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        if required:
            raise ExportError(f"cannot read {path}: {error}") from None
        return None


def _text(value: Any, default: str = "") -> str:
    return value if isinstance(value, str) else default


def locate_theory(graph: dict, run_dir: Path, theory_path: Path | None) -> Path:
    """As ``genlogic check`` does: the given file, else the graph's path relative to the working
    directory, else relative to the run folder."""
    if theory_path is not None:
        return Path(theory_path)
    header = graph.get("theory") if isinstance(graph.get("theory"), dict) else {}
    written = _text(header.get("path"))
    for candidate in (Path(written), run_dir / written):
        if written and candidate.is_file():
            return candidate
    raise ExportError(f"theory file not found: {written!r} (neither from here nor from {run_dir})")


def build_site(run_dir: Path, theory_path: Path | None = None, site_dir: Path | None = None) -> Site:
    """The site for ``run_dir``; ``site_dir``: where it will be written (the re-check command's
    paths are relative to it)."""
    run_dir = Path(run_dir)
    graph = read_json(run_dir / "proofgraph.json", required=True)
    if not isinstance(graph, dict) or not isinstance(graph.get("theorems"), list):
        raise ExportError(f"{run_dir / 'proofgraph.json'} is not a proof graph")
    path = locate_theory(graph, run_dir, theory_path)
    theory = load_theory(path)
    header = graph.get("theory") if isinstance(graph.get("theory"), dict) else {}
    comments = _comments(path)
    theory_view = _theory_view(theory, header, path, comments)

    verdict = run_verdict(run_dir, theory_path, site_dir)
    raw = [t for t in graph["theorems"] if isinstance(t, dict)]
    slugs = _slugs([_text(t.get("name"), "?") for t in raw])
    first_slug: dict[str, str] = {}
    for t, slug in zip(raw, slugs):
        first_slug.setdefault(_text(t.get("name"), "?"), slug)

    def href(name: str) -> str | None:
        return f"theorems/{first_slug[name]}.html" if name in first_slug else None

    stated = _stated_comments(theory, comments)
    functions = {op.name: op.inputs for op in theory.signature.operations if op.functional}
    titles = _titles(raw, functions)
    theorems = [
        _theorem_view(index, t, slug, href, verdict, stated, functions, titles, theory_view.symbols)
        for index, (t, slug) in enumerate(zip(raw, slugs), 1)
    ]
    _link_theorems(theorems, theory_view.axioms)
    summary = read_json(run_dir / "summary.json", required=False)
    core = _core(summary, theorems)
    return Site(
        theory=theory_view,
        run=_run_info(graph, summary),
        theorems=theorems,
        groups=_groups(theorems),
        refuted=_refuted(read_json(run_dir / "refuted.json", required=False), run_dir),
        open=_open(summary),
        seeded=_seeded(summary),
        seeding_failed=_seeding_failed(summary),
        core=core,
        corollaries=_corollaries(summary, href, titles, theory_view.symbols),
        graph=_use_layout(theorems),
        verdict=verdict,
    )


# --- the theory ----------------------------------------------------------------------------------


def _comments(path: Path) -> dict[tuple[str, int], tuple[str, ...]]:
    """Comment lines by the (file, line) of the statement they sit directly above (or trail),
    plus the root file's other comments before its first statement under ("", 0)."""
    attached: dict[tuple[str, int], tuple[str, ...]] = {}
    sources = load_sources(path)
    for source in sources.files:
        lines = {c.line: _clean(c.text) for c in source.comments}
        starts = sorted(s.span.line for s in source.statements if s.span is not None)
        claimed: set[int] = set()
        for line in starts:
            above = line - 1
            while above in lines and above not in claimed:
                claimed.add(above)
                above -= 1
            own = [ln for ln in range(above + 1, line + 1) if ln in lines]
            claimed.update(own)
            attached[(source.path, line)] = tuple(lines[ln] for ln in own)
        if source is sources.root:
            first = starts[0] if starts else float("inf")
            attached[("", 0)] = tuple(lines[ln] for ln in sorted(lines) if ln < first and ln not in claimed)
    return attached


def _clean(text: str) -> str:
    return text[1:] if text.startswith(" ") else text


def paragraphs(lines: tuple[str, ...]) -> tuple[str, ...]:
    """Comment lines as prose: consecutive lines joined, blank lines separating paragraphs."""
    result: list[str] = []
    current: list[str] = []
    for line in (*lines, ""):
        if line.strip():
            current.append(line.strip())
        elif current:
            result.append(" ".join(current))
            current = []
    return tuple(result)


def _stated_comments(theory: Theory, comments) -> dict[str, tuple[str, ...]]:
    return {
        t.name: paragraphs(comments.get((t.span.file, t.span.line), ())) if t.span else () for t in theory.theorems
    }


def _theory_view(theory: Theory, header: dict, path: Path, comments) -> TheoryView:
    axioms = tuple(AxiomView(i, notation.readable_formula(a), core_text(a)) for i, a in enumerate(theory.axioms, 1))
    definitions = []
    for d in theory.definitions:
        comment = comments.get((d.span.file, d.span.line), ()) if d.span else ()
        definitions.append(DefinitionView(
            d.name, tuple((p, str(k)) for p, k in zip(d.params, d.kinds)), d.is_anchor,
            notation.readable_formula(d.body), core_text(d.body), paragraphs(comment),
        ))
    constants = []
    for constant in theory.signature.constants:
        operation = theory.signature.operation(constant.name)
        what = str(constant.kind)
        if operation is not None and operation.is_operation:
            what = operation.noun.removeprefix("total ") + f" on {operation.domain}"
        constants.append((constant.name, what))
    for schema in theory.signature.induction:
        constants.append(("induction", f"over {schema.carrier} from {schema.base} by {schema.step} (axiom {schema.axiom + 1})"))
    return TheoryView(
        name=theory.name,
        path=_text(header.get("path"), str(path)),
        sha256=_text(header.get("sha256")),
        description=paragraphs(comments.get(("", 0), ())),
        constants=tuple(constants),
        axioms=axioms,
        definitions=tuple(definitions),
        symbols=tuple(c.name for c in theory.signature.constants),
    )


# --- theorems ----------------------------------------------------------------------------------------

_SAFE = re.compile(r"[^A-Za-z0-9_-]+")
_RESERVED = {"con", "prn", "aux", "nul", "com1", "lpt1", "index"}


def _slugs(names: list[str]) -> list[str]:
    """File names for theorem pages: the name itself when it is plain ASCII, else a cleaned form
    with the discovery number; unique even on case-insensitive file systems."""
    slugs: list[str] = []
    taken: set[str] = set()
    for index, name in enumerate(names, 1):
        clean = _SAFE.sub("_", name).strip("_")[:60] or "theorem"
        slug = clean if clean == name and clean.lower() not in _RESERVED else f"{clean}-{index}"
        while slug.lower() in taken:
            slug = f"{slug}-{index}"
        taken.add(slug.lower())
        slugs.append(slug)
    return slugs


def _titles(raw: list[dict], functions: dict[str, int]) -> dict[str, str]:
    """Derived names (web_export/names.py) of the theorems the engine named: the first theorem of
    a shape gets the name, and no name is taken from a theorem that already bears it."""
    taken = {_text(t.get("name")) for t in raw}
    titles: dict[str, str] = {}
    for t in raw:
        name = _text(t.get("name"))
        origin = t.get("origin") if isinstance(t.get("origin"), dict) else {}
        formula = notation.parse(_text(t.get("statement")))
        if not name or origin.get("source") == "stated" or formula is None or name in titles:
            continue
        derived = name_of(formula, functions)
        if derived and derived not in taken:
            taken.add(derived)
            titles[name] = derived
    return titles


def _theorem_view(index: int, raw: dict, slug: str, href, verdict: RunVerdict, stated,
                  functions: dict[str, int], titles: dict[str, str], symbols: tuple[str, ...]) -> TheoremView:
    name = _text(raw.get("name"), "?")
    statement = _text(raw.get("statement"))
    origin = raw.get("origin") if isinstance(raw.get("origin"), dict) else {}
    rnd = origin.get("round")
    theorem_verdict = verdict.of(name)
    proof = build_proof(raw, href, verdict.steps.get(name, {}), functions, lambda n: titles.get(n, n))
    uses = [u for u in raw.get("uses", []) if isinstance(u, str)] if isinstance(raw.get("uses"), list) else []
    source = _text(origin.get("source"), "unknown")
    return TheoremView(
        index=index,
        name=name,
        slug=slug,
        title=titles.get(name, name),
        symbols=_mentioned(statement, symbols),
        readable=notation.readable(statement),
        core=statement,
        origin=tuple((str(k), _plain(v)) for k, v in origin.items()),
        source=source,
        method=_text(origin.get("method")) or None,
        round=rnd if isinstance(rnd, int) and not isinstance(rnd, bool) else None,
        comment=stated.get(name, ()) if source == "stated" else (),
        uses=tuple(Link(titles.get(u, u), href(u), u) for u in uses),
        proof=proof,
        verdict=theorem_verdict,
    )


def _mentioned(statement: str, symbols: tuple[str, ...]) -> tuple[str, ...]:
    """The theory's constants that occur in the statement as names (``s`` as an operation, not
    the letter s inside a variable's name), in the theory's order."""
    formula = notation.parse(statement)
    if formula is None:
        return ()
    names = {name for sub in subformulas(formula) if isinstance(sub, Atom) for name in sub.args}
    return tuple(s for s in symbols if s in names)


def _plain(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _link_theorems(theorems: list[TheoremView], axioms: tuple[AxiomView, ...]) -> None:
    """Used-by backlinks, previous/next, and the axioms each theorem rests on (transitively)."""
    by_name: dict[str, TheoremView] = {}
    for t in theorems:
        by_name.setdefault(t.name, t)
    for t in theorems:
        for used in t.uses:
            target = by_name.get(used.key)
            if target is not None and all(link.key != t.name for link in target.used_by):
                target.used_by.append(Link(t.title, t.href, t.name))
    for previous, current in zip(theorems, theorems[1:]):
        current.previous = Link(previous.title, previous.href, previous.name)
        previous.next = Link(current.title, current.href, current.name)

    memo: dict[str, frozenset[int]] = {}

    def rests(name: str, visiting: frozenset[str]) -> frozenset[int]:
        if name in memo:
            return memo[name]
        theorem = by_name.get(name)
        if theorem is None or name in visiting:
            return frozenset()
        found = set(theorem.proof.axioms)
        for used in list(theorem.proof.cited) + [u.key for u in theorem.uses]:
            found |= rests(used, visiting | {name})
        memo[name] = frozenset(found)
        return memo[name]

    for t in theorems:
        t.rests_on = tuple(axioms[i] for i in sorted(rests(t.name, frozenset())) if 0 <= i < len(axioms))


def _groups(theorems: list[TheoremView]) -> list[Group]:
    rounds: dict[int | None, dict[str, list[TheoremView]]] = {}
    for t in theorems:
        rounds.setdefault(t.round, {}).setdefault(t.source, []).append(t)
    ordered = sorted(rounds, key=lambda r: (r is None, r or 0))
    return [Group(r, source, tuple(members)) for r in ordered for source, members in rounds[r].items()]


def _use_layout(theorems: list[TheoremView]) -> Layout:
    """Theorems and the uses edges (user → used). Only edges to earlier theorems count, so the
    graph is acyclic even when the file is not well formed."""
    graph = nx.DiGraph()
    position: dict[str, int] = {}
    for t in theorems:
        graph.add_node(t.slug)
        position.setdefault(t.name, t.index)
    slug_of = {t.name: t.slug for t in reversed(theorems)}
    for t in theorems:
        for used in t.uses:
            if used.key in position and position[used.key] < t.index:
                graph.add_edge(t.slug, slug_of[used.key])
    return layered_layout(graph, {t.slug: t.title for t in theorems})


# --- the run -------------------------------------------------------------------------------------------


def _run_info(graph: dict, summary: Any) -> RunInfo:
    summary = summary if isinstance(summary, dict) else {}
    facts: list[tuple[str, str]] = []
    goals: list[Goal] = []
    raw_goals = summary.get("goals") if isinstance(summary.get("goals"), list) else []
    for goal in raw_goals:
        if isinstance(goal, dict) and goal.get("status") != "proved":
            goals.append(Goal(_text(goal.get("name"), "?"), _text(goal.get("status"), "?"), _text(goal.get("reason"))))
    for key, label in (("proved", "proved"), ("unproved", "not proved"), ("theorems", "theorem"),
                       ("steps", "step"), ("rounds", "round"), ("seconds", "second")):
        value = summary.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            facts.append((label, str(value)))
    executor = summary.get("executor")
    if isinstance(executor, dict) and isinstance(executor.get("kind"), str):
        facts.append(("executor", executor["kind"]))
    return RunInfo(
        generator=_text(graph.get("generator")),
        mode=_text(summary.get("mode")),
        facts=tuple(facts),
        unproved=tuple(goals),
    )


_TOKEN = re.compile(r"[A-Za-z0-9_']+|\S")


def _corollaries(summary: Any, href, titles: dict[str, str], symbols: tuple[str, ...]) -> list[CorollaryView]:
    entries = summary.get("corollaries") if isinstance(summary, dict) else None
    views = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        uses = entry.get("uses") if isinstance(entry.get("uses"), list) else []
        names = [u for u in uses if isinstance(u, str)]
        statement = _text(entry.get("statement"))
        tokens = set(_TOKEN.findall(statement))
        views.append(CorollaryView(statement, tuple((titles.get(n, n), href(n)) for n in names),
                                   tuple(s for s in symbols if s in tokens)))
    return views


def _refuted(data: Any, run_dir: Path) -> list[RefutedView] | None:
    if data is None and not (run_dir / "refuted.json").exists():
        return None
    entries = data if isinstance(data, list) else []
    views = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        statement = _text(entry.get("statement"))
        is_core = notation.parse(statement) is not None
        example = entry.get("counterexample") if isinstance(entry.get("counterexample"), dict) else {}
        sides = _sides(entry.get("sides"))
        model = _model(entry.get("model"))
        shown = {"name", "statement", "counterexample"} | ({"sides"} if sides else set()) | ({"model"} if model else set())
        extra = tuple((str(k), _plain(v)) for k, v in sorted(entry.items()) if k not in shown)
        views.append(RefutedView(
            name=_text(entry.get("name")) or None,
            readable=notation.readable(statement) if is_core else statement,
            core=statement if is_core else "",
            counterexample=tuple((str(k), _plain(v)) for k, v in example.items()),
            extra=extra,
            sides=sides,
            model=model,
        ))
    return views


def _sides(data: Any) -> tuple[tuple[str, str], ...]:
    if not (isinstance(data, list) and len(data) == 2 and all(isinstance(d, dict) for d in data)):
        return ()
    if not all(isinstance(d.get("term"), str) and "value" in d for d in data):
        return ()
    return tuple((d["term"], _plain(d["value"])) for d in data)


def _model(data: Any) -> ModelView | None:
    """A finite model as ``explore/model.py`` describes it; None for anything else."""
    if not isinstance(data, dict) or not isinstance(data.get("elements"), list) or not isinstance(data.get("tables"), list):
        return None
    elements = tuple(_plain(e) for e in data["elements"])
    constants = data.get("constants") if isinstance(data.get("constants"), dict) else {}
    tables = []
    for table in data["tables"]:
        if not isinstance(table, dict) or not isinstance(table.get("name"), str):
            continue
        name, kind = table["name"], _text(table.get("kind"))
        if kind == "binary" and isinstance(table.get("rows"), list):
            rows = tuple((elements[i] if i < len(elements) else "?", *map(_plain, row if isinstance(row, list) else []))
                         for i, row in enumerate(table["rows"]))
            tables.append(TableView(name, kind, (name, *elements), rows))
        elif kind == "unary" and isinstance(table.get("values"), list):
            tables.append(TableView(name, kind, ("x", f"{name}(x)"),
                                    tuple((e, _plain(v)) for e, v in zip(elements, table["values"]))))
        elif kind == "relation" and isinstance(table.get("tuples"), list):
            rows = tuple(tuple(map(_plain, t)) for t in table["tuples"] if isinstance(t, list))
            tables.append(TableView(name, kind, (f"{name} holds of",), tuple((" ".join(r),) for r in rows)))
        elif kind == "set" and isinstance(table.get("members"), list):
            tables.append(TableView(name, kind, (f"members of {name}",), ((", ".join(map(_plain, table["members"])),),)))
    return ModelView(_text(data.get("model"), "finite model"), elements,
                     tuple((str(k), _plain(v)) for k, v in constants.items()), tuple(tables))


def _core(summary: Any, theorems: list[TheoremView]) -> int | None:
    """Marks each theorem essential or not, with the core theorems it follows from, from
    summary.json's ``core``; the size of the core, or None when the summary has none."""
    core = summary.get("core") if isinstance(summary, dict) else None
    if not isinstance(core, dict) or not isinstance(core.get("essential"), list):
        return None
    essential = {name for name in core["essential"] if isinstance(name, str)}
    follows = core.get("follows") if isinstance(core.get("follows"), dict) else {}
    by_name = {t.name: t for t in reversed(theorems)}
    for theorem in theorems:  # a theorem the core does not cover (a normal form) says nothing
        uses = follows.get(theorem.name)
        if theorem.name in essential:
            theorem.essential = True
        elif isinstance(uses, list):
            theorem.essential = False
            theorem.follows = tuple(Link(by_name[u].title, by_name[u].href, u) if u in by_name else Link(u, None, u)
                                    for u in uses if isinstance(u, str))
    return len(essential)


def _open(summary: Any) -> list[OpenView] | None:
    """The open conjectures with why (``why_open``); a summary without it lists ``open`` and
    ``open_laws`` with the reason unknown; None for a run that did not explore."""
    if not isinstance(summary, dict) or not any(k in summary for k in ("why_open", "open", "open_laws")):
        return None
    views = []
    detailed = summary.get("why_open")
    if isinstance(detailed, list):
        for entry in detailed:
            if isinstance(entry, dict) and isinstance(entry.get("statement"), str):
                attempts = entry.get("attempts")
                limits = entry.get("limits") if isinstance(entry.get("limits"), list) else []
                views.append(OpenView(entry["statement"], _text(entry.get("kind"), "conjecture"),
                                      _text(entry.get("reason"), "unknown"),
                                      attempts if isinstance(attempts, int) and not isinstance(attempts, bool) else None,
                                      tuple(str(limit) for limit in limits)))
        return views
    for key, kind in (("open", "equation"), ("open_laws", "law")):
        for text in summary.get(key) if isinstance(summary.get(key), list) else []:
            if isinstance(text, str):
                views.append(OpenView(text, kind, "unknown", None, ()))
    return views


def _seeding_failed(summary: Any) -> str | None:
    """Why seeding stopped before it was done (summary.json ``stages.seeding.failed``), or None."""
    stages = summary.get("stages") if isinstance(summary, dict) else None
    seeding = stages.get("seeding") if isinstance(stages, dict) else None
    return (_text(seeding.get("failed")) or None) if isinstance(seeding, dict) else None


def _seeded(summary: Any) -> list[SeededView] | None:
    """The model's conjectures (``seeded``) with their fates; None for a run without ``--seed``."""
    if not isinstance(summary, dict) or not isinstance(summary.get("seeded"), list):
        return None
    views = []
    for entry in summary["seeded"]:
        if isinstance(entry, dict):
            counterexample = entry.get("counterexample")
            detail = (_text(entry.get("message")) or _text(entry.get("reason"))
                      or (", ".join(f"{k} = {v}" for k, v in counterexample.items())
                          if isinstance(counterexample, dict) else ""))
            views.append(SeededView(_text(entry.get("text")), _text(entry.get("fate"), "unknown"), detail,
                                    _text(entry.get("name")) or None))
    return views
