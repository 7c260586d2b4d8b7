"""``citex extract``: files, folders or standard input → JSON lines, JSON, CSV or Parquet, with
``--resume`` after a crash and one error record per document that could not be read.

Exit codes: 0 all documents processed, 1 some documents failed (their records say
why), 2 a usage problem (missing input, unwritable output) reported in one line.
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Optional

import attrs

from citex.batch.inputs import DEFAULT_GLOBS, iter_inputs, missing_inputs
from citex.batch.tasks import Done, run_dask, run_task, tasks_for
from citex.batch.workers import Workers
from citex.output.writers import make_writer

# error types that say nothing about the document itself: --resume runs those documents again
RETRY_ON_RESUME = ("worker_died",)


def _done_ids(out: Path) -> set[str]:
    """doc_ids already in an output file, read a line at a time (flat memory, however big the file).

    A torn last line (a kill mid-write) is cut off.  Records whose error is in ``RETRY_ON_RESUME``
    are taken out of the file (rewritten next to it, then moved over it) so their documents run
    again and still appear exactly once."""
    if not out.exists():
        return set()
    _cut_torn_line(out)
    done: set[str] = set()
    retry = 0
    with open(out, "rb") as f:
        for raw in f:
            try:
                rec = json.loads(raw)
                doc_id = rec["doc_id"]
            except (ValueError, KeyError, TypeError):
                continue
            if (rec.get("error") or {}).get("type") in RETRY_ON_RESUME:
                retry += 1
                continue
            done.add(doc_id)
    if retry:
        tmp = out.with_name(out.name + ".citex-resume")
        with open(out, "rb") as src, open(tmp, "wb") as dst:
            for raw in src:
                try:
                    if (json.loads(raw).get("error") or {}).get("type") in RETRY_ON_RESUME:
                        continue
                except (ValueError, AttributeError):
                    pass
                dst.write(raw)
        os.replace(tmp, out)
    return done


def _cut_torn_line(path: Path) -> None:
    with open(path, "r+b") as f:
        size = f.seek(0, os.SEEK_END)
        if not size:
            return
        f.seek(size - 1)
        if f.read(1) == b"\n":
            return
        pos, cut = size, 0
        while pos > 0:  # back to the last newline, a block at a time
            step = min(1 << 16, pos)
            pos -= step
            f.seek(pos)
            i = f.read(step).rfind(b"\n")
            if i >= 0:
                cut = pos + i + 1
                break
        f.truncate(cut)


def cmd_extract(a) -> int:
    missing = missing_inputs(a.inputs)
    if missing:
        print(f"citex: no such file or folder: {missing[0]}", file=sys.stderr)
        return 2
    if a.kb and not os.path.isfile(a.kb):
        print(f"citex: no such knowledge-base file: {a.kb}", file=sys.stderr)
        return 2
    if a.resume and (a.output is None or a.format != "jsonl"):
        print("citex: --resume needs -o FILE with --format jsonl", file=sys.stderr)
        return 2
    if a.format == "parquet" and a.output is None:
        print("citex: --format parquet needs -o FILE", file=sys.stderr)
        return 2
    jobs = a.jobs or os.cpu_count() or 1
    # Start the workers first: they load the pipeline while this process lists the inputs.
    many = len(a.inputs) > 1 or os.path.isdir(a.inputs[0])
    parallel = jobs > 1 and not a.scheduler and "-" not in a.inputs and many
    with Workers(jobs if parallel else 1, a.kb, a.ner) as workers:
        return _extract(a, workers)


@attrs.define
class Counts:
    """What a run has written so far."""

    docs: int = 0
    citations: int = 0
    errors: int = 0


def _extract(a, workers: Workers) -> int:
    done = _done_ids(Path(a.output)) if a.resume else set()
    tasks = _plan(a, done)
    try:
        writer, stream = _open_writer(a)
    except ImportError:
        print("citex: --format parquet needs pyarrow (pip install 'citex[parquet]')", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"citex: cannot write {a.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
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


def _plan(a, done: set) -> list:
    """The tasks of this run: every input document not already done, never our own output file."""
    globs = tuple(a.glob) if a.glob else DEFAULT_GLOBS
    own = os.path.realpath(a.output) if a.output else None  # never read our own output file
    own_name = os.path.basename(own) if own else None

    def is_own(p) -> bool:
        return p is not None and p.name == own_name and os.path.realpath(p) == own

    todo = [(d, p) for d, p in iter_inputs(a.inputs, globs) if d not in done and not is_own(p)]
    return tasks_for(todo, published=a.published, published_from=a.published_from, kb=a.kb,
                     max_bytes=a.max_bytes, as_line=a.format == "jsonl", ner=a.ner)


def _open_writer(a):
    """``(writer, stream)``: the writer of ``a.format`` on ``-o`` or standard output (stream None for
    Parquet, which opens its own file)."""
    if a.format == "parquet":
        from citex.output.parquet import ParquetWriter
        return ParquetWriter(a.output, a.level), None
    # backslashreplace: text that is not valid Unicode (lone surrogates from an API caller)
    # still gives valid UTF-8 output instead of an exception mid-run
    if a.output:
        stream = open(a.output, "a" if a.resume else "w", encoding="utf-8", newline="",
                      errors="backslashreplace")
    else:
        stream = sys.stdout
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):  # not a TextIOWrapper (tests, notebooks)
            pass
    return make_writer(a.format, stream, a.level), stream


def _progress_bar(a, n_tasks: int):
    if sys.stderr.isatty() and not a.quiet and n_tasks > 1:
        try:
            from tqdm import tqdm
            return tqdm(total=n_tasks, unit="doc", file=sys.stderr)
        except ImportError:  # pragma: no cover
            return None
    return None


def _outcomes(a, tasks: list, workers: Workers):
    """The tasks' outcomes in task order: on the Dask cluster, the local workers, or serially when
    standard input is among the inputs."""
    files = [t for t in tasks if t.path is not None]
    if a.scheduler and files:
        yield from run_dask(files, a.scheduler)
        return
    if len(files) == len(tasks):
        yield from workers.imap(tasks)
        return
    for t in tasks:  # standard input among the inputs: serially, in order
        yield run_task(t, sys.stdin.buffer.read() if t.path is None else None)


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
    except KeyboardInterrupt:  # Ctrl-C: what is written is whole lines; --resume goes on from there
        print(f"citex: interrupted after {counts.docs} documents"
              + (" (run again with --resume to finish)" if _resumable(a) else ""), file=sys.stderr)
        return 130
    except OSError as exc:  # the output went bad mid-run: disk full, device gone
        print(f"citex: cannot write {a.output or 'standard output'}: {exc.strerror or exc} "
              f"(after {counts.docs} documents)", file=sys.stderr)
        return 2
    return None


def _write_one(writer, res, counts: Counts) -> None:
    if isinstance(res, Done):
        writer.write_line(res.line)
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
