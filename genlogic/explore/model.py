"""The ground model a theory's own axioms compute: numerals 0, 1, 2, … (the successor chain of
its induction schema) and the values of its operations on them, every value derived by the engine
(:func:`genlogic.engine.ground.calculate`) — no tables written by hand, no Python arithmetic."""

from __future__ import annotations

from dataclasses import dataclass

from genlogic.engine.ground import calculate
from genlogic.theory.model import Theory


@dataclass(frozen=True)
class GroundModel:
    carrier: str
    step: str
    up_to: int
    binary: dict[str, dict[tuple[int, int], int]]
    constants: dict[str, int]

    def apply(self, op: str, args: tuple[int, ...]) -> int | None:
        """The value of ``op`` on numerals, or ``None`` when the model does not know it."""
        if len(args) == 1:
            return args[0] + 1 if op == self.step else None
        if any(a > self.up_to for a in args):
            return None
        return self.binary.get(op, {}).get(args)  # type: ignore[arg-type]


def ground_model(theory: Theory, up_to: int = 6) -> GroundModel | None:
    """``None`` when the theory has no induction schema (so no numerals)."""
    if not theory.signature.induction:
        return None
    tables = calculate(theory, up_to, proofs=False)
    schema = tables.schema
    return GroundModel(schema.carrier, schema.step, up_to, tables.tables, tables.constants)
