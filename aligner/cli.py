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
from .limits import DEFAULT_MATCH_SCORE, DEFAULT_MAX_BEAD, DEFAULT_MAX_CHARS, DEFAULT_MAX_MB, time_limit
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
        from .review import StaleDecisionWarning

        shown = (UnrelatedTextsWarning, LongSentencesWarning, StaleDecisionWarning)
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
    return _options(arguments + _alignment_settings() + _limit_options() + [_REVIEW])(func)


_REVIEW = click.option(
    "--review", "review_path", type=click.Path(dir_okay=False), default=None,
    help="Review file (from `aligner review`): keep its confirmed and hand-made beads, mark the "
         "flags it dismissed (they do not count toward --fail-on); stale decisions are listed "
         "on stderr.")


def _read_review(path):
    """The review file, read before any work so a malformed one stops the run at once."""
    if path is None:
        return None
    from .review import read_review

    return read_review(path)


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
        click.option("--max-bead", default=DEFAULT_MAX_BEAD, show_default=True, type=click.IntRange(2, 12),
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
                        input_format, max_input_mb, max_sentence_chars, review=None, workers=1):
    from .api import align

    return align(src, tgt, src_lang=src_lang, tgt_lang=tgt_lang, presegmented=presegmented,
                 encoder=encoder, max_bead=max_bead, cache_dir=cache_dir,
                 input_format=input_format, max_input_mb=max_input_mb,
                 max_sentence_chars=max_sentence_chars, review=review, workers=workers)


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
                  input_format, max_input_mb, max_sentence_chars, timeout, review_path, workers,
                  output, fmt):
    """Align SRC with TGT sentence by sentence."""
    from .write import format_for_path, write

    fmt = fmt or (format_for_path(output) if output else None) or "tsv"
    review = _read_review(review_path)
    with time_limit(timeout):
        alignment = _align_from_options(src, tgt, presegmented, src_lang, tgt_lang, encoder,
                                        max_bead, cache_dir, input_format, max_input_mb,
                                        max_sentence_chars, review, workers or default_workers())
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
                  input_format, max_input_mb, max_sentence_chars, timeout, review_path, workers,
                  output, fmt, fail_on, es_locale, glossaries, profile_path, show_profile):
    """Align SRC with TGT and flag where they disagree on figures or commitments, and what
    translation QA checks (terminology, consistency, untranslated text, names, typography) find.

    Exit code 0 when no open flag reaches --fail-on, 1 when some do, 2 on bad usage or input.
    """
    from .checking import check, reaches
    from .profile import find_profile
    from .write import format_for_path, write

    profile = find_profile(profile_path, src)
    if show_profile:
        _show_profile(profile, glossaries, es_locale, fail_on)
        return
    review = _read_review(review_path)
    with time_limit(timeout):
        alignment = check(src, tgt, es_locale=es_locale, profile=profile, glossaries=glossaries,
                          review=review,
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


@main.command("review")
@alignment_options
@click.option("--es-locale", type=click.Choice(["auto", "mx", "es"]), default=None,
              help="How Spanish writes decimals (default: the profile's, else auto).")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False),
              help="Terminology glossary (.csv .tsv .xlsx .tbx); repeatable.")
@click.option("--profile", "profile_path", type=click.Path(dir_okay=False), default=None,
              help="Check profile (TOML); default: aligner.toml in this folder or beside SRC.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; only loopback unless --allow-remote.")
