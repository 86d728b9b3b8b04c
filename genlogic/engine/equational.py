"""Proving an equation by rewriting, directly or by induction, and replaying the rewrites as
kernel steps — the fast path of exploration.

The search is :mod:`genlogic.engine.rewrite` over the laws (:mod:`genlogic.engine.laws`) of the
axioms, the known theorems and, in an induction step, the hypothesis. Its chains are untrusted;
:class:`Replay` turns each into ordinary steps of docs/proofgraph.md, which the checker
re-derives like any other proof:

* every term of a chain gets a constant: a block parameter, a constant of the theory, or a
  witness of the totality axiom of its operation (``apply`` + ``witness``), whose definition
  ``g(ā) = c`` is a fact; membership in the carrier comes with the witness;
* a rewrite with a law is an ``apply`` of the law (its premises are those definitions and
  memberships) and, for a law concluding ``g(ā) = c``, the functionality axiom of ``g``;
* a rewrite inside a term is carried to the top by ``eq_subst`` and functionality, one level at
  a time; the steps of a chain are joined by ``eq_trans``.

Induction instantiates the theory's induction schema exactly as :mod:`genlogic.engine.goal`
does (a ``comprehension`` step) and proves each case in ``forall`` blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from genlogic.engine.block import BudgetHits, Naming, existential_parts
from genlogic.engine.goal import Attempt, KnownTheorem, cite, induction_instance, package
from genlogic.engine.laws import Law, read_law
from genlogic.engine.proof import Calculation, Link, ProofLog
from genlogic.engine.rewrite import Chain, Joiner, Order, Rewrite, Rewriter, Use, defines, precedence, rewrites
from genlogic.engine.terms import Term, apply, fix, instantiate, leaf
from genlogic.mpl.ast import FUNCTION_ATOMS, And, Atom, Forall, Formula, conjoin, conjuncts
from genlogic.mpl.subst import substitute
from genlogic.theory.model import Theory

#: the name the induction step gives its fixed predecessor in the rewriting order: below every
#: variable name of a conjecture, so the order does not depend on the theory's choice of names
PREDECESSOR = "@"
#: the largest normal form of a hypothesis's side that Replay._reduced keeps (terms of a Logic
#: Block's values can normalise to numerals and sums far too large to help)
REDUCED_SIZE = 64


class Failed(Exception):
    """The rewriter found no chain, or a formula has a shape the replay does not handle."""


@dataclass(frozen=True)
class Value:
    """The constant standing for a term, and the step defining it (``g(ā) = constant``)."""

    constant: str
    definition: str | None


@dataclass(frozen=True)
class Equality:
    """``left = right`` proved by ``step`` (``None``: the same constant)."""

    left: str
    right: str
    step: str | None


@dataclass(frozen=True)
class OperationAxioms:
    """Where the theory says that operation ``name`` is total on ``domain`` and functional: the
    indices of those facts in :attr:`Theory.facts`, as the signature recognised them."""

    name: str
    domain: str
    total: int
    functional: int


@dataclass(frozen=True)
class Context:
    """What the replay reads from a theory, once: the laws among its facts (theory.facts: the
    axioms in canonical clause form and the lemmas recognition added), the totality and
    functionality facts of each operation, the ground facts about its constants, the order.
    Lemmas that could not be proved are left out."""

    theory: Theory
    operations: dict[str, int]
    axioms: dict[str, OperationAxioms]
    laws: tuple[tuple[str, Law], ...]
    facts: tuple[tuple[int, Atom], ...]  # atomic axioms
    rank: dict[str, tuple[int, int, int]]
    constants: frozenset[str]
    order: Order
    # the constants an axiom rewrites to a term (``1 = s(0)`` unfolds ``1``), with that term: a
    # term with one is never in normal form, so exploration builds its terms without them, and a
    # hypothesis or known theorem that mentions one is read with the term in its place (else its
    # left side never matches a normal form)
    unfold: dict[str, Term]
    cache: dict = field(default_factory=dict, compare=False, hash=False)  # see _rules, _joiner


@lru_cache(maxsize=4)
def context(theory: Theory) -> Context:
    """The replay's view of ``theory``: it cites every fact but those whose lemma could not be
    proved (engine/lemmas.py has proved the others before any attempt cites them)."""
    usable = frozenset(range(len(theory.facts))) - theory.signature.unusable
    operations = {op.name: op.inputs for op in theory.signature.operations if op.is_operation}
    constructors = {name for schema in theory.signature.induction for name in (schema.base, schema.step)}
    facts = []
    found_laws: dict[frozenset, tuple[str, Law]] = {}  # one law per pair of sides
    for index, fact in enumerate(theory.facts):
        if index not in usable:
            continue
        if isinstance(fact.formula, Atom):
            facts.append((index, fact.formula))
        law = read_law(fact.formula, operations)
        if law is None or law.left == law.right:
            continue
        key = frozenset((law.left, law.right))
        # a recursion stated both ways (as written, and its normal_oriented lemma) is cited in
        # its defining direction only, so the replay is the same however it was written
        if key not in found_laws or (defines(law.left, constructors) and not defines(found_laws[key][1].left, constructors)):
            found_laws[key] = (f"fact {index}", law)
    laws = list(found_laws.values())
    found = {}
    for op in theory.signature.operations:
        if op.is_operation and op.total_fact in usable and op.functional_fact in usable:
            found[op.name] = OperationAxioms(op.name, op.domain, op.total_fact, op.functional_fact)
    symbols = {c.name: operations.get(c.name, 0) for c in theory.signature.constants
               if c.name in operations or c.kind.value == "element"}
    rank = precedence([law for _, law in laws], symbols, constructors)
    constants = frozenset(c.name for c in theory.signature.constants)
    order = Order(rank)
    unfold = {r.lhs.head: r.rhs for r in rewrites(order, laws) if not r.ordered and not r.lhs.args and not r.lhs.variable}
    unfold = {name: _unfolded(term, unfold) for name, term in unfold.items()}
    return Context(theory, operations, found, tuple(laws), tuple(facts), rank, constants, order, unfold)


def _unfolded(term: Term, unfold: dict[str, Term], seen: tuple[str, ...] = ()) -> Term:
    """``term`` with every constant of ``unfold`` replaced by its term, recursively."""
    if not term.args:
        if term.variable or term.head not in unfold or term.head in seen:
            return term
        return _unfolded(unfold[term.head], unfold, (*seen, term.head))
    return apply(term.head, tuple(_unfolded(a, unfold, seen) for a in term.args))


def _rules(ctx: Context, known: tuple[KnownTheorem, ...]) -> list[Rewrite]:
    """The rewrites of the axioms and of ``known`` (each theorem read and oriented once)."""
    if "axioms" not in ctx.cache:
        ctx.cache["axioms"] = rewrites(ctx.order, list(ctx.laws))
    found = list(ctx.cache["axioms"])
    for theorem in known:
        if theorem not in ctx.cache:
            law = read_law(theorem.statement, ctx.operations, ctx.unfold)
            ctx.cache[theorem] = rewrites(ctx.order, [(f"theorem {theorem.name}", law)]) if law else []
        found.extend(ctx.cache[theorem])
    return found


def _joiner(ctx: Context, known: tuple[KnownTheorem, ...], rules: list[Rewrite]) -> Joiner:
    """The joiner without hypotheses for ``known``, kept while the same theorems are known (its
    normal forms stay valid), so the attempts of one round share them."""
    key = ("joiner", known)
    if key not in ctx.cache:
        for old in [k for k in ctx.cache if isinstance(k, tuple) and k[0] == "joiner"]:
            del ctx.cache[old]
        ctx.cache[key] = Joiner(ctx.order, [], rules)
    return ctx.cache[key]


@dataclass
class Scope:
    """What a block knows: the value of each term, the definitions and memberships proved so
    far, the term each constant stands for, and the laws of its hypotheses."""

    block: str
    values: dict[Term, Value] = field(default_factory=dict)
    # (operation, input constants) → the value of that application
    applications: dict[tuple[str, tuple[str, ...]], Value] = field(default_factory=dict)
    # constant → the (operation, input constants, step) that defines it
    definition_of: dict[str, tuple[str, tuple[str, ...], str]] = field(default_factory=dict)
    members: dict[tuple[str, str], str] = field(default_factory=dict)
    origin: dict[str, Term] = field(default_factory=dict)
    laws: list[tuple[str, Law]] = field(default_factory=list)
    aliases: dict[str, Equality] = field(default_factory=dict)  # c = p: p stands for c's term

    def child(self, block: str) -> "Scope":
        return Scope(block, dict(self.values), dict(self.applications), dict(self.definition_of),
                     dict(self.members), dict(self.origin), list(self.laws), dict(self.aliases))

    def alias(self, constant: str) -> Equality:
        """``c = constant`` where ``c`` is the constant the scope uses for ``constant``'s term."""
        return self.aliases.get(constant, Equality(constant, constant, None))


