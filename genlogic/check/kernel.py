"""The step rules of docs/proofgraph.md ("Step kinds and what the checker verifies").

One function per step kind, ``check_<kind>(step, formula, premises, ctx)``. It receives the step
as read from JSON, its formula (already parsed), the formulas of its premises (already looked up
and scope-checked by :mod:`genlogic.check.graph`, in the order the step lists them) and the
:class:`Context` of the theorem. It returns nothing when the step is valid and raises
:class:`Bad` with the reason otherwise. Everything about a step that is not specific to its kind
(id, block, premise order and scope, constants in scope) is checked in :mod:`genlogic.check.graph`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from genlogic.check.kinds import ELEMENT, SET, KindError, check_kinds, quantified_kinds
from genlogic.mpl.ast import And, Atom, Forall, Formula, Not, conjoin, conjuncts, free_identifiers, subformulas
from genlogic.mpl.expand import Definition, expand
from genlogic.mpl.printer import core, is_identifier
from genlogic.mpl.reader import CoreSyntaxError, read_core
from genlogic.mpl.subst import comprehend, substitute


class Bad(Exception):
    """A rule is broken; the message says which."""


def require(condition: bool, reason: str) -> None:
    if not condition:
        raise Bad(reason)


# --- reading JSON fields: a missing key or a wrong type is a Bad, never a crash --------------

_TYPE_NAMES = {str: "a string", int: "an integer", list: "a list", dict: "an object"}


def get(obj: object, key: str, kind: type):
    """``obj[key]``, which must exist and have type ``kind`` (a JSON boolean is not an integer)."""
    require(isinstance(obj, dict), f"expected an object with field '{key}'")
    require(key in obj, f"missing field '{key}'")
    value = obj[key]
    right_type = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
    require(right_type, f"field '{key}' must be {_TYPE_NAMES[kind]}")
    return value


def get_strings(obj: object, key: str) -> list[str]:
    """``obj[key]``: a list of strings."""
    values = get(obj, key, list)
    require(all(isinstance(v, str) for v in values), f"field '{key}' must be a list of strings")
    return values


def get_mapping(obj: object, key: str) -> dict[str, str]:
    """``obj[key]``: an object mapping strings to strings ({var: const})."""
    mapping = get(obj, key, dict)
    require(all(isinstance(v, str) for v in mapping.values()), f"field '{key}' must map names to names")
    return mapping


# --- formulas ----------------------------------------------------------------------------------


def read_formula(text: str, arities: dict[str, int]) -> Formula:
    """Parse a formula, which must be written in canonical core notation and be well formed:
    every predicate is built in or defined and has its arity; no quantifier binds a variable twice."""
    try:
        formula = read_core(text)
    except CoreSyntaxError as error:
        raise Bad(f"formula does not parse: {error}") from None
    except RecursionError:
        raise Bad("formula does not parse (nested deeper than Python's stack)") from None
    require(core(formula) == text, f"formula is not in canonical core notation: {text!r}")
    for sub in subformulas(formula):
        if isinstance(sub, Atom):
            require(arities.get(sub.pred) == len(sub.args), f"unknown predicate or wrong arity in {core(sub)}")
        if isinstance(sub, Forall):
            require(len(set(sub.variables)) == len(sub.variables), f"a variable is bound twice in {core(sub)}")
    return formula


def same(f: Formula, g: Formula) -> bool:
    """Alpha-equivalence: equal up to the names of bound variables. Bound variables are
    renamed by their binding position (counted from the outside in); conjunct order matters."""
    return _same(f, g, {}, {}, 0)


def _same(f: Formula, g: Formula, f_bound: dict[str, int], g_bound: dict[str, int], depth: int) -> bool:
    if isinstance(f, Atom) and isinstance(g, Atom):
        f_args = [("bound", f_bound[a]) if a in f_bound else ("free", a) for a in f.args]
        g_args = [("bound", g_bound[a]) if a in g_bound else ("free", a) for a in g.args]
        return f.pred == g.pred and f_args == g_args
    if isinstance(f, Not) and isinstance(g, Not):
        return _same(f.body, g.body, f_bound, g_bound, depth)
    if isinstance(f, And) and isinstance(g, And):
        return _same(f.left, g.left, f_bound, g_bound, depth) and _same(f.right, g.right, f_bound, g_bound, depth)
    if isinstance(f, Forall) and isinstance(g, Forall):
        if len(f.variables) != len(g.variables):
            return False
        f_inner = {**f_bound, **{v: depth + i for i, v in enumerate(f.variables)}}
        g_inner = {**g_bound, **{v: depth + i for i, v in enumerate(g.variables)}}
        depth += len(f.variables)
        return _same(f.antecedent, g.antecedent, f_inner, g_inner, depth) and _same(
            f.consequent, g.consequent, f_inner, g_inner, depth
        )
    return False


def existential(f: Formula, what: str) -> Forall:
    """The inner (>[ȳ](G)(H)) of a formula !(>[ȳ](G)(H))."""
    require(isinstance(f, Not) and isinstance(f.body, Forall), f"{what} is not of the form !(>[y](G)(H))")
    return f.body


def parts(e: Formula, sigma: dict[str, str]) -> list[Formula]:
    """parts(E, σ) for E = !(>[ȳ](G)(H)): conjuncts(G[σ]), then conjuncts(B[σ]) when H is !B
    and B is not the same as G, nothing when H is !G, or !H[σ] when H is not a negation."""
    inner = existential(e, "the existential")
    g, h = inner.antecedent, inner.consequent
    result = list(conjuncts(substitute(g, sigma)))
    if isinstance(h, Not) and not same(h.body, g):
        result += conjuncts(substitute(h.body, sigma))
    elif not isinstance(h, Not):
        result.append(Not(substitute(h, sigma)))
    return result


def equation(f: Formula, what: str) -> tuple[str, str]:
    """The two sides of an atom (=[a,b])."""
    require(isinstance(f, Atom) and f.pred == "=" and len(f.args) == 2, f"{what} is not an equation (=[a,b])")
    return f.args[0], f.args[1]


def literal(f: Formula, what: str) -> tuple[bool, Atom]:
    """(positive?, atom) of a literal: an atom or the negation of an atom."""
    if isinstance(f, Not) and isinstance(f.body, Atom):
        return False, f.body
    require(isinstance(f, Atom), f"{what} is not a literal (an atom or the negation of an atom)")
    return True, f


def count(premises: list[Formula], n: int) -> list[Formula]:
    require(len(premises) == n, f"takes {n} premise{'s' if n != 1 else ''}, got {len(premises)}")
    return premises


# --- the context of one theorem ------------------------------------------------------------------


@dataclass
class Context:
    """What the rules may consult while checking one theorem (filled in by graph.py)."""

    axioms: tuple[Formula, ...]
    definitions: Mapping[str, Definition]
    arities: dict[str, int]
    predicate_kinds: dict[str, tuple[str, ...]]  # defined predicate -> kinds of its params
    constant_kinds: dict[str, str]  # the theory's constants (the anchor's parameters) -> kind
    statement: Formula  # of the theorem being checked
    earlier: dict[str, Formula]  # statements of the theorems before it whose proofs checked
    blocks: dict[str, dict] = field(default_factory=dict)  # block id -> well-formed block
    assumes: dict[str, list[dict]] = field(default_factory=dict)  # block id -> its assume steps
    closers: dict[str, list[dict]] = field(default_factory=dict)  # block id -> steps closing it
    introductions: dict[str, list[str]] = field(default_factory=dict)  # constant -> introducing blocks
    introduced_at: dict[str, tuple[int, str]] = field(default_factory=dict)  # constant -> (position, step id)
    param_block: dict[str, str] = field(default_factory=dict)  # block param -> its forall block
    witness_kinds: dict[str, str] = field(default_factory=dict)  # witness -> kind, set by its step
    read_texts: dict[str, Formula] = field(default_factory=dict)  # formulas read so far, by text
    _param_kinds: dict[str, str | None] = field(default_factory=dict)

    def read(self, text: str) -> Formula:
        """:func:`read_formula`, remembered: the same text always reads the same."""
        if text not in self.read_texts:
            self.read_texts[text] = read_formula(text, self.arities)
        return self.read_texts[text]

    @property
    def constants(self) -> frozenset[str]:
        return frozenset(self.constant_kinds)

    def kind_of(self, name: str) -> str | None:
        """The kind of a constant: a theory constant's, a witness's (from its witness step), a
        block param's (the kind of its variable in the `forall_intro` step closing the block,
        inferred leniently here and confirmed strictly by check_forall_intro); None when unknown."""
        if name in self.constant_kinds:
            return self.constant_kinds[name]
        if name in self.witness_kinds:
            return self.witness_kinds[name]
        if name not in self.param_block:
            return None
        if name not in self._param_kinds:
            self._param_kinds[name] = None  # while computing: a cycle leaves it unknown
            self._param_kinds[name] = self._closing_kind(name)
        return self._param_kinds[name]

    def _closing_kind(self, param: str) -> str | None:
        block = self.blocks[self.param_block[param]]
        closers = self.closers.get(block["id"], [])
        if len(closers) != 1 or closers[0].get("kind") != "forall_intro":
            return None
        try:
            closing = self.read(get(closers[0], "formula", str))
            kinds = quantified_kinds(closing, self.kind_of, self.predicate_kinds, lenient=True)
        except (Bad, KindError):
            return None
        if not isinstance(closing, Forall) or len(closing.variables) != len(block["params"]):
            return None
        return kinds[closing.variables[block["params"].index(param)]]

    def check_kinds(self, formula: Formula, what: str) -> None:
        """Bad unless ``formula`` is well-kinded with the kinds of the constants it mentions."""
        try:
            check_kinds(formula, self.kind_of, self.predicate_kinds)
        except KindError as error:
            raise Bad(f"{what} is ill-kinded: {error}") from None

    def variable_kinds(self, formula: Formula, levels: int) -> dict[str, str]:
        """The kinds of the variables of the first ``levels`` quantifiers of ``formula``."""
        try:
            return quantified_kinds(formula, self.kind_of, self.predicate_kinds, levels)
        except KindError as error:
            raise Bad(f"ill-kinded: {error}") from None

    def substitution_kinds(self, sigma: dict[str, str], kinds: dict[str, str]) -> None:
        """Bad unless every value of ``sigma`` has the kind of the variable it replaces."""
        for variable, value in sigma.items():
            have = self.kind_of(value)
            require(
                have == kinds[variable],
                f"{variable} := {value} replaces a variable of kind {kinds[variable]} by a constant of kind {have}",
            )

    def assumption(self, block_id: str) -> Formula:
        """The assumption of a block (BLOCK table): of a `contradiction` block, the formula of its
        one `assume` step; of a `forall` block, A[x̄:=c̄] where (>[x̄](A)(B)) is the formula of the
        one `forall_intro` step that closes it and c̄ are the block's params."""
        block = self.blocks[block_id]
        if block["kind"] == "contradiction":
            assumes = self.assumes.get(block_id, [])
            require(len(assumes) == 1, f"block {block_id} does not have exactly one assume step")
            return self.read(get(assumes[0], "formula", str))
        require(block["kind"] == "forall", f"block {block_id} ({block['kind']}) has no assumption")
        closers = self.closers.get(block_id, [])
        require(
            len(closers) == 1 and closers[0]["kind"] == "forall_intro",
            f"block {block_id} is not closed by exactly one forall_intro step, so its assumption is unknown",
        )
        closing = self.read(get(closers[0], "formula", str))
        params = block["params"]
        require(
            isinstance(closing, Forall) and len(closing.variables) == len(params),
            f"the step closing block {block_id} does not state (>[x̄](A)(B)) with {len(params)} variables",
        )
        return substitute(closing.antecedent, dict(zip(closing.variables, params)))

    def closed_block(self, step: dict, kind: str) -> dict:
        """The block a closing step closes: a `kind` block whose parent is the step's block."""
        block_id = get(step, "closes", str)
        require(block_id in self.blocks, f"closes unknown block {block_id!r}")
        block = self.blocks[block_id]
        require(block["kind"] == kind, f"closes block {block_id}, which is {block['kind']}, not {kind}")
        child = block["parent"] == step["block"]
        require(child, f"closes block {block_id}, which is not a child of block {step['block']}")
        return block


