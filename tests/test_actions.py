"""Treaty actions, table-driven: each status, action word, party form and attachment form
(``citex.grammar.actions.EXAMPLES``), and the document-level actions merge."""
import pytest

import citex
from citex.grammar.actions import EXAMPLES
from conftest import check_spans


@pytest.mark.parametrize("text,expected", EXAMPLES, ids=[t[:70] for t, _ in EXAMPLES])
def test_examples(text, expected):
    res = citex.extract(text)
    check_spans(text, res)
    got = [(a.action, a.status, a.party.country if a.party else None) for a in res.actions]
    assert got == expected


def test_prefiltered_trigger_scan_equals_the_pattern_scan():
    """find_triggers tries the trigger pattern only where its prefilter says a trigger may start: the
    same matches as the pattern's own scan, also with letters that fold to ASCII ones (ſ, K) or to
    several letters (ﬆ), hyphens, blanks and possessives."""
    import random

    from citex.grammar.actions import _trigger_matches, trigger_pattern
    words = ["signed", "SIGNS", "ſigned", "ratified", "de-ratified", "deratify", "withdrew its ratification",
             "withdrew Russia's signature", "deposited its instrument of ratification", "inﬆruments",
             "instruments of accession were deposited", "became a party", "pull out", "pulled-out", "no longer",
             "entered into force", "\u212aept", "the", "of", "a", "-", "’", "'s", ".", ",", "\n", "x", "re", "join",
             "rejoined", "quit", "exit", "end", "ended the", "froze", "suspension", "terminate", "no", "de",
             "leave", "left", "put", "into", "force", "agreed to be bound", "Senate", "the Duma's", "approved",
             "APPROVED", "parliament", "its", "ratify", "Ratifies", "denounced", "acceded", "sign"]
    rx = trigger_pattern()
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(["", " ", " ", "  ", "\t", "-"]) for _ in range(rng.randint(1, 14)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        want = [(m.span(), m.lastgroup) for m in rx.finditer(text, lo, hi)]
        assert [(m.span(), m.lastgroup) for m in _trigger_matches(text, lo, hi, None)] == want, (text, lo, hi)


def test_dateline_full_date_dates_the_lead_act_but_not_a_day_without_year():
    lead = citex.extract("ADDIS ABABA, March 3, 2024 — Ethiopia has signed the Maputo Protocol, officials said.")
    assert [(a.action, a.date.value if a.date else None) for a in lead.actions] == [("signature", "2024-03-03")]
    no_year = citex.extract("PUTRAJAYA, April 5 (Bernama) — Malaysia will withdraw from the Rome Statute.",
                            published="2019-04-05")
    assert [(a.action, a.date) for a in no_year.actions] == [("withdrawal", None)]
