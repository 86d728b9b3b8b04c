"""The essential core of a run: a small set of its theorems from which every other one follows
directly (GL's "compressor" — except that nothing is thrown away: a theorem outside the core is
still in the proof graph, with its proof, and still checked).

"Follows directly" is the derivation that makes corollaries: the rewriter joins the two sides of
the equation with the axioms and the given theorems, without induction (the plan of a direct
proof, ``Replay.direct``). The core is found greedily, latest theorem first (a later discovery is
more often a consequence of earlier ones): a theorem is left out when it follows directly from
the theorems still in. Leaving one out may break a derivation found before, so every left-out
theorem is derived again from the final core, and put back when it no longer follows, until
nothing changes (putting back only adds theorems, so this ends). Theorems that are not equations
(a relation's property, a conditional law) are not derived by rewriting: they stay in the core.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from genlogic.engine.equational import Replay, context
from genlogic.engine.goal import KnownTheorem
from genlogic.engine.laws import read_law
from genlogic.theory.model import Theory


@dataclass(frozen=True)
class Core:
    essential: tuple[str, ...]  # in discovery order
    follows: dict[str, tuple[str, ...]]  # each other theorem → the core theorems its derivation uses

    def to_json(self) -> dict[str, Any]:
        return {"essential": list(self.essential), "follows": {k: list(v) for k, v in self.follows.items()}}


def essential_core(theory: Theory, theorems: Sequence[KnownTheorem]) -> Core:
    ctx = context(theory)

    def derive(theorem: KnownTheorem, core: list[str]) -> tuple[str, ...] | None:
        known = tuple(t for t in theorems if t.name in core and t.name != theorem.name)
        return Replay(ctx, known).direct(theorem.statement)

    core = [t.name for t in theorems]
    follows: dict[str, tuple[str, ...]] = {}
    for theorem in reversed(theorems):
        if read_law(theorem.statement, ctx.operations) is None:
            continue
        uses = derive(theorem, core)
        if uses is not None:
            core.remove(theorem.name)
            follows[theorem.name] = uses
    changed = True
    while changed:
        changed = False
        for theorem in theorems:
            if theorem.name not in follows:
                continue
            uses = derive(theorem, core)
            if uses is None:
                core.append(theorem.name)
                del follows[theorem.name]
                changed = True
            else:
                follows[theorem.name] = uses
    order = {t.name: i for i, t in enumerate(theorems)}
    return Core(tuple(sorted(core, key=order.__getitem__)), dict(sorted(follows.items(), key=lambda kv: order[kv[0]])))
