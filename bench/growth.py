#!/usr/bin/env python3
"""Inputs for bench/growth.sh: argmark files whose size is a parameter, for growth ratios.

usage: growth.py chain N OUT.xml     an article of N claims, each undercutting the relation before
                                      (u2 supports u1, u3 undercuts r1, u4 undercuts r2, ...)
       growth.py dots BYTES OUT.xml   an article whose text is BYTES dots and no units
"""
import hashlib
import sys
from xml.sax.saxutils import escape

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<article xmlns="urn:argmark:1" version="1" id="{id}">\n  <meta>\n    <title>growth</title>\n  </meta>\n'


def article(identifier, text, units, relations):
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    out = [HEAD.format(id=identifier), f'  <text sha256="{digest}">{escape(text)}</text>\n']
    if units:
        out.append("  <units>\n")
        out += units
        out.append("  </units>\n")
    if relations:
        out.append("  <relations>\n")
        out += relations
        out.append("  </relations>\n")
    out.append("</article>\n")
    return "".join(out)


def chain(n):
    words = [f"Claim {i} holds." for i in range(1, n + 1)]
    text = " ".join(words)
    units, relations, start = [], [], 0
    for i, word in enumerate(words, 1):
        kind = "position" if i == 1 else "claim"
        units.append(f'    <unit id="u{i}" type="{kind}" start="{start}" end="{start + len(word)}">{word}</unit>\n')
        start += len(word) + 1
    relations.append('    <relation id="r1" type="supports" from="u2" to="u1"/>\n')
    for i in range(3, n + 1):
        relations.append(f'    <relation id="r{i - 1}" type="undercuts" from="u{i}" to="r{i - 2}"/>\n')
    return article("chain", text, units, relations)


def main():
    kind, size, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if kind == "chain":
        body = chain(size)
    elif kind == "dots":
        body = article("dots", "." * size, [], [])
    else:
        sys.exit(f"growth.py: unknown kind {kind}")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(body)


if __name__ == "__main__":
    main()
