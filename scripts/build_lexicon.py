#!/usr/bin/env python3
"""Build the Swedish word lists that ``govgraph.loaders.ocr_repair`` uses (run ONCE, commit output).

Two package-data files are written to ``src/govgraph/data/`` (sources and licences are recorded in
``src/govgraph/data/REFERENCE-SOURCES.md``):

``sv_words.txt.gz``
    Every lower-cased Swedish word form of the hunspell-sv dictionary (Debian package
    ``hunspell-sv``, Göran Andersson, LGPL-3), one per line, affixes expanded with ``unmunch``
    (Debian package ``hunspell-tools``). Forms that hunspell only allows inside compounds,
    forbidden forms and forms that need an affix are left out.

``sv_wordfreq.tsv.gz``
    ``word<TAB>zipf*100`` for the Swedish "large" list of the ``wordfreq`` package (Robyn Speer,
    data CC BY-SA 4.0): purely alphabetic lower-case words (hyphens allowed) with a Zipf frequency of
    at least 1.0.

Usage (needs ``apt-get install hunspell-sv hunspell-tools`` and ``pip install wordfreq`` — build
time only, the product reads the generated files)::

    python scripts/build_lexicon.py [--dic /usr/share/hunspell/sv_SE.dic] [--out src/govgraph/data]
"""
from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

WORD = re.compile(r"^[a-zåäöéüæøà]+(?:-[a-zåäöéüæøà]+)*$")


def hunspell_forms(dic: Path, aff: Path) -> set[str]:
    """Expanded word forms of a hunspell dictionary (lower-cased, NFC)."""
    flags = {}
    for line in aff.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("ONLYINCOMPOUND", "FORBIDDENWORD", "NEEDAFFIX"):
            flags[parts[0]] = parts[1]
    bad = set(flags.values())
    out = subprocess.run(["unmunch", str(dic), str(aff)], check=True, capture_output=True).stdout
    forms: set[str] = set()
    for raw in out.decode("utf-8", "replace").splitlines():
        word, _, fl = raw.partition("/")
        if fl and bad & set(fl):
            continue
        w = unicodedata.normalize("NFC", word.strip()).lower()
        if len(w) >= 1 and WORD.match(w):
            forms.add(w)
    return forms


def wordfreq_forms(min_zipf: float) -> dict[str, int]:
    import wordfreq  # build-time only

    out: dict[str, int] = {}
    for w, f in wordfreq.get_frequency_dict("sv", wordlist="large").items():
        w = unicodedata.normalize("NFC", w).lower()
        if not WORD.match(w):
            continue
        z = wordfreq.zipf_frequency(w, "sv", wordlist="large")
        if z >= min_zipf:
            out[w] = max(out.get(w, 0), int(round(z * 100)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dic", default="/usr/share/hunspell/sv_SE.dic")
    ap.add_argument("--aff", default=None)
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "src" / "govgraph" / "data"))
    ap.add_argument("--min-zipf", type=float, default=1.0)
    a = ap.parse_args(argv)
    dic = Path(a.dic)
    aff = Path(a.aff) if a.aff else dic.with_suffix(".aff")
    out = Path(a.out)
    forms = hunspell_forms(dic, aff)
    freq = wordfreq_forms(a.min_zipf)
    with gzip.GzipFile(out / "sv_words.txt.gz", "wb", mtime=0, compresslevel=9) as fh:
        fh.write(("\n".join(sorted(forms)) + "\n").encode("utf-8"))
    with gzip.GzipFile(out / "sv_wordfreq.tsv.gz", "wb", mtime=0, compresslevel=9) as fh:
        fh.write("".join(f"{w}\t{z}\n" for w, z in sorted(freq.items())).encode("utf-8"))
    print(f"sv_words.txt.gz: {len(forms)} forms; sv_wordfreq.tsv.gz: {len(freq)} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
