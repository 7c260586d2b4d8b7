"""citex on Dask (``pip install 'citex-treaties[dask]'``): the same extraction over a Dask bag or a list
of paths, on a local or remote cluster, with the pipeline loaded once per worker process.

    >>> from distributed import Client
    >>> import citex.dask
    >>> client = Client("tcp://scheduler:8786")          # or LocalCluster(n_workers=2)
    >>> bag = citex.dask.extract_paths(["a.txt", "b.txt"]) # a dask.bag of result dicts
    >>> rows = bag.compute()                               # same dicts as citex extract's JSON lines

Results are plain dicts (``Result.to_dict()``), identical to the serial run, in input order.
"""
from __future__ import annotations

import os
from typing import Optional, Sequence, Union

import dask.bag as db

from citex.batch.tasks import Task, run_task
from citex.batch.inputs import DEFAULT_GLOBS, iter_inputs
from citex.text.read import DEFAULT_MAX_BYTES
from citex.models import Error, Result


def _extract_text(item, published, kb, ner) -> dict:
    from citex.api import default_extractor
    doc_id, text = item if isinstance(item, tuple) else (None, item)
    try:
        return default_extractor(kb, ner).extract(text, doc_id=doc_id, published=published).to_dict()
    except Exception as exc:  # never lose a document
        return Result(doc_id=doc_id, error=Error(type(exc).__name__, str(exc)[:500])).to_dict()


def extract_bag(bag: db.Bag, published=None, kb: Optional[str] = None, ner: Optional[str] = None) -> db.Bag:
    """Map a bag of texts (or ``(doc_id, text)`` pairs) to a bag of result dicts."""
    return bag.map(_extract_text, published=published, kb=kb, ner=ner)


def _run(task: Task) -> dict:
    return run_task(task).to_dict()


def extract_paths(paths: Union[Sequence[Union[str, os.PathLike]], str], published=None, kb: Optional[str] = None,
                  published_from: Optional[str] = None, max_bytes: int = DEFAULT_MAX_BYTES,
                  globs=DEFAULT_GLOBS, partition_size: int = 64, ner: Optional[str] = None) -> db.Bag:
    """A bag of result dicts for files and folders (folders: recursive, sorted, ``doc_id`` relative
    to the folder) — the same documents and order as ``citex extract PATHS``."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    tasks = [Task(doc_id=d, path=os.fspath(p), published=published, published_from=published_from, kb=kb,
                  max_bytes=max_bytes, ner=ner)
             for d, p in iter_inputs([os.fspath(p) for p in paths], globs) if p is not None]
    return db.from_sequence(tasks, partition_size=partition_size).map(_run)