# --- the rules, one per step kind -----------------------------------------------------------------


def check_axiom(step: dict, f: Formula, premises: list[Formula], ctx: Context) -> None:
    """axiom, no premises: formula is the same as axiom `axiom` of the theory (the top-level
    conjuncts of the anchor body, fully expanded, in order)."""
    count(premises, 0)
    index = get(step, "axiom", int)
    require(0 <= index < len(ctx.axioms), f"there is no axiom {index} (the theory has {len(ctx.axioms)})")
    require(same(f, ctx.axioms[index]), f"formula is not the same as axiom {index}, {core(ctx.axioms[index])}")


def check_theorem(step: dict, f: Formula, premises: list[Formula], ctx: Context) -> None:
    """theorem, no premises: `theorem` names an earlier theorem of the graph whose proof checked
    and formula is the same as its statement."""
    count(premises, 0)
    name = get(step, "theorem", str)
    require(name in ctx.earlier, f"{name!r} is not an earlier theorem of the graph whose proof checked")
    require(same(f, ctx.earlier[name]), f"formula is not the same as the statement of {name}")


def check_assume(step: dict, f: Formula, premises: list[Formula], ctx: Context) -> None:
    """assume, no premises: formula is the same as the assumption of the step's block; not
    allowed in the root block."""
    count(premises, 0)
    require(ctx.blocks[step["block"]]["kind"] != "root", "assume is not allowed in the root block")
    require(same(f, ctx.assumption(step["block"])), f"formula is not the assumption of block {step['block']}")


