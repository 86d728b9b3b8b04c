"""The theory data model that every later stage reads. Frozen dataclasses only."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from genlogic.mpl.ast import Formula, Span
from genlogic.theory.clauses import Fact


class Kind(enum.Enum):
    """What an identifier denotes, inferred from the atoms it appears in."""

    ELEMENT = "element"
    SET = "set"
    RELATION2 = "binary relation"  # used through in2: a unary function when functional
    RELATION3 = "ternary relation"  # used through in3: a binary operation when functional
    RELATION4 = "quaternary relation"  # used through in4: a function of three arguments
    RELATION5 = "quinary relation"  # used through in5: a function of four arguments

    def __str__(self) -> str:
        return self.value


#: The function atom through which each relation kind is used.
RELATION_ATOMS: dict[Kind, str] = {
    Kind.RELATION2: "in2", Kind.RELATION3: "in3", Kind.RELATION4: "in4", Kind.RELATION5: "in5",
}


@dataclass(frozen=True)
class Definition:
    """``def Name[params] := body`` (or the anchor), with the inferred kind of each parameter."""

    name: str
    params: tuple[str, ...]
    body: Formula
    kinds: tuple[Kind, ...]
    binder_kinds: tuple[tuple[str, Kind], ...] = ()
    is_anchor: bool = False
    span: Span | None = field(default=None, compare=False, hash=False, repr=False)


@dataclass(frozen=True)
class Theorem:
    """A stated goal; its free identifiers are constants of the anchor."""

    name: str
    formula: Formula
    binder_kinds: tuple[tuple[str, Kind], ...] = ()
    span: Span | None = field(default=None, compare=False, hash=False, repr=False)


@dataclass(frozen=True)
class Constant:
    """A parameter of the anchor: a constant of the theory."""

    name: str
    kind: Kind


@dataclass(frozen=True)
class Operation:
    """A relation constant and what the axioms say about it.

    ``inputs`` is 1 for a binary relation (``in2[x,y,f]``: f(x) = y), 2 for a ternary one
    (``in3[a,b,c,g]``: g(a,b) = c), up to 4 (``in5``). ``functional``: equal inputs give equal outputs. ``domain``:
    the set on which it is total (an output exists for all inputs in it), or ``None``.
    ``closed``: outputs of inputs in ``domain`` lie in ``domain``. ``injective``: equal outputs
    come from equal inputs (binary relations only).
    """

    name: str
    inputs: int
    functional: bool
    domain: str | None
    closed: bool
    injective: bool
    total_fact: int | None = None  # Theory.facts index of ∀ā (ā ∈ domain → ∃c (g(ā) = c ∧ c ∈ domain))
    functional_fact: int | None = None  # Theory.facts index of ∀ā c d ([guards ∧] g(ā) = c ∧ g(ā) = d → c = d)

    @property
    def is_operation(self) -> bool:
        """Total and functional: ``f(x)`` or ``a + b`` always denotes exactly one value."""
        return self.functional and self.domain is not None

    @property
    def noun(self) -> str:
        """What an operation of this many inputs is called."""
        return {1: "total function", 2: "binary operation"}.get(self.inputs, f"function of {self.inputs} arguments")

    @property
    def description(self) -> str:
        """What the axioms say about it, in words: ``binary operation, on N (closed)``."""
        parts = []
        if self.is_operation:
            parts.append(self.noun)
            parts.append(f"on {self.domain}" + (" (closed)" if self.closed else ""))
        else:
            parts.append("functional" if self.functional else "relation")
            if self.domain:
                parts.append(f"total on {self.domain}")
        if self.injective:
            parts.append("injective")
        return ", ".join(parts)


@dataclass(frozen=True)
class InductionSchema:
    """A fact of the shape ∀P: base ∈ P ∧ ∀n m (n ∈ P ∧ step(n) = m → m ∈ P) → ∀n (n ∈ carrier → n ∈ P).

    ``fact`` indexes :attr:`Theory.facts` (the canonical clause), ``axiom`` the axiom it comes from.
    """

    carrier: str
    base: str
    step: str
    axiom: int
    fact: int = -1


@dataclass(frozen=True)
class Signature:
    """What later stages need to know about the anchor's constants, recognised from the axioms."""

    constants: tuple[Constant, ...] = ()
    operations: tuple[Operation, ...] = ()
    induction: tuple[InductionSchema, ...] = ()
    facts: tuple[Fact, ...] = ()  # the canonical clauses (theory/clauses.py) and recognised statements
    unusable: frozenset[int] = frozenset()  # facts whose lemma could not be proved (engine/lemmas.py)

    def kind_of(self, name: str) -> Kind | None:
        return next((c.kind for c in self.constants if c.name == name), None)

    def operation(self, name: str) -> Operation | None:
        return next((op for op in self.operations if op.name == name), None)

    @property
    def carriers(self) -> tuple[str, ...]:
        """The sets the theory's elements range over: the carriers of its induction schemas, then
        the domains of its operations, each once."""
        found = [schema.carrier for schema in self.induction]
        found += [op.domain for op in self.operations if op.is_operation and op.domain is not None]
        return tuple(dict.fromkeys(found))

    @property
    def relations(self) -> tuple[str, ...]:
        """The binary relations that are not functions (``le``: ``in2[x,y,le]`` reads "x ≤ y")."""
        return tuple(op.name for op in self.operations if op.inputs == 1 and not op.functional)


@dataclass(frozen=True)
class Theory:
    """A checked theory: every name resolved, every identifier typed, definitions acyclic.

    ``definitions`` lists every definition (the anchor included) callees first; ``axioms`` are
    the top-level conjuncts of the anchor's body with every definition expanded; ``facts`` (on
    the signature) are what the engine's stages read: the axioms in canonical clause form plus
    the canonical statements recognised from them, each an axiom itself or a lemma to prove.
    """

    name: str
    definitions: tuple[Definition, ...]
    anchor: Definition | None
    theorems: tuple[Theorem, ...]
    axioms: tuple[Formula, ...]
    signature: Signature

    @property
    def facts(self) -> tuple[Fact, ...]:
        return self.signature.facts

    @property
    def lemmas(self) -> tuple[Fact, ...]:
        """The facts that are not axioms as written: theorems to prove before they are used."""
        return tuple(f for f in self.signature.facts if f.lemma is not None)

    @property
    def citable_lemmas(self) -> tuple[int, ...]:
        """Indices of the lemma facts a proof may cite: all but those marked unusable."""
        return tuple(i for i, f in enumerate(self.signature.facts)
                     if f.lemma is not None and i not in self.signature.unusable)

    def definition(self, name: str) -> Definition:
        return next(d for d in self.definitions if d.name == name)

    def has_definition(self, name: str) -> bool:
        return any(d.name == name for d in self.definitions)