@click.option("--port", default=0, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on; 0 picks a free one.")
@click.option("--allow-remote", is_flag=True,
              help="Allow a --host other machines can reach (anyone with the URL can edit).")
@click.option("--no-browser", is_flag=True, help="Only print the URL; do not open a browser.")
@friendly_errors
def review_command(src, tgt, presegmented, src_lang, tgt_lang, encoder, max_bead, cache_dir,
                   input_format, max_input_mb, max_sentence_chars, timeout, review_path, workers,
                   es_locale, glossaries, profile_path, host, port, allow_remote, no_browser):
    """Review SRC against TGT in the browser: fix beads, dismiss false flags, export.

    Every decision is saved at once in --review FILE (default: <SRC stem>.review.json beside
    SRC), which `align` and `check` take with --review. Prints the URL on stdout; Ctrl-C stops.
    """
    from pathlib import Path

    from .embed import get_encoder
    from .profile import find_profile
    from .review import default_path
    from .reviewapp.server import is_loopback, serve
    from .reviewapp.session import Session, Settings

    if not is_loopback(host):
        if not allow_remote:
            raise UsageError(f"--host {host} is not a loopback address: add --allow-remote to "
                             "let other machines reach the review (anyone with the URL can edit)")
        click.echo(f"aligner: warning: serving on {host}: anyone who has the URL can read and "
                   "change this review", err=True)
    path = Path(review_path) if review_path else default_path(src)
    settings = Settings(Path(src), Path(tgt), path,
                        dict(src_lang=src_lang, tgt_lang=tgt_lang, presegmented=presegmented,
                             max_bead=max_bead, input_format=input_format,
                             max_input_mb=max_input_mb, max_sentence_chars=max_sentence_chars),
                        es_locale, find_profile(profile_path, src), tuple(glossaries))
    with time_limit(timeout):
        session = Session(settings, get_encoder(encoder, cache_dir, workers or default_workers()))
    for stale in session.stale():
        click.echo(f"aligner: warning: {stale.line()}", err=True)
    serve(session, host, port, not no_browser, click.echo)


@main.command("batch")
@click.argument("input_path", metavar="INPUT", type=click.Path())
@click.argument("tgt_dir", metavar="[TGT_DIR]", required=False, type=click.Path())
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
@click.option("--min-length", type=click.IntRange(0), default=None,
              help="Merged corpus: drop beads with a side of fewer characters.")
@click.option("--max-length", type=click.IntRange(0), default=None,
              help="Merged corpus: drop beads with a side of more characters.")
@click.option("--lang-id", is_flag=True,
              help="Merged corpus: drop beads with a side clearly in another language "
                   "(py3langid; sides under 4 words are kept).")
@click.option("--dedup", is_flag=True,
              help="Merged corpus: drop sentence pairs seen before, exactly (after case and "
                   "spacing) or nearly (also numbers, punctuation, accents).")
@click.option("--drop-flagged", type=click.Choice(["high", "medium", "low"]), default=None,
              help="With --check, merged corpus: drop beads with a figure, commitment, "
                   "omission or addition flag of this severity or above.")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False),
              help="With --check: terminology glossary (.csv .tsv .xlsx .tbx); repeatable.")
@click.option("--profile", type=click.Path(dir_okay=False), default=None,
              help="With --check: check profile (TOML).")
@click.option("--allow-outside", is_flag=True,
              help="Accept manifest paths outside the manifest's folder.")
@click.option("--quiet", is_flag=True, help="No progress bar and no closing summary line.")
@click.option("--match", "match_folders", is_flag=True,
              help="INPUT and TGT_DIR are two folders of unpaired documents: pair them first "
                   "(as `aligner match`, manifest in --out/match.csv), then align the pairs.")
@click.option("--match-min-score", type=click.FloatRange(0, 1), default=DEFAULT_MATCH_SCORE,
              show_default=True, help="With --match: the least share of sentences with a "
                                      "confident counterpart for two documents to pair.")
@_options(_alignment_settings() + [_MAX_SENTENCE_CHARS])
@click.option("--timeout", type=click.FloatRange(0, min_open=True), default=None,
              help="Give up on a pair (status error) whose alignment and check take longer than "
                   "this many seconds; the others go on. Local engine only.")
