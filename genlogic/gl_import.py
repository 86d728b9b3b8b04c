"""GL files → one ``.mpl`` file (the ``genlogic import-gl`` command).

GL, the system genlogic replaces, stores a theory as

* a folder of definition files, one per definition: ``Name.txt`` (``Name.mpl`` is accepted too)
  holds the body of definition ``Name``, a single formula in the core notation, e.g.
  ``(&(in[1,2])(>[3](in[3,2])(in2[3,4,5])))``; other files in the folder are ignored;
* a JSON config, an object in which each definition has an entry keyed by its name with a string
  field ``short_mpl`` giving its head, e.g.
  ``"Monoid": {"short_mpl": "(Monoid[1,2,3])", "full_mpl": "...", "arity": 3}``. Entries sit at
  the top level or one level down (``{"definitions": {"Monoid": {...}}}``); all other fields are
  ignored, and so are entries without a definition file (the built-ins ``in``, ``in2``, ``in3``,
  ``=``). A top-level string field ``anchor`` names the theory's anchor.

The result holds one ``def Name[params] := body`` per definition file (``anchor`` for the anchor),
sorted by name, in the canonical core notation. Every problem is an :class:`MplError` located in
the offending file (a folder-level problem at the folder itself).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from genlogic.errors import MplError
from genlogic.mpl import printer
from genlogic.mpl.ast import DefStatement, Span
from genlogic.mpl.parser import parse_formula
from genlogic.theory.loader import display_path

_SUFFIXES = (".txt", ".mpl")
_HEAD = re.compile(r"(?P<name>[^\W][\w']*)\[(?P<params>[^\]]*)\]")


@dataclass(frozen=True)
class _Config:
    """The config's text, kept to locate errors in it."""

    label: str
    text: str

    def error(self, message: str, *keys: str) -> MplError:
        """An error at the entry reached by the chain of object ``keys`` (as far as it is found)."""
        position = 0
        for key in keys:
            pattern = re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:"
            match = re.compile(pattern).search(self.text, position)
            if match is None:
                break
            position = match.start()
        line = self.text.count("\n", 0, position) + 1
        column = position - self.text.rfind("\n", 0, position)
        return MplError(message, Span(self.label, line, column)).attach_source({self.label: self.text})


def convert(definitions_dir: Path, config: Path, anchor_name: str | None) -> str:
    """The text of one ``.mpl`` file holding the GL theory in ``definitions_dir`` and ``config``;
    ``anchor_name``, when given, overrides the config's ``anchor``."""
    settings = _Config(display_path(config), _read(config))
    try:
        data = json.loads(settings.text)
    except json.JSONDecodeError as error:
        error_span = Span(settings.label, error.lineno, error.colno)
        invalid = MplError(f"invalid JSON: {error.msg}", error_span)
        raise invalid.attach_source({settings.label: settings.text}) from None
    if not isinstance(data, dict):
        raise settings.error("the config must be a JSON object")
    heads = _heads(data)

    folder = display_path(definitions_dir)
    files = sorted(
        (p for p in definitions_dir.iterdir() if p.is_file() and p.suffix in _SUFFIXES),
        key=lambda p: (p.stem, p.suffix),
    )
    if not files:
        raise MplError(f"no definition files (Name.txt or Name.mpl) in {folder}", Span(folder, 1, 1))

    for previous, file in zip(files, files[1:]):
        if previous.stem == file.stem:
            message, other = f"'{file.stem}' has two definition files", display_path(previous)
            raise MplError(message, Span(display_path(file), 1, 1), note=f"the other is {other}")

    from_config = anchor_name is None and isinstance(data.get("anchor"), str)
    if from_config:
        anchor_name = data["anchor"]
    if anchor_name is not None and anchor_name not in {file.stem for file in files}:
        message = f"the anchor '{anchor_name}' has no definition file in {folder}"
        raise settings.error(message, "anchor") if from_config else MplError(message, Span(folder, 1, 1))

    statements: list[DefStatement] = []
    for file in files:
        name, label = file.stem, display_path(file)
        if name not in heads:
            message = f"'{name}' has no entry with a \"short_mpl\" field in {settings.label}"
            raise MplError(message, Span(label, 1, 1))
        params = _params(heads[name], name, label, settings)
        body = parse_formula(_read(file), label)
        statements.append(DefStatement(name, params, body, is_anchor=name == anchor_name))

    header = (
        "# Converted by genlogic import-gl from GL files:\n"
        f"# the definitions in {definitions_dir.resolve().name}/ and the config {config.name}."
    )
    return header + "\n\n" + "\n\n".join(printer.statement(s, printer.core) for s in statements) + "\n"


def _read(path: Path) -> str:
    label = display_path(path)
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise MplError(f"{label} is not UTF-8 text", Span(label, 1, 1)) from None
    except OSError as error:
        raise MplError(f"cannot read {label}: {error.strerror}", Span(label, 1, 1)) from None


def _heads(data: dict) -> dict[str, str]:
    """Every string ``short_mpl`` of an object at the top level or one level down, by its key."""
    heads: dict[str, str] = {}
    for key, value in data.items():
        if not isinstance(value, dict):
            continue
        if isinstance(value.get("short_mpl"), str):
            heads.setdefault(key, value["short_mpl"])
            continue
        for inner_key, inner in value.items():
            if isinstance(inner, dict) and isinstance(inner.get("short_mpl"), str):
                heads.setdefault(inner_key, inner["short_mpl"])
    return heads


def _params(short_mpl: str, name: str, label: str, settings: _Config) -> tuple[str, ...]:
    """The parameters of ``(name[p1,...])`` or ``name[p1,...]``."""
    text = short_mpl.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    match = _HEAD.fullmatch(text)
    inner = match["params"].strip() if match else ""
    params = tuple(p.strip() for p in inner.split(",")) if inner else ()
    if match is None or not printer.is_name(match["name"]) or not all(map(printer.is_identifier, params)):
        message = f"short_mpl {short_mpl!r} of '{name}' is not of the form ({name}[p1,...])"
        raise settings.error(message, name, "short_mpl")
    if match["name"] != name:
        message = f"short_mpl {short_mpl!r} names '{match['name']}', but the definition file is {label}"
        raise settings.error(message, name, "short_mpl")
    return params
