"""The peer pipeline of mali-atlas's peer benchmark: spaCy NER + a plain gazetteer lookup.

What a developer would build in an afternoon with off-the-shelf tools: spaCy's French model
(fr_core_news_md) finds LOC/GPE entities, and each entity is kept as a Malian place when its
folded text is exactly a name or alternate name of a row of GeoNames ML.txt. No scoring, no
context, no disambiguation: it is the baseline mali-atlas's place finding is compared with.

Commands (one article per line, {"id", "text", ...}, as `mali-atlas extract --stdin-jsonl`):
  peer.py extract --gazetteer ML.txt < corpus.jsonl > places.jsonl   (counts on stderr, JSON)
  peer.py recall  --gazetteer ML.txt CASES.toml                       (JSON on stdout)

Not part of mali-atlas: nothing here is shipped or tested by the crate; see README.md.
"""

import argparse
import json
import re
import sys
import time
import unicodedata

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11: run.sh installs tomli
    import tomli as tomllib

ENTITY_LABELS = {"LOC", "GPE"}  # fr_core_news_md tags places LOC; GPE kept for other models


def fold(text):
    """Lower case, accents and punctuation removed, spaces collapsed ("Ké-Macina" -> "ke macina")."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return re.sub(r"[^0-9a-z]+", " ", bare).strip()


def load_gazetteer(path):
    """Folded name -> set of primary names, from GeoNames' tab-separated ML.txt (read as is)."""
    names = {}
    with open(path, encoding="utf-8") as rows:
        for row in rows:
            fields = row.rstrip("\n").split("\t")
            if len(fields) < 4:
                continue
            for name in [fields[1], fields[2], *fields[3].split(",")]:
                key = fold(name)
                if key:
                    names.setdefault(key, set()).add(fields[1])
    return names


def load_model():
    import spacy  # imported here so that `--help` works without spaCy

    # Only the NER is needed; the rest of the pipeline would only slow the peer down.
    return spacy.load("fr_core_news_md", exclude=["parser", "lemmatizer", "morphologizer", "attribute_ruler"])


def resolved_places(doc, gazetteer):
    """The document's LOC/GPE entities that the gazetteer knows, with the names they match."""
    places = []
    for entity in doc.ents:
        if entity.label_ in ENTITY_LABELS:
            names = gazetteer.get(fold(entity.text))
            if names:
                places.append({"mention": entity.text, "char_span": [entity.start_char, entity.end_char], "names": sorted(names)})
    return places


def extract(arguments):
    started = time.perf_counter()
    gazetteer = load_gazetteer(arguments.gazetteer)
    nlp = load_model()
    loaded = time.perf_counter()
    articles = [json.loads(line) for line in sys.stdin if line.strip()]
    counts = {"articles": len(articles), "text_bytes": 0, "entities": 0, "loc_entities": 0, "resolved": 0}
    texts = (article.get("text", "") for article in articles)
    out = sys.stdout
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=64, n_process=1)):
        counts["text_bytes"] += len(doc.text.encode("utf-8"))
        counts["entities"] += len(doc.ents)
        counts["loc_entities"] += sum(1 for e in doc.ents if e.label_ in ENTITY_LABELS)
        places = resolved_places(doc, gazetteer)
        counts["resolved"] += len(places)
        out.write(json.dumps({"id": article.get("id"), "places": places}, ensure_ascii=False) + "\n")
    finished = time.perf_counter()
    counts["load_seconds"] = round(loaded - started, 3)
    counts["pipe_seconds"] = round(finished - loaded, 3)
    print(json.dumps(counts), file=sys.stderr)


def expected_places(cases_path):
    """(case id, text, [place]) of the evaluation set; region-only incidents are skipped."""
    with open(cases_path, "rb") as file:
        cases = tomllib.load(file)["case"]
    for case in cases:
        places = [i["place"] for i in case.get("incident", []) if not i.get("region_only")]
        yield case["id"], case["text"], places


def recall_on_cases(cases_path, names_of_text):
    """Toponym recall on the evaluation set, the same for both pipelines: `names_of_text(text)`
    is the set of folded names (mentions and gazetteer names) a pipeline found in the text."""
    expected = found = 0
    missed = []
    for case_id, text, places in expected_places(cases_path):
        seen = names_of_text(text)
        for place in places:
            expected += 1
            if fold(place) in seen:
                found += 1
            else:
                missed.append(f"{case_id}:{place}")
    return {"expected": expected, "found": found, "recall": found / max(expected, 1), "missed": missed}


def recall(arguments):
    gazetteer = load_gazetteer(arguments.gazetteer)
    nlp = load_model()

    def names_of_text(text):
        seen = set()
        for place in resolved_places(nlp(text), gazetteer):
            seen.add(fold(place["mention"]))
            seen.update(fold(name) for name in place["names"])
        return seen

    print(json.dumps(recall_on_cases(arguments.cases, names_of_text), ensure_ascii=False))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    extract_parser = commands.add_parser("extract", help="places of a JSONL corpus read on stdin")
    extract_parser.add_argument("--gazetteer", required=True)
    recall_parser = commands.add_parser("recall", help="toponym recall on tests/eval/cases.toml")
    recall_parser.add_argument("--gazetteer", required=True)
    recall_parser.add_argument("cases")
    arguments = parser.parse_args()
    {"extract": extract, "recall": recall}[arguments.command](arguments)


if __name__ == "__main__":
    main()
