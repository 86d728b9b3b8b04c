"""GL files → one ``.mpl`` file (the ``genlogic import-gl`` command).

GL's layout, as its repository (Generative-Logic/GL) stores it
------------------------------------------------------------------

* **Definition files.** ``files/definitions/`` holds one file per definition, named ``Name.txt``
  (newer files ``Name.mpl``). A file holds only the *body* of the definition: one formula in the
  core notation, usually spread over many lines and indented with tabs, e.g. GL's anchor for
  Peano arithmetic is the conjunction of ``(NaturalNumbers[N,i0,s,+,*])`` and ``(in2[i0,i1,s])``.
  The body names its parameters freely (``N``, ``i0``, ``s``, ``+``, ``f``, ``X``; GL's own
  output uses numbers ``1``, ``2``, … instead); the file does not say in which order they come.
  The folder holds the definitions of *every* GL theory (Peano, Gauss, the incubators, FTA), so
  most files in it have nothing to do with a given config.

* **Configs.** ``files/config/Config<Tag>.json`` is one JSON object per batch. Each key that
  names an expression maps to an object with, among many fields genlogic has no use for
  (``definition_sets``, ``input_args``, ``max_count_per_conjecture``, …):

  - ``arity``: the number of parameters;
  - ``short_mpl``: the head, e.g. ``"(NaturalNumbers[N,i0,s,+,*])"``; it fixes the order of the
    parameters that the body file uses (GL renumbers them ``1..arity`` internally). Without it
    GL takes the parameters to be ``1``, …, ``arity``;
  - ``full_mpl``: where the body is: a file name (GL treats the value as a file when it ends in
    ``.txt`` or, in newer configs, ``.mpl``, or contains a path separator; it looks the base name
    up in the definitions folder), or else the body itself, inline. The built-ins ``in``,
    ``in2``, ``in3`` and ``=`` are entries too, with their own head as inline ``full_mpl``.

  Other top-level keys are settings (``parameters``, ``prover_parameters``,
  ``patterns_to_exclude``, ``only_in_head``, ``prohibited_combinations``, ``prohibited_heads``,
  folder overrides). So a config *references* its definitions through ``full_mpl``: the Peano
  config names ``fXY.txt``, ``fXYZ.txt``, ``NaturalNumbers.txt`` and ``AnchorPeano.txt``.

* **The anchor.** A top-level string ``anchor_name`` names it when present (the incubator
  configs); otherwise GL derives it from the config's file name: ``Config<Tag>.json`` → the entry
  ``Anchor<Tag>`` (``ConfigPeano.json`` → ``AnchorPeano``, ``ConfigGauss.json`` →
  ``AnchorGauss``). Other ``Anchor…`` entries of the same config (the Gauss config also lists
  ``AnchorPeano``) are ordinary definitions there.

* **Induction is built into GL's prover**, not stated as an axiom. Every GL conjecture is stated
  under the anchor atom; to prove one by induction on a variable, the prover unfolds that anchor
  atom once (its body, with the anchor's arguments put in), looks in the text for the first call
  of ``NaturalNumbers`` and takes that call's arguments: the 2nd is the zero the base case starts
  at, the 3rd the successor it steps with, and (in newer versions) the 1st the carrier, in which
  it first proves that the induction variable lies. Every GL anchor has that part, e.g.
  ``(NaturalNumbers[N,i0,s,+,*])`` in ``AnchorPeano``, ``AnchorGauss`` and ``AnchorFTA``.

What the importer writes
------------------------

One ``.mpl`` file holding, in canonical core notation, ``def Name[params] := body`` for every
definition the config references (nothing else from the folder), sorted by name, then GL's
induction principle as an explicit definition (readable notation, with a comment saying where it
comes from), then the anchor: GL's anchor body conjoined with a call of that definition, so the
principle is the anchor's last axiom. Carrier, zero and successor are found as GL's prover finds
them: the first three arguments of the first ``NaturalNumbers`` call in the anchor's body (GL's
own definition name, the only name looked at; no constant is recognised by its name). For files
in GL's format whose part has another name, the part is found by its shape instead: the first
conjunct of the anchor (looking into the conjuncts of called definitions too) calling a
definition whose unfolded body says that its 2nd argument is an element of its 1st and uses its
3rd as a unary relation (``in2``). An anchor with neither (a monoid, say) gets no induction
principle, and a comment says so.

Every problem is an :class:`MplError` located in the offending file: a definition file, the
config (at the entry or field concerned), or the folder itself.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable, Iterator

from genlogic.errors import MplError
from genlogic.mpl import printer
from genlogic.mpl.ast import BUILTINS, And, Atom, DefStatement, Forall, Formula, Not, Span, conjuncts, subformulas
from genlogic.mpl.expand import expand, instantiate
from genlogic.mpl.parser import parse_formula
from genlogic.theory.loader import display_path

_FILE_SUFFIXES = (".txt", ".mpl")
_HEAD = re.compile(r"(?P<name>[^\[\]]+)\[(?P<params>[^\]]*)\]")
_INDUCTION_NAME = "GLInduction"
_GL_PART = "NaturalNumbers"  # the name GL's prover looks for in the anchor


@dataclass(frozen=True)
class _Config:
    """The config's text, kept to locate errors in it."""

    label: str
    text: str

    def span(self, *keys: str) -> Span:
        """Where the entry reached by the chain of object ``keys`` is (as far as it is found)."""
        position = 0
        for key in keys:
            pattern = re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:"
            match = re.compile(pattern).search(self.text, position)
            if match is None:
                break
            position = match.start()
        line = self.text.count("\n", 0, position) + 1
        column = position - self.text.rfind("\n", 0, position)
        return Span(self.label, line, column)

    def error(self, message: str, *keys: str, note: str | None = None) -> MplError:
        """An error at the entry reached by the chain of object ``keys``."""
        return MplError(message, self.span(*keys), note).attach_source({self.label: self.text})


