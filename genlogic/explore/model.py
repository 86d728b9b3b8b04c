"""The models conjectures are tested on.

Two kinds, one class: the ground model a theory's own axioms compute — numerals 0, 1, 2, … (the
successor chain of its induction schema) and the values of its operations on them, every value
derived by the engine from the axioms — by rewriting with the theory's equations where they
compute every entry (:func:`genlogic.engine.evaluate.evaluate`, fast), else in Logic Blocks
(:func:`genlogic.engine.ground.calculate`, which also decides relations); no tables written by
hand, no Python arithmetic — and the finite models z3 finds for theories without an induction schema
(:mod:`genlogic.explore.finite`), whose elements 0..n-1 are the whole universe.

The ground model's calculation has its own budget (:data:`GROUND_BUDGET`) inside the run's
deadline. An entry it could not compute is missing from the tables: a term that needs it has no
value, so it is never grouped with another term and never refutes anything.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

from genlogic.engine.evaluate import NotEvaluated, evaluate
from genlogic.engine.ground import GroundBudget, GroundLimit, calculate
from genlogic.theory.model import Theory


@dataclass(frozen=True)
class GroundModel:
    """Elements 0..``up_to`` of ``carrier`` and what the operations do on them.

    ``step`` is the successor of an induction schema (``n ↦ n + 1``), or ``None``. ``unary`` and
    ``binary`` are operation tables, ``many`` the tables of functions of three or four arguments,
    ``constants`` the element constants' values; ``truths`` the partial tables of the relations
    that are no operation and of the sets other than the carrier, ``(inputs…, output)`` or
    ``(element,)`` → True or False where the axioms decide it (absent: undecided). A finite model
    (``finite``) has no other elements, so quantifiers over it are decided exactly; it may also
    interpret relations that are not operations (``relations``: the tuples ``(inputs…, output)``
    they hold of) and sets other than the carrier (``sets``). ``label`` names a finite model in
    counterexamples.
    """

    carrier: str
    step: str | None
    up_to: int
    binary: dict[str, dict[tuple[int, int], int]]
    constants: dict[str, int]
    unary: dict[str, dict[int, int]] = field(default_factory=dict)
    many: dict[str, dict[tuple[int, ...], int]] = field(default_factory=dict)
    truths: dict[str, dict[tuple[int, ...], bool]] = field(default_factory=dict)
    relations: dict[str, frozenset[tuple[int, ...]]] = field(default_factory=dict)
    sets: dict[str, frozenset[int]] = field(default_factory=dict)
    finite: bool = False
    label: str | None = None

    @property
    def elements(self) -> range:
        return range(self.up_to + 1)

    @property
    def unary_operations(self) -> list[str]:
        """The step first (if any), then the unary tables in order."""
        return ([self.step] if self.step is not None else []) + list(self.unary)

    def apply(self, op: str, args: tuple[int, ...]) -> int | None:
        """The value of ``op`` on elements, or ``None`` when the model does not know it."""
        if len(args) == 1:
            if op == self.step:
                return args[0] + 1
            return self.unary.get(op, {}).get(args[0])
        if any(a > self.up_to for a in args):
            return None
        return (self.binary if len(args) == 2 else self.many).get(op, {}).get(args)  # type: ignore[arg-type]

    def describe(self) -> dict[str, object]:
        """A finite model for ``refuted.json``: its elements, constants and tables — a unary
        function as its values, a binary operation as rows (row a lists a g b for b = 0, 1, …), a
        relation as the tuples it holds of, a set as its members."""
        tables: list[dict[str, object]] = []
        for name, unary in self.unary.items():
            tables.append({"name": name, "kind": "unary", "values": [unary[a] for a in self.elements]})
        for name, binary in self.binary.items():
            tables.append({"name": name, "kind": "binary",
                           "rows": [[binary[a, b] for b in self.elements] for a in self.elements]})
        for name, tuples in self.relations.items():
            tables.append({"name": name, "kind": "relation", "tuples": [list(t) for t in sorted(tuples)]})
        for name, members in self.sets.items():
            tables.append({"name": name, "kind": "set", "members": sorted(members)})
        return {"model": self.label, "elements": list(self.elements), "constants": self.constants, "tables": tables}


Models = GroundModel | Sequence[GroundModel]


def as_list(models: Models) -> list[GroundModel]:
    """One model or several, as a list."""
    return [models] if isinstance(models, GroundModel) else list(models)


#: the ground model's own budget, chosen once for all theories (docs/cli.md): enough numerals for
#: the products of 0..6 with room to spare, a few seconds where Peano needs about one
GROUND_BUDGET = GroundBudget(numerals=64, steps=200_000, seconds=30.0)
#: under a run's deadline, the share of the time left that the ground model may take (its
#: ``seconds`` limit), so that conjectures and goals keep the rest
GROUND_SHARE = 1 / 3


class Method(Enum):
    """How the ground model's values were found."""

    REWRITING = "rewriting"  # normalising with the theory's equations (genlogic.engine.evaluate)
    LOGIC_BLOCKS = "logic blocks"  # derived in Logic Blocks (genlogic.engine.ground)