class Replay:
    """One proof attempt: a fresh log, the theory's laws plus ``known`` theorems as rewrites.

    ``splits`` is how deep a universal subgoal that rewriting cannot prove may be proved by a
    nested induction on one of its variables instead (a case split on that variable whose step
    case also has its own hypothesis): the step of an induction on x often needs the cases
    y = 0 and y = s(y') of another variable, as for x - y defined by recursion on both."""

    def __init__(self, ctx: Context, known: tuple[KnownTheorem, ...], splits: int = 0, log: ProofLog | None = None,
                 naming: Naming | None = None, root: str | None = None):
        """A fresh proof, or with ``log``, ``naming`` and ``root`` steps in a Logic Block's."""
        self.ctx = ctx
        self.splits = splits
        self.depth = 0  # inductions open: the predecessor of the innermost is PREDECESSOR * depth
        self.log = log or ProofLog()
        self.naming = naming or Naming(reserved=set(ctx.constants))
        self.root = Scope(root or self.naming.block("root", None))
        # "reduced <hypothesis source>" → the hypothesis and its law (see _reduced); and the
        # step proving each reduced hypothesis, per block
        self.reduced: dict[str, tuple[str, Law]] = {}
        self.reduced_steps: dict[tuple[str, str], Equality] = {}
        self.reducer: Rewriter | None = None  # the normalisation of hypotheses (_reduced)
        self.order = ctx.order
        self.statements = {f"theorem {t.name}": t for t in known}
        self.base = _rules(ctx, known)
        self.rewriters: dict[tuple[str, ...], Joiner] = {(): _joiner(ctx, known, self.base)}
        self.sources: dict[str, str] = {}
        for index, atom in ctx.facts:
            if atom.pred in FUNCTION_ATOMS and ctx.operations.get(atom.args[-1]) == len(atom.args) - 2:
                step = self._source(f"fact {index}")
                key = (atom.args[-1], atom.args[:-2])
                self.root.applications.setdefault(key, Value(atom.args[-2], step))
                self.root.definition_of.setdefault(atom.args[-2], (atom.args[-1], atom.args[:-2], step))
            elif atom.pred == "in":
                self.root.members[(atom.args[0], atom.args[1])] = self._source(f"fact {index}")

    def cut(self) -> int:
        """Normal forms given up at the rewriter's limit so far, by this attempt's rewriters (the
        one without hypotheses is shared between attempts: counts are compared, not reset)."""
        return sum(joiner.cut for joiner in self.rewriters.values())

    # --- planning (no steps) ---------------------------------------------------------------------

    def rewriter(self, hypotheses: list[tuple[str, Law]]) -> Joiner:
        """The rewriter of a scope: its hypotheses (tried first), the axioms, the known theorems."""
        key = tuple(source for source, _ in hypotheses)
        if key not in self.rewriters:
            self.rewriters[key] = Joiner(self.order, rewrites(self.order, hypotheses), self.base)
        return self.rewriters[key]

    def direct(self, statement: Formula) -> tuple[str, ...] | None:
        """The known theorems a direct proof of ``statement`` by rewriting uses (sorted), or None
        when the rewriter does not join its sides — what :meth:`plan` checks, without steps."""
        law = read_law(statement, self.ctx.operations)
        chain = self.rewriter([]).join(fix(law.left), fix(law.right)) if law is not None else None
        if chain is None:
            return None
        return tuple(sorted({u.rewrite.source.partition(" ")[2] for u in chain.uses
                             if u.rewrite.source.startswith("theorem ")}))

    def plan(self, statement: Formula, variable: str | None) -> bool:
        """Whether the rewriter joins every equation the proof will need — checked before any
        step is recorded, so failing attempts cost only rewriting."""
        law = read_law(statement, self.ctx.operations)
        if law is None:
            return False
        if variable is None:
            return self.direct(statement) is not None
        schema = self._schema(statement, variable)
        instance = induction_instance(self.ctx.theory, statement, variable)
        if schema is None or instance is None:
            return False
        base, step = schema
        claim = substitute(instance.prop.right, {variable: PREDECESSOR})
        hypothesis = read_law(claim, self.ctx.operations, self.ctx.unfold)
        if hypothesis is None:
            return False
        cases = [
            (leaf(base, False), []),
            (apply(step, (leaf(PREDECESSOR, False),)), [("hypothesis", hypothesis)]),
        ]
        for value, hypotheses in cases:
            binding = {variable: value}
            left, right = fix(instantiate(law.left, binding)), fix(instantiate(law.right, binding))
            if self.rewriter(hypotheses).join(left, right) is None:
                return False
        return True

    def _schema(self, statement: Forall, variable: str) -> tuple[str, str] | None:
        for schema in self.ctx.theory.signature.induction:
            if Atom("in", (variable, schema.carrier)) in set(conjuncts(statement.antecedent)):
                return schema.base, schema.step
        return None

    # --- replay ----------------------------------------------------------------------------------

    def prove(self, statement: Formula, variable: str | None) -> str:
        """The step proving ``statement`` in the root block (raises :class:`Failed`)."""
        if variable is None:
            return self.establish(statement, self.root)
        return self._induct(statement, variable, self.root)

    def _induct(self, statement: Formula, variable: str, scope: Scope) -> str:
        """``statement`` proved in ``scope`` by induction on ``variable``."""
        instance = induction_instance(self.ctx.theory, statement, variable)
        if instance is None:
            raise Failed("no induction instance")
        instance_step = instance.record(self.ctx.theory, self.log, scope.block)
        _, successor = self._schema(statement, variable)
        self.depth += 1
        try:
            cases = [
                self._forall(case, scope, predecessor=True) if _is_step_case(case, successor)
                else self.establish(case, scope)
                for case in conjuncts(instance.formula.antecedent)
            ]
        finally:
            self.depth -= 1
        conclusion = instance.formula.consequent
        proved = self.log.record("apply", conclusion, (instance_step, *cases), scope.block, subst={}, levels=1)
        return self._from_induction(statement, variable, conclusion, proved, scope)

    def _from_induction(self, statement: Forall, variable: str, conclusion: Forall, proved: str,
                        scope: Scope) -> str:
        """∀x̄ (x ∈ X ∧ A → B) from ∀n (n ∈ X → n ∈ X ∧ ∀ȳ (A → B)[x := n])."""
        block, mapping, parts = self._open(statement, scope.block)
        parts = dict(parts)
        (n,) = conclusion.variables
        element = mapping[variable]
        both = substitute(conclusion.consequent, {n: element})
        step = self.log.record("apply", both, (proved, parts[Atom("in", (element, self._carrier(statement, variable)))]),
                               block, subst={n: element}, levels=1)
        claim = both.right
        step = self.log.record("and_elim", claim, (step,), block, side=1)
        if isinstance(claim, Forall) and claim.variables and not _is_consequent(statement, claim, mapping):
            rest = [mapping[v] for v in statement.variables if v != variable]
            subst = dict(zip(claim.variables, rest))
            premises = [parts[p] for p in conjuncts(substitute(claim.antecedent, subst))]
            consequent = substitute(claim.consequent, subst)
            step = self.log.record("apply", consequent, (step, *premises), block, subst=subst, levels=1)
        return self.log.record("forall_intro", statement, (step,), scope.block, closes=block)

    def _carrier(self, statement: Forall, variable: str) -> str:
        for atom in conjuncts(statement.antecedent):
            if isinstance(atom, Atom) and atom.pred == "in" and atom.args[0] == variable:
                return atom.args[1]
        raise Failed("unguarded induction variable")

    def establish(self, goal: Formula, scope: Scope) -> str:
        if isinstance(goal, And):
            left = self.establish(goal.left, scope)
            right = self.establish(goal.right, scope)
            return self.log.record("and_intro", goal, (left, right), scope.block)
        if isinstance(goal, Forall) and goal.variables:
            if self.splits == 0:
                return self._forall(goal, scope)
            try:
                return self._forall(goal, scope)
            except Failed:
                pass
            self.splits -= 1
            try:
                for variable in goal.variables:
                    if self._schema(goal, variable) is not None:
                        try:
                            return self._induct(goal, variable, scope)
                        except Failed:
                            continue
            finally:
                self.splits += 1
            raise Failed("no chain, and no case split proves it")
        if isinstance(goal, Atom) and goal.pred == "in":
            return self.member(scope, goal.args[0], goal.args[1])
        if isinstance(goal, Atom):
            return self.equation(goal, scope)
        raise Failed("goal shape")

    def _forall(self, goal: Forall, scope: Scope, predecessor: bool = False) -> str:
        """∀-introduction. The block's parameters stand for leaves named after their variables,
        or for the terms the assumption defines them as; with ``predecessor`` (the step case of an
        induction) the one undefined parameter is :data:`PREDECESSOR` and every other part of the
        assumption is a hypothesis."""
        block, mapping, parts = self._open(goal, scope.block)
        params = tuple(mapping.values())
        inner = scope.child(block)
        definers = {}
        for part, step in parts:
            if (isinstance(part, Atom) and part.pred in FUNCTION_ATOMS and part.args[-2] in params
                    and part.args[-2] not in part.args[:-2]
                    and self.ctx.operations.get(part.args[-1]) == len(part.args) - 2):
                definers.setdefault(part.args[-2], (part, step))
        undefined = [v for v, p in mapping.items() if p not in definers]
        if predecessor and len(undefined) != 1:
            raise Failed("the step case fixes one predecessor")
        for variable, param in mapping.items():
            if param not in definers:
                name = PREDECESSOR * self.depth if predecessor else variable
                term = leaf(name, False)
                if term in inner.values or name in self.ctx.constants:
                    raise Failed("two parameters for one name")
                inner.origin[param] = term
                inner.values[term] = Value(param, None)
        while definers:
            ready = [p for p, (atom, _) in definers.items() if all(self._known(inner, a) for a in atom.args[:-2])]
            if not ready:
                raise Failed("cyclic definitions")
            for param in ready:
                atom, step = definers.pop(param)
                self._define(inner, param, atom, step)
        definitions = {inner.definition_of[p][2] for p in params if p in inner.definition_of}
        for part, step in parts:
            if isinstance(part, Atom) and part.pred == "in":
                inner.members.setdefault((part.args[0], part.args[1]), step)
            elif isinstance(part, Forall) or predecessor and step not in definitions:
                law = read_law(part, self.ctx.operations, {**self.ctx.unfold, **inner.origin})
                if law is not None:
                    inner.laws.append((step, law))
        result = self.establish(substitute(goal.consequent, mapping), inner)
        return self.log.record("forall_intro", goal, (result,), scope.block, closes=block)

    def _define(self, scope: Scope, param: str, atom: Atom, step: str) -> None:
        """Register the assumed ``g(ā) = param``: ``param`` stands for the term g(ā); if the
        scope already has a constant for that term, ``param`` becomes its alias."""
        op, inputs = atom.args[-1], atom.args[:-2]
        term = apply(op, tuple(self._origin(scope, a) for a in inputs))
        scope.origin[param] = term
        moved = [scope.alias(a) for a in inputs]
        canonical = tuple(e.left for e in moved)
        if canonical != inputs:
            flipped = [self._symm(scope, e) for e in moved if e.step is not None]
            step = self.log.record("eq_subst", Atom(atom.pred, (*canonical, param, op)),
                                   (step, *(e.step for e in flipped)), scope.block)
        existing = scope.values.get(term) or scope.applications.get((op, canonical))
        if existing is not None:
            scope.values[term] = existing
            scope.aliases[param] = self.functional(scope, op, existing.definition, step)
            return
        value = Value(param, step)
        scope.values[term] = value
        scope.applications[(op, canonical)] = value
        scope.definition_of[param] = (op, canonical, step)

    def _open(self, goal: Forall, parent: str) -> tuple[str, dict[str, str], list[tuple[Formula, str]]]:
        """A ``forall`` block for ``goal`` under ``parent``: its id, the parameter of each
        variable, and the parts of its assumption with the steps that split them off."""
        params = tuple(self.naming.parameter(v) for v in goal.variables)
        block = self.naming.block("forall", parent, params)
        mapping = dict(zip(goal.variables, params))
        assumption = substitute(goal.antecedent, mapping)
        assumed = self.log.record("assume", assumption, (), block)
        self.naming.assumptions[block] = assumed
        return block, mapping, self._split(assumption, assumed, block)

    def _known(self, scope: Scope, name: str) -> bool:
        return name in scope.origin or name in self.ctx.constants

    def _origin(self, scope: Scope, name: str) -> Term:
        return scope.origin.get(name) or leaf(name, False)

    def _split(self, formula: Formula, step: str, block: str) -> list[tuple[Formula, str]]:
        if not isinstance(formula, And):
            return [(formula, step)]
        left = self.log.record("and_elim", formula.left, (step,), block, side=0)
        right = self.log.record("and_elim", formula.right, (step,), block, side=1)
        return self._split(formula.left, left, block) + self._split(formula.right, right, block)

    def equation(self, goal: Atom, scope: Scope) -> str:
        law = read_law(goal, self.ctx.operations, scope.origin)
        if law is None:
            raise Failed("not an equation")
        chain = self.rewriter(scope.laws + self._reduced(scope.laws)).join(law.left, law.right)
        if chain is None:
            raise Failed("no chain")
        links: list[Link] = []
        equality = self.chain(scope, chain, links)
        if goal.pred == "=":
            a, b = goal.args
            first, last = self._symm(scope, scope.alias(a)), scope.alias(b)
            links = [Link(e.step, ()) for e in (first,) if e.step] + links + [Link(e.step, ()) for e in (last,) if e.step]
            equality = self._trans(scope, self._trans(scope, first, equality), last)
            if equality.step is None:
                return self.log.record("eq_refl", goal, (), scope.block)
            return self._explained(equality.step, links)
        left = self.value(scope, law.left)
        last = scope.alias(goal.args[-2])
        links += [Link(e.step, ()) for e in (last,) if e.step]
        output = self._trans(scope, equality, last)
        moved = [scope.alias(a) for a in goal.args[:-2]] + [output]
        equalities = tuple(e.step for e in moved if e.step is not None)
        if not equalities:
            return left.definition
        return self._explained(self.log.record("eq_subst", goal, (left.definition, *equalities), scope.block), links)

    def _reduced(self, hypotheses: list[tuple[str, Law]]) -> list[tuple[str, Law]]:
        """Each ground hypothesis A = B with both sides in normal form by the axioms and known
        theorems: NF(A) = NF(B) (one that normalises to an identity is dropped). The rewrites of
        a hypothesis as stated rarely apply to a goal, whose subterms are normalised innermost
        first (``s(1) · q`` is ``q + q`` by then); its reduced form, oriented by the order, does."""
        if self.reducer is None:
            self.reducer = Rewriter(self.order, self.base, max_size=REDUCED_SIZE)
        found = []
        for source, law in hypotheses:
            if law.variables:
                continue
            sides = [self.reducer.normalise(law.left), self.reducer.normalise(law.right)]
            if None in sides or sides[0][0] == sides[1][0] or (sides[0][0], sides[1][0]) == (law.left, law.right):
                continue
            key = f"reduced {source}"
            self.reduced[key] = (source, law)
            found.append((key, Law(law.formula, (), (), law.conclusion, sides[0][0], sides[1][0])))
        return found

    def _reduce(self, scope: Scope, key: str) -> Equality:
        """value(NF(A)) = value(NF(B)) for the reduced hypothesis ``key``: NF(A) = A = B = NF(B),
        replayed in ``scope`` (once per block)."""
        found = self.reduced_steps.get((key, scope.block))
        if found is not None:
            return found
        source, law = self.reduced[key]
        ends = []
        for side in (law.left, law.right):
            normal, uses = self.reducer.normalise(side)
            ends.append(self.chain(scope, Chain(side, normal, tuple(uses)), []))
        stated = self._instance(scope, law, source, {})
        found = self._trans(scope, self._trans(scope, self._symm(scope, ends[0]), stated), ends[1])
        self.reduced_steps[(key, scope.block)] = found
        return found

    def _explained(self, step: str, links: list[Link]) -> str:
        """``step``, with the calculation it was found by (kept the first time it is recorded)."""
        if links:
            self.log.calculations.setdefault(step, Calculation(step, tuple(links)))
        return step

    # --- values and memberships ---------------------------------------------------------------

    def value(self, scope: Scope, term: Term) -> Value:
        found = scope.values.get(term)
        if found is not None:
            return found
        if not term.args:
            if term.variable or term.head not in self.ctx.constants:
                raise Failed(f"no value for {term.text()}")
            found = Value(term.head, None)
        else:
            inputs = tuple(self.value(scope, a).constant for a in term.args)
            found = scope.applications.get((term.head, inputs)) or self._witness(scope, term.head, inputs)
        scope.values[term] = found
        return found

    def _witness(self, scope: Scope, op: str, inputs: tuple[str, ...]) -> Value:
        """A fresh constant for ``op(inputs)``, by the totality axiom."""
        axioms = self.ctx.axioms.get(op)
        if axioms is None:
            raise Failed(f"{op} has no totality axiom")
        axiom = self.ctx.theory.facts[axioms.total].formula
        (output,) = axiom.consequent.body.variables
        parts = existential_parts(axiom.consequent, {})
        pattern = next(p for p in parts if isinstance(p, Atom) and p.args[-1:] == (op,) and p.args[-2] == output)
        subst = dict(zip(pattern.args[:-2], inputs))
        premises = [self.member(scope, subst[g.args[0]], g.args[1]) for g in conjuncts(axiom.antecedent)]
        exists = substitute(axiom.consequent, subst)
        step = self.log.record("apply", exists, (self._source(f"fact {axioms.total}"), *premises), scope.block,
                               subst=dict(sorted(subst.items())), levels=1)
        (output,) = exists.body.variables  # renamed if an input has its name
        name = self.naming.witness()
        witnessed = conjoin(existential_parts(exists, {output: name}))
        step = self.log.record("witness", witnessed, (step,), scope.block, witnesses={output: name})
        value = None
        for part, part_step in self._split(witnessed, step, scope.block):
            if part == Atom("in", (name, axioms.domain)):
                scope.members[(name, axioms.domain)] = part_step
            elif isinstance(part, Atom) and part.args[-1:] == (op,):
                value = Value(name, part_step)
        assert value is not None
        scope.applications[(op, inputs)] = value
        scope.definition_of[name] = (op, inputs, value.definition)
        return value

    def member(self, scope: Scope, constant: str, domain: str) -> str:
        """A step proving ``constant ∈ domain``."""
        found = scope.members.get((constant, domain))
        if found is not None:
            return found
        definition = scope.definition_of.get(constant)
        if definition is None:
            raise Failed(f"no membership for {constant}")
        op, inputs, step = definition
        axioms = self.ctx.axioms.get(op)
        if axioms is None or axioms.domain != domain:
            raise Failed(f"{op} does not stay in {domain}")
        witness = self._witness(scope, op, inputs) if scope.applications[(op, inputs)].constant == constant else None
        if witness is None:
            raise Failed("ambiguous definition")
        scope.applications[(op, inputs)] = Value(constant, step)
        equal = self.functional(scope, op, witness.definition, step)
        found = self.log.record("eq_subst", Atom("in", (constant, domain)),
                                (scope.members[(witness.constant, domain)], equal.step), scope.block)
        scope.members[(constant, domain)] = found
        return found

    # --- equalities -------------------------------------------------------------------------

    def functional(self, scope: Scope, op: str, first: str, second: str) -> Equality:
        """``c = d`` from the facts ``op(ā) = c`` (step ``first``) and ``op(ā) = d``."""
        a, b = self.log.steps[first].formula, self.log.steps[second].formula
        if a.args[-2] == b.args[-2]:
            return Equality(a.args[-2], a.args[-2], None)
        axioms = self.ctx.axioms.get(op)
        if axioms is None:
            raise Failed(f"{op} has no functionality axiom")
        index = axioms.functional
        axiom = self.ctx.theory.facts[index].formula
        guards = [p for p in conjuncts(axiom.antecedent) if p.pred == "in"]
        one, two = [p for p in conjuncts(axiom.antecedent) if p.pred != "in"]
        subst = dict(zip(one.args[:-1], a.args[:-1]))
        subst[two.args[-2]] = b.args[-2]
        if set(subst) != set(axiom.variables):
            raise Failed(f"the functionality of {op} has another shape")
        premises = {one: first, two: second}
        for guard in guards:
            premises[guard] = self.member(scope, subst[guard.args[0]], guard.args[1])
        cited = [premises[p] for p in conjuncts(axiom.antecedent)]
        conclusion = substitute(axiom.consequent, subst)
        wanted = Atom("=", (a.args[-2], b.args[-2]))
        if conclusion not in (wanted, Atom("=", (b.args[-2], a.args[-2]))):
            raise Failed(f"the functionality of {op} has another shape")
        step = self.log.record("apply", conclusion, (self._source(f"fact {index}"), *cited), scope.block,
                               subst=dict(sorted(subst.items())), levels=1)
        if conclusion != wanted:  # stated d = c
            step = self.log.record("eq_symm", wanted, (step,), scope.block)
        return Equality(a.args[-2], b.args[-2], step)

    def _symm(self, scope: Scope, e: Equality) -> Equality:
        if e.step is None:
            return e
        step = self.log.record("eq_symm", Atom("=", (e.right, e.left)), (e.step,), scope.block)
        return Equality(e.right, e.left, step)

    def _trans(self, scope: Scope, e: Equality, f: Equality) -> Equality:
        assert e.right == f.left
        if e.step is None:
            return f
        if f.step is None:
            return e
        if e.left == f.right:
            return Equality(e.left, e.left, None)
        step = self.log.record("eq_trans", Atom("=", (e.left, f.right)), (e.step, f.step), scope.block)
        return Equality(e.left, f.right, step)

    def chain(self, scope: Scope, chain: Chain, links: list[Link]) -> Equality:
        """value(first term) = value(last term); each rewrite that changes the value is added to
        ``links`` with the step of the law it uses."""
        terms = chain.terms()
        start = self.value(scope, terms[0]).constant
        total = Equality(start, start, None)
        pending: list[str] = []  # laws of rewrites that needed no step: credited to the next line
        for before, after, use in zip(terms, terms[1:], chain.uses):
            equality = self._lift(scope, before, after, use.position, use)
            pending.append(self._source(use.rewrite.source))
            if equality.step is not None:
                links.append(Link(equality.step, tuple(dict.fromkeys(pending))))
                pending = []
            total = self._trans(scope, total, equality)
        if pending and links:
            last = links[-1]
            links[-1] = Link(last.step, tuple(dict.fromkeys(last.by + tuple(pending))))
        return total

    def _lift(self, scope: Scope, before: Term, after: Term, position: tuple[int, ...], use: Use) -> Equality:
        """value(before) = value(after), which differ by ``use`` at ``position``."""
        if not position:
            return self._rewrite(scope, before, after, use)
        index = position[0]
        inner = self._lift(scope, before.args[index], after.args[index], position[1:], use)
        old, new = self.value(scope, before), self.value(scope, after)
        if old.constant == new.constant:
            return Equality(old.constant, old.constant, None)
        if inner.step is None:
            raise Failed("congruence without an equality")
        fact = self.log.steps[old.definition].formula
        args = list(fact.args)
        args[index] = inner.right
        moved = self.log.record("eq_subst", Atom(fact.pred, tuple(args)), (old.definition, inner.step), scope.block)
        return self.functional(scope, before.head, moved, new.definition)

    def _rewrite(self, scope: Scope, before: Term, after: Term, use: Use) -> Equality:
        """value(before) = value(after) by one instance of a law at the top."""
        rewrite: Rewrite = use.rewrite
        binding = dict(use.binding)
        equality = self._instance(scope, rewrite.law, rewrite.source, binding)
        if rewrite.reverse != use.backward:
            equality = self._symm(scope, equality)
        if (equality.left, equality.right) != (self.value(scope, before).constant, self.value(scope, after).constant):
            raise Failed("rewrite does not connect its terms")
        return equality

    def _instance(self, scope: Scope, law: Law, source: str, binding: dict[str, Term]) -> Equality:
        """value(left·binding) = value(right·binding) from one instance of ``law``."""
        if source in self.reduced:
            return self._reduce(scope, source)
        subst = {}
        for name, term in law.terms:
            subst[name] = self.value(scope, instantiate(term, binding)).constant
        step = self._source(source)
        if law.levels:
            premises = []
            for _, level in law.levels:
                for premise in level:
                    if premise.op is None:
                        premises.append(self.member(scope, subst[premise.variable], premise.atom.args[1]))
                    else:
                        term = instantiate(law.term(premise.variable), binding)
                        premises.append(self.value(scope, term).definition)
            conclusion = substitute(law.conclusion, subst)
            step = self.log.record("apply", conclusion, (step, *premises), scope.block,
                                   subst=dict(sorted(subst.items())), levels=len(law.levels))
        else:
            conclusion = law.conclusion
        if conclusion.pred == "=":
            return Equality(conclusion.args[0], conclusion.args[1], step)
        left = instantiate(law.left, binding)
        inputs = conclusion.args[:-2]
        if left not in scope.values and (left.head, inputs) not in scope.applications:
            value = Value(conclusion.args[-2], step)
            scope.values[left] = value
            scope.applications[(left.head, inputs)] = value
            return Equality(value.constant, value.constant, None)
        return self.functional(scope, left.head, self.value(scope, left).definition, step)

    def _source(self, source: str) -> str:
        """The step stating an axiom, a known theorem or a hypothesis (already a step id); for a
        reduced hypothesis, the hypothesis's."""
        if source in self.reduced:
            return self._source(self.reduced[source][0])
        if source in self.sources:
            return self.sources[source]
        kind, _, name = source.partition(" ")
        if kind == "fact":
            step = cite(self.ctx.theory, self.log, int(name), self.root.block)
        elif kind == "theorem":
            step = self.log.record("theorem", self.statements[source].statement, (), self.root.block, theorem=name)
        else:
            return source
        self.sources[source] = step
        return step