@dataclass
class _Definition:
    """One definition the config references: its head, its body and where the body came from."""

    name: str
    params: tuple[str, ...]
    body: Formula
    source: str  # the definition file's display path, or the config's for an inline body
    file_name: str | None  # the definition file's name, None for an inline body
    texts: dict[str, str] = field(default_factory=dict)
    locate: Callable[[Span | None], Span | None] = lambda span: span

    def error(self, message: str, span: Span | None, note: str | None = None) -> MplError:
        return MplError(message, self.locate(span) or Span(self.source, 1, 1), note).attach_source(self.texts)


def convert(definitions_dir: Path, config: Path, anchor_name: str | None) -> str:
    """The text of one ``.mpl`` file holding the GL theory of ``config``, whose definition files
    are in ``definitions_dir``; ``anchor_name``, when given, overrides the config's anchor."""
    settings = _Config(display_path(config), _read(config))
    try:
        data = json.loads(settings.text)
    except json.JSONDecodeError as error:
        error_span = Span(settings.label, error.lineno, error.colno)
        invalid = MplError(f"invalid JSON: {error.msg}", error_span)
        raise invalid.attach_source({settings.label: settings.text}) from None
    if not isinstance(data, dict):
        raise settings.error("the config must be a JSON object")

    definitions = _definitions(data, settings, definitions_dir)
    if not definitions:
        message = (f"{settings.label} names no definition (no entry with a \"full_mpl\" other than "
                   f"{', '.join(BUILTINS)})")
        raise settings.error(message)
    _check_calls(definitions, settings, definitions_dir)
    _check_acyclic(definitions)
    anchor, anchor_origin = _anchor(data, settings, config, anchor_name, definitions)

    induction = _induction_part(definitions[anchor], definitions)
    statements = [_def_text(definitions[name]) for name in sorted(definitions) if name != anchor]
    anchor_definition = definitions[anchor]
    anchor_body = anchor_definition.body
    if induction is None:
        statements.append(_no_induction_comment(anchor) + "\n" + _def_text(anchor_definition, is_anchor=True))
    else:
        part, carrier, zero, successor = induction
        name = _fresh(_INDUCTION_NAME, set(definitions) | set(BUILTINS))
        principle = DefStatement(name, (carrier, zero, successor), _principle(carrier, zero, successor))
        statements.append(_induction_comment(anchor, part, carrier, zero, successor) + "\n" + _readable(principle))
        anchor_body = And(anchor_body, Atom(name, (carrier, zero, successor)))
        anchor_statement = DefStatement(anchor, anchor_definition.params, anchor_body, is_anchor=True)
        comment = f"# GL's anchor {anchor}, with GL's induction principle ({name}) as its last axiom."
        statements.append(comment + "\n" + printer.statement(anchor_statement, printer.core))

    files = [d.file_name for d in definitions.values() if d.file_name is not None]
    header = _header(definitions_dir, config, sorted(set(files)), anchor, anchor_origin)
    return header + "\n\n" + "\n\n".join(statements) + "\n"


# --- reading the config -------------------------------------------------------------------------


def _read(path: Path) -> str:
    label = display_path(path)
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise MplError(f"{label} is not UTF-8 text", Span(label, 1, 1)) from None
    except OSError as error:
        raise MplError(f"cannot read {label}: {error.strerror}", Span(label, 1, 1)) from None


