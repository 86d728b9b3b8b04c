"""The static HTML proof browser (web_export): structure, links, escaping, determinism, and
behaviour in a real browser (Debian's chromium driven by Python playwright).

Runs are made once per module through the CLI, in process: group.mpl and peano_goals.mpl
(prove --goals-only), peano.mpl explored (prove), peano.mpl's tables up to 3 (calc), and tests/data/browser/hostile.mpl
with hostile strings injected into the run (tests/data/browser/hostile_inject.json).

Browser tests need /usr/bin/chromium and the playwright package (never ``playwright install``):
without them they are skipped, or fail when the CI environment variable is set. The screenshot
test writes docs/images/*.png only when GENLOGIC_SCREENSHOTS=1.
"""

from __future__ import annotations

import contextlib
import shutil
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import networkx as nx
import pytest
from click.testing import CliRunner

from genlogic.check.graph import step_id
from genlogic.cli import main
from genlogic.mpl import printer
from web_export import ExportError, notation, render_site
from web_export.layout import layered_layout, layers
from web_export.model import _slugs, build_site
from web_export.render import json_script
from web_export.rules import BY_KIND, GLUE

ROOT = Path(__file__).parent.parent
DATA = ROOT / "tests" / "data" / "browser"
EXAMPLES = ROOT / "mpl_examples"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
INJECT = json.loads((DATA / "hostile_inject.json").read_text(encoding="utf-8"))


# --- runs and sites --------------------------------------------------------------------------------


def cli(*args) -> None:
    """Run a genlogic command in process. Exit code 1 (some goal not proved) still writes the run."""
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output


