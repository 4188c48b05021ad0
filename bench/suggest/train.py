#!/usr/bin/env python3
"""Trains the weights of `argmark suggest` (multinomial logistic regression) with numpy only.

Input: feature dumps written by `argmark suggest --dump-features PATH...` (one JSON file per
corpus), so features are computed by argmark's own Swift code, the same code that applies the
model. Articles that `split.held_out` selects are never trained on.

    python3 bench/suggest/train.py --out Sources/ArgmarkSuggest/Resources/weights.tsv \
        DUMP.json [DUMP.json ...]

Everything is deterministic: full-batch gradient descent from zero weights, a fixed number of
steps, no random numbers; the table is written with fixed precision and sorted rows.
`--cross-validate` instead reports a segment-level macro F1 over 5 folds of the training part
(for choosing the settings below; it never looks at held-out articles).
"""
import argparse
import json
import sys

import numpy as np

sys.path.insert(0, __import__("os").path.dirname(__file__))
from split import held_out  # noqa: E402

LABELS = ["none", "position", "claim", "counterclaim", "rebuttal", "evidence"]
# Settings (chosen with --cross-validate on the training part only).
L2 = 0.3  # penalty on the weights (not on bias)
CLASS_WEIGHT_POWER = 0.5  # each class weighted by (frequency)^-power
STEPS = 1500
LEARNING_RATE = 0.1


def load(paths):
    """Training rows: (article id, feature names, label index) for articles not held out."""
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for article in json.load(handle):
                if held_out(article["id"]):
                    continue
                for segment in article["segments"]:
                    rows.append((article["id"], segment["features"], LABELS.index(segment["label"])))
    return rows


def matrix(rows, features):
    index = {name: i for i, name in enumerate(features)}
    x = np.zeros((len(rows), len(features)))
    for r, (_, names, _) in enumerate(rows):
        for name in names:
            if name in index:
                x[r, index[name]] = 1.0
    y = np.array([label for _, _, label in rows])
    return x, y


def fit(x, y, l2=L2, power=CLASS_WEIGHT_POWER, steps=STEPS, rate=LEARNING_RATE, bias_column=None):
    n, d = x.shape
    k = len(LABELS)
    counts = np.bincount(y, minlength=k).astype(float)
    class_weight = np.where(counts > 0, (counts.clip(min=1) / n) ** -power, 0.0)
    sample_weight = class_weight[y]
    sample_weight = sample_weight / sample_weight.mean()
    onehot = np.eye(k)[y]
    w = np.zeros((d, k))
    penalty = np.ones((d, 1))
    if bias_column is not None:
        penalty[bias_column] = 0.0
    # Adam, deterministic.
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, steps + 1):
        scores = x @ w
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ ((p - onehot) * sample_weight[:, None]) / n + l2 * penalty * w / n * 10
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w


def decide(scores, none_threshold=0.5):
    """argmark's decision rule (SuggestionModel.predict): the most probable unit type when the
    probability of none is below the threshold, none otherwise."""
    scores = scores - scores.max(axis=1, keepdims=True)
    p = np.exp(scores)
    p /= p.sum(axis=1, keepdims=True)
    return np.where(p[:, 0] < none_threshold, p[:, 1:].argmax(axis=1) + 1, 0)


def macro_f1(truth, predicted):
    scores = []
    for label in range(1, len(LABELS)):  # unit types only, as the evaluation does
        tp = np.sum((truth == label) & (predicted == label))
        fp = np.sum((truth != label) & (predicted == label))
        fn = np.sum((truth == label) & (predicted != label))
        if tp + fp + fn:
            scores.append(2 * tp / (2 * tp + fp + fn))
    return float(np.mean(scores)) if scores else 0.0


def cross_validate(rows, features, settings):
    ids = sorted({article for article, _, _ in rows})
    fold = {article: i % 5 for i, article in enumerate(ids)}
    x, y = matrix(rows, features)
    folds = np.array([fold[article] for article, _, _ in rows])
    bias = features.index("bias")
    for l2, power in settings:
        results = []
        for f in range(5):
            train, test = folds != f, folds == f
            w = fit(x[train], y[train], l2=l2, power=power, bias_column=bias)
            results.append(macro_f1(y[test], decide(x[test] @ w)))
        print(f"l2={l2} power={power}: segment macro F1 {np.mean(results):.3f} ({' '.join(f'{r:.3f}' for r in results)})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dumps", nargs="+")
    parser.add_argument("--out")
    parser.add_argument("--cross-validate", action="store_true")
    arguments = parser.parse_args()
    rows = load(arguments.dumps)
    features = sorted({name for _, names, _ in rows for name in names} | {"bias"})
    if arguments.cross_validate:
        cross_validate(rows, features, [(l2, power) for l2 in (0.3, 1.0, 3.0, 10.0) for power in (0.5, 1.0)])
        return
    x, y = matrix(rows, features)
    w = fit(x, y, bias_column=features.index("bias"))
    counts = np.bincount(y, minlength=len(LABELS))
    lines = [
        "# Weights of argmark suggest: multinomial logistic regression, one column per label.",
        "# Written by bench/suggest/train.py; do not edit by hand (retrain: bash bench/suggest/train.sh).",
        f"# Trained on {len({a for a, _, _ in rows})} articles, {len(rows)} segments: "
        + ", ".join(f"{label} {int(c)}" for label, c in zip(LABELS, counts)) + ".",
        f"# Settings: l2 {L2}, class weight power {CLASS_WEIGHT_POWER}, {STEPS} steps of Adam at {LEARNING_RATE}.",
        "\t".join(["feature"] + LABELS),
    ]
    for i, name in enumerate(features):
        lines.append("\t".join([name] + [f"{value:.6f}" for value in w[i]]).replace("-0.000000", "0.000000"))
    with open(arguments.out, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"wrote {arguments.out}: {len(features)} features, {len(rows)} training segments")


if __name__ == "__main__":
    main()
