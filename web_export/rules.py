"""The rule reference: every step kind and block kind of docs/proofgraph.md, in plain language.

This is the text of the browser's rule page and the source of the rule names that steps link
to. ``GLUE`` are the bookkeeping kinds a reader usually skips; theorem pages fold them away.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    kind: str
    title: str
    group: str  # "source", "logic", "equality" or "glue"
    premises: str
    meaning: str


RULES: tuple[Rule, ...] = (
    Rule("axiom", "Axiom", "source", "none",
         "States one of the theory's axioms, exactly as it reads once every definition of the anchor is "
         "expanded. The step names the axiom by its number."),
    Rule("theorem", "Earlier theorem", "source", "none",
         "Cites a theorem proved earlier in the same run, by name. A proof may only cite theorems "
         "that come before it, so theorems never depend on each other in a circle."),
    Rule("assume", "Assumption", "glue", "none",
         "Opens the reasoning inside a block by stating what the block assumes: the hypothesis of a "
         "“for all” block, or the formula a contradiction block sets out to refute. Never used at the "
         "top level of a proof."),
    Rule("and_elim", "Take one part of a conjunction", "glue", "A and B",
         "From “A and B”, keeps the left part A or the right part B."),
    Rule("and_intro", "Join two facts", "logic", "A, B",
         "From A and from B, concludes “A and B”."),
    Rule("unfold", "Unfold definitions", "glue", "a formula F",
         "Rewrites F with every defined predicate replaced by its definition, fully expanded."),
    Rule("fold", "Fold definitions", "glue", "a formula G",
         "The reverse of unfolding: states a formula whose full expansion is the premise G."),
    Rule("apply", "Apply a universal statement", "logic", "a rule R, then facts P1 … Pk",
         "R says “for all x: if A then C” (possibly several such levels nested). The step picks values "
         "for the variables (the substitution shown as x := value), cites a fact for every condition "
         "of A with those values, and concludes C with those values. This is modus ponens combined "
         "with instantiation."),
    Rule("witness", "Name a witness", "logic", "an existence statement E",
         "From “there exists y such that …”, introduces a fresh constant that stands for such a y "
         "and states what is known about it. The new constant is used nowhere else before."),
    Rule("exists_intro", "Show something exists", "logic", "facts P1 … Pk",
         "From facts about particular values, concludes that values with those properties exist "
         "(the substitution shows which values play the role of the bound variables)."),
    Rule("comprehension", "Instantiate a set variable", "logic", "a statement R about all sets P",
         "R holds for every set P (for example an induction axiom: “if P contains 0 and is closed under "
         "successor, P contains every number”). The step picks the set of all x with a property φ, "
         "written P := {x | φ}, and restates R with every “t ∈ P” replaced by φ for t. This is how "
         "an induction axiom is applied to the property being proved."),
    Rule("eq_refl", "Reflexivity", "equality", "none",
         "Every thing equals itself: states a = a."),
    Rule("eq_symm", "Symmetry", "glue", "a = b",
         "Turns the equation around: from a = b, concludes b = a."),
    Rule("eq_trans", "Transitivity", "equality", "a = b, b = c",
         "Chains two equations: from a = b and b = c, concludes a = c."),
    Rule("eq_subst", "Substitute equals", "equality", "a fact L, then equations E1 … Em",
         "Replaces arguments of the fact L by equal things, each justified by one of the equations. "
         "On theorem pages the arguments that changed are highlighted."),
    Rule("double_neg", "Remove a double negation", "glue", "not not F",
         "From “not not F”, concludes F."),
    Rule("forall_intro", "Conclude a “for all”", "logic", "the block's conclusion",
         "Closes a “for all” block. Inside the block, fresh constants stood for arbitrary values "
         "satisfying the hypothesis; since the block derived the conclusion about them, the "
         "conclusion holds for all values: “for all x: if A then B”."),
    Rule("not_intro", "Conclude by contradiction", "logic", "P and not P, from the block",
         "Closes a contradiction block. The block assumed C and derived both some fact P and its "
         "negation, so C cannot hold: the step concludes “not C”."),
)

BY_KIND: dict[str, Rule] = {rule.kind: rule for rule in RULES}

GLUE: frozenset[str] = frozenset(rule.kind for rule in RULES if rule.group == "glue")

GROUPS: tuple[tuple[str, str], ...] = (
    ("source", "Where facts come from"),
    ("logic", "Logical steps"),
    ("equality", "Equality"),
    ("glue", "Glue (folded by default)"),
)


@dataclass(frozen=True)
class BlockKind:
    kind: str
    title: str
    meaning: str


BLOCK_KINDS: tuple[BlockKind, ...] = (
    BlockKind("root", "The proof itself",
              "The theory's own context: no assumptions, no fresh constants. The last step of the proof "
              "lies here and states the theorem."),
    BlockKind("forall", "For all",
              "To prove “for all x: if A then B”, the block fixes fresh constants for x, assumes A about "
              "them and derives B. A forall_intro step outside the block then concludes the “for all” "
              "statement. An induction's base case and step case are such blocks."),
    BlockKind("contradiction", "Contradiction",
              "To prove “not C”, the block assumes C and derives a fact together with its negation. A "
              "not_intro step outside the block then concludes “not C”."),
)
