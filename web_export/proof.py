"""One theorem's proof as the browser lays it out: a tree of blocks holding numbered steps.

The JSON lists steps in an order where every step follows its premises, with the steps of
nested blocks interleaved. Here each block becomes a section placed just before the step that
closes it, its own steps in list order inside. Numbering the steps in that display order keeps
every premise above the step that cites it, so the numbers read from the leaves to the goal.

Nothing in the JSON is trusted to be well formed: a step in an unknown block lands in the root,
a block nobody closes at the end of its parent, an unknown premise is shown without a link.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Union

from web_export import notation
from web_export.calculation import Cite, Outline, build_outline
from web_export.rules import BY_KIND, GLUE, RULES


@dataclass(frozen=True)
class Premise:
    number: int | None  # None: no such step
    label: str  # the number, or the raw id


@dataclass(frozen=True)
class Detail:
    """One part of a step's justification: plain text, or a link (``href`` relative to the site root)."""

    text: str
    href: str | None = None
    code: bool = False


@dataclass
class StepView:
    id: str
    number: int
    kind: str
    known_rule: bool
    glue: bool
    segments: tuple[notation.Segment, ...]
    premises: tuple[Premise, ...]
    details: tuple[Detail, ...]
    failures: tuple[str, ...] = ()
    case: str | None = None  # "base case · induction on y" when the step proves a case itself


@dataclass
class BlockView:
    id: str
    kind: str
    params: tuple[str, ...]
    assumption: str | None
    closed_by: int | None = None
    case: str | None = None  # "step case · induction on y" when the block proves a case
    items: list[Union["BlockView", StepView]] = field(default_factory=list)

    @property
    def steps(self) -> int:
        return sum(1 if isinstance(i, StepView) else i.steps for i in self.items)


@dataclass
class ProofView:
    root: BlockView
    steps: list[StepView]  # in display order
    glue: int
    rule_counts: tuple[tuple[str, int], ...]
    axioms: tuple[int, ...]  # indices cited directly by axiom steps
    cited: tuple[str, ...]  # theorems cited by theorem steps, in order of first citation
    outline: Outline  # the induction in words and the calculations (web_export/calculation.py)


def _text(value: Any, default: str = "") -> str:
    return value if isinstance(value, str) else default


def build_proof(theorem: dict, theorem_href, failures_by_step: dict[str, list[str]],
                functions: dict[str, int] | None = None, display=lambda name: name) -> ProofView:
    """The view of ``theorem`` (one THEOREM object of the graph). ``theorem_href(name)`` is the
    site-relative link to a theorem's page (None if there is none); ``failures_by_step`` maps
    step ids to the checker's reasons; ``functions``: the theory's functions (name → inputs), whose
    facts fold into terms; ``display(name)``: how a theorem is called (its derived name)."""
    raw_steps = [s for s in theorem.get("steps", []) if isinstance(s, dict)] if isinstance(theorem.get("steps"), list) else []
    raw_blocks = [b for b in theorem.get("blocks", []) if isinstance(b, dict)] if isinstance(theorem.get("blocks"), list) else []

    blocks: dict[str, dict] = {}
    for raw in raw_blocks:
        block_id = _text(raw.get("id"))
        if block_id and block_id not in blocks:
            blocks[block_id] = raw
    root_id = next((i for i, b in blocks.items() if b.get("kind") == "root"), "b0")
    blocks.setdefault(root_id, {"id": root_id, "kind": "root", "parent": None, "params": []})

    def parent_of(block_id: str) -> str | None:
        if block_id == root_id:
            return None
        parent = blocks[block_id].get("parent")
        return parent if isinstance(parent, str) and parent in blocks and parent != block_id else root_id

    # Each block's own steps (list order) and the position of the step that closes it.
    own: dict[str, list[dict]] = {block_id: [] for block_id in blocks}
    closer: dict[str, int] = {}
    for position, step in enumerate(raw_steps):
        block_id = _text(step.get("block"))
        own[block_id if block_id in blocks else root_id].append(step)
        closes = step.get("closes")
        if isinstance(closes, str) and closes in blocks and closes not in closer:
            closer[closes] = position
    assumption = {}
    for step in raw_steps:
        if step.get("kind") == "assume" and _text(step.get("block")) in blocks:
            assumption.setdefault(step["block"], _text(step.get("formula")))

    children: dict[str, list[str]] = {block_id: [] for block_id in blocks}
    for block_id in blocks:
        if block_id != root_id:
            children[_ancestor_safe(block_id, parent_of, root_id)].append(block_id)

    # Layout: a tree of raw items, then number in display order.
    def layout(block_id: str, seen: frozenset) -> list:
        placed = {c: closer.get(c) for c in children[block_id] if c not in seen}
        items: list = []
        for step in own[block_id]:
            closes = step.get("closes")
            if isinstance(closes, str) and closes in placed and placed[closes] is not None and step is raw_steps[placed[closes]]:
                items.append(("block", closes, layout(closes, seen | {closes})))
                del placed[closes]
            items.append(("step", step))
        for child in placed:  # never closed, or closed from elsewhere
            items.append(("block", child, layout(child, seen | {child})))
        return items

    tree = layout(root_id, frozenset({root_id}))
    numbers: dict[str, int] = {}
    order: list[dict] = []

    def number(items: list) -> None:
        for item in items:
            if item[0] == "step":
                order.append(item[1])
                step_id = _text(item[1].get("id"))
                if step_id and step_id not in numbers:
                    numbers[step_id] = len(order)
            else:
                number(item[2])

    number(tree)

    formula_of = {_text(s.get("id")): _text(s.get("formula")) for s in raw_steps}
    params = {
        block_id: tuple(p for p in raw.get("params", []) if isinstance(p, str)) if isinstance(raw.get("params"), list) else ()
        for block_id, raw in blocks.items()
    }

    def describe(step: dict) -> Cite | None:
        if step.get("kind") == "axiom" and isinstance(step.get("axiom"), int):
            return Cite(f"axiom {step['axiom'] + 1}", f"index.html#axiom-{step['axiom'] + 1}")
        if step.get("kind") == "theorem" and isinstance(step.get("theorem"), str):
            return Cite(display(step["theorem"]), theorem_href(step["theorem"]), step["theorem"])
        return None

    outline = build_outline(order, numbers, params, functions or {}, describe, theorem.get("calculations"))
    views: dict[int, StepView] = {}
    for position, step in enumerate(order, start=1):
        views[position] = _step_view(step, position, numbers, formula_of, theorem_href, failures_by_step, display,
                                     dict(outline.names), params)
        views[position].case = outline.step_labels.get(position)

    counter = iter(range(1, len(order) + 1))

    def build(block_id: str, items: list) -> BlockView:
        raw = blocks[block_id]
        text = assumption.get(block_id)
        view = BlockView(block_id, _text(raw.get("kind"), "?"), params[block_id], notation.readable(text) if text else None,
                         case=outline.labels.get(block_id))
        for item in items:
            if item[0] == "step":
                step = views[next(counter)]
                previous = view.items[-1] if view.items else None
                if isinstance(previous, BlockView) and item[1].get("closes") == previous.id:
                    previous.closed_by = step.number
                view.items.append(step)
            else:
                view.items.append(build(item[1], item[2]))
        return view

    root = build(root_id, tree)

    steps = [views[i] for i in range(1, len(order) + 1)]
    kinds = Counter(s.kind for s in steps)
    known = [r.kind for r in RULES if r.kind in kinds] + sorted(k for k in kinds if k not in BY_KIND)
    axioms = sorted({s["axiom"] for s in order if s.get("kind") == "axiom" and isinstance(s.get("axiom"), int)})
    cited: list[str] = []
    for s in order:
        if s.get("kind") == "theorem" and isinstance(s.get("theorem"), str) and s["theorem"] not in cited:
            cited.append(s["theorem"])
    return ProofView(
        root=root,
        steps=steps,
        glue=sum(1 for s in steps if s.glue),
        rule_counts=tuple((k, kinds[k]) for k in known),
        axioms=tuple(axioms),
        cited=tuple(cited),
        outline=outline,
    )


