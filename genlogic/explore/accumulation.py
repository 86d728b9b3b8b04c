"""Conjectures about definitions by accumulation: the recursion a fold's definition hides.

GL defines a sum as a statement that an accumulator exists:
``Fold[…, f, n, m, p] := ∃M g (… g(n) = f(n) … g(s(i)) = g(i) + f(s(i)) … g(m) = p)``. No
equation over the theory's operations mentions it, so the equational conjectures never do; an
induction over the fold needs its recursion as lemmas. :func:`accumulations` recognises such a
definition from the meaning of its parts, read as equations by :func:`~genlogic.engine.laws.read_law`
(however the user phrased them: nested terms, values named by premises, either side first):

* an existential variable ``g`` used as a function, with a part ``g(e) = o`` for two
  parameters: the *end* ``e`` and the *output* ``o``;
* a part giving ``g(b)`` for a parameter ``b`` (the *start*) as a term without ``g``: the base;
* a part giving ``g(σ(i))`` as a term of ``g(i)``, for a unary function parameter ``σ``: the
  step (σ is the *successor*: an instance whose argument there is the step of one of the theory's
  induction schemas runs along that schema).

:func:`lemmas` states, for each instance of such a definition in the stated goals (its other
parameters as the goal has them, the start at the schema's base), the recursion as two
conjectures — the base ``D(…, b, b, o) → o = B`` and the step ``k ∈ X ∧ step(k) = m ∧ D(…, b, m,
o) → ∃q (q ∈ X ∧ D(…, b, k, q) ∧ R(q, k) = o)`` — which exploration proves in Logic Blocks before
the goals that need them. They are conjectures like any other: the engine proves them or not.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count, islice, product

from genlogic.engine.block import existential_parts, is_existential
from genlogic.engine.laws import read_law
from genlogic.engine.terms import Term, apply, leaf
from genlogic.mpl.ast import FUNCTION_ATOMS, Atom, Forall, Formula, Not, conjoin, conjuncts, free_identifiers, subformulas
from genlogic.mpl.printer import readable
from genlogic.theory.model import Definition, InductionSchema, Theory


@dataclass(frozen=True)
class Accumulation:
    """A definition whose existential accumulator ``g`` runs from parameter ``start`` to ``end``
    (positions in its parameters) and ends at ``output``: ``g(start) = base``, ``g(step(index)) =
    step_term`` where ``accumulated`` stands for ``g(index)``."""

    definition: Definition
    start: int
    end: int
    output: int
    successor: int  # the parameter the step applies to ``index``
    base: Term  # over the definition's parameters (constant leaves)
    step_term: Term  # over ``index``, ``accumulated`` and the parameters
    index: str
    accumulated: str
    levels: int  # existentials nested in the definition (its witnesses' depth, at least)


@dataclass(frozen=True)
class Lemma:
    """A conjecture about an instance of an accumulation."""

    name: str
    statement: Formula
    text: str
    symbols: frozenset[str]
    depth: int  # the witness depth a block proving it needs: the accumulator's, and its values'


def accumulations(theory: Theory) -> list[Accumulation]:
    """The definitions of ``theory`` recognised as accumulations."""
    found = []
    for definition in theory.definitions:
        if not definition.is_anchor and is_existential(definition.body):
            recognised = _recognise(definition)
            if recognised is not None:
                found.append(recognised)
    return found


def _recognise(definition: Definition) -> Accumulation | None:
    params = definition.params
    variables, parts, levels = _flat(definition.body)
    functions = {atom.args[-1]: FUNCTION_ATOMS[atom.pred] for part in parts for atom in subformulas(part)
                 if isinstance(atom, Atom) and atom.pred in FUNCTION_ATOMS}
    for accumulator in variables:
        if functions.get(accumulator) != 1:
            continue
        ends = [(params.index(p.args[0]), params.index(p.args[1])) for p in parts
                if isinstance(p, Atom) and p.pred == "in2" and p.args[2] == accumulator
                and p.args[0] in params and p.args[1] in params and p.args[0] != p.args[1]]
        laws = [law for part in parts if (law := read_law(_without_guards(part), functions)) is not None]
        for end, output in ends:
            base = step = None
            for law in laws:
                for left, right in ((law.left, law.right), (law.right, law.left)):
                    if left.head != accumulator or left.variable or _mentions(right, accumulator):
                        continue
                    (argument,) = left.args
                    if not argument.args and not argument.variable and argument.head in params:
                        start = params.index(argument.head)
                        if start not in (end, output) and not right.variables():
                            base = (start, right)
                for left, right in ((law.left, law.right), (law.right, law.left)):
                    if left.head != accumulator or left.variable:
                        continue
                    (argument,) = left.args
                    if argument.head not in params or len(argument.args) != 1 or not argument.args[0].variable:
                        continue
                    index = argument.args[0].head
                    before = apply(accumulator, (Term(1, index, (), True),))
                    if _count(right, before) == 1 and _count(right, accumulator, heads=True) == 1:
                        step = (params.index(argument.head), index, right, before)
            if base is not None and step is not None:
                successor, index, term, before = step
                accumulated = _fresh("acc", {index, *params})
                return Accumulation(definition, base[0], end, output, successor, base[1],
                                    _replace(term, before, Term(1, accumulated, (), True)), index, accumulated,
                                    levels)
    return None


def _flat(existential: Formula) -> tuple[list[str], list[Formula], int]:
    """The variables and parts of ``∃x̄ (A ∧ ∃ȳ (B ∧ …))`` as of ``∃x̄ ȳ (A ∧ B ∧ …)``, and how
    many existentials were nested: GL nests the accumulator's quantifier inside the interval's
    (``∃M (interval(M) ∧ ∃g (…))``)."""
    variables, parts, levels = list(existential.body.variables), [], 1
    for part in existential_parts(existential, {}):
        if is_existential(part) and not set(part.body.variables) & set(variables):
            inner, nested, deeper = _flat(part)
            variables += inner
            parts += nested
            levels = max(levels, 1 + deeper)
        else:
            parts.append(part)
    return variables, parts, levels


def _without_guards(formula: Formula) -> Formula:
    """``formula`` without the premises that only say where a variable lies (``i ∈ M``, ``s(i) ∈
    M``): what is left of a clause about the accumulator is the equation it states. A level left
    with no premise joins the next one."""
    if not isinstance(formula, Forall):
        return formula
    kept = [p for p in conjuncts(formula.antecedent) if isinstance(p, Atom) and p.pred in FUNCTION_ATOMS]
    inner = _without_guards(formula.consequent)
    if kept:
        return Forall(formula.variables, conjoin(kept), inner)
    if isinstance(inner, Forall):
        return Forall(formula.variables + inner.variables, inner.antecedent, inner.consequent)
    return formula


def _mentions(term: Term, head: str) -> bool:
    return term.head == head or any(_mentions(a, head) for a in term.args)


def _count(term: Term, target: Term | str, heads: bool = False) -> int:
    here = (term.head == target and not term.variable) if heads else term == target
    return int(here) + sum(_count(a, target, heads) for a in term.args)


def _replace(term: Term, old: Term, new: Term) -> Term:
    if term == old:
        return new
    return apply(term.head, tuple(_replace(a, old, new) for a in term.args)) if term.args else term


def _fresh(base: str, taken: set[str]) -> str:
    for number in count():
        name = f"{base}{number}" if number else base
        if name not in taken:
            return name
    raise AssertionError  # unreachable: count() never ends


#: instances of an accumulation that exploration without stated goals conjectures lemmas for, at
#: most (each costs a few Logic-Block attempts)
UNUSED_INSTANCES = 4


def lemmas(theory: Theory, goals: tuple[Formula, ...], reserved: frozenset[str]) -> list[Lemma]:
    """The base and step conjectures of every accumulation, for each instance the ``goals``
    mention (distinct arguments outside the start, end and output), in the goals' order; without
    goals, for its first :data:`UNUSED_INSTANCES` instances by the theory's constants of each
    parameter's kind (in the anchor's order)."""
    constants = {c.name for c in theory.signature.constants}
    taken = set(reserved)
    found: list[Lemma] = []
    for accumulation in accumulations(theory):
        definition = accumulation.definition
        moving = {accumulation.start, accumulation.end, accumulation.output}
        instances: list[tuple[str, ...]] = []
        for goal in goals:
            for atom in subformulas(goal):
                if not isinstance(atom, Atom) or atom.pred != definition.name:
                    continue
                fixed = tuple(a for i, a in enumerate(atom.args) if i not in moving)
                if all(a in constants for a in fixed) and atom.args not in instances:
                    instances.append(atom.args)
        if not goals:  # exploration without goals: some instances by kind
            instances = _instances(theory, accumulation)
        for args in instances:
            schema = next((s for s in theory.signature.induction if s.step == args[accumulation.successor]), None)
            if schema is None:  # the instance does not run along an induction schema
                continue
            for kind, statement in _statements(accumulation, schema, args, constants):
                name = _fresh(f"{definition.name.lower()}_{kind}", taken)
                taken.add(name)
                symbols = frozenset(free_identifiers(statement) & constants)
                found.append(Lemma(name, statement, readable(statement), symbols, accumulation.levels + 1))
    return found


def unstated(theory: Theory, goals: tuple[Formula, ...]) -> list[str]:
    """Why an instance of an accumulation that the goals use gets lemmas that may not serve it, or
    none: its successor is no induction schema's step (no lemma), or it starts elsewhere than at
    the schema's base (the lemmas are stated from the base; a step from another start needs an
    order the theory may not have). Said in the run summary, never silently."""
    constants = {c.name for c in theory.signature.constants}
    notes = []
    for accumulation in accumulations(theory):
        name = accumulation.definition.name
        for goal in goals:
            for atom in subformulas(goal):
                if not isinstance(atom, Atom) or atom.pred != name:
                    continue
                text = f"{name}[{', '.join(atom.args)}]"
                schema = next((s for s in theory.signature.induction if s.step == atom.args[accumulation.successor]),
                              None)
                if schema is None:
                    notes.append(f"{text}: its step {atom.args[accumulation.successor]} is no induction schema's "
                                 "step, so no recursion lemma is stated for it")
                elif atom.args[accumulation.start] != schema.base and atom.args[accumulation.start] in constants:
                    notes.append(f"{text}: it starts at {atom.args[accumulation.start]}, the recursion lemmas are "
                                 f"stated from {schema.base}")
    return list(dict.fromkeys(notes))


def _instances(theory: Theory, accumulation: Accumulation) -> list[tuple[str, ...]]:
    """Arguments for the definition from the theory's constants, each of its parameter's kind (the
    successor an induction schema's step; start, end and output stand in for themselves, replaced
    by the statements), the first :data:`UNUSED_INSTANCES` in the anchor's order."""
    definition = accumulation.definition
    steps = [schema.step for schema in theory.signature.induction]
    choices = []
    for index, (param, kind) in enumerate(zip(definition.params, definition.kinds)):
        if index in (accumulation.start, accumulation.end, accumulation.output):
            choices.append([param])
        elif index == accumulation.successor:
            choices.append(steps)
        else:
            choices.append([c.name for c in theory.signature.constants if c.kind == kind])
    return list(islice(product(*choices), UNUSED_INSTANCES))


