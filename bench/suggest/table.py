#!/usr/bin/env python3
"""Turns the argmark agree JSON files written by evaluate.sh into the README's Markdown table:
overlap-rule F1 per unit type and macro F1 (mean over the types in the gold or the output)."""
import json
import os
import sys

SETS = [("web-discourse", "web discourse, held out"), ("microtexts", "arg-microtexts, held out"), ("seeds", "seed articles")]
SYSTEMS = [("nothing", "nothing"), ("every-sentence-claim", "every sentence is a claim"), ("model", "argmark suggest")]
TYPES = ["position", "claim", "counterclaim", "rebuttal", "evidence"]


def cell(value):
    return "–" if value is None else f"{value:.3f}"


def main():
    folder = sys.argv[1]
    print("| test set (articles, gold units) | system | " + " | ".join(TYPES) + " | macro F1 |")
    print("| --- | --- | " + " | ".join("---:" for _ in TYPES) + " | ---: |")
    for key, title in SETS:
        for system, name in SYSTEMS:
            with open(os.path.join(folder, f"{key}.{system}.json"), encoding="utf-8") as handle:
                report = json.load(handle)
            pair = report["pairs"][0]
            overlap = pair["units"]["overlap"]
            by_type = overlap["byType"]
            gold = sum(counts["first"] for counts in by_type.values())
            label = f"{title} ({pair['articles']}, {gold})" if system == "nothing" else ""
            row = [cell(by_type[t]["f1"]) if t in by_type else "–" for t in TYPES]
            macro = overlap["macro"]["f1"]
            print(f"| {label} | {name} | " + " | ".join(row) + f" | **{cell(macro)}** |")


if __name__ == "__main__":
    main()
