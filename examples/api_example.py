"""citex from Python: extract, look at the result, write the highlighted view and tables.

    python3 examples/api_example.py            # writes quote.html in the current folder
"""
import citex

QUOTE = ("\u201cTo denounce the European Convention for the Prevention of Torture and Inhuman or Degrading "
         "Treatment or Punishment of 26 November 1987 and Protocols No. 1 and No. 2 of 4 November 1993 "
         "thereto, signed on behalf of the Russian Federation in Strasbourg on 28 February 1996\u201d")

result = citex.extract(QUOTE, doc_id="quote")
print(result)                                   # short: <Result 'quote': 3 citations [...], 3 dates, 2 places>
for c in result.citations:
    parent = f" of {result.citations[c.parent].title}" if c.parent is not None else ""
    print(f"- {c.title}{parent} [{c.id}] {c.date.value if c.date else ''}")
    for e in c.events:
        print(f"    {e.action}: {e.party or ''} {e.date.value if e.date else ''} {e.place.name if e.place else ''}")

# the same view as in a notebook, as a page of its own
with open("quote.html", "w", encoding="utf-8") as f:
    f.write(f'<!DOCTYPE html><meta charset="utf-8"><title>citex</title>{citex.render(result, QUOTE)}')
print("wrote quote.html")

# the spaCy pipeline: the same result on doc._.citex, spans in doc.spans["citex_*"]
nlp = citex.load()
doc = nlp(QUOTE)
print([(s.text, s.label_) for s in doc.spans["citex_instruments"]])
assert doc._.citex.citations == result.citations

# tables (pip install "citex-treaties[pandas]")
try:
    events = citex.to_dataframe(result, level="events")
    print(events[["id", "title", "action", "party", "date", "place"]].to_string(index=False))
except ImportError as exc:
    print(exc)
