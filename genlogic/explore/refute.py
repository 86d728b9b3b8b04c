"""Evaluating statements on models: counterexamples and vacuity.

A statement is refuted by a model and an assignment of its elements to the statement's outermost
variables under which its premises hold and its conclusion fails, every atom evaluated with the
model's tables (derived by the engine for the ground model, found by z3 and re-checked here for a
finite model). Atoms a model cannot decide (values beyond its tables, relations it does not
know) make the evaluation unknown, never false: refutations are never guessed. Quantifiers are
decided exactly on a finite model, whose elements are the whole universe; on the ground model a
quantifier whose variable had to range over a finite part of the numerals can only fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from genlogic.engine.laws import read_law
from genlogic.engine.terms import Term
from genlogic.explore.model import GroundModel, Models, as_list
from genlogic.mpl.ast import FUNCTION_ATOMS, And, Atom, Forall, Formula, Not, conjuncts
from genlogic.mpl.expand import expand
from genlogic.mpl.printer import readable
from genlogic.theory.model import Theory

Env = dict[str, int]


@dataclass
class _Search:
    partial: bool = False


@dataclass(frozen=True)
class Counterexample:
    assignment: dict[str, int]  # outermost variable → element
    model: GroundModel  # the model it refutes the statement in


class _Evaluator:
    def __init__(self, model: GroundModel):
        self.model = model
        self.domain = model.elements
        values = [c for table in model.binary.values() for c in table.values()]
        self.values = model.elements if model.finite else range(max(values + [model.up_to + 1]) + 1)

    def term(self, name: str, env: Env) -> int | None:
        if name in env:
            return env[name]
        return self.model.constants.get(name)

    def atom(self, atom: Atom, env: Env) -> bool | None:
        args = atom.args
        if atom.pred == "in":
            element = self.term(args[0], env)
            if element is None:
                return None
            if args[1] in self.model.sets and args[1] not in env:
                return element in self.model.sets[args[1]]
            if args[1] in self.model.truths and args[1] not in env:
                return self.model.truths[args[1]].get((element,))
            return True if args[1] == self.model.carrier and args[1] not in env else None
        if atom.pred == "=":
            a, b = self.term(args[0], env), self.term(args[1], env)
            return None if a is None or b is None else a == b
        if atom.pred in FUNCTION_ATOMS:
            inputs = [self.term(a, env) for a in args[:-2]]
            output = self.term(args[-2], env)
            if None in inputs or output is None or args[-1] in env:
                return None
            if args[-1] in self.model.relations:
                return (*inputs, output) in self.model.relations[args[-1]]
            if args[-1] in self.model.truths:
                return self.model.truths[args[-1]].get((*inputs, output))
            value = self.model.apply(args[-1], tuple(inputs))  # type: ignore[arg-type]
            return None if value is None else value == output
        return None

    def holds(self, formula: Formula, env: Env) -> bool | None:
        if isinstance(formula, Atom):
            return self.atom(formula, env)
        if isinstance(formula, Not):
            inner = self.holds(formula.body, env)
            return None if inner is None else not inner
        if isinstance(formula, And):
            left, right = self.holds(formula.left, env), self.holds(formula.right, env)
            if left is False or right is False:
                return False
            return None if left is None or right is None else True
        # ∀ over a finite part of the model: a falsifying assignment refutes it; it holds only if
        # every variable was fixed by a functional premise (no range was cut off)
        unknown = False
        search = _Search()
        for extended in self.solutions(formula.variables, list(conjuncts(formula.antecedent)), env, search):
            if extended is None:
                unknown = True
                continue
            value = self.holds(formula.consequent, extended)
            if value is False:
                return False
            unknown = unknown or value is None
        return None if unknown or (search.partial and not self.model.finite) else True

    def solutions(
        self, variables: tuple[str, ...], premises: list[Formula], env: Env, search: "_Search"
    ) -> Iterator[Env | None]:
        """Extensions of ``env`` to ``variables`` under which every premise holds (``None`` for
        an extension under which some premise is unknown). ``search.partial`` is set when a
        variable had to range over a finite part of the model."""
        # a variable used as a set (x ∈ M) or a relation (g(x) = y) ranges over sets or
        # relations, not elements: it stays unbound, and an atom that needs it is unknown
        unbound = [v for v in variables if v not in env and not any(_higher(v, p) for p in premises)]
        if not unbound:
            values = [self.holds(p, env) for p in premises]
            if all(v is True for v in values):
                yield env
            elif not any(v is False for v in values):
                yield None
            return
        for premise in premises:
            determined = self._determined(premise, env, unbound)
            if determined is not None:
                variable, value = determined
                if value is None:
                    yield None
                    return
                yield from self.solutions(variables, premises, {**env, variable: value}, search)
                return
        search.partial = True
        variable = unbound[0]
        guarded = any(
            isinstance(p, Atom) and p.pred == "in" and p.args == (variable, self.model.carrier) for p in premises
        )
        for value in self.domain if guarded else self.values:
            yield from self.solutions(variables, premises, {**env, variable: value}, search)

    def _determined(self, premise: Formula, env: Env, unbound: list[str]) -> tuple[str, int | None] | None:
        """A variable whose value a functional premise fixes, with that value."""
        if not isinstance(premise, Atom):
            return None
        args = premise.args
        if premise.pred == "=":
            for known, other in ((args[0], args[1]), (args[1], args[0])):
                if other in unbound and known not in unbound and self.term(known, env) is not None:
                    return other, self.term(known, env)
            return None
        if premise.pred in FUNCTION_ATOMS and args[-2] in unbound and args[-1] not in self.model.relations \
                and args[-1] not in self.model.truths and args[-1] not in env:
            inputs = [self.term(a, env) if a not in unbound else None for a in args[:-2]]
            if None in inputs:
                return None
            return args[-2], self.model.apply(args[-1], tuple(inputs))  # type: ignore[arg-type]
        return None


def _higher(variable: str, formula: Formula) -> bool:
    """Whether ``formula`` uses the free ``variable`` as a set (``x ∈ variable``) or as a relation
    or function (``variable(x) = y``); a quantifier that rebinds the name hides it."""
    if isinstance(formula, Atom):
        return bool(formula.args) and formula.args[-1] == variable and (formula.pred == "in" or formula.pred in FUNCTION_ATOMS)
    if isinstance(formula, Not):
        return _higher(variable, formula.body)
    if isinstance(formula, And):
        return _higher(variable, formula.left) or _higher(variable, formula.right)
    if isinstance(formula, Forall):
        return variable not in formula.variables and (
            _higher(variable, formula.antecedent) or _higher(variable, formula.consequent))
    return False


def counterexample(statement: Formula, models: Models) -> Counterexample | None:
    """An assignment refuting ``statement`` (definitions expanded) in the first of ``models``
    that has one, or ``None``."""
    for model in as_list(models):
        evaluator = _Evaluator(model)
        if not isinstance(statement, Forall):
            if evaluator.holds(statement, {}) is False:
                return Counterexample({}, model)
            continue
        premises = list(conjuncts(statement.antecedent))
        for env in evaluator.solutions(statement.variables, premises, {}, _Search()):
            if env is not None and evaluator.holds(statement.consequent, env) is False:
                return Counterexample({v: env[v] for v in statement.variables if v in env}, model)
    return None


def vacuous(statement: Formula, models: Models) -> bool:
    """Whether no assignment in any of ``models`` can satisfy the premises of ``∀x̄ (A → B)``:
    every assignment makes some premise false."""
    models = as_list(models)
    if not isinstance(statement, Forall) or not models:
        return False
    premises = list(conjuncts(statement.antecedent))
    return all(
        next(iter(_Evaluator(model).solutions(statement.variables, premises, {}, _Search())), False) is False
        for model in models
    )


def satisfies(model: GroundModel, formulas: tuple[Formula, ...]) -> bool:
    """Whether every formula is known to hold in ``model``."""
    evaluator = _Evaluator(model)
    return all(evaluator.holds(formula, {}) is True for formula in formulas)


def evaluated_sides(theory: Theory, statement: Formula, found: Counterexample) -> list[dict[str, Any]] | None:
    """The two sides of a refuted equation evaluated at the counterexample — ``a * b`` is 4 but
    ``b * a`` is 5 — or None when the statement is no equation between terms (or the model does
    not know a value)."""
    operations = {op.name: op.inputs for op in theory.signature.operations if op.is_operation}
    law = read_law(statement, operations)
    if law is None:
        return None

    def value(term: Term) -> int | None:
        if term.variable:
            return found.assignment.get(term.head)
        if not term.args:
            return found.model.constants.get(term.head)
        args = [value(a) for a in term.args]
        return None if None in args else found.model.apply(term.head, tuple(args))  # type: ignore[arg-type]

    sides = [{"term": side.text(), "value": value(side)} for side in (law.left, law.right)]
    if any(side["value"] is None for side in sides) or sides[0]["value"] == sides[1]["value"]:
        return None
    return sides


def screen_goals(theory: Theory, models: Models, names: frozenset[str] | None = None) -> dict[str, dict[str, Any]]:
    """The stated theorems (those named in ``names``, else all) a model refutes, or whose
    premises never hold in it: name → goal entry of a run summary (the refuted ones also carry
    ``refuted``, their entry for ``refuted.json``)."""
    definitions = {d.name: d for d in theory.definitions}
    screened: dict[str, dict[str, Any]] = {}
    for theorem in theory.theorems:
        if names is not None and theorem.name not in names:
            continue
        expanded = expand(theorem.formula, definitions)
        found = counterexample(expanded, models)
        if found is not None:
            where = {"model": found.model.label} if found.model.finite else {}
            sides = evaluated_sides(theory, expanded, found)
            screened[theorem.name] = {
                "name": theorem.name, "status": "refuted", "counterexample": found.assignment, **where,
                "refuted": {"name": theorem.name, "statement": readable(theorem.formula),
                            "counterexample": found.assignment,
                            **({"sides": sides} if sides else {}),
                            **({"model": found.model.describe()} if found.model.finite else {})}}
        elif vacuous(expanded, models):
            screened[theorem.name] = {"name": theorem.name, "status": "unproved",
                                      "reason": "vacuous: its premises never hold in the model"}
    return screened
