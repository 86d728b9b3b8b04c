"""The exploration loop: conjectures from :mod:`~genlogic.explore.conjectures`, smallest first,
proved in rounds — directly, or by induction on one of their variables — by rewriting
(:mod:`genlogic.engine.equational`), every proof replayed as checkable steps. A theory without an
induction schema, where rewriting with the axioms as given often cannot start (a group's
right-handed axioms say nothing about ``e * x``), gets a small Logic-Block attempt as well: on an
equation's first try, and again only once the known theorems have more than doubled since its
last failure (its cost grows with them; rewriting is retried after every new theorem).

Each round takes the next batch of open equations that the theorems proved so far do not already
make joinable (equal normal forms) — up to half a batch of retries first (:data:`RETRIES`), then
untried ones, each kind smallest first — and attempts them all with the same known theorems, so
the attempts are independent and run on any executor. Results are merged in the equations'
order: a proof is kept unless the theorems kept before it already make its equation joinable. An
equation that failed is tried again once new equations were proved after its last attempt — as
many as it has failed (commutativity, which fails until ``x + s(y) = s(x + y)`` is known, comes
back as soon as it is, ahead of the larger untried equations; one that keeps failing does not
take every round) — and when nothing else is left, once any was; so when the loop stops every
open equation has met every theorem. When none can be tried that way, the open equations are
tried with a case split (one nested induction, :data:`CONJECTURE_SPLITS`), again once per new
theorem: unplanned attempts cost more, so they
come only when the cheap ones are exhausted (an accumulator's lemma needs one in its base case).
The loop ends when no open equation can be tried either way, or at the time or round limit.

Before the rounds, the order properties of the theory's relations
(:mod:`~genlogic.explore.relations`) that no model refutes are proved where they can be, in
Logic Blocks; when no equation is left to try, they are tried again with the conditional laws
(:mod:`~genlogic.explore.conditional`), each in three passes (:func:`run_conjecture`: the axioms
alone, the relevant known equations, all relevant known theorems) under a budget of joins, and
again once twice as many relevant theorems are known — a relation's property also whenever a
theorem about its own symbols is new, in a pass with those alone. An equation's retry waits for
new equations only: the rewriter cannot use the others. Stated goals are proved goal-directed: tried
before the first round and after every round that proved a theorem, with case splits (nested
inductions) allowed, and exploration stops once they are all proved. Before the first round, a
goal that is not an equation gets the conditional laws that share an atom with it; its Logic
Blocks are retried with all relevant theorems by the doubling rule, with the relevant equations
alone whenever there is a new one, with the theorems about its own symbols whenever one of those
is new. A goal's case splits come again only once half as many
equations more are known as at its last attempt with them.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable

from genlogic.engine.algebra import by_rewriting
from genlogic.engine.block import Budget, BudgetHits
from genlogic.engine.equational import attempt_equation, context, joinable
from genlogic.engine.goal import Attempt, KnownTheorem, Proof, attempt, induction_variables
from genlogic.engine.grid import Executor
from genlogic.engine.laws import read_law
from genlogic.explore.accumulation import Lemma
from genlogic.explore.conditional import Conditional
from genlogic.explore.conjectures import Equation, Generation
from genlogic.explore.model import Models
from genlogic.explore.relevance import Reach, base_symbols, relevant_symbols, relevant_theorems, shares_an_atom, term_depth
from genlogic.explore.refute import counterexample
from genlogic.explore.relations import relation_conjectures
from genlogic.mpl.ast import Forall, Formula, free_identifiers
from genlogic.theory.model import Theory

#: chosen once for all theories: equations per round, of which at most RETRIES go to equations
#: that failed before ahead of untried ones; the Logic-Block attempt of a theory without an
#: induction schema (witness depth, steps recorded)
BATCH = 8
RETRIES = BATCH // 2
FALLBACK = Budget(depth=2, steps=3_000)
#: nested inductions (case splits) a stated goal's proof by rewriting may use; conjectures get
#: none: unplanned attempts cost more than exploration gains (Peano: 10.5 s instead of 5.4 s,
#: and half the laws within the same rounds)
GOAL_SPLITS = 2
#: the case splits of a conjecture's attempt once every open equation has failed without one
CONJECTURE_SPLITS = 1
#: a stated goal's Logic-Block induction attempt (per induction variable)
BLOCK_INDUCTION = Budget(depth=3, steps=20_000)
#: the same for a conjecture that is not an equation (a relation's property, a conditional law):
#: there are many, so each gets a bounded amount of work (a few seconds)
BLOCK_CONJECTURE = Budget(depth=2, steps=20_000, joins=60_000)
#: under a deadline, the share of the time left that the conditional laws about a goal that is not
#: an equation may take before the first round (the rest is the equations' and the goal's)
GOAL_LAWS_SHARE = 1 / 4
#: how much more work the pass with all relevant known theorems gets than the one with equations
WIDER = 3
#: the first attempts of a statement that is not an equation, from the axioms alone (about a second)
AXIOMS_ALONE = Budget(depth=2, steps=20_000, joins=10_000)
#: a stated goal's pass with the relevant known theorems of at most this many variables, before
#: all of them: each three-variable law (associativity, distributivity) is joined over every
#: triple of the block's constants, and a goal about a definition (the fold's step over an
#: interval) needs facts, not algebra (1 s with 14 small theorems; not in 200 s with all 29)
SMALL_VARIABLES = 2
#: the attempt of a conditional law that equates two things by following the recursion of its
#: operations (x · z = y · z ∧ z ≠ 0 → x = y: case splits on variables · does not recurse on,
#: the laws of +, thousands of witnesses; 4 to 30 s, by the lemmas known)
RECURSION = Budget(depth=2, witnesses=4_000, steps=200_000, joins=600_000)


@dataclass(frozen=True)
class ConjectureTask:
    theory: Theory
    name: str
    statement: Formula
    known: tuple[KnownTheorem, ...]
    deadline: float | None = None  # time.monotonic(), the same clock in every process
    fallback: bool = True  # whether a theory without an induction schema may use a Logic Block
    # the budget of the Logic Blocks that try a statement that is not an equation (None: none
    # do): by induction from the axioms alone, then directly and (with ``known_induction``) by
    # induction from the relevant known equations, then from all relevant known theorems
    block: Budget | None = None
    known_induction: bool = True
    axioms_alone: bool = True  # False on a retry: the axioms alone have failed already
    # whether the relevant known equations get a pass of their own before all relevant theorems
    # (a relation's own laws, transitivity above all, multiply its facts)
    equations_first: bool = False
    # whether the known theorems about the statement's own symbols (not those its relations are
    # defined by: relevant_theorems with Reach.OWN) get a pass of their own, by induction too:
    # totality of ≤ needs le(0, x) and le(x, y) → le(s(x), s(y)), and drowns in the laws of +
    narrow: bool = False
    wide: bool = True  # whether all relevant known theorems get a pass (not only the equations)
    # whether a last pass follows the recursion of the statement's operations: by induction on
    # any of its variables, case splits on any, from relevant_theorems with Reach.RECURSION, under
    # the RECURSION budget
    recursion: bool = False
    splits: int = 0  # nested inductions (case splits) allowed inside an induction by rewriting
    # whether the relevant known theorems of at most SMALL_VARIABLES variables (and those that are
    # not equations) get a pass of their
    # own (directly and by induction) before the wider passes
    small: bool = False


@dataclass(frozen=True)
class ConjectureResult:
    name: str
    proof: Proof | None
    method: str | None  # direct, corollary, induction
    variable: str | None
    last: Attempt
    hits: BudgetHits = field(default_factory=BudgetHits)  # the limits every attempt of the task hit, added up


def run_conjecture(task: ConjectureTask) -> ConjectureResult:
    """Directly first (by rewriting; without an induction schema, then in a Logic Block); then by
    induction on each candidate variable in turn."""
    ctx = context(task.theory)
    # a block's equational goal by rewriting, with every known theorem (engine/algebra.py)
    algebra = by_rewriting(ctx, task.known)
    total = BudgetHits()
    result = attempt_equation(ctx, task.name, task.statement, task.known, None)
    total = total.plus(result.hits)
    if result.proof is None and task.fallback and not task.theory.signature.induction:
        budget = dataclasses.replace(FALLBACK, deadline=task.deadline)
        result = attempt(task.theory, task.name, task.statement, task.known, budget, algebra=algebra)
        total = total.plus(result.hits)
    if result.proof is not None:
        method = "corollary" if result.proof.uses else "direct"
        return ConjectureResult(task.name, result.proof, method, None, result, total)
    for variable in induction_variables(task.theory, task.statement):
        if task.deadline is not None and time.monotonic() > task.deadline:
            break
        result = attempt_equation(ctx, task.name, task.statement, task.known, variable, task.splits)
        total = total.plus(result.hits)
        if result.proof is not None:
            return ConjectureResult(task.name, result.proof, "induction", variable, result, total)
    if task.block is not None and read_law(task.statement, ctx.operations) is None:  # not an equation
        relevant = relevant_theorems(task.theory, task.statement, task.known)
        equations = tuple(k for k in relevant if read_law(k.statement, ctx.operations) is not None)
        # the axioms alone first: known theorems multiply what a block derives, and most
        # statements about a relation's definition need none; then the relevant equations
        # (a relation's own laws, transitivity above all, multiply its facts); then all
        own = relevant_theorems(task.theory, task.statement, task.known, Reach.OWN) if task.narrow else ()
        # (theorems, budget, by induction too)
        passes = [((), AXIOMS_ALONE, True)] if task.axioms_alone else []
        if task.small:
            passes.append((tuple(k for k in relevant if _variables(k.statement) <= SMALL_VARIABLES
                                 or read_law(k.statement, ctx.operations) is None), task.block,
                           task.known_induction))
        if task.equations_first:
            passes.append((equations, task.block, task.known_induction))
        if own and not (task.equations_first and own == equations) and not (task.wide and own == relevant):
            passes.append((own, task.block, True))
        if task.wide and (relevant != equations or not task.equations_first):  # more facts to join: more work allowed
            joins = task.block.joins * WIDER if task.block.joins is not None and task.equations_first else task.block.joins
            passes.append((relevant, dataclasses.replace(task.block, joins=joins), task.known_induction))
        passes = [p for p in passes if p[0] or p[1] is AXIOMS_ALONE]
        # the axioms and lemmas about other operations only slow a block down
        symbols = relevant_symbols(task.theory, task.statement)
        for known, budget, induction in passes:
            budget = dataclasses.replace(budget, deadline=task.deadline)
            if known:  # directly from what is known
                result = attempt(task.theory, task.name, task.statement, known, budget, splits=task.splits,
                                 symbols=symbols, algebra=algebra)
                total = total.plus(result.hits)
                if result.proof is not None:
                    return ConjectureResult(task.name, result.proof, "corollary", None, result, total)
                if not induction:
                    continue
            for variable in induction_variables(task.theory, task.statement):
                if task.deadline is not None and time.monotonic() > task.deadline:
                    break
                result = attempt(task.theory, task.name, task.statement, known, budget, variable, splits=task.splits,
                                 symbols=symbols, algebra=algebra)
                total = total.plus(result.hits)
                if result.proof is not None:
                    return ConjectureResult(task.name, result.proof, "induction", variable, result, total)
        if task.recursion:
            known = relevant_theorems(task.theory, task.statement, task.known, Reach.RECURSION)
            symbols = relevant_symbols(task.theory, task.statement, Reach.RECURSION)
            budget = dataclasses.replace(RECURSION, deadline=task.deadline)
            for variable in induction_variables(task.theory, task.statement, every=True):
                if task.deadline is not None and time.monotonic() > task.deadline:
                    break
                result = attempt(task.theory, task.name, task.statement, known, budget, variable,
                                 splits=max(task.splits, 1), symbols=symbols, every=True, algebra=algebra)
                total = total.plus(result.hits)
                if result.proof is not None:
                    return ConjectureResult(task.name, result.proof, "induction", variable, result, total)
    return ConjectureResult(task.name, None, None, None, result, total)


def _variables(statement: Formula) -> int:
    """How many variables the quantifier prefix of ``statement`` binds (over all its levels)."""
    count = 0
    while isinstance(statement, Forall):
        count += len(statement.variables)
        statement = statement.consequent
    return count


@dataclass(frozen=True)
class Other:
    """A conjecture that is not an equation, proved in Logic Blocks: a relation's property or a
    conditional law."""

    name: str
    statement: Formula
    text: str
    symbols: frozenset[str]
    # whether it is tried again whenever a theorem about its own symbols is new (a cheap pass):
    # a relation's order property follows from a few laws about the relation itself (totality
    # of ≤ from le(0, x) and le(x, y) → le(s(x), s(y))); a conditional law mostly waits for the
    # laws of the operations in it, and there are many
    narrow: bool = False
    # whether its first attempt gets the pass that follows its operations' recursion (in
    # exploration without stated goals only: a failure costs up to a minute, y · y = x · x →
    # x = y needs the order, and a goal's time is short)
    recursion: bool = False
    # whether its attempts get the pass with the small known theorems (ConjectureTask.small): a
    # lemma about a definition needs its facts, not the algebra
    small: bool = False
    depth: int = 0  # the witness depth its blocks need, if more than BLOCK_CONJECTURE's


@dataclass(frozen=True)
class Discovery:
    proof: Proof
    method: str
    variable: str | None
    round: int
    text: str


class OpenReason(Enum):
    """Why a conjecture that survived the models stayed open: one member per way it can end."""

    NOT_TRIED = "not tried"  # the run ended first: a time or round limit, or every stated goal was proved
    NO_PROOF = "no proof found"  # every attempt ran its whole plan (rewriting, induction, blocks) without a proof
    # an attempt stopped at a limit: of its budget (depth, witnesses, facts, joins), of the
    # rewriter (rewrites), or the run's time limit (time)
    BUDGET = "budget"


@dataclass(frozen=True)
class Unproved:
    """A conjecture left open, and why (summary.json ``why_open``)."""

    text: str
    kind: str  # "equation", or "law" (a relation's property, a conditional law)
    reason: OpenReason
    attempts: int
    limits: tuple[str, ...] = ()  # the budget limits its attempts hit

    def to_json(self) -> dict[str, Any]:
        return {"statement": self.text, "kind": self.kind, "reason": self.reason.value,
                "attempts": self.attempts, "limits": list(self.limits)}


@dataclass
class Exploration:
    discoveries: list[Discovery] = field(default_factory=list)
    # equations that followed directly from proved ones, so were not tried: (text, theorems used)
    corollaries: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    # the equations, then the relations' properties and conditional laws, not proved
    unproved: list[Unproved] = field(default_factory=list)
    # stated goals proved between rounds, by name: (result, the round after which it was proved)
    goals: dict[str, tuple[ConjectureResult, int]] = field(default_factory=dict)
    # stated goals attempted between rounds, by name: how many times
    tried: dict[str, int] = field(default_factory=dict)
    attempts: int = 0
    rounds: int = 0
    cut_short: bool = False


def explore(
    theory: Theory,
    generation: Generation,
    executor: Executor,
    deadline: float | None = None,
    progress: Callable[[int, int, int], None] | None = None,
    reserved: frozenset[str] = frozenset(),
    max_rounds: int | None = None,
    goals: tuple[tuple[str, Formula], ...] = (),
    models: Models = (),
    conditionals: tuple[Conditional, ...] = (),
    earlier: tuple[KnownTheorem, ...] = (),
    accumulated: tuple[Lemma, ...] = (),
) -> Exploration:
    """``earlier``: theorems proved before (an earlier run's, ``prove --from``), known from the
    start. ``reserved``: names a discovered theorem must not take (the stated theorems').
    ``max_rounds`` bounds the rounds (a deterministic alternative to ``deadline``). ``models``
    refute relation properties before any attempt (the conjectures were tested on them already).

    ``goals`` (name, statement) are proved goal-directed: tried before the first round and again
    after every round that proved a theorem, with every theorem proved so far; exploration stops
    once all of them are proved. The relations' properties come first: all of them without
    goals, else those about the relations the goals mention, once the first try has failed; with
    a goal that is not an equation, so do the ``conditionals`` about the goals' symbols (the
    rewriter cannot use a conditional law, a Logic Block can). The other conjectures that are
    not equations are tried when no equation is left to try, again once twice as many relevant
    theorems are known as at their last attempt. ``accumulated``: the recursion lemmas of the
    definitions by accumulation the goals use (explore/accumulation.py), tried before the goals."""
    report = Exploration()
    ctx = context(theory)
    names = {}
    for index, equation in enumerate(generation.equations, start=1):
        name = f"law{index}"
        while name in reserved:
            name += "_"
        names[id(equation)] = name
    pending = list(generation.equations)
    failed_with: dict[str, int] = {}  # theorems known at the last failed attempt
    failures: dict[str, int] = {}  # failed attempts so far
    split_with: dict[str, int] = {}  # theorems known at the last failed attempt with a case split
    known: list[KnownTheorem] = list(earlier)
    # the proved equations: what the rewriter uses, so what an equation's retry waits for
    equations: list[str] = [k.name for k in earlier if read_law(k.statement, ctx.operations) is not None]

    attempted: dict[str, int] = {}  # conjecture → attempts so far
    limited: dict[str, set[str]] = {}  # conjecture → the budget limits its attempts hit

    def note(result: ConjectureResult) -> None:
        attempted[result.name] = attempted.get(result.name, 0) + 1
        limits = limited.setdefault(result.name, set())
        limits.update(f.name for f in dataclasses.fields(result.hits) if getattr(result.hits, f.name))
        if result.proof is None and deadline is not None and time.monotonic() >= deadline:
            limits.add("time")  # the attempt may have been cut short by the run's time limit

    def unproved(name: str, text: str, kind: str) -> Unproved:
        limits = tuple(sorted(limited.get(name, ())))
        reason = OpenReason.NOT_TRIED if name not in attempted else OpenReason.BUDGET if limits else OpenReason.NO_PROOF
        return Unproved(text, kind, reason, attempted.get(name, 0), limits)

    goal_with: dict[str, tuple[int, int]] = {}  # relevant (theorems, equations) at the last failure
    split_goal_with: dict[str, int] = {}  # equations known at a goal's last failure with case splits

    def try_goals() -> bool:
        """Attempt the goals not yet proved; True when every goal is proved. A goal that is not
        an equation is tried in Logic Blocks: with all relevant known theorems once there are
        more than twice as many as at its last failure, else with the relevant equations alone
        once there is a new one (a goal that follows from a new law usually follows from the
        equations, and a block with every conditional law costs seconds)."""
        waiting = [(name, statement) for name, statement in goals if name not in report.goals]
        tasks = []
        plans: dict[str, tuple[tuple[int, int, int], bool]] = {}  # relevant (theorems, equations, own), wide
        for name, statement in waiting:
            relevant = relevant_theorems(theory, statement, tuple(known))
            count = (len(relevant), sum(read_law(k.statement, ctx.operations) is not None for k in relevant),
                     len(relevant_theorems(theory, statement, tuple(known), Reach.OWN)))
            last = goal_with.get(name, (-1, -1, -1))
            wide = count[0] > 2 * last[0]
            fresh = count[1] > last[1]
            if not wide and not fresh and count[2] <= last[2] and read_law(statement, ctx.operations) is None:
                continue
            plans[name] = (count, wide)
            # deep enough to name the goal's own terms: x + s(s(y)) needs witnesses of depth 3
            block = dataclasses.replace(BLOCK_CONJECTURE, depth=max(BLOCK_CONJECTURE.depth, term_depth(theory, statement)))
            # case splits cost a replay without a plan: again once half as many equations more are known
            splits = GOAL_SPLITS if 2 * len(equations) >= 3 * split_goal_with.get(name, -1) else 0
            tasks.append(ConjectureTask(theory, name, statement, tuple(known), deadline, fallback=False,
                                        block=block, splits=splits, axioms_alone=name not in report.tried,
                                        equations_first=wide or fresh, narrow=count[2] > last[2], wide=wide,
                                        small=True))
        task_splits = {task.name: task.splits for task in tasks}
        for result in executor.map(run_conjecture, tasks):
            report.tried[result.name] = report.tried.get(result.name, 0) + 1
            if result.proof is not None:
                report.goals[result.name] = (result, report.rounds)
            else:
                if task_splits[result.name]:
                    split_goal_with[result.name] = len(equations)
                (theorems, equations_known, own), wide = plans[result.name]
                goal_with[result.name] = (theorems if wide else goal_with.get(result.name, (-1, -1, -1))[0],
                                          equations_known, own)
        return len(report.goals) == len(goals)

    taken = set(reserved) | set(names.values())
    relations = [Other(c.name, c.statement, c.text, c.relations, narrow=True)
                 for c in relation_conjectures(theory, frozenset(taken)) if counterexample(c.statement, models) is None]
    taken |= {o.name for o in relations}
    laws = []
    for index, conditional in enumerate(conditionals, start=1):
        name = f"cond{index}"
        while name in taken:
            name += "_"
        laws.append(Other(name, conditional.statement, conditional.text, conditional.symbols,
                          recursion=conditional.equates))
    others_with: dict[str, tuple[int, int]] = {}  # relevant (theorems, own) known at the last failed attempt
    mentioned = frozenset(name for _, statement in goals for name in free_identifiers(statement))

    def try_others(candidates: list[Other], until: float | None = deadline) -> bool:
        """Attempt each candidate not yet proved, in order and each with those proved before it,
        unless it failed with at least half as many relevant theorems known
        (:func:`relevant_theorems`: each retry costs as much as the last) and, for a candidate
        retried ``narrow``, no new theorem about its own symbols; True when one was proved."""
        proved = False
        done = {k.name for k in known}
        for other in candidates:
            if until is not None and time.monotonic() >= until:
                break
            relevant = len(relevant_theorems(theory, other.statement, tuple(known)))
            own = len(relevant_theorems(theory, other.statement, tuple(known), Reach.OWN)) if other.narrow else 0
            last = others_with.get(other.name, (-1, -1))
            wide = relevant > 2 * last[0]
            if other.name in done or not (wide or own > last[1]):
                continue
            task = ConjectureTask(theory, other.name, other.statement, tuple(known), deadline, fallback=False,
                                  block=dataclasses.replace(BLOCK_CONJECTURE, depth=max(BLOCK_CONJECTURE.depth, other.depth)),
                                  known_induction=False, splits=GOAL_SPLITS,
                                  axioms_alone=other.name not in others_with, equations_first=wide,
                                  narrow=other.narrow and own > last[1], wide=wide,
                                  recursion=other.recursion and other.name not in others_with and not goals,
                                  small=other.small)
            (result,) = executor.map(run_conjecture, [task])
            report.attempts += 1
            note(result)
            if result.proof is None:
                others_with[other.name] = (relevant if wide else last[0], own)
            else:
                proved = True
                known.append(KnownTheorem(result.name, other.statement))
                report.discoveries.append(Discovery(result.proof, result.method, result.variable, report.rounds,
                                                    other.text))
        return proved

    def about_goals(other: Other) -> bool:
        return other.symbols <= mentioned | base_symbols(theory)

    recursions = [Other(lemma.name, lemma.statement, lemma.text, lemma.symbols, small=True, depth=lemma.depth)
                  for lemma in accumulated]
    try:
        try_others(recursions)
        done = bool(goals) and try_goals()
        if not done:
            proved_before = len(known)
            try_others([o for o in relations if not goals or about_goals(o)])
            if any(read_law(statement, ctx.operations) is None for _, statement in goals):
                share = None if deadline is None else time.monotonic() + GOAL_LAWS_SHARE * (deadline - time.monotonic())
                statements = tuple(statement for _, statement in goals)
                try_others([o for o in laws if about_goals(o) and shares_an_atom(theory, o.statement, statements)],
                           share)
            done = len(known) > proved_before and bool(goals) and try_goals()
        while not done and (deadline is None or time.monotonic() < deadline) and report.rounds != max_rounds:
            follows = joinable(ctx, tuple(known))
            batch: list[Equation] = []
            redundant: set[int] = set()
            chosen: set[int] = set()  # considered this round: in the batch or redundant
            # retries first (half a batch at most), then untried equations, then more retries; the
            # k-th retry waits for k equations proved since the last failure, unless nothing else
            # can be tried (then every equation meets every theorem before the loop moves on)
            for backoff in (True, False):
                for untried, cap in ((False, RETRIES), (True, BATCH), (False, BATCH)):
                    for equation in pending:
                        name = names[id(equation)]
                        if len(batch) >= cap or (name not in failures) != untried or id(equation) in chosen:
                            continue
                        if untried or len(equations) >= failed_with[name] + (failures[name] if backoff else 1):
                            chosen.add(id(equation))
                            uses = follows(equation.statement)
                            if uses is not None:
                                redundant.add(id(equation))
                                report.corollaries.append((equation.text, uses))
                            else:
                                batch.append(equation)
                if batch:
                    break
            pending = [eq for eq in pending if id(eq) not in redundant]
            splits = 0
            if not batch:  # stuck: the equations not yet tried with a case split since the last theorem
                batch = [eq for eq in pending
                         if len(equations) > split_with.get(names[id(eq)], -1)][:BATCH]
                splits = CONJECTURE_SPLITS
            if not batch:  # no equation left to try: the conjectures that are not equations
                if not try_others(recursions + relations + laws) or (goals and try_goals()):
                    break
                continue
            report.rounds += 1
            tasks = [
                ConjectureTask(theory, names[id(eq)], eq.statement, tuple(known), deadline,
                               names[id(eq)] not in failed_with or len(equations) > 2 * failed_with[names[id(eq)]],
                               splits=splits)
                for eq in batch
            ]
            results = executor.map(run_conjecture, tasks)
            report.attempts += len(tasks)
            proved_before, equations_before = len(known), len(equations)
            for equation, result in zip(batch, results):
                note(result)
                if result.proof is None and splits:
                    split_with[result.name] = equations_before
                elif result.proof is None:
                    failed_with[result.name] = equations_before
                    failures[result.name] = failures.get(result.name, 0) + 1
                elif joinable(ctx, tuple(known))(equation.statement) is None:
                    known.append(KnownTheorem(result.name, equation.statement))
                    equations.append(result.name)
                    report.discoveries.append(
                        Discovery(result.proof, result.method, result.variable, report.rounds, equation.text)
                    )
            proved = {k.name for k in known}
            pending = [eq for eq in pending if names[id(eq)] not in proved]
            if goals and len(known) > proved_before:
                try_others(recursions)  # again once twice as many relevant theorems are known
                if try_goals():
                    break
            if progress is not None:
                progress(report.rounds, len(known), len(pending))
        else:
            report.cut_short = not done
    except KeyboardInterrupt:
        report.cut_short = True
    follows = joinable(ctx, tuple(known))
    for equation in pending:
        uses = follows(equation.statement)
        if uses is None:
            report.unproved.append(unproved(names[id(equation)], equation.text, "equation"))
        else:
            report.corollaries.append((equation.text, uses))
    proved = {k.name for k in known}
    report.unproved += [unproved(o.name, o.text, "law") for o in recursions + relations + laws if o.name not in proved]
    return report
