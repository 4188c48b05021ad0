#!/usr/bin/env python3
"""Regenerates Fixtures/<case>/expected.json: the agreement figures of each fixture, computed
independently of argmark's Swift code.

References:
- Cohen's kappa: scikit-learn's `sklearn.metrics.cohen_kappa_score`.
- Krippendorff's alpha (nominal, missing data): the `krippendorff` package from PyPI.
- Krippendorff's unitized alpha (αU): the `krippendorff` package has no αU, so it is implemented
  here a second time, straight from the published formula (Krippendorff 1995, "On the reliability
  of unitizing continuous data", Sociological Methodology 25; the variant of DKPro Agreement's
  KrippendorffAlphaUnitizingAgreement). Unlike the Swift code, which sweeps units against units,
  this one enumerates every pair of segments (units and gaps) and applies the four cases of the
  distance δ² literally, in exact rational arithmetic.
- Unit precision/recall/F1 (exact and Feedback Prize overlap matching), relation F1 and stance
  agreement: re-implemented here from the definitions in the README's "Agreement" section.

Undefined values (e.g. kappa when chance agreement is 1; alpha with a single value) are null.

Requirements: pip install scikit-learn krippendorff numpy
Run: python3 Tests/ArgmarkAgreementTests/Fixtures/make_expected.py
"""
import json
import math
import os
import warnings
import xml.etree.ElementTree as ET
from fractions import Fraction

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score

HERE = os.path.dirname(os.path.abspath(__file__))
NS = "{urn:argmark:1}"
TYPES = ["position", "claim", "counterclaim", "rebuttal", "evidence"]
LABELS = ["none"] + TYPES
# Unicode White_Space (PropList.txt), which is what Swift's Unicode.Scalar.Properties.isWhitespace tests.
WHITE_SPACE = set(chr(c) for c in [*range(0x09, 0x0E), 0x20, 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B),
                                   0x2028, 0x2029, 0x202F, 0x205F, 0x3000])


def read_article(path):
    root = ET.parse(path).getroot()
    text = root.find(NS + "text").text or ""
    units = []
    for element in root.iter(NS + "unit"):
        if element.get("start") is None or element.get("status") == "suggested":
            continue
        start, end = int(element.get("start")), int(element.get("end"))
        pieces = [(start, end)]
        if element.get("fragments"):
            pieces = [tuple(int(x) for x in piece.split("-")) for piece in element.get("fragments").split()]
        units.append(dict(id=element.get("id"), type=element.get("type"), start=start, end=end, pieces=pieces,
                          stance=element.get("stance"), target=element.get("target")))
    units.sort(key=lambda u: (u["start"], u["end"], TYPES.index(u["type"]), u["id"]))
    relations = [dict(id=e.get("id"), type=e.get("type"), source=e.get("from"), to=e.get("to"))
                 for e in root.iter(NS + "relation")]
    return dict(id=root.get("id"), text=text, units=units, relations=relations)


def tokens(text):
    result, start = [], None
    for index, char in enumerate(text):
        if char in WHITE_SPACE:
            if start is not None:
                result.append((start, index))
                start = None
        elif start is None:
            start = index
    if start is not None:
        result.append((start, len(text)))
    return result


def positions(article, unit, measurement):
    """The set of positions a unit covers: code points, or tokens touched by one of its pieces."""
    covered = set()
    for start, end in unit["pieces"]:
        if measurement == "codepoints":
            covered.update(range(start, end))
        else:
            covered.update(i for i, (ts, te) in enumerate(article["tokens"]) if ts < end and start < te)
    return covered


def length(article, measurement):
    return len(article["tokens"]) if measurement == "tokens" else len(article["text"])


def labels(article, measurement):
    codepoint_size = lambda u: len(positions(article, u, "codepoints"))
    ranked = sorted(enumerate(article["units"]), key=lambda p: (codepoint_size(p[1]), TYPES.index(p[1]["type"]), p[0]))
    result = ["none"] * length(article, measurement)
    done = set()
    for _, unit in ranked:
        for position in sorted(positions(article, unit, measurement)):
            if position not in done:
                result[position] = unit["type"]
                done.add(position)
    return result


