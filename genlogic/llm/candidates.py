"""Extracting candidate statements from a model's answer and vetting them: statements only
(every declaration refused), parsed by the MPL grammar, kind-checked against the theory, its
variables guarded by the theory's carriers (:mod:`genlogic.llm.guards`), a repeated statement
found, and — for :func:`screen` — evaluated on the theory's models. A candidate's fate says how
far it got; :func:`problems` is what the repair round tells the model about the failed ones."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Iterable, Iterator

from genlogic.engine.laws import read_law
from genlogic.errors import MplError
from genlogic.explore.conjectures import guarded_equation
from genlogic.explore.model import Models
from genlogic.explore.refute import screen_goals
from genlogic.llm.guards import guard, law_carrier, law_guards, operations
from genlogic.mpl.ast import Formula
from genlogic.mpl.normal import normal_text
from genlogic.mpl.parser import parse_formula
from genlogic.mpl.printer import core, readable
from genlogic.theory.build import load_theory
from genlogic.theory.model import Signature, Theorem, Theory


class Fate(Enum):
    """How far a candidate got; the first four stop it before any model sees it."""

    REFUSED = "refused"  # a declaration (axiom, def, anchor, import, …): candidates are statements only
    PARSE_ERROR = "parse error"
    KIND_ERROR = "kind error"  # unknown names, arities, kinds: what loading it as a theorem of the theory reports
    DUPLICATE = "duplicate"  # an earlier candidate's statement (up to bound-variable names, conjunct order, orientation)
    TOO_MANY = "too many"  # beyond MAX_CANDIDATES in one answer: not examined
    REFUTED = "refuted"  # a model has a counterexample
    VACUOUS = "vacuous"  # its premises never hold in the models
    NOT_REFUTED = "not refuted"  # well-kinded and true as far as the models tell; not proved (yet)
    PROVED = "proved"  # by the engine; the kernel re-checks the proof
    UNPROVED = "unproved"  # the engine found no proof


#: the fates the repair round asks the model to correct
REPAIRABLE = frozenset({Fate.PARSE_ERROR, Fate.KIND_ERROR, Fate.REFUTED})
#: statements an answer may hold; the rest are TOO_MANY
MAX_CANDIDATES = 12
#: longest candidate examined, in characters
MAX_LENGTH = 2_000
#: declarations a candidate may not be (MPL's and the words models use for them)
DECLARATIONS = frozenset({"axiom", "axioms", "def", "define", "definition", "anchor", "import", "assume",
                          "postulate", "lemma", "theory"})

_FENCE = re.compile(r"```[^\n]*\n(.*?)(?:```|\Z)", re.S)
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_THEOREM = re.compile(r"^theorem\s+\S+\s*:=\s*(.*)$", re.S)
_DECLARED = re.compile(r"^([A-Za-z_]+)\b(.*?:=)?", re.S)


@dataclass(frozen=True)
class Candidate:
    """One statement a model proposed and what became of it."""

    text: str  # as the model wrote it (shown escaped, never executed)
    round: int  # 1, or 2 for the repair round
    fate: Fate
    message: str = ""  # why it was stopped: the parse or kind error, the refusal, the reason left unproved
    theorem: Theorem | None = None  # parsed and well-kinded, with its name
    counterexample: dict[str, int] | None = None
    sides: tuple[dict[str, Any], ...] = ()  # a refuted equation's sides evaluated
    model: str | None = None  # the finite model that refutes it
    guards: tuple[str, ...] = ()  # the guards added to its variables (``a ∈ N``): ``theorem`` has them

    @property
    def usable(self) -> bool:
        """Parsed, well-kinded and not refuted by a model."""
        return self.fate in (Fate.NOT_REFUTED, Fate.PROVED, Fate.UNPROVED)

    @property
    def failed(self) -> bool:
        """Stopped by a parse, kind or refutation message, which the repair round sends back."""
        return self.fate in REPAIRABLE

    def to_json(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"text": self.text, "round": self.round, "fate": self.fate.value}
        if self.message:
            entry["message"] = self.message
        if self.theorem is not None:
            entry.update(name=self.theorem.name, readable=readable(self.theorem.formula), core=core(self.theorem.formula))
        if self.guards:
            entry["guarded"] = list(self.guards)
        if self.counterexample is not None:
            entry["counterexample"] = self.counterexample
        if self.sides:
            entry["sides"] = list(self.sides)
        if self.model is not None:
            entry["model"] = self.model
        return entry


def extract(answer: str) -> list[str]:
    """The candidate statements of an answer: the lines of its fenced blocks (else of the whole
    answer) that are not blank or comments, list bullets removed; an indented line continues the
    one before."""
    blocks = _FENCE.findall(answer)
    body = "\n".join(blocks) if blocks else answer
    statements: list[str] = []
    for line in body.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[:1].isspace() and statements and not _BULLET.match(line):
            statements[-1] += " " + line.strip()
        else:
            statements.append(_BULLET.sub("", line).strip())
    return statements


@dataclass
class Vetter:
    """Vets the candidates of one conversation as statements of the theory in ``theory_path``
    (``theory``, loaded): the well-kinded ones take the next of ``names``; a statement seen
    before in the conversation (:func:`statement_key`) is a duplicate."""

    theory_path: Path
    theory: Theory
    names: Iterator[str]
    seen: set[str] = field(default_factory=set)

    def vet(self, texts: Iterable[str], round_: int, limit: int = MAX_CANDIDATES) -> list[Candidate]:
        """Each text as a candidate: refused, a parse or kind error, a duplicate, or well-kinded
        (fate NOT_REFUTED until :func:`screen`); only the first ``limit`` are examined."""
        out = []
        for index, text in enumerate(texts):
            if index >= limit:
                out.append(Candidate(text, round_, Fate.TOO_MANY, f"only the first {limit} candidates are examined"))
                continue
            candidate = self._vet_one(text, round_)
            if candidate.theorem is not None:
                key = statement_key(candidate.theorem.formula, self.theory.signature)
                if key in self.seen:
                    candidate = Candidate(text, round_, Fate.DUPLICATE, "the same statement as an earlier one")
                self.seen.add(key)
            out.append(candidate)
        return out

    def _vet_one(self, text: str, round_: int) -> Candidate:
        refusal = refused(text)
        if refusal is not None:
            return Candidate(text, round_, Fate.REFUSED, refusal)
        body = _statement_body(text)
        if len(body) > MAX_LENGTH:
            return Candidate(text, round_, Fate.PARSE_ERROR, f"longer than {MAX_LENGTH} characters")
        try:
            formula = parse_formula(body, "<candidate>")
        except MplError as error:
            return Candidate(text, round_, Fate.PARSE_ERROR, error.message)
        name = next(self.names)
        try:
            theorem = as_theorem(self.theory_path, name, core(formula))
            guarded = guard(theorem.formula, dict(theorem.binder_kinds), self.theory.signature)
            if guarded.added:
                theorem = as_theorem(self.theory_path, name, core(guarded.formula))
        except MplError as error:
            return Candidate(text, round_, Fate.KIND_ERROR, error.message)
        return Candidate(text, round_, Fate.NOT_REFUTED, theorem=theorem, guards=guarded.shown)


def statement_key(formula: Formula, signature: Signature) -> str:
    """Equal for two statements that differ only in the names of bound variables, the order of
    conjuncts and, for an equation, its orientation: the normal text (:mod:`genlogic.mpl.normal`)
    of the formula, or of the equation read from it written both ways, whichever is less."""
    law = read_law(formula, operations(signature))
    carrier = law_carrier(law, law_guards(law)) if law is not None else None
    if law is None or carrier is None:
        return normal_text(formula)
    return min(normal_text(guarded_equation(left, right, carrier))
               for left, right in ((law.left, law.right), (law.right, law.left)))


def problems(candidates: list[Candidate]) -> list[str]:
    """What the repair round tells the model: each failed candidate (:attr:`Candidate.failed`)
    with its message, or that the answer held no statement."""
    if not candidates:
        return ["the answer held no statement"]
    return [f"{shown(c.text)} — {c.fate.value}: {c.message}" for c in candidates if c.failed]


def refused(text: str) -> str | None:
    """Why ``text`` is refused — it declares something (``def``, ``axiom``, any ``WORD NAME :=``
    but ``theorem``) — or ``None`` for a statement."""
    match = _DECLARED.match(text.strip())
    if match is None:
        return None
    word = match.group(1)
    if word.lower() in DECLARATIONS or (match.group(2) and word != "theorem"):
        return f"candidates are statements only: the '{word}' declaration is refused"
    return None


def _statement_body(text: str) -> str:
    """The formula of ``theorem NAME := F``, else the text itself."""
    match = _THEOREM.match(text.strip())
    return (match.group(1) if match else text).strip()


def as_theorem(theory_path: Path, name: str, statement: str) -> Theorem:
    """``statement`` (core text) checked as the theorem ``name`` of a file that imports the
    theory: names, arities and kinds, exactly as ``genlogic parse`` checks a stated theorem."""
    virtual = theory_path.resolve().parent / f".{theory_path.stem}.candidate.mpl"
    text = f'import "{theory_path.resolve().name}"\ntheorem {name} := {statement}\n'
    return load_theory(virtual, text).theorems[0]


def screen(candidates: list[Candidate], theory: Theory, models: Models) -> list[Candidate]:
    """The well-kinded candidates evaluated on ``models``: refuted (with the counterexample and,
    for an equation, its sides evaluated), vacuous, or still not refuted."""
    theorems = tuple(c.theorem for c in candidates if c.theorem is not None and c.fate is Fate.NOT_REFUTED)
    screened = screen_goals(dataclasses.replace(theory, theorems=theorems), models)
    out = []
    for candidate in candidates:
        entry = screened.get(candidate.theorem.name) if candidate.theorem is not None else None
        if entry is not None and entry["status"] == "refuted":
            found = entry["refuted"]
            candidate = dataclasses.replace(
                candidate, fate=Fate.REFUTED, counterexample=found["counterexample"],
                sides=tuple(found.get("sides", ())), model=entry.get("model"),
                message="counterexample " + ", ".join(f"{k} = {v}" for k, v in found["counterexample"].items()))
        elif entry is not None:
            candidate = dataclasses.replace(candidate, fate=Fate.VACUOUS, message=entry["reason"])
        out.append(candidate)
    return out


def shown(text: str, width: int = 200) -> str:
    """``text`` safe for a terminal on one line: control, format and line-separator characters
    escaped (``\\x1b``, ``\\n``), cut to ``width`` characters."""
    safe = "".join(c.encode("unicode_escape").decode("ascii") if unicodedata.category(c) in _UNSAFE else c
                   for c in text)
    return safe if len(safe) <= width else safe[: width - 1] + "…"


_UNSAFE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