def _ancestor_safe(block_id: str, parent_of, root_id: str) -> str:
    """The parent of ``block_id``, or the root if the parent chain does not reach the root."""
    parent = parent_of(block_id)
    seen = {block_id}
    current = parent
    while current is not None and current != root_id:
        if current in seen:
            return root_id
        seen.add(current)
        current = parent_of(current)
    return parent if parent is not None else root_id


def _step_view(step: dict, position: int, numbers: dict[str, int], formula_of: dict[str, str], theorem_href,
               failures_by_step: dict[str, list[str]], display, names: dict[str, str],
               params: dict[str, tuple[str, ...]]) -> StepView:
    kind = _text(step.get("kind"), "?")
    formula = _text(step.get("formula"))
    premise_ids = [p for p in step.get("premises", []) if isinstance(p, str)] if isinstance(step.get("premises"), list) else []
    premises = tuple(
        Premise(numbers[p], str(numbers[p])) if p in numbers else Premise(None, p) for p in premise_ids
    )
    if kind == "eq_subst" and premise_ids:
        first = formula_of.get(premise_ids[0])
        segments = notation.marked_substitution(formula, first) if first else (notation.Segment(notation.readable(formula)),)
    elif kind == "forall_intro" and len(premises) == 1 and premises[0].number is not None:
        segments = notation.elided_generalisation(formula, formula_of.get(premise_ids[0], ""), premises[0].number)
    else:
        segments = (notation.Segment(notation.readable(formula)),)

    details: list[Detail] = []
    if kind == "axiom" and isinstance(step.get("axiom"), int):
        details.append(Detail(f"axiom {step['axiom'] + 1}", f"index.html#axiom-{step['axiom'] + 1}"))
    if kind == "theorem" and isinstance(step.get("theorem"), str):
        details.append(Detail(display(step["theorem"]), theorem_href(step["theorem"])))
    for key, arrow in (("subst", ":="), ("witnesses", "↦")):
        mapping = step.get(key)
        if isinstance(mapping, dict) and mapping:
            details.append(Detail(", ".join(f"{k} {arrow} {v}" for k, v in mapping.items()), code=True))
    introduced: list[str] = []
    if kind == "witness" and isinstance(step.get("witnesses"), dict):
        introduced = [w for w in step["witnesses"].values() if isinstance(w, str)]
    elif kind == "assume":
        introduced = list(params.get(_text(step.get("block")), ()))
    defined = [f"{name} = {names[name]}" for name in introduced if name in names]
    if defined:
        details.append(Detail("where " + ", ".join(defined), code=True))
    if kind == "comprehension" and all(isinstance(step.get(k), str) for k in ("set", "element", "property")):
        details.append(Detail(f"{step['set']} := {{{step['element']} | {notation.readable(step['property'])}}}", code=True))
    if kind == "and_elim" and step.get("side") in (0, 1):
        details.append(Detail("left part" if step["side"] == 0 else "right part"))
    if isinstance(step.get("closes"), str):
        details.append(Detail(f"closes {step['closes']}"))
    step_id = _text(step.get("id"))
    return StepView(
        id=step_id,
        number=position,
        kind=kind,
        known_rule=kind in BY_KIND,
        glue=kind in GLUE,
        segments=segments,
        premises=premises,
        details=tuple(details),
        failures=tuple(failures_by_step.get(step_id, ())),
    )

