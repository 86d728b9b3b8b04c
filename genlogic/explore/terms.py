"""Terms (:mod:`genlogic.engine.terms`) evaluated on the ground model."""

from __future__ import annotations

import itertools

from genlogic.engine.terms import Term, apply, leaf
from genlogic.explore.model import GroundModel

__all__ = ["Term", "apply", "assignments", "evaluate", "leaf"]


def evaluate(term: Term, assignment: dict[str, int], model: GroundModel) -> int | None:
    if term.variable:
        return assignment[term.head]
    if not term.args:
        return model.constants.get(term.head)
    values = []
    for arg in term.args:
        value = evaluate(arg, assignment, model)
        if value is None:
            return None
        values.append(value)
    return model.apply(term.head, tuple(values))


def assignments(variables: list[str], domain: range) -> list[dict[str, int]]:
    return [dict(zip(variables, values)) for values in itertools.product(domain, repeat=len(variables))]
