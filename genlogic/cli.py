"""The ``genlogic`` command line (click). Each command is a thin shell over the library.

Every :class:`~genlogic.errors.MplError` becomes a located message on stderr and exit code 2;
no traceback reaches the user.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from genlogic import __version__
from genlogic.errors import MplError
from genlogic.explore.conjectures import MAX_SIZE
from genlogic.files import write_atomic
from genlogic.mpl import printer
from genlogic.mpl.ast import DefStatement
from genlogic.mpl.expand import expand
from genlogic.mpl.parser import parse_source
from genlogic.theory.build import load_theory
from genlogic.theory.loader import display_path


class _Group(click.Group):
    """Turns input errors into ``file:line:col: error: …`` and exit code 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except MplError as error:
            click.echo(error.render(), err=True)
            ctx.exit(2)


_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="genlogic")
def main() -> None:
    """genlogic: explore, prove and check theories written in MPL."""


def _notation(readable_flag: bool, core_flag: bool = False):
    """The notation chosen by --readable / --core; ``None`` keeps each statement's own."""
    if readable_flag and core_flag:
        raise click.UsageError("--readable and --core exclude each other")
    if readable_flag:
        return printer.readable
    return printer.core if core_flag else None


@main.command()
@click.argument("file", type=_FILE)
@click.option("--readable", is_flag=True, help="Print formulas in the readable notation.")
@click.option("--expand", "expand_name", metavar="NAME", help="Print definition NAME fully expanded.")
def parse(file: Path, readable: bool, expand_name: str | None) -> None:
    """Check FILE (and its imports) and print it in canonical core notation."""
    theory = load_theory(file)
    notation = printer.readable if readable else printer.core
    if expand_name is not None:
        if not theory.has_definition(expand_name):
            known = ", ".join(d.name for d in theory.definitions) or "none"
            raise click.BadParameter(f"no definition named {expand_name!r} (known: {known})", param_hint="--expand")
        definition = theory.definition(expand_name)
        definitions = {d.name: d for d in theory.definitions}
        body = expand(definition.body, definitions)
        statement = DefStatement(definition.name, definition.params, body, definition.is_anchor)
        click.echo(printer.statement(statement, notation))
        return
    source = parse_source(file.read_text(encoding="utf-8"), display_path(file))
    click.echo(printer.source_file(source, notation), nl=False)


@main.command()
@click.argument("file", type=_FILE)
def signature(file: Path) -> None:
    """Print what genlogic recognised in FILE: constants, operations, induction, kinds."""
    theory = load_theory(file)
    sig = theory.signature
    click.echo(f"theory {theory.name}")
    if theory.anchor is None:
        click.echo("  no anchor: the theory has no constants and no axioms")
    for constant in sig.constants:
        line = f"  {constant.name}: {constant.kind}"
        operation = sig.operation(constant.name)
        if operation is not None:
            line += f" — {operation.description}"
        click.echo(line)
    for schema in sig.induction:
        click.echo(
            f"  induction over {schema.carrier} from {schema.base} by {schema.step} (axiom {schema.axiom + 1})"
        )
    click.echo(f"  {len(theory.axioms)} axioms, {len(theory.definitions)} definitions, {len(theory.theorems)} stated theorems")
    for fact in theory.lemmas:
        click.echo(f"  canonical form {fact.lemma} (from axiom {', '.join(str(a + 1) for a in fact.axioms)}): "
                   f"{printer.readable(fact.formula)}")
    for definition in theory.definitions:
        params = ", ".join(f"{p}: {k}" for p, k in zip(definition.params, definition.kinds))
        click.echo(f"  {'anchor' if definition.is_anchor else 'def'} {definition.name}[{params}]")


@main.command()
@click.argument("files", nargs=-1, required=True, type=_FILE)
@click.option("--check", is_flag=True, help="Change nothing; exit 1 if a file is not canonical.")
@click.option("--readable", is_flag=True, help="Write every formula in the readable notation.")
@click.option("--core", "core_", is_flag=True, help="Write every formula in the core notation.")
def fmt(files: tuple[Path, ...], check: bool, readable: bool, core_: bool) -> None:
    """Rewrite FILES in canonical layout, keeping comments and, unless told otherwise, the
    notation each statement was written in."""
    unformatted = []
    for file in files:
        text = file.read_text(encoding="utf-8")
        formatted = printer.source_file(parse_source(text, display_path(file)), _notation(readable, core_))
        if formatted == text:
            continue
        unformatted.append(file)
        if check:
            click.echo(f"would reformat {display_path(file)}", err=True)
        else:
            write_atomic(file, formatted)
            click.echo(f"reformatted {display_path(file)}", err=True)
    if check and unformatted:
        sys.exit(1)


