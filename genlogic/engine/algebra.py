"""A Logic Block's equational goal by rewriting: the block's values become terms, its other
equations ground hypotheses, and :class:`~genlogic.engine.equational.Replay` joins the goal's
sides and replays the chain as steps of the block.

Saturation is forward chaining: it derives an equation like ``s(1) · p = m · s(m)`` only by
joining laws over the block's constants, which drowns in instances when the block also holds a
fold's definitions and its witnesses (Gauss's induction step). Rewriting goes straight to it:

* every constant of the block's function facts gets a term — a *leaf* (a parameter, a witness
  with no defining fact) or the application a fact ``g(ā) = c`` defines it as, with ``ā``
  already given terms (the first such fact in the store's order; a cycle of definitions is cut
  at its least deep constant, which becomes a leaf);
* every other function fact is a ground hypothesis ``g(t̄) = t``; the replay normalises its sides
  (:meth:`Replay._reduced`), so what the block derived from known laws adds nothing, and what it
  learned from an induction hypothesis or a lemma (``s(1) · q = n · m``) rewrites the goal.

The known theorems are those of the whole attempt, not only the ones loaded into the block:
rewriting with a law costs nothing until it applies.
"""

from __future__ import annotations

from typing import Callable

from genlogic.engine.block import LogicBlock
from genlogic.engine.equational import Context, Failed, Replay, Scope, Value
from genlogic.engine.goal import KnownTheorem
from genlogic.engine.laws import read_law
from genlogic.engine.store import literal_formula
from genlogic.engine.terms import Term, apply, leaf
from genlogic.mpl.ast import FUNCTION_ATOMS, Atom, Forall

Algebra = Callable[[LogicBlock, Atom], "str | None"]

#: the largest term a block's constant may stand for (a value of a value … of saturation's
#: witnesses): beyond it the constant is a leaf; rewriting such terms costs and never helps
TERM_SIZE = 24


def by_rewriting(ctx: Context, known: tuple[KnownTheorem, ...]) -> Algebra:
    """The hook of :attr:`LogicBlock.algebra`: a step proving the goal atom in the block, or
    ``None`` when its sides do not join."""

    def prove(block: LogicBlock, goal: Atom) -> str | None:
        target = (True, goal.pred, block.store.canonical_args(goal.args))
        if not _equational(ctx, target):
            return None
        replay = Replay(ctx, known, log=block.log, naming=block.naming, root=block.block)
        try:
            scope, hypotheses = _scope(ctx, block, replay)
            scope.laws.extend(hypotheses)
            step = replay.equation(Atom(goal.pred, target[2]), scope)
        except Failed:
            return None
        except RecursionError:  # normal forms as deep as a numeral in the hundreds: the order's recursion
            return None
        return block.store.restate(target, step, goal.args)

    return prove


def _equational(ctx: Context, literal: tuple[bool, str, tuple[str, ...]]) -> bool:
    _, pred, args = literal
    if pred == "=":
        return True
    return pred in FUNCTION_ATOMS and ctx.operations.get(args[-1]) == len(args) - 2


def _scope(ctx: Context, block: LogicBlock, replay: Replay) -> tuple[Scope, list]:
    """The block's values as a replay scope (terms, definitions, memberships) and its other
    function facts as hypotheses (source: the step proving each)."""
    scope = Scope(block.block)
    facts = []
    for literal, step in block.store.proof.items():
        positive, pred, args = literal
        if not positive:
            continue
        if pred == "in":
            scope.members.setdefault((args[0], args[1]), step)
        elif _equational(ctx, literal) and pred != "=":
            facts.append((pred, args[-1], args[:-2], args[-2], step))
    outputs = {output for _, _, inputs, output, _ in facts if output not in inputs}
    constants = sorted({c for _, _, inputs, output, _ in facts for c in (*inputs, output)} - ctx.constants,
                       key=lambda c: (block.depth.get(c, 0), c))
    origin: dict[str, Term] = {}
    known = lambda name: name in origin or name in ctx.constants  # noqa: E731
    for name in constants:  # leaves: no fact defines them
        if name not in outputs:
            origin[name] = leaf(name, False)
    definitions: set[str] = set()
    aliases: dict[str, str] = {}  # a constant → the fact g(ā) = it, when another constant is g(ā)

    def origin_of(op: str, inputs: tuple[str, ...]) -> Term:
        return apply(op, tuple(origin.get(a) or leaf(a, False) for a in inputs))

    while True:
        progress = False
        for pred, op, inputs, output, step in facts:
            if known(output) or output in inputs or not all(known(a) for a in inputs):
                continue
            term = origin_of(op, inputs)
            if term.size > TERM_SIZE:
                continue
            origin[output] = term
            progress = True
            if (op, inputs) in scope.applications:  # equal to that value: the same term
                aliases[output] = step
                continue
            value = Value(output, step)
            scope.applications[(op, inputs)] = value
            scope.definition_of[output] = (op, inputs, step)
            definitions.add(step)
        if progress:
            continue
        left = [name for name in constants if not known(name)]
        if not left:
            break
        least = block.depth.get(left[0], 0)  # a cycle of definitions or too large a term: cut here
        origin.update((name, leaf(name, False)) for name in left if block.depth.get(name, 0) == least)
    for name, term in origin.items():
        if name not in aliases:
            scope.values[term] = Value(name, scope.definition_of[name][2] if name in scope.definition_of else None)
    scope.origin.update(origin)
    for name, step in aliases.items():
        value = scope.values[origin[name]]
        scope.aliases[name] = replay.functional(scope, origin[name].head, value.definition, step)
    hypotheses = []
    used = definitions | set(aliases.values())
    terms = {**ctx.unfold, **origin}
    for pred, op, inputs, output, step in facts:
        if step in used:
            continue
        law = read_law(literal_formula((True, pred, (*inputs, output, op))), ctx.operations, terms)
        if law is not None and law.left != law.right:
            hypotheses.append((step, law))
    for formula, step in block.formulas.items():  # an instance of a law: s(1) · q = n · m, by values
        if isinstance(formula, Forall):
            law = read_law(formula, ctx.operations, terms)
            if law is not None and not law.variables and law.left != law.right:
                hypotheses.append((step, law))
    return scope, hypotheses