def align(units_a, units_b, article, rule, measurement):
    """One-to-one greedy pairing: best intersection-over-union first, then text order."""
    cover = (lambda u: frozenset(positions(article, u, "codepoints"))) if rule == "exact" else \
        (lambda u: frozenset(positions(article, u, measurement)))
    candidates = []
    for i, a in enumerate(units_a):
        for j, b in enumerate(units_b):
            if a["type"] != b["type"]:
                continue
            ca, cb = cover(a), cover(b)
            if rule == "exact":
                if ca == cb:
                    candidates.append((Fraction(1), i, j))
            else:
                overlap = len(ca & cb)
                if overlap > 0 and Fraction(overlap, len(ca)) >= Fraction(1, 2) and Fraction(overlap, len(cb)) >= Fraction(1, 2):
                    candidates.append((Fraction(overlap, len(ca | cb)), i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_a, used_b, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def prf(first, second, matched):
    return dict(first=first, second=second, matched=matched,
                precision=matched / second if second else None,
                recall=matched / first if first else None,
                f1=2 * matched / (first + second) if first + second else None)


def unit_scores(pair_articles, a, b, rule, measurement):
    counts = {}
    for versions in pair_articles:
        ua, ub = versions[a]["units"], versions[b]["units"]
        for u in ua:
            counts.setdefault(u["type"], [0, 0, 0])[0] += 1
        for u in ub:
            counts.setdefault(u["type"], [0, 0, 0])[1] += 1
        for i, _ in align(ua, ub, versions[a], rule, measurement):
            counts[ua[i]["type"]][2] += 1
    by_type = {t: prf(*counts[t]) for t in TYPES if t in counts}
    mean = lambda values: sum(values) / len(values) if values else None
    micro = prf(*[sum(c[k] for c in counts.values()) for k in range(3)])
    return dict(byType=by_type, micro=micro, macro=dict(
        precision=mean([s["precision"] or 0 for s in by_type.values()]),
        recall=mean([s["recall"] or 0 for s in by_type.values()]),
        f1=mean([s["f1"] or 0 for s in by_type.values()])))


def relation_counts(version_a, version_b, unit_map, typed):
    """Rounds: relations between matched units first, then relations to already matched relations."""
    mapped_b = set(unit_map.values())
    relation_map, done_a, done_b = {}, set(), set()
    first = second = matched = 0
    while True:
        keys_a = []
        for r in sorted(version_a["relations"], key=lambda r: r["id"]):
            if r["id"] in done_a or r["source"] not in unit_map:
                continue
            if r["to"] in unit_map:
                to = ("unit", unit_map[r["to"]])
            elif r["to"] in relation_map:
                to = ("relation", relation_map[r["to"]])
            else:
                continue
            keys_a.append((r["id"], (r["type"] if typed else "", unit_map[r["source"]], to)))
        matched_b_relations = set(relation_map.values())
        unit_ids_b = {u["id"] for u in version_b["units"]}
        keys_b = []
        for r in sorted(version_b["relations"], key=lambda r: r["id"]):
            if r["id"] in done_b or r["source"] not in mapped_b:
                continue
            if r["to"] in unit_ids_b and r["to"] in mapped_b:
                to = ("unit", r["to"])
            elif r["to"] in matched_b_relations:
                to = ("relation", r["to"])
            else:
                continue
            keys_b.append((r["id"], (r["type"] if typed else "", r["source"], to)))
        if not keys_a and not keys_b:
            break
        first += len(keys_a)
        second += len(keys_b)
        done_a.update(i for i, _ in keys_a)
        done_b.update(i for i, _ in keys_b)
        available = {}
        for rid, key in keys_b:
            available.setdefault(key, []).append(rid)
        added = False
        for rid, key in keys_a:
            if available.get(key):
                relation_map[rid] = available[key].pop(0)
                matched += 1
                added = True
        if not added:
            break
    return first, second, matched


def kappa(first, second):
    if not first:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = cohen_kappa_score(first, second)
    return None if math.isnan(value) else float(value)


def alpha_nominal(table):
    """table: one row per annotator, one column per position, labels or None (missing)."""
    codes = {label: index for index, label in enumerate(LABELS)}
    data = np.array([[np.nan if v is None else codes[v] for v in row] for row in table], dtype=float)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    except ValueError:  # "There has to be more than one value in the domain."
        return None
    return None if math.isnan(value) else float(value)


def unitized_alpha(complete_articles, raters, measurement):
    """αU per type and overall, over the articles every annotator has, concatenated in id order."""
    units = {t: [[] for _ in raters] for t in TYPES}
    offset = 0
    for versions in complete_articles:
        for r in raters:
            article = versions[r]
            for unit in article["units"]:
                covered = sorted(positions(article, unit, measurement))
                # Each maximal run of covered positions is one segment of the unit.
                runs = []
                for p in covered:
                    if runs and runs[-1][1] == p:
                        runs[-1][1] = p + 1
                    else:
                        runs.append([p, p + 1])
                units[unit["type"]][r] += [(s + offset, e + offset) for s, e in runs]
        offset += length(versions[raters[0]], measurement)
    L = offset
    m = len(raters)
    result = {}
    observed_total = expected_total = Fraction(0)
    for t in TYPES:
        if not any(units[t][r] for r in raters):
            continue
        segments = []  # per rater: list of (begin, length, is_unit) covering [0, L)
        for r in raters:
            merged = []
            for s, e in sorted(units[t][r]):
                if merged and s < merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], e)
                else:
                    merged.append([s, e])
            cut, position = [], 0
            for s, e in merged:
                if s > position:
                    cut.append((position, s - position, False))
                cut.append((s, e - s, True))
                position = e
            if position < L:
                cut.append((position, L - position, False))
            segments.append(cut)
        # Observed: Σ_i Σ_{j≠i} Σ_g Σ_h δ²(g, h) / (m (m−1) L²), the four cases of Krippendorff (1995).
        observed = Fraction(0)
        for i in range(m):
            for j in range(m):
                if i == j:
                    continue
                for bg, lg, ug in segments[i]:
                    for bh, lh, uh in segments[j]:
                        if ug and uh and -lg < bg - bh < lh:
                            observed += (bg - bh) ** 2 + (bg + lg - bh - lh) ** 2
                        elif ug and not uh and lh - lg >= bg - bh >= 0:
                            observed += lg ** 2
                        elif not ug and uh and lg - lh >= bh - bg >= 0:
                            observed += lh ** 2
        observed /= m * (m - 1) * L * L
        # Expected: (2/L) Σ_units [(N−1)(2l³−3l²+l)/3 + l² Σ_{gaps G≥l} (G−l+1)] / (mL(mL−1) − Σ l(l−1)).
        unit_lengths = [lg for cut in segments for _, lg, ug in cut if ug]
        gap_lengths = [lg for cut in segments for _, lg, ug in cut if not ug]
        n = len(unit_lengths)
        numerator = sum(Fraction((n - 1) * (2 * l ** 3 - 3 * l ** 2 + l), 3)
                        + l * l * sum(g - l + 1 for g in gap_lengths if g >= l) for l in unit_lengths)
        denominator = m * L * (m * L - 1) - sum(l * (l - 1) for l in unit_lengths)
        expected = Fraction(2, L) * numerator / denominator if denominator else Fraction(0)
        result[t] = dict(value=float(1 - observed / expected) if expected else None,
                         observedDisagreement=float(observed), expectedDisagreement=float(expected))
        observed_total += observed
        expected_total += expected
    overall = float(1 - observed_total / expected_total) if result and expected_total else None
    return dict(overall=overall, length=L, byType=result)


