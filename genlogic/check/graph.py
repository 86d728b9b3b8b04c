"""Reading ``proofgraph.json`` and checking everything that is not one step's own rule:
format and schema, the theory file and its hash, theorem names and order, blocks, step ids,
premise order and scoping, fresh constants, the conclusion and ``uses`` (docs/proofgraph.md).

Nothing in the JSON is trusted: every field is read through :func:`kernel.get` and friends,
which turn a missing key or a wrong type into a :class:`kernel.Bad`, reported as a failure.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from genlogic.check.kernel import (
    CLOSING,
    RULES,
    Bad,
    Context,
    get,
    get_mapping,
    get_strings,
    read_formula,
    require,
    same,
)
from genlogic.errors import MplError
from genlogic.mpl.ast import BUILTINS, Formula, free_identifiers
from genlogic.mpl.printer import is_identifier
from genlogic.theory.build import load_theory
from genlogic.theory.model import Theory

FORMAT = "genlogic-proofgraph"
SCHEMA = 1
BLOCK_KINDS = ("root", "forall", "contradiction")


@dataclass(frozen=True)
class Failure:
    """One broken rule. ``step`` is "-" and ``kind`` is "graph", "proof" or "block" when the
    failure is about the whole file, a theorem or one of its blocks rather than a step."""

    theorem: str
    step: str
    kind: str
    reason: str

    def __str__(self) -> str:
        return f"FAILED {self.theorem} {self.step} {self.kind}: {self.reason}"


@dataclass
class Report:
    """Steps checked and failed per kind, the failures of single steps and the failures of the
    graph, its theorems and their blocks."""

    checked: dict[str, int] = field(default_factory=lambda: {kind: 0 for kind in RULES})
    failed: dict[str, int] = field(default_factory=lambda: {kind: 0 for kind in RULES})
    failures: list[Failure] = field(default_factory=list)
    graph_failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures and not self.graph_failures

    def render(self) -> str:
        lines = [f"{kind}: checked {self.checked[kind]}, failed {self.failed[kind]}" for kind in sorted(self.checked)]
        lines.append(
            f"total: checked {sum(self.checked.values())}, failed {sum(self.failed.values())}"
            f" — {'OK' if self.ok else 'FAILED'}"
        )
        lines += [str(failure) for failure in self.graph_failures + self.failures]
        return "\n".join(lines)


def step_id(step: dict) -> str:
    """First 16 hex digits of the SHA-256 of the canonical JSON (sorted keys, no spaces, UTF-8
    like the file itself: non-ASCII characters are not escaped) of the step without its ``id``."""
    content = {key: value for key, value in step.items() if key != "id"}
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# --- the file and the theory ----------------------------------------------------------------------


def check_run(run_dir: Path, theory_path: Path | None = None) -> Report:
    """Check ``RUN_DIR/proofgraph.json`` against its theory file; never raises on bad input."""
    report = Report()
    try:
        graph = read_json(Path(run_dir) / "proofgraph.json")
        require(get(graph, "format", str) == FORMAT, f"format is not {FORMAT!r}")
        require(get(graph, "schema", int) == SCHEMA, f"schema is not {SCHEMA}")
        theory = read_theory(get(graph, "theory", dict), Path(run_dir), theory_path)
    except Bad as error:
        report.graph_failures.append(Failure("-", "-", "graph", str(error)))
        return report
    check_graph(graph, theory, report)
    return report


def read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as error:
        raise Bad(f"cannot read {path}: {error}") from None


def read_theory(header: dict, run_dir: Path, theory_path: Path | None) -> Theory:
    """Load the theory: from ``theory_path`` if given, else from ``theory.path`` relative to the
    working directory, else relative to ``run_dir``. Its SHA-256 must be ``theory.sha256``."""
    expected = get(header, "sha256", str)
    if theory_path is not None:
        candidates = [Path(theory_path)]
    else:
        written = get(header, "path", str)
        candidates = [Path(written), run_dir / written]
    for path in candidates:
        try:
            data = path.read_bytes()
        except (OSError, ValueError):  # missing, a directory, a NUL in the name, …
            continue
        require(hashlib.sha256(data).hexdigest() == expected, f"theory file {path} does not have sha256 {expected}")
        try:
            return load_theory(path, data.decode("utf-8"))  # the very bytes that were hashed
        except (MplError, UnicodeDecodeError, OSError) as error:
            raise Bad(f"theory file {path} does not load: {error}") from None
    raise Bad(f"theory file not found: {' or '.join(map(str, candidates))}")


# --- theorems --------------------------------------------------------------------------------------


def check_graph(graph: dict, theory: Theory, report: Report) -> None:
    """Check every theorem; names must be unique and a proof may cite only earlier theorems."""
    try:
        theorems = get(graph, "theorems", list)
    except Bad as error:
        report.graph_failures.append(Failure("-", "-", "graph", str(error)))
        return
    earlier: dict[str, Formula] = {}  # name -> statement, of the theorems checked so far
    names: set[str] = set()
    for index, theorem in enumerate(theorems):
        name = theorem.get("name") if isinstance(theorem, dict) else None
        label = name if isinstance(name, str) else f"#{index}"
        if label in names:
            report.graph_failures.append(Failure(label, "-", "proof", "a theorem of this name comes earlier"))
        names.add(label)
        statement = check_proof(theorem, label, theory, dict(earlier), report)
        if statement is not None and label not in earlier:
            earlier[label] = statement


def check_proof(
    theorem: object, label: str, theory: Theory, earlier: dict[str, Formula], report: Report
) -> Formula | None:
    """Check one theorem and its proof; return its statement (or None if it cannot be read)."""

    def fail(reason: str, kind: str = "proof") -> None:
        report.graph_failures.append(Failure(label, "-", kind, reason))

    arities = {**BUILTINS, **{d.name: len(d.params) for d in theory.definitions}}
    constants = frozenset(theory.anchor.params if theory.anchor else ())
    try:
        get(theorem, "name", str)
        statement = read_formula(get(theorem, "statement", str), arities)
        strangers = free_identifiers(statement) - constants
        require(not strangers, f"the statement mentions {sorted(strangers)}, which are not constants of the theory")
    except (Bad, RecursionError) as error:
        fail(f"statement: {error}")
        return None
    try:
        uses = get_strings(theorem, "uses")
        raw_blocks = get(theorem, "blocks", list)
        steps = get(theorem, "steps", list)
        require(len(steps) > 0, "the proof has no steps")
    except Bad as error:
        fail(str(error))
        return statement

    ctx = Context(theory.axioms, {d.name: d for d in theory.definitions}, arities, constants, statement, earlier)
    ctx.blocks = read_blocks(raw_blocks, fail)
    collect(ctx, steps)
    check_blocks(ctx, fail)
    formulas, block_of = check_steps(ctx, steps, label, report)

    last = steps[-1].get("id") if isinstance(steps[-1], dict) else None
    if not (isinstance(last, str) and last in formulas):
        fail("the last step did not check, so nothing is proved")
    elif ctx.blocks[block_of[last]]["kind"] != "root":
        fail("the last step is not in the root block")
    elif not same(formulas[last], statement):
        fail("the last step does not state the theorem")

    cited = sorted(
        {s["theorem"] for s in steps if isinstance(s, dict) and s.get("kind") == "theorem" and isinstance(s.get("theorem"), str)}
    )
    if uses != cited:
        fail(f"uses is {uses}, but the theorem steps cite {cited}")
    return statement


# --- blocks ------------------------------------------------------------------------------------------


def read_blocks(raw_blocks: list, fail) -> dict[str, dict]:
    """The well-formed blocks by id. A block has a unique string id, a kind (root, forall,
    contradiction), a parent (null for the root, else a block id) and params (identifiers; only
    a forall block has any). There is exactly one root and every parent chain ends there."""
    blocks: dict[str, dict] = {}
    for raw in raw_blocks:
        try:
            block_id = get(raw, "id", str)
            kind = get(raw, "kind", str)
            require(kind in BLOCK_KINDS, f"block {block_id}: unknown kind {kind!r}")
            require("parent" in raw, f"block {block_id}: missing field 'parent'")
            parent = raw["parent"]
            root_ok = parent is None if kind == "root" else isinstance(parent, str)
            require(root_ok, f"block {block_id}: the root and only the root has parent null")
            params = get_strings(raw, "params")
            require(kind == "forall" or not params, f"block {block_id}: only a forall block has params")
            require(all(is_identifier(p) for p in params), f"block {block_id}: a param is not an identifier")
            require(block_id not in blocks, f"block id {block_id} is used twice")
            blocks[block_id] = {"id": block_id, "kind": kind, "parent": parent, "params": params}
        except Bad as error:
            fail(str(error), "block")
    if sum(b["kind"] == "root" for b in blocks.values()) != 1:
        fail("there is not exactly one root block", "block")
    good = {}
    for block_id in blocks:
        try:
            lineage(blocks, block_id)
            good[block_id] = blocks[block_id]
        except Bad as error:
            fail(str(error), "block")
    return good


def lineage(blocks: dict[str, dict], block_id: str) -> list[str]:
    """The block and its ancestors, innermost first; Bad if a parent is unknown or a cycle."""
    chain: list[str] = []
    current = block_id
    while current is not None:
        require(current in blocks, f"block {block_id}: unknown ancestor {current!r}")
        require(current not in chain, f"block {block_id}: its parents form a cycle")
        chain.append(current)
        current = blocks[current]["parent"]
    return chain


def collect(ctx: Context, steps: list) -> None:
    """Index the steps the rules consult out of order: each block's assume and closing steps,
    and where each fresh constant is introduced (block params and witness steps' witnesses)."""
    for block in ctx.blocks.values():
        for param in block["params"]:
            ctx.introductions.setdefault(param, []).append(block["id"])
    for step in steps:
        if not isinstance(step, dict) or not isinstance(step.get("block"), str):
            continue
        kind, block = step.get("kind"), step["block"]
        if kind == "assume":
            ctx.assumes.setdefault(block, []).append(step)
        if kind in CLOSING and isinstance(step.get("closes"), str):
            ctx.closers.setdefault(step["closes"], []).append(step)
        if kind == "witness" and isinstance(step.get("witnesses"), dict):
            for value in step["witnesses"].values():
                if isinstance(value, str):
                    ctx.introductions.setdefault(value, []).append(block)


def check_blocks(ctx: Context, fail) -> None:
    """Every block but the root has exactly one assume step and is closed by exactly one step;
    a forall block's params are fresh: introduced once, not theory constants, not in the statement."""
    for block in ctx.blocks.values():
        if block["kind"] == "root":
            continue
        block_id = block["id"]
        if len(ctx.assumes.get(block_id, [])) != 1:
            fail(f"block {block_id} does not have exactly one assume step", "block")
        if len(ctx.closers.get(block_id, [])) != 1:
            fail(f"block {block_id} is not closed by exactly one step", "block")
        for param in block["params"]:
            if len(ctx.introductions[param]) != 1:
                fail(f"block {block_id}: param {param} is introduced more than once in the theorem", "block")
            if param in ctx.constants or param in free_identifiers(ctx.statement):
                fail(f"block {block_id}: param {param} is a constant of the theory, not fresh", "block")


# --- steps ---------------------------------------------------------------------------------------------


def check_steps(ctx: Context, steps: list, label: str, report: Report) -> tuple[dict[str, Formula], dict[str, str]]:
    """Check the steps in order. Returns the formula and the block of every step that passed:
    a step may cite only those (so an invalid step's dependants fail too)."""
    formulas: dict[str, Formula] = {}
    block_of: dict[str, str] = {}
    seen_ids: set[str] = set()
    scope = {block_id: set(lineage(ctx.blocks, block_id)) for block_id in ctx.blocks}
    for position, step in enumerate(steps):
        kind = step.get("kind") if isinstance(step, dict) else None
        kind = kind if isinstance(kind, str) and kind in RULES else "unknown"
        raw_id = step.get("id") if isinstance(step, dict) else None
        sid = raw_id if isinstance(raw_id, str) else f"#{position}"
        report.checked[kind] = report.checked.get(kind, 0) + 1
        try:
            formula = check_step(ctx, step, formulas, seen_ids, block_of, scope)
            formulas[sid] = formula
            block_of[sid] = step["block"]
        except Bad as error:
            reason = str(error)
        except RecursionError:
            reason = "formula too deeply nested"
        else:
            continue
        report.failed[kind] = report.failed.get(kind, 0) + 1
        report.failures.append(Failure(label, sid, kind, reason))
    return formulas, block_of


def check_step(ctx: Context, step: object, formulas: dict, seen_ids: set, block_of: dict, scope: dict) -> Formula:
    """Everything about one step: a unique id equal to its content hash, a known kind and
    block, a readable formula, premises that are earlier valid steps in scope, only constants in
    scope; then the rule of its kind. Returns the step's formula."""
    require(isinstance(step, dict), "a step must be an object")
    sid = get(step, "id", str)
    require(sid not in seen_ids, "another step has the same id")
    seen_ids.add(sid)
    require(sid == step_id(step), f"id is not the content hash {step_id(step)}")
    kind = get(step, "kind", str)
    require(kind in RULES, f"unknown step kind {kind!r}")
    block = get(step, "block", str)
    require(block in ctx.blocks, f"unknown block {block!r}")
    formula = read_formula(get(step, "formula", str), ctx.arities)

    # A step cites steps of its block and its ancestors; a closing step also those of the
    # block it closes (its rule, Context.closed_block, checks that this is a child block).
    allowed = scope[block]
    if kind in CLOSING and isinstance(step.get("closes"), str):
        allowed = allowed | {step["closes"]}
    premises = []
    for premise in get_strings(step, "premises"):
        require(premise in formulas, f"premise {premise} is not a valid step earlier in the list")
        where = block_of[premise]
        require(where in allowed, f"premise {premise} lies in block {where}, out of scope of block {block}")
        premises.append(formulas[premise])

    # Constants: the theory's, or introduced by this block or one of its ancestors.
    mentioned = set(free_identifiers(formula))
    for key in ("subst", "witnesses"):
        if key in step:
            mentioned |= set(get_mapping(step, key).values())
    for name in sorted(mentioned):
        introduced_here = any(b in scope[block] for b in ctx.introductions.get(name, []))
        known = name in ctx.constants or introduced_here
        require(known, f"constant {name} is unknown or out of scope in block {block}")

    RULES[kind](step, formula, premises, ctx)
    return formula