def _statements(accumulation: Accumulation, schema: InductionSchema, args: tuple[str, ...],
                constants: set[str]) -> list[tuple[str, Formula]]:
    """The base and step statements for the instance ``args`` (start: the schema's base)."""
    definition = accumulation.definition
    taken = set(constants) | set(args) | {accumulation.index, accumulation.accumulated}
    names = iter(_fresh(base, taken) for base in ("k", "m", "o", "q"))
    k, m, o, q = (next(names) for _ in range(4))
    taken |= {k, m, o, q}
    outside = {p: a for i, (p, a) in enumerate(zip(definition.params, args))
               if i not in (accumulation.start, accumulation.end, accumulation.output)}
    start = schema.base

    def instance(end: str, output: str) -> Atom:
        values = list(args)
        values[accumulation.start], values[accumulation.end], values[accumulation.output] = start, end, output
        return Atom(definition.name, tuple(values))

    found = []
    base = _flatten(_rename(accumulation.base, {**outside, definition.params[accumulation.start]: start}), taken)
    if base is not None:
        premises, value, variables = base
        statement = Forall((o, *variables), conjoin([*premises, instance(start, o)]), Atom("=", (o, value)))
        found.append(("base", statement))
    step = _rename(accumulation.step_term, {**outside, definition.params[accumulation.start]: start})
    step = _replace(step, apply(schema.step, (Term(1, accumulation.index, (), True),)), leaf(m, False))  # σ(i) is m
    step = _rename(step, {accumulation.index: k, accumulation.accumulated: q})
    if step.args and not any(_mentions(a, q) and a.args for a in step.args):
        flattened = [_flatten(a, taken) for a in step.args]
        if all(f is not None for f in flattened):
            premises = [p for f in flattened for p in f[0]]
            variables = tuple(v for f in flattened for v in f[2])
            inputs = tuple(f[1] for f in flattened)
            value = Atom(_function_atom(len(inputs)), (*inputs, o, step.head))
            exists = Not(Forall((q,), conjoin([Atom("in", (q, schema.carrier)), instance(k, q)]), Not(value)))
            antecedent = conjoin([Atom("in", (k, schema.carrier)), Atom("in2", (k, m, schema.step)), *premises,
                                  instance(m, o)])
            found.append(("step", Forall((k, m, o, *variables), antecedent, exists)))
    return found