def check_unfold(step: dict, f: Formula, premises: list[Formula], ctx: Context) -> None:
    """unfold [F]: formula is the same as F with every defined atom fully expanded."""
    (premise,) = count(premises, 1)
    require(same(f, expand(premise, ctx.definitions)), "formula is not the premise fully expanded")


def check_fold(step: dict, f: Formula, premises: list[Formula], ctx: Context) -> None:
    """fold [G]: G is the same as the formula with every defined atom fully expanded."""
    (premise,) = count(premises, 1)
    require(same(premise, expand(f, ctx.definitions)), "the premise is not the formula fully expanded")


def check_and_elim(step: dict, f: Formula, premises: list[Formula], ctx: Context) -> None:
    """and_elim [(&A B)]: formula is A (`side` 0) or B (`side` 1)."""
    (premise,) = count(premises, 1)
    side = get(step, "side", int)
    require(side in (0, 1), "side must be 0 or 1")
    require(isinstance(premise, And), "the premise is not a conjunction")
    require(same(f, [premise.left, premise.right][side]), f"formula is not side {side} of the premise")


def check_and_intro(step: dict, f: Formula, premises: list[Formula], ctx: Context) -> None:
    """and_intro [A, B]: formula is (&A B)."""
    a, b = count(premises, 2)
    require(same(f, And(a, b)), "formula is not (&A B) of the premises A, B in this order")


