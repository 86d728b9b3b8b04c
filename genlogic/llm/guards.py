"""Guarding a candidate's variables. ``forall a b: a + b = b + a`` quantifies over everything,
not over the theory's numbers: it says more than the axioms can prove, and exploration would
search for its proof until the time limit. Each universally quantified element variable without
a membership in one of the theory's carriers (:attr:`~genlogic.theory.model.Signature.carriers`)
gets one — the domain of the operations it is an input of, else the theory's only carrier — and
an equation is then written exactly as the explorer writes its conjectures
(:func:`~genlogic.explore.conjectures.guarded_equation`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from genlogic.engine.laws import Law, read_law
from genlogic.explore.conjectures import guarded_equation
from genlogic.mpl.ast import FUNCTION_ATOMS, Atom, Forall, Formula, conjoin, conjuncts, subformulas
from genlogic.theory.model import Kind, Signature


@dataclass(frozen=True)
class Guarded:
    """A statement with the guards it lacked, and which guards those were."""

    formula: Formula
    added: tuple[tuple[str, str], ...] = ()  # (variable, carrier), in the order of the variables

    @property
    def shown(self) -> tuple[str, ...]:
        """The guards added, as written: ``("a ∈ N", "b ∈ N")``."""
        return tuple(f"{variable} ∈ {carrier}" for variable, carrier in self.added)


def operations(signature: Signature) -> dict[str, int]:
    """Each operation of the theory with its number of inputs (what :func:`read_law` reads)."""
    return {op.name: op.inputs for op in signature.operations if op.is_operation}


def guard(formula: Formula, kinds: Mapping[str, Kind], signature: Signature) -> Guarded:
    """``formula`` with a carrier guard for each of its outer universally quantified element
    variables (``kinds``: the kinds of its binders) that has none; unchanged when each has one,
    or when no carrier can be told for the others."""
    if not isinstance(formula, Forall) or not formula.variables:
        return Guarded(formula)
    law = read_law(formula, operations(signature))
    premises = list(conjuncts(formula.antecedent))
    if law is not None:
        variables = law.variables
        guards = law_guards(law)
    else:
        variables = [v for v in formula.variables if kinds.get(v) is Kind.ELEMENT]
        guards = {p.args[0]: p.args[1] for p in premises if isinstance(p, Atom) and p.pred == "in"}
    inputs = _input_domains(formula, signature)
    added: dict[str, str] = {}
    for variable in variables:
        carrier = _carrier(inputs.get(variable, set()), signature.carriers)
        if guards.get(variable) not in signature.carriers and carrier is not None:
            added[variable] = carrier
    if not added:
        return Guarded(formula)
    common = law_carrier(law, {**guards, **added}) if law is not None else None
    if law is not None and common is not None:
        guarded = guarded_equation(law.left, law.right, common)
    else:
        new = [Atom("in", (variable, carrier)) for variable, carrier in added.items()]
        guarded = Forall(formula.variables, conjoin(new + premises), formula.consequent)
    order = guarded.variables if isinstance(guarded, Forall) else ()
    return Guarded(guarded, tuple(sorted(added.items(), key=lambda pair: order.index(pair[0]))))


def _input_domains(formula: Formula, signature: Signature) -> dict[str, set[str]]:
    """Each identifier that is an input of an operation in ``formula``: those operations' domains."""
    domains: dict[str, set[str]] = {}
    for atom in subformulas(formula):
        if isinstance(atom, Atom) and atom.pred in FUNCTION_ATOMS:
            op = signature.operation(atom.args[-1])
            if op is not None and op.is_operation and op.domain is not None:
                for argument in atom.args[:-2]:
                    domains.setdefault(argument, set()).add(op.domain)
    return domains


def _carrier(domains: set[str], carriers: tuple[str, ...]) -> str | None:
    """The one domain of the operations a variable is an input of, else the theory's only
    carrier, else ``None`` (no carrier can be told)."""
    if len(domains) == 1:
        return next(iter(domains))
    return carriers[0] if not domains and len(carriers) == 1 else None


def law_guards(law: Law) -> dict[str, str]:
    """The law's guards ``x ∈ C``: variable → set."""
    return {p.variable: p.atom.args[1] for _, level in law.levels for p in level if p.op is None}


def law_carrier(law: Law, guards: Mapping[str, str]) -> str | None:
    """The one set that ``guards`` (variable → set) give every variable of the law, and no other
    identifier — then the law can be written as the explorer writes an equation — else
    ``None``; ``""`` for a law without variables."""
    if set(guards) != set(law.variables) or len(set(guards.values())) > 1:
        return None
    return next(iter(guards.values()), "")