def _is_step_case(case: Formula, successor: str) -> bool:
    """∀n m (… ∧ successor(n) = m → …): the case that assumes the hypothesis."""
    return isinstance(case, Forall) and any(
        isinstance(a, Atom) and a.pred == "in2" and a.args[2] == successor and set(a.args[:2]) <= set(case.variables)
        for a in conjuncts(case.antecedent)
    )


def _is_consequent(statement: Forall, claim: Forall, mapping: dict[str, str]) -> bool:
    """Whether ``claim`` is the statement's own consequent (no other variables were guarded)."""
    return substitute(statement.consequent, mapping) == claim


def attempt_equation(
    ctx: Context, name: str, statement: Formula, known: tuple[KnownTheorem, ...], variable: str | None,
    splits: int = 0,
) -> Attempt:
    """Prove ``statement`` (an equation) by rewriting, directly or by induction on ``variable``;
    ``splits``: the nesting of inductions allowed inside (see :class:`Replay`). Without splits
    the attempt is planned first (no steps are recorded unless every chain joins)."""
    replay = Replay(ctx, known, splits)
    cut_before = replay.cut()
    proof = None
    if splits or replay.plan(statement, variable):
        try:
            final = replay.prove(statement, variable)
        except Failed:
            final = None
        if final is not None:
            proof = package(replay.log, replay.naming, name, statement, final)
    return Attempt(name, proof, BudgetHits(rewrites=replay.cut() - cut_before), 0, len(replay.log.steps))


