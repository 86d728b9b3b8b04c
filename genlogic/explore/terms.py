"""Terms (:mod:`genlogic.engine.terms`) evaluated on models, at many points at once."""

from __future__ import annotations

import itertools

from genlogic.engine.terms import Term, apply, leaf
from genlogic.explore.model import GroundModel

__all__ = ["Point", "Term", "apply", "assignments", "leaf", "points", "values"]

#: a model and an assignment of its elements to variables
Point = tuple[GroundModel, dict[str, int]]


def assignments(variables: list[str], domain: range) -> list[dict[str, int]]:
    return [dict(zip(variables, values)) for values in itertools.product(domain, repeat=len(variables))]


def points(models: list[GroundModel], variables: list[str], domain: range) -> list[Point]:
    """Every (model, assignment) pair, models in order: the variables range over all elements of
    a finite model, over ``domain`` on the ground model."""
    return [
        (model, assignment)
        for model in models
        for assignment in assignments(variables, model.elements if model.finite else domain)
    ]


def values(term: Term, at: list[Point], known: dict[Term, tuple[int | None, ...]]) -> tuple[int | None, ...]:
    """The value of ``term`` at every point (``None`` where a model does not know it); the values
    of its arguments are taken from ``known``."""
    if term.variable:
        return tuple(assignment[term.head] for _, assignment in at)
    if not term.args:
        return tuple(model.constants.get(term.head) for model, _ in at)
    columns = zip(*(known[arg] for arg in term.args))
    return tuple(
        None if None in args else model.apply(term.head, args) for (model, _), args in zip(at, columns)
    )