def inject_hostile(run_dir: Path) -> None:
    """Rename theorems, poison origins, add a broken theorem, a summary and refuted.json."""
    path = run_dir / "proofgraph.json"
    graph = json.loads(path.read_text(encoding="utf-8"))
    graph["theory"]["name"] = INJECT["theory_name"]
    graph["generator"] = INJECT["generator"]
    rename = INJECT["rename"]
    for theorem in graph["theorems"]:
        theorem["name"] = rename.get(theorem["name"], theorem["name"])
        theorem["uses"] = sorted(rename.get(u, u) for u in theorem["uses"])
        theorem["origin"].update(INJECT["origin"])
    broken = INJECT["broken"]
    cited = rename["alert"]
    first = {"block": "b0", "formula": broken["statement"], "kind": "theorem", "premises": [], "theorem": cited}
    first["id"] = step_id(first)
    second = {"block": "b0", "formula": broken["formula"], "kind": broken["kind"], "premises": [first["id"]]}
    second["id"] = step_id(second)
    graph["theorems"].append({
        "name": broken["name"], "statement": broken["statement"], "uses": [cited], "origin": broken["origin"],
        "blocks": [{"id": "b0", "kind": "root", "parent": None, "params": []}], "steps": [first, second],
    })
    path.write_text(json.dumps(graph, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    (run_dir / "summary.json").write_text(json.dumps(INJECT["summary"], ensure_ascii=False), encoding="utf-8")
    (run_dir / "refuted.json").write_text(json.dumps(INJECT["refuted"], ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("runs")
    made = {name: base / name for name in ("group", "peano_goals", "calc", "hostile", "induction", "peano")}
    cli("prove", EXAMPLES / "group.mpl", "--goals-only", "-o", made["group"])
    cli("prove", EXAMPLES / "peano.mpl", "-o", made["peano"], "--no-html")
    cli("prove", EXAMPLES / "peano_goals.mpl", "--goals-only", "-o", made["peano_goals"])
    cli("calc", EXAMPLES / "peano.mpl", "--up-to", 3, "-o", made["calc"])
    cli("prove", DATA / "hostile.mpl", "--goals-only", "-o", made["hostile"])
    inject_hostile(made["hostile"])
    # a stored run with an induction (a comprehension step); its theory sits next to it, inside
    # the run folder, so it is named explicitly when the site is made (as `genlogic check` needs)
    shutil.copytree(ROOT / "tests" / "data" / "proofs" / "induction_run", made["induction"])
    return made


@pytest.fixture(scope="module")
def sites(runs, tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("sites")
    out = {}
    for name, run_dir in runs.items():
        out[name] = base / name
        theory = run_dir / "peano.mpl" if name == "induction" else None
        written = render_site(run_dir, out[name], theory_path=theory)
        assert written == sorted(written) and all(p.is_file() for p in written)
    return out


def graph_of(run_dir: Path) -> dict:
    return json.loads((run_dir / "proofgraph.json").read_text(encoding="utf-8"))


def rich_theorem(run_dir: Path) -> dict:
    """group.mpl's left_cancellation (a forall block, many steps) if the engine proved it, else
    the theorem with a block and the most steps."""
    theorems = graph_of(run_dir)["theorems"]
    named = [t for t in theorems if t["name"] == "left_cancellation"]
    with_blocks = [t for t in theorems if len(t["blocks"]) > 1 and any(s["kind"] in GLUE for s in t["steps"])]
    return named[0] if named else max(with_blocks, key=lambda t: len(t["steps"]))


def page_of(site: Path, name: str) -> Path:
    return next(p for p in (site / "theorems").glob("*.html") if parse(p).h1 == name)


def rests_on(run_dir: Path, name: str) -> set[int]:
    """Axiom indices a theorem rests on, transitively through the theorems it uses."""
    theorems = {t["name"]: t for t in graph_of(run_dir)["theorems"]}
    found: set[int] = set()
    todo, seen = [name], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for step in theorems[current]["steps"]:
            if step["kind"] == "axiom":
                found.add(step["axiom"])
            if step["kind"] == "theorem":
                todo.append(step["theorem"])
        todo.extend(theorems[current]["uses"])
    return found


# --- HTML parsing ------------------------------------------------------------------------------------


class Page(HTMLParser):
    """Everything the structural tests look at: ids, links, scripts, attributes, text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[str] = []  # href and src values
        self.scripts: list[dict] = []
        self.attributes: list[tuple[str, str, str]] = []  # tag, name, value
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.steps: list[tuple[int, list[int], str]] = []  # number, premise numbers, classes
        self.h1 = ""
        self._in_h1 = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        values = {k: (v or "") for k, v in attrs}
        self.tags.append((tag, values))
        for name, value in values.items():
            self.attributes.append((tag, name, value))
        if "id" in values:
            self.ids.append(values["id"])
        for name in ("href", "src"):
            if name in values:
                self.links.append(values[name])
        if tag == "script":
            self.scripts.append(values)
        if tag == "h1":
            self._in_h1 = True
        if tag == "li" and re.fullmatch(r"s\d+", values.get("id", "")):
            self.steps.append((int(values["id"][1:]), [], values.get("class", "")))
        if tag == "a" and self.steps and re.fullmatch(r"#s\d+", values.get("href", "")):
            self.steps[-1][1].append(int(values["href"][2:]))

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_h1:
            self.h1 += data

    @property
    def all_text(self) -> str:
        return "".join(self.text)


def parse(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# --- structure ---------------------------------------------------------------------------------------


def test_site_files(sites, runs):
    for name, site in sites.items():
        for required in ("index.html", "graph.html", "corollaries.html", "open.html", "refuted.html", "rules.html",
                         "assets/site.css", "assets/site.js"):
            assert (site / required).is_file(), (name, required)
        theorems = graph_of(runs[name])["theorems"]
        assert len(list((site / "theorems").glob("*.html"))) == len(theorems)


def test_every_theorem_has_a_page_linked_from_the_index(sites, runs):
    for name, site in sites.items():
        index_links = set(parse(site / "index.html").links)
        theorems = graph_of(runs[name])["theorems"]
        ids = {t["name"] for t in theorems}
        # the heading is the theorem's id, or its derived name followed by the id (its anchor)
        by_title = {h if h in ids else h.split()[-1]: p
                    for p in (site / "theorems").glob("*.html") for h in [parse(p).h1]}
        assert set(by_title) == {t["name"] for t in theorems}, name
        for theorem in theorems:
            page = by_title[theorem["name"]]
            assert f"theorems/{page.name}" in index_links
            assert len(parse(page).steps) == len(theorem["steps"])


def test_links_resolve_to_files_and_anchors(sites):
    ids_cache: dict[Path, set[str]] = {}

    def ids(path: Path) -> set[str]:
        if path not in ids_cache:
            ids_cache[path] = set(parse(path).ids)
        return ids_cache[path]

    for site in sites.values():
        for page in pages(site):
            for link in parse(page).links:
                parts = urlsplit(link)
                if parts.scheme == "data":
                    continue  # the inline favicon
                assert not parts.scheme and not parts.netloc, f"{page}: external or scripted link {link!r}"
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
                assert target.is_file(), f"{page}: broken link {link!r}"
                assert target.resolve().is_relative_to(site.resolve()), f"{page}: link leaves the site: {link!r}"
                if parts.fragment and target.suffix == ".html":
                    assert unquote(parts.fragment) in ids(target), f"{page}: missing anchor {link!r}"


def test_ids_are_unique(sites):
    for site in sites.values():
        for page in pages(site):
            found = parse(page).ids
            assert len(found) == len(set(found)), page


def test_steps_are_numbered_from_leaves_to_goal(sites):
    for site in sites.values():
        for page in (site / "theorems").glob("*.html"):
            steps = parse(page).steps
            assert [n for n, _, _ in steps] == list(range(1, len(steps) + 1)), page
            for number, premises, _ in steps:
                assert all(p < number for p in premises), (page, number, premises)


def test_glue_steps_are_marked_and_hidden_by_default(sites, runs):
    theorem = rich_theorem(runs["group"])
    page = page_of(sites["group"], theorem["name"])
    text = page.read_text(encoding="utf-8")
    assert 'class="proof hide-glue"' in text and 'id="glue-toggle"' in text
    glue = sum(1 for s in theorem["steps"] if s["kind"] in GLUE)
    assert sum(1 for _, _, c in parse(page).steps if "g" in c.split()) == glue > 0
    assert f"({glue})" in text


def test_blocks_are_collapsible_and_labelled(sites, runs):
    for name in ("group", "peano_goals", "induction"):
        for theorem in graph_of(runs[name])["theorems"]:
            page = parse(page_of(sites[name], theorem["name"]))
            blocks = [b for b in theorem["blocks"] if b["kind"] != "root"]
            summaries = [a for t, a in page.tags if t == "details" and "open" in a]
            assert len([a for t, a in page.tags if t == "li" and "blk" in a.get("class", "")]) == len(blocks)
            assert len(summaries) >= len(blocks)
            for block in blocks:
                label = "∀ for all" if block["kind"] == "forall" else "⊥ contradiction"
                assert label in page.all_text
                if block["params"]:
                    assert ", ".join(block["params"]) in page.all_text
    kinds = {b["kind"] for n in ("group", "peano_goals") for t in graph_of(runs[n])["theorems"] for b in t["blocks"]}
    assert {"forall", "contradiction"} <= kinds  # both kinds were looked at


def test_eq_subst_marks_changed_arguments(sites, runs):
    marked = 0
    for name in ("group", "peano_goals"):
        for page in (sites[name] / "theorems").glob("*.html"):
            text = page.read_text(encoding="utf-8")
            marked += len(re.findall(r'href="../rules.html#eq_subst">eq_subst</a><code>[^<]*<mark>', text))
    assert marked > 0
    # one_is_not_zero: s(0) = 1 and 1 = 0 give s(0) = 0; the changed argument is the last 0
    text = page_of(sites["peano_goals"], "one_is_not_zero").read_text(encoding="utf-8")
    assert "s(0) = <mark>0</mark>" in text


def test_induction_run(sites):
    page = page_of(sites["induction"], "zero_left")
    text = parse(page).all_text
    assert "comprehension" in text and "P := {a | a ∈ N and 0 + a = a}" in text
    assert "✓ checked" in text


def test_rule_reference_covers_every_step_kind_of_the_spec(sites):
    spec = (ROOT / "docs" / "proofgraph.md").read_text(encoding="utf-8")
    table = spec[spec.index("### Step kinds"):spec.index("\nparts(E, σ) for")]
    kinds = re.findall(r"^\| `([a-z_]+)` \|", table, re.M)
    assert len(kinds) >= 17 and set(kinds) == set(BY_KIND)  # a new kind needs its entry in web_export/rules.py
    rules = parse(sites["group"] / "rules.html")
    assert set(kinds) <= set(rules.ids)
    assert {"block-root", "block-forall", "block-contradiction"} <= set(rules.ids)


def test_theorem_page_facts(sites, runs):
    theorems = graph_of(runs["group"])["theorems"]
    users = [t for t in theorems if t["uses"]]
    assert users
    for theorem in users:
        page = parse(page_of(sites["group"], theorem["name"]))
        text = page.all_text
        assert "✓ checked" in text and "genlogic check" in text
        assert f"round {theorem['origin']['round']}" in text and theorem["origin"]["source"] in text
        axioms = rests_on(runs["group"], theorem["name"])
        assert f"Rests on {len(axioms)} axiom" in text
        assert {f"../index.html#axiom-{i + 1}" for i in axioms} <= set(page.links)
        for used in theorem["uses"]:
            assert f"../theorems/{page_of(sites['group'], used).name}" in page.links
        steps = len(theorem["steps"])
        rules = len({s["kind"] for s in theorem["steps"]})
        assert f"{steps} steps · {rules} rules · {len(theorem['uses'])} theorem" in text
        assert {"prev", "next"} & {a.get("rel") for t, a in page.tags if t == "a"}


def test_check_command_names_the_run(sites, runs):
    """Relative to the site's folder (issue 12): it works from there wherever the run and its
    site are moved together, and the page shows no absolute path."""
    text = parse(sites["group"] / "index.html").all_text
    relative = os.path.relpath(runs["group"], sites["group"])
    assert f"genlogic check {relative}" in text and str(runs["group"]) not in text
    with contextlib.chdir(sites["group"]):
        result = CliRunner().invoke(main, ["check", relative])
    assert result.exit_code == 0, result.output
    theory = os.path.relpath(runs["induction"] / "peano.mpl", sites["induction"])
    assert f"--theory {theory}" in parse(sites["induction"] / "index.html").all_text


def test_index_groups_by_round_and_source(sites, runs):
    text = parse(sites["group"] / "index.html").all_text
    assert text.index("Round 1") < text.index("Round 2")
    names = [t["name"] for t in graph_of(runs["group"])["theorems"]]
    index = parse(sites["group"] / "index.html")
    listed = [a["href"] for t, a in index.tags if t == "a" and a.get("class") == "thm-title"]
    assert listed == [f"theorems/{n}.html" for n in names]  # discovery order (rounds are nondecreasing)
    assert "used by" in text
    calc = parse(sites["calc"] / "index.html").all_text
    assert "ground" in calc


def test_index_shows_the_theory(sites):
    page = parse(sites["group"] / "index.html")
    text = page.all_text
    assert {f"axiom-{i}" for i in range(1, 9)} <= set(page.ids)
    assert "forall a: a ∈ G -> a * inv(a) = e" in text  # readable
    assert "(>[a](in[a,G])(>[_1](in2[a,_1,inv])(in3[a,_1,e,*])))" in text  # core
    assert "BinaryOperation" in text and "g is a total binary operation on X" in text  # a doc comment


def test_graph_page(sites, runs):
    page = parse(sites["group"] / "graph.html")
    node_links = [a["href"] for t, a in page.tags if t == "a" and "node" in a.get("class", "")]
    assert sorted(node_links) == sorted(f"theorems/{p.name}" for p in (sites["group"] / "theorems").glob("*.html"))
    edges = {(a["data-s"], a["data-t"]) for t, a in page.tags if t == "path" and a.get("class") == "e"}
    uses = {(t["name"], u) for t in graph_of(runs["group"])["theorems"] for u in t["uses"]}
    assert edges == uses and uses  # slugs are the names for plain names


def test_refuted_page(sites):
    assert "There are no refuted conjectures" in parse(sites["group"] / "refuted.html").all_text
    hostile = parse(sites["hostile"] / "refuted.html").all_text
    assert "Counterexample" in hostile and "a </ b = a + b mod 2" in hostile
    assert "not (forall a: a ∈ G -> a </ a = e)" in hostile or "a </ a ≠ e" in hostile
    # a statement in readable notation (not core) is shown as written, with its name
    assert "forall a: a ∈ G -> a </ a = e" in hostile and "<script>alert('refuted name')</script>" in hostile


def test_corollaries_page(sites):
    assert "There are no corollaries" in parse(sites["group"] / "corollaries.html").all_text
    page = parse(sites["hostile"] / "corollaries.html")
    text = page.all_text
    assert "a * e = <script>alert('corollary')</script>" in text and "from the axioms alone" in text
    links = {a.get("href") for t, a in page.tags if t == "a"}
    assert any(h and h.startswith("theorems/") for h in links)  # the run's theorem is linked
    assert "missing_theorem" in text and not any(h and "missing_theorem" in h for h in links)


def test_deterministic_output(runs, tmp_path):
    for name in ("group", "hostile"):
        first = render_site(runs[name], tmp_path / f"{name}-1")
        second = render_site(runs[name], tmp_path / f"{name}-2")
        assert [p.relative_to(tmp_path / f"{name}-1") for p in first] == [p.relative_to(tmp_path / f"{name}-2") for p in second]
        for a, b in zip(first, second):
            assert a.read_bytes() == b.read_bytes(), a


def test_render_replaces_the_folder_atomically(runs, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "stale.html").write_text("old", encoding="utf-8")
    render_site(runs["group"], out)
    assert not (out / "stale.html").exists() and (out / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no temporary siblings left


def test_assets_are_local_and_shared(sites):
    for site in sites.values():
        for page in pages(site):
            text = page.read_text(encoding="utf-8")
            assert "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "").replace(
                "xmlns='http://www.w3.org/2000/svg'", "")
            assert "https://" not in text
            assert "fetch(" not in text
    js = (sites["group"] / "assets" / "site.js").read_text(encoding="utf-8")
    assert "fetch(" not in js and "innerHTML" not in js and "eval(" not in js


def test_page_weight_of_a_large_run(tmp_path):
    """The ground tables up to 8: about 200 theorems and 12,000 steps must stay under 5 MB."""
    run_dir = tmp_path / "calc8"
    cli("calc", EXAMPLES / "peano.mpl", "--up-to", 8, "-o", run_dir)
    written = render_site(run_dir, tmp_path / "site")
    assert len(graph_of(run_dir)["theorems"]) >= 190
    total = sum(p.stat().st_size for p in written)
    assert total < 5_000_000, f"{total} bytes"


def test_missing_theory_and_override(runs, tmp_path):
    moved = tmp_path / "run"
    shutil.copytree(runs["induction"], moved)
    theory = tmp_path / "elsewhere.mpl"
    (moved / "peano.mpl").rename(theory)
    with pytest.raises(ExportError, match="theory file not found"):
        render_site(moved, tmp_path / "site")
    assert not (tmp_path / "site").exists()
    render_site(moved, tmp_path / "site", theory_path=theory)
    assert "--theory" in parse(tmp_path / "site" / "index.html").all_text
    with pytest.raises(ExportError, match="proofgraph.json"):
        render_site(tmp_path, tmp_path / "nothing")


def test_malformed_graph_still_renders(runs, tmp_path):
    """Blocks with unknown parents, a block nobody closes, a premise that does not exist, a step
    of an unknown kind: the page shows what is there and the checker's complaints."""
    run = tmp_path / "run"
    shutil.copytree(runs["group"], run)
    graph = graph_of(run)
    theorem = graph["theorems"][0]
    theorem["blocks"] += [{"id": "b9", "kind": "forall", "parent": "nowhere", "params": ["q"]},
                          {"id": "b8", "kind": "contradiction", "parent": "b8", "params": []}]
    theorem["steps"].insert(0, {"id": "x1", "block": "b9", "kind": "assume", "formula": "(in[q,G])", "premises": []})
    theorem["steps"].insert(1, {"id": "x2", "block": "b8", "kind": "mystery", "formula": "((", "premises": ["zz", "x1"]})
    theorem["steps"].append({"id": "x3", "block": "b0", "kind": "apply", "formula": "(in[e,G])", "premises": ["x2"],
                             "subst": "not a mapping"})
    (run / "proofgraph.json").write_text(json.dumps(graph), encoding="utf-8")
    render_site(run, tmp_path / "site")
    page = parse(page_of(tmp_path / "site", theorem["name"]))
    assert "✗ failed" in page.all_text and "mystery" in page.all_text and "zz" in page.all_text
    steps = page.steps
    assert [n for n, _, _ in steps] == list(range(1, len(steps) + 1))


# --- escaping -------------------------------------------------------------------------------------------

HOSTILE_TEXTS = [
    INJECT["rename"]["alert"],
    INJECT["rename"]["onload"],
    INJECT["origin"]["source"],
    INJECT["origin"]["method"],
    INJECT["broken"]["name"],
    INJECT["broken"]["kind"],
    INJECT["broken"]["formula"],
    INJECT["summary"]["seeded"][0]["text"],  # a language model's conjecture (prove --seed llm)
]


def test_hostile_text_is_escaped(sites):
    site = sites["hostile"]
    everything = ""
    for page in pages(site):
        raw = page.read_text(encoding="utf-8")
        parsed = Page(raw)
        # only our two scripts: the page data (JSON) and the shared JS file
        assert [s.get("type") or s.get("src") for s in parsed.scripts] == ["application/json", parsed.scripts[1].get("src")]
        assert parsed.scripts[1]["src"].endswith("assets/site.js")
        assert not [(t, n) for t, n, _ in parsed.attributes if n.startswith("on")], page
        assert not [v for t, n, v in parsed.attributes if "javascript:" in v.lower()], page
        assert all(t not in {"img", "iframe", "svg", "style"} or page.name == "graph.html" and t == "svg"
                   for t, _ in parsed.tags), page
        for dangerous in ("<script>alert", "<img src=x", "<iframe", "</title><script>", "<style>body"):
            assert dangerous not in raw, (page, dangerous)
        everything += parsed.all_text
    for text in HOSTILE_TEXTS + ["<script>alert(\"comment\")</script>", "<b onmouseover=\"alert(1)\">script</b>"]:
        assert text in everything, text  # shown, as text


def test_hostile_names_get_safe_file_names(sites):
    for page in (sites["hostile"] / "theorems").glob("*.html"):
        assert re.fullmatch(r"[A-Za-z0-9_-]+\.html", page.name), page.name


def test_embedded_json_cannot_close_its_script(sites):
    for page in pages(sites["hostile"]):
        raw = page.read_text(encoding="utf-8")
        start = raw.index('<script type="application/json" id="page-data">') + len('<script type="application/json" id="page-data">')
        body = raw[start:raw.index("</script>", start)]
        assert "<" not in body and ">" not in body
        json.loads(body)
    data = json.loads(json_script({"x": "</script><!--"}))
    assert data == {"x": "</script><!--"}
    assert "</" not in json_script({"x": "</script>"})


def test_broken_proof_is_reported(sites):
    page = next(p for p in (sites["hostile"] / "theorems").glob("*.html") if parse(p).h1 == INJECT["broken"]["name"])
    text = parse(page).all_text
    assert "✗ failed" in text and "unknown step kind" in text and INJECT["broken"]["formula"] in text
    index = parse(sites["hostile"] / "index.html").all_text
    assert "✗" in index and "Not proved" in index


# --- units -------------------------------------------------------------------------------------------------


def test_layered_layout():
    graph = nx.DiGraph()
    graph.add_edges_from([("top", "mid"), ("mid", "base"), ("top", "base"), ("alone", "base")])
    graph.add_node("island")
    assert layers(graph) == {"top": 0, "alone": 0, "island": 0, "mid": 1, "base": 2}
    layout = layered_layout(graph)
    assert layout == layered_layout(graph.copy())
    by_key = {n.key: n for n in layout.nodes}
    row0 = sorted((n for n in layout.nodes if n.layer == 0), key=lambda n: n.x)
    assert [n.key for n in row0] == ["alone", "island", "top"]  # sorted by name
    assert by_key["top"].y < by_key["mid"].y < by_key["base"].y
    for a in layout.nodes:
        for b in layout.nodes:
            if a is not b and a.y == b.y:
                assert a.x + a.width <= b.x or b.x + b.width <= a.x
    assert len(layout.edges) == 4
    wide = nx.DiGraph()
    wide.add_nodes_from(f"theorem_{i:03d}" for i in range(60))
    wrapped = layered_layout(wide, max_width=600)
    assert wrapped.width <= 600 + 2 * 16 and len({n.y for n in wrapped.nodes}) > 1


def test_layout_rejects_cycles():
    graph = nx.DiGraph([("a", "b"), ("b", "a")])
    with pytest.raises(ValueError):
        layered_layout(graph)


def test_slugs_are_safe_and_unique():
    names = ["plain", "Plain", "<script>", "x'", "../../etc", "index", "plain", "ℕ_lemma", ""]
    slugs = _slugs(names)
    assert len({s.lower() for s in slugs}) == len(slugs)
    assert slugs[0] == "plain"
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", s) for s in slugs)


def test_fast_readable_agrees_with_the_printer(runs):
    for name in ("group", "peano_goals", "calc"):
        for theorem in graph_of(runs[name])["theorems"]:
            for step in theorem["steps"]:
                formula = notation.parse(step["formula"])
                assert notation.readable_formula(formula) == printer.readable(formula)


def test_marked_substitution():
    segments = notation.marked_substitution("(in3[a,w,c,*])", "(in3[a,b,c,*])")
    assert [(s.text, s.marked) for s in segments] == [("a * ", False), ("w", True), (" = c", False)]
    negated = notation.marked_substitution("!(=[x,y])", "!(=[x,z])")
    assert "".join(s.text for s in negated) == "x ≠ y" and [s.text for s in negated if s.marked] == ["y"]
    assert notation.marked_substitution("not core", "(in[a,b])")[0].text == "not core"


def test_elided_generalisation():
    inner = "(>[y](in[y,N])(in[y,N]))"
    short = "(>[x](in[x,N])" + inner + ")"
    assert [s.ref for s in notation.elided_generalisation(short, inner, 7)] == [None]  # short: in full
    premise = "(in[z,N])"
    for i in range(12):
        premise = f"(>[n{i}](&(in2[z,n{i},s])(in[n{i},N])){premise})"
    whole = f"(>[top](in[top,N]){premise})"
    segments = notation.elided_generalisation(whole, premise, 41)
    assert [(s.text, s.ref) for s in segments] == [("forall top: top ∈ N -> ", None), ("step 41", 41)]
    other = f"(>[top](in[top,N]){premise.replace('z', 'q')})"  # not the premise's formula: in full
    assert len(notation.elided_generalisation(other, premise, 41)) == 1


# --- readable proofs (issue 12) ---------------------------------------------------------------------------

SIX_LAWS = ("add_comm", "add_assoc", "mul_comm", "mul_assoc", "mul_add_left_distrib", "mul_add_right_distrib")


def theorem_views(run_dir: Path) -> dict:
    return {t.title: t for t in build_site(run_dir).theorems}


def calculation_lines(page: Page) -> list[list[int]]:
    """The step numbers each calculation line of a page links to, line by line."""
    lines: list[list[int]] = []
    in_ks = False
    for tag, attrs in page.tags:
        if tag in ("td", "tr", "table", "p", "section"):
            in_ks = tag == "td" and attrs.get("class") == "ks"
            if in_ks:
                lines.append([])
        elif tag == "a" and in_ks and re.fullmatch(r"#s\d+", attrs.get("href", "")):
            lines[-1].append(int(attrs["href"][2:]))
    return lines


def test_the_six_peano_laws_read_as_calculations(runs, sites):
    """Each of the six laws is named by its shape and reads as calculations of at most 15 lines per
    case; every line links to kernel steps of the page that prove an equation; no witness name is
    left in a term; an induction is stated with its variable and its cases."""
    views = theorem_views(runs["peano"])
    graph = {t["name"]: t for t in graph_of(runs["peano"])["theorems"]}
    site = tmp_site(runs["peano"], sites)
    for name in SIX_LAWS:
        view = views[name]
        outline = view.proof.outline
        assert not outline.empty and not outline.set_aside, name
        assert all(1 <= lines <= 15 for lines in outline.case_lines()), (name, outline.case_lines())
        page = parse(site / view.href)
        assert name in page.h1 and view.name in page.h1  # the derived name, and the id as an anchor
        lines = calculation_lines(page)
        assert lines and all(lines), name
        by_number = {s.number: s.id for s in view.proof.steps}
        step_formula = {s["id"]: s["formula"] for s in graph[view.name]["steps"]}
        for numbers in lines:
            for number in numbers:
                assert f"s{number}" in page.ids
                assert step_formula[by_number[number]].startswith("(=["), (name, number)
        terms = [line.term for case in _cases(outline) for calc in case for line in calc.lines]
        terms += [calc.start for case in _cases(outline) for calc in case]
        assert terms and not [t for t in terms if re.search(r"\bw\d+\b", t)], terms
        if view.method == "induction":
            [induction] = outline.inductions
            assert [c.kind for c in induction.cases] == ["base", "step"]
            assert induction.variable in view.readable.split(":")[0]
            assert "induction hypothesis" in page.all_text
            assert f"step case · induction on {induction.variable}" in page.all_text
            assert f"base case · induction on {induction.variable}" in page.all_text


def test_induction_cases_are_read_from_the_instance():
    """A schema with a base and two constructors (s and d) gives a base case and two step cases,
    whatever the engine; the property's own claim (here a membership) is a case, not dropped."""
    from web_export.calculation import build_outline

    def step(identifier, kind, formula, premises=(), **extra):
        return {"id": identifier, "kind": kind, "formula": formula, "premises": list(premises), "block": "b0", **extra}

    step_s = "(>[n,m](&(in[n,Q])(in2[n,m,s]))(in[m,Q]))"
    step_d = "(>[n,m](&(in[n,Q])(in2[n,m,d]))(in[m,Q]))"
    instance = f"(>[](&(&(in[0,Q]){step_s}){step_d})(>[y](in[y,N])(in[y,Q])))"
    steps = [
        step("a", "axiom", "(>[P](in[0,P])(in[0,P]))", axiom=0),
        step("c", "comprehension", instance, ["a"], set="P", element="y", property="(in[y,Q])"),
        step("b", "axiom", "(in[0,Q])", axiom=1),
        step("s", "axiom", step_s, axiom=2),
        step("d", "axiom", step_d, axiom=3),
        step("i", "apply", "(>[y](in[y,N])(in[y,Q]))", ["c", "b", "s", "d"], subst={}, levels=1),
    ]
    numbers = {s["id"]: n for n, s in enumerate(steps, 1)}
    outline = build_outline(steps, numbers, {"b0": ()}, {"s": 1, "d": 1}, lambda s: None, None)
    [induction] = outline.inductions
    assert induction.variable == "y"
    assert [c.kind for c in induction.cases] == ["base", "step", "step"]
    assert induction.cases[0].claims == ("0 ∈ Q",)
    assert [c.claims for c in induction.cases[1:]] == [("s(n) ∈ Q",), ("d(n) ∈ Q",)]
    assert all(c.hypotheses == ("n ∈ Q",) for c in induction.cases[1:])
    assert outline.step_labels == {3: "base case · induction on y", 4: "step case · induction on y",
                                   5: "step case · induction on y"}


def _cases(outline) -> list[list]:
    found = [outline.calculations] if outline.calculations else []
    for induction in outline.inductions:
        for case in induction.cases:
            found.append(case.calculations)
    return found


def tmp_site(run_dir: Path, sites: dict[str, Path]) -> Path:
    site = run_dir.parent / f"{run_dir.name}-site"
    if not site.exists():
        render_site(run_dir, site)
    return site


def test_witnesses_are_defined_where_they_appear(runs, sites):
    """In the kernel steps, a witness step says what term its witness stands for."""
    site = tmp_site(runs["peano"], sites)
    page = (site / theorem_views(runs["peano"])["add_comm"].href).read_text(encoding="utf-8")
    assert re.search(r"where w\d+ = [^<]*[+]", page)


@pytest.mark.parametrize("tamper, reason", [
    ("swap", "is not a chain"),
    ("credit", "to a law it does not apply"),
    ("guard", "to a law it does not apply"),
    ("uncredit", "credits no law"),
    ("truncate", "does not run between the two sides"),
    ("not-equation", "not an equation"),
    ("foreign", "not among its premises"),
    ("malformed", "malformed credit"),
])
def test_a_calculation_that_disagrees_with_the_steps_is_set_aside(runs, tmp_path, tamper, reason):
    """The calculations record is the engine's explanation, not part of the proof: the kernel
    ignores it, and the browser shows a calculation only where it agrees with the steps."""
    run_dir = tmp_path / "run"
    shutil.copytree(runs["peano"], run_dir)
    path = run_dir / "proofgraph.json"
    graph = json.loads(path.read_text(encoding="utf-8"))
    name = theorem_views(runs["peano"])["add_comm"].name
    theorem = next(t for t in graph["theorems"] if t["name"] == name)
    calculation = max(theorem["calculations"], key=lambda c: len(c["links"]))  # the step case's
    links = calculation["links"]
    if tamper == "swap":
        links[0], links[1] = links[1], links[0]
    elif tamper == "credit":  # the law of the last line credited to the first
        links[0]["by"] = links[-1]["by"]
    elif tamper == "guard":  # a hypothesis the link rests on but applies no law of: a membership
        guard = next(s["id"] for s in theorem["steps"] if s["kind"] == "and_elim" and s["formula"].startswith("(in["))
        links[0]["by"] = [guard]
    elif tamper == "uncredit":
        rewrite = next(link for link in links if link["by"])
        rewrite["by"] = []
    elif tamper == "truncate":
        del links[-1]
    elif tamper == "malformed":
        links[0]["by"] = "not a list"
    elif tamper == "not-equation":  # a premise of the step explained, but a function fact
        proves = next(s for s in theorem["steps"] if s["id"] == calculation["proves"])
        links[0]["step"] = proves["premises"][0]
    else:
        other = next(t for t in graph["theorems"] if t["name"] != name)
        links[0]["step"] = other["steps"][-1]["id"]
    path.write_text(json.dumps(graph, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(run_dir)])
    assert result.exit_code == 0, result.output  # the proof itself is untouched
    site = tmp_path / "site"
    render_site(run_dir, site)
    view = next(t for t in build_site(run_dir).theorems if t.name == name)
    assert any(reason in text for text in view.proof.outline.set_aside), view.proof.outline.set_aside
    assert "Not shown as calculations" in (site / view.href).read_text(encoding="utf-8")
    shown = sum(len(case) for case in _cases(view.proof.outline))
    assert shown == len(theorem["calculations"]) - 1  # the others are still shown


def test_a_malformed_calculations_record_is_reported_not_ignored(runs, tmp_path):
    run_dir = tmp_path / "run"
    shutil.copytree(runs["peano"], run_dir)
    path = run_dir / "proofgraph.json"
    graph = json.loads(path.read_text(encoding="utf-8"))
    graph["theorems"][0]["calculations"] = "garbage"
    graph["theorems"][1]["calculations"] = [{"proves": 5}, {"links": [1, None, {"step": [], "by": {}}]}, None]
    path.write_text(json.dumps(graph, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["check", str(run_dir)]).exit_code == 0
    first, second = build_site(run_dir).theorems[:2]
    assert first.proof.outline.set_aside == ("the calculations record is not a list",)
    assert len(second.proof.outline.set_aside) == 3


def test_open_page_and_header(runs, sites):
    """The conjectures that survived the models but were not proved are listed with why, and the
    header says how many stayed open next to "checked"."""
    summary = json.loads((runs["peano"] / "summary.json").read_text(encoding="utf-8"))
    site = tmp_site(runs["peano"], sites)
    why = summary["why_open"]
    assert len(why) == len(summary["open"]) + len(summary["open_laws"])
    assert all(w["reason"] in ("no proof found", "budget", "not tried") for w in why)
    page = parse(site / "open.html")
    for entry in why:
        assert entry["statement"] in page.all_text
    index = parse(site / "index.html").all_text
    if why:
        assert f"{len(why)} conjecture" in index and "open" in index
    assert "open.html" in parse(site / "index.html").links
    goals_only = parse(sites["group"] / "open.html").all_text
    assert "did not explore" in goals_only  # a goals-only run made no conjectures: it says so


def test_refuted_page_evaluates_both_sides_and_shows_the_model(tmp_path):
    theory = tmp_path / "false.mpl"
    theory.write_text(f'import "{EXAMPLES / "group.mpl"}"\n'
                      "theorem wrong := forall a b: a ∈ G and b ∈ G -> a * b = b * a\n", encoding="utf-8")
    run_dir = tmp_path / "run"
    cli("prove", theory, "--goals-only", "-o", run_dir)
    [entry] = json.loads((run_dir / "refuted.json").read_text(encoding="utf-8"))
    text = parse(run_dir / "html" / "refuted.html").all_text
    left, right = entry["sides"]
    assert f"{left['term']} is {left['value']} but {right['term']} is {right['value']}" in " ".join(text.split())
    html = (run_dir / "html" / "refuted.html").read_text(encoding="utf-8")
    assert html.count('class="optable') == len(entry["model"]["tables"])
    assert '<caption><code>*</code></caption>' in html


def test_corollaries_page_has_anchors_and_search(runs, sites):
    site = tmp_site(runs["peano"], sites)
    page = parse(site / "corollaries.html")
    count = len(json.loads((runs["peano"] / "summary.json").read_text(encoding="utf-8"))["corollaries"])
    assert [i for i in page.ids if re.fullmatch(r"c\d+", i)] == [f"c{n}" for n in range(1, count + 1)]
    assert "search" in page.ids and all(f"#c{n}" in page.links for n in range(1, count + 1))


def test_a_stated_goal_has_the_same_round_everywhere(tmp_path):
    """summary.json (what the command line prints), the proof graph and the browser agree on the
    round in which a stated goal was proved."""
    run_dir = tmp_path / "run"
    cli("prove", EXAMPLES / "peano_goals.mpl", "-o", run_dir, "--max-rounds", "2")
    summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
    graph = {t["name"]: t for t in graph_of(run_dir)["theorems"]}
    proved = [g for g in summary["goals"] if g["status"] == "proved"]
    assert proved
    for goal in proved:
        assert graph[goal["name"]]["origin"]["round"] == goal["round"], goal
        page = (run_dir / "html" / "theorems" / f"{goal['name']}.html").read_text(encoding="utf-8")
        assert f"round {goal['round']}" in page


# --- a real browser --------------------------------------------------------------------------------------


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install playwright)")
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


class Watch:
    """A page with every dialog, console error and page error recorded."""

    def __init__(self, browser, **options):
        self.page = browser.new_page(**options)
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.requests: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path):
        self.page.goto(path.resolve().as_uri())
        return self.page

    def close(self):
        self.page.close()


@pytest.fixture
def watch(browser):
    opened: list[Watch] = []

    def make(**options) -> Watch:
        opened.append(Watch(browser, **options))
        return opened[-1]

    yield make
    for w in opened:
        w.close()


def in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """(s) => { const r = document.querySelector(s).getBoundingClientRect();
                    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }""",
        selector,
    )


def visible_names(page) -> list[str]:
    return page.eval_on_selector_all(
        "#theorems .group:not(.unproved) li.thm:not([hidden]) .thm-name", "els => els.filter(e => e.offsetParent).map(e => e.textContent)"
    )


def test_search_filters_the_index(watch, sites, runs):
    names = [t["name"] for t in graph_of(runs["group"])["theorems"]]
    w = watch()
    page = w.open(sites["group"] / "index.html")
    assert sorted(visible_names(page)) == sorted(names)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search"
    page.keyboard.type("identity_")
    assert visible_names(page) == ["identity_unique"]
    assert page.inner_text("#search-count") == f"1 of {len(names)} theorems match"
    page.fill("#search", "inv(e)")  # statement text
    assert visible_names(page) == ["inverse_of_identity"]
    page.fill("#search", "nothing-like-this")
    assert visible_names(page) == [] and page.locator("#theorems .group:not(.unproved):visible").count() == 0
    page.keyboard.press("Escape")
    assert len(visible_names(page)) == len(names)
    page.click("button.chip[data-sym='inv']")  # a symbol of the theory
    shown = visible_names(page)
    assert "inverse_of_identity" in shown and "identity_unique" not in shown
    assert not w.errors and not w.dialogs


def rich_page(sites, runs) -> Path:
    return page_of(sites["group"], rich_theorem(runs["group"])["name"])


def test_search_by_phrase_symbol_and_name(watch, runs, sites):
    """A statement phrase finds its theorem whatever the variables are called; a symbol chip keeps
    the theorems that use the symbol (not those with the letter in a name); group counts follow."""
    site = tmp_site(runs["peano"], sites)
    views = theorem_views(runs["peano"])
    w = watch()
    page = w.open(site / "index.html")
    total = len(views)
    page.fill("#search", "x * y = y * x")
    assert visible_names(page) == ["mul_comm"]
    page.fill("#search", "a*b=b*a")  # other names, no spaces
    assert visible_names(page) == ["mul_comm"]
    page.fill("#search", "(x + y) + z")
    assert "add_assoc" in visible_names(page) and "mul_comm" not in visible_names(page)
    page.fill("#search", "x * (y * z) = (x * y) * z")  # an equation written the other way round
    assert visible_names(page) == ["mul_assoc"]
    page.fill("#search", "x = 0 + x")
    assert "add_left_id" in visible_names(page)
    page.fill("#search", "mul_")
    assert set(visible_names(page)) == {v.title for v in views.values() if v.title.startswith("mul_")}
    counts = page.eval_on_selector_all(".group:not([hidden]) .count[data-total]", "els => els.map(e => e.textContent)")
    assert counts and all(" of " in c for c in counts)
    shown = sum(int(c.split(" of ")[0]) for c in counts)
    assert shown == len(visible_names(page))
    page.fill("#search", "")
    page.click("button.chip[data-sym='s']")
    with_s = set(visible_names(page))
    expected = {v.title for v in views.values() if "s" in v.symbols}
    assert with_s == expected and 0 < len(with_s) < total
    assert all("s(" in views[name].readable for name in with_s)
    page.click("button.chip[data-sym='s']")
    assert len(visible_names(page)) == total
    page.click("a.jump")
    assert in_viewport(page, "#theorems-h")
    assert not w.errors


def test_essential_filter_and_core_on_pages(watch, runs, sites):
    """The index filters the essential core; a theorem outside it says what it follows from."""
    core = json.loads((runs["peano"] / "summary.json").read_text(encoding="utf-8"))["core"]
    views = {t.name: t for t in build_site(runs["peano"]).theorems}
    site = tmp_site(runs["peano"], sites)
    w = watch()
    page = w.open(site / "index.html")
    page.click("#essential-filter")
    assert sorted(visible_names(page)) == sorted(views[n].title for n in core["essential"])
    page.fill("#search", "mul_")  # combined with the text filter
    assert set(visible_names(page)) == {views[n].title for n in core["essential"] if views[n].title.startswith("mul_")}
    page.click("#essential-filter")
    assert set(visible_names(page)) == {v.title for v in views.values() if v.title.startswith("mul_")}
    name, uses = next(iter(core["follows"].items()))
    text = " ".join(parse(site / views[name].href).all_text.split())
    assert "follows directly from " + ", ".join(views[u].title for u in uses) in text
    assert "one of the" in parse(site / views[core["essential"][0]].href).all_text
    assert not w.errors


def test_a_definition_name_is_no_variable_in_a_phrase(watch, tmp_path):
    """Only variables may be renamed in a phrase: Greatest[X, R, S, u] does not find UpperBound."""
    run_dir = tmp_path / "preorder"
    cli("prove", EXAMPLES / "preorder.mpl", "--goals-only", "-o", run_dir)
    w = watch()
    page = w.open(run_dir / "html" / "index.html")
    page.fill("#search", "Greatest[X, R, S, u]")
    assert visible_names(page) == ["greatest_equivalent"]
    page.fill("#search", "UpperBound[X, R, A, b]")  # its variables renamed
    assert set(visible_names(page)) == {"above_upper_bound", "subset_upper_bound"}
    assert not w.errors


def test_calculation_links_open_the_kernel_steps(watch, runs, sites):
    site = tmp_site(runs["peano"], sites)
    view = theorem_views(runs["peano"])["mul_comm"]
    w = watch()
    page = w.open(site / view.href)
    assert not page.evaluate("document.getElementById('kernel').open")  # one click away
    link = page.locator("#calc td.ks a").nth(1)
    target = link.get_attribute("href")[1:]
    link.click()
    assert page.evaluate("document.getElementById('kernel').open")
    assert "hl" in page.get_attribute(f"#{target}", "class").split()
    page.wait_for_function("(id) => { const r = document.getElementById(id).getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= window.innerHeight; }", arg=target)
    assert not w.errors


def test_j_and_k_skip_collapsed_blocks(watch, runs, sites):
    """With a block collapsed, j walks from the step before it to the step after it; and when the
    current step's own block is collapsed, j goes on from there (not back to the first step)."""
    site = tmp_site(runs["peano"], sites)
    w = watch()
    page = w.open(site / theorem_views(runs["peano"])["add_comm"].href)
    page.keyboard.press("j")
    assert page.evaluate("document.getElementById('kernel').open")
    visible = ("els => els.filter(e => e.checkVisibility() && !e.parentElement.closest('#proof details:not([open])'))"
               ".map(e => e.id)")
    block = page.locator("#proof li.blk > details").first
    inside = block.locator("li[id^='s']").evaluate_all("els => els.map(e => e.id)")
    block.locator("summary").first.click()
    assert not block.evaluate("d => d.open")
    shown = page.eval_on_selector_all("#proof li[id^='s']", visible)
    assert not set(inside) & set(shown)
    walked = []
    page.keyboard.press("Escape")
    for _ in range(len(shown)):
        page.keyboard.press("j")
        walked.append(page.locator("#proof li.cur").get_attribute("id"))
    assert walked == shown  # every visible step once, in order, none inside the collapsed block
    block.locator("summary").first.click()  # open it, step into it, collapse it again
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    while page.locator("#proof li.cur").get_attribute("id") not in inside:
        page.keyboard.press("j")
    block.locator("summary").first.click()
    page.keyboard.press("j")
    current = page.locator("#proof li.cur").get_attribute("id")
    assert current not in inside and current != shown[0]
    assert not w.errors


def test_corollaries_search(watch, runs, sites):
    site = tmp_site(runs["peano"], sites)
    w = watch()
    page = w.open(site / "corollaries.html")
    total = page.locator("ol.corollaries > li").count()
    page.fill("#search", "a * 0 = 0")
    shown = page.locator("ol.corollaries > li:not([hidden])")
    assert 0 < shown.count() < total
    assert all(" * 0 = 0" in text for text in shown.all_inner_texts())
    assert page.inner_text("#search-count").startswith(f"{shown.count()} of {total}")
    assert not w.errors


def test_premise_link_scrolls_to_and_highlights_the_step(watch, sites, runs):
    w = watch(viewport={"width": 1200, "height": 700})
    page = w.open(rich_page(sites, runs))
    page.evaluate("[...document.querySelectorAll('#proof li[id^=\"s\"]')].pop().scrollIntoView({block: 'end'})")
    # a premise link near the bottom whose step is far above, out of view
    href = page.evaluate("""() => {
        const links = [...document.querySelectorAll('#proof small a[href^="#s"]')].reverse();
        const far = links.find(a => { const t = document.querySelector(a.getAttribute('href'));
            return !t.classList.contains('g') && t.getBoundingClientRect().bottom < 0
                && a.getBoundingClientRect().top > 0; });
        return far && far.getAttribute('href'); }""")
    assert href and not in_viewport(page, href)
    page.locator(f"#proof small a[href='{href}']").last.click()
    page.wait_for_function("(s) => document.querySelector(s).classList.contains('hl')", arg=href)
    page.wait_for_function(
        """(s) => { const r = document.querySelector(s).getBoundingClientRect();
                    return r.top >= 0 && r.bottom <= window.innerHeight; }""", arg=href)
    assert page.evaluate("location.hash") == href
    assert page.locator("#proof .hl").count() == 1
    # a premise that is a hidden glue step is revealed when its link is followed
    glue = page.eval_on_selector_all(
        "#proof small a[href^='#s']",
        """links => links.filter(a => a.getClientRects().length).map(a => a.getAttribute('href'))
                        .filter(h => document.querySelector(h).classList.contains('g'))""")
    assert glue and not page.locator(glue[0]).is_visible()
    page.locator(f"#proof small a[href='{glue[0]}']:visible").first.click()
    page.wait_for_function("(s) => document.querySelector(s).getClientRects().length > 0", arg=glue[0])
    assert page.locator(glue[0]).is_visible() and not page.is_checked("#glue-toggle")
    assert not w.errors


def test_hover_highlights_the_dependency_chain(watch, sites, runs):
    w = watch(viewport={"width": 1200, "height": 900})
    path = rich_page(sites, runs)
    steps = {n: premises for n, premises, _ in parse(path).steps}

    def chain(number: int) -> set[int]:
        found: set[int] = set()
        stack = list(steps[number])
        while stack:
            n = stack.pop()
            if n not in found:
                found.add(n)
                stack.extend(steps[n])
        return found

    number = max(n for n in steps if 1 < len(chain(n)) < len(steps) / 2)
    page = w.open(path)
    page.check("#glue-toggle")
    page.hover(f"#s{number} > code")
    lit = set(page.eval_on_selector_all("#proof li.dep", "els => els.map(e => Number(e.id.slice(1)))"))
    assert lit == chain(number)
    assert "tip" in page.get_attribute(f"#s{number}", "class").split()
    dimmed = page.evaluate("(n) => getComputedStyle(document.querySelector('#s' + n)).opacity",
                           next(n for n in steps if n not in chain(number) and n != number))
    assert float(dimmed) < 1
    page.hover("h1")
    assert page.locator("#proof li.dep").count() == 0
    assert not w.errors


def test_collapsing_a_block(watch, sites, runs):
    w = watch()
    page = w.open(rich_page(sites, runs))
    block = page.locator("#proof li.blk > details").first
    inside = block.locator("li[id^='s']:not(.g)").first
    assert block.evaluate("d => d.open") and inside.is_visible()
    block.locator("summary").first.click()
    assert not block.evaluate("d => d.open") and not inside.is_visible()
    block.locator("summary").first.click()
    assert inside.is_visible()
    assert not w.errors


def test_glue_toggle_and_keyboard(watch, sites, runs):
    w = watch()
    path = rich_page(sites, runs)
    page = w.open(path)
    glue = page.locator("#proof li.g").first
    assert not glue.is_visible()
    page.check("#glue-toggle")
    assert glue.is_visible()
    page.keyboard.press("g")
    assert not glue.is_visible() and not page.is_checked("#glue-toggle")
    visible = page.eval_on_selector_all("#proof li[id^='s']", "els => els.filter(e => e.getClientRects().length).map(e => e.id)")
    page.keyboard.press("j")
    assert page.locator("#proof li.cur").get_attribute("id") == visible[0]
    for key in ("j", "j", "k"):
        page.keyboard.press(key)
    assert page.locator("#proof li.cur").get_attribute("id") == visible[1]
    links = {a.get("rel"): a["href"] for t, a in parse(path).tags if t == "a" and a.get("rel")}
    if "next" in links:
        page.keyboard.press("n")
        page.wait_for_url("**/" + links["next"].split("/")[-1])
        page.keyboard.press("p")
        page.wait_for_url("**/" + path.name)
    assert not w.errors


def test_graph_page_links(watch, sites, runs):
    theorems = graph_of(runs["group"])["theorems"]
    used = max({u for t in theorems for u in t["uses"]}, key=lambda u: sum(u in t["uses"] for t in theorems))
    users = [t["name"] for t in theorems if used in t["uses"]]
    w = watch()
    page = w.open(sites["group"] / "graph.html")
    page.locator(f"a.node[data-k='{used}']").hover()
    info = page.inner_text("#graph-info")
    assert info.startswith(used) and "used by" in info and all(u in info for u in users)
    assert page.locator("path.e.on").count() == len(users)
    page.locator(f"a.node[data-k='{users[0]}']").click()
    page.wait_for_url(f"**/theorems/{users[0]}.html")
    assert page.inner_text("h1") == users[0]
    assert not w.errors


def test_hostile_theory_is_inert(watch, sites):
    w = watch()
    for path in pages(sites["hostile"]):
        page = w.open(path)
        page.wait_for_load_state("load")
        for element in page.locator("a.node, li.thm, #proof li[id^='s'], summary").all()[:40]:
            if element.is_visible():
                element.hover()
        assert page.evaluate("window.__pwned") is None, path
        assert page.evaluate("document.scripts.length") == 2, path
        assert page.locator("img, iframe, style").count() == 0, path
        assert page.evaluate("getComputedStyle(document.body).display") != "none", path
    index = w.open(sites["hostile"] / "index.html")
    assert INJECT["rename"]["alert"] in index.inner_text("body")
    index.fill("#search", "<script>")
    assert len(visible_names(index)) >= 1
    assert w.dialogs == [] and w.errors == []


def test_no_console_errors_and_no_network(watch, sites):
    w = watch()
    for site in sites.values():
        for path in pages(site):
            w.open(path)
    assert w.errors == []
    assert all(url.startswith(("file://", "data:")) for url in w.requests), [
        u for u in w.requests if not u.startswith(("file://", "data:"))]


def test_dark_theme_and_phone_width(watch, sites, runs):
    light = watch(color_scheme="light").open(sites["group"] / "index.html")
    dark = watch(color_scheme="dark").open(sites["group"] / "index.html")
    background = "getComputedStyle(document.body).backgroundColor"
    assert light.evaluate(background) != dark.evaluate(background)
    phone = watch(viewport={"width": 375, "height": 800}, color_scheme="light")
    for path in (sites["group"] / "index.html", rich_page(sites, runs), sites["group"] / "graph.html",
                 sites["calc"] / "index.html", sites["group"] / "rules.html"):
        page = phone.open(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path


SHOTS = ("browser-index", "browser-theorem", "browser-graph", "browser-induction")


@pytest.mark.parametrize("shot", SHOTS)
def test_screenshots(watch, runs, shot, tmp_path, monkeypatch):
    """Writes docs/images/<shot>.png, only when GENLOGIC_SCREENSHOTS=1."""
    if os.environ.get("GENLOGIC_SCREENSHOTS") != "1":
        pytest.skip("set GENLOGIC_SCREENSHOTS=1 to write docs/images/*.png")
    if shot == "browser-induction":  # an induction proof as calculations: mul_comm of the Peano run
        shutil.copytree(runs["peano"], tmp_path / "runs" / "peano")
        monkeypatch.chdir(tmp_path)
        site = tmp_path / "runs" / "peano" / "html"
        render_site(Path("runs/peano"), site)
        page = watch(viewport={"width": 1280, "height": 820}, device_scale_factor=1, color_scheme="light").open(
            site / theorem_views(runs["peano"])["mul_comm"].href
        )
        page.evaluate("document.querySelector('.statement').scrollIntoView({block: 'start'})")
        page.evaluate("window.scrollBy(0, -16)")
        assert "✓ checked" in page.inner_text(".facts") and page.locator("#calc table.calc").count() >= 2
        target = ROOT / "docs" / "images" / f"{shot}.png"
        page.screenshot(path=str(target))
        assert target.stat().st_size > 10_000
        return
    # rendered from runs/group relative to the working directory, as `genlogic prove` would
    shutil.copytree(runs["group"], tmp_path / "runs" / "group")
    monkeypatch.chdir(tmp_path)
    render_site(Path("runs/group"), tmp_path / "runs" / "group" / "html")
    sites = {"group": tmp_path / "runs" / "group" / "html"}
    w = watch(viewport={"width": 1280, "height": 900}, device_scale_factor=1, color_scheme="light")
    if shot == "browser-index":
        page = w.open(sites["group"] / "index.html")
        page.evaluate("document.querySelector('#theorems').scrollIntoView({block: 'start'})")
        page.evaluate("window.scrollBy(0, -12)")
    elif shot == "browser-graph":
        page = w.open(sites["group"] / "graph.html")
        page.set_viewport_size({"width": 1280, "height": 680})
        theorems = graph_of(runs["group"])["theorems"]
        most_used = max(theorems, key=lambda t: sum(t["name"] in u["uses"] for u in theorems))
        page.hover(f"a.node[data-k='{most_used['name']}']")
    else:
        path = rich_page(sites, runs)
        page = w.open(path)
        page.set_viewport_size({"width": 1280, "height": 1500})
        steps = {n: p for n, p, c in parse(path).steps if "g" not in c.split()}
        target = next(n for n in sorted(steps) if len(steps[n]) >= 3 and n > 12)
        page.hover(f"#s{target} > code")
    assert "failed" not in page.inner_text("main")  # a screenshot shows a run that checks
    target = ROOT / "docs" / "images" / f"{shot}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target))
    assert target.stat().st_size > 10_000
    assert not w.errors
