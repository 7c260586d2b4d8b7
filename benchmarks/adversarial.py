"""Hostile 1 MB inputs against 1 MB of ordinary news: is every one about as fast (linear time)?

    python benchmarks/adversarial.py [--size 1000000] [--only NAME ...] [--list] [--growth]

Ordinary news is the shared corpus (``../shared/corpus/**/*.txt``) concatenated and cut to SIZE
characters (a generated stand-in when the corpus is not there).  For each hostile input the script
prints its size, the time of ``citex.extract`` on it, the ratio to the news time, and what came out;
``--growth`` also times the input at a quarter of SIZE and prints the growth factor (4 for linear
code, 16 for quadratic).  The last lines give the worst ratio and the CPU (the timings are wall-clock:
note what else runs on the machine).  ``tests/test_hostile.py`` runs the same inputs with a bound.
"""
from __future__ import annotations

import argparse
import gc
import os
import platform
import sys
import time
from pathlib import Path
from typing import Callable

MB = 1_000_000
ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def rep(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def news(n: int) -> str:
    """``n`` characters of ordinary news: the shared corpus in sorted order, concatenated (and repeated
    when ``n`` is larger than the corpus, about 11 MB)."""
    parts, size = [], 0
    for f in sorted(CORPUS.rglob("*.txt")) if CORPUS.is_dir() else []:
        t = f.read_text(encoding="utf-8", errors="replace")
        parts.append(t)
        size += len(t) + 2
        if size >= n:
            break
    if not parts:  # no corpus here: a generated stand-in with the same kinds of things in it
        parts.append(rep("MOSCOW, June 29 - Russia said on Tuesday it would denounce the European Convention "
                         "on Human Rights of 4 November 1950, signed in Rome, and Protocol No. 1 thereto. "
                         "The minister met officials from France and Germany in Strasbourg last year; the "
                         "talks on trade, energy and the Paris Agreement went on until late in the evening.\n\n",
                         min(n, MB)))
    text = "\n\n".join(parts)
    return rep(text, n) if len(text) < n else text[:n]


def _protocol_list(n: int) -> str:
    nums = ", ".join(str(i % 999 + 1) for i in range(100_000))
    return rep("Protocols Nos. " + nums + " and 7 thereto. ", n)


#: name → (what it stresses, generator of n characters)
INPUTS: dict[str, tuple[str, Callable[[int], str]]] = {
    "convention_for_the": ("a name continuation that never ends", lambda n: rep("Convention for the ", n)),
    "convention_of_the_council": ("40,000 names, each a partial name of the others",
                                  lambda n: rep("Convention of the Council of the ", n)),
    "protocols_nos_100000": ("Protocols Nos. 1, 2, 3, … with 100,000 numbers", _protocol_list),
    "protocol_no_thereto": ("40,000 'Protocol No. 1 thereto' (parent look-back)",
                            lambda n: rep("Protocol No. 1 thereto, ", n)),
    "convention_and_protocols": ("names and protocols coordinated in one endless list",
                                 lambda n: rep("European Convention on Human Rights and Protocol No. 1 thereto ", n)),
    "one_word": ("one 1 MB word", lambda n: "A" + "a" * (n - 1)),
    "one_upper_word": ("one 1 MB all-caps word", lambda n: "A" * n),
    "digits": ("1 MB of digits", lambda n: rep("1987", n)),
    "digits_and_dots": ("1 MB of digits and dots", lambda n: rep("1.2.3.4.5.6.7.8.9.0.", n)),
    "years_and_commas": ("year-like numbers in a list", lambda n: rep("1987, 1988, 2001-2002/2003 ", n)),
    "nested_brackets": ("500,000 '(' then 500,000 ')'", lambda n: "(" * (n // 2) + ")" * (n - n // 2)),
    "nested_quotes": ("quotes and brackets, never closed", lambda n: rep('"“«([', n)),
    "paren_acronyms": ("(ABC) pre-modifiers before a head", lambda n: rep("(ABC) ", n - 7) + " Treaty"),
    "title_case_words": ("1 MB of title-case words", lambda n: rep("Torture Inhuman Degrading Treatment Punishment "
                                                                   "Human Rights Fundamental Freedoms ", n)),
    "title_case_then_head": ("1 MB of title-case words then a head word",
                             lambda n: rep("Big ", n - 11) + "Convention."),
    "lower_descriptors_then_head": ("lower-case descriptors then a lower-case head",
                                    lambda n: rep("peace ", n - 7) + "treaty."),
    "us_dots": ("1 MB of 'U.S. '", lambda n: rep("U.S. ", n)),
    "abbreviations": ("1 MB of dotted initials", lambda n: rep("A.B.C.D.E.F.G.", n)),
    "all_caps_lines": ("all-caps headline lines", lambda n: rep("THE EUROPEAN CONVENTION ON HUMAN RIGHTS AND THE TREATY\n", n)),
    "all_caps_one_line": ("one 1 MB all-caps line of unknown words", lambda n: rep("XYZZY QWERTY NPT ", n)),
    "upper_title_lines": ("'PROTOCOL on the' on one line (title-line rule)", lambda n: rep("PROTOCOL on the ", n)),
    "of_the_chain": ("1 MB of 'of the '", lambda n: rep("of the ", n)),
    "law_of_chain": ("'Law of Law of …': 140,000 byline heads in one continuation", lambda n: rep("Law of ", n)),
    "law_of_chain_years": ("'Law of Xyz, 1999 Law of …' (designations nearby)", lambda n: rep("Law of Xyz, 1999 Law of ", n)),
    "law_of_upper": ("'LAW OF LAW OF …'", lambda n: rep("LAW OF ", n)),
    "act_of_chain": ("'Act of Act of …': one 1 MB name", lambda n: rep("Act of ", n)),
    "party_constitution_chain": ("'the Constitution of the Labour Party the Constitution of …' (a body's own rules, rejected)",
                                 lambda n: rep("the Constitution of the Labour Party ", n)),
    "month_names": ("1 MB of month names", lambda n: rep("January February March May ", n)),
    "months_and_numbers": ("months and numbers (date candidates)", lambda n: rep("November 26 1987 12 ", n)),
    "head_words": ("head words only", lambda n: rep("Treaty Convention Protocol Agreement ", n)),
    "head_no_spaces": ("ConventionConvention…", lambda n: rep("Convention", n)),
    "place_names": ("1 MB of place names", lambda n: rep("Paris London Berlin Rome Moscow Geneva Vienna ", n)),
    "places_commas": ("'in Paris, France, London, …'", lambda n: rep("in Paris, France, London, ", n)),
    "state_abbreviations": ("'Washington, Pa., …'", lambda n: rep("Washington, Pa., ", n)),
    "datelines": ("'PARIS, June 29 - ' on one line", lambda n: rep("PARIS, June 29 - ", n)),
    "cities_before_triggers": ("a 1 MB sentence of cities and treaty actions (subject look-back)",
                               lambda n: rep("in Lyon, ministers signed the Treaty of Rome, ", n)),
    "actions": ("treaty actions with objects, no sentence end", lambda n: rep("signed ratified denounced the Treaty of Rome ", n)),
    "short_forms": ("one name then 70,000 short forms", lambda n: "the Paris Agreement " + rep("the Agreement ", n - 20)),
    "distinct_names": ("40,000 distinct treaty names", lambda n: "".join(f"the Treaty of X{i:06d} " for i in range(n // 20))[:n]),
    "alias_definitions": ("defined short forms '(KP)' and their uses", lambda n: rep("the Kyoto Protocol (KP) and KP ", n)),
    "hereinafter": ("'(hereinafter the Treaty)' over and over", lambda n: rep("Treaty of Rome (hereinafter the Treaty) ", n)),
    "acronyms": ("known acronyms on one line", lambda n: rep("NPT GATT ECHR ", n)),
    "list_commas": ("'Cruel, Inhuman, …' title lists", lambda n: "Convention on " + rep("Torture, Inhuman, ", n - 14)),
    "sentence_ends": ("'No. A. ' abbreviation/sentence ends", lambda n: rep("No. A. ", n)),
    "newlines": ("1 MB of line breaks", lambda n: "\n" * n),
    "spaces": ("1 MB of spaces", lambda n: " " * n),
    "tabs_and_breaks": ("head words split by tabs and line breaks", lambda n: rep("Treaty\t\t\t\ton\t\t\tthe\n", n)),
    "semicolons_free_clause": ("a 1 MB clause with triggers and no ';'", lambda n: rep("France signed the Paris Agreement and ", n)),
    "random_unicode": ("random code points U+0020–U+2FFF", lambda n: _random_unicode(n)),
    "html_unclosed_comments": ("'<!--' 250,000 times (HTML cleaning)", lambda n: rep("<!--", n)),
}


def _random_unicode(n: int) -> str:
    import random
    rnd = random.Random(0)
    return "".join(chr(rnd.randint(32, 0x2FFF)) for _ in range(n))


def run_one(name: str, text: str) -> tuple[float, str]:
    import citex
    gc.collect()
    t = time.perf_counter()
    if name.startswith("html_"):
        text = citex.clean_text("<html>" + text, html_input=True)
    res = citex.extract(text)
    secs = time.perf_counter() - t
    what = (f"{len(res.citations)} citations, {len(res.dates)} dates, {len(res.places)} places"
            + (f", error {res.error.type}" if res.error else ""))
    return secs, what


def cpu_info() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", load average %.2f %.2f %.2f" % os.getloadavg() if hasattr(os, "getloadavg") else ""
    return f"{model}, {os.cpu_count()} cores{load}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=MB, help="characters per input (default 1,000,000)")
    ap.add_argument("--only", nargs="*", help="run only these inputs")
    ap.add_argument("--list", action="store_true", help="list the inputs and exit")
    ap.add_argument("--growth", action="store_true", help="also time each input at size/4 (growth: 4 linear, 16 quadratic)")
    a = ap.parse_args(argv)
    if a.list:
        for name, (what, _) in INPUTS.items():
            print(f"{name:28s} {what}")
        return 0
    import citex
    citex.extract("warm up: the Paris Agreement of 12 December 2015, signed in Paris by France")
    print(f"CPU: {cpu_info()}")
    base = news(a.size)
    base_secs = min(run_one("news", base)[0] for _ in range(2))
    print(f"{'ordinary news':28s} {len(base) / MB:5.2f} MB {base_secs:7.2f} s  ratio  1.0")
    worst = (0.0, "")
    names = a.only or list(INPUTS)
    for name in names:
        what, make = INPUTS[name]
        text = make(a.size)
        secs, found = run_one(name, text)
        ratio = secs / base_secs
        worst = max(worst, (ratio, name))
        growth = ""
        if a.growth:
            small = run_one(name, make(a.size // 4))[0]
            growth = f"  growth x{secs / max(small, 1e-3):4.1f}"
        print(f"{name:28s} {len(text) / MB:5.2f} MB {secs:7.2f} s  ratio {ratio:4.1f}{growth}  ({found})", flush=True)
    print(f"worst ratio: {worst[0]:.1f} ({worst[1]}); ordinary news {a.size / MB / base_secs:.2f} MB/s")
    print(f"CPU: {cpu_info()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
