"""Train the compact citex NER model (INSTRUMENT, PLACE) shipped in ``src/citex/data/ner/``.

    python training/train.py [--corpus ../shared/corpus] [--out src/citex/data/ner] [--threads 2]

Steps (all seeded, so a rerun gives the same data and, on the same machine, the same model):

1. *Weak labels*: every article of the news corpus is run through the citex rules and knowledge base
   (``Extractor.run``); instrument names (not the short forms "the Convention") become INSTRUMENT and
   gazetteer places PLACE.  Articles are cut into paragraphs; every paragraph with an instrument is kept,
   plus a seeded sample of the others (places only, or nothing).
2. *Augmentation*: in paragraphs with an instrument name, one name is replaced by a knowledge-base title
   or alias (``KnowledgeBase.bundled()``), so the model sees thousands of names in real contexts, not
   only the ~300 the corpus cites.  10 % of the records (by a hash of the id) are held out from the
   augmentation: ``heldout.spacy`` puts them into held-out contexts to measure generalisation.
3. ``python -m spacy train training/config.cfg`` on ``--threads`` CPU threads; ``model-best`` is copied
   (without training-only files) to ``--out``.

Articles are split 90/10 (by a hash of the path) into training and spaCy's dev set.  The project's
evaluation set (``../shared/eval/dev``) is never read here.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEED = 13
LABELS = ("INSTRUMENT", "PLACE")
PARA = re.compile(r"\n[ \t]*\n|\n(?=[ \t]{2,}\S)")   # blank line, or an indented Reuters paragraph


def _h(s: str) -> int:
    return int(hashlib.sha1(s.encode("utf-8")).hexdigest()[:8], 16)


def weak_labels(text: str, ex) -> list[tuple[int, int, str]]:
    """Instrument names and places the rules and KB find, as non-overlapping (start, end, label)."""
    st = ex.run(text)
    mention_spans = [(m.start, m.end) for c in st.citations for m in c.mentions]
    ents = []
    for c in st.candidates:
        if c.short or not any(s < c.end and c.start < e for s, e in mention_spans):
            continue
        ents.append((c.start, c.end, "INSTRUMENT"))
    for p in st.places:
        ents.append((p.start, p.end, "PLACE"))
    ents.sort()
    out = []
    for s, e, lab in ents:   # instruments first on overlap (they are listed first at one start)
        if out and s < out[-1][1]:
            continue
        out.append((s, e, lab))
    return out


def paragraphs(text: str):
    pos = 0
    for m in list(PARA.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        if end > pos:
            yield pos, end
        pos = m.end() if m else len(text)


def collect(corpus: Path):
    import citex  # noqa: F401
    from citex.api import default_extractor
    ex = default_extractor(None)
    files = sorted(corpus.rglob("*.txt"))
    train, dev = [], []
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        ents = weak_labels(text, ex)
        bucket = dev if _h(str(f.relative_to(corpus))) % 10 == 0 else train
        for ps, pe in paragraphs(text):
            chunk = text[ps:pe]
            if len(chunk) > 3000 or not chunk.strip():
                continue
            pents = [(s - ps, e - ps, lab) for s, e, lab in ents if s >= ps and e <= pe]
            bucket.append((chunk, pents))
    return files, train, dev


def kb_names(held_out_share: int = 10):
    """(train names, held-out names): titles of at most 14 words and aliases longer than 3 characters."""
    from citex.kb import KnowledgeBase
    train, held = [], []
    for r in KnowledgeBase.bundled():
        names = [r.title] if len(r.title.split()) <= 14 and r.kind != "amendment" else []
        names += [a for a in r.aliases if len(a) > 3 and "(" not in a]
        names = [" ".join(n.split()) for n in names if n.strip()]
        (held if _h(r.id) % held_out_share == 0 else train).extend(names)
    return sorted(set(train)), sorted(set(held) - set(train))


def substitute(chunk, ents, idx, name):
    s, e, _ = ents[idx]
    new = chunk[:s] + name + chunk[e:]
    d = len(name) - (e - s)
    out = []
    for k, (a, b, lab) in enumerate(ents):
        if k == idx:
            out.append((s, s + len(name), "INSTRUMENT"))
        elif b <= s:
            out.append((a, b, lab))
        elif a >= e:
            out.append((a + d, b + d, lab))
    return new, out


def augment(rows, names, per_row, rng):
    out = []
    for chunk, ents in rows:
        inst = [k for k, (_, _, lab) in enumerate(ents) if lab == "INSTRUMENT"]
        if not inst:
            continue
        for _ in range(per_row):
            out.append(substitute(chunk, ents, rng.choice(inst), rng.choice(names)))
    return out


def to_docbin(nlp, rows, path: Path) -> int:
    from spacy.tokens import DocBin
    db = DocBin()
    n = 0
    for text, ents in rows:
        doc = nlp.make_doc(text)
        spans = []
        for s, e, lab in ents:
            sp = doc.char_span(s, e, label=lab, alignment_mode="contract")
            if sp is not None and len(sp):
                spans.append(sp)
        try:
            doc.ents = spans
        except ValueError:
            continue
        db.add(doc)
        n += 1
    db.to_disk(path)
    return n


def build_data(corpus: Path, work: Path, per_row: int, n_plain: int) -> dict:
    import spacy
    rng = random.Random(SEED)
    t0 = time.perf_counter()
    files, train, dev = collect(corpus)
    t_label = time.perf_counter() - t0
    names, held = kb_names()

    tr_inst = [r for r in train if any(l == "INSTRUMENT" for _, _, l in r[1])]
    tr_rest = [r for r in train if not any(l == "INSTRUMENT" for _, _, l in r[1])]
    dv_inst = [r for r in dev if any(l == "INSTRUMENT" for _, _, l in r[1])]
    dv_rest = [r for r in dev if not any(l == "INSTRUMENT" for _, _, l in r[1])]
    rng.shuffle(tr_rest)
    rng.shuffle(dv_rest)
    train_rows = tr_inst + augment(tr_inst, names, per_row, rng) + tr_rest[:n_plain]
    dev_rows = dv_inst + augment(dv_inst, names, 2, rng) + dv_rest[: max(200, n_plain // 9)]
    held_rows = augment(dv_inst + tr_inst[: len(dv_inst)], held, 3, random.Random(SEED + 1))
    rng.shuffle(train_rows)
    nlp = spacy.blank("en")
    work.mkdir(parents=True, exist_ok=True)
    stats = {
        "articles": len(files), "label_seconds": round(t_label, 1),
        "paragraphs_with_instrument": len(tr_inst) + len(dv_inst),
        "kb_names_train": len(names), "kb_names_heldout": len(held),
        "train_docs": to_docbin(nlp, train_rows, work / "train.spacy"),
        "dev_docs": to_docbin(nlp, dev_rows, work / "dev.spacy"),
        "heldout_docs": to_docbin(nlp, held_rows, work / "heldout.spacy"),
    }
    (work / "heldout_names.json").write_text(json.dumps(held, indent=0, ensure_ascii=False), encoding="utf-8")
    return stats


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus"))
    ap.add_argument("--work", default=str(HERE / "work"), help="training data and checkpoints (not shipped)")
    ap.add_argument("--out", default=str(REPO / "src" / "citex" / "data" / "ner"))
    ap.add_argument("--config", default=str(HERE / "config.cfg"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--per-row", type=int, default=12, help="augmented copies per paragraph with an instrument")
    ap.add_argument("--plain", type=int, default=6000, help="paragraphs without an instrument in training")
    ap.add_argument("--data-only", action="store_true")
    a = ap.parse_args(argv)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(a.threads)
    work = Path(a.work)
    stats = build_data(Path(a.corpus), work, a.per_row, a.plain)
    print(json.dumps(stats, indent=1))
    if a.data_only:
        return 0
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "spacy", "train", a.config, "--output", str(work / "output"),
                    "--paths.train", str(work / "train.spacy"), "--paths.dev", str(work / "dev.spacy"),
                    "--system.seed", str(SEED)], check=True)
    stats["train_seconds"] = round(time.perf_counter() - t0, 1)
    out = Path(a.out)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(work / "output" / "model-best", out)
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    meta.update(name="citex_ner", version="0.1.0", description="citex compact NER (INSTRUMENT, PLACE), "
                "weakly supervised from the citex rules on news text; see training/README.md")
    meta.pop("performance", None)
    (out / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    stats.update(heldout_scores(out, work / "heldout.spacy"))
    stats["model_bytes"] = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    (work / "stats.json").write_text(json.dumps(stats, indent=1), encoding="utf-8")
    print(json.dumps(stats, indent=1))
    return 0


def heldout_scores(model: Path, data: Path) -> dict:
    """Recall of the held-out knowledge-base names substituted into held-out contexts (exact span)."""
    import spacy
    from spacy.tokens import DocBin
    nlp = spacy.load(model)
    gold = list(DocBin().from_disk(data).get_docs(nlp.vocab))
    tp = n_gold = n_pred = 0
    for g, p in zip(gold, nlp.pipe((d.text for d in gold), batch_size=64)):
        gs = {(e.start_char, e.end_char) for e in g.ents if e.label_ == "INSTRUMENT"}
        ps = {(e.start_char, e.end_char) for e in p.ents if e.label_ == "INSTRUMENT"}
        tp += len(gs & ps)
        n_gold += len(gs)
        n_pred += len(ps)
    return {"heldout_instrument_recall": round(tp / max(1, n_gold), 3),
            "heldout_instrument_precision": round(tp / max(1, n_pred), 3)}


if __name__ == "__main__":
    sys.exit(main())
