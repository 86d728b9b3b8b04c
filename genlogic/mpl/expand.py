"""Expansion: replace atoms of defined predicates by the definition's body.

Pure syntax: a definition is anything with ``params`` and a ``body`` (the theory's
:class:`~genlogic.theory.model.Definition`, the checker's own), so the engine and the trusted
kernel unfold definitions the same way without the kernel importing the theory stage.
"""

from __future__ import annotations

from typing import Mapping, Protocol

from genlogic.mpl.ast import And, Atom, Forall, Formula, Not
from genlogic.mpl.subst import substitute


class Definition(Protocol):
    params: tuple[str, ...]
    body: Formula


def instantiate(definition: Definition, args: tuple[str, ...]) -> Formula:
    """The body of ``definition`` with its parameters replaced by ``args`` (one level)."""
    return substitute(definition.body, dict(zip(definition.params, args)))


def expand(formula: Formula, definitions: Mapping[str, Definition]) -> Formula:
    """``formula`` with every defined predicate unfolded, recursively, down to built-ins.

    Definitions are acyclic (checked when the theory is built), so this terminates.
    """
    if isinstance(formula, Atom):
        definition = definitions.get(formula.pred)
        if definition is None:
            return formula
        return expand(instantiate(definition, formula.args), definitions)
    if isinstance(formula, Not):
        return Not(expand(formula.body, definitions), formula.span)
    if isinstance(formula, And):
        return And(expand(formula.left, definitions), expand(formula.right, definitions), formula.span)
    return Forall(
        formula.variables,
        expand(formula.antecedent, definitions),
        expand(formula.consequent, definitions),
        formula.span,
    )