def check_apply(step: dict, f: Formula, premises: list[Formula], ctx: Context) -> None:
    """apply [R, P1, …, Pk] with `subst` σ and `levels` n ≥ 1: R is
    (>[x̄1](A1)(>[x̄2](A2)(… (>[x̄n](An)(C))))), taking exactly n levels; the variables of the
    n levels are distinct and exactly the keys of σ, each value of its variable's kind; P1…Pk are
    the same as conjuncts(A1[σ1]) + … + conjuncts(An[σn]) in order, where σi is σ restricted to
    the variables of levels 1…i (Ai lies outside the deeper quantifiers: an identifier in Ai named
    like a deeper variable is a constant there); formula is the same as C[σ]."""
    require(len(premises) >= 1, "apply needs the rule R as its first premise")
    rule, given = premises[0], premises[1:]
    sigma = get_mapping(step, "subst")
    levels = get(step, "levels", int)
    require(levels >= 1, "levels must be at least 1")
    variables: list[str] = []
    antecedents: list[tuple[Formula, tuple[str, ...]]] = []  # Ai, and the variables of levels 1…i
    body = rule
    for level in range(levels):
        require(isinstance(body, Forall), f"the rule has fewer than {levels} levels of (>[x̄](A)(B))")
        variables += body.variables
        antecedents.append((body.antecedent, tuple(variables)))
        body = body.consequent
    require(len(set(variables)) == len(variables), "the variables of the levels are not distinct")
    require(set(variables) == set(sigma), f"the keys of subst are not exactly the variables {variables}")
    ctx.substitution_kinds(sigma, ctx.variable_kinds(rule, levels))
    needed = [
        part for a, bound in antecedents for part in conjuncts(substitute(a, {v: sigma[v] for v in bound}))
    ]
    require(len(given) == len(needed), f"the rule needs {len(needed)} premises after R, got {len(given)}")
    for i, (p, n) in enumerate(zip(given, needed), start=1):
        require(same(p, n), f"premise P{i} is not {core(n)}")
    require(same(f, substitute(body, sigma)), f"formula is not C[σ], {core(substitute(body, sigma))}")


