"""Cleaning input before extraction: HTML to text, odd whitespace, control characters.

``extract`` never changes the text it is given (offsets point into it); cleaning is
a separate, explicit step, used by the batch reader for HTML files.
"""
from __future__ import annotations

import html
import regex

_SCRIPT = regex.compile(r"<(script|style|noscript|template)\b[^>]*+>.*?</\1\s*>", regex.IGNORECASE | regex.DOTALL)
_COMMENT = regex.compile(r"<!--.*?-->", regex.DOTALL)
_BLOCK = regex.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|title)\b[^>]{0,2000}>",
                       regex.IGNORECASE)
_TAG = regex.compile(r"</?[A-Za-z][^>]{0,2000}>")
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = regex.compile(r"[ \t\u00a0]{2,}")
_BLANKS = regex.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<p>" in head or "<div" in head or "<body" in head)


def clean_text(text: str, html_input: bool | None = None) -> str:
    """Plain text from ``text``: with ``html_input`` (or when it looks like HTML) scripts, styles and
    tags are removed and entities decoded; control characters are dropped either way."""
    if html_input is None:
        html_input = looks_like_html(text)
    if html_input:
        text = _COMMENT.sub(" ", text)
        text = _SCRIPT.sub(" ", text)
        text = _BLOCK.sub("\n", text)
        text = _TAG.sub("", text)
        text = html.unescape(text)
        text = _SPACES.sub(" ", text)
        text = _BLANKS.sub("\n\n", text)
    return _CONTROL.sub("", text).replace("\r\n", "\n")
