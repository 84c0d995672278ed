"""Scoring helpers of the peer benchmark (no spaCy needed): text sizes, mali-atlas's toponym
recall on tests/eval/cases.toml, and both pipelines' place recall on a synthetic corpus.

  score.py text-bytes CORPUS.jsonl                       -> {"articles", "text_bytes"}
  score.py atlas-recall --binary B --gazetteer G CASES   -> {"expected", "found", "recall", "missed"}
  score.py synth-recall CORPUS ATLAS.jsonl PEER.jsonl    -> recall of the corpus's `truth` places

Matching is the same for both pipelines: an expected place counts as found when its folded
name (peer.fold) equals the folded mention or gazetteer name of a place the pipeline output
for that text. Places mali-atlas marks "foreign" do not count.
"""

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peer import fold, recall_on_cases  # noqa: E402


def read_jsonl(path):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def atlas_names(places):
    """Folded mentions and names of mali-atlas places, foreign ones left out."""
    names = set()
    for place in places:
        if place.get("precision") != "foreign":
            names.update(fold(place.get(key) or "") for key in ("mention", "name"))
    return names


def text_bytes(corpus):
    articles = read_jsonl(corpus)
    total = sum(len(article.get("text", "").encode("utf-8")) for article in articles)
    return {"articles": len(articles), "text_bytes": total}


def atlas_recall(binary, gazetteer, cases):
    def names_of_text(text):
        command = [binary, "--quiet", "--gazetteer", gazetteer, "geocode", text]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        return atlas_names(json.loads(output))

    return recall_on_cases(cases, names_of_text)


def synth_recall(corpus, atlas_output, peer_output):
    atlas_seen, peer_seen = {}, {}
    for incident in read_jsonl(atlas_output):
        atlas_seen.setdefault(incident.get("article"), set()).update(atlas_names(incident.get("places", [])))
    for article in read_jsonl(peer_output):
        names = peer_seen.setdefault(article.get("id"), set())
        for place in article.get("places", []):
            names.add(fold(place["mention"]))
            names.update(fold(name) for name in place["names"])
    expected = atlas_found = peer_found = 0
    for article in read_jsonl(corpus):
        for truth in article.get("truth", {}).get("incidents", []):
            expected += 1
            atlas_found += fold(truth["place"]) in atlas_seen.get(article["id"], set())
            peer_found += fold(truth["place"]) in peer_seen.get(article["id"], set())
    return {
        "expected": expected,
        "atlas_found": atlas_found,
        "atlas_recall": atlas_found / max(expected, 1),
        "peer_found": peer_found,
        "peer_recall": peer_found / max(expected, 1),
    }


def main():
    command, *arguments = sys.argv[1:] or ["help"]
    if command == "text-bytes" and len(arguments) == 1:
        result = text_bytes(*arguments)
    elif command == "atlas-recall" and len(arguments) == 5 and arguments[0] == "--binary" and arguments[2] == "--gazetteer":
        result = atlas_recall(arguments[1], arguments[3], arguments[4])
    elif command == "synth-recall" and len(arguments) == 3:
        result = synth_recall(*arguments)
    else:
        sys.exit(__doc__)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