def check_comprehension(step: dict, f: Formula, premises: list[Formula], ctx: Context) -> None:
    """comprehension [R] with `set` P, `element` x and `property` φ: R is (>[v̄](A)(B)) with P
    among v̄; formula is the same as (>[v̄ without P](A')(B')), where A', B' are A, B with every
    free atom in[t,P] replaced by φ[x:=t]; P occurs in A and B only as the set of in-atoms.
    (Second-order comprehension: the set variable P is instantiated with {x | φ}.) Kinds: P is
    a set variable of R; φ is well-kinded when x is an element, the other variables of v̄ have
    their kinds in R and every other identifier is a constant (so {x | y ∉ y} is refused)."""
    [rule] = count(premises, 1)
    set_name = get(step, "set", str)
    element = get(step, "element", str)
    prop = ctx.read(get(step, "property", str))
    require(isinstance(rule, Forall) and set_name in rule.variables, f"R does not quantify over {set_name}")
    kinds = ctx.variable_kinds(rule, 1)
    require(kinds[set_name] == SET, f"{set_name} is a variable of kind {kinds[set_name]}, not a set")
    require(is_identifier(element), f"element {element!r} is not an identifier")

    def kind_in_property(name: str) -> str | None:
        if name == element:
            return ELEMENT
        return kinds[name] if name in rule.variables else ctx.kind_of(name)

    try:
        check_kinds(prop, kind_in_property, ctx.predicate_kinds)
    except KindError as error:
        raise Bad(f"the property is ill-kinded with {element} an element: {error}") from None
    try:
        antecedent = comprehend(rule.antecedent, set_name, element, prop)
        consequent = comprehend(rule.consequent, set_name, element, prop)
    except ValueError as error:
        raise Bad(f"cannot instantiate {set_name}: {error}") from None
    remaining = tuple(v for v in rule.variables if v != set_name)
    expected = Forall(remaining, antecedent, consequent)
    require(same(f, expected), f"formula is not R with {set_name} := {{{element} | φ}}, {core(expected)}")


