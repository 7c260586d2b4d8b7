"""Batch runs: many files → one result per file, in input order, serially, on local worker
processes, or on a Dask cluster.  Used by ``citex extract`` and :mod:`citex.dask`.

Each task is a small picklable tuple; a worker reads, decodes and extracts one file and returns
either the finished JSON line (for JSONL output: the parent only writes) or the ``Result``.
The pipeline is loaded once per worker process (``api.default_extractor`` is cached).
Local processes are managed in :mod:`citex.workers`.
"""
from __future__ import annotations

import datetime as _dt
import functools
import json
import os
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, Optional, Union

import attrs

from citex.models import Error, Result
from citex.output.writers import to_json_line
from citex.resolve.scope import filter_scope
from citex.text.read import DEFAULT_MAX_BYTES, Document, read_bytes, read_limited, read_path


class Task(NamedTuple):
    """One file to process (``path`` None means standard input)."""

    doc_id: str
    path: Optional[str]
    published: Optional[str] = None       # a fixed reference date, or None
    published_from: Optional[str] = None  # "auto" | "sidecar" | "manifest" | "mtime" | None
    kb: Optional[str] = None
    max_bytes: int = DEFAULT_MAX_BYTES
    as_line: bool = False
    ner: Optional[str] = None             # NER stage: None, "builtin", or a spaCy pipeline name/path
    text: Optional[str] = None            # the text itself (a record of a collection), instead of path
    meta: tuple = ()                      # (key, value) pairs for the result's meta: url, published
    level: Optional[str] = None           # a row level: the worker makes the rows (it has the text)
    error: Optional[tuple] = None         # (type, message): a record or folder entry that is not a document (never opened)
    scope: Optional[str] = None           # keep only "international" or "domestic" citations (None: all)

    @property
    def stdin(self) -> bool:
        """Standard input: the caller reads it and passes the bytes to :func:`run_task`."""
        return self.path is None and self.text is None and self.error is None


class Done(NamedTuple):
    """A result already serialised by a worker: the JSON line (or, for a row level, the rows), its
    citation count, failed or not."""

    line: Optional[str]
    n_citations: int
    failed: bool
    rows: Optional[list] = None


Outcome = Union[Result, Done]


def _extractor(kb: Optional[str], ner: Optional[str] = None):
    from citex.api import default_extractor
    return default_extractor(kb, ner)


SIDECAR_MAX_BYTES = 1 << 20  # a sidecar is a few bytes of JSON: a larger one (a link to /dev/zero) is ignored
MANIFEST_NAMES = ("MANIFEST.tsv", "manifest.tsv", "MANIFEST.csv", "manifest.csv")
MANIFEST_MAX_ROWS = 1_000_000  # a manifest longer than this is read no further
MANIFEST_LEVELS = 8            # how many folders up from a file a manifest is looked for


def _sidecar_date(path: str) -> Optional[str]:
    side = path + ".meta.json"
    try:
        data = read_limited(side, SIDECAR_MAX_BYTES, timeout=1.0) if os.path.exists(side) else b""
        value = json.loads(data).get("published") if 0 < len(data) <= SIDECAR_MAX_BYTES else None
        return str(value)[:10] if value else None
    except (OSError, ValueError, AttributeError, TimeoutError):
        return None


@functools.lru_cache(maxsize=256)
def _manifest_dates(folder: str) -> Optional[dict]:
    """The dates a manifest in ``folder`` gives its files (resolved path → ``YYYY-MM-DD``), or None
    when the folder has no usable manifest."""
    from citex.batch.collections import CollectionError, read_manifest
    for name in MANIFEST_NAMES:
        file = os.path.join(folder, name)
        if not os.path.isfile(file):
            continue
        dates: dict = {}
        try:
            for n, src in enumerate(read_manifest(file)):
                if n >= MANIFEST_MAX_ROWS:
                    break
                if src.published and src.path:
                    dates[os.path.realpath(src.path)] = src.published
        except (OSError, CollectionError, ValueError):
            continue
        return dates
    return None


def _manifest_date(path: str) -> Optional[str]:
    """The date the nearest manifest above ``path`` gives it (the nearest manifest decides)."""
    real = os.path.realpath(path)
    folder = os.path.dirname(real)
    for _ in range(MANIFEST_LEVELS):
        dates = _manifest_dates(folder)
        if dates is not None:
            return dates.get(real)
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return None


def published_for(task: Task) -> Optional[str]:
    """The reference date of one file: a sidecar ``<file>.meta.json`` (``{"published": "YYYY-MM-DD"}``),
    the row of a manifest (``MANIFEST.tsv``/``manifest.csv`` with columns file and date, in the file's
    folder or one above it), the file's modification date, or the fixed ``--published`` date (the
    fallback).  ``auto`` (the command line's default) tries the sidecar, then a manifest."""
    source = task.published_from
    if task.path and source in ("sidecar", "auto"):
        value = _sidecar_date(task.path)
        if value:
            return value
    if task.path and source in ("manifest", "auto"):
        value = _manifest_date(task.path)
        if value:
            return value
    if task.path and source == "mtime":
        try:
            return _dt.datetime.fromtimestamp(os.stat(task.path).st_mtime, _dt.timezone.utc).date().isoformat()
        except OSError:
            pass
    return task.published


