"""What ``citex extract`` reads and writes, settled before any work: the output format and level,
the checks of ``--kb`` and ``--ner`` (a usage error, exit 2, before any document), the tasks of a run
(files, folders, collections, a manifest) and the files a folder walk left out."""
from __future__ import annotations

import os
import sys
from typing import Callable, Optional

from citex import limits
from citex.batch.collections import CollectionError, Fields, is_collection, read_collection, read_manifest
from citex.batch.inputs import Skipped, default_excludes, iter_inputs, split_globs
from citex.batch.tasks import Task
from citex.output.writers import DOCUMENTS, default_level, format_for
from citex.text.read import bounded_file_problem

SHOW = 5  # file names shown per kind of skipped file


def settle_output(a) -> Optional[str]:
    """Set ``a.format`` (from ``-o``'s extension unless ``--format``; a table on a terminal) and
    ``a.level``; the usage error when they do not go together."""
    terminal = a.output is None and a.level is None and sys.stdout.isatty()
    a.format = format_for(a.output, a.format, default="table" if terminal else "jsonl")
    a.level = a.level or default_level(a.format)
    if a.level == DOCUMENTS and a.format in ("csv", "parquet"):
        return f"--format {a.format} writes rows: --level citations, mentions, events, actions, dates or places"
    if a.format == "table" and a.level != DOCUMENTS:
        return "--format table shows documents; for rows use --format csv or jsonl with --level"
    if a.resume and (a.output is None or a.format != "jsonl" or a.level != DOCUMENTS):
        return "--resume needs -o FILE with JSON lines of documents (--format jsonl, no --level)"
    if a.format == "parquet" and a.output is None:
        return "--format parquet needs -o FILE"
    return None


def check_resources(kb: Optional[str], ner: Optional[str]) -> Optional[str]:
    """The usage error for a --kb file or --ner model that cannot be used, or None."""
    if kb:
        if not os.path.exists(kb):
            return f"no such knowledge-base file: {kb}"
        problem = bounded_file_problem(kb, limits.KB_MAX_BYTES)  # a regular file, bounded: not /dev/zero
        if problem:
            return f"knowledge-base file {kb}: {problem}"
        from citex.link.kb import KnowledgeBase
        try:
            n = len(KnowledgeBase.from_csv(kb))
        except (OSError, ValueError, KeyError, UnicodeDecodeError) as exc:
            return f"cannot use --kb {kb}: {exc}"[:400]
        if not n:
            return f"cannot use --kb {kb}: no treaty records in it (a CSV with columns id, title, …)"
    if ner and ner != "builtin":
        from citex.ner.model import load_ner
        try:
            load_ner(ner)
        except Exception as exc:  # spaCy raises OSError, ValueError, its own errors…
            return f"cannot load --ner {ner}: {exc}"[:400]
    return None


def plan(a, done: set, is_own: Callable) -> tuple[list[Task], Skipped]:
    """The tasks of a run, in the inputs' order, without those in ``done`` or our own output file;
    raises :class:`CollectionError` for a collection or manifest that cannot be used."""
    skipped = Skipped()
    fields = Fields(a.text_field, a.id_field, a.date_field, a.url_field)
    common = dict(published_from=a.published_from, kb=a.kb, max_bytes=a.max_bytes, ner=a.ner,
                  as_line=a.format == "jsonl" and a.level == DOCUMENTS,
                  level=None if a.level == DOCUMENTS or a.format == "table" else a.level)
    excludes = () if a.no_default_excludes else default_excludes()
    tasks: list[Task] = []
    several = len(a.inputs) + bool(a.manifest) > 1

    def add(sources) -> None:
        for s in sources:
            if s.doc_id not in done:
                tasks.append(Task(doc_id=s.doc_id, path=s.path, text=s.text, meta=s.meta, error=s.error,
                                  published=s.published or a.published, **common))

    for inp in a.inputs:
        if inp != "-" and is_collection(inp):
            add(read_collection(inp, fields, name=inp if several else None))
            continue
        for d, p in iter_inputs([inp], split_globs(a.glob), excludes, skipped, several=several):
            if d not in done and not is_own(p):
                tasks.append(Task(doc_id=d, path=os.fspath(p) if p is not None else None, published=a.published,
                                  **common))
    if a.manifest:
        add(read_manifest(a.manifest))
    return _unique(tasks), skipped


def _unique(tasks: list[Task]) -> list[Task]:
    seen: set[str] = set()
    out = []
    for t in tasks:
        if t.doc_id not in seen:
            seen.add(t.doc_id)
            out.append(t)
    return out


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:SHOW])
    return shown + (f" and {len(names) - SHOW} more" if len(names) > SHOW else "")


def say_skipped(skipped: Skipped, globs, quiet: bool) -> None:
    """Name what a folder walk left out (one line each kind), unless ``quiet``."""
    if quiet or not skipped:
        return
    if skipped.unmatched:
        n = len(skipped.unmatched)
        line = (f"citex: skipped {n} file{'s' * (n != 1)} matching no pattern ({' '.join(split_globs(globs))}): "
                f"{_names(skipped.unmatched)}")
        if skipped.convert_first():
            line += "; PDF and Word files must be converted to text first (e.g. pdftotext, pandoc)"
        print(line, file=sys.stderr)
    if skipped.excluded:
        n = len(skipped.excluded)
        print(f"citex: left out {n} file{'s' * (n != 1)} that are not articles: {_names(skipped.excluded)} "
              f"(--no-default-excludes reads them)", file=sys.stderr)


__all__ = ["CollectionError", "check_resources", "plan", "say_skipped", "settle_output"]
