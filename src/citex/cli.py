"""Command line: ``citex extract``, ``citex evaluate``, ``citex kb``.

Exit codes: 0 all documents processed, 1 some documents failed (their records say
why), 2 a usage problem (missing input, unwritable output) reported in one line.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Iterator, NamedTuple, Optional

from . import __version__
from .io import DEFAULT_GLOBS, DEFAULT_MAX_BYTES, Document, iter_inputs, missing_inputs, read_bytes, read_path
from .models import Error, Result
from .writers import CSV_LEVELS, make_writer, to_json_line

_WORKER = {}


def _extractor(kb: Optional[str]):
    from .api import _default_extractor
    return _default_extractor(kb)


def _process(doc: Document, published, kb: Optional[str]) -> Result:
    """One document → one result; any failure becomes an error record."""
    meta = tuple(doc.meta)
    if doc.error_type:
        return Result(doc_id=doc.doc_id, error=Error(doc.error_type, doc.error_message or ""), meta=meta)
    try:
        res = _extractor(kb).extract(doc.text, doc_id=doc.doc_id, published=published)
    except Exception as exc:  # never lose a document
        return Result(doc_id=doc.doc_id, error=Error(type(exc).__name__, str(exc)[:500]), meta=meta)
    return Result(doc_id=res.doc_id, citations=res.citations, dates=res.dates, places=res.places, meta=meta)


def _work(args):
    """Worker entry point: read and extract one path.  For JSON lines the worker also serialises,
    so the parent only writes: (json line, number of citations, failed?)."""
    doc_id, path, published, kb, max_bytes, as_line = args
    res = _process(read_path(Path(path), doc_id, max_bytes), published, kb)
    if as_line:
        return Done(to_json_line(res), len(res.citations), res.error is not None)
    return res


class Done(NamedTuple):
    """A result already serialised by a worker."""

    line: str
    n_citations: int
    failed: bool


def _documents(inputs, globs, max_bytes) -> Iterator[tuple[str, Optional[Path]]]:
    yield from iter_inputs(inputs, globs)


def _done_ids(out: Path) -> set[str]:
    """doc_ids already in an output file; a torn last line is cut off."""
    if not out.exists():
        return set()
    data = out.read_bytes()
    if data and not data.endswith(b"\n"):
        cut = data.rfind(b"\n") + 1
        with open(out, "r+b") as f:
            f.truncate(cut)
        data = data[:cut]
    done = set()
    for line in data.decode("utf-8", errors="replace").splitlines():
        try:
            done.add(json.loads(line)["doc_id"])
        except (ValueError, KeyError, TypeError):
            continue
    return done


def cmd_extract(a) -> int:
    missing = missing_inputs(a.inputs)
    if missing:
        print(f"citex: no such file or folder: {missing[0]}", file=sys.stderr)
        return 2
    if a.resume and (a.output is None or a.format != "jsonl"):
        print("citex: --resume needs -o FILE with --format jsonl", file=sys.stderr)
        return 2
    globs = tuple(a.glob) if a.glob else DEFAULT_GLOBS
    done = _done_ids(Path(a.output)) if a.resume else set()
    try:
        stream = open(a.output, "a" if a.resume else "w", encoding="utf-8", newline="") if a.output else sys.stdout
    except OSError as exc:
        print(f"citex: cannot write {a.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    writer = make_writer(a.format, stream, a.level)
    started = time.perf_counter()
    n_docs = n_cites = n_err = n_bytes = 0
    todo = [(d, p) for d, p in _documents(a.inputs, globs, a.max_bytes) if d not in done]
    progress = None
    if sys.stderr.isatty() and not a.quiet and len(todo) > 1:
        try:
            from tqdm import tqdm
            progress = tqdm(total=len(todo), unit="doc", file=sys.stderr)
        except ImportError:  # pragma: no cover
            progress = None

    def results() -> Iterator[Result]:
        files = [(d, p) for d, p in todo if p is not None]
        jobs = a.jobs or os.cpu_count() or 1
        if jobs > 1 and len(files) > 1 and len(files) == len(todo):
            from concurrent.futures import ProcessPoolExecutor
            as_line = a.format == "jsonl"
            args = [(d, os.fspath(p), a.published, a.kb, a.max_bytes, as_line) for d, p in files]
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                # map keeps the input (sorted) order whatever the number of jobs
                yield from pool.map(_work, args, chunksize=max(1, min(32, len(args) // (jobs * 8) or 1)))
            return
        for doc_id, path in todo:
            if path is None:
                doc = read_bytes(sys.stdin.buffer.read(), doc_id, a.max_bytes)
            else:
                doc = read_path(path, doc_id, a.max_bytes)
            yield _process(doc, a.published, a.kb)

    try:
        for res in results():
            if isinstance(res, Done):
                writer.write_line(res[0])
                n_cites += res[1]
                n_err += res[2]
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
    finally:
        if progress is not None:
            progress.close()
        if stream is not sys.stdout:
            stream.close()
    secs = time.perf_counter() - started
    for d, p in todo:
        if p is not None:
            try:
                n_bytes += p.stat().st_size
            except OSError:
                pass
    if not a.quiet:
        skipped = f", {len(done)} skipped (already in output)" if done else ""
        print(f"citex: {n_docs} documents, {n_cites} citations, {n_err} errors{skipped}, {secs:.1f} s, "
              f"{n_bytes / 1e6 / secs if secs > 0 else 0:.2f} MB/s", file=sys.stderr)
    return 1 if n_err else 0


def cmd_evaluate(a, rest) -> int:
    from .evaluate import cli as eval_cli
    return eval_cli(rest)


def cmd_kb(rest) -> int:
    from .kb import cli as kb_cli
    return kb_cli(rest)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="citex", description="Find the treaties, conventions and protocols a text cites.")
    p.add_argument("--version", action="version", version=f"citex {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="extract citations from files, folders or standard input ('-')")
    e.add_argument("inputs", nargs="+", help="files, folders (recursive) or '-' for standard input")
    e.add_argument("-o", "--output", help="write here instead of standard output")
    e.add_argument("-f", "--format", choices=("jsonl", "json", "csv"), default="jsonl")
    e.add_argument("--level", choices=CSV_LEVELS, default="citations", help="rows of the CSV output")
    e.add_argument("--published", help="reference date (YYYY-MM-DD) for relative dates like 'last year'")
    e.add_argument("--kb", help="CSV of extra treaty records merged over the bundled knowledge base")
    e.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: all cores)")
    e.add_argument("--glob", action="append", help=f"file patterns in folders (default: {' '.join(DEFAULT_GLOBS)})")
    e.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="larger files give an error record")
    e.add_argument("--resume", action="store_true", help="skip documents already in the -o file")
    e.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    sub.add_parser("evaluate", help="precision/recall on annotated cases (see citex evaluate -h)", add_help=False)
    sub.add_parser("kb", help="search or show the treaty knowledge base", add_help=False)
    return p


def main(argv: Optional[list[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "evaluate":
        return cmd_evaluate(None, argv[1:])
    if argv and argv[0] == "kb":
        return cmd_kb(argv[1:])
    a = build_parser().parse_args(argv)
    if a.published:
        from .grammar.dates import parse_published
        try:
            parse_published(a.published)
        except ValueError as exc:
            print(f"citex: {exc}", file=sys.stderr)
            return 2
    return cmd_extract(a)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
