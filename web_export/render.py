"""Renders a run folder into a static site: one page per theorem, an index, the dependency
graph, the refuted conjectures and the rule reference, plus one shared CSS and one JS file.

The site works from ``file://``: no server, no network, no ``fetch``; data a script needs sits
in the page (``<script type="application/json">``). It is written atomically: built in a
temporary sibling folder, then swapped in. The same run always gives the same bytes.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from genlogic.files import write_directory_atomic
from web_export.model import Site, build_site
from web_export.rules import BLOCK_KINDS, BY_KIND, GROUPS, RULES

PACKAGE = Path(__file__).parent
ASSETS = ("site.css", "site.js")


def json_script(value: Any) -> Markup:
    """JSON that is safe inside ``<script type="application/json">``: ``<``, ``>`` and ``&`` are
    written as escapes, so no text from the data can close the script element ("</script>"
    becomes "\\u003c/script\\u003e", which ``JSON.parse`` reads back unchanged)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(PACKAGE / "templates")),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters["json_script"] = json_script
    env.filters["plural"] = lambda word, n: word if n == 1 else word + "s"
    env.globals["rules"] = BY_KIND
    return env


def pages(site: Site) -> dict[str, str]:
    """Every file of the site: relative name → text."""
    env = environment()
    common = {"site": site}
    files: dict[str, str] = {}

    def page(name: str, template: str, section: str, data: dict, **context) -> None:
        root = "../" * name.count("/")
        files[name] = env.get_template(template).render(
            **common, root=root, page=data["page"], section=section, page_data=data, **context
        )

    page("index.html", "index.html", "index", {"page": "index", "theorems": len(site.theorems), "symbols": list(site.theory.symbols),
                                         "definitions": [d.name for d in site.theory.definitions]},
         total_steps=sum(len(t.proof.steps) for t in site.theorems))
    for t in site.theorems:
        data = {"page": "theorem", "name": t.name, "steps": len(t.proof.steps), "glue": t.proof.glue}
        page(t.href, "theorem.html", "index", data, t=t, count=len(site.theorems))
    by_slug = {t.slug: t for t in site.theorems}
    names = {t.slug: t.title for t in site.theorems}
    edges = [[e.source, e.target] for e in site.graph.edges]
    page("graph.html", "graph.html", "graph", {"page": "graph", "names": names, "edges": edges},
         graph=site.graph, by_slug=by_slug)
    page("refuted.html", "refuted.html", "refuted", {"page": "refuted"}, refuted=site.refuted)
    page("open.html", "open.html", "open", {"page": "open"})
    page("corollaries.html", "corollaries.html", "corollaries", {"page": "corollaries", "symbols": list(site.theory.symbols),
                                                         "definitions": [d.name for d in site.theory.definitions]},
         corollaries=site.corollaries)
    page("rules.html", "rules.html", "rules", {"page": "rules"}, rule_list=RULES, groups=GROUPS, block_kinds=BLOCK_KINDS,
         examples=examples(site))
    for asset in ASSETS:
        files[f"assets/{asset}"] = resources.files("web_export").joinpath("assets", asset).read_text(encoding="utf-8")
    return files


def examples(site: Site) -> dict[str, tuple[str, str]]:
    """The first step of each kind in the run, as (label, site-relative link), for the rule page."""
    found: dict[str, tuple[str, str]] = {}
    for theorem in site.theorems:
        for step in theorem.proof.steps:
            if step.kind in BY_KIND and step.kind not in found:
                found[step.kind] = (f"{theorem.name}, step {step.number}", f"{theorem.href}#s{step.number}")
    return found


def render_site(run_dir: Path, out_dir: Path, theory_path: Path | None = None) -> list[Path]:
    """Write the browser for ``run_dir`` into ``out_dir`` (replacing it atomically); return the
    paths written, sorted. ``theory_path`` overrides the theory file the graph names, as
    ``genlogic check --theory`` does."""
    out_dir = Path(out_dir)
    files = pages(build_site(Path(run_dir), theory_path, out_dir))
    write_directory_atomic(out_dir, files)
    return sorted(out_dir / name for name in files)
