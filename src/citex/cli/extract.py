"""``citex extract``: files, folders, collections (JSONL, CSV, Parquet) or standard input → JSON
lines, JSON, CSV, Parquet or a table, with
``--resume`` after a crash and one error record per document that could not be read.

Exit codes: 0 all documents processed, 1 some documents failed (their records say
why), 2 a usage problem (missing input, unwritable output) reported in one line.
"""
from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from pathlib import Path
from typing import Optional

import attrs

from citex.batch.collections import is_collection
from citex.batch.inputs import missing_inputs, split_globs
from citex.batch.tasks import Done, run_dask, run_task
from citex.batch.workers import Workers
from citex.cli.inputs import CollectionError, check_resources, plan, say_skipped, settle_output
from citex.cli.outfile import OutputError, OutputLock, open_writer_or_say, output_problem, resume
from citex.text.read import special_problem


class Stopped(KeyboardInterrupt):
    """SIGTERM: handled as Ctrl-C is (exit code 143 instead of 130)."""


def _on_sigterm(signum, frame):
    raise Stopped()


def cmd_extract(a) -> int:
    globs = split_globs(a.glob)
    problem = _usage_problem(a, globs)
    if problem:  # before anything is opened, created or read
        print(f"citex: {problem}", file=sys.stderr)
        return 2
    jobs = a.jobs or os.cpu_count() or 1
    many = len(a.inputs) != 1 or os.path.isdir(a.inputs[0]) or is_collection(a.inputs[0])
    parallel = jobs > 1 and not a.scheduler and "-" not in a.inputs and many
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        with contextlib.ExitStack() as stack:
            if a.output and (os.path.isfile(a.output) or not os.path.exists(a.output)):
                stack.enter_context(OutputLock(a.output))  # a file (not /dev/null, a FIFO): one writer
            done = resume(Path(a.output)) if a.resume else set()
            # Start the workers first: they load the pipeline while this process lists the inputs.
            workers = stack.enter_context(Workers(jobs if parallel else 1, a.kb, a.ner, watchdog=a.watchdog))
            return _extract(a, workers, done)
    except OutputError as exc:
        print(f"citex: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:  # before the run started (locking, resuming, loading)
        print("citex: " + ("terminated" if isinstance(exc, Stopped) else "interrupted"), file=sys.stderr)
        return 143 if isinstance(exc, Stopped) else 130
    finally:
        signal.signal(signal.SIGTERM, previous)


def _usage_problem(a, globs) -> Optional[str]:
    """The one usage error (exit 2) of a command line, found before any work, or None."""
    if not a.inputs and not a.manifest:
        return "no input: give files, folders, collections, '-' or --manifest"
    missing = missing_inputs(a.inputs + ([a.manifest] if a.manifest else []))
    if missing:
        return f"no such file or folder: {missing[0]}"
    return settle_output(a) or check_resources(a.kb, a.ner) or output_problem(a.output, a.inputs, globs)


@attrs.define
class Counts:
    """What a run has written so far."""

    docs: int = 0
    citations: int = 0
    errors: int = 0


def _extract(a, workers: Workers, done: set) -> int:
    try:
        tasks, skipped = _plan(a, done)
    except CollectionError as exc:
        print(f"citex: {exc}", file=sys.stderr)
        return 2
    say_skipped(skipped, a.glob, a.quiet)
    if not tasks and not done:
        print("citex: no documents to read" + (" (see the files skipped above)" if skipped else ""), file=sys.stderr)
        return 2
    opened = open_writer_or_say(a)
    if opened is None:
        return 2
    writer, stream = opened
    started = time.perf_counter()
    counts = Counts()
    progress = _progress_bar(a, len(tasks))
    try:
        code = _write_all(a, writer, _outcomes(a, tasks, workers), counts, progress)
    finally:
        if progress is not None:
            progress.close()
        if stream is not None and stream is not sys.stdout:
            try:
                stream.close()
            except OSError:
                pass
    if code is not None:
        return code
    if not a.quiet:
        _summary(tasks, done, counts, time.perf_counter() - started)
    return 1 if counts.errors else 0


def _plan(a, done: set) -> tuple:
    """``(tasks, skipped)``: every input document not already done (files, folders, collections, a
    manifest), never our own output file; an entry of a folder that is not a document (a FIFO, a
    device, a broken link) gets an error."""
    own = os.path.realpath(a.output) if a.output else None  # never read our own output file
    own_name = os.path.basename(own) if own else None

    def is_own(p) -> bool:
        return p is not None and p.name == own_name and os.path.realpath(p) == own

    given = {os.path.normpath(i) for i in a.inputs if i != "-"}
    tasks, skipped = plan(a, done, is_own)
    for i, t in enumerate(tasks):
        why = special_problem(Path(t.path)) if t.path is not None and os.path.normpath(t.path) not in given else None
        if why and t.error is None:
            tasks[i] = t._replace(error=("unreadable", why))
    return tasks, skipped


def _progress_bar(a, n_tasks: int):
    if sys.stderr.isatty() and not a.quiet and n_tasks > 1 and a.format != "table":
        try:
            from tqdm import tqdm
            return tqdm(total=n_tasks, unit="doc", file=sys.stderr)
        except ImportError:  # pragma: no cover
            return None
    return None


def _outcomes(a, tasks: list, workers: Workers):
    """The tasks' outcomes in task order: on the Dask cluster, the local workers, or serially when
    standard input is among the inputs."""
    files = [t for t in tasks if not t.stdin]
    if a.scheduler and files:
        yield from run_dask(files, a.scheduler)
        return
    if len(files) == len(tasks):
        yield from workers.imap(tasks)
        return
    for t in tasks:  # standard input among the inputs: serially, in order
        # standard input is bounded like files are: at most one byte over --max-bytes is read
        yield run_task(t, sys.stdin.buffer.read(a.max_bytes + 1) if t.stdin else None)


def _resumable(a) -> bool:
    return bool(a.output) and a.format == "jsonl"


def _write_all(a, writer, source, counts: Counts, progress) -> Optional[int]:
    """Write every outcome; None when all went well, else the exit code (the message printed)."""
    try:
        while True:
            try:
                res = next(source)
            except StopIteration:
                break
            except OSError as exc:  # e.g. the Dask scheduler cannot be reached or went away
                where = f"Dask scheduler {a.scheduler}" if a.scheduler else "reading the inputs"
                print(f"citex: {where}: {exc} (after {counts.docs} documents"
                      + ("; --resume goes on from there)" if _resumable(a) else ")"), file=sys.stderr)
                return 2
            _write_one(writer, res, counts)
            if progress is not None:
                progress.update(1)
        writer.close()
    except BrokenPipeError:  # `citex extract … | head`
        return 0
    except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM
        return _interrupted(a, writer, counts, isinstance(exc, Stopped))
    except OSError as exc:  # the output went bad mid-run: disk full, device gone
        print(f"citex: cannot write {a.output or 'standard output'}: {exc.strerror or exc} "
              f"(after {counts.docs} documents)", file=sys.stderr)
        return 2
    return None


def _interrupted(a, writer, counts: Counts, terminated: bool) -> int:
    """JSON lines: what is written is whole lines, ready for --resume.  JSON, CSV and Parquet: the
    file is closed as a valid one (the array, the Parquet footer), said to be partial."""
    how = "terminated" if terminated else "interrupted"
    note = " (run again with --resume to finish)" if _resumable(a) else ""
    if a.format != "jsonl":
        # no second signal in the middle of the closing bytes
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            writer.close()
            note = (f": {a.output or 'the output'} is valid {a.format.upper()} but partial (only JSON lines "
                    f"output can be resumed: run again, or use --format jsonl with --resume)")
        except Exception as exc:  # the stream itself went bad
            note = f": {a.output or 'the output'} is incomplete ({exc})"
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    print(f"citex: {how} after {counts.docs} documents{note}", file=sys.stderr)
    return 143 if terminated else 130


def _write_one(writer, res, counts: Counts) -> None:
    if isinstance(res, Done):
        writer.write_rows(res.rows) if res.rows is not None else writer.write_line(res.line)
        counts.citations += res.n_citations
        counts.errors += res.failed
    else:
        writer.write(res)
        counts.citations += len(res.citations)
        counts.errors += res.error is not None
    counts.docs += 1


def _summary(tasks: list, done: set, counts: Counts, secs: float) -> None:
    n_bytes = 0
    for t in tasks:
        if t.path is not None:
            try:
                n_bytes += os.stat(t.path).st_size
            except OSError:
                pass
    skipped = f", {len(done)} skipped (already in output)" if done else ""
    print(f"citex: {counts.docs} documents, {counts.citations} citations, {counts.errors} errors{skipped}, "
          f"{secs:.1f} s, {n_bytes / 1e6 / secs if secs > 0 else 0:.2f} MB/s", file=sys.stderr)