def check_witness(step: dict, f: Formula, premises: list[Formula], ctx: Context) -> None:
    """witness [E] with `witnesses` σ: E is !(>[ȳ](G)(H)); the keys are exactly ȳ; formula is
    the same as the left-nested conjunction of parts(E, σ); the witnesses are fresh: introduced
    once, not a theory constant, not in the statement. Each witness gets the kind of its
    variable. That no step before this one mentions a witness (so neither does E: ∃y P(y,c) ⊢
    P(c,c) is unsound), and that later steps mention it only in scope, is checked for every step
    in graph.py."""
    (e,) = count(premises, 1)
    sigma = get_mapping(step, "witnesses")
    inner = existential(e, "the premise")
    require(set(inner.variables) == set(sigma), f"the keys of witnesses are not exactly {list(inner.variables)}")
    for c in sigma.values():
        require(is_identifier(c), f"witness {c!r} is not an identifier")
        require(c not in ctx.constants, f"witness {c} is a constant of the theory, not fresh")
        require(c not in free_identifiers(ctx.statement), f"witness {c} occurs in the statement, not fresh")
        require(len(ctx.introductions.get(c, [])) == 1, f"witness {c} is introduced more than once in the theorem")
    kinds = ctx.variable_kinds(e, 1)
    for variable, c in sigma.items():
        ctx.witness_kinds[c] = kinds[variable]
    require(same(f, conjoin(parts(e, sigma))), "formula is not the conjunction of parts(E, σ)")


def check_exists_intro(step: dict, f: Formula, premises: list[Formula], ctx: Context) -> None:
    """exists_intro [P1, …, Pk] with `subst` σ: formula is !(>[ȳ](G)(H)) with ȳ exactly the
    keys of σ; P1…Pk are the same as parts(formula, σ)."""
    sigma = get_mapping(step, "subst")
    inner = existential(f, "formula")
    require(set(inner.variables) == set(sigma), f"the keys of subst are not exactly {list(inner.variables)}")
    ctx.substitution_kinds(sigma, ctx.variable_kinds(f, 1))
    needed = parts(f, sigma)
    require(len(premises) == len(needed), f"needs {len(needed)} premises, got {len(premises)}")
    for i, (p, n) in enumerate(zip(premises, needed), start=1):
        require(same(p, n), f"premise P{i} is not {core(n)}")


def check_eq_refl(step: dict, f: Formula, premises: list[Formula], ctx: Context) -> None:
    """eq_refl, no premises: formula is (=[a,a])."""
    count(premises, 0)
    a, b = equation(f, "formula")
    require(a == b, "formula is not (=[a,a])")


def check_eq_symm(step: dict, f: Formula, premises: list[Formula], ctx: Context) -> None:
    """eq_symm [(=[a,b])]: formula is (=[b,a])."""
    (premise,) = count(premises, 1)
    a, b = equation(premise, "the premise")
    require(equation(f, "formula") == (b, a), f"formula is not (=[{b},{a}])")


def check_eq_trans(step: dict, f: Formula, premises: list[Formula], ctx: Context) -> None:
    """eq_trans [(=[a,b]), (=[b,c])]: formula is (=[a,c])."""
    first, second = count(premises, 2)
    a, b = equation(first, "the first premise")
    b2, c = equation(second, "the second premise")
    require(b == b2, f"the premises (=[{a},{b}]), (=[{b2},{c}]) do not chain")
    require(equation(f, "formula") == (a, c), f"formula is not (=[{a},{c}])")


