"""Notebook views: highlighted HTML (offsets, nesting, escaping), DataFrames, the timeline, the report."""
import json
import pickle
from collections import defaultdict
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import citex
from citex.models import Citation, Mention, Result
from citex.output.render import highlight, spans
from citex.output.rows import ROW_LEVELS as CSV_LEVELS, rows, rows_fields

QUOTE = ("\u201cTo denounce the European Convention for the Prevention of Torture and Inhuman or Degrading "
         "Treatment or Punishment of 26 November 1987 and Protocols No. 1 and No. 2 of 4 November 1993 "
         "thereto, signed on behalf of the Russian Federation in Strasbourg on 28 February 1996\u201d")


class Marks(HTMLParser):
    """The text of an HTML fragment, and for each <mark> (by data-start, data-end, class) the ranges
    of text it covers."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.text, self.open, self.pieces = [], [], defaultdict(list)
        self.feed(html)
        self.close()
        self.text = "".join(self.text)
        assert not self.open

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            a = dict(attrs)
            self.open.append(((int(a["data-start"]), int(a["data-end"]), a["class"][3:]), self.pos()))

    def handle_endtag(self, tag):
        if tag == "mark":
            key, start = self.open.pop()
            self.pieces[key].append((start, self.pos()))

    def handle_data(self, data):
        self.text.append(data)

    def pos(self):
        return sum(map(len, self.text))


def check_marks(text, items):
    """Every item is highlighted exactly over [start, end) (in one or more adjacent pieces) and the
    text comes out whole, once."""
    body, _ = highlight(text, items)
    m = Marks(body)
    assert m.text == text
    want = {(s, e, kind) for s, e, kind, *_ in items}
    assert set(m.pieces) == want
    for (s, e, kind), pieces in m.pieces.items():
        pieces.sort()
        assert pieces[0][0] == s and pieces[-1][1] == e, (s, e, kind, pieces)
        assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:])), pieces
    return body, m


def test_golden_quote_every_span_at_its_offsets():
    res = citex.extract(QUOTE, doc_id="quote")
    items = spans(res)
    _, m = check_marks(QUOTE, items)
    kinds = {k: {QUOTE[s:e] for (s, e, kk) in m.pieces if kk == k} for k in ("instrument", "date", "place", "event")}
    assert "Protocols No. 1" in kinds["instrument"] and "No. 2" in kinds["instrument"]
    assert kinds["date"] == {"26 November 1987", "4 November 1993", "28 February 1996"}
    assert kinds["place"] == {"Russian Federation", "Strasbourg"}
    assert kinds["event"] == {"denounce", "signed"}
    titles = {QUOTE[s:e]: t for s, e, _, _, t in items}
    assert "CETS 126" in titles["European Convention for the Prevention of Torture and Inhuman or Degrading "
                                "Treatment or Punishment"]
    assert "signature date" in titles["28 February 1996"] and "1996-02-28" in titles["28 February 1996"]
    assert "party to the signature" in titles["Russian Federation"]


def test_full_render_has_legend_text_and_table():
    res = citex.extract(QUOTE, doc_id="quote")
    html = citex.render(res, QUOTE)
    assert isinstance(html, str) and html._repr_html_() == html
    assert 'title="instrument: CETS 151' in html and "No. 1 of #0" in html
    assert html.count("<table") == 1 and html.count("<tr>") == 1 + len(res.citations)
    assert "signature (Russian Federation, 1996-02-28, Strasbourg)" in html


def test_nested_and_crossing_spans():
    text = "The Protocol to the Strasbourg Convention of 1 May 2000 was signed."
    conv = text.index("Protocol"), text.index(" was")          # nested: place and date inside
    items = [
        (conv[0], conv[1], "instrument", None, "outer"),
        (text.index("Strasbourg Convention"), text.index(" of 1 May"), "instrument", None, "parent"),
        (text.index("Strasbourg"), text.index(" Convention"), "place", None, "place"),
        (text.index("1 May 2000"), conv[1], "date", None, "date"),
        (text.index("May 2000 was"), text.index(" signed"), "event", None, "crossing the end of the outer"),
        (0, 3, "date", None, "at the very start"),
        (len(text) - 7, len(text), "place", None, "at the very end"),
        (text.index("signed"), text.index("signed") + 6, "event", None, "adjacent"),
    ]
    _, m = check_marks(text, items)
    assert len(m.pieces[items[4][:3]]) == 2     # the crossing span is split in two pieces


def test_identical_spans_of_different_kinds_and_mismatches():
    text = "Geneva Convention"
    items = [(0, 6, "place", None, "a"), (0, 6, "instrument", None, "b"), (0, 17, "instrument", None, "c")]
    check_marks(text, items)
    body, bad = highlight(text, items + [(0, 6, "date", "Paris", "wrong text"), (10, 99, "date", None, "out"),
                                         (5, 5, "date", None, "empty")])
    assert bad == 3 and Marks(body).text == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab<>&\"' \n", min_size=1, max_size=30).flatmap(lambda t: st.tuples(
    st.just(t), st.lists(st.tuples(st.integers(0, len(t)), st.integers(0, len(t)),
                                   st.sampled_from(["instrument", "date", "place", "event"])), max_size=8))))
def test_any_spans_any_text(case):
    text, raw = case
    items = list({(min(a, b), max(a, b), k, None, "t") for a, b, k in raw if a != b})
    check_marks(text, items)


def test_html_is_escaped():
    text = 'He said <script>alert("x")</script> & signed the Treaty of <u>Rome</u>.'
    s = text.index("Treaty")
    res = Result(doc_id="<img src=x onerror=alert(1)>", citations=[Citation(
        kind="treaty", title='Treaty of <u>Rome</u>', start=s, end=len(text) - 1, text=text[s:-1],
        id="<i>x</i>", mentions=[Mention(s, len(text) - 1, text[s:-1])])])
    html = citex.render(res, text)
    assert "<script" not in html and "<u>" not in html and "<img" not in html and "<i>" not in html
    assert "&lt;script&gt;" in html
    body, _ = highlight(text, spans(res))
    assert Marks(body).text == text
    assert "<script" not in res._repr_html_()


def test_result_without_text_and_short_reprs():
    res = citex.extract(QUOTE, doc_id="quote")
    assert "<mark" in res._repr_html_()   # a result of citex.extract shows its text (issue 16)
    res = Result.from_dict(res.to_dict())  # read back from JSON: no text to show
    html = res._repr_html_()
    assert "<mark" not in html and "citex.render(result, text)" in html and "CETS 152" in html
    c = res.citations[0]
    assert len(repr(c)) < 120 and "CETS 126" in repr(c) and "1987-11-26" in repr(c)
    assert len(repr(res)) < 200
    ch = c._repr_html_()
    assert "<mark" in ch and "CETS 126" in ch
    assert pickle.loads(pickle.dumps(res)) == res
    assert citex.render(res.to_dict(), QUOTE) == citex.render(res, QUOTE)
    err = Result(doc_id="x", error=citex.Error("empty", "the document is empty"))
    assert "error empty" in err._repr_html_()
    with pytest.raises(TypeError):
        citex.render(42)


def test_render_spacy_doc():
    nlp = citex.load()
    doc = nlp(QUOTE)
    html = citex.render(doc)
    assert html == citex.render(doc._.citex, QUOTE)
    import spacy
    partial = spacy.blank("en")
    partial.add_pipe("citex_dates")          # only dates: no result, the spans are shown
    d = partial(QUOTE)
    assert d._.citex is None
    _, m = check_marks(QUOTE, [(sp.start_char, sp.end_char, "date", None, "")
                               for sp in d.spans["citex_dates"]])
    assert set(Marks(citex.render(d)).pieces) == set(m.pieces) and len(m.pieces) == 3


def _results():
    a = citex.extract(QUOTE, doc_id="quote")
    b = citex.extract("Russia withdrew from the Treaty on Open Skies in 2021. Paris is nice.", doc_id="b")
    return [a, b, Result(doc_id="bad", error=citex.Error("empty", "the document is empty"))]


@pytest.mark.parametrize("level", CSV_LEVELS)
def test_dataframe_levels(level):
    pytest.importorskip("pandas")
    results = _results()
    df = citex.to_dataframe(results, level)
    assert list(df.columns) == list(rows_fields(level))
    assert len(df) == sum(len(rows(r, level)) for r in results) > 0
    assert set(df["doc_id"]) <= {"quote", "b", "bad"}
    same = citex.to_dataframe(iter([json.loads(json.dumps(r.to_dict())) for r in results]), level)
    # results read back have no text, so no sentences; everything else is the same
    assert same.drop(columns="sentence").equals(df.drop(columns="sentence"))
    assert same["sentence"].isna().all() and df["sentence"].notna().any()
    one = citex.to_dataframe(results[0], level)
    assert len(one) == len(rows(results[0], level))
    if level != "citations":
        assert str(df["start"].dtype) == "Int64"


def test_dataframe_joins_and_errors():
    pytest.importorskip("pandas")
    cit = citex.to_dataframe(_results())
    ev = citex.to_dataframe(_results(), level="events")
    assert cit.loc[cit.doc_id == "bad", "error"].tolist() == ["empty"]
    joined = ev.merge(cit, left_on=["doc_id", "citation"], right_on=["doc_id", "index"])
    assert len(joined) == len(ev)
    assert set(ev.loc[ev.id == "CETS 126", "action"]) == {"denunciation", "signature"}
    assert citex.to_dataframe([], "dates").empty
    with pytest.raises(ValueError):
        citex.to_dataframe(_results(), level="words")


def test_event_points_and_plot():
    pytest.importorskip("matplotlib")
    import matplotlib
    matplotlib.use("Agg")
    from citex.output.plot import event_points
    results = _results()
    points, undated = event_points(results)
    assert undated == 3            # the quote's denunciation (x3): no date in the text
    assert sum(points.values()) == 3 + 1
    points, undated = event_points(results, published={"quote": "2025-10-02"})
    assert undated == 0 and sum(n for k, n in points.items() if k[3]) == 3     # dated by publication
    ax = citex.plot_events(results)
    assert "4 actions" in ax.get_title() and "3 without a date" in ax.get_title()
    assert any("CETS 126" in t.get_text() for t in ax.get_yticklabels())
    import matplotlib.pyplot as plt
    plt.close("all")


def test_report(tmp_path):
    from citex.cli import main
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "quote.txt").write_text(QUOTE, encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "in" / "evil.txt").write_text("<script>alert(1)</script> on the Treaty of Rome", encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["report", str(tmp_path / "in"), "-o", str(out), "--published", "2025-10-02"]) == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "CETS 126" in html and "denunciation ×1" in html and "signature by Russian Federation ×1" in html
    assert "empty.txt" in html and "the document is empty" in html and "<script" not in html
    assert 'src="http' not in html and "<link" not in html
    try:
        import matplotlib  # noqa: F401
        assert "data:image/png;base64," in html
    except ImportError:
        pass
    jsonl = tmp_path / "r.jsonl"
    jsonl.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in _results()), encoding="utf-8")
    assert main(["report", str(jsonl), "-o", str(tmp_path / "r.html")]) == 0
    assert "Treaty on Open Skies" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert main(["report", str(tmp_path / "missing")]) == 2
