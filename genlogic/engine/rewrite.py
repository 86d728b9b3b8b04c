"""Ordered rewriting with laws — the equational search of the engine (untrusted: every chain it
finds is replayed as kernel steps by :mod:`genlogic.engine.equational`).

An :class:`Order` is the lexicographic path order over a precedence read from the theory's own
axioms (:func:`precedence`): a symbol defined by a law is greater than the symbols of its
definition, so definitions unfold; fixed parameters of a proof are below every theory symbol.
A law whose sides the order compares is a one-way :class:`Rewrite`; a law it cannot orient
(commutativity) is used both ways, each instance only when it makes the term smaller — ordered
rewriting, which always terminates. :meth:`Rewriter.join` normalises both sides of an equation
and returns the :class:`Chain` of rewrites between them when the normal forms meet.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from genlogic.engine.laws import Law
from genlogic.engine.terms import Position, Term, instantiate, match

#: rewrites one normalisation may take before it gives up (chosen once for all theories)
MAX_REWRITES = 2_000


@dataclass(frozen=True)
class Rewrite:
    """``law`` used from ``law.left`` to ``law.right`` (or the other way when ``reverse``);
    ``ordered`` rewrites apply only to instances that the order makes smaller."""

    law: Law
    source: str
    reverse: bool
    ordered: bool

    @property
    def lhs(self) -> Term:
        return self.law.right if self.reverse else self.law.left

    @property
    def rhs(self) -> Term:
        return self.law.left if self.reverse else self.law.right

    @cached_property
    def needs(self) -> tuple[str | None, ...]:
        """The head each argument of the left side needs (``None``: a variable takes anything)."""
        return tuple(None if a.variable else a.head for a in self.lhs.args)


@dataclass(frozen=True)
class Use:
    """One rewrite at ``position``: the subterm there is ``rewrite.lhs`` under ``binding`` and
    becomes ``rewrite.rhs`` under it (``backward``: the other way round)."""

    position: Position
    rewrite: Rewrite
    binding: tuple[tuple[str, Term], ...]
    backward: bool = False


@dataclass(frozen=True)
class Chain:
    """``left`` = ``right`` by rewriting ``left`` with ``uses`` in turn."""

    left: Term
    right: Term
    uses: tuple[Use, ...]

    def terms(self) -> list[Term]:
        """``left``, every intermediate term, ``right``."""
        found = [self.left]
        for use in self.uses:
            found.append(found[-1].replace(use.position, result(use)))
        return found


def result(use: Use) -> Term:
    """The subterm a use produces."""
    binding = dict(use.binding)
    side = use.rewrite.lhs if use.backward else use.rewrite.rhs
    return instantiate(side, binding)


class Order:
    """The lexicographic path order for a precedence (``rank``: a larger key is greater); a
    constant outside ``rank`` (a fixed parameter) is below every ranked symbol, and such
    constants compare by name."""

    def __init__(self, rank: dict[str, tuple[int, int, int]]):
        self.rank = rank
        self.greater = lru_cache(maxsize=200_000)(self._greater)

    def key(self, head: str) -> tuple:
        found = self.rank.get(head)
        return (1, *found, "") if found is not None else (0, 0, 0, 0, head)

    def _greater(self, s: Term, t: Term) -> bool:
        """``s`` > ``t``."""
        if s == t or s.variable:
            return False
        if t.variable:
            return t.head in s.variables()
        if any(a == t or self.greater(a, t) for a in s.args):
            return True
        ks, kt = self.key(s.head), self.key(t.head)
        if ks > kt:
            return all(self.greater(s, b) for b in t.args)
        if s.head == t.head and len(s.args) == len(t.args):
            for a, b in zip(s.args, t.args):
                if a != b:
                    return self.greater(a, b) and all(self.greater(s, c) for c in t.args)
        return False


def precedence(laws: list[Law], symbols: dict[str, int], constructors: frozenset[str] | set[str] = frozenset()) -> dict[str, tuple[int, int, int]]:
    """Rank the theory's ``symbols`` (name → arity, in the order of the anchor's parameters):
    the head of a law's defining side is above every other symbol of its other side, and a
    constant that a ground law equates with a compound term is above that term's symbols
    (``1 = s(0)`` unfolds ``1``). The defining side is the one that applies a symbol to a
    ``constructors`` term (the base and step of an induction schema: ``a + s(b)``, ``a · 0``)
    while the other side does not — a recursion is read the same whichever side it is written
    on — else the left side. The rank is (height in that relation, arity, position among the
    symbols): the anchor's parameter order only separates symbols alike in both."""
    above: dict[str, set[str]] = {name: set() for name in symbols}
    for law in laws:
        left, right = law.left, law.right
        if not right.args and not right.variable and left.args and not left.variables():
            left, right = right, left
        elif defines(right, constructors) and not defines(left, constructors):
            left, right = right, left
        if left.variable or left.head not in above:
            continue
        above[left.head] |= {h for h in _heads(right) if h in above and h != left.head}
    height: dict[str, int] = {}

    def measure(name: str, stack: tuple[str, ...]) -> int:
        if name not in height:
            lower = [measure(o, (*stack, name)) for o in sorted(above[name]) if o not in stack]
            height[name] = 1 + max(lower, default=-1)
        return height[name]

    return {name: (measure(name, ()), arity, index) for index, (name, arity) in enumerate(symbols.items())}


def defines(term: Term, constructors: frozenset[str] | set[str]) -> bool:
    """``g(…, c(…), …)`` with ``g`` no constructor and some argument headed by one."""
    return (
        not term.variable and bool(term.args) and term.head not in constructors
        and any(not a.variable and a.head in constructors for a in term.args)
    )