def check_eq_subst(step: dict, f: Formula, premises: list[Formula], ctx: Context) -> None:
    """eq_subst [L, E1, …, Em]: L is a literal; each Ei is an atom (=[x,y]); formula is a literal
    with the same polarity, predicate and arity, and in every argument position i either the
    argument of formula equals that of L, or some Ei is (=[L.arg_i, formula.arg_i])."""
    require(len(premises) >= 1, "eq_subst needs the literal L as its first premise")
    l_positive, l_atom = literal(premises[0], "the first premise")
    equations = [equation(e, f"premise E{i}") for i, e in enumerate(premises[1:], start=1)]
    positive, atom = literal(f, "formula")
    require(positive == l_positive, "formula and L differ in polarity")
    same_shape = atom.pred == l_atom.pred and len(atom.args) == len(l_atom.args)
    require(same_shape, "formula and L differ in predicate or arity")
    for i, (old, new) in enumerate(zip(l_atom.args, atom.args), start=1):
        require(old == new or (old, new) in equations, f"argument {i}: no premise (=[{old},{new}])")


def check_double_neg(step: dict, f: Formula, premises: list[Formula], ctx: Context) -> None:
    """double_neg [!!F]: formula is F."""
    (premise,) = count(premises, 1)
    require(isinstance(premise, Not) and isinstance(premise.body, Not), "the premise is not of the form !!F")
    require(same(f, premise.body.body), "formula is not F of the premise !!F")


def check_forall_intro(step: dict, f: Formula, premises: list[Formula], ctx: Context) -> None:
    """forall_intro [R], `closes` a block: the closed block is a `forall` child of this step's
    block with params c̄; formula is (>[x̄](A)(B)) with as many variables as c̄; R is the same as
    B[x̄:=c̄]; each param has the kind of its variable. That the block's assumption is
    A[x̄:=c̄] is checked at the block's assume step
    (Context.assumption reads it from this very step). Graph.py has checked that R lies in the
    closed block or one of its ancestors and that no constant introduced in the closed block
    occurs in this step's formula."""
    (r,) = count(premises, 1)
    params = ctx.closed_block(step, "forall")["params"]
    require(isinstance(f, Forall), "formula is not of the form (>[x̄](A)(B))")
    n, m = len(f.variables), len(params)
    require(n == m, f"formula binds {n} variables, the block has {m} params")
    expected = substitute(f.consequent, dict(zip(f.variables, params)))
    require(same(r, expected), f"the premise is not B[x̄:=c̄], {core(expected)}")
    ctx.substitution_kinds(dict(zip(f.variables, params)), ctx.variable_kinds(f, 1))


def check_not_intro(step: dict, f: Formula, premises: list[Formula], ctx: Context) -> None:
    """not_intro [P, Q], `closes` a block: the closed block is a `contradiction` child of this
    step's block with assumption C (its assume step's formula); Q's formula is (!P); formula is
    !C. Graph.py has checked that P and Q lie in the closed block or its ancestors."""
    p, q = count(premises, 2)
    closed = ctx.closed_block(step, "contradiction")
    c = ctx.assumption(closed["id"])
    require(same(q, Not(p)), "the second premise is not the negation of the first")
    require(same(f, Not(c)), f"formula is not !C for the assumption C = {core(c)}")


RULES = {
    "comprehension": check_comprehension,
    "axiom": check_axiom,
    "theorem": check_theorem,
    "assume": check_assume,
    "unfold": check_unfold,
    "fold": check_fold,
    "and_elim": check_and_elim,
    "and_intro": check_and_intro,
    "apply": check_apply,
    "witness": check_witness,
    "exists_intro": check_exists_intro,
    "eq_refl": check_eq_refl,
    "eq_symm": check_eq_symm,
    "eq_trans": check_eq_trans,
    "eq_subst": check_eq_subst,
    "double_neg": check_double_neg,
    "forall_intro": check_forall_intro,
    "not_intro": check_not_intro,
}

#: The kinds whose step closes a block (they carry `closes`).
CLOSING = ("forall_intro", "not_intro")