def process(doc: Document, published, kb: Optional[str], ner: Optional[str] = None) -> Result:
    """One document → one result; any failure becomes an error record, never an exception."""
    meta = tuple(doc.meta)
    if doc.error_type:
        return Result(doc_id=doc.doc_id, error=Error(doc.error_type, doc.error_message or ""), meta=meta)
    try:
        res = _extractor(kb, ner).extract(doc.text, doc_id=doc.doc_id, published=published)
    except TimeoutError as exc:  # a pattern scan over citex.limits.REGEX_TIMEOUT: an error record, not a hang
        from citex.limits import timeout_message
        return Result(doc_id=doc.doc_id, error=Error("timeout", timeout_message(exc)), meta=meta)
    except Exception as exc:  # never lose a document
        return Result(doc_id=doc.doc_id, error=Error(type(exc).__name__, str(exc)[:500]), meta=meta)
    return attrs.evolve(res, meta=meta)


def run_task(task: Task, stdin_data: Optional[bytes] = None) -> Outcome:
    """Read, decode and extract one file (the worker entry point)."""
    if task.error is not None:
        doc = Document(task.doc_id, error_type=task.error[0], error_message=task.error[1])
    elif task.text is not None:
        doc = read_bytes(task.text.encode("utf-8", "replace"), task.doc_id, task.max_bytes)
    elif task.stdin:
        doc = read_bytes(stdin_data or b"", task.doc_id, task.max_bytes)
    else:
        doc = read_path(Path(task.path), task.doc_id, task.max_bytes)
    published = published_for(task)
    res = process(doc, published, task.kb, task.ner)
    if task.scope:
        res = filter_scope(res, task.scope)
    per_file = bool(task.published_from and published
                    and (published != task.published or task.published_from not in ("auto", "none")))
    if (per_file and res.error is None) or task.meta:
        # say which reference date a per-file source gave, and the document's own url and date
        extra = dict(task.meta, **({"published": published} if per_file else {}))
        res = attrs.evolve(res, meta=tuple(sorted(dict(res.meta, **extra).items())))
    if task.level:
        from citex.output.rows import rows
        kb = _extractor(task.kb, task.ner).linker.kb if res.citations else False
        return Done(None, len(res.citations), res.error is not None,
                    rows(res, task.level, text=doc.text, kb=kb, published=published))
    if task.as_line:
        return Done(to_json_line(res), len(res.citations), res.error is not None)
    return res


def init_worker(kb: Optional[str], ner: Optional[str] = None) -> None:
    """Load the pipeline once per worker process.  A failure here (a broken --kb file, a missing NER
    model) must not kill the worker, or the pool would restart it forever: each task then meets the
    same failure in :func:`process` and records it as that document's error."""
    try:
        _extractor(kb, ner)
    except Exception:
        pass


def run_chunk(chunk: list[Task]) -> list[Outcome]:
    """Several tasks in one go (one Dask task per chunk: the scheduler's cost per task is paid once)."""
    return [run_task(t) for t in chunk]


def dask_chunk_size(n_tasks: int, n_workers: int) -> int:
    """About 8 chunks per worker, 64 tasks at most: few enough that the scheduler's cost per task
    does not count, enough to balance the load at the end of a run."""
    return max(1, min(64, n_tasks // (max(n_workers, 1) * 8) or 1))


def run_dask(tasks: list[Task], scheduler: str, partition_size: Optional[int] = None) -> Iterator[Outcome]:
    """Outcomes in task order, computed on the Dask cluster at ``scheduler`` (``tcp://host:8786``).

    The tasks go in chunks (``partition_size`` tasks each; by default :func:`dask_chunk_size`), at
    most ``4 × workers`` chunks ahead of the oldest one not yet written, so the parent's memory stays
    flat; chunks are gathered as they complete and written in order.  A chunk the cluster could not
    compute (its workers died) gives error records, as a dead local worker does."""
    from distributed import Client, as_completed
    with Client(scheduler) as client:
        n_workers = len(client.scheduler_info().get("workers", {})) or 1
        size = partition_size or dask_chunk_size(len(tasks), n_workers)
        chunks = [tasks[i:i + size] for i in range(0, len(tasks), size)]
        window = max(2, 4 * n_workers)
        index: dict[str, int] = {}
        ready: dict[int, list] = {}
        pending = as_completed()
        submitted = nxt = 0

        def top_up() -> None:
            nonlocal submitted
            while submitted < len(chunks) and submitted < nxt + window:
                f = client.submit(run_chunk, chunks[submitted], pure=False)
                index[f.key] = submitted
                pending.add(f)
                submitted += 1

        top_up()
        for f in pending:
            i = index.pop(f.key)
            try:
                ready[i] = f.result()
            except OSError:
                raise
            except Exception as exc:  # e.g. KilledWorker: the chunk's documents get error records
                ready[i] = [_chunk_failed(t, exc) for t in chunks[i]]
            f.release()
            while nxt in ready:
                yield from ready.pop(nxt)
                nxt += 1
            top_up()


def _chunk_failed(task: Task, exc: Exception) -> Outcome:
    res = Result(doc_id=task.doc_id, error=Error("worker_died", f"the Dask cluster could not process this "
                                                 f"document's chunk: {type(exc).__name__}: {exc}"[:500]))
    return Done(to_json_line(res), 0, True) if task.as_line else res


def tasks_for(items: Iterable[tuple[str, Optional[Path]]], **kw) -> list[Task]:
    return [Task(doc_id=d, path=os.fspath(p) if p is not None else None, **kw) for d, p in items]
