#!/usr/bin/env python3
"""Turns the JSON files written by evaluate.sh into the README's Markdown tables."""
import glob
import json
import os
import sys

CORPORA = [("web-discourse", "web discourse"), ("microtexts", "arg-microtexts"),
           ("room-for-debate", "Room for Debate"), ("seeds", "seed articles")]
BASELINES = [("every-sentence-claim", "all claim"), ("every-sentence-evidence", "all evidence"), ("positional", "positional")]
TYPES = ["position", "claim", "counterclaim", "rebuttal", "evidence"]


def f1(counts):
    total = counts["gold"] + counts["suggested"]
    return None if total == 0 else 2 * counts["matched"] / total


def cell(value):
    return "–" if value is None else f"{value:.3f}"


def add(a, b):
    return {k: a.get(k, 0) + b.get(k, 0) for k in ("gold", "suggested", "matched")}


def merge(reports):
    """Sums the counts of several reports (the seed articles left out one at a time)."""
    merged = {"trainingDocuments": sum(r["trainingDocuments"] for r in reports) // len(reports),
              "segmentation": "/".join(sorted({r.get("segmentation", "–") for r in reports}))}
    for system in ["model"] + [b for b, _ in BASELINES]:
        units = {}
        for report in reports:
            for t, counts in report[system]["units"].items():
                units[t] = add(units.get(t, {}), counts)
        scores = [f1(c) for c in units.values() if c["gold"] > 0]
        strict = [f1(c) for c in units.values() if f1(c) is not None]
        merged[system] = {
            "documents": sum(r[system]["documents"] for r in reports), "units": units,
            "macroF1": sum(scores) / len(scores) if scores else None,
            "strictMacroF1": sum(strict) / len(strict) if strict else None,
            "relations": {k: sum(r[system]["relations"][k] for r in reports) for k in ("gold", "suggested", "matched")},
            "stance": {k: sum(r[system]["stance"][k] for r in reports) for k in ("gold", "suggested", "matched")},
        }
    return merged


def load(folder, name):
    with open(os.path.join(folder, name), encoding="utf-8") as handle:
        return json.load(handle)


def row(report, first):
    model = report["model"]
    gold_units = sum(c["gold"] for c in model["units"].values())
    cells = [first, str(report["trainingDocuments"]), f'{model["documents"]} / {gold_units}', f'**{cell(model["macroF1"])}**', cell(model.get("strictMacroF1"))]
    cells += [cell(report[b]["macroF1"]) for b, _ in BASELINES]
    cells.append(margin(report))
    cells += [report.get("segmentation", "–"), cell(f1(model["relations"])), cell(f1(model["stance"])) if model["stance"]["gold"] else "–"]
    return "| " + " | ".join(cells) + " |"


def margin(report, system="model"):
    """The system's macro F1 minus the best trivial baseline's on the same articles."""
    best = max((report[b]["macroF1"] or 0) for b, _ in BASELINES)
    return f'{(report[system]["macroF1"] or 0) - best:+.3f}'


def typed(report):
    """The cells of the model scored with the corpus's label set declared (suggest --types)."""
    if "model-typed" not in report:
        return ["–", "–", "–"]
    model = report["model-typed"]
    return [f'**{cell(model["macroF1"])}**', cell(model.get("strictMacroF1")), margin(report, "model-typed")]


def header(first):
    names = [first, "trained on (articles)", "tested on (articles / gold units)", "model", "model, strict"] + [n for _, n in BASELINES] + ["model − best baseline", "segments", "relations F1", "stance F1"]
    return "| " + " | ".join(names) + " |\n|" + " --- |" * 3 + " ---: |" * (len(names) - 3)


def main():
    folder = sys.argv[1]
    print("In-corpus learning curve (macro overlap-F1 on the held-out fifth; baselines on the same articles):\n")
    print(header("corpus, share of the training split"))
    for key, title in CORPORA:
        if key == "seeds":
            report = merge([load(folder, os.path.basename(p)) for p in sorted(glob.glob(os.path.join(folder, "seeds.*.json")))])
            print(row(report, f"{title}, each left out in turn"))
            continue
        for percent in (10, 25, 50, 100):
            # evaluate.sh with PERCENTS set runs only some points of the curve.
            if os.path.exists(os.path.join(folder, f"curve.{key}.{percent}.json")):
                print(row(load(folder, f"curve.{key}.{percent}.json"), f"{title}, {percent}%"))
    print("\nPer type F1 of the model trained on the whole training split:\n")
    print("| corpus | " + " | ".join(TYPES) + " |\n| --- |" + " ---: |" * len(TYPES))
    for key, title in CORPORA:
        report = merge([load(folder, os.path.basename(p)) for p in sorted(glob.glob(os.path.join(folder, "seeds.*.json")))]) if key == "seeds" else load(folder, f"curve.{key}.100.json")
        units = report["model"]["units"]
        print(f"| {title} | " + " | ".join(cell(f1(units[t])) if t in units else "–" for t in TYPES) + " |")
    print("\nCross-corpus (trained on every other corpus, tested on this one's held-out part; the last three"
          " columns with the corpus's own label set declared, as argmark suggest --types does):\n")
    print(header("tested on")[:-1].split("\n")[0] + " with --types | with --types, strict | with --types − best baseline |")
    print(header("tested on").split("\n")[1] + " ---: | ---: | ---: |")
    for key, title in CORPORA:
        if not os.path.exists(os.path.join(folder, f"cross.{key}.json")):
            print(f"| {title} | not measured: the run did not finish |" + " |" * 13)
            continue
        report = load(folder, f"cross.{key}.json")
        print(row(report, title) + " " + " | ".join(typed(report)) + " |")
    print("\nThe shipped model (bench/suggest/train.sh; the seeds are in its training data, the other sets are not):\n")
    print("| test set | macro overlap-F1 (train --held-out) | strict | strict, through suggest + agree | " + " | ".join(n for _, n in BASELINES) + " | model − best baseline | relations F1 | stance F1 | with --types | with --types, strict | with --types − best baseline |")
    print("| --- | ---: | ---: | ---: |" + " ---: |" * (len(BASELINES) + 6))
    for key, title in CORPORA:
        report = load(folder, f"shipped.{key}.json")
        agree = load(folder, f"agree.{key}.json")["pairs"][0]["units"]["overlap"]["macro"]["f1"]
        print(f"| {title} | **{cell(report['model']['macroF1'])}** | {cell(report['model'].get('strictMacroF1'))} | {cell(agree)} | " + " | ".join(cell(report[b]["macroF1"]) for b, _ in BASELINES)
              + f" | {margin(report)} | {cell(f1(report['model']['relations']))} | {cell(f1(report['model']['stance'])) if report['model']['stance']['gold'] else '–'} | " + " | ".join(typed(report)) + " |")


if __name__ == "__main__":
    main()
