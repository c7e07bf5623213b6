"""The `aligner` command: a thin click shell over aligner.api.

Exit codes: 0 success, 1 `check` found flags at or above --fail-on, 2 bad usage or bad input,
3 an internal error (a bug: rerun with ALIGNER_DEBUG=1 to see the traceback).
"""
from __future__ import annotations

import functools
import logging
import os
import sys
import warnings

import click

from . import __version__
from .errors import AlignerError, UsageError
from .limits import DEFAULT_MAX_CHARS, DEFAULT_MAX_MB, time_limit
from .write import WRITERS

EXIT_INPUT = 2
EXIT_INTERNAL = 3
EXIT_BROKEN_PIPE = 141  # what a shell reports for a process killed by SIGPIPE


def _fail(message: str, code: int = EXIT_INPUT) -> None:
    click.echo(f"aligner: error: {message}", err=True)
    sys.exit(code)


def friendly_errors(func):
    """Turn expected failures into one line on stderr and exit code 2, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from .api import LongSentencesWarning, UnrelatedTextsWarning

        shown = (UnrelatedTextsWarning, LongSentencesWarning)
        with warnings.catch_warnings(record=True) as caught:
            for category in shown:
                warnings.simplefilter("always", category)
            try:
                return func(*args, **kwargs)
            except BrokenPipeError:
                # the reader went away (`aligner check ... | head`): not our error to report
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                sys.exit(EXIT_BROKEN_PIPE)
            except (AlignerError, OSError) as exc:
                _fail(str(exc))
            except Exception as exc:  # a bug: still one line, the traceback on request
                if os.environ.get("ALIGNER_DEBUG"):
                    raise
                _fail(f"internal error ({type(exc).__name__}: {exc}); "
                      "rerun with ALIGNER_DEBUG=1 for the traceback", EXIT_INTERNAL)
            finally:
                for w in caught:
                    if issubclass(w.category, shown):
                        click.echo(f"aligner: warning: {w.message}", err=True)

    return wrapper


def default_workers() -> int:
    """2 when the machine has a second core and one core is idle (1-minute load average under
    cores - 0.5), else 1: measured on 2 cores, a second process only pays on a free core; on a
    busy machine it gained nothing and cost 5-9% more CPU (benchmarks/latency.py)."""
    cores = os.cpu_count() or 1
    if cores < 2:
        return 1
    try:
        load = os.getloadavg()[0]
    except OSError:  # no load average on this platform
        return 2
    return 2 if load < cores - 0.5 else 1


def _options(options: list):
    """A decorator applying click options in the order listed."""
    def apply(func):
        for option in reversed(options):
            func = option(func)
        return func

    return apply


def alignment_options(func):
    """The arguments and options `align` and `check` share."""
    # Plain paths: the readers refuse a directory in the one-line form; click's own check
    # printed a three-line usage error.
    arguments = [click.argument("src", type=click.Path()),
                 click.argument("tgt", type=click.Path())]
    return _options(arguments + _alignment_settings() + _limit_options())(func)


def _limit_options() -> list:
    """Guards against pathological input, for `align` and `check`."""
    return [
        _MAX_SENTENCE_CHARS,
        click.option("--timeout", type=click.FloatRange(0, min_open=True), default=None,
                     help="Give up (exit 2) when reading, aligning and checking take longer "
                          "than this many seconds."),
        click.option("--workers", type=click.IntRange(1), default=None,
                     help="Processes that embed a large document (the default encoder); small "
                          "ones are embedded in this process. Same result with any number. "
                          "Default: 2 when a second core is idle, else 1."),
    ]


_MAX_SENTENCE_CHARS = click.option(
    "--max-sentence-chars", default=DEFAULT_MAX_CHARS, show_default=True, type=click.IntRange(1),
    help="Split longer sentences into pieces (presegmented lines: embed only their first this "
         "many characters).")


def _alignment_settings() -> list:
    """The options of one alignment; `batch` takes them too."""
    return [
        click.option("--presegmented", is_flag=True,
                     help="Each input line is one sentence; bead indices are 0-based line numbers."),
        click.option("--src-lang", default="en", show_default=True, help="Language of SRC."),
        click.option("--tgt-lang", default="es", show_default=True, help="Language of TGT."),
        click.option("--encoder", default="use", show_default=True,
                     help="'use' (embedded, offline) or 'st:<model name or local path>'."),
        click.option("--max-bead", default=5, show_default=True, type=click.IntRange(2, 12),
                     help="Largest bead: source plus target sentences together."),
        click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
                     help="Keep embeddings here so re-aligning a revised draft only embeds changes."),
        click.option("--input-format", default="auto", show_default=True,
                     type=click.Choice(["auto", "text", "markdown", "docx", "html", "pdf"]),
                     help="Format of SRC and TGT; auto: from each file's suffix."),
        click.option("--max-input-mb", default=DEFAULT_MAX_MB, show_default=True,
                     type=click.FloatRange(0, min_open=True),
                     help="Refuse input files larger than this many megabytes."),
    ]


def _align_from_options(src, tgt, presegmented, src_lang, tgt_lang, encoder, max_bead, cache_dir,
                        input_format, max_input_mb, max_sentence_chars, workers):
    from .api import align

    return align(src, tgt, src_lang=src_lang, tgt_lang=tgt_lang, presegmented=presegmented,
                 encoder=encoder, max_bead=max_bead, cache_dir=cache_dir,
                 input_format=input_format, max_input_mb=max_input_mb,
                 max_sentence_chars=max_sentence_chars, workers=workers)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="aligner")
@click.option("-v", "--verbose", is_flag=True,
              help="Say on stderr how each file was read (format, encoding) and what each stage did.")
def main(verbose: bool) -> None:
    """Align English and Spanish versions of a document and flag where they disagree."""
    if verbose:
        _log_to_stderr()


def _log_to_stderr() -> None:
    # Only our own loggers: libraries (pypdf, numba, dask) stay quiet even in verbose mode.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("aligner: %(message)s"))
    logger = logging.getLogger("aligner")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)


@main.command("align")
@alignment_options
@click.option("-o", "--output", type=click.Path(), default=None,
              help="Output file (default: stdout). For moses, the prefix of the two files.")
@click.option("--format", "fmt", type=click.Choice(list(WRITERS)),
              default=None, help="Output format (default: from the -o suffix, else tsv).")
@friendly_errors
def align_command(src, tgt, presegmented, src_lang, tgt_lang, encoder, max_bead, cache_dir,
                  input_format, max_input_mb, max_sentence_chars, timeout, workers, output, fmt):
    """Align SRC with TGT sentence by sentence."""
    from .write import format_for_path, write

    fmt = fmt or (format_for_path(output) if output else None) or "tsv"
    with time_limit(timeout):
        alignment = _align_from_options(src, tgt, presegmented, src_lang, tgt_lang, encoder,
                                        max_bead, cache_dir, input_format, max_input_mb,
                                        max_sentence_chars, workers or default_workers())
    write(alignment, output, fmt)


@main.command("check")
@alignment_options
@click.option("-o", "--output", type=click.Path(), default=None,
              help="Write the report here instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(list(WRITERS)), default=None,
              help="Output format (default: from the -o suffix, else a readable text list).")
@click.option("--fail-on", type=click.Choice(["high", "medium", "low"]), default=None,
              help="Exit 1 when a flag of this severity or above is found (default: the "
                   "profile's, else medium).")
@click.option("--es-locale", type=click.Choice(["auto", "mx", "es"]), default=None,
              help="How Spanish writes decimals: mx 25.1, es 25,1, auto from the document "
                   "(default: the profile's, else auto).")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False),
              help="Terminology glossary (.csv .tsv .xlsx .tbx); repeatable.")
@click.option("--profile", "profile_path", type=click.Path(dir_okay=False), default=None,
              help="Check profile (TOML); default: aligner.toml in this folder or beside SRC.")
@click.option("--show-profile", is_flag=True,
              help="Print the effective check settings and exit.")
@friendly_errors
def check_command(src, tgt, presegmented, src_lang, tgt_lang, encoder, max_bead, cache_dir,
                  input_format, max_input_mb, max_sentence_chars, timeout, workers, output, fmt, fail_on,
                  es_locale, glossaries, profile_path, show_profile):
    """Align SRC with TGT and flag where they disagree on figures or commitments, and what
    translation QA checks (terminology, consistency, untranslated text, names, typography) find.

    Exit code 0 when no flag reaches --fail-on, 1 when some do, 2 on bad usage or input.
    """
    from .checking import check, reaches
    from .profile import find_profile
    from .write import format_for_path, write

    profile = find_profile(profile_path, src)
    if show_profile:
        _show_profile(profile, glossaries, es_locale, fail_on)
        return
    with time_limit(timeout):
        alignment = check(src, tgt, es_locale=es_locale, profile=profile, glossaries=glossaries,
                          src_lang=src_lang, tgt_lang=tgt_lang,
                          presegmented=presegmented, encoder=encoder, max_bead=max_bead,
                          cache_dir=cache_dir, input_format=input_format,
                          max_input_mb=max_input_mb, max_sentence_chars=max_sentence_chars,
                          workers=workers or default_workers())
    write(alignment, output, fmt or (format_for_path(output) if output else None) or "text")
    if reaches(alignment, fail_on or profile.fail_on or "medium"):
        sys.exit(1)


def _show_profile(profile, glossaries, es_locale, fail_on) -> None:
    import json

    settings = profile.settings()
    settings["glossaries"] += list(glossaries)
    settings["es_locale"] = es_locale or settings["es_locale"]
    settings["fail_on"] = fail_on or settings["fail_on"]
    click.echo(json.dumps(settings, indent=2, ensure_ascii=False))


@main.command("batch")
@click.argument("input_path", metavar="INPUT", type=click.Path())
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the per-pair files, summary.csv and the merged corpus.")
@click.option("--format", "formats", default="tsv", show_default=True,
              help=f"Comma-separated output formats ({', '.join(WRITERS)}).")
@click.option("--check", is_flag=True, help="Also flag disagreements (counts in summary.csv).")
@click.option("--fail-on", type=click.Choice(["high", "medium", "low"]), default=None,
              help="With --check: exit 1 when some pair has a flag of this severity or above.")
@click.option("--es-locale", type=click.Choice(["auto", "mx", "es"]), default="auto",
              show_default=True, help="How Spanish writes decimals (with --check).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1),
              help="Worker processes; 1 aligns in this process.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", default=None, help="dask scheduler address (tcp://host:port); "
              "without it --engine dask starts a local cluster of --workers processes.")
@click.option("--resume/--no-resume", default=True, show_default=True,
              help="Skip pairs an earlier run finished with the same inputs and options.")
@click.option("--min-score", type=float, default=None,
              help="Merged corpus: drop beads scoring below this.")
@click.option("--max-length-ratio", type=click.FloatRange(1), default=None,
              help="Merged corpus: drop beads whose longer side has more than R times the "
                   "characters of the shorter.")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False),
              help="With --check: terminology glossary (.csv .tsv .xlsx .tbx); repeatable.")
@click.option("--profile", type=click.Path(dir_okay=False), default=None,
              help="With --check: check profile (TOML).")
@click.option("--allow-outside", is_flag=True,
              help="Accept manifest paths outside the manifest's folder.")
@click.option("--quiet", is_flag=True, help="No progress bar and no closing summary line.")
@_options(_alignment_settings() + [_MAX_SENTENCE_CHARS])
@click.option("--timeout", type=click.FloatRange(0, min_open=True), default=None,
              help="Give up on a pair (status error) whose alignment and check take longer than "
                   "this many seconds; the others go on. Local engine only.")
@friendly_errors
def batch_command(input_path, out_dir, formats, fail_on, quiet, **options):
    """Align every pair of a CSV/TSV manifest (src,tgt[,id][,src_lang,tgt_lang]) or a folder
    (name.en.* + name.es.*, or en/ + es/ with the same names) into --out.

    Exit code 0 when every pair aligned, 1 when some failed (or, with --check --fail-on, has
    flags at that level), 2 on bad usage or a bad manifest.
    """
    from .batching import batch, echo_batch_warnings, exit_code, outcome_lines

    if fail_on and not options["check"]:
        raise UsageError("--fail-on needs --check")
    with echo_batch_warnings(lambda line: click.echo(line, err=True)):
        summary = batch(input_path, out_dir, formats=formats, quiet=quiet, **options)
    for line in outcome_lines(summary, out_dir, with_total=not quiet):
        click.echo(f"aligner: {line}", err=True)
    sys.exit(exit_code(summary, fail_on))


@main.command("evaluate")
@click.argument("pred", type=click.Path(dir_okay=False))
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--src-units", type=click.Path(dir_okay=False), default=None,
              help="Unit id of every source sentence (one per line): score at unit level.")
@click.option("--tgt-units", type=click.Path(dir_okay=False), default=None,
              help="Unit id of every target sentence; needed with --src-units.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@friendly_errors
def evaluate_command(pred, gold, src_units, tgt_units, as_json):
    """Score PRED (bead lines or aligner JSONL) against GOLD: strict and lax P/R/F1."""
    import dataclasses
    import json

    from .evaluate import score, score_units
    from .goldfile import read_beads, read_unit_ids

    if (src_units is None) != (tgt_units is None):
        raise click.UsageError("--src-units and --tgt-units go together")
    gold_beads, pred_beads = read_beads(gold), read_beads(pred)
    if src_units:
        result = score_units(gold_beads, pred_beads, read_unit_ids(src_units),
                             read_unit_ids(tgt_units))
    else:
        result = score(gold_beads, pred_beads)
    click.echo(json.dumps(dataclasses.asdict(result)) if as_json else result.format())


if __name__ == "__main__":  # pragma: no cover
    main(prog_name=os.path.basename(sys.argv[0]))
