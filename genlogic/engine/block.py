"""A Logic Block: one proving context — its constants, assumptions, facts and rules — that
saturates by semi-naive forward chaining and then tries to establish a goal.

Saturation alternates two phases until nothing changes: *drain* (process new formulas; match every
new literal against the rules, joining the other premises through the store's indexes; matching
is not injective: two variables may bind the same constant; an existing value ``g(a, b) = c`` also
triggers the rules that conclude about ``g``, rewriting-style) and *witness* (instantiate pending
existentials that are not yet satisfied, within the :class:`Budget` — an existential that only
says an operation has a value is instantiated only once a rule match asked for that value).
Everything derived is a recorded :class:`~genlogic.engine.proof.Step`; budget limits are
counted, never silent.

A rule concluding a literal of one of the block's ``relations`` (those its statement denies) from
one such literal (and function atoms) also gets its contrapositive, proved once in two child
blocks (modus tollens: forward chaining never derives a negative fact from a rule).

A rule whose premise is an existential (``∀x (x ≤ n → …)`` with ``≤`` defined by ∃p) gets a
copy with the existential's variables made its own (prenex form, proved once in a ``forall``
child), which forward chaining can match; a rule with an existential or universal premise is also
matched against the block's non-literal facts (:mod:`genlogic.engine.matching`).

Proving a goal may open child blocks: a ``forall`` block (fresh constants, the antecedent assumed)
for a universal goal, a ``contradiction`` block (the negated claim assumed) for a negative one.
An existential goal whose parts are not all literals is proved from candidate witnesses (see
:meth:`LogicBlock._exists`): values from its literal parts, relation constants at hand, and for a
set variable the set {p | φ} that a part ∀p (φ → p ∈ M) says it must contain (``comprehension``
in a ``contradiction`` child). Children start from a copy of their parent's state (the witness
count included: one allowance per branch); parents never see a child's facts, only its closing
step.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field, fields
from functools import lru_cache
from itertools import islice, product
from typing import Callable, Iterator

from genlogic.engine.equality import Equalities
from genlogic.engine.matching import match, skeleton
from genlogic.engine.proof import ProofLog
from genlogic.engine.rules import Pattern, Rule, compile_rule, literal_of, pattern_of
from genlogic.engine.store import FactStore, Literal, literal_formula
from genlogic.mpl.ast import (FUNCTION_ATOMS, And, Atom, Forall, Formula, Not, conjoin, conjuncts, free_identifiers,
                              subformulas)
from genlogic.mpl.subst import comprehend, fresh_name, substitute


@dataclass(frozen=True)
class Budget:
    """Limits that keep saturation finite: witness depth (a witness for an existential about
    constants of depth ≤ d has depth d + 1), witnesses per block, live literals per block,
    steps recorded and premises joined by the whole attempt (the work of saturation, which a
    failing attempt spends mostly on joins)."""

    depth: int = 1
    witnesses: int = 400
    facts: int = 50_000
    steps: int = 1_000_000  # steps recorded by the whole attempt (all its blocks)
    joins: int | None = None  # premises joined by the whole attempt; None: no limit
    deadline: float | None = None  # time.monotonic() after which saturation stops


#: how many candidate facts a join looks at between two looks at the deadline
DEADLINE_EVERY = 1024


@dataclass
class BudgetHits:
    """How often each limit stopped the engine (reported in the run summary)."""

    depth: int = 0
    witnesses: int = 0
    facts: int = 0
    joins: int = 0
    rewrites: int = 0  # normal forms the rewriter gave up at its limit (proving by rewriting)

    @property
    def any(self) -> bool:
        return bool(self.depth or self.witnesses or self.facts or self.joins or self.rewrites)

    def plus(self, other: "BudgetHits") -> "BudgetHits":
        """Both counts added up (the hits of several attempts)."""
        return BudgetHits(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


@dataclass(frozen=True)
class BlockInfo:
    """The kernel-level description of a block (docs/proofgraph.md, BLOCK)."""

    id: str
    kind: str
    parent: str | None
    params: tuple[str, ...] = ()


@dataclass
class Naming:
    """Fresh names for one theorem's proof: blocks ``b0, b1, …``, witnesses ``w1, w2, …`` and
    parameters named after the variables they stand for; none repeats a reserved name (the
    theory's constants and every constant introduced so far)."""

    reserved: set[str]
    blocks: int = 0
    witnesses: int = 0
    infos: dict[str, BlockInfo] = field(default_factory=dict)
    assumptions: dict[str, str] = field(default_factory=dict)  # block → its assume step

    def block(self, kind: str, parent: str | None, params: tuple[str, ...] = ()) -> str:
        identifier = f"b{self.blocks}"
        self.blocks += 1
        self.infos[identifier] = BlockInfo(identifier, kind, parent, params)
        return identifier

    def parameter(self, variable: str) -> str:
        name = variable
        while name in self.reserved:
            name += "'"
        self.reserved.add(name)
        return name

    def witness(self) -> str:
        while True:
            self.witnesses += 1
            name = f"w{self.witnesses}"
            if name not in self.reserved:
                self.reserved.add(name)
                return name


def existential_parts(formula: Not, mapping: dict[str, str]) -> list[Formula]:
    """parts(E, σ) of docs/proofgraph.md for E = !(>[ȳ](G)(H))."""
    inner = formula.body
    assert isinstance(inner, Forall)
    parts = list(conjuncts(substitute(inner.antecedent, mapping)))
    consequent = inner.consequent
    if isinstance(consequent, Not):
        if consequent.body != inner.antecedent:
            parts.extend(conjuncts(substitute(consequent.body, mapping)))
    else:
        parts.append(Not(substitute(consequent, mapping)))
    return parts


def _negation(formula: Formula) -> Formula:
    """¬A for an atom A, A for ¬A."""
    return formula.body if isinstance(formula, Not) else Not(formula)


def _shape(variables: tuple[str, ...], premises: tuple[Pattern, ...], conclusion: Pattern) -> tuple:
    """A rule up to the names of its variables and the order of its premises: the variables
    renamed in order of occurrence, the conclusion's first, then the premises' sorted by what is
    known of them at that point."""
    names: dict[str, str] = {}

    def rename(args: tuple[str, ...], fresh: bool) -> tuple[str, ...]:
        if fresh:
            return tuple(names.setdefault(a, f"#{len(names)}") if a in variables else a for a in args)
        return tuple(names.get(a, "?") if a in variables else a for a in args)

    head = (conclusion.positive, conclusion.pred, rename(conclusion.args, True))
    order = sorted(premises, key=lambda p: (p.positive, p.pred, rename(p.args, False)))
    body = sorted((p.positive, p.pred, rename(p.args, True)) for p in order)
    return head, tuple(body)


#: how many candidate witnesses an existential goal with non-literal parts tries (LogicBlock._exists)
EXISTS_CANDIDATES = 4


def _variable_uses(parts: list[Formula], variables: set[str]) -> dict[str, str]:
    """How each variable is used in ``parts``: ``set`` (the set of an ``in`` atom), a function
    atom's predicate (its relation: ``in2`` for a unary function), else ``element``."""
    uses = {v: "element" for v in variables}
    for part in parts:
        for atom in subformulas(part):
            if isinstance(atom, Atom) and atom.args and atom.args[-1] in variables:
                if atom.pred == "in":
                    uses[atom.args[-1]] = "set"
                elif atom.pred in FUNCTION_ATOMS:
                    uses[atom.args[-1]] = atom.pred
    return uses


def _set_properties(variable: str, parts: list[Formula]) -> list[tuple[str, Formula]]:
    """The (element, property φ) of each part ∀p (φ → p ∈ M) of an existential over the set M:
    what M must contain, so {p | φ} is the candidate for M."""
    found = []
    for part in parts:
        if (isinstance(part, Forall) and len(part.variables) == 1
                and part.consequent == Atom("in", (part.variables[0], variable))
                and variable not in free_identifiers(part.antecedent)):
            found.append((part.variables[0], part.antecedent))
    return found


def is_existential(formula: Formula) -> bool:
    return isinstance(formula, Not) and isinstance(formula.body, Forall) and bool(formula.body.variables)


@lru_cache(maxsize=4096)
def _value_part(formula: Not) -> Atom | None:
    """The first part of an existential that gives a bound variable as the value of a function
    (``∃c: a + b = c …`` → ``a + b = c``), if any."""
    variables = set(formula.body.variables)
    for part in existential_parts(formula, {}):
        if isinstance(part, Atom) and part.pred in FUNCTION_ATOMS and part.args[-2] in variables:
            return part
    return None


@dataclass(frozen=True)
class Pending:
    """An existential waiting for a witness: a derived fact (``formula`` proved by ``step``), or
    a match of a rule whose conclusion is existential, kept unrecorded (``rule`` index and
    ``binding``) until a witness is really needed — most such instances are satisfied by then."""

    formula: Formula
    step: str | None
    rule: int | None
    binding: dict[str, str]


class LogicBlock:
    def __init__(
        self,
        log: ProofLog,
        naming: Naming,
        block: str,
        constants: dict[str, int],
        budget: Budget,
        operations: frozenset[str] = frozenset(),
        relations: frozenset[str] = frozenset(),
    ):
        self.log = log
        self.operations = operations
        self.relations = relations
        self.demands: set[tuple[str, str, tuple[str, ...]]] = set()
        self.naming = naming
        self.block = block
        self.budget = budget
        self.hits = BudgetHits()
        # premises joined and candidate facts looked at by the whole attempt (shared with children)
        self.joined = [0, 0]
        self.depth: dict[str, int] = {}
        self.equalities = Equalities(log, block)
        self.store = FactStore(log, self.equalities, block)
        self.rules: list[Rule] = []
        self.shapes: set[tuple] = set()  # the rules' shapes (_shape): a contrapositive already given is not added
        self.rule_index: dict[tuple[bool, str], list[tuple[int, int]]] = {}
        self.conclusion_index: dict[str, list[int]] = {}
        self.fired: set[tuple[int, tuple[str, ...]]] = set()
        self.formulas: dict[Formula, str] = {}  # non-literal facts
        self.formula_rules: list[Rule] = []  # matchable rules (rules.py), used by _match_formulas
        self.shapes_of: dict[str, list[tuple[Formula, str]]] = {}  # non-literal facts by skeleton()
        self.formulas_fired: set[tuple[str, tuple[str, ...]]] = set()
        self.formulas_seen = (0, 0)  # (facts, non-literal facts) at the last _formula_round
        self.existentials: list[Pending] = []
        self.free: dict[Formula, frozenset[str]] = {}  # free identifiers of pending existentials
        self.value_parts: dict[Formula, Atom | None] = {}  # and their value parts (_value_part)
        self.agenda: deque[tuple[Formula, str]] = deque()
        self.delta: deque[Literal] = deque()
        self.clash: tuple[str, str] | None = None
        # witnesses made so far (counted with the parent's): values of operations, and the others
        # (a fold's accumulator, a lemma's ∃q) — each kind has the budget's allowance, so the
        # values that saturation asks for never starve an assumption's or a lemma's witnesses
        self.witness_count = {True: 0, False: 0}
        # proves a universal goal the block cannot (by a nested induction; set by engine/goal.py)
        self.splitter: Callable[["LogicBlock", Forall], str | None] | None = None
        # proves an equational goal atom by rewriting (engine/algebra.py; set by engine/goal.py)
        self.algebra: Callable[["LogicBlock", Atom], str | None] | None = None
        for name, depth in sorted(constants.items()):
            self.constant(name, depth)

    # --- state ------------------------------------------------------------------------------

    def constant(self, name: str, depth: int) -> None:
        if name not in self.depth:
            self.depth[name] = depth
            self.equalities.add(name, (depth, len(self.depth)))

    def child(self, kind: str, params: tuple[str, ...] = ()) -> "LogicBlock":
        """A child block starting from a copy of this block's state."""
        block = self.naming.block(kind, self.block, params)
        other = LogicBlock.__new__(LogicBlock)
        other.log, other.naming, other.block, other.budget = self.log, self.naming, block, self.budget
        other.operations, other.relations = self.operations, self.relations
        other.demands = set(self.demands)
        other.hits = self.hits
        other.joined = self.joined
        other.depth = dict(self.depth)
        other.equalities = self.equalities.clone(self.log, block)
        other.store = self.store.clone(self.log, other.equalities, block)
        other.rules = list(self.rules)
        other.shapes = set(self.shapes)
        other.rule_index = {k: list(v) for k, v in self.rule_index.items()}
        other.conclusion_index = {k: list(v) for k, v in self.conclusion_index.items()}
        other.fired = set(self.fired)
        other.formulas = dict(self.formulas)
        other.formula_rules = list(self.formula_rules)
        other.shapes_of = {k: list(v) for k, v in self.shapes_of.items()}
        other.formulas_fired = set(self.formulas_fired)
        other.formulas_seen = self.formulas_seen
        other.existentials = list(self.existentials)
        other.free, other.value_parts = self.free, self.value_parts  # caches of pure functions: shared
        other.agenda = deque(self.agenda)
        other.delta = deque(self.delta)
        other.clash = self.clash
        other.witness_count = dict(self.witness_count)
        other.splitter = self.splitter
        other.algebra = self.algebra
        for name in params:
            other.constant(name, 0)
        return other

    def add(self, formula: Formula, step: str) -> None:
        """A new fact (proved by ``step``) to be processed by the next :meth:`saturate`."""
        self.agenda.append((formula, step))

    def assume(self, formula: Formula) -> str:
        step = self.log.record("assume", formula, (), self.block)
        self.naming.assumptions[self.block] = step
        self.add(formula, step)
        return step

    # --- saturation ---------------------------------------------------------------------------

    def saturate(self, goal: Formula | None = None) -> str | None:
        """Derive until nothing changes, the budget ends, a clash is found or ``goal`` holds;
        returns a step proving ``goal`` when it does."""
        while True:
            self._drain()
            if goal is not None:
                proof = self.lookup(goal)
                if proof is not None:
                    return proof
            if self.clash is not None or self._late():
                return None
            if self._formula_round():
                continue
            if not self._witness_round():
                return None

    def _late(self) -> bool:
        return self.budget.deadline is not None and time.monotonic() > self.budget.deadline

    def _drain(self) -> None:
        while (self.agenda or self.delta) and self.clash is None:
            # the deadline before every item: one match can take a good part of a second
            worked = self.budget.joins is not None and self.joined[0] >= self.budget.joins
            if self._late() or worked or len(self.store) >= self.budget.facts or len(self.log.steps) >= self.budget.steps:
                if worked:
                    self.hits.joins += 1
                else:
                    self.hits.facts += 1
                self.agenda.clear()
                self.delta.clear()
                return
            if self.agenda:
                self._process(*self.agenda.popleft())
            else:
                self._match(self.delta.popleft())

    def _process(self, formula: Formula, step: str) -> None:
        literal = literal_of(formula)
        if literal is not None:
            self._literal(literal[0], literal[1], step)
        elif isinstance(formula, And):
            for side, part in enumerate((formula.left, formula.right)):
                self.add(part, self.log.record("and_elim", part, (step,), self.block, side=side))
        elif isinstance(formula, Not) and isinstance(formula.body, Not):
            inner = formula.body.body
            self.add(inner, self.log.record("double_neg", inner, (step,), self.block))
        elif formula not in self.formulas:
            self.formulas[formula] = step
            self.shapes_of.setdefault(skeleton(formula), []).append((formula, step))
            for rule in self.formula_rules:
                self._match_formulas(rule, formula)
            if isinstance(formula, Forall):
                self._rule(compile_rule(formula, step))
            elif isinstance(formula, Not) and isinstance(formula.body, Forall):
                self.existentials.append(Pending(formula, step, None, {}))

    def _literal(self, positive: bool, atom: Atom, step: str) -> None:
        for name in atom.args:
            self.constant(name, 0)
        if positive and atom.pred == "=":
            merged = self.equalities.union(atom.args[0], atom.args[1], step)
            if merged is not None:
                loser = merged[0]
                for literal in self.store.mentioning(loser):
                    old = self.store.remove(literal)
                    self._live(*self.store.canonical(literal, old))
            return
        self._live(*self.store.canonical((positive, atom.pred, atom.args), step))

    def _live(self, literal: Literal, step: str) -> None:
        if not self.store.add(literal, step):
            return
        positive, pred, args = literal
        if not positive and pred == "=" and args[0] == args[1]:
            self.clash = (self.equalities.explain(args[0], args[0]), step)
        opposite = (not positive, pred, args)
        if opposite in self.store:
            other = self.store.proof[opposite]
            self.clash = (step, other) if positive else (other, step)
        self.delta.append(literal)

    def _rule(self, rule: Rule, contrapose: bool = True) -> None:
        if rule.matchable:
            self.formula_rules.append(rule)
            self._match_formulas(rule, None)
        if not rule.usable:
            if any(is_existential(premise) for premise in rule.all_premises):
                self._prenex(rule)
            return
        index = len(self.rules)
        self.rules.append(rule)
        if rule.conclusion_pattern is not None:
            self.shapes.add(_shape(rule.variables, rule.premises, rule.conclusion_pattern))
        for position, pattern in enumerate(rule.premises):
            if pattern.pred != "=" or not pattern.positive:
                self.rule_index.setdefault((pattern.positive, pattern.pred), []).append((index, position))
        for binding in self._join(rule, {}, list(range(len(rule.premises))), demand=True):
            self._fire(index, binding)
        conclusion = rule.conclusion_pattern
        if conclusion is not None and conclusion.positive and conclusion.pred in FUNCTION_ATOMS:
            self.conclusion_index.setdefault(conclusion.pred, []).append(index)
            for args in list(self.store.by_pred.get((True, conclusion.pred), ())):
                self._match_conclusion(index, args)
        position = self._contraposable(rule) if contrapose else None
        if position is not None:
            self._contrapose(rule, position)

    def _relational(self, pattern: Pattern | None) -> bool:
        """Whether ``pattern`` says that one of :attr:`relations` holds (or not) of two things."""
        return pattern is not None and pattern.pred == "in2" and pattern.args[-1] in self.relations

    def _contraposable(self, rule: Rule) -> int | None:
        """The premise of ``rule`` that its contrapositive may conclude the negation of: the one
        relation literal among the premises when the conclusion is one too, if the other premises
        and the conclusion bind its variables (a variable of a deeper level named like a constant
        of an outer one would be captured: no contrapositive then). With two relation premises
        (transitivity) the contrapositive would join every fact of a relation with every negated
        one: the TIP problems, whose relations are decided everywhere, slow down by a quarter."""
        if not self._relational(rule.conclusion_pattern) or set(free_identifiers(rule.formula)) & set(rule.variables):
            return None
        found = [position for position, pattern in enumerate(rule.premises) if self._relational(pattern)]
        if len(found) != 1:
            return None
        (position,) = found
        bound = {a for i, p in enumerate(rule.premises) if i != position for a in p.args}
        bound |= set(rule.conclusion_pattern.args)
        return position if set(rule.premises[position].args) & set(rule.variables) <= bound else None

    def _contrapose(self, rule: Rule, position: int) -> None:
        """Add the rule ∀x̄ (P1 ∧ … ∧ ¬C ∧ … ∧ Pk → ¬Pi) for ``rule`` ∀x̄ (P1 ∧ … ∧ Pk → C) and
        ``position`` i (modus tollens: from ``x ≤ y → s(x) ≤ s(y)``, ``¬(s(x) ≤ s(y)) → ¬(x ≤
        y)``), proved once: a ``forall`` child assumes the other premises and ¬C, its
        ``contradiction`` child assumes Pi, applies ``rule`` and clashes with ¬C."""
        literals = [literal_formula((p.positive, p.pred, p.args)) for p in rule.premises]
        conclusion = rule.conclusion
        given, denied = rule.premises[position], rule.conclusion_pattern
        shape = _shape(rule.variables, rule.premises[:position] + rule.premises[position + 1:]
                       + (Pattern(not denied.positive, denied.pred, denied.args),),
                       Pattern(not given.positive, given.pred, given.args))
        if shape in self.shapes:  # given already (a TIP import states both directions)
            return
        antecedent = [f for i, f in enumerate(literals) if i != position] + [_negation(conclusion)]
        statement = Forall(rule.variables, conjoin(antecedent), _negation(literals[position]))
        params = tuple(self.naming.parameter(v) for v in rule.variables)
        sigma = dict(zip(rule.variables, params))
        inner = self.naming.block("forall", self.block, params)
        assumed = substitute(statement.antecedent, sigma)
        parts = self._conjuncts(assumed, self.log.record("assume", assumed, (), inner), inner)
        self.naming.assumptions[inner] = parts[assumed]
        refuting = self.naming.block("contradiction", inner)
        premise = substitute(literals[position], sigma)
        self.naming.assumptions[refuting] = self.log.record("assume", premise, (), refuting)
        steps = [self.naming.assumptions[refuting] if i == position else parts[substitute(f, sigma)]
                 for i, f in enumerate(literals)]
        derived = substitute(conclusion, sigma)
        applied = self.log.record("apply", derived, (rule.step, *steps), refuting,
                                  subst=dict(sorted(sigma.items())), levels=rule.levels)
        refuted = parts[_negation(derived)]
        clash = (applied, refuted) if isinstance(conclusion, Atom) else (refuted, applied)
        result = self.log.record("not_intro", Not(premise), clash, inner, closes=refuting)
        if isinstance(premise, Not):
            result = self.log.record("double_neg", premise.body, (result,), inner)
        proved = self.log.record("forall_intro", statement, (result,), self.block, closes=inner)
        self._rule(compile_rule(statement, proved), contrapose=False)

    def _prenex(self, rule: Rule) -> None:
        """Add the rule with its existential premises' variables made the rule's own:
        ∀x̄ (A ∧ ∃ȳ (B) → C) becomes ∀x̄ ȳ (A ∧ B → C), so that forward chaining can match B
        (``x ≤ y``, defined as ∃p x + p = y, is then matched by any fact x + p = y). Proved once:
        a ``forall`` block assumes A ∧ B, ``exists_intro`` gives ∃ȳ B, ``apply`` gives C."""
        taken = set(rule.variables) | free_identifiers(rule.formula)
        variables, premises, renamed = list(rule.variables), [], []
        for premise in rule.all_premises:
            if not is_existential(premise):
                premises.append(premise)
                renamed.append(None)
                continue
            fresh = {}
            for variable in premise.body.variables:
                fresh[variable] = fresh_name(variable, taken)
                taken.add(fresh[variable])
            variables.extend(fresh.values())
            premises.extend(existential_parts(premise, fresh))
            renamed.append(fresh)
        statement = Forall(tuple(variables), conjoin(premises), rule.conclusion)
        params = tuple(self.naming.parameter(v) for v in variables)
        sigma = dict(zip(variables, params))
        inner = self.naming.block("forall", self.block, params)
        assumed = substitute(statement.antecedent, sigma)
        parts = self._conjuncts(assumed, self.log.record("assume", assumed, (), inner), inner)
        self.naming.assumptions[inner] = parts[assumed]
        outer = {v: sigma[v] for v in rule.variables}
        steps = []
        for premise, fresh in zip(rule.all_premises, renamed):
            instance = substitute(premise, outer)
            if fresh is None:
                steps.append(parts[instance])
                continue
            # by position: substituting may have renamed the instance's bound variables
            witnesses = {v: sigma[fresh[w]] for v, w in zip(instance.body.variables, premise.body.variables)}
            given = [parts[part] for part in existential_parts(instance, witnesses)]
            steps.append(self.log.record("exists_intro", instance, given, inner, subst=dict(sorted(witnesses.items()))))
        conclusion = substitute(rule.conclusion, outer)
        applied = self.log.record("apply", conclusion, (rule.step, *steps), inner,
                                  subst=dict(sorted(outer.items())), levels=rule.levels)
        proved = self.log.record("forall_intro", statement, (applied,), self.block, closes=inner)
        self._rule(compile_rule(statement, proved))

    def _conjuncts(self, formula: Formula, step: str, block: str) -> dict[Formula, str]:
        """``formula`` and each of its conjuncts (nested), with a step proving it in ``block``."""
        found = {formula: step}
        if isinstance(formula, And):
            for side, part in enumerate((formula.left, formula.right)):
                for key, value in self._conjuncts(part, self.log.record("and_elim", part, (step,), block, side=side),
                                                  block).items():
                    found.setdefault(key, value)
        return found

    def _match(self, literal: Literal) -> None:
        if literal not in self.store:
            return  # rewritten by an equality since it was queued; its canonical form is queued
        positive, pred, args = literal
        demand = not (positive and pred == "in")
        for index, position in self.rule_index.get((positive, pred), ()):
            rule = self.rules[index]
            binding = self._unify(rule, rule.premises[position], args, {})
            if binding is None:
                continue
            rest = [i for i in range(len(rule.premises)) if i != position]
            for full in self._join(rule, binding, rest, demand):
                self._fire(index, full)
        if positive and args and args[-1] in self.operations:
            for index in self.conclusion_index.get(pred, ()):
                self._match_conclusion(index, args)

    def _formula_round(self) -> bool:
        """Match every matchable rule again when facts arrived since the last round (a literal
        premise may have come after the formulas); ``True`` if that derived anything."""
        seen = (len(self.store), len(self.formulas))
        if not self.formula_rules or seen == self.formulas_seen:
            return False
        self.formulas_seen = seen
        before = len(self.agenda)
        for rule in list(self.formula_rules):
            self._match_formulas(rule, None)
        return len(self.agenda) > before

    def _match_formulas(self, rule: Rule, new: Formula | None) -> None:
        """Apply a matchable rule wherever its non-literal premises match non-literal facts (one
        of them ``new``, when given) and its literal premises are then joined. Only facts of a
        premise's skeleton can match it."""
        others = [i for i, premise in enumerate(rule.all_premises) if literal_of(premise) is None]
        variables = frozenset(rule.variables)
        if new is None:
            seeds = [(None, None)]
        else:
            shape = skeleton(new)
            seeds = [(i, [(new, self.formulas[new])]) for i in others if skeleton(rule.all_premises[i]) == shape]
        outer = rule.formula
        first = len(list(conjuncts(outer.antecedent))) if rule.levels > 1 else len(rule.all_premises)
        # the literal premises of the first level (patterns are the literal premises, in order)
        literals = sum(1 for premise in rule.all_premises[:first] if literal_of(premise) is not None)
        for seeded, seed_facts in seeds:
            order = ([seeded] if seeded is not None else []) + [i for i in others if i != seeded]
            for sigma, steps in self._match_premises(rule, order, {}, {}, variables, seed_facts):
                if first < len(rule.all_premises) and max(others) < first:
                    for binding in self._join(rule, sigma, list(range(literals))):
                        if set(binding) >= set(outer.variables):
                            self._fire_level(rule, first, binding, steps)
                    continue
                for binding in self._join(rule, sigma, list(range(len(rule.premises)))):
                    if set(binding) >= variables:
                        self._fire_matched(rule, binding, steps)

    def _fire_level(self, rule: Rule, first: int, binding: dict[str, str], steps: dict[int, str]) -> None:
        """Apply the first level of a matchable rule whose non-literal premises are all there
        (``∀p (Fold(…, n, p) → ∀a b (s(1) = a ∧ n · m = b → a · p = b))``): its consequent, a
        universal about the matched constants, becomes a fact (a rule over the block's values,
        and a ground law for engine/algebra.py) — its inner premises are not joined here."""
        outer = rule.formula
        sigma = {v: binding[v] for v in outer.variables}
        key = (rule.step, tuple(sigma[v] for v in outer.variables))
        if key in self.formulas_fired:
            return
        self.formulas_fired.add(key)
        conclusion = substitute(outer.consequent, sigma)
        if conclusion in self.formulas:
            return
        premises = [steps[i] if i in steps else self._premise_step(pattern_of(premise), sigma)
                    for i, premise in enumerate(rule.all_premises[:first])]
        step = self.log.record("apply", conclusion, (rule.step, *premises), self.block,
                               subst=dict(sorted(sigma.items())), levels=1)
        self.add(conclusion, step)

    def _match_premises(self, rule: Rule, order: list[int], sigma: dict[str, str], steps: dict[int, str],
                        variables: frozenset[str], first: list[tuple[Formula, str]] | None
                        ) -> Iterator[tuple[dict[str, str], dict[int, str]]]:
        if not order:
            yield sigma, steps
            return
        position, rest = order[0], order[1:]
        premise = rule.all_premises[position]
        for formula, step in first if first is not None else self.shapes_of.get(skeleton(premise), []):
            found = match(premise, formula, variables, sigma)
            if found is not None:
                yield from self._match_premises(rule, rest, found, {**steps, position: step}, variables, None)

    def _fire_matched(self, rule: Rule, binding: dict[str, str], steps: dict[int, str]) -> None:
        key = (rule.step, tuple(binding[v] for v in rule.variables))
        if key in self.formulas_fired:
            return
        self.formulas_fired.add(key)
        conclusion = substitute(rule.conclusion, binding)
        literal = literal_of(conclusion)
        if literal is not None and self._known_literal(literal[0], literal[1].pred, literal[1].args):
            return
        if literal is None and conclusion in self.formulas:
            return
        premises = [steps[i] if i in steps else self._premise_step(pattern_of(premise), binding)
                    for i, premise in enumerate(rule.all_premises)]
        step = self.log.record("apply", conclusion, (rule.step, *premises), self.block,
                               subst=dict(sorted(binding.items())), levels=rule.levels)
        self.add(conclusion, step)

    def _match_conclusion(self, index: int, args: tuple[str, ...]) -> None:
        """Rewriting-style matching: an existing value ``g(inputs) = out`` binds the inputs of a
        rule concluding ``g(inputs') = out'``; the rule's premises are then joined, and the values
        they lack are demanded (so witnesses are created only for terms that lead somewhere)."""
        rule = self.rules[index]
        pattern = rule.conclusion_pattern
        inputs = Pattern(True, pattern.pred, pattern.args[:-2] + (pattern.args[-1],))
        binding = self._unify(rule, inputs, args[:-2] + (args[-1],), {})
        if binding is None:
            return
        for full in self._join(rule, binding, list(range(len(rule.premises))), demand=True):
            self._fire(index, full)

    def _unify(self, rule: Rule, pattern: Pattern, args: tuple[str, ...], binding: dict[str, str]) -> dict[str, str] | None:
        result = dict(binding)
        find = self.equalities.find
        for name, value in zip(pattern.args, args):
            if name in rule.variables:
                bound = result.get(name)
                if bound is None:
                    result[name] = value
                elif bound != value:
                    return None
            elif find(name) != value:
                return None
        return result

    def _join(
        self, rule: Rule, binding: dict[str, str], remaining: list[int], demand: bool = False
    ) -> Iterator[dict[str, str]]:
        """Every extension of ``binding`` that satisfies the premises in ``remaining``. With
        ``demand``, a functional premise whose inputs are bound records a demand for its value;
        binding a variable through a membership premise (``x ∈ X``) turns ``demand`` off, since
        such a binding ranges over everything — except for unary functions, whose values over
        everything grow only linearly (and are bounded by the witness depth)."""
        if not remaining:
            yield binding
            return
        self.joined[0] += 1
        if self.budget.joins is not None and self.joined[0] > self.budget.joins:
            return
        position = self._next_premise(rule, binding, remaining)
        if position is None:
            return
        pattern = rule.premises[position]
        rest = [i for i in remaining if i != position]
        find = self.equalities.find
        values = [binding.get(a) if a in rule.variables else find(a) for a in pattern.args]
        if pattern.pred == "=" and pattern.positive:
            left, right = values
            if left is not None and right is not None:
                if left == right:
                    yield from self._join(rule, binding, rest, demand)
                return
            extended = dict(binding)
            extended[pattern.args[0] if left is None else pattern.args[1]] = right if left is None else left
            yield from self._join(rule, extended, rest, demand)
            return
        bound = {i: v for i, v in enumerate(values) if v is not None}
        if (demand or pattern.pred == "in2") and pattern.positive and values[-1] in self.operations:
            if None not in values[:-2]:
                self.demands.add((pattern.pred, values[-1], tuple(values[:-2])))
        guard = pattern.positive and pattern.pred == "in" and None in values
        for args in self.store.candidates(pattern.positive, pattern.pred, bound):
            self.joined[1] += 1
            if self.joined[1] % DEADLINE_EVERY == 0 and self._late():
                return  # one join can take minutes: the deadline is looked at within it too
            extended = self._unify(rule, pattern, args, binding)
            if extended is not None:
                yield from self._join(rule, extended, rest, demand and not guard)

    def _next_premise(self, rule: Rule, binding: dict[str, str], remaining: list[int]) -> int | None:
        """The premise to join next: the one with the fewest candidate facts (a bound equality
        or negative premise is a free filter; a negative relation literal, as the contrapositive
        of a rule has, may also bind); ``None`` when no premise can be joined yet."""
        best, best_cost = None, None
        find = self.equalities.find
        for position in remaining:
            pattern = rule.premises[position]
            values = [binding.get(a) if a in rule.variables else find(a) for a in pattern.args]
            unbound = values.count(None)
            if pattern.pred == "=":
                cost = 0 if unbound < (2 if pattern.positive else 1) else None
            elif not pattern.positive and unbound == 0:
                cost = 0
            else:
                cost = self.store.count(pattern.positive, pattern.pred, values)
            if cost is not None and (best_cost is None or cost < best_cost):
                best, best_cost = position, cost
                if cost == 0:
                    break
        return best

    def _fire(self, index: int, binding: dict[str, str]) -> None:
        rule = self.rules[index]
        key = (index, tuple(binding[v] for v in rule.variables))
        if key in self.fired:
            return
        self.fired.add(key)
        pattern = rule.conclusion_pattern
        if pattern is not None:
            args = tuple(binding.get(a, a) for a in pattern.args)
            if self._known_literal(pattern.positive, pattern.pred, args):
                return
            atom = Atom(pattern.pred, args)
            conclusion: Formula = atom if pattern.positive else Not(atom)
        elif is_existential(rule.conclusion):
            self.existentials.append(Pending(rule.conclusion, None, index, binding))
            return
        else:
            conclusion = substitute(rule.conclusion, binding)
            if conclusion in self.formulas:
                return
        self.add(conclusion, self._apply(rule, binding, conclusion))

    def _apply(self, rule: Rule, binding: dict[str, str], conclusion: Formula) -> str:
        premises = [self._premise_step(pattern, binding) for pattern in rule.premises]
        return self.log.record(
            "apply",
            conclusion,
            (rule.step, *premises),
            self.block,
            subst=dict(sorted(binding.items())),
            levels=rule.levels,
        )

    def _premise_step(self, pattern: Pattern, binding: dict[str, str]) -> str:
        args = tuple(binding.get(a, a) for a in pattern.args)
        if pattern.pred == "=" and pattern.positive:
            return self.equalities.explain(*args)
        step = self.store.exact((pattern.positive, pattern.pred, args))
        assert step is not None, "a matched premise must be live"
        return step

    def _known_literal(self, positive: bool, pred: str, args: tuple[str, ...]) -> bool:
        if positive and pred == "=":
            return self.equalities.find(args[0]) == self.equalities.find(args[1])
        return (positive, pred, self.store.canonical_args(args)) in self.store

    # --- witnesses ------------------------------------------------------------------------------

    def _witness_round(self) -> bool:
        """Instantiate the demanded, unsatisfied pending existentials of least depth; ``True`` if
        any was. What the budget leaves uninstantiated is counted in :attr:`hits`."""
        if not self.existentials:
            return False
        demanded, remaining = [], []
        for pending in self.existentials:  # depth only of the demanded ones: most are not
            (demanded if self._demanded(pending) else remaining).append(pending)
        depths = [(self._depth_of(p), p) for p in demanded]
        if depths and min(depth for depth, _ in depths) > self.budget.depth:
            self.hits.depth = max(self.hits.depth, len(depths))
            return False
        useful = []
        for depth, pending in depths:
            if self._satisfied(pending):
                continue
            if self.witness_count[self._value_kind(pending)] < self.budget.witnesses:
                useful.append((depth, pending))
            else:  # its kind's allowance is spent: it must not hold back the other kind's deeper ones
                self.hits.witnesses += 1
                remaining.append(pending)
        if not useful:
            self.existentials = remaining
            return False
        least = min(depth for depth, _ in useful)
        if least > self.budget.depth:
            self.hits.depth = max(self.hits.depth, len(useful))
            self.existentials = remaining + [p for _, p in useful]
            return False
        created = False
        for depth, pending in useful:
            if depth != least:
                remaining.append(pending)
            elif self.witness_count[self._value_kind(pending)] < self.budget.witnesses:
                self._witness(pending, depth)
                created = True
            else:
                self.hits.witnesses += 1
                remaining.append(pending)
        self.existentials = remaining
        return created

    def _demanded(self, pending: Pending) -> bool:
        """Whether a witness for ``pending`` may help. An existential that only asserts that an
        operation has a value (``∃c: a + b = c …``) is instantiated only once some rule asked
        for that value while matching; any other existential always may help."""
        value = self._value_of(pending)
        if value is None:
            return True
        find = self.equalities.find
        relation = find(pending.binding.get(value.args[-1], value.args[-1]))
        if relation not in self.operations:
            return True
        inputs = tuple(find(pending.binding.get(a, a)) for a in value.args[:-2])
        return (value.pred, relation, inputs) in self.demands

    def _value_of(self, pending: Pending) -> Atom | None:
        """The part of ``pending`` that gives an operation's value, if any (:func:`_value_part`)."""
        if pending.formula not in self.value_parts:
            self.value_parts[pending.formula] = _value_part(pending.formula)
        return self.value_parts[pending.formula]

    def _value_kind(self, pending: Pending) -> bool:
        """Whether ``pending`` only says that an operation has a value (its witness allowance)."""
        return self._value_of(pending) is not None

    def _depth_of(self, pending: Pending) -> int:
        free = self.free.get(pending.formula)
        if free is None:  # the formulas of pending existentials are few (a rule's conclusion), the pendings many
            free = self.free[pending.formula] = frozenset(free_identifiers(pending.formula))
        constants = (free | set(pending.binding.values())) - set(pending.binding)
        return 1 + max((self.depth.get(self.equalities.find(c), 0) for c in constants), default=0)

    def _witness(self, pending: Pending, depth: int) -> None:
        formula, step = pending.formula, pending.step
        if pending.rule is not None:
            formula = substitute(formula, pending.binding)
            step = self._apply(self.rules[pending.rule], pending.binding, formula)
        mapping = {}
        for variable in formula.body.variables:
            name = self.naming.witness()
            self.constant(name, depth)
            mapping[variable] = name
        self.witness_count[self._value_kind(pending)] += 1
        witnessed = conjoin(existential_parts(formula, mapping))
        self.add(witnessed, self.log.record("witness", witnessed, (step,), self.block, witnesses=mapping))

    def _satisfied(self, pending: Pending) -> bool:
        return self._solve_existential(pending.formula, pending.binding) is not None

    def _solve_existential(self, formula: Not, outer: dict[str, str]) -> dict[str, str] | None:
        """A binding of the existential's variables (the ``outer`` variables already bound)
        making every part a live literal; ``None`` if there is none or a part is no literal."""
        variables = formula.body.variables
        if set(variables) & set(outer):
            return None
        patterns = []
        for part in existential_parts(formula, {}):
            pattern = pattern_of(part)
            if pattern is None:
                return None
            patterns.append(pattern)
        rule = Rule(formula, "", tuple(outer) + variables, tuple(patterns), formula, 0, True)
        # a match's binding may name constants merged since (the store holds canonical ones only)
        find = self.equalities.find
        for binding in self._join(rule, {k: find(v) for k, v in outer.items()}, list(range(len(patterns)))):
            if all(v in binding for v in variables):
                return {v: binding[v] for v in variables}
        return None

    # --- goals ------------------------------------------------------------------------------------

    def lookup(self, goal: Formula) -> str | None:
        """A step proving ``goal`` from what is already live, without new search."""
        literal = literal_of(goal)
        if literal is not None:
            positive, atom = literal
            if positive and atom.pred == "=":
                a, b = atom.args
                for name in (a, b):
                    self.constant(name, 0)
                if self.equalities.find(a) == self.equalities.find(b):
                    return self.equalities.explain(a, b)
                return None
            return self.store.exact((positive, atom.pred, atom.args))
        if goal in self.formulas:
            return self.formulas[goal]
        if isinstance(goal, And):
            left, right = self.lookup(goal.left), self.lookup(goal.right)
            if left is None or right is None:
                return None
            return self.log.record("and_intro", goal, (left, right), self.block)
        if is_existential(goal):
            binding = self._solve_existential(goal, {})
            if binding is None:
                return None
            parts = [self.lookup(part) for part in existential_parts(goal, binding)]
            if any(p is None for p in parts):
                return None
            return self.log.record("exists_intro", goal, tuple(parts), self.block, subst=dict(sorted(binding.items())))
        return None

    def establish(self, goal: Formula) -> str | None:
        """Saturate and prove ``goal``, opening child blocks for universal and negated goals."""
        found = self.saturate(goal)
        if found is not None:
            return found
        if self.clash is not None:  # ex falso: a contradiction child assuming ¬goal closes at once
            return self._by_contradiction(goal, saturate=False)
        if isinstance(goal, And):
            left = self.establish(goal.left)
            right = self.establish(goal.right) if left is not None else None
            if right is None:
                return None
            return self.log.record("and_intro", goal, (left, right), self.block)
        if isinstance(goal, Forall):
            params = tuple(self.naming.parameter(v) for v in goal.variables)
            child = self.child("forall", params)
            mapping = dict(zip(goal.variables, params))
            child.assume(substitute(goal.antecedent, mapping))
            result = child.establish(substitute(goal.consequent, mapping))
            if result is None:
                return self.splitter(self, goal) if self.splitter is not None else None
            return self.log.record("forall_intro", goal, (result,), self.block, closes=child.block)
        if isinstance(goal, Not) and not is_existential(goal):
            child = self.child("contradiction")
            child.assume(goal.body)
            child.saturate()
            if child.clash is None:
                return None
            return self.log.record("not_intro", goal, child.clash, self.block, closes=child.block)
        if isinstance(goal, Atom):  # by rewriting, else by contradiction: assuming it false must clash
            found = self.algebra(self, goal) if self.algebra is not None else None
            return found if found is not None else self._by_contradiction(goal, saturate=True)
        if is_existential(goal):
            return self._exists(goal)
        return None

    def _exists(self, goal: Not) -> str | None:
        """``goal`` = ∃ȳ (…) whose parts are not all literals, from candidate witnesses: an
        element variable takes a value that makes the literal parts true; a relation variable a
        relation constant at hand; a set variable {p | φ} for a part ∀p (φ → p ∈ M) that says
        which elements M must have (the interval [n, m] from its definition). For each candidate
        the parts are established in turn (child blocks for universal parts); with a set
        variable, in a ``contradiction`` block assuming ¬goal, instantiated by ``comprehension``."""
        parts = existential_parts(goal, {})
        uses = _variable_uses(parts, set(goal.body.variables))
        for binding, sets in islice(self._candidates(goal, parts, uses), EXISTS_CANDIDATES):
            if sets:
                proved = self._exists_by_comprehension(goal, sets, binding)
            else:
                steps = self._establish_all(existential_parts(goal, binding))
                proved = None if steps is None else self.log.record(
                    "exists_intro", goal, steps, self.block, subst=dict(sorted(binding.items())))
            if proved is not None:
                return proved
        return None

    def _establish_all(self, goals: list[Formula]) -> list[str] | None:
        steps = []
        for part in goals:
            step = self.establish(part)
            if step is None:
                return None
            steps.append(step)
        return steps

    def _candidates(self, goal: Not, parts: list[Formula], uses: dict[str, str]
                    ) -> Iterator[tuple[dict[str, str], dict[str, tuple[str, Formula]]]]:
        """Witnesses to try, in a deterministic order: a binding of the element and relation
        variables, and for each set variable its element and property."""
        variables = goal.body.variables
        elements = [v for v in variables if uses[v] == "element"]
        others = set(variables) - set(elements)
        patterns = []
        for part in parts:
            pattern = pattern_of(part)
            if pattern is not None and not set(pattern.args) & others:
                patterns.append(pattern)
        rule = Rule(goal, "", variables, tuple(patterns), goal, 0, True)
        element_bindings: list[dict[str, str]] = []
        for found in self._join(rule, {}, list(range(len(patterns)))):
            chosen = {v: found[v] for v in elements if v in found}
            if len(chosen) == len(elements) and chosen not in element_bindings:
                element_bindings.append(chosen)
            if len(element_bindings) >= EXISTS_CANDIDATES:
                break
        relations = [v for v in variables if uses[v] in FUNCTION_ATOMS]
        sets = [v for v in variables if uses[v] == "set"]
        choices = [self._relations(uses[v]) for v in relations] + [_set_properties(v, parts) for v in sets]
        for chosen in element_bindings:
            for combination in product(*choices):
                yield ({**chosen, **dict(zip(relations, combination[:len(relations)]))},
                       dict(zip(sets, combination[len(relations):])))

    def _relations(self, pred: str) -> list[str]:
        """The constants used as the relation of ``pred`` atoms (``in2``: unary functions) among
        the live facts: the block's own (witnesses, parameters: the accumulator at hand) first,
        then the theory's, each in name order."""
        found = {args[-1] for args in self.store.by_pred.get((True, pred), ())}
        return sorted(found, key=lambda name: (name in self.operations, name))

    def _exists_by_comprehension(self, goal: Not, sets: dict[str, tuple[str, Formula]],
                                 binding: dict[str, str]) -> str | None:
        """∃M ȳ (…) with M := {p | φ}: a ``contradiction`` child assumes ∀M ȳ ¬(…), instantiates
        each set variable by ``comprehension`` and the others by ``apply``, and establishes the
        parts that the instance denies."""
        child = self.child("contradiction")
        assumed: Formula = goal.body
        step = child.assume(assumed)
        for variable, (element, prop) in sets.items():
            try:
                instance = Forall(tuple(v for v in assumed.variables if v != variable),
                                  comprehend(assumed.antecedent, variable, element, prop),
                                  comprehend(assumed.consequent, variable, element, prop))
            except ValueError:
                return None
            step = self.log.record("comprehension", instance, (step,), child.block,
                                   set=variable, element=element, property=self.log.text(prop))
            assumed = instance
        rest = {v: binding[v] for v in assumed.variables}
        premises = child._establish_all(list(conjuncts(substitute(assumed.antecedent, rest))))
        if premises is None:
            return None
        denied = substitute(assumed.consequent, rest)
        applied = self.log.record("apply", denied, (step, *premises), child.block,
                                  subst=dict(sorted(rest.items())), levels=1)
        held = child.establish(denied.body if isinstance(denied, Not) else Not(denied))
        if held is None:
            return None
        clash = (held, applied) if isinstance(denied, Not) else (applied, held)
        return self.log.record("not_intro", goal, clash, self.block, closes=child.block)

    def _by_contradiction(self, goal: Formula, saturate: bool) -> str | None:
        """``goal`` from a ``contradiction`` child assuming ¬goal that clashes (``saturate``:
        derive in the child until it does; else the clash is this block's own): ¬¬goal by
        ``not_intro``, then ``double_neg``."""
        child = self.child("contradiction")
        child.assume(Not(goal))
        if saturate:
            child.saturate()
        if child.clash is None:
            return None
        refuted = self.log.record("not_intro", Not(Not(goal)), child.clash, self.block, closes=child.block)
        return self.log.record("double_neg", goal, (refuted,), self.block)
