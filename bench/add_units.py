#!/usr/bin/env python3
"""Adds argument units to every annotation file made by `argmark new` from the essays, by a fixed
procedure, so the benchmark corpus looks like real annotation work:

- the first sentence of the first paragraph is the position;
- the first sentence of every middle paragraph is a claim that supports the position, and its
  second sentence (if any) is evidence that supports the claim;
- a sentence that reports an opposing view ("some people", "others", "opponents", "critics",
  "some may") is a counterclaim that attacks the position, and the sentence after it a rebuttal
  that rebuts it;
- the first sentence of the last paragraph restates the position.

usage: add_units.py FOLDER ESSAYS_FOLDER   (rewrites FOLDER/*.xml in place, adds FOLDER/corpus.xml)
Offsets are code points: Python's str indexes code points, as argmark does.
"""
import os
import re
import sys
from xml.sax.saxutils import escape

SENTENCE = re.compile(r"[^.!?\n]+[.!?]+")
OPPOSING = re.compile(r"\b(some people|others|opponents|critics|some may|some would)\b", re.IGNORECASE)


def sentences(text, start, end):
    return [(start + m.start() + (len(m.group(0)) - len(m.group(0).lstrip())), start + m.end())
            for m in SENTENCE.finditer(text[start:end]) if m.group(0).strip()]


def paragraphs(text):
    result, position = [], 0
    for piece in text.split("\n"):
        if piece.strip():
            result.append((position, position + len(piece)))
        position += len(piece) + 1
    return result


def annotate(text):
    units, relations = [], []

    def unit(kind, span, stance="favor"):
        units.append((f"u{len(units) + 1}", kind, span, stance))
        return units[-1][0]

    def relate(kind, source, target):
        relations.append((f"r{len(relations) + 1}", kind, source, target))

    paras = paragraphs(text)
    if not paras:
        return units, relations
    first = sentences(text, *paras[0])
    if not first:
        return units, relations
    position = unit("position", first[0])
    for para in paras[1:-1]:
        found = sentences(text, *para)
        if not found:
            continue
        claim = unit("claim", found[0])
        relate("supports", claim, position)
        rest = found[1:]
        if rest and not OPPOSING.search(text[rest[0][0]:rest[0][1]]):
            relate("supports", unit("evidence", rest[0]), claim)
            rest = rest[1:]
        for index, span in enumerate(rest):
            if OPPOSING.search(text[span[0]:span[1]]):
                counter = unit("counterclaim", span, "against")
                relate("attacks", counter, position)
                if index + 1 < len(rest):
                    relate("rebuts", unit("rebuttal", rest[index + 1]), counter)
                break
    if len(paras) > 1:
        last = sentences(text, *paras[-1])
        if last:
            relate("restates", unit("position", last[0]), position)
    return units, relations


def content(value):
    return escape(value).replace("\r", "&#13;")


def main():
    folder, essays = sys.argv[1], sys.argv[2]
    with open(os.path.join(folder, "corpus.xml"), "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="UTF-8"?>\n<corpus xmlns="urn:argmark:1" version="1">\n'
                     '  <targets>\n    <target id="thesis" name="the essay\'s thesis"/>\n  </targets>\n</corpus>\n')
    names = sorted(n for n in os.listdir(folder) if n.endswith(".xml") and n != "corpus.xml")
    for name in names:
        path = os.path.join(folder, name)
        with open(path, encoding="utf-8", newline="") as handle:
            xml = handle.read()
        essay_id = name[:-4].lstrip("_")
        with open(os.path.join(essays, essay_id + ".txt"), encoding="utf-8", newline="") as handle:
            text = handle.read()
        units, relations = annotate(text)
        lines = ["  <speakers>", '    <speaker id="author" name="the student" role="author"/>', "  </speakers>"]
        if units:
            lines.append("  <units>")
            for uid, kind, (start, end), stance in sorted(units, key=lambda u: (u[2], u[0])):
                lines.append(f'    <unit id="{uid}" type="{kind}" start="{start}" end="{end}" speaker="author" '
                             f'stance="{stance}" target="thesis">{content(text[start:end])}</unit>')
            lines.append("  </units>")
        if relations:
            lines.append("  <relations>")
            for rid, kind, source, target in relations:
                lines.append(f'    <relation id="{rid}" type="{kind}" from="{source}" to="{target}"/>')
            lines.append("  </relations>")
        xml = xml.replace("</article>\n", "\n".join(lines) + "\n</article>\n")
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(xml)
    print(f"added units to {len(names)} files")


main()
