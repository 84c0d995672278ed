#!/usr/bin/env python3
"""Writes the fuzzers' starting corpus into fuzz/corpus/<target>/ (not committed): the five
seed articles and the evaluation texts, plus HTML and Windows-1252 variants for the loader.
Python 3.11+ (tomllib); no packages."""
import pathlib, tomllib, html

root = pathlib.Path(__file__).resolve().parent
texts = [p.read_text(encoding="utf-8") for p in sorted((root.parent / "seeds").glob("*.txt"))]
cases = tomllib.loads((root.parent / "tests/eval/cases.toml").read_text(encoding="utf-8"))
texts += [c["text"] for c in cases["case"]]

for target in ("loader", "extractor", "geocoder"):
    d = root / "corpus" / target
    d.mkdir(parents=True, exist_ok=True)
    for i, t in enumerate(texts):
        if target == "loader":
            # First byte picks the reader: 0 .txt, 1 .md, 2 .html.
            (d / f"txt-{i:03}").write_bytes(b"\x00" + t.encode("utf-8"))
            (d / f"cp1252-{i:03}").write_bytes(b"\x00" + t.encode("cp1252", "replace"))
            body = "".join(f"<p>{html.escape(p)}</p>\n" for p in t.split("\n\n"))
            page = f"<html><head><title>Mali</title></head><body>{body}</body></html>"
            (d / f"html-{i:03}").write_bytes(b"\x02" + page.encode("utf-8"))
        else:
            (d / f"text-{i:03}").write_bytes(t.encode("utf-8"))
print(f"{len(texts)} texts written under {root / 'corpus'}")
