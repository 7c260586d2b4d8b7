"""Public API contract: types, empty input, bad input, spans, relative dates."""
import pytest

import citex
from conftest import check_spans


@pytest.mark.parametrize("bad", [None, b"bytes", 42, ["a list"], {"a": 1}])
def test_non_str_raises_type_error(bad):
    with pytest.raises(TypeError):
        citex.extract(bad)


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\x00\x01", "?!"])
def test_empty_or_junk_gives_empty_result(text):
    res = citex.extract(text)
    assert res.citations == () and res.error is None


def test_doc_id_and_published():
    text = "At the end of September, Russia said it would denounce the European Convention on Human Rights."
    res = citex.extract(text, doc_id="a.txt", published="2025-10-02")
    assert res.doc_id == "a.txt"
    rel = [d for d in res.dates if d.relative]
    assert [(d.text, d.value) for d in rel] == [("September", "2025-09")]   # the span is the date only
    assert res.to_dict()["dates"][0]["relative"] is True
    # without a reference date: a partial value (issue 14)
    assert [(d.text, d.value) for d in citex.extract(text).dates if d.relative] == [("September", "--09")]


def test_extract_many_keeps_order_and_errors():
    out = list(citex.extract_many([("a", "the Paris Agreement"), ("b", None), ("c", "")]))
    assert [r.doc_id for r in out] == ["a", "b", "c"]
    assert out[1].error.type == "TypeError"
    assert out[0].citations[0].title == "Paris Agreement"


def test_repr_is_short():
    res = citex.extract("the Paris Agreement and the Kyoto Protocol", doc_id="x")
    assert len(repr(res)) < 200 and "Paris Agreement" in repr(res)


def test_clean_text_html():
    html = "<html><head><style>p{}</style><script>var t='Treaty';</script></head><body><p>The &quot;Rome Statute&quot;</p></body></html>"
    text = citex.clean_text(html)
    assert "var t" not in text and '"Rome Statute"' in text
    check_spans(text, citex.extract(text))