@friendly_errors
def batch_command(input_path, tgt_dir, out_dir, formats, fail_on, quiet, match_folders,
                  match_min_score, **options):
    """Align every pair of a CSV/TSV manifest (src,tgt[,id][,src_lang,tgt_lang]) or a folder
    (name.en.* + name.es.*, or en/ + es/ with the same names) into --out; with --match, of
    the pairs found in two folders of unpaired documents (INPUT and TGT_DIR).

    Exit code 0 when every pair aligned, 1 when some failed (or, with --check --fail-on, has
    flags at that level), 2 on bad usage or a bad manifest.
    """
    from .batching import batch, echo_batch_warnings, exit_code, outcome_lines

    if fail_on and not options["check"]:
        raise UsageError("--fail-on needs --check")
    if match_folders != (tgt_dir is not None):
        raise UsageError("--match takes two folders (INPUT and TGT_DIR); without --match "
                         "give one manifest or folder")
    with echo_batch_warnings(lambda line: click.echo(line, err=True)):
        if match_folders:
            from .matching.then_batch import match_then_batch

            result, summary = match_then_batch(input_path, tgt_dir, out_dir, formats=formats,
                                               quiet=quiet, match_min_score=match_min_score,
                                               **options)
            click.echo(f"aligner: {_match_line(result, os.path.join(out_dir, 'match.csv'))}",
                       err=True)
        else:
            summary = batch(input_path, out_dir, formats=formats, quiet=quiet, **options)
    for line in outcome_lines(summary, out_dir, with_total=not quiet):
        click.echo(f"aligner: {line}", err=True)
    sys.exit(exit_code(summary, fail_on))


@main.command("match")
@click.argument("src_dir", type=click.Path())
@click.argument("tgt_dir", type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The batch manifest to write (.csv or .tsv); the documents left without a "
                   "counterpart go to <name>.unmatched.csv beside it.")
@click.option("--min-score", type=click.FloatRange(0, 1), default=DEFAULT_MATCH_SCORE,
              show_default=True, help="The least share of sentences (both documents) with a "
                                      "confident counterpart for two documents to pair.")
@click.option("--candidates", default=5, show_default=True, type=click.IntRange(1),
              help="Nearest documents (by mean embedding) scored sentence by sentence.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1),
              help="Worker processes reading and embedding the documents.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", default=None, help="dask scheduler address (tcp://host:port).")
@click.option("--src-lang", default="en", show_default=True, help="Language of SRC_DIR.")
@click.option("--tgt-lang", default="es", show_default=True, help="Language of TGT_DIR.")
@click.option("--encoder", default="use", show_default=True,
              help="'use' (embedded, offline) or 'st:<model name or local path>'.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="Keep embeddings here; `aligner batch` with the same folder reuses them.")
@click.option("--input-format", default="auto", show_default=True,
              type=click.Choice(["auto", "text", "markdown", "docx", "html", "pdf"]))
@click.option("--max-input-mb", default=DEFAULT_MAX_MB, show_default=True,
              type=click.FloatRange(0, min_open=True))
@click.option("--presegmented", is_flag=True, help="Each input line is one sentence.")
@_options([_MAX_SENTENCE_CHARS])
@friendly_errors
def match_command(src_dir, tgt_dir, output, **options):
    """Find which documents of SRC_DIR and TGT_DIR (every file, in any input format, in
    sub-folders too) translate each other, and write them as a manifest for `aligner batch`.

    Documents without a counterpart are listed, never paired. Exit code 0, 2 on bad input.
    """
    from .matching import match

    result = match(src_dir, tgt_dir, output, **options)
    click.echo(f"aligner: {_match_line(result, output)}", err=True)


def _match_line(result, output) -> str:
    unreadable = sum(u.reason != "no counterpart" for u in result.unmatched)
    alone = len(result.unmatched) - unreadable
    return (f"{len(result.pairs)} document pairs, {alone} documents without a counterpart, "
            f"{unreadable} unreadable; see {output}")


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
