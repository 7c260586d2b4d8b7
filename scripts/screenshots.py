"""Screenshots of citex's HTML views with headless Chromium, for the docs.

    apt-get install -y chromium            # Debian's package
    python3 scripts/screenshots.py         # → docs/screenshots/{quote,article,report}.png

* quote.png: ``citex.render(result, text)`` of the golden quote (highlights and the citations table);
* article.png: the same view of the example article that contains the quote;
* report.png: ``citex report examples/articles`` (counts per instrument, the timeline of treaty actions).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import citex
from citex.output.report import build

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "examples" / "articles"
QUOTE = ("\u201cTo denounce the European Convention for the Prevention of Torture and Inhuman or Degrading "
         "Treatment or Punishment of 26 November 1987 and Protocols No. 1 and No. 2 of 4 November 1993 "
         "thereto, signed on behalf of the Russian Federation in Strasbourg on 28 February 1996\u201d")


def page(body: str, title: str) -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body style="margin:16px;background:#fff">{body}</body></html>')


def shoot(browser: str, html: Path, png: Path, size: str) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                        f"--user-data-dir={profile}", f"--screenshot={png}", f"--window-size={size}",
                        html.as_uri()], check=True, capture_output=True, timeout=120)
    print(f"{png.relative_to(ROOT) if png.is_relative_to(ROOT) else png}: {png.stat().st_size // 1024} KB")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    p.add_argument("--browser", default=shutil.which("chromium") or shutil.which("chromium-browser"))
    a = p.parse_args(argv)
    if not a.browser:
        print("screenshots: no chromium (apt-get install -y chromium)", file=sys.stderr)
        return 2
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    article = ARTICLES / "russia-denounces-torture-convention.txt"
    text = article.read_text(encoding="utf-8")
    published = {q.name: q.name[9:19] for q in ARTICLES.glob("wikinews-*.txt")}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pages = {
            "quote": (page(citex.render(citex.extract(QUOTE, doc_id="quote.txt"), QUOTE), "quote"), "1100,520"),
            "article": (page(citex.render(citex.extract(text, doc_id=article.name), text), "article"), "1100,1000"),
        }
        results = [citex.extract(q.read_text(encoding="utf-8"), doc_id=q.name, published=published.get(q.name))
                   for q in sorted(ARTICLES.glob("*.txt"))]
        pages["report"] = (build(results, "citex report: examples/articles", published), "1100,1100")
        for name, (html, size) in pages.items():
            (tmp / f"{name}.html").write_text(html, encoding="utf-8")
            shoot(a.browser, tmp / f"{name}.html", out / f"{name}.png", size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