def _is_entry(value: object) -> bool:
    """An expression entry of a GL config (settings objects have neither field)."""
    return isinstance(value, dict) and ("full_mpl" in value or "short_mpl" in value)


def _definitions(data: dict, settings: _Config, folder: Path) -> dict[str, _Definition]:
    """Every definition the config references, by name (the built-ins are skipped)."""
    definitions: dict[str, _Definition] = {}
    for name, entry in data.items():
        if not _is_entry(entry) or name in BUILTINS:
            continue
        if not printer.is_name(name):
            raise settings.error(f"'{name}' cannot be the name of an MPL definition", name)
        params = _params(name, entry, settings)
        raw = entry.get("full_mpl")
        if not isinstance(raw, str) or not raw.strip():
            message = f"'{name}' has no \"full_mpl\" (GL reads a definition's body from it)"
            raise settings.error(message, name)
        raw = raw.strip()
        if _names_a_file(raw):
            definitions[name] = _from_file(name, params, raw, settings, folder)
        else:
            definitions[name] = _inline(name, params, raw, settings)
    return definitions


def _names_a_file(full_mpl: str) -> bool:
    return full_mpl.endswith(_FILE_SUFFIXES) or "/" in full_mpl or "\\" in full_mpl


def _from_file(name: str, params: tuple[str, ...], raw: str, settings: _Config, folder: Path) -> _Definition:
    file_name = PurePosixPath(raw.replace("\\", "/")).name
    path = folder / file_name
    if not path.is_file():
        message = f"'{name}' has its body in {file_name} (\"full_mpl\"), which is not in {display_path(folder)}"
        stem = PurePosixPath(file_name).stem
        others = [folder / (stem + s) for s in _FILE_SUFFIXES if (folder / (stem + s)).is_file()]
        note = f"there is {display_path(others[0])}" if others else None
        raise settings.error(message, name, "full_mpl", note=note)
    label = display_path(path)
    text = _read(path)
    body = parse_formula(text, label)
    return _Definition(name, params, body, label, file_name, {label: text})


def _inline(name: str, params: tuple[str, ...], raw: str, settings: _Config) -> _Definition:
    where = settings.span(name, "full_mpl")
    try:
        body = parse_formula(raw, settings.label)
    except MplError as error:
        message = f"the inline \"full_mpl\" of '{name}' is not a formula: {error.message}"
        raise settings.error(message, name, "full_mpl") from None
    if body == Atom(name, params):
        message = f"'{name}' is a primitive of the config (its \"full_mpl\" is its own head)"
        note = f"genlogic's only primitives are {', '.join(BUILTINS)}"
        raise settings.error(message, name, "full_mpl", note=note)
    texts = {settings.label: settings.text}
    return _Definition(name, params, body, settings.label, None, texts, lambda span: where)


def _params(name: str, entry: dict, settings: _Config) -> tuple[str, ...]:
    """The parameters of ``short_mpl`` ``(name[p1,...])``, else ``1``, …, ``arity`` as GL does."""
    arity = entry.get("arity")
    if arity is not None and (not isinstance(arity, int) or isinstance(arity, bool) or arity < 0):
        raise settings.error(f"the \"arity\" of '{name}' must be a whole number", name, "arity")
    short_mpl = entry.get("short_mpl")
    if short_mpl is None:
        if arity is None:
            raise settings.error(f"'{name}' has neither \"short_mpl\" nor \"arity\"", name)
        return tuple(str(i) for i in range(1, arity + 1))
    if not isinstance(short_mpl, str):
        raise settings.error(f"the \"short_mpl\" of '{name}' must be a string", name, "short_mpl")
    text = "".join(short_mpl.split())
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    match = _HEAD.fullmatch(text)
    params = tuple(match["params"].split(",")) if match and match["params"] else ()
    if match is None or not printer.is_name(match["name"]) or not all(map(printer.is_identifier, params)):
        message = f"short_mpl {short_mpl!r} of '{name}' is not of the form ({name}[p1,...])"
        raise settings.error(message, name, "short_mpl")
    if match["name"] != name:
        message = f"short_mpl {short_mpl!r} names '{match['name']}', but its entry is '{name}'"
        raise settings.error(message, name, "short_mpl")
    repeated = sorted({p for p in params if params.count(p) > 1})
    if repeated:
        message = f"short_mpl {short_mpl!r} of '{name}' repeats the parameter '{repeated[0]}'"
        raise settings.error(message, name, "short_mpl")
    if arity is not None and arity != len(params):
        message = f"short_mpl {short_mpl!r} of '{name}' has {len(params)} parameters, but its \"arity\" is {arity}"
        raise settings.error(message, name, "arity")
    return params