def _heads(term: Term) -> set[str]:
    if term.variable:
        return set()
    found = {term.head}
    for arg in term.args:
        found |= _heads(arg)
    return found


def rewrites(order: Order, laws: list[tuple[str, Law]]) -> list[Rewrite]:
    """The rewrites of ``(source, law)`` pairs: oriented by ``order`` when it compares the sides,
    both ways (ordered) otherwise; a direction whose right side has variables its left side
    lacks is never used."""
    found = []
    for source, law in laws:
        names = set(law.variables)
        if order.greater(law.left, law.right):
            directions = [(False, False)]
        elif order.greater(law.right, law.left):
            directions = [(True, False)]
        else:
            directions = [(False, True), (True, True)]
        for reverse, ordered in directions:
            rewrite = Rewrite(law, source, reverse, ordered)
            if not rewrite.lhs.variable and set(rewrite.lhs.variables()) >= names:
                found.append(rewrite)
    return found


class Rewriter:
    """Normalisation by a list of rewrites, innermost first; the first applicable rewrite in
    list order wins, so the result is deterministic. With ``max_size``, a normalisation that
    reaches a larger term gives up like one past :data:`MAX_REWRITES`."""

    def __init__(self, order: Order, rules: list[Rewrite], max_size: int | None = None):
        self.order = order
        self.max_size = max_size
        self.by_head: dict[str, list[Rewrite]] = {}
        for rule in rules:
            self.by_head.setdefault(rule.lhs.head, []).append(rule)
        # the rules that may apply to a term, by its head and its arguments' heads, in list order:
        # a rule whose left side needs another head in some argument never matches
        self.index: dict[tuple, list[Rewrite]] = {}
        self.memo: dict[Term, tuple[Term, tuple[Use, ...]]] = {}
        self.count = 0
        self.cut = 0  # normalisations given up at the limit, so far

    def normalise(self, term: Term) -> tuple[Term, list[Use]] | None:
        """The normal form of ``term`` and the uses that reach it; ``None`` past the limit."""
        self.count = 0
        uses: list[Use] = []
        try:
            return self._normal(term, (), uses), uses
        except _TooLong:
            self.cut += 1
            return None

    def _normal(self, term: Term, position: Position, uses: list[Use]) -> Term:
        known = self.memo.get(term)
        if known is not None:
            uses.extend(Use((*position, *u.position), u.rewrite, u.binding) for u in known[1])
            return known[0]
        local: list[Use] = []
        current = term
        while True:
            if current.args:
                args = tuple(self._normal(a, (i,), local) for i, a in enumerate(current.args))
                if args != current.args:
                    current = Term(1 + sum(a.size for a in args), current.head, args)
            step = self._root(current)
            if step is None:
                break
            self.count += 1
            if self.count > MAX_REWRITES:
                raise _TooLong
            local.append(step)
            current = result(step)
            if self.max_size is not None and current.size > self.max_size:
                raise _TooLong
        self.memo[term] = (current, tuple(local))
        uses.extend(Use((*position, *u.position), u.rewrite, u.binding) for u in local)
        return current

    def _root(self, term: Term) -> Use | None:
        key = (term.head, *(None if arg.variable else arg.head for arg in term.args))
        rules = self.index.get(key)
        if rules is None:
            rules = self.index[key] = [
                rule for rule in self.by_head.get(term.head, ())
                if all(need is None or need == head for need, head in zip(rule.needs, key[1:]))]
        for rule in rules:
            binding: dict[str, Term] = {}
            if not match(rule.lhs, term, binding):
                continue
            if rule.ordered and not self.order.greater(term, instantiate(rule.rhs, binding)):
                continue
            return Use((), rule, tuple(sorted(binding.items())))
        return None

    def join(self, left: Term, right: Term, first: "Rewriter | None" = None) -> Chain | None:
        """A chain from ``left`` to ``right`` through their common normal form, if any. With
        ``first``, both sides are first normalised by that (smaller) rewriter."""
        ends = []
        for term in (left, right):
            early: list[Use] = []
            if first is not None:
                normal = first.normalise(term)
                if normal is None:
                    return None
                term, early = normal
            normal = self.normalise(term)
            if normal is None:
                return None
            ends.append((normal[0], early + normal[1]))
        if ends[0][0] != ends[1][0]:
            return None
        forward, backward = ends[0][1], ends[1][1]
        back = [Use(u.position, u.rewrite, u.binding, True) for u in reversed(backward)]
        return Chain(left, right, tuple(forward + back))


class Joiner:
    """Joining an equation with hypotheses (an induction step's) and the other laws: by
    normalising with everything; failing that, by first normalising with the hypotheses and the
    one-way laws only, so that a permutative law (commutativity) cannot rearrange a term before
    the hypothesis gets to rewrite it."""

    def __init__(self, order: Order, hypotheses: list[Rewrite], laws: list[Rewrite]):
        self.full = Rewriter(order, hypotheses + laws)
        self.first = Rewriter(order, hypotheses + [r for r in laws if not r.ordered]) if hypotheses else None

    def join(self, left: Term, right: Term) -> Chain | None:
        chain = self.full.join(left, right)
        if chain is None and self.first is not None:
            chain = self.full.join(left, right, self.first)
        return chain

    @property
    def cut(self) -> int:
        """Normalisations given up at the limit (:data:`MAX_REWRITES`, ``max_size``), so far."""
        return self.full.cut + (self.first.cut if self.first is not None else 0)


class _TooLong(Exception):
    pass
