"""The last step of resolution: items → one citation per instrument (same id, title or defined
short form), with every mention and every event."""
from __future__ import annotations

from typing import Optional

import attrs
import regex

from citex.link.names import name_key
from citex.link.result import NO_LINK
from citex.models import Citation, Event, Mention
from citex.resolve.references import plural_name
from citex.resolve.items import Item
from citex.resolve.scope import scope_of
from citex.vocab import lower_words

WORD = regex.compile(r"[^\W_]+")
SHORTER_GROUP_MAX = 32   # names sharing their first two words: more than this is no news article (no merge)
TITLE_SMALL = lower_words("instruments/title_small_words")


def _norm(s: str) -> str:
    return " ".join(s.split())


def _keys(items: list[Item]) -> list[str]:
    """Merge keys: the linked id if any (also for an unlinked variant of a linked name), else the
    name key of the title (:func:`name_key`), with number and parent."""
    keys: list[Optional[str]] = [None] * len(items)
    linked_names = {(name_key(it.title), plural_name(it.title)): it.link.id for it in items
                    if it.link is not None and it.link.id and it.number is None}

    def key(i: int, depth: int = 0) -> str:
        if keys[i] is not None:
            return keys[i]
        it = items[i]
        if it.alias_of is not None and depth < 8:
            k = key(it.alias_of, depth + 1)
        elif it.link is not None and it.link.id:
            k = f"id:{it.link.id}"
        elif it.number is None and (rid := linked_names.get((name_key(it.title), plural_name(it.title)))):
            # (not "the Geneva Conventions" after "the Third Geneva Convention": the four are not the third)
            k = f"id:{rid}"
        else:
            parent = key(it.parent, depth + 1) if it.parent is not None and depth < 8 else ""
            k = f"t:{name_key(it.title)}|{it.number}|{parent}"
        keys[i] = k
        return k

    out = [key(i) for i in range(len(items))]
    # a later mention without its parent ("… the Second Optional Protocol" again) is the one the
    # document named with a parent, when only one such has that name and number
    parented: dict[tuple, set] = {}
    for i, it in enumerate(items):
        if it.parent is not None:
            parented.setdefault((name_key(it.title), it.number), set()).add(out[i])
    for i, it in enumerate(items):
        if it.parent is None and it.alias_of is None and out[i].startswith("t:"):
            same = parented.get((name_key(it.title), it.number), ())
            if len(same) == 1:
                out[i] = next(iter(same))
    _shorter_names(items, out)
    return out


def _content(title: str) -> list[str]:
    return [w for w in (w.lower() for w in WORD.findall(title)) if w not in TITLE_SMALL]


def _shorter_names(items: list[Item], out: list[str]) -> None:
    """An unknown name (no record, no candidates) that a longer name of the same document spells out
    — same kind, same first two words, every word of it in the longer one: "the Treaty of Friendship
    with Russia" of a headline and "the Treaty of Friendship, Cooperation and Partnership between
    Russia and Ukraine" of the text — is that instrument, when only one longer name fits."""
    free = [i for i, it in enumerate(items) if out[i].startswith("t:") and it.number is None and it.parent is None
            and it.alias_of is None and not (it.link is not None and (it.link.id or it.link.candidates))]
    words = {i: _content(items[i].title) for i in free}
    sets = {i: set(w) for i, w in words.items()}
    by_head: dict[tuple, list[int]] = {}
    for i in free:
        if len(words[i]) >= 2:
            by_head.setdefault((items[i].kind, *words[i][:2]), []).append(i)
    for group in by_head.values():
        if len(group) > SHORTER_GROUP_MAX:
            continue
        for i in group:
            longer = {out[j] for j in group if len(words[j]) > len(words[i]) and sets[i] <= sets[j]}
            if len(longer) == 1:
                out[i] = next(iter(longer))


def _root(items: list[Item], i: int) -> int:
    for _ in range(8):
        if items[i].alias_of is None:
            return i
        i = items[i].alias_of
    return i


def merge(text: str, items: list[Item]) -> list[Citation]:
    """One citation per instrument: same id, title or defined short form → one citation with every
    mention; citations are ordered by first mention."""
    keys = _keys(items)
    order = sorted((i for i in range(len(items)) if not (items[i].short and _root(items, i) == i)),
                   key=lambda i: items[i].start)
    key_of: dict[str, int] = {}
    cites: list[dict] = []
    index_of_item: dict[int, int] = {}
    for i in order:
        ci = key_of.get(keys[i])
        if ci is None:
            ci = key_of[keys[i]] = len(cites)
            cites.append({"items": [i]})
        else:
            cites[ci]["items"].append(i)
        index_of_item[i] = ci
    out: list[Citation] = []
    for ci, c in enumerate(cites):
        first = items[c["items"][0]]
        mentions = []
        events: list[Event] = []
        seen_ev = set()
        date = place = None
        for i in c["items"]:
            it = items[i]
            mentions.append(Mention(start=it.start, end=it.end, text=text[it.start:it.end]))
            date = date or it.date
            place = place or it.place
            for ev in it.events:
                k = (ev.action, ev.start, ev.party)
                if k not in seen_ev:
                    seen_ev.add(k)
                    events.append(ev)
        named = [items[i] for i in c["items"] if items[i].alias_of is None] or [first]
        # the fullest name cited, in its ordinary case rather than a headline's capitals
        title = max(named, key=lambda it: (len(it.title), not it.title.isupper(), -it.start)).title
        if title.isupper():
            title = next((items[i].title for i in c["items"] if not items[i].title.isupper()
                          and name_key(items[i].title) == name_key(title)), title)
        # (a parent that is a short form with no antecedent, "Protocol No. 4 to the Convention" alone, was dropped)
        parent = next((index_of_item[items[i].parent] for i in c["items"]
                       if items[i].parent is not None and items[i].parent in index_of_item), None)
        if parent == ci:
            parent = None
        link = next((items[i].link for i in c["items"] if items[i].link is not None and items[i].link.id), None) \
            or first.link or NO_LINK
        out.append(Citation(kind=first.kind, title=title, start=first.start, end=first.end,
                            text=text[first.start:first.end], parent=parent,
                            # (a number any mention gives: "… the two Optional Protocols … the first Optional Protocol")
                            number=next((items[i].number for i in c["items"] if items[i].number is not None), None),
                            date=date, place=place, id=link.id, canonical_title=link.title,
                            mentions=sorted(mentions, key=lambda m: m.start),
                            events=sorted(events, key=lambda e: e.start), candidates=link.candidates,
                            scope=scope_of(title, first.kind, bool(link.id or link.candidates))))
    # an unlinked protocol or amendment has its parent's scope: domestic for "the Fourteenth Amendment to
    # the Constitution", international for "the Ban Amendment to the Basel Convention"
    return [attrs.evolve(c, scope=out[c.parent].scope) if c.parent is not None and c.id is None else c
            for c in out]