def _anchor(
    data: dict, settings: _Config, config: Path, option: str | None, definitions: dict[str, _Definition]
) -> tuple[str, str]:
    """The anchor's name and how it was chosen: ``--anchor``, else ``anchor_name``, else the
    config's file name (``Config<Tag>.json`` → ``Anchor<Tag>``)."""
    if option is not None:
        if option not in definitions:
            message = f"the anchor '{option}' (--anchor) is not a definition of {settings.label}"
            raise settings.error(message)
        return option, "given by --anchor"
    named = data.get("anchor_name")
    if named is not None:
        if not isinstance(named, str) or named not in definitions:
            message = f"the \"anchor_name\" {json.dumps(named)} is not a definition of {settings.label}"
            raise settings.error(message, "anchor_name")
        return named, "the config's anchor_name"
    stem = config.stem
    derived = "Anchor" + stem[len("Config") :] if stem.startswith("Config") else None
    if derived is None or derived not in definitions:
        missing = f"no entry '{derived}'" if derived else "its file name is not Config<Tag>.json"
        message = f"{settings.label} does not name its anchor: it has no \"anchor_name\" and {missing}"
        note = "GL's Config<Tag>.json has its anchor in the entry Anchor<Tag>; or use --anchor"
        raise settings.error(message, note=note)
    return derived, f"by GL's naming, {config.name} → {derived}"


# --- checking the definitions -------------------------------------------------------------------


def _atoms(formula: Formula, bound: frozenset[str] = frozenset()) -> Iterator[tuple[Atom, frozenset[str]]]:
    """Every atom with the variables bound around it."""
    if isinstance(formula, Atom):
        yield formula, bound
    elif isinstance(formula, Not):
        yield from _atoms(formula.body, bound)
    elif isinstance(formula, And):
        yield from _atoms(formula.left, bound)
        yield from _atoms(formula.right, bound)
    else:
        inner = bound | set(formula.variables)
        yield from _atoms(formula.antecedent, inner)
        yield from _atoms(formula.consequent, inner)


def _check_calls(definitions: dict[str, _Definition], settings: _Config, folder: Path) -> None:
    """Every predicate a body uses is a built-in or a referenced definition, called with its
    arity; every identifier of a body is a parameter or bound."""
    for definition in definitions.values():
        params = set(definition.params)
        for atom, bound in _atoms(definition.body):
            arity = BUILTINS.get(atom.pred)
            if arity is None and atom.pred in definitions:
                arity = len(definitions[atom.pred].params)
            if arity is None:
                message = f"'{atom.pred}' is used here but is neither a built-in nor a definition of {settings.label}"
                existing = [folder / (atom.pred + s) for s in _FILE_SUFFIXES if (folder / (atom.pred + s)).is_file()]
                note = None
                if existing:
                    note = (
                        f"{display_path(existing[0])} exists, but GL takes a definition (and the order of its "
                        "parameters, from \"short_mpl\") from a config entry only"
                    )
                raise definition.error(message, atom.span, note)
            if len(atom.args) != arity:
                message = f"'{atom.pred}' takes {arity} arguments, here it has {len(atom.args)}"
                raise definition.error(message, atom.span)
            for arg in atom.args:
                if arg not in params and arg not in bound:
                    listed = ", ".join(definition.params) or "none"
                    message = (
                        f"'{arg}' is neither bound here nor a parameter of '{definition.name}' "
                        f"(its parameters: {listed})"
                    )
                    raise definition.error(message, atom.span, "GL's parameters come from the entry's \"short_mpl\"")


def _check_acyclic(definitions: dict[str, _Definition]) -> None:
    state: dict[str, int] = {}  # 1 on the current path, 2 done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for atom, _ in _atoms(definitions[name].body):
            if atom.pred not in definitions:
                continue
            if state.get(atom.pred) == 1:
                cycle = " → ".join(path[path.index(atom.pred) :] + [name, atom.pred])
                raise definitions[name].error(f"'{atom.pred}' is defined in terms of itself: {cycle}", atom.span)
            if atom.pred not in state:
                visit(atom.pred, path + [name])
        state[name] = 2

    for name in sorted(definitions):
        if name not in state:
            visit(name, [])


# --- GL's induction principle --------------------------------------------------------------------


