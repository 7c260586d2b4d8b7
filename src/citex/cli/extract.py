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

from citex.batch.collections import is_collection
from citex.batch.inputs import missing_inputs
from citex.batch.tasks import Done, run_dask, run_task
from citex.cli.inputs import CollectionError, check_resources, plan, say_skipped, settle_output
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
    missing = missing_inputs(a.inputs + ([a.manifest] if a.manifest else []))
    problem = ("no input: give files, folders, collections, '-' or --manifest" if not a.inputs and not a.manifest
               else f"no such file or folder: {missing[0]}" if missing
               else settle_output(a) or check_resources(a.kb, a.ner))
    if problem:  # a usage error, before any work
        print(f"citex: {problem}", file=sys.stderr)
        return 2
    jobs = a.jobs or os.cpu_count() or 1
    # Start the workers first: they load the pipeline while this process lists the inputs.
    many = len(a.inputs) != 1 or os.path.isdir(a.inputs[0]) or is_collection(a.inputs[0])
    parallel = jobs > 1 and not a.scheduler and "-" not in a.inputs and many
    with Workers(jobs if parallel else 1, a.kb, a.ner) as workers:
        return _extract(a, workers)


def _extract(a, workers: Workers) -> int:
    done = _done_ids(Path(a.output)) if a.resume else set()
    own = os.path.realpath(a.output) if a.output else None  # never read our own output file
    own_name = os.path.basename(own) if own else None

    def is_own(p) -> bool:
        return p is not None and p.name == own_name and os.path.realpath(p) == own

    try:
        tasks, skipped = plan(a, done, is_own)
    except CollectionError as exc:
        print(f"citex: {exc}", file=sys.stderr)
        return 2
    say_skipped(skipped, a.glob, a.quiet)
    if not tasks and not done:
        print("citex: no documents to read" + (" (see the files skipped above)" if skipped else ""), file=sys.stderr)
        return 2
    try:
        if a.format == "parquet":
            from citex.output.parquet import ParquetWriter
            writer = ParquetWriter(a.output, a.level)
            stream = None
        else:
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
            writer = make_writer(a.format, stream, a.level, safe=a.spreadsheet)
    except ImportError:
        print("citex: --format parquet needs pyarrow (pip install pyarrow)", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"citex: cannot write {a.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    n_docs = n_cites = n_err = 0
    progress = None
    if sys.stderr.isatty() and not a.quiet and len(tasks) > 1 and a.format != "table":
        try:
            from tqdm import tqdm
            progress = tqdm(total=len(tasks), unit="doc", file=sys.stderr)
        except ImportError:  # pragma: no cover
            progress = None

    def outcomes():
        files = [t for t in tasks if not t.stdin]
        if a.scheduler and files:
            yield from run_dask(files, a.scheduler)
            return
        if len(files) == len(tasks):
            yield from workers.imap(tasks)
            return
        for t in tasks:  # standard input among the inputs: serially, in order
            yield run_task(t, sys.stdin.buffer.read() if t.stdin else None)

    try:
        source = outcomes()
        while True:
            try:
                res = next(source)
            except StopIteration:
                break
            except OSError as exc:  # e.g. the Dask scheduler cannot be reached or went away
                where = f"Dask scheduler {a.scheduler}" if a.scheduler else "reading the inputs"
                print(f"citex: {where}: {exc} (after {n_docs} documents"
                      + ("; --resume goes on from there)" if a.output and a.format == "jsonl" else ")"),
                      file=sys.stderr)
                return 2
            if isinstance(res, Done):
                writer.write_rows(res.rows) if res.rows is not None else writer.write_line(res.line)
                n_cites += res.n_citations
                n_err += res.failed
            else:
                writer.write(res)
                n_cites += len(res.citations)
                n_err += res.error is not None
            n_docs += 1
            if progress is not None:
                progress.update(1)
        writer.close()
    except BrokenPipeError:  # `citex extract … | head`
        return 0
    except KeyboardInterrupt:  # Ctrl-C: what is written is whole lines; --resume goes on from there
        print(f"citex: interrupted after {n_docs} documents"
              + (" (run again with --resume to finish)" if a.output and a.format == "jsonl" else ""),
              file=sys.stderr)
        return 130
    except OSError as exc:  # the output went bad mid-run: disk full, device gone
        print(f"citex: cannot write {a.output or 'standard output'}: {exc.strerror or exc} "
              f"(after {n_docs} documents)", file=sys.stderr)
        return 2
    finally:
        if progress is not None:
            progress.close()
        if stream is not None and stream is not sys.stdout:
            try:
                stream.close()
            except OSError:
                pass
    secs = time.perf_counter() - started
    n_bytes = 0
    for t in tasks:
        if t.path is not None:
            try:
                n_bytes += os.stat(t.path).st_size
            except OSError:
                pass
    if not a.quiet:
        skipped = f", {len(done)} skipped (already in output)" if done else ""
        print(f"citex: {n_docs} documents, {n_cites} citations, {n_err} errors{skipped}, {secs:.1f} s, "
              f"{n_bytes / 1e6 / secs if secs > 0 else 0:.2f} MB/s", file=sys.stderr)
    return 1 if n_err else 0