def _llm_options(command):
    """The options of every command that asks a language model (docs/llm.md); each overrides
    its GENLOGIC_LLM_* variable and the [tool.genlogic.llm] table of the config file."""
    options = [
        click.option("--llm-provider", help="Provider: an entry point of group genlogic.llm (default: openai)."),
        click.option("--llm-base-url", help="Base URL of an OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1."),
        click.option("--llm-model", help="The model named in each request."),
        click.option("--llm-api-key", help="Bearer token for the server (better: GENLOGIC_LLM_API_KEY)."),
        click.option("--llm-config", type=_FILE,
                     help="TOML file with a [tool.genlogic.llm] table (default: ./pyproject.toml if it has one)."),
        click.option("--llm-timeout", type=click.FloatRange(min=0, min_open=True), help="Seconds per request attempt."),
        click.option("--llm-token-budget", type=click.IntRange(min=0),
                     help="Make no request once the responses have used this many tokens."),
        click.option("--llm-replay", type=click.Path(exists=True, file_okay=False, path_type=Path),
                     help="Answer only from this recording (an llm/ folder or a run folder); no server is asked."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


_LLM_FLAGS = {"llm_provider": "provider", "llm_base_url": "base_url", "llm_model": "model", "llm_api_key": "api_key",
              "llm_timeout": "timeout", "llm_token_budget": "token_budget"}


def _llm_client(llm: dict[str, Any]):
    """The model client the --llm-* options, the environment and the config file describe."""
    from genlogic.llm.client import open_client
    from genlogic.llm.config import resolve

    settings = resolve({key: llm[flag] for flag, key in _LLM_FLAGS.items()}, os.environ, llm["llm_config"])
    return open_client(settings, llm["llm_replay"])


@main.command()
@click.argument("file", type=_FILE)
@click.option("--goals-only", is_flag=True, help="Prove the file's stated theorems, without exploration.")
@click.option("-o", "--output", "run_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Run folder (default: runs/<file name>/).")
@click.option("--executor", type=click.Choice(["local", "process"]), default="local", show_default=True,
              help="Where Logic Blocks run: in this process or in worker processes.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for --executor process.")
@click.option("--rounds", type=click.IntRange(min=1), default=3, show_default=True,
              help="Grid rounds for --goals-only; round r may create witnesses up to depth r.")
@click.option("--time-limit", type=click.FloatRange(min=0), default=None,
              help="Stop every stage after this many seconds in all; what is proved is written.")
@click.option("--max-rounds", type=click.IntRange(min=0), default=None,
              help="Stop exploring after this many rounds (deterministic, unlike --time-limit).")
@click.option("--max-size", type=click.IntRange(min=1), default=MAX_SIZE, show_default=True,
              help="Largest conjecture term, counted in symbols.")
@click.option("--from", "previous", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Start from the theorems of this run of an imported theory (re-checked; repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON on stdout.")
@click.option("--no-html", is_flag=True, help="Do not write the HTML proof browser into RUN_DIR/html.")
@click.option("--seed", type=click.Choice(["llm"]), default=None,
              help="After exploring, ask a language model for conjectures; each must be proved (docs/llm.md).")
@click.option("--seed-count", type=click.IntRange(min=1), default=None,
              help="Conjectures to ask the model for with --seed llm (default 8).")
@_llm_options
def prove(file: Path, goals_only: bool, run_dir: Path | None, executor: str, workers: int, rounds: int,
          time_limit: float | None, max_rounds: int | None, max_size: int, previous: tuple[Path, ...],
          as_json: bool, no_html: bool, seed: str | None, seed_count: int | None, **llm: Any) -> None:
    """Explore FILE's theory and prove its theorems; write RUN_DIR.

    RUN_DIR gets proofgraph.json, summary.json, theorems.mpl and (when exploring) refuted.json;
    with --seed llm also llm/, the recording of the model's answers.
    Exit code 0 when every stated theorem is proved and the run was not cut short, 1
    otherwise (also when the model service failed during --seed llm: what was found is written),
    2 on bad input. Ctrl-C stops cleanly like --time-limit."""
    from genlogic.explore.run import ExploreOptions, prove_and_explore
    from genlogic.progress import Progress
    from genlogic.prove import ProveOptions, prove_goals

    run_dir = run_dir or Path("runs") / file.stem
    seeder = _seeder(file, goals_only, seed, seed_count, llm)
    with Progress("goals" if goals_only else "exploring") as progress:
        if goals_only:
            options = ProveOptions(executor, workers, rounds, time_limit=time_limit, previous=previous)
            summary = prove_goals(file, run_dir, options, progress.rounds)
        else:
            options = ExploreOptions(executor, workers, time_limit, max_rounds, max_size, previous, seeder)
            summary = prove_and_explore(file, run_dir, options, progress.rounds)
    if seeder is not None:
        seeder.client.recording.save(run_dir / "llm")
        for note in seeder.notes:
            click.echo(f"note: {note}", err=True)
    failure = summary.get("stages", {}).get("seeding", {}).get("failed")
    if failure is not None:
        click.echo(f"error: seeding failed, the run is incomplete: {failure} (summary.json: stages.seeding)", err=True)
    if not no_html:
        from web_export import render_site

        render_site(run_dir, run_dir / "html")
    if as_json:
        click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        click.echo(_render_summary(summary, run_dir))
    ok = all(goal["status"] == "proved" for goal in summary["goals"]) and not summary.get("cut_short")
    sys.exit(0 if ok and failure is None else 1)


def _seeder(file: Path, goals_only: bool, seed: str | None, seed_count: int | None, llm: dict[str, Any]):
    """The seeder of --seed llm, or ``None``; the --llm-* options need --seed llm."""
    if seed is None:
        given = [f"--{name.replace('_', '-')}" for name, value in llm.items() if value is not None]
        if given or seed_count is not None:
            raise click.UsageError(f"{(given or ['--seed-count'])[0]} needs --seed llm")
        return None
    if goals_only:
        raise click.UsageError("--seed llm seeds exploration; it does not go with --goals-only")
    from genlogic.llm.seed import COUNT, LlmSeeder

    return LlmSeeder(_llm_client(llm), file, seed_count or COUNT)


def _render_summary(summary: dict, run_dir: Path) -> str:
    lines = [f"warning: {warning}" for warning in summary.get("normal_forms", {}).get("warnings", [])]
    ground = summary.get("stages", {}).get("ground model", {})
    if "missing" in ground:
        lines.append(_missing(ground))
    for run in summary.get("from", []):
        if "explored" in run:
            lines.append(f"explored first: {run['explored']} ({run['theory']}, {run['theorems']} theorems, "
                         f"{summary['stages']['imports']['seconds']} s), its proofs copied into this run")
    counts = summary.get("counts")
    if counts:
        lines.append(
            f"conjectures: {counts['generated']} equations from {counts['terms']} terms, "
            f"{counts['canonical']} after canonicalisation, all true on "
            + (f"{len(summary['finite_models'])} finite models" if "finite_models" in summary else "the ground model")
        )
        lines.append(
            f"proved: {counts['proved']} theorems ({counts['by_induction']} by induction), "
            f"{counts['corollaries']} corollaries ({counts['stored_corollaries']} stored with their proofs), "
            f"{counts['open']} open in {counts['rounds']} rounds"
            + (f"; {counts['open_laws']} relation properties and conditional laws not proved (summary.json: open_laws)"
               if counts.get("open_laws") else "")
        )
        if summary.get("accumulation"):
            lemmas = summary["accumulation"]
            proved = [lemma["name"] for lemma in lemmas if lemma["proved"]]
            lines.append(f"definitions by accumulation: {len(lemmas)} recursion lemmas conjectured, {len(proved)} proved"
                         + (f" ({', '.join(proved)})" if proved else "") + " (summary.json: accumulation)")
        lines.extend(f"note: {note} (summary.json: accumulation_notes)" for note in summary.get("accumulation_notes", []))
        if summary.get("core") is not None:
            core = summary["core"]
            size, rest = len(core["essential"]), len(core["follows"])
            lines.append(f"essential core: {size} theorem{'' if size == 1 else 's'} from which the other "
                         f"{rest} follow{'s' if rest == 1 else ''} directly (summary.json: core)")
    if "seeded" in summary:
        fates = [entry["fate"] for entry in summary["seeded"]]
        counted = ", ".join(f"{fates.count(fate)} {fate}" for fate in dict.fromkeys(fates))
        lines.append(f"seeded: {len(fates)} conjectures from the model" + (f": {counted}" if fates else "")
                     + " (summary.json: seeded)")
    for goal in summary["goals"]:
        status = goal["status"]
        if status == "proved":
            detail = f"round {goal['round']}, {goal['steps']} steps"
        elif status == "refuted":
            detail = "counterexample " + ", ".join(f"{k} = {v}" for k, v in goal["counterexample"].items())
            if "model" in goal:
                detail += f" in the model of {goal['model']}"
        else:
            detail = goal["reason"]
        lines.append(f"{status:>9}  {goal['name']}  ({detail})")
    proved = sum(goal["status"] == "proved" for goal in summary["goals"])
    cut = _cut_short(summary)
    lines.append(f"{proved} of {len(summary['goals'])} stated theorems proved in {summary['seconds']} s{cut}; "
                 f"wrote {display_path(run_dir)}")
    return "\n".join(lines)


def _missing(ground: dict) -> str:
    """The ground model's incomplete tables: how many entries per operation, the first few, and
    the limit that stopped it."""
    parts = []
    for op, entries in ground["missing"].items():
        shown = ", ".join(f"{args[0]} {op} {args[1]}" if len(args) == 2 else f"{op}({', '.join(map(str, args))})"
                          for args in entries[:3])
        parts.append(f"{len(entries)} of {op} ({shown}{', …' if len(entries) > 3 else ''})")
    limit = {"deadline": "the time limit"}.get(ground.get("limit"), f"its {ground.get('limit')} limit")
    return (f"ground model: table entries without a value: {', '.join(parts)}; stopped by {limit} at "
            f"{ground['numerals']} numerals; terms that need them are left out of the conjectures")


def _cut_short(summary: dict) -> str:
    """``; cut short by the time limit in STAGE`` or ``; cut short``, or nothing."""
    stage = summary.get("cut_short_stage")
    if stage is not None:
        entry = summary["stages"][stage]
        if "skipped" in entry:  # the deadline passed between two stages
            return f"; cut short by the {entry['skipped']} before {stage}"
        return f"; cut short by the {entry['cut_short']} in {stage}"
    return "; cut short" if summary.get("cut_short") else ""


@main.command()
@click.argument("file", type=_FILE)
@click.argument("text")
@click.option("--prove", "prove_", is_flag=True,
              help="Prove the candidates that survive the models, goal-directed with a bounded effort; write RUN_DIR.")
@click.option("-o", "--output", "run_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Run folder of --prove (default: runs/<file name>-formalize/; the candidates' file is RUN_DIR.mpl).")
@click.option("--time-limit", type=click.FloatRange(min=0), default=30.0, show_default=True,
              help="Seconds for the proofs of --prove, in all.")
@click.option("--max-rounds", type=click.IntRange(min=0), default=5, show_default=True,
              help="Exploration rounds (for lemmas) the proofs of --prove may use.")
@click.option("--record", type=click.Path(file_okay=False, path_type=Path),
              help="Write the recording of the model's answers into this folder (replay it with --llm-replay).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON on stdout.")
@_llm_options
def formalize(file: Path, text: str, prove_: bool, run_dir: Path | None, time_limit: float, max_rounds: int,
              record: Path | None, as_json: bool, **llm: Any) -> None:
    """Ask a language model for MPL statements saying TEXT about FILE's theory; vet each.

    Each candidate is parsed, kind-checked and evaluated on the theory's models (a refuted one
    is shown with its counterexample); with --prove, proved (exploration stops once every
    candidate is proved, else at --time-limit or --max-rounds). Model text is never trusted: it is
    only ever a candidate. Exit code 0 when a candidate survives (with --prove: is proved), 1
    when none does, 2 on bad input or a failure of the model service."""
    from genlogic.llm.formalize import ProveRequest, formalize as run, render

    if run_dir is not None and not prove_:
        raise click.UsageError("-o/--output needs --prove")
    client = _llm_client(llm)
    folder = run_dir or Path("runs") / f"{file.stem}-formalize"
    proving = ProveRequest(folder, time_limit, max_rounds) if prove_ else None
    result = run(file, text, client, proving)
    if record is not None:
        client.recording.save(record)
    if result.run is not None:
        client.recording.save(result.run / "llm")
    if as_json:
        click.echo(json.dumps(result.to_json(client), indent=2, ensure_ascii=False))
    else:
        click.echo(render(result, client))
    sys.exit(0 if result.ok else 1)


@main.command()
@click.argument("file", type=_FILE)
@click.option("--up-to", type=click.IntRange(min=0), default=8, show_default=True,
              help="Table arguments 0..N.")
@click.option("--distinct-up-to", type=click.IntRange(min=0), default=None,
              help="Prove numerals 0..N pairwise distinct (default: the --up-to value).")
@click.option("-o", "--output", "run_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Run folder (default: runs/<file name>-calc/).")
@click.option("--time-limit", type=click.FloatRange(min=0), default=60.0, show_default=True,
              help="Stop calculating after this many seconds; what is proved is written.")
def calc(file: Path, up_to: int, distinct_up_to: int | None, run_dir: Path | None, time_limit: float) -> None:
    """Prove the ground tables of FILE's binary operations on numerals 0..N.

    Numerals are the successor chain of the theory's induction schema; every table fact and
    every distinctness fact is a theorem with its own proof in RUN_DIR."""
    from genlogic.calc import render_tables, run_calc

    run_dir = run_dir or Path("runs") / f"{file.stem}-calc"
    tables, summary = run_calc(file, run_dir, up_to, distinct_up_to, time_limit)
    click.echo(render_tables(tables), nl=False)
    schema = tables.schema
    click.echo(
        f"numerals: {schema.base}, {schema.step}({schema.base}), … in {schema.carrier}; "
        f"{tables.numerals} fixed; distinct 0..{tables.distinct_up_to}"
    )
    if tables.missing:
        click.echo(f"no value found for {len(tables.missing)} entries", err=True)
    if tables.limit is not None:
        limit = "the time limit" if tables.limit.value == "deadline" else f"the {tables.limit.value} limit"
        click.echo(f"stopped by {limit}", err=True)
    click.echo(f"{summary['theorems']} theorems, {summary['steps']} steps in {summary['seconds']} s; "
               f"wrote {display_path(run_dir)}")
    sys.exit(1 if tables.missing or tables.limit is not None else 0)


@main.command()
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--theory", "theory_path", type=_FILE, help="The theory file (default: the one the run names).")
def check(run_dir: Path, theory_path: Path | None) -> None:
    """Re-check every step of RUN_DIR/proofgraph.json with the independent kernel.

    Exit code 0 only if everything checks."""
    from genlogic.check import check_run

    report = check_run(run_dir, theory_path)
    click.echo(report.render())
    sys.exit(0 if report.ok else 1)


@main.command()
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("file", type=_FILE)
@click.option("--time-limit", type=click.FloatRange(min=0), default=60.0, show_default=True,
              help="Seconds for the whole query; statements not decided by then are undecided.")
def query(run_dir: Path, file: Path, time_limit: float) -> None:
    """Does each theorem of FILE follow directly from the theorems of RUN_DIR?

    Prints, per theorem, "follows" with the run's theorems it uses, "does not follow", or
    "undecided (time limit)". Exit code 0 only if all follow."""
    from genlogic.query import query as ask

    answers = ask(run_dir, file, time_limit)
    for answer in answers:
        if answer.follows:
            used = ", ".join(answer.uses) if answer.uses else "the axioms alone"
            click.echo(f"  follows  {answer.name}  (from {used})")
        else:
            click.echo(f"  {answer.verdict.value}  {answer.name}")
    sys.exit(0 if all(a.follows for a in answers) else 1)


@main.group()
def export() -> None:
    """Export a run folder."""


@export.command("html")
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Site folder (default: RUN_DIR/html).")
@click.option("--theory", "theory_path", type=_FILE, help="The theory file (default: the one the run names).")
def export_html(run_dir: Path, out_dir: Path | None, theory_path: Path | None) -> None:
    """Write the static HTML proof browser of RUN_DIR (docs/browser.md)."""
    from web_export import ExportError, render_site

    out_dir = out_dir or run_dir / "html"
    try:
        written = render_site(run_dir, out_dir, theory_path)
    except ExportError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    click.echo(f"wrote {len(written)} files; open {display_path(out_dir / 'index.html')}")


@main.command("import-gl")
@click.argument("definitions_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("config", type=_FILE)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--anchor", "anchor_name", metavar="NAME", help="The definition that is the theory's anchor.")
def import_gl(definitions_dir: Path, config: Path, output: Path, anchor_name: str | None) -> None:
    """Convert a GL definitions folder and its JSON config into one .mpl file."""
    from genlogic.gl_import import convert

    text = convert(definitions_dir, config, anchor_name)
    load_theory(output, text)
    write_atomic(output, text)
    click.echo(f"wrote {display_path(output)}", err=True)


@main.command("import-tip")
@click.argument("file", type=_FILE)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--with-lemmas", is_flag=True,
              help="Keep TIP's lemma asserts, as stated theorems to prove before the goal.")
def import_tip(file: Path, output: Path, with_lemmas: bool) -> None:
    """Convert a TIP problem over the naturals (SMT-LIB 2.6 with prove) into one .mpl file."""
    from genlogic.tip import import_tip as convert

    text = convert(file, with_lemmas)
    load_theory(output, text)
    write_atomic(output, text)
    click.echo(f"wrote {display_path(output)}", err=True)
