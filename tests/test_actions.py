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
