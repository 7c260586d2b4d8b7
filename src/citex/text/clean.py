"""Cleaning input before extraction: HTML to text, odd whitespace, control characters.

``extract`` never changes the text it is given (offsets point into it); cleaning is
a separate, explicit step, used by the batch reader for HTML files.
"""
from __future__ import annotations

import html
import regex

from citex import limits

_SCRIPT = regex.compile(r"<(script|style|noscript|template)\b[^>]*+>.*?</\1\s*>", regex.IGNORECASE | regex.DOTALL)
_COMMENT = regex.compile(r"<!--.*?-->", regex.DOTALL)
# _SCRIPT and _COMMENT as linear scans: a lazy ``.*?`` retried at each of 100,000 unclosed
# "<!--" or "<script>" would read to the end of the text each time (quadratic)
_SCRIPT_OPEN = regex.compile(r"<(script|style|noscript|template)\b[^>]*+>", regex.IGNORECASE)
_SCRIPT_CLOSE = {name: regex.compile(r"</%s\s*>" % name, regex.IGNORECASE)
                 for name in ("script", "style", "noscript", "template")}
_BLOCK = regex.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|title)\b[^>]{0,2000}>",
                       regex.IGNORECASE)
_TAG = regex.compile(r"</?[A-Za-z][^>]{0,2000}>")
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = regex.compile(r"[ \t\u00a0]{2,}")
_BLANKS = regex.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<p>" in head or "<div" in head or "<body" in head)


def _strip_comments(text: str) -> str:
    """``_COMMENT.sub(" ", text)`` in one pass: an unclosed comment stays, and so do all after it."""
    out, pos = [], 0
    while True:
        s = text.find("<!--", pos)
        e = text.find("-->", s + 4) if s >= 0 else -1
        if e < 0:
            break
        out.append(text[pos:s])
        out.append(" ")
        pos = e + 3
    out.append(text[pos:])
    return "".join(out)


def _strip_scripts(text: str) -> str:
    """``_SCRIPT.sub(" ", text)`` in one pass: once an element has no closing tag, later ones of
    that name have none either, and are not searched again."""
    out, pos, unclosed = [], 0, set()
    m = _SCRIPT_OPEN.search(text)
    while m is not None:
        name = m.group(1).lower()
        close = None if name in unclosed else _SCRIPT_CLOSE[name].search(text, m.end())
        if close is None:
            unclosed.add(name)
            m = _SCRIPT_OPEN.search(text, m.start() + 1)
            continue
        out.append(text[pos:m.start()])
        out.append(" ")
        pos = close.end()
        m = _SCRIPT_OPEN.search(text, pos)
    out.append(text[pos:])
    return "".join(out)


def clean_text(text: str, html_input: bool | None = None) -> str:
    """Plain text from ``text``: with ``html_input`` (or when it looks like HTML) scripts, styles and
    tags are removed and entities decoded; control characters are dropped either way."""
    if html_input is None:
        html_input = looks_like_html(text)
    if html_input:
        text = _strip_comments(text)
        text = _strip_scripts(text)
        text = _BLOCK.sub("\n", text, timeout=limits.REGEX_TIMEOUT)
        text = _TAG.sub("", text, timeout=limits.REGEX_TIMEOUT)
        text = html.unescape(text)
        text = _SPACES.sub(" ", text)
        text = _BLANKS.sub("\n\n", text)
    return _CONTROL.sub("", text).replace("\r\n", "\n")
