"""Proving that a canonical clause follows from the axiom it reshapes — by a small backward
search over kernel rules, with no saturation.

A lemma of :mod:`genlogic.theory.clauses` says what its axioms say, arranged differently:
quantifiers curried or uncurried, a conjunctive conclusion split, an induction step put in
clause form. Such a lemma is proved goal-directed:

* a universal goal ``∀x̄ (A → B)`` opens a ``forall`` block whose assumption's conjuncts become
  facts, then proves ``B``;
* a conjunction is proved part by part (``and_intro``);
* any other goal is the conclusion — or a conjunct of the conclusion — of some universal fact
  after one or more of its quantifier levels: the levels are instantiated by matching that
  conclusion with the goal and the premises with facts (a universal premise is proved in turn),
  and recorded as one ``apply`` (plus ``and_elim`` into the conjunction).

* an existential goal ``∃ȳ (G…)`` is taken from a universal fact concluding ``∃c̄ (H…)`` whose
  first part matches one of the goal's: ``apply``, ``witness``, then the goal's parts of the
  witnesses, then ``exists_intro``;
* in a ``forall`` block, every existential that a universal fact concludes from the atoms at
  hand is witnessed once, so its parts are facts (unique existence gives ``∀d (g(ā) = d →
  d = c)`` about the witness ``c``);
* an equation ``a = b`` that no rule concludes is ``a = c`` and ``b = c`` for a constant ``c``
  at hand (``eq_symm``, ``eq_trans``); an operation's value ``g(ā) = c`` is a known value
  ``g(ā) = w`` and ``w = c`` (``eq_subst``).

The search tries at most :data:`WORK` goals. Anything beyond that is left to a Logic Block
(:mod:`genlogic.engine.lemmas` falls back to one).
"""

from __future__ import annotations

from dataclasses import dataclass

from genlogic.engine.block import Naming, existential_parts, is_existential
from genlogic.engine.goal import Proof, package
from genlogic.engine.proof import ProofLog
from genlogic.mpl.ast import FUNCTION_ATOMS, And, Atom, Forall, Formula, Not, conjoin, conjuncts, free_identifiers
from genlogic.mpl.normal import alpha_text
from genlogic.mpl.subst import substitute
from genlogic.theory.clauses import Fact

#: how many universal premises may be proved inside one another
DEPTH = 4
#: goals tried per lemma before the search gives up (it is a reshaping, not a proof search)
WORK = 3_000


@dataclass(frozen=True)
class Known:
    formula: Formula
    step: str