def _induction_part(
    anchor: _Definition, definitions: dict[str, _Definition]
) -> tuple[str, str, str, str] | None:
    """(part, carrier, zero, successor) of the anchor's NaturalNumbers part, if it has one.

    GL's rule first: the first call of ``NaturalNumbers`` in the anchor's body (GL unfolds the
    anchor once and looks for that name), its first three arguments. Else, for GL-format files
    that call the part something else, its shape: the first conjunct calling a definition whose
    unfolded body says ``a2 ∈ a1`` (a conjunct) and uses ``a3`` as a unary relation, searched
    through the conjuncts of called definitions too."""
    params = set(anchor.params)
    for formula in subformulas(anchor.body):
        if isinstance(formula, Atom) and formula.pred == _GL_PART and formula.pred in definitions:
            args = formula.args
            if len(args) >= 3 and len(set(args[:3])) == 3 and set(args[:3]) <= params:
                return formula.pred, args[0], args[1], args[2]
    pending = list(conjuncts(anchor.body))
    seen: set[Formula] = set()
    while pending:
        formula = pending.pop(0)
        if not isinstance(formula, Atom) or formula.pred not in definitions or formula in seen:
            continue
        seen.add(formula)
        args = formula.args
        if len(args) >= 3 and len(set(args[:3])) == 3:
            carrier, zero, successor = args[:3]
            unfolded = expand(formula, definitions)
            members = set(conjuncts(unfolded))
            unary = any(a.pred == "in2" and a.args[2] == successor for a, _ in _atoms(unfolded))
            if Atom("in", (zero, carrier)) in members and unary:
                return formula.pred, carrier, zero, successor
        pending[:0] = list(conjuncts(instantiate(definitions[formula.pred], args)))
    return None


def _fresh(base: str, taken: set[str]) -> str:
    name, index = base, 1
    while name in taken:
        index += 1
        name = f"{base}{index}"
    return name


def _principle(carrier: str, zero: str, successor: str) -> Formula:
    """∀P: zero ∈ P ∧ (∀n m: n ∈ P ∧ successor(n) = m → m ∈ P) → ∀n: n ∈ carrier → n ∈ P."""
    taken = {carrier, zero, successor}
    p = _fresh("P", taken)
    n = _fresh("n", taken | {p})
    m = _fresh("m", taken | {p, n})
    step = Forall((n, m), And(Atom("in", (n, p)), Atom("in2", (n, m, successor))), Atom("in", (m, p)))
    conclusion = Forall((n,), Atom("in", (n, carrier)), Atom("in", (n, p)))
    return Forall((p,), And(Atom("in", (zero, p)), step), conclusion)


# --- writing -------------------------------------------------------------------------------------


def _def_text(definition: _Definition, is_anchor: bool = False) -> str:
    statement = DefStatement(definition.name, definition.params, definition.body, is_anchor=is_anchor)
    return printer.statement(statement, printer.core)


def _readable(statement: DefStatement) -> str:
    """The statement in readable notation if it reads back as the same formula, else in core."""
    text = printer.statement(statement, printer.readable)
    try:
        same = parse_formula(text.split(":=", 1)[1]) == statement.body
    except MplError:
        same = False
    return text if same else printer.statement(statement, printer.core)


def _comment(text: str) -> str:
    return "\n".join("# " + line for line in textwrap.wrap(text, 96, break_on_hyphens=False))


def _header(folder: Path, config: Path, files: list[str], anchor: str, origin: str) -> str:
    folder_name = folder.resolve().name
    listed = ", ".join(files) if files else "none"
    return _comment(
        f"Converted by genlogic import-gl from GL files: the config {config.name} and the definition "
        f"files it names in {folder_name}/ ({listed}); other files there are not part of this theory. "
        f"The anchor is {anchor} ({origin})."
    )


def _induction_comment(anchor: str, part: str, carrier: str, zero: str, successor: str) -> str:
    return _comment(
        "GL's built-in induction principle, made explicit. GL's prover does induction without an "
        f"axiom: over the NaturalNumbers part of the anchor ({part}[{carrier},{zero},{successor},...] in "
        f"{anchor}), whose first three arguments are the carrier ({carrier}), zero ({zero}) and "
        f"successor ({successor}). genlogic needs the principle as an axiom: it is stated here and "
        "conjoined to the anchor."
    )


def _no_induction_comment(anchor: str) -> str:
    return _comment(
        "No induction principle added: GL's prover does induction over the NaturalNumbers part of "
        "an anchor (carrier, zero and successor are its first three arguments), and "
        f"{anchor} has no such part (no call of NaturalNumbers, and no conjunct whose 2nd argument "
        "is an element of its 1st, with its 3rd as a unary relation)."
    )
