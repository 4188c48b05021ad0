#!/usr/bin/env python3
"""Prepares folders for bench/suggest/evaluate.sh.

    stage.py held-out SRC DST   copy the articles of SRC that split.held_out selects (+ corpus.xml)
    stage.py training SRC DST [PERCENT]
                                copy the articles of SRC that are not held out (+ corpus.xml);
                                with PERCENT, only that share of them (split.in_fraction)
    stage.py share SRC DST PERCENT
                                copy that share of every article of SRC (split.in_fraction, + corpus.xml)
    stage.py except SRC DST ID  copy every article of SRC but the one with argmark id ID
    stage.py only SRC DST ID    copy the article with argmark id ID
    stage.py all SRC DST        copy every article of SRC (+ corpus.xml)
    stage.py genre SRC DST G    copy every article of SRC, giving those without a genre genre G
    stage.py strip SRC DST      copy SRC with every unit and relation removed (text and speakers kept)
    stage.py debate-stance SRC DST METADATA
                                copy every article of SRC (Room for Debate, imported), declaring in
                                DST/corpus.xml one target per debate (its question) and giving every
                                gold unit of a comment the comment's annotated stance toward it

Stripping cuts the <units> and <relations> blocks out of argmark's canonical XML; the <text>
element is not touched, so its digest stays valid (evaluate.sh validates the result).
"""
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(__file__))
from split import held_out, in_fraction  # noqa: E402

ID = re.compile(r'<article [^>]*\bid="([^"]+)"')


def articles(folder):
    for name in sorted(os.listdir(folder)):
        if name.endswith(".xml") and name != "corpus.xml":
            yield name, os.path.join(folder, name)


def copy_corpus(source, destination):
    """Copies a corpus file; when the destination has one already (two corpora staged into one
    folder, such as arg-microtexts parts 1 and 2), the stance targets of both are kept."""
    if not os.path.exists(destination):
        shutil.copy(source, destination)
        return
    targets = {}
    for path in (destination, source):
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        if "<proposition " in text:
            sys.exit(f"{path}: error: cannot merge corpus files with propositions; stage into separate folders")
        for line in text.splitlines():
            if line.strip().startswith("<target "):
                targets[re.search(r'id="([^"]+)"', line).group(1)] = line
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<corpus xmlns="urn:argmark:1" version="1">', "  <targets>"]
    lines += [targets[key] for key in sorted(targets)]
    lines += ["  </targets>", "</corpus>"]
    with open(destination, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


NEGATION = re.compile(r"\b(not|no|never|nothing|shouldn't|isn't|aren't|don't|doesn't|won't|can't|cannot|without)\b|n't\b", re.I)


def debate_stances(metadata):
    """Room for Debate stances: {comment id: (target id, debate question, favor|against)}.

    Each debate's comments argue for one of two opposite claims (ARCT's annotatedStance); the
    one with fewer negations ("X is the answer" against "X is not the answer") counts as favour
    of the debate's question, so one target per debate carries both sides."""
    import csv
    rows = list(csv.DictReader(open(metadata, encoding="utf-8")))
    by_debate = {}
    for row in rows:
        by_debate.setdefault(row["debateMetaData.url"], set()).add(row["annotatedStance"])
    result = {}
    for row in rows:
        url = row["debateMetaData.url"]
        claims = sorted(by_debate[url], key=lambda claim: (len(NEGATION.findall(claim)), claim))
        slug = re.sub(r"[^a-z0-9]+", "-", url.rstrip("/").rsplit("/", 1)[-1].lower()).strip("-")[:80] or "debate"
        question = row["debateMetaData.description"].strip() or row["debateMetaData.title"].strip()
        own = row["annotatedStance"]
        # A debate whose comments all argue one side: that side is against when it is negated.
        favor = own == claims[0] and (len(claims) > 1 or not NEGATION.search(own))
        stance = "favor" if favor else "against"
        result[row["id"]] = ("debate-" + slug, question, stance)
    return result


def xml_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def main():
    mode, source, destination = sys.argv[1:4]
    argument = sys.argv[4] if len(sys.argv) > 4 else None
    if mode == "strip" and os.path.exists(destination):
        shutil.rmtree(destination)
    os.makedirs(destination, exist_ok=True)
    stances = debate_stances(argument) if mode == "debate-stance" else None
    if stances is not None:
        targets = {target: question for target, question, _ in stances.values()}
        lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<corpus xmlns="urn:argmark:1" version="1">', "  <targets>"]
        lines += [f'    <target id="{target}" name="{xml_escape(targets[target])}"/>' for target in sorted(targets)]
        lines += ["  </targets>", "</corpus>"]
        with open(os.path.join(destination, "corpus.xml"), "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
    corpus = os.path.join(source, "corpus.xml")
    if os.path.exists(corpus):
        copy_corpus(corpus, os.path.join(destination, "corpus.xml"))
    for name, path in articles(source):
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        article_id = ID.search(text).group(1)
        if mode == "held-out" and not held_out(article_id):
            continue
        if mode == "training" and (held_out(article_id) or (argument and not in_fraction(article_id, int(argument)))):
            continue
        if mode == "share" and not in_fraction(article_id, int(argument)):
            continue
        if mode == "except" and article_id == argument:
            continue
        if mode == "only" and article_id != argument:
            continue
        if mode == "genre" and "<genre>" not in text:
            text = text.replace("<meta>\n    <language>", f"<meta>\n    <genre>{argument}</genre>\n    <language>", 1)
        if stances is not None:
            if "<genre>" not in text:
                text = text.replace("<meta>\n    <language>", "<meta>\n    <genre>comment</genre>\n    <language>", 1)
            comment = stances.get(article_id.removeprefix("doc-"))
            if comment:
                target, _, stance = comment
                text = re.sub(r'(<unit [^>]*?)(>)', lambda m: m.group(1) + ("" if "stance=" in m.group(1) else f' stance="{stance}" target="{target}"') + m.group(2), text)
        if mode == "strip":
            text = re.sub(r"\n  <units>\n.*?\n  </units>", "", text, flags=re.S)
            text = re.sub(r"\n  <relations>\n.*?\n  </relations>", "", text, flags=re.S)
        with open(os.path.join(destination, name), "w", encoding="utf-8", newline="") as handle:
            handle.write(text)


if __name__ == "__main__":
    main()
