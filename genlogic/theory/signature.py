"""Recognises, from the axioms' canonical clauses alone, what later stages need to know about
the anchor's constants: which relations are functional, total, closed and injective, and which
facts are induction principles. Nothing here looks at a name or an argument position of the
theory: only at the shape of the clauses (:mod:`genlogic.theory.clauses`, read through
:mod:`genlogic.mpl.shape`).

This is the one place where such facts are recognised. What it recognises it passes on as facts
in one canonical form, which the replay cites instead of matching axioms again:

* totality ``∀ā (ā ∈ X → ∃c (g(ā) = c ∧ c ∈ X))`` — the axiom itself when it has that shape,
  else a lemma ``normal_total_<i>`` (i: the axiom where totality was found), e.g. when the
  value's membership is a separate closure clause or the quantifiers are curried;
* functionality ``∀ā c d ([ā ∈ X ∧] g(ā) = c ∧ g(ā) = d → c = d)`` — the axiom itself, or a
  lemma ``normal_functional_<i>`` when only unique existence (``∃c (g(ā) = c ∧ ∀d (g(ā) = d →
  d = c))``) says so;
* the induction schema, from a fact of the canonical induction form;
* a recursion equation written the other way round (``s(a + b) = a + s(b)``) also in its
  defining direction, a lemma ``normal_oriented_<i>``, and an equation about a variable that
  only names an operation's value (``a · 0 = b → b = 0``) as that value (``a · 0 = 0``), a lemma
  ``normal_value_<i>``: the ground model computes tables with them.
"""

from __future__ import annotations

from genlogic.mpl.ast import FUNCTION_ATOMS, Atom, Forall, Formula, Not, conjoin, conjuncts, free_identifiers
from genlogic.mpl.shape import Clause, as_clause, as_existential
from genlogic.theory.clauses import Fact, facts_of
from genlogic.theory.model import RELATION_ATOMS, Constant, InductionSchema, Operation, Signature


def recognise(constants: tuple[Constant, ...], axioms: tuple[Formula, ...]) -> Signature:
    names = {c.name for c in constants}
    facts = list(facts_of(axioms, frozenset(names)))
    clauses = [as_clause(fact.formula) for fact in facts]
    operations = []
    for constant in constants:
        if constant.kind in RELATION_ATOMS:
            operations.append(_operation(constant, facts, clauses, names))
    induction = []
    for index, clause in enumerate(clauses):
        schema = _induction(clause, names, facts[index], index)
        if schema is not None:
            induction.append(schema)
    constructors = {name for schema in induction for name in (schema.base, schema.step)}
    relations = {op.name for op in operations if op.is_operation}
    supporting = tuple(sorted({a for op in operations if op.is_operation
                               for f in (op.total_fact, op.functional_fact) for a in facts[f].axioms}))
    for index, clause in enumerate(clauses):
        axiom = facts[index].axioms[0]
        sources = tuple(sorted({axiom, *supporting}))
        oriented = _oriented(clause, constructors, relations)
        if oriented is not None:
            facts.append(Fact(oriented, sources, f"normal_oriented_{axiom + 1}"))
        valued = _valued(clause, relations)
        if valued is not None:
            facts.append(Fact(valued, sources, f"normal_value_{axiom + 1}"))
    return Signature(constants, tuple(operations), tuple(induction), tuple(facts))


def _valued(clause: Clause, operations: set[str]) -> Formula | None:
    """``∀a b (a ∈ N ∧ a · 0 = b → b = 0)`` — what the value of an operation is equal to, said
    of a variable that only names it — as the operation's value: ``∀a (a ∈ N → a · 0 = 0)``.
    ``None`` for any other clause."""
    conclusion = clause.conclusion
    if not (isinstance(conclusion, Atom) and conclusion.pred == "=" and conclusion.args[0] != conclusion.args[1]):
        return None
    for named, other in (conclusion.args, reversed(conclusion.args)):
        definers = [p for p in clause.premises if isinstance(p, Atom) and p.pred in FUNCTION_ATOMS and p.args[-2] == named]
        mentions = [p for p in clause.premises if named in free_identifiers(p)]
        if named not in clause.variables or len(definers) != 1 or mentions != definers:
            continue
        (definer,) = definers
        if definer.args[-1] not in operations or named in definer.args[:-2]:
            continue
        if any(isinstance(p, Atom) and p.pred in FUNCTION_ATOMS and p.args[-2] == other for p in clause.premises):
            continue  # both sides name values: a functionality clause, not a value
        premises = [p for p in clause.premises if p is not definer]
        value = Atom(definer.pred, (*definer.args[:-2], other, definer.args[-1]))
        variables = tuple(v for v in clause.variables if v != named)
        if not premises:
            return value if not variables else None
        return Forall(variables, conjoin(premises), value) if variables else None
    return None


