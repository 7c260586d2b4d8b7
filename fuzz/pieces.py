"""Building blocks for hostile text: the grammar's own pieces (head words, titles, protocol numbers,
dates, places, treaty actions, short forms, punctuation, quotes, brackets, line breaks).

Used by ``fuzz/fuzz_extract.py`` (atheris), ``fuzz/hypothesis_fuzz.py`` and ``fuzz/growth.py``.
"""
from __future__ import annotations

HEADS = ["Convention", "Conventions", "Treaty", "Treaties", "Protocol", "Protocols", "Agreement", "Charter",
         "Covenant", "Statute", "Pact", "Accord", "Accords", "Act", "Law", "Constitution", "Directive",
         "Memorandum", "CONVENTION", "TREATY", "PROTOCOL", "convention", "treaty", "protocol", "agreement",
         "pact", "accord", "charter"]
TITLES = ["European Convention on Human Rights", "Convention for the Prevention of Torture and Inhuman or "
          "Degrading Treatment or Punishment", "Treaty on the Non-Proliferation of Nuclear Weapons (NPT)",
          "Kyoto Protocol", "Paris Agreement", "Rome Statute of the International Criminal Court",
          "Vienna Convention on the Law of Treaties", "Energy Charter Treaty", "INF treaty",
          "Optional Protocol", "Second Optional Protocol", "Additional Protocol I", "Treaty of Amsterdam",
          "General Agreement on Tariffs\nand Trade (GATT)", "UN Convention on refugees",
          "Federal Law On the Termination of International Treaties", "U.S. Securities Act of 1933",
          "Law of the Republic of Kazakhstan dated July 13, 1999 No. 420-1", "Egypt–Israel peace treaty",
          "Stability and Growth Pact", "Camp David Accords", "Open Skies Treaty", "Chemical Weapons Convention"]
WORDS = ["the", "of", "for", "on", "and", "or", "to", "by", "at", "in", "a", "an", "The", "This", "its",
         "European", "International", "United Nations", "Council of Europe", "Human", "Rights", "Torture",
         "Cruel,", "Inhuman", "Degrading", "Sea", "Non-Proliferation", "Seafarers'", "Russia's", "Best",
         "National", "Democratic", "Organisation", "Center", "People's", "hereinafter", "referred",
         "as", "thereto", "to it", "annexed thereto", "amending", "additional to", "under", "as well as",
         "which was", "has been", "officially", "formally", "not", "never", "refused to", "on behalf of",
         "said", "Mr", "President", "minister", "ministers", "U.S.", "U.N.", "UN", "EU", "NPT", "GATT",
         "ECHR", "New START", "CETS No. 126", "ETS 5", "(CETS No. 225)", "Elvis", "Internet", "medical"]
NUMBERS = ["No.", "Nos.", "no.", "Number", "n°", "#", "1", "2", "6", "14", "999", "1000", "I", "II", "III",
           "XV", "IV", "1, 2", "1, 4 and 6", "No. 1 and No. 2", "12,", "3.", "1.2.3", "007", "2024.5"]
DATES = ["26 November 1987", "November 26, 1987", "26th of November 1987", "Nov. 26, 1987", "26.11.1987",
         "05/09/2014", "1987-11-26", "5.IX.2024", "November 1987", "1996", "1987", "2099", "1499", "1500",
         "January of 1987", "30 February 2001", "June 29", "last year", "yesterday", "two years ago",
         "At the end of September", "on Tuesday", "in December", "January of this year", "July 13",
         "March", "May", "MAY 2020", "1530 GMT", "2000 people", "Protocol No. 1987"]
PLACES = ["Strasbourg", "Paris", "Rome", "Geneva", "Vienna", "London", "Moscow", "Washington", "Minsk",
          "Russian Federation", "Russia", "France", "Germany", "United States", "U.S.", "Texas", "Nice",
          "Jordan", "Reading", "Kyoto", "Istanbul", "Lyon", "Bala Cynwyd, Pa.", "Punta del Este, Uruguay",
          "ST. PETERSBURG, Fla., June 29 -", "PARIS, June 29 -", "New York", "South Wales", "Guantanamo Bay",
          "Egypt-Israel", "London-based", "Paris Hilton", "Tony Blair", "Bank of England"]
ACTIONS = ["signed", "signs", "signature", "ratified", "ratify", "ratification", "acceded", "accession",
           "joined", "denounce", "denounced", "denunciation", "withdrew", "withdrawal", "pulled out",
           "quit", "exit", "left", "suspended", "suspension", "terminated", "entered into force",
           "took effect", "done", "adopted", "concluded", "opened for signature", "drawn up"]
PUNCT = [".", ",", ";", ":", "?", "!", "-", "–", "—", "'", "’", '"', "“", "”", "«", "»", "(", ")", "[", "]",
         "{", "}", "/", "&", "…", "\n", "\n\n", "\r\n", "\t", " ", "  ", "\u00a0", "\u2028", "\u200b",
         "\ufeff", "\x00", "İ", "ß", "ﬁ", "é", "e\u0301", "🇫🇷", "�", "\ud800"]
ALL = HEADS + TITLES + WORDS + NUMBERS + DATES + PLACES + ACTIONS + PUNCT
GROUPS = {"heads": HEADS, "titles": TITLES, "words": WORDS, "numbers": NUMBERS, "dates": DATES,
          "places": PLACES, "actions": ACTIONS, "punct": PUNCT}
SEPARATORS = [" ", " ", " ", ", ", "\n", "", " (", ") ", " of ", " and ", ". "]