def compute(case_folder, measurement):
    raters = sorted(name for name in os.listdir(case_folder) if os.path.isdir(os.path.join(case_folder, name)))
    by_id = {}
    for r, rater in enumerate(raters):
        folder = os.path.join(case_folder, rater)
        for name in sorted(os.listdir(folder)):
            if name.endswith(".xml") and name != "corpus.xml":
                article = read_article(os.path.join(folder, name))
                article["tokens"] = tokens(article["text"])
                by_id.setdefault(article["id"], [None] * len(raters))[r] = article
    studied = [by_id[i] for i in sorted(by_id) if sum(v is not None for v in by_id[i]) >= 2]
    table = [[] for _ in raters]
    for versions in studied:
        size = length(next(v for v in versions if v), measurement)
        for r in range(len(raters)):
            table[r] += labels(versions[r], measurement) if versions[r] else [None] * size
    pairable = sum(1 for column in zip(*table) if sum(v is not None for v in column) >= 2)
    result = dict(
        annotators=raters,
        labels=dict(krippendorffAlpha=alpha_nominal(table), positions=pairable),
        unitizedAlpha=unitized_alpha([v for v in studied if all(v)], list(range(len(raters))), measurement),
        pairs=[])
    for a in range(len(raters)):
        for b in range(a + 1, len(raters)):
            shared = [v for v in studied if v[a] and v[b]]
            first_labels, second_labels = [], []
            stance_first, stance_second = [], []
            typed = [0, 0, 0]
            untyped = [0, 0, 0]
            for versions in shared:
                first_labels += labels(versions[a], measurement)
                second_labels += labels(versions[b], measurement)
                ua, ub = versions[a]["units"], versions[b]["units"]
                pairs = align(ua, ub, versions[a], "overlap", measurement)
                stance = lambda u: f"{u['stance']}@{u['target'] or ''}" if u["stance"] else "none"
                stance_first += [stance(ua[i]) for i, _ in pairs]
                stance_second += [stance(ub[j]) for _, j in pairs]
                unit_map = {ua[i]["id"]: ub[j]["id"] for i, j in pairs}
                for totals, is_typed in ((typed, True), (untyped, False)):
                    for k, value in enumerate(relation_counts(versions[a], versions[b], unit_map, is_typed)):
                        totals[k] += value
            used = sorted(set(first_labels) | set(second_labels), key=LABELS.index)
            confusion = [[sum(1 for x, y in zip(first_labels, second_labels) if x == row and y == column)
                          for column in used] for row in used]
            agreed = sum(1 for x, y in zip(stance_first, stance_second) if x == y)
            result["pairs"].append(dict(
                first=raters[a], second=raters[b],
                units=dict(exact=unit_scores(shared, a, b, "exact", measurement),
                           overlap=unit_scores(shared, a, b, "overlap", measurement)),
                labels=dict(positions=len(first_labels), cohenKappa=kappa(first_labels, second_labels),
                            confusion=dict(labels=used, counts=confusion)),
                relations=dict(typed=prf(*typed), untyped=prf(*untyped)),
                stance=dict(items=len(stance_first), agreed=agreed,
                            observed=agreed / len(stance_first) if stance_first else None,
                            cohenKappa=kappa(stance_first, stance_second))))
    return result


def main():
    for case in sorted(os.listdir(HERE)):
        folder = os.path.join(HERE, case)
        if not os.path.isdir(folder) or case.startswith(("_", ".")):
            continue
        expected = {measurement: compute(folder, measurement) for measurement in ("tokens", "codepoints")}
        with open(os.path.join(folder, "expected.json"), "w", encoding="utf-8", newline="\n") as handle:
            json.dump(expected, handle, indent=2, sort_keys=True, ensure_ascii=False)
            handle.write("\n")


if __name__ == "__main__":
    main()