def _oriented(clause: Clause, constructors: set[str], operations: set[str]) -> Formula | None:
    """A recursion written the other way round, ``s(a + b) = a + s(b)``, read as its defining
    direction: the clause concludes ``C`` = s(_1) = _3 while the premise ``E`` defining _3,
    a + _2 = _3, applies an operation to a constructor term (_2 = s(b)) and ``C`` does not. The
    oriented clause has the same premises with ``C`` in place of ``E`` and concludes ``E``;
    ``None`` when the clause is not such a recursion."""
    conclusion = clause.conclusion
    if not (isinstance(conclusion, Atom) and conclusion.pred in FUNCTION_ATOMS and conclusion.args[-1] in operations):
        return None
    output = conclusion.args[-2]
    defining = [p for p in clause.premises if isinstance(p, Atom) and p.pred in FUNCTION_ATOMS and p.args[-2] == output]
    if output not in clause.variables or len(defining) != 1:
        return None
    (premise,) = defining
    definitions = {p.args[-2]: p for p in clause.premises if isinstance(p, Atom) and p.pred in FUNCTION_ATOMS}

    def recursive(atom: Atom) -> bool:
        if atom.args[-1] in constructors:
            return False
        return any(a in constructors or (a in definitions and definitions[a].args[-1] in constructors)
                   for a in atom.args[:-2])

    if not recursive(premise) or recursive(conclusion):
        return None
    premises = [conclusion if p is premise else p for p in clause.premises]
    return Forall(clause.variables, conjoin(premises), premise)
def _split(atom: Atom) -> tuple[tuple[str, ...], str, str]:
    """(inputs, output, relation) of a function atom."""
    return atom.args[:-2], atom.args[-2], atom.args[-1]


def _uses(formula: Formula, pred: str, relation: str) -> bool:
    return isinstance(formula, Atom) and formula.pred == pred and formula.args[-1] == relation


def _guards_only(premises: list[Formula]) -> bool:
    return all(isinstance(p, Atom) and p.pred == "in" for p in premises)


def _operation(constant: Constant, facts: list[Fact], clauses: list[Clause], constants: set[str]) -> Operation:
    """Recognise what the clauses say about relation ``constant``; append the canonical
    totality and functionality lemmas to ``facts`` when no fact states them as they are."""
    pred = RELATION_ATOMS[constant.kind]
    name = constant.name
    functional = injective = closed_by_existence = False
    functional_fact = total_at = unique_at = None
    domain = None
    closed_sets: dict[str, int] = {}  # set → the fact saying the values stay in it
    for index, clause in enumerate(clauses):
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
            if in1 == in2 and out1 != out2 and set(conclusion.args) == {out1, out2} and functional_fact is None:
                functional = True
                if _functionality_shape(facts[index].formula, name):
                    functional_fact = index
                else:  # curried: its one-level clause is the canonical statement
                    flat = Forall(clause.variables, conjoin(list(clause.premises)), conclusion)
                    lemma = f"normal_functional_{facts[index].axioms[0] + 1}"
                    functional_fact = _add(facts, Fact(flat, facts[index].axioms, lemma))
            if out1 == out2 and len(in1) == 1 and in1 != in2 and set(conclusion.args) == {in1[0], in2[0]}:
                injective = True
        elif len(mine) == 1 and isinstance(conclusion, Atom) and conclusion.pred == "in":
            inputs, output, _ = _split(mine[0])
            sets = {p.args[1] for p in rest if p.args[0] in inputs}
            if conclusion.args[0] == output and output in bound and sets <= {conclusion.args[1]}:
                closed_sets.setdefault(conclusion.args[1], index)
        elif not mine:
            found = _total(clause, pred, name, bound, constants)
            if found is not None and domain is None:
                domain, closed_by_existence, unique = found
                total_at = index
                if unique:
                    unique_at = index
    closed = domain is not None and (closed_by_existence or domain in closed_sets)
    inputs = FUNCTION_ATOMS[pred]
    if unique_at is not None and not functional:
        functional = True
        statement = _functionality_statement(pred, name, inputs, domain, constants)
        functional_fact = _add(facts, Fact(statement, facts[unique_at].axioms, f"normal_functional_{facts[unique_at].axioms[0] + 1}"))
    total_fact = None
    if closed and functional:
        if _totality_shape(facts[total_at].formula, name, domain):
            total_fact = total_at
        else:
            statement = _totality_statement(pred, name, inputs, domain, constants)
            sources = facts[total_at].axioms
            if not closed_by_existence:
                sources = tuple(sorted(set(sources) | set(facts[closed_sets[domain]].axioms)))
            total_fact = _add(facts, Fact(statement, sources, f"normal_total_{facts[total_at].axioms[0] + 1}"))
    return Operation(name, inputs, functional, domain, closed, injective, total_fact, functional_fact)


def _add(facts: list[Fact], fact: Fact) -> int:
    facts.append(fact)
    return len(facts) - 1


def _fresh(count: int, constants: set[str], base: str) -> list[str]:
    """``count`` variable names that are no constant: x, y, z, u, v, w, then x1, x2, …"""
    candidates = [*"xyzuvw", *(f"{base}{i}" for i in range(1, count + len(constants) + 1))]
    return [name for name in candidates if name not in constants][:count]


