#!/usr/bin/env python3
"""Regenerates the validation fixtures: one valid article and one broken variant per rule.

Run from anywhere: python3 make_fixtures.py. Python's str indexes Unicode code points, as argmark's
offsets do, so offsets here are computed with str.index.
"""
import hashlib
import os
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

TEXT = (
    "Critics say “#MeToo is over” after the Argento news.\n"
    "They are wrong.\r\n"
    "One person’s alleged misconduct does not invalidate a movement 🙂.\n"
    "As Burke wrote: there is no model survivor.\n"
)

UNITS = [
    # id, type, quote, extra attributes
    ("u1", "position", "One person’s alleged misconduct does not invalidate a movement", 'speaker="author" stance="favor" target="metoo" proposition="not-invalidated"'),
    ("u2", "counterclaim", "#MeToo is over", 'speaker="critics" stance="against" target="metoo"'),
    ("u3", "rebuttal", "They are wrong.", 'speaker="author" stance="favor" target="metoo"'),
    ("u4", "evidence", "there is no model survivor", 'speaker="burke"'),
]
RELATIONS = [
    ("r1", "attacks", "u2", "u1"),
    ("r2", "rebuts", "u3", "u2"),
    ("r3", "supports", "u4", "u1"),
]

CORPUS = """<?xml version="1.0" encoding="UTF-8"?>
<corpus xmlns="urn:argmark:1" version="1">
  <targets>
    <target id="metoo" name="the #MeToo movement"/>
  </targets>
  <propositions>
    <proposition id="not-invalidated" target="metoo" stance="favor">One person's misconduct does not invalidate #MeToo.</proposition>
  </propositions>
</corpus>
"""


def text_content(value):
    return escape(value).replace("\r", "&#13;")


def article(units=UNITS, relations=RELATIONS, text=TEXT, digest=None, head=""):
    digest = digest or hashlib.sha256(text.encode("utf-8")).hexdigest()
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
    ]
    if head:
        lines.append(head)
    lines += [
        '<article xmlns="urn:argmark:1" version="1" id="fixture">',
        "  <meta>",
        "    <title>Validation fixture</title>",
        "    <genre>opinion</genre>",
        "    <language>en</language>",
        "  </meta>",
        f'  <text sha256="{digest}">{text_content(text)}</text>',
        "  <speakers>",
        '    <speaker id="author" name="The Author" role="author"/>',
        '    <speaker id="burke" name="Tarana Burke" role="quoted"/>',
        '    <speaker id="critics" name="critics" role="reported"/>',
        "  </speakers>",
        "  <units>",
    ]
    rows = []
    for uid, utype, quote, extra, *override in units:
        start = TEXT.index(quote) if quote in TEXT else 0
        end = start + len(quote)
        if override:
            start, end = override[0]
        span = "" if start is None else f' start="{start}" end="{end}"'
        rows.append((start if start is not None else 1 << 30, end, f'    <unit id="{uid}" type="{utype}"{span} {extra}>{text_content(quote)}</unit>'.replace(" >", ">")))
    lines += [row[2] for row in sorted(rows)]
    lines.append("  </units>")
    if relations:
        lines.append("  <relations>")
        for rid, rtype, source, target in relations:
            lines.append(f'    <relation id="{rid}" type="{rtype}" from="{source}" to="{target}"/>')
        lines.append("  </relations>")
    lines.append("</article>")
    return "\n".join(lines) + "\n"


def replace_unit(uid, **changes):
    result = []
    for unit in UNITS:
        if unit[0] == uid:
            unit = list(unit)
            if "type" in changes:
                unit[1] = changes["type"]
            if "quote" in changes:
                unit[2] = changes["quote"]
            if "extra" in changes:
                unit[3] = changes["extra"]
            if "span" in changes:
                unit = unit[:4] + [changes["span"]]
            unit = tuple(unit)
        result.append(unit)
    return result


def write(folder, name, content):
    path = os.path.join(HERE, folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(content)


u2_start = TEXT.index("#MeToo is over")
u3_start = TEXT.index("They are wrong.")

FIXTURES = {
    # name: content; the expected rule and line live in the Swift tests.
    "span-range.xml": article(units=replace_unit("u3", span=(u3_start, 5000))),
    "span-order.xml": article(units=replace_unit("u3", span=(u3_start, u3_start))),
    "quote-mismatch.xml": article(units=replace_unit("u3", quote="They are right.", span=(u3_start, u3_start + 15))),
    "digest-mismatch.xml": article(digest="0" * 64),
    "unknown-unit-type.xml": article(units=replace_unit("u4", type="proof")),
    "unknown-unit.xml": article(relations=RELATIONS[:2] + [("r3", "supports", "u4", "u9")]),
    "unknown-speaker.xml": article(units=replace_unit("u4", extra='speaker="nobody"')),
    "unknown-target.xml": article(units=replace_unit("u4", extra='speaker="burke" stance="favor" target="feminism"')),
    "unknown-proposition.xml": article(units=replace_unit("u4", extra='speaker="burke" proposition="nothing-like-it"')),
    "stance-target.xml": article(units=replace_unit("u4", extra='speaker="burke" stance="favor"')),
    "duplicate-id.xml": article(relations=RELATIONS[:2] + [("u1", "supports", "u4", "u1")]),
    "self-relation.xml": article(relations=RELATIONS + [("r4", "supports", "u1", "u1")]),
    "evidence-relation.xml": article(relations=RELATIONS + [("r4", "attacks", "u4", "u2")]),
    "counterclaim-relation.xml": article(relations=RELATIONS + [("r4", "supports", "u2", "u1")]),
    "rebuttal-relation.xml": article(relations=RELATIONS + [("r4", "rebuts", "u3", "u1")]),
    "undercut-target.xml": article(relations=RELATIONS + [("r4", "undercuts", "u3", "u2")]),
    "relation-to-relation.xml": article(relations=RELATIONS + [("r4", "supports", "u4", "r1")]),
    "support-cycle.xml": article(relations=RELATIONS + [("r4", "supports", "u1", "u4")]),
    "span-missing.xml": article(units=replace_unit("u4", span=(None, None), quote="   ")),
    "duplicate-span.xml": article(units=UNITS + [("u5", "evidence", "there is no model survivor", 'speaker="burke"')]),
    "schema.xml": article().replace("<genre>opinion</genre>", "<genre>poetry</genre>"),
    "doctype-forbidden.xml": article(head='<!DOCTYPE article [<!ENTITY secret SYSTEM "file:///etc/hostname">]>').replace(
        "<title>Validation fixture</title>", "<title>&secret;</title>"),
    "well-formed.xml": article().replace("  </speakers>\n", "", 1),
}

write("valid", "corpus.xml", CORPUS)
write("valid", "fixture.xml", article())
for name, content in FIXTURES.items():
    write("invalid", name, content)
write("invalid", "corpus.xml", CORPUS)
# A folder without a corpus file: target references cannot resolve.
write("no-corpus", "fixture.xml", article())
