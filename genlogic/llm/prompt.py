"""The messages sent to a model: the theory's signature, the readable notation (docs/mpl.md,
abridged), the theory's own axioms as examples, and the task. Every answer is asked for as MPL
statements only, one per line, in one fenced block."""

from __future__ import annotations

from genlogic.engine.goal import KnownTheorem
from genlogic.mpl.printer import readable
from genlogic.theory.model import Theory

#: docs/mpl.md §5.1, abridged: what a statement may be written with
NOTATION = """\
MPL readable notation (one statement per line):
  x ∈ X              membership (also: x in X);  x ∉ X  non-membership
  f(x) = y           a function's value;  a + b = c  an infix operation;  g(a, b) = c  a prefix one
  s = t, s ≠ t       equality, disequality (also: s != t)
  A and B, not A, A -> B
  forall x y: A -> B universal statement; every variable is guarded by its set: x ∈ N and y ∈ N -> …
  exists y: A and B  existential statement
  P[a, b]            a call of a defined predicate
Terms nest: (a + b) + c = a + (b + c). Use only the theory's constants and bound variables."""

RULES = """\
Answer with candidate statements only: no axiom, def, anchor, import or theorem declarations, \
no explanations. Put them in one ```mpl block, one statement per line. A statement is only a \
conjecture: genlogic parses it, checks its kinds, evaluates it on models and tries to prove it."""

#: how many of the theory's axioms are shown as examples of the notation
EXAMPLES = 12
#: how many known theorems a seeding request lists
KNOWN = 40


def signature(theory: Theory) -> str:
    """The theory's constants with their kinds and what the axioms make of them, its defined
    predicates with their parameters' kinds."""
    lines = [f"Theory {theory.name}. Constants:"]
    for constant in theory.signature.constants:
        operation = theory.signature.operation(constant.name)
        described = f" — {operation.description}" if operation is not None else ""
        lines.append(f"  {constant.name}: {constant.kind}{described}")
    for schema in theory.signature.induction:
        lines.append(f"  induction over {schema.carrier} from {schema.base} by {schema.step}")
    defined = [d for d in theory.definitions if not d.is_anchor]
    if defined:
        lines.append("Defined predicates:")
        lines += [f"  {d.name}[{', '.join(f'{p}: {k}' for p, k in zip(d.params, d.kinds))}]" for d in defined]
    return "\n".join(lines)


def examples(theory: Theory) -> str:
    """The theory's first axioms in the readable notation."""
    shown = [f"  {readable(axiom)}" for axiom in theory.axioms[:EXAMPLES]]
    return "Axioms of the theory, as examples of the notation:\n" + "\n".join(shown)


def system(theory: Theory) -> str:
    return "\n\n".join([
        "You write statements in MPL, the language of the theorem prover genlogic.",
        RULES, NOTATION, signature(theory), examples(theory),
    ])


def formalize(theory: Theory, text: str) -> tuple[tuple[str, str], ...]:
    """The messages asking for MPL statements that say ``text``."""
    task = (f"Write MPL statements that say: {text}\n"
            "Give one to three candidates, the most faithful first.")
    return (("system", system(theory)), ("user", task))


def seed(theory: Theory, known: tuple[KnownTheorem, ...], count: int) -> tuple[tuple[str, str], ...]:
    """The messages asking for ``count`` conjectures, given the theorems proved so far."""
    listed = "\n".join(f"  {readable(k.statement)}" for k in known[:KNOWN]) or "  (none yet)"
    task = (f"Theorems proved so far:\n{listed}\n\n"
            f"Propose up to {count} further conjectures about this theory that are likely true, "
            "interesting and not among the theorems above.")
    return (("system", system(theory)), ("user", task))


def repair(messages: tuple[tuple[str, str], ...], answer: str, problems: list[str]) -> tuple[tuple[str, str], ...]:
    """The conversation so far, the model's answer and what genlogic found wrong with it."""
    report = "\n".join(f"- {problem}" for problem in problems)
    task = ("genlogic could not use these candidates:\n" + report +
            "\n\nCorrect them. Answer again with statements only, in one ```mpl block.")
    return (*messages, ("assistant", answer), ("user", task))
