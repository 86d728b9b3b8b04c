"""Recognises, from the expanded axioms alone, what later stages need to know about the
anchor's constants: which relations are functional, total, closed and injective, and which
axioms are induction principles. Nothing here looks at a name or an argument position of the
theory: only at the shape of the axioms (as :mod:`genlogic.mpl.shape` clauses).
"""

from __future__ import annotations

from genlogic.mpl.ast import Atom, Forall, Formula
from genlogic.mpl.shape import Clause, as_clause, as_existential
from genlogic.theory.model import Constant, InductionSchema, Kind, Operation, Signature

_RELATION_ATOM = {Kind.RELATION2: "in2", Kind.RELATION3: "in3"}


def recognise(constants: tuple[Constant, ...], axioms: tuple[Formula, ...]) -> Signature:
    clauses = [as_clause(axiom) for axiom in axioms]
    names = {c.name for c in constants}
    operations = []
    for constant in constants:
        if constant.kind in _RELATION_ATOM:
            operations.append(_operation(constant, clauses, names))
    induction = []
    for index, clause in enumerate(clauses):
        schema = _induction(clause, names, index)
        if schema is not None:
            induction.append(schema)
    return Signature(constants, tuple(operations), tuple(induction))


def _split(atom: Atom) -> tuple[tuple[str, ...], str, str]:
    """(inputs, output, relation) of an in2/in3 atom."""
    return atom.args[:-2], atom.args[-2], atom.args[-1]


def _uses(formula: Formula, pred: str, relation: str) -> bool:
    return isinstance(formula, Atom) and formula.pred == pred and formula.args[-1] == relation


def _guards_only(premises: list[Formula]) -> bool:
    return all(isinstance(p, Atom) and p.pred == "in" for p in premises)


def _operation(constant: Constant, clauses: list[Clause], constants: set[str]) -> Operation:
    pred = _RELATION_ATOM[constant.kind]
    name = constant.name
    functional = injective = closed_by_existence = False
    domain = None
    closed_sets: set[str] = set()
    for clause in clauses:
        bound = set(clause.variables)
        mine = [p for p in clause.premises if _uses(p, pred, name)]
        rest = [p for p in clause.premises if not _uses(p, pred, name)]
        if not _guards_only(rest):
            continue
        conclusion = clause.conclusion
        if len(mine) == 2 and isinstance(conclusion, Atom) and conclusion.pred == "=":
            (in1, out1, _), (in2, out2, _) = _split(mine[0]), _split(mine[1])
            if not set(in1) | set(in2) | {out1, out2} <= bound:
                continue
            if in1 == in2 and out1 != out2 and set(conclusion.args) == {out1, out2}:
                functional = True
            if out1 == out2 and len(in1) == 1 and in1 != in2 and set(conclusion.args) == {in1[0], in2[0]}:
                injective = True
        elif len(mine) == 1 and isinstance(conclusion, Atom) and conclusion.pred == "in":
            inputs, output, _ = _split(mine[0])
            sets = {p.args[1] for p in rest if p.args[0] in inputs}
            if conclusion.args[0] == output and output in bound and sets == {conclusion.args[1]}:
                closed_sets.add(conclusion.args[1])
        elif not mine:
            found = _total(clause, pred, name, bound, constants)
            if found is not None:
                domain, closed_by_existence = found
    closed = domain is not None and (closed_by_existence or domain in closed_sets)
    inputs = 1 if pred == "in2" else 2
    return Operation(name, inputs, functional, domain, closed, injective)


def _total(clause: Clause, pred: str, name: str, bound: set[str], constants: set[str]) -> tuple[str, bool] | None:
    """∀ inputs (inputs ∈ X → ∃ out (R(inputs, out) [∧ out ∈ X])) gives (X, closed)."""
    existential = as_existential(clause.conclusion)
    if existential is None:
        return None
    atoms = [p for p in existential.parts if _uses(p, pred, name)]
    if len(atoms) != 1:
        return None
    inputs, output, _ = _split(atoms[0])
    if output not in existential.variables or not set(inputs) <= bound or len(set(inputs)) != len(inputs):
        return None
    guard_sets = {p.args[1] for p in clause.premises if p.args[0] in inputs}
    guarded = {p.args[0] for p in clause.premises}
    if len(guard_sets) != 1 or guarded != set(inputs):
        return None
    carrier = next(iter(guard_sets))
    if carrier not in constants:
        return None
    others = [p for p in existential.parts if p is not atoms[0]]
    closed = any(isinstance(p, Atom) and p.pred == "in" and p.args == (output, carrier) for p in others)
    if not all(isinstance(p, Atom) and p.pred == "in" and p.args[0] == output for p in others):
        return None
    return carrier, closed


def _induction(clause: Clause, constants: set[str], index: int) -> InductionSchema | None:
    """∀P ∀n: base ∈ P ∧ (∀k m: k ∈ P ∧ step(k) = m → m ∈ P) ∧ n ∈ X → n ∈ P."""
    conclusion = clause.conclusion
    if not (isinstance(conclusion, Atom) and conclusion.pred == "in"):
        return None
    element, predicate = conclusion.args
    bound = set(clause.variables)
    if predicate not in bound or element not in bound or predicate in constants:
        return None
    base = carrier = step = None
    for premise in clause.premises:
        if isinstance(premise, Atom) and premise.pred == "in" and premise.args[1] == predicate and premise.args[0] in constants:
            base = premise.args[0]
        elif isinstance(premise, Atom) and premise.pred == "in" and premise.args[0] == element and premise.args[1] in constants:
            carrier = premise.args[1]
        elif isinstance(premise, Forall):
            step = _step(as_clause(premise), predicate, constants) or step
        else:
            return None
    if base is None or carrier is None or step is None:
        return None
    return InductionSchema(carrier, base, step, index)


def _step(clause: Clause, predicate: str, constants: set[str]) -> str | None:
    """∀k m: k ∈ P ∧ step(k) = m [∧ guards on k, m] → m ∈ P gives ``step``."""
    conclusion = clause.conclusion
    if not (isinstance(conclusion, Atom) and conclusion.pred == "in" and conclusion.args[1] == predicate):
        return None
    successor = conclusion.args[0]
    steps = [p for p in clause.premises if isinstance(p, Atom) and p.pred == "in2"]
    if len(steps) != 1:
        return None
    before, after, relation = steps[0].args
    if after != successor or relation not in constants or before == after:
        return None
    if Atom("in", (before, predicate)) not in clause.premises:
        return None
    for premise in clause.premises:
        if premise is steps[0] or premise == Atom("in", (before, predicate)):
            continue
        if not (isinstance(premise, Atom) and premise.pred == "in" and premise.args[0] in (before, after) and premise.args[1] in constants):
            return None
    if not {before, after} <= set(clause.variables):
        return None
    return relation