@dataclass(frozen=True)
class Ground:
    """The ground model and how its calculation went (``method``): ``missing`` are the table entries
    ``(operation, *arguments)`` without a value (the model does not know them, so no term using
    them is ever grouped with another), ``limit`` what stopped the calculation before they had one."""

    model: GroundModel
    numerals: int  # numerals fixed
    missing: tuple[tuple[str | int, ...], ...]
    limit: GroundLimit | None
    method: Method
    not_rewritten: str | None = None  # why rewriting could not give the values (method: logic blocks)

    def describe(self) -> dict[str, object]:
        """For ``summary.json``: how the values were found (and why not by rewriting), the numerals, the limit and missing entries per operation when
        the tables are incomplete, and for each relation or set with a truth table how many of
        its entries the axioms decided true and false (the refuter cannot use the rest)."""
        entry: dict[str, object] = {"method": self.method.value, "numerals": self.numerals}
        if self.not_rewritten is not None:
            entry["not_rewritten"] = self.not_rewritten
        if self.limit is not None:
            entry["limit"] = self.limit.value
        if self.missing:
            missing: dict[str, list[list[int]]] = {op: [] for op in [*self.model.binary, *self.model.many]}
            for op, *args in self.missing:
                missing[op].append(args)
            entry["missing"] = {op: entries for op, entries in missing.items() if entries}
        if self.model.truths:
            entry["truths"] = {name: {"true": sum(table.values()), "false": len(table) - sum(table.values())}
                               for name, table in self.model.truths.items()}
        return entry


def compute_ground(
    theory: Theory, deadline: float | None = None, up_to: int = 6, budget: GroundBudget = GROUND_BUDGET
) -> Ground | None:
    """``None`` when the theory has no induction schema (so no numerals); ``deadline`` (a
    ``time.monotonic()`` value) ends the calculation early if the budget has not, and the budget's
    seconds are at most :data:`GROUND_SHARE` of the time left before it."""
    if not theory.signature.induction:
        return None
    if deadline is not None and budget.seconds is not None:
        share = GROUND_SHARE * max(0.0, deadline - time.monotonic())
        budget = dataclasses.replace(budget, seconds=min(budget.seconds, share))
    budget = dataclasses.replace(budget, deadline=deadline)
    evaluated = evaluate(theory, up_to, budget)
    if isinstance(evaluated, NotEvaluated):
        tables, method, why = calculate(theory, up_to, budget=budget, proofs=False), Method.LOGIC_BLOCKS, evaluated.reason
    else:
        tables, method, why = evaluated, Method.REWRITING, None
    schema = tables.schema
    model = GroundModel(schema.carrier, schema.step, up_to, tables.tables, tables.constants, unary=tables.unary,
                        many=tables.many, truths=tables.truths)
    return Ground(model, tables.numerals, tables.missing, tables.limit, method, why)


def ground_model(theory: Theory, up_to: int = 6) -> GroundModel | None:
    """``None`` when the theory has no induction schema (so no numerals)."""
    ground = compute_ground(theory, up_to=up_to)
    return ground.model if ground is not None else None