class Reshaper:
    """One lemma: the axioms it may use (each with its index), a proof log, fresh names."""

    def __init__(self, axioms: list[tuple[int, Formula]], constants: frozenset[str], lemmas: list[Fact] = ()):
        """``axioms``: (index, formula) of the axioms it may cite; ``lemmas``: proved lemmas."""
        self.log = ProofLog()
        self.work = 0
        self.naming = Naming(reserved=set(constants))
        self.root = self.naming.block("root", None)
        self.facts: list[Known] = []
        for index, axiom in axioms:
            step = self.log.record("axiom", axiom, (), self.root, axiom=index)
            self.facts.extend(self._split(axiom, step, self.root))
        for lemma in lemmas:
            step = self.log.record("theorem", lemma.formula, (), self.root, theorem=lemma.lemma)
            self.facts.extend(self._split(lemma.formula, step, self.root))

    def proof(self, name: str, statement: Formula) -> Proof | None:
        step = self.prove(statement, self.root, self.facts, DEPTH)
        return package(self.log, self.naming, name, statement, step) if step is not None else None

    def _split(self, formula: Formula, step: str, block: str) -> list[Known]:
        """The fact and, for a conjunction, its conjuncts (by ``and_elim``)."""
        found = [Known(formula, step)]
        if isinstance(formula, And):
            for side, part in enumerate((formula.left, formula.right)):
                found += self._split(part, self.log.record("and_elim", part, (step,), block, side=side), block)
        return found

    def prove(self, goal: Formula, block: str, facts: list[Known], depth: int) -> str | None:
        self.work += 1
        if self.work > WORK:
            return None
        text = alpha_text(goal)
        for fact in facts:
            if alpha_text(fact.formula) == text:
                return fact.step
        if depth < 0:
            return None
        if isinstance(goal, And):
            left = self.prove(goal.left, block, facts, depth)
            right = self.prove(goal.right, block, facts, depth) if left is not None else None
            if right is None:
                return None
            return self.log.record("and_intro", goal, (left, right), block)
        if isinstance(goal, Forall):
            return self._forall(goal, block, facts, depth)
        if is_existential(goal):
            return self._exists(goal, block, facts, depth)
        step = None
        if isinstance(goal, Atom) and goal.pred in FUNCTION_ATOMS and depth > 0:
            step = self._value(goal, block, facts, depth)  # a value at hand is the short way
        if step is None:
            step = self._by_rule(goal, block, facts, depth)
        if step is None and isinstance(goal, Atom) and goal.pred == "=":
            step = self._through(goal, block, facts, depth)
        return step

    def _value(self, goal: Atom, block: str, facts: list[Known], depth: int) -> str | None:
        """``g(ā) = c`` from a fact ``g(ā) = w`` (a witness, say) and ``w = c`` (``eq_subst``)."""
        *inputs, value, op = goal.args
        for fact in facts:
            atom = fact.formula
            if not (isinstance(atom, Atom) and atom.pred == goal.pred and atom.args[-1] == op
                    and list(atom.args[:-2]) == inputs and atom.args[-2] != value):
                continue
            equal = Atom("=", (atom.args[-2], value))
            step = self._by_rule(equal, block, facts, depth - 1) or self._through(equal, block, facts, depth - 1)
            if step is None:  # stated the other way round: c = w
                back = self._by_rule(Atom("=", (value, atom.args[-2])), block, facts, depth - 1)
                step = self.log.record("eq_symm", equal, (back,), block) if back is not None else None
            if step is not None:
                return self.log.record("eq_subst", goal, (fact.step, step), block)
        return None

    def _by_rule(self, goal: Formula, block: str, facts: list[Known], depth: int) -> str | None:
        for fact in facts:
            step = self._use(fact, goal, block, facts, depth)
            if step is not None:
                return step
        return None

    def _through(self, goal: Atom, block: str, facts: list[Known], depth: int) -> str | None:
        """``a = b`` as ``a = c`` and ``b = c`` for a constant ``c`` of the facts (each by a rule:
        the uniqueness clause of a witness says ``d = c`` for every other value ``d``)."""
        a, b = goal.args
        if a == b:
            return self.log.record("eq_refl", goal, (), block)
        middles = sorted({arg for fact in facts if isinstance(fact.formula, Atom) for arg in fact.formula.args} - {a, b})
        for c in middles:
            first = self._by_rule(Atom("=", (a, c)), block, facts, depth - 1)
            second = self._by_rule(Atom("=", (b, c)), block, facts, depth - 1) if first is not None else None
            if second is not None:
                back = self.log.record("eq_symm", Atom("=", (c, b)), (second,), block)
                return self.log.record("eq_trans", goal, (first, back), block)
        return None

    def _witnesses(self, facts: list[Known], block: str) -> list[Known]:
        """The facts, plus the parts of every existential that a universal fact concludes from
        atoms among them (instantiated once, each witness a fresh constant)."""
        found = list(facts)
        for fact in facts:
            for variables, antecedents, body in _levels(fact.formula):
                if not is_existential(body):
                    continue
                premises = [p for a, _ in antecedents for p in conjuncts(a)]
                if not all(isinstance(p, Atom) for p in premises):
                    continue
                for binding in _bindings(premises, facts, set(variables), {}):
                    if set(binding) != set(variables):
                        continue
                    steps = []
                    for premise, bound in ((p, b) for a, b in antecedents for p in conjuncts(a)):
                        instance = substitute(premise, {v: binding[v] for v in bound})
                        steps.append(next((f.step for f in facts if f.formula == instance), None))
                    if None in steps:
                        continue
                    exists, step = self._apply(fact.step, body, binding, steps, len(antecedents), block)
                    _, witnessed, step = self._take_witnesses(exists, step, block)
                    found += self._split(witnessed, step, block)
        return found

    def _forall(self, goal: Forall, block: str, facts: list[Known], depth: int) -> str | None:
        params = tuple(self.naming.parameter(v) for v in goal.variables)
        inner = self.naming.block("forall", block, params)
        mapping = dict(zip(goal.variables, params))
        assumption = substitute(goal.antecedent, mapping)
        assumed = self.log.record("assume", assumption, (), inner)
        self.naming.assumptions[inner] = assumed
        known = self._witnesses(facts + self._split(assumption, assumed, inner), inner)
        step = self.prove(substitute(goal.consequent, mapping), inner, known, depth)
        if step is None:
            return None
        return self.log.record("forall_intro", goal, (step,), block, closes=inner)

    def _exists(self, goal: Not, block: str, facts: list[Known], depth: int) -> str | None:
        """∃ȳ (G…) from a universal fact concluding ∃c̄ (H…) whose most informative part (one
        mentioning c̄ and most of the fact's variables, not ``c = c``) matches a part of the
        goal (c̄ standing for ȳ):
        instantiate it, take witnesses, prove the goal's parts of the witnesses
        (``exists_intro``)."""
        wanted = set(goal.body.variables)
        goal_parts = existential_parts(goal, {})
        for fact in facts:
            for variables, antecedents, body in _levels(fact.formula):
                if not is_existential(body):
                    continue
                inner = set(body.body.variables)
                anchors = [p for p in existential_parts(body, {}) if isinstance(p, Atom) and set(p.args) & inner
                           and not (p.pred == "=" and p.args[0] == p.args[1])]
                anchors.sort(key=lambda p: -len(set(p.args) & set(variables)))  # binding the most first
                for first, part in ((a, g) for a in anchors[:1] for g in goal_parts):
                    sigma = _match(first, part, set(variables) | inner, {})
                    if sigma is None or not all(sigma.get(c) in wanted for c in inner):
                        continue
                    universal = {v: sigma[v] for v in variables if v in sigma}
                    found = self._premises(antecedents, universal, set(variables), block, facts, depth)
                    if found is None:
                        continue
                    binding, premises = found
                    exists, step = self._apply(fact.step, body, binding, premises, len(antecedents), block)
                    witnesses, witnessed, step = self._take_witnesses(exists, step, block)
                    known = facts + self._split(witnessed, step, block)
                    chosen = {y: witnesses[c] for c, y in sigma.items() if c in inner and c in witnesses}
                    if set(chosen) != wanted:
                        continue
                    steps = [self.prove(p, block, known, depth - 1) for p in existential_parts(goal, chosen)]
                    if all(s is not None for s in steps):
                        return self.log.record("exists_intro", goal, tuple(steps), block, subst=dict(sorted(chosen.items())))
        return None

    def _apply(self, rule: str, body: Formula, binding: dict[str, str], premises: list[str], levels: int,
               block: str) -> tuple[Formula, str]:
        """``body[binding]`` from the rule proved by step ``rule`` (``apply`` of ``levels``)."""
        conclusion = substitute(body, binding)
        step = self.log.record("apply", conclusion, (rule, *premises), block,
                               subst=dict(sorted(binding.items())), levels=levels)
        return conclusion, step

    def _take_witnesses(self, exists: Not, step: str, block: str) -> tuple[dict[str, str], Formula, str]:
        """Fresh witnesses for the existential proved by ``step``: (them, the parts, the step)."""
        witnesses = {c: self.naming.witness() for c in exists.body.variables}
        witnessed = conjoin(existential_parts(exists, witnesses))
        return witnesses, witnessed, self.log.record("witness", witnessed, (step,), block, witnesses=witnesses)

    def _use(self, fact: Known, goal: Formula, block: str, facts: list[Known], depth: int) -> str | None:
        return self._use_from(fact.formula, fact.step, goal, block, facts, depth)

    def _use_from(self, formula: Formula, proved: str, goal: Formula, block: str, facts: list[Known], depth: int) -> str | None:
        """``goal`` from the universal ``formula`` (proved by step ``proved``): instantiate its
        first 1, 2, … levels so that their conclusion, or a conjunct of it, is the goal; or is a
        universal formula the goal follows from in turn (an equivalence stated as two
        implications under one quantifier)."""
        for variables, antecedents, body in _levels(formula):
            for path, part in _parts(body):
                targets = [(part, set(variables))]
                targets += [(inner_part, set(variables) | set(inner))
                            for inner, _, inner_body in _levels(part) for _, inner_part in _parts(inner_body)]
                for pattern, names in targets:
                    sigma = _match(pattern, goal, names, {})
                    if sigma is None:
                        continue
                    outer = {v: sigma[v] for v in variables if v in sigma}
                    found = self._premises(antecedents, outer, set(variables), block, facts, depth)
                    if found is None:
                        continue
                    binding, premises = found
                    conclusion, step = self._apply(proved, body, binding, premises, len(antecedents), block)
                    for side in path:
                        conclusion = (conclusion.left, conclusion.right)[side]
                        step = self.log.record("and_elim", conclusion, (step,), block, side=side)
                    if pattern is part:
                        return step
                    result = self._use_from(conclusion, step, goal, block, facts, depth)
                    if result is not None:
                        return result
        return None

    def _premises(self, antecedents, sigma, variables, block, facts, depth):
        """Bind the remaining variables by matching atomic premises with facts (every way, in
        order), then establish every premise — an atom must be a fact, anything else is proved
        in turn; the first (σ, premise steps) that works, or ``None``."""
        needed = [(p, bound) for a, bound in antecedents for p in conjuncts(a)]
        open_atoms = [p for p, _ in needed if isinstance(p, Atom)]
        for binding in _bindings(open_atoms, facts, variables, sigma):
            if set(binding) != variables:
                continue
            steps = []
            for premise, bound in needed:
                instance = substitute(premise, {v: binding[v] for v in bound})
                if isinstance(instance, Atom):  # at hand, or not at all: no search below an atom
                    step = next((f.step for f in facts if f.formula == instance), None)
                else:
                    step = self.prove(instance, block, facts, depth - 1)
                if step is None:
                    break
                steps.append(step)
            else:
                return binding, steps
        return None