def _general(side: Term) -> bool:
    """Whether ``side`` is an operation applied to variables only, each once: ``(x + y) · z``, not
    ``(x · y) + x`` or ``0 + (x · y)`` (instances of more general laws)."""
    leaves: list[Term] = []

    def collect(term: Term) -> None:
        if not term.args:
            leaves.append(term)
        for arg in term.args:
            collect(arg)

    collect(side)
    names = [leaf.head for leaf in leaves]
    return bool(side.args) and all(leaf.variable for leaf in leaves) and len(set(names)) == len(names)


def joinable(ctx: Context, known: tuple[KnownTheorem, ...]) -> Callable[[Formula], tuple[str, ...] | None]:
    """A test: whether the axioms and ``known`` already rewrite both sides of an equation to the
    same normal form (so proving it would add nothing). It gives the names of the theorems the
    rewriting uses (sorted), or ``None`` — also for an orientable law with a general greater side
    (associativity, a distributive law) that needs permutative rewrites to join."""
    rewriter = _joiner(ctx, known, _rules(ctx, known))

    def follows(statement: Formula) -> tuple[str, ...] | None:
        law = read_law(statement, ctx.operations)
        chain = rewriter.join(fix(law.left), fix(law.right)) if law is not None else None
        if chain is None:
            return None
        if any(use.rewrite.ordered for use in chain.uses):
            greater = law.left if ctx.order.greater(law.left, law.right) else (
                law.right if ctx.order.greater(law.right, law.left) else None)
            if greater is not None and _general(greater):
                # a permutative rewrite applies only where the order allows, and fixing the
                # variables fixes that order: a general law that the order orients rewrites terms
                # that permutative ones may not ((x · y) · z joins x · (y · z) by x · y = y · x and
                # x · (y · z) = y · (x · z) here, not (a · b) · f(a) for every a and b; with
                # x · y = y · x, (x + y) · z = x · z + y · z follows from the left-hand law only
                # where the order lets z move to the left), so it is no corollary of them
                return None
        sources = {use.rewrite.source for use in chain.uses}
        return tuple(sorted(s.partition(" ")[2] for s in sources if s.startswith("theorem ")))

    return follows