def _totality_statement(pred: str, name: str, inputs: int, domain: str, constants: set[str]) -> Formula:
    """∀ā (ā ∈ X → ∃c (g(ā) = c ∧ c ∈ X)), in MPL's encoding of ∃: !(>[c](G)!(B))."""
    *args, value = _fresh(inputs + 1, constants, "x")
    application = Atom(pred, (*args, value, name))
    exists = Not(Forall((value,), application, Not(Atom("in", (value, domain)))))
    return Forall(tuple(args), conjoin([Atom("in", (a, domain)) for a in args]), exists)


def _functionality_statement(pred: str, name: str, inputs: int, domain: str, constants: set[str]) -> Formula:
    """∀ā c d (ā ∈ X ∧ g(ā) = c ∧ g(ā) = d → c = d)."""
    *args, first, second = _fresh(inputs + 2, constants, "x")
    guards = [Atom("in", (a, domain)) for a in args]
    values = [Atom(pred, (*args, first, name)), Atom(pred, (*args, second, name))]
    return Forall((*args, first, second), conjoin(guards + values), Atom("=", (first, second)))


def _totality_shape(formula: Formula, op: str, domain: str) -> bool:
    """∀ā (ā ∈ domain → ∃c: g(ā) = c ∧ c ∈ domain), one level, guards in any order: the form
    the replay instantiates."""
    if not (isinstance(formula, Forall) and isinstance(formula.consequent, Not)):
        return False
    guards = list(conjuncts(formula.antecedent))
    if sorted(guards, key=str) != sorted((Atom("in", (v, domain)) for v in formula.variables), key=str):
        return False
    existential = as_existential(formula.consequent)
    if existential is None or len(existential.variables) != 1:
        return False
    (output,) = existential.variables
    parts = existential.parts
    value = [p for p in parts if isinstance(p, Atom) and p.args[-1:] == (op,) and p.args[-2] == output]
    return (
        len(parts) == 2 and len(value) == 1 and Atom("in", (output, domain)) in parts
        and sorted(value[0].args[:-2]) == sorted(formula.variables)
        and len(set(value[0].args[:-2])) == len(value[0].args) - 2
    )


def _functionality_shape(formula: Formula, op: str) -> bool:
    """∀v̄ ([guards ∧] g(ā) = c ∧ g(ā) = d → c = d), one level: the form the replay applies."""
    if not (isinstance(formula, Forall) and isinstance(formula.consequent, Atom)):
        return False
    premises = [p for p in conjuncts(formula.antecedent) if not (isinstance(p, Atom) and p.pred == "in")]
    return len(premises) == 2 and all(isinstance(p, Atom) and p.args[-1:] == (op,) for p in premises)


def _total(clause: Clause, pred: str, name: str, bound: set[str], constants: set[str]) -> tuple[str, bool, bool] | None:
    """∀ inputs (inputs ∈ X → ∃ out (R(inputs, out) [∧ out ∈ X] [∧ ∀d (R(inputs, d) → d = out)]))
    gives (X, closed, unique)."""
    existential = as_existential(clause.conclusion)
    if existential is None:
        return None
    atoms = list(dict.fromkeys(p for p in existential.parts if _uses(p, pred, name)))  # a part may repeat
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
    others = [p for p in existential.parts if p != atoms[0] and not _trivial(p)]
    unique = [p for p in others if _uniqueness(p, atoms[0], pred, name)]
    others = [p for p in others if p not in unique]
    closed = any(isinstance(p, Atom) and p.pred == "in" and p.args == (output, carrier) for p in others)
    if not all(isinstance(p, Atom) and p.pred == "in" and p.args[0] == output for p in others):
        return None
    return carrier, closed, bool(unique)


def _trivial(part: Formula) -> bool:
    """``y = y``: a guard that says nothing (``not (forall c: c = c -> not …)`` is ∃c …)."""
    return isinstance(part, Atom) and part.pred == "=" and part.args[0] == part.args[1]


def _uniqueness(part: Formula, value: Atom, pred: str, name: str) -> bool:
    """``∀d (g(ā) = d → d = c)`` for the value atom ``g(ā) = c``."""
    if not isinstance(part, Forall):
        return False
    clause = as_clause(part)
    if len(clause.variables) != 1 or len(clause.premises) != 1:
        return False
    (other,) = clause.variables
    (premise,) = clause.premises
    inputs, output, _ = _split(value)
    expected = Atom(pred, (*inputs, other, name))
    conclusion = clause.conclusion
    return premise == expected and isinstance(conclusion, Atom) and conclusion.pred == "=" and set(conclusion.args) == {other, output}


def _induction(clause: Clause, constants: set[str], fact: Fact, index: int) -> InductionSchema | None:
    """∀P: base ∈ P ∧ (∀k m: k ∈ P ∧ step(k) = m → m ∈ P) → ∀n (n ∈ X → n ∈ P), the canonical
    form of theory/clauses.py (its clause view has the premises base, step and n ∈ X)."""
    formula = fact.formula
    if not (isinstance(formula, Forall) and isinstance(formula.consequent, Forall)):
        return None
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
    return InductionSchema(carrier, base, step, fact.axioms[0], index)


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