def _bindings(atoms: list[Atom], facts: list[Known], variables: set[str], sigma: dict[str, str]):
    """Every extension of σ that matches each atom with some fact's atom, when the atom still
    has unbound variables (atoms left open are proved afterwards)."""
    if not atoms:
        yield sigma
        return
    first, rest = atoms[0], atoms[1:]
    if not set(first.args) & (variables - set(sigma)):
        yield from _bindings(rest, facts, variables, sigma)
        return
    for fact in facts:
        found = _match(first, fact.formula, variables, sigma)
        if found is not None:
            yield from _bindings(rest, facts, variables, found)


def _parts(formula: Formula, path: tuple[int, ...] = ()):
    """The formula and, inside conjunctions, each conjunct with the and_elim sides to it."""
    yield path, formula
    if isinstance(formula, And):
        yield from _parts(formula.left, (*path, 0))
        yield from _parts(formula.right, (*path, 1))


def _match(pattern: Formula, target: Formula, variables: set[str], sigma: dict[str, str]) -> dict[str, str] | None:
    """σ' ⊇ σ with pattern[σ'] = target, binding only ``variables``; atoms and negations only
    (a quantified pattern must already be closed under σ)."""
    if isinstance(pattern, Atom):
        if not isinstance(target, Atom) or pattern.pred != target.pred or len(pattern.args) != len(target.args):
            return None
        found = dict(sigma)
        for arg, value in zip(pattern.args, target.args):
            if arg in variables:
                if found.setdefault(arg, value) != value:
                    return None
            elif arg != value:
                return None
        return found
    if type(pattern) is not type(target):
        return None
    if hasattr(pattern, "body"):
        return _match(pattern.body, target.body, variables, sigma)
    if free_identifiers(pattern) & (variables - set(sigma)):
        return None
    instance = substitute(pattern, {v: sigma[v] for v in free_identifiers(pattern) & variables})
    return dict(sigma) if alpha_text(instance) == alpha_text(target) else None


def _levels(formula: Formula):
    """(variables, antecedents, body) after each quantifier level of ``formula``, outermost first."""
    variables: list[str] = []
    antecedents: list[tuple[Formula, tuple[str, ...]]] = []
    body = formula
    while isinstance(body, Forall):
        variables = variables + list(body.variables)
        antecedents = antecedents + [(body.antecedent, tuple(variables))]
        body = body.consequent
        yield variables, antecedents, body
