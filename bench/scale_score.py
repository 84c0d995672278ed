#!/usr/bin/env python3
"""Scores mali-atlas's incidents (JSONL) against a synthetic corpus's ground truth.

  scale_score.py CORPUS.jsonl INCIDENTS.jsonl   -> one JSON line of counts and rates

A truth incident is found when an incident of the same article names its place (mention or
gazetteer name, folded and matched as bench/peer/score.py does); its date and best toll are then compared exactly. Standard library
only. The corpus is templated prose: these rates check that nothing degrades at scale, they
say nothing of real articles (that is tests/eval/).
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "peer"))
from score import atlas_names, fold  # noqa: E402  (the peer benchmark's matching, no spaCy)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    corpus, incidents = sys.argv[1:]
    by_article = {}
    with open(incidents, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                i = json.loads(line)
                by_article.setdefault(i.get("article"), []).append(i)
    expected = places = dates = tolls = with_date = with_toll = 0
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            for truth in article["truth"]["incidents"]:
                expected += 1
                place = fold(truth["place"])
                match = next(
                    (i for i in by_article.get(article["id"], []) if place in atlas_names(i.get("places", []))),
                    None,
                )
                if truth.get("date"):
                    with_date += 1
                if truth.get("best") is not None:
                    with_toll += 1
                if match is None:
                    continue
                places += 1
                dates += bool(truth.get("date")) and match.get("date") == truth["date"]
                best = (match.get("fatalities") or {}).get("best")
                tolls += truth.get("best") is not None and best == truth["best"]
    print(json.dumps({
        "truth_incidents": expected,
        "place_recall": places / max(expected, 1),
        "date_exact": dates / max(with_date, 1),
        "best_toll_exact": tolls / max(with_toll, 1),
        "predicted_incidents": sum(map(len, by_article.values())),
    }))


if __name__ == "__main__":
    main()
