"""Batch runs: many files → one result per file, in input order, serially, on local worker
processes, or on a Dask cluster.  Used by ``citex extract`` and :mod:`citex.dask`.

Each task is a small picklable tuple; a worker reads, decodes and extracts one file and returns
either the finished JSON line (for JSONL output: the parent only writes) or the ``Result``.
The pipeline is loaded once per worker process (``api.default_extractor`` is cached).
Local processes are managed in :mod:`citex.workers`.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, Optional, Union

import attrs

from citex.models import Error, Result
from citex.output.writers import to_json_line
from citex.text.read import DEFAULT_MAX_BYTES, Document, read_bytes, read_path


class Task(NamedTuple):
    """One file to process (``path`` None means standard input)."""

    doc_id: str
    path: Optional[str]
    published: Optional[str] = None       # a fixed reference date, or None
    published_from: Optional[str] = None  # "sidecar" | "mtime" | None
    kb: Optional[str] = None
    max_bytes: int = DEFAULT_MAX_BYTES
    as_line: bool = False
    ner: Optional[str] = None             # NER stage: None, "builtin", or a spaCy pipeline name/path


class Done(NamedTuple):
    """A result already serialised by a worker: the JSON line, its citation count, failed or not."""

    line: str
    n_citations: int
    failed: bool


Outcome = Union[Result, Done]


def _extractor(kb: Optional[str], ner: Optional[str] = None):
    from citex.api import default_extractor
    return default_extractor(kb, ner)


def published_for(task: Task) -> Optional[str]:
    """The reference date of one file: a sidecar ``<file>.meta.json`` (``{"published": "YYYY-MM-DD"}``),
    the file's modification date, or the fixed ``--published`` date (the fallback)."""
    if task.path and task.published_from == "sidecar":
        side = Path(task.path + ".meta.json")
        try:
            value = json.loads(side.read_text(encoding="utf-8")).get("published")
            if value:
                return str(value)[:10]
        except (OSError, ValueError, AttributeError):
            pass
    if task.path and task.published_from == "mtime":
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
    if task.path is None:
        doc = read_bytes(stdin_data or b"", task.doc_id, task.max_bytes)
    else:
        doc = read_path(Path(task.path), task.doc_id, task.max_bytes)
    published = published_for(task)
    res = process(doc, published, task.kb, task.ner)
    if task.published_from and published and res.error is None:
        # say which reference date a per-file source gave
        res = attrs.evolve(res, meta=tuple(sorted(dict(res.meta, published=published).items())))
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


def run_dask(tasks: list[Task], scheduler: str, partition_size: int = 64) -> Iterator[Outcome]:
    """Outcomes in task order, computed on the Dask cluster at ``scheduler`` (``tcp://host:8786``),
    one partition at a time so the parent's memory stays flat."""
    from distributed import Client
    with Client(scheduler) as client:
        for i in range(0, len(tasks), partition_size * 8):
            block = tasks[i:i + partition_size * 8]
            futures = client.map(run_task, block, batch_size=partition_size, pure=False)
            for f in futures:
                yield f.result()
                f.release()


def tasks_for(items: Iterable[tuple[str, Optional[Path]]], **kw) -> list[Task]:
    return [Task(doc_id=d, path=os.fspath(p) if p is not None else None, **kw) for d, p in items]