def _function_atom(inputs: int) -> str:
    return next(pred for pred, arity in FUNCTION_ATOMS.items() if arity == inputs)


def _rename(term: Term, mapping: dict[str, str]) -> Term:
    """Every name in ``mapping`` (a parameter, also as a function applied; a variable) renamed; a
    variable stays a variable."""
    if not term.args:
        if term.head not in mapping:
            return term
        return Term(1, mapping[term.head], (), term.variable)
    return apply(mapping.get(term.head, term.head), tuple(_rename(a, mapping) for a in term.args))


def _flatten(term: Term, taken: set[str]) -> tuple[list[Formula], str, tuple[str, ...]] | None:
    """``term`` as premises naming each compound subterm's value by a new variable: the premises,
    the name of the term's value and the new variables (innermost first)."""
    if not term.args:
        return [], term.head, ()
    premises: list[Formula] = []
    variables: list[str] = []
    inputs = []
    for arg in term.args:
        inner = _flatten(arg, taken)
        if inner is None:
            return None
        premises += inner[0]
        variables += inner[2]
        inputs.append(inner[1])
    name = _fresh("t", taken)
    taken.add(name)
    premises.append(Atom(_function_atom(len(inputs)), (*inputs, name, term.head)))
    return premises, name, (*variables, name)
