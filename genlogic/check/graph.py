"""Reading ``proofgraph.json`` and checking everything that is not one step's own rule:
format and schema, the theory files and their hashes, theorem names and order, blocks, step
ids, premise order and scoping, fresh constants and the order of their introduction, kinds of
step formulas, the conclusion and ``uses``, and the run's claims (docs/proofgraph.md).

Nothing in the JSON is trusted: every field is read through :func:`kernel.get` and friends,
which turn a missing key or a wrong type into a :class:`kernel.Bad`, reported as a failure.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from genlogic.check.claims import Goal, check_claims
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
from genlogic.check.theory import KernelTheory, TheoryError, TheoryFile, read_theory
from genlogic.mpl.ast import Formula, free_identifiers
from genlogic.mpl.printer import is_identifier

FORMAT = "genlogic-proofgraph"
SCHEMA = 2
BLOCK_KINDS = ("root", "forall", "contradiction")


@dataclass(frozen=True)
class Failure:
    """One broken rule. ``step`` is "-" and ``kind`` is "graph", "proof", "block" or "claim"
    when the failure is about the whole file, a theorem, one of its blocks or what the run
    says it proved rather than a step."""

    theorem: str
    step: str
    kind: str
    reason: str

    def __str__(self) -> str:
        return f"FAILED {self.theorem} {self.step} {self.kind}: {self.reason}"


@dataclass
class Report:
    """The theory files checked against; steps checked and failed per kind; the failures of
    single steps and those of the graph, its theorems, blocks and claims; the stated goals."""

    checked: dict[str, int] = field(default_factory=lambda: {kind: 0 for kind in RULES})
    failed: dict[str, int] = field(default_factory=lambda: {kind: 0 for kind in RULES})
    failures: list[Failure] = field(default_factory=list)
    graph_failures: list[Failure] = field(default_factory=list)
    theory_files: tuple[TheoryFile, ...] = ()
    goals: tuple[Goal, ...] = ()
    unchecked_corollaries: int = 0

    @property
    def ok(self) -> bool:
        return not self.failures and not self.graph_failures

    def render(self) -> str:
        lines = []
        for index, file in enumerate(self.theory_files):
            role = "theory" if index == 0 else "imports"
            lines.append(f"{role}: {file.path} sha256 {file.sha256}")
        lines += [f"{kind}: checked {self.checked[kind]}, failed {self.failed[kind]}" for kind in sorted(self.checked)]
        for goal in self.goals:
            by = f" (by {goal.by})" if goal.by and goal.by != goal.name else ""
            lines.append(f"goal {goal.name}: {'proved' + by if goal.proved else 'not proved'}")
        if self.unchecked_corollaries:
            lines.append(
                f"summary.json lists {self.unchecked_corollaries} corollaries: they are not in the proof "
                "graph and were not checked (genlogic query re-derives them)"
            )
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
    """Check ``RUN_DIR/proofgraph.json`` against its theory files, and the run's claims against
    the graph; never raises on bad input."""
    report = Report()
    try:
        graph = read_json(Path(run_dir) / "proofgraph.json")
        require(get(graph, "format", str) == FORMAT, f"format is not {FORMAT!r}")
        require(get(graph, "schema", int) == SCHEMA, f"schema is not {SCHEMA}")
        header = get(graph, "theory", dict)
        get(header, "path", str), get(header, "sha256", str), get(header, "imports", list)
        theory = read_theory(header, Path(run_dir), theory_path)
    except (Bad, TheoryError) as error:
        report.graph_failures.append(Failure("-", "-", "graph", str(error)))
        return report
    report.theory_files = theory.files
    proved = check_graph(graph, theory, report)
    claims = check_claims(Path(run_dir), theory, proved)
    report.goals = claims.goals
    report.unchecked_corollaries = claims.unchecked_corollaries
    report.graph_failures += [Failure("-", "-", "claim", reason) for reason in claims.failures]
    return report


def read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as error:
        raise Bad(f"cannot read {path}: {error}") from None


# --- theorems --------------------------------------------------------------------------------------


def check_graph(graph: dict, theory: KernelTheory, report: Report) -> dict[str, Formula]:
    """Check every theorem; names must be unique and a proof may cite only earlier theorems.
    Returns the statements of the theorems whose proofs checked, by name."""
    try:
        theorems = get(graph, "theorems", list)
    except Bad as error:
        report.graph_failures.append(Failure("-", "-", "graph", str(error)))
        return {}
    proved: dict[str, Formula] = {}  # name -> statement, of the earlier theorems whose proofs checked
    texts: dict[str, Formula] = {}  # every formula read, by its text (shared: reading is pure)
    names: set[str] = set()
    for index, theorem in enumerate(theorems):
        name = theorem.get("name") if isinstance(theorem, dict) else None
        label = name if isinstance(name, str) else f"#{index}"
        failures_before = len(report.failures) + len(report.graph_failures)
        if label in names:
            report.graph_failures.append(Failure(label, "-", "proof", "a theorem of this name comes earlier"))
        names.add(label)
        statement = check_proof(theorem, label, theory, dict(proved), report, texts)
        if statement is not None and len(report.failures) + len(report.graph_failures) == failures_before:
            proved[label] = statement
    return proved


def check_proof(
    theorem: object, label: str, theory: KernelTheory, earlier: dict[str, Formula], report: Report,
    texts: dict[str, Formula],
) -> Formula | None:
    """Check one theorem and its proof; return its statement (or None if it cannot be read)."""

    def fail(reason: str, kind: str = "proof") -> None:
        report.graph_failures.append(Failure(label, "-", kind, reason))

    arities = theory.arities
    try:
        get(theorem, "name", str)
        statement = read_formula(get(theorem, "statement", str), arities)
        strangers = free_identifiers(statement) - set(theory.constants)
        require(not strangers, f"the statement mentions {sorted(strangers)}, which are not constants of the theory")
        ctx = Context(theory.axioms, theory.definitions, arities, theory.predicate_kinds, theory.constants, statement, earlier)
        ctx.read_texts = texts
        ctx.check_kinds(statement, "the statement")
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
    and where each fresh constant is introduced: a block param by its block's assume step, a
    witness by its witness step (its block, and its position in the list)."""
    for block in ctx.blocks.values():
        for param in block["params"]:
            ctx.introductions.setdefault(param, []).append(block["id"])
            ctx.param_block[param] = block["id"]
    for position, step in enumerate(steps):
        if not isinstance(step, dict) or not isinstance(step.get("block"), str):
            continue
        kind, block, sid = step.get("kind"), step["block"], str(step.get("id"))
        if kind == "assume":
            ctx.assumes.setdefault(block, []).append(step)
            for param in ctx.blocks[block]["params"] if block in ctx.blocks else ():
                ctx.introduced_at.setdefault(param, (position, sid))
        if kind in CLOSING and isinstance(step.get("closes"), str):
            ctx.closers.setdefault(step["closes"], []).append(step)
        if kind == "witness" and isinstance(step.get("witnesses"), dict):
            for value in step["witnesses"].values():
                if isinstance(value, str):
                    ctx.introductions.setdefault(value, []).append(block)
                    ctx.introduced_at.setdefault(value, (position, sid))
    for name, blocks in ctx.introductions.items():
        if len(blocks) != 1:  # introduced twice: a failure of its own (check_blocks, check_witness)
            ctx.introduced_at.pop(name, None)


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
            formula = check_step(ctx, step, position, formulas, seen_ids, block_of, scope)
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


def check_step(
    ctx: Context, step: object, position: int, formulas: dict, seen_ids: set, block_of: dict, scope: dict
) -> Formula:
    """Everything about one step: a unique id equal to its content hash, a known kind and
    block, a readable formula, premises that are earlier valid steps in scope, only constants in
    scope and none before the step that introduces it; then the rule of its kind; last, the
    formula is well-kinded. Returns the step's formula."""
    require(isinstance(step, dict), "a step must be an object")
    sid = get(step, "id", str)
    require(sid not in seen_ids, "another step has the same id")
    seen_ids.add(sid)
    require(sid == step_id(step), f"id is not the content hash {step_id(step)}")
    kind = get(step, "kind", str)
    require(kind in RULES, f"unknown step kind {kind!r}")
    block = get(step, "block", str)
    require(block in ctx.blocks, f"unknown block {block!r}")
    formula = ctx.read(get(step, "formula", str))

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
        introduced = ctx.introduced_at.get(name)
        if name not in ctx.constants and introduced is not None:
            where, by = introduced
            require(where <= position, f"constant {name} is mentioned before step {by} introduces it")

    RULES[kind](step, formula, premises, ctx)
    ctx.check_kinds(formula, "formula")
    return formula
