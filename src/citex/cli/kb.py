"""``citex kb search TEXT`` and ``citex kb show ID``: query the treaty knowledge base."""
from __future__ import annotations

import json
import sys
from typing import Optional

from citex.link.kb import KnowledgeBase, Record


def _format_record(r: Record, kb: KnowledgeBase) -> str:
    lines = [f"{r.id}  {r.title}"]
    fields = [
        ("aliases", "; ".join(r.aliases)), ("kind", r.kind), ("adopted", r.adopted),
        ("place", r.place), ("organisation", r.organisation),
        ("entry into force", r.entry_into_force),
        ("parent", f"{r.parent}  {kb.get(r.parent).title}" if r.parent and kb.get(r.parent) else r.parent),
        ("protocol number", r.protocol_number), ("other ids", ", ".join(r.other_ids)),
        ("wikidata", r.wikidata), ("url", r.url), ("source", r.source),
        ("matchable", None if r.matchable else "no"), ("same as", r.same_as),
    ]
    for label, value in fields:
        if value not in (None, ""):
            lines.append(f"  {label + ':':<17} {value}")
    kids = kb.children(r.id)
    if kids:
        lines.append(f"  {'children:':<17} {len(kids)}")
        for c in kids:
            pn = f"No. {c.protocol_number}  " if c.protocol_number is not None else ""
            lines.append(f"    {c.id:<16} {pn}{c.title}")
    return "\n".join(lines)


def main(argv: list[str], kb: Optional[KnowledgeBase] = None) -> int:
    """``citex kb search TEXT [--limit N] [--json]`` and ``citex kb show ID [--json]``.

    ``argv`` is what follows ``kb``.  Returns the exit status (2 for an unknown id
    or bad arguments).
    """
    import argparse
    parser = argparse.ArgumentParser(prog="citex kb", description="Query the treaty knowledge base.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_search = sub.add_parser("search", help="search titles and aliases")
    p_search.add_argument("text", nargs="+")
    p_search.add_argument("--limit", type=int, default=10)
    p_search.add_argument("--json", action="store_true")
    p_show = sub.add_parser("show", help="show one record")
    p_show.add_argument("id", nargs="+")
    p_show.add_argument("--json", action="store_true")
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    kb = kb or KnowledgeBase.bundled()
    if args.command == "search":
        hits = kb.scored_search(" ".join(args.text), limit=args.limit)
        if args.json:
            print(json.dumps([{"score": s, **r.to_dict()} for r, s in hits], ensure_ascii=False, indent=2))
        else:
            for r, s in hits:
                date = f" ({r.adopted})" if r.adopted else ""
                print(f"{s:6.3f}  {r.id:<18} {r.title}{date}")
        return 0
    rid = " ".join(args.id)
    r = kb.get(rid)
    if r is None:  # not an id: a title, an alias or an acronym ("ECHR")
        named = kb.lookup(rid)
        if len(named) != 1:
            print(f"citex kb: no record with the id or name {rid!r}" if not named else
                  f"citex kb: {len(named)} records are named {rid!r}: {', '.join(x.id for x in named)}",
                  file=sys.stderr)
            return 2
        r = named[0]
    if args.json:
        print(json.dumps({**r.to_dict(), "children": [c.id for c in kb.children(r.id)]},
                         ensure_ascii=False, indent=2))
    else:
        print(_format_record(r, kb))
    return 0
