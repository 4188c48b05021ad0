#!/usr/bin/env python3
"""Writes the report fixtures: a small hand-made corpus (small/) and minimal articles made from
the seed texts (seeds/, needs ../shared/seeds beside the repository). Offsets are code points
(Python str indexes) and the digest is the SHA-256 of the UTF-8 text. Validate the result with
`argmark validate Tests/ArgmarkReportsTests/Fixtures/small Tests/ArgmarkReportsTests/Fixtures/seeds`."""
import glob
import hashlib
import os
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))


def article(path, id, meta, text, speakers, units, relations):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<article xmlns="urn:argmark:1" version="1" id="{id}">', '  <meta>']
    for name in ["title", "outlet", "author", "published", "url", "genre", "language"]:
        if name in meta:
            out.append(f'    <{name}>{escape(meta[name])}</{name}>')
    out.append('  </meta>')
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    out.append(f'  <text sha256="{digest}">{escape(text)}</text>')
    if speakers:
        out.append('  <speakers>')
        for sid, name, role in speakers:
            out.append(f'    <speaker id="{sid}" name={quoteattr(name)} role={quoteattr(role)}/>')
        out.append('  </speakers>')
    if units:
        out.append('  <units>')
        for unit in units:
            uid, utype, quote = unit["id"], unit["type"], unit["quote"]
            attributes = f'id="{uid}" type="{utype}"'
            if not unit.get("implicit"):
                start = text.index(quote, unit.get("after", 0))
                attributes += f' start="{start}" end="{start + len(quote)}"'
            for name in ["speaker", "stance", "target", "proposition"]:
                if name in unit:
                    attributes += f' {name}="{unit[name]}"'
            out.append(f'    <unit {attributes}>{escape(quote)}</unit>')
        out.append('  </units>')
    if relations:
        out.append('  <relations>')
        for rid, rtype, source, target in relations:
            out.append(f'    <relation id="{rid}" type="{rtype}" from="{source}" to="{target}"/>')
        out.append('  </relations>')
    out.append('</article>')
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(out) + "\n")


def corpus(path, targets, propositions):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<corpus xmlns="urn:argmark:1" version="1">', '  <targets>']
    for tid, name in targets:
        out.append(f'    <target id="{tid}" name={quoteattr(name)}/>')
    out.append('  </targets>')
    out.append('  <propositions>')
    for pid, target, stance, statement in propositions:
        out.append(f'    <proposition id="{pid}" target="{target}" stance="{stance}">{escape(statement)}</proposition>')
    out.append('  </propositions>')
    out.append('</corpus>')
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(out) + "\n")


def small():
    folder = os.path.join(HERE, "small")
    os.makedirs(folder, exist_ok=True)
    corpus(os.path.join(folder, "corpus.xml"),
           [("bike-lanes", "protected bike lanes on Main Street"), ("car-ban", "banning cars from the old town")],
           [("lanes-save-lives", "bike-lanes", "favor", "Protected bike lanes reduce traffic deaths."),
            ("shops-lose", "bike-lanes", "against", "Shops lose customers when parking is removed.")])
    seville = "in Seville, cycling injuries fell by a third after the city built its network of separated lanes"
    text_a = ("Main Street needs protected bike lanes now.\n\nProtected lanes save lives: " + seville + ". "
              "Shop owners warn that removing parking will drive their customers away. They are wrong. "
              "Studies of Toronto’s Bloor Street found that cyclists spend more per month than drivers do.\n\n"
              "The city council should vote yes on Tuesday.")
    article(os.path.join(folder, "a-gazette.xml"), "a-gazette",
            {"title": "Main Street needs bike lanes", "outlet": "Gazette", "author": "Dana Reyes",
             "published": "2024-05-02", "genre": "opinion", "language": "en"},
            text_a,
            [("reyes", "Dana Reyes", "author"), ("shop-owners", "shop owners", "reported")],
            [dict(id="a1", type="position", quote="Main Street needs protected bike lanes now.", speaker="reyes", stance="favor", target="bike-lanes"),
             dict(id="a2", type="claim", quote="Protected lanes save lives", speaker="reyes", stance="favor", target="bike-lanes", proposition="lanes-save-lives"),
             dict(id="a3", type="evidence", quote=seville, speaker="reyes", stance="favor", target="bike-lanes"),
             dict(id="a4", type="counterclaim", quote="removing parking will drive their customers away", speaker="shop-owners", stance="against", target="bike-lanes", proposition="shops-lose"),
             dict(id="a5", type="rebuttal", quote="They are wrong.", speaker="reyes", stance="favor", target="bike-lanes"),
             dict(id="a6", type="evidence", quote="Studies of Toronto’s Bloor Street found that cyclists spend more per month than drivers do.", speaker="reyes", stance="favor", target="bike-lanes"),
             dict(id="a7", type="position", quote="The city council should vote yes on Tuesday.", speaker="reyes", stance="favor", target="bike-lanes"),
             dict(id="a8", type="claim", quote="Fewer injuries make the lanes worth their cost.", implicit=True, speaker="reyes", stance="favor", target="bike-lanes")],
            [("r1", "supports", "a2", "a1"), ("r2", "supports", "a3", "a2"), ("r3", "attacks", "a4", "a1"),
             ("r4", "rebuts", "a5", "a4"), ("r5", "supports", "a6", "a5"), ("r6", "restates", "a7", "a1"),
             ("r7", "supports", "a8", "a1")])
    text_b = ("City Radio reports: In an opinion piece, Dana Reyes argued that protected lanes save lives: " + seville + ". "
              "Shop owners disagree. “Removing parking will drive our customers away from Main Street,” said Lee Park, who runs a bakery.")
    article(os.path.join(folder, "b-radio.xml"), "b-radio",
            {"title": "Bike lane plan divides Main Street", "outlet": "City Radio", "published": "2024-05-03",
             "genre": "news", "language": "en"},
            text_b,
            [("reyes", "Dana Reyes", "quoted"), ("park", "Lee Park", "quoted")],
            [dict(id="b1", type="claim", quote="protected lanes save lives", speaker="reyes", stance="favor", target="bike-lanes", proposition="lanes-save-lives"),
             dict(id="b2", type="evidence", quote=seville, speaker="reyes", stance="favor", target="bike-lanes"),
             dict(id="b3", type="counterclaim", quote="Removing parking will drive our customers away from Main Street", speaker="park", stance="against", target="bike-lanes", proposition="shops-lose")],
            [("r1", "supports", "b2", "b1"), ("r2", "attacks", "b3", "b1")])
    text_c = ("Bike lanes are not worth the price for Main Street. Removing parking will drive our customers away from Main Street, "
              "and no study from another city changes that. Advocates say that " + seville + ". "
              "But Seville is not Main Street: it closed whole districts to cars first. "
              "Some say the lanes would bring new customers on bikes. The council should vote no.")
    article(os.path.join(folder, "c-merchants.xml"), "c-merchants",
            {"title": "Keep Main Street open", "outlet": "Merchants’ Newsletter", "author": "Lee Park",
             "published": "2024-05-06", "genre": "opinion", "language": "en"},
            text_c,
            [("park", "Lee Park", "author"), ("advocates", "bike-lane advocates", "reported")],
            [dict(id="c1", type="position", quote="Bike lanes are not worth the price for Main Street.", speaker="park", stance="against", target="bike-lanes"),
             dict(id="c2", type="claim", quote="Removing parking will drive our customers away from Main Street", speaker="park", stance="against", target="bike-lanes", proposition="shops-lose"),
             dict(id="c3", type="counterclaim", quote=seville, speaker="advocates", stance="favor", target="bike-lanes", proposition="lanes-save-lives"),
             dict(id="c4", type="rebuttal", quote="Seville is not Main Street: it closed whole districts to cars first.", speaker="park", stance="against", target="bike-lanes"),
             dict(id="c5", type="counterclaim", quote="the lanes would bring new customers on bikes", speaker="advocates", stance="favor", target="bike-lanes"),
             dict(id="c6", type="position", quote="The council should vote no.", speaker="park", stance="against", target="bike-lanes")],
            [("r1", "supports", "c2", "c1"), ("r2", "attacks", "c3", "c1"), ("r3", "undercuts", "c4", "r2"),
             ("r4", "attacks", "c5", "c2"), ("r5", "restates", "c6", "c1")])


def seeds():
    """Minimal articles over the real seed texts: enough to test shared-text detection."""
    source = os.path.join(HERE, "..", "..", "..", "..", "shared", "seeds")
    folder = os.path.join(HERE, "seeds")
    os.makedirs(folder, exist_ok=True)
    corpus(os.path.join(folder, "corpus.xml"), [("metoo", "the #MeToo movement")],
           [("no-model-survivor", "metoo", "favor", "There is no model survivor: victims can also be perpetrators, and that does not discredit #MeToo.")])
    burke = {"000": "There is no one way to be a perpetrator…and there is no model survivor.",
             "002": "and there is no model survivor."}
    for prefix in ["000", "001", "002"]:
        [path] = glob.glob(os.path.join(source, prefix + "_*.txt"))
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        units, speakers = [], []
        if prefix in burke:
            speakers = [("burke", "Tarana Burke", "quoted")]
            units = [dict(id="u1", type="evidence", quote=burke[prefix], speaker="burke", stance="favor", target="metoo", proposition="no-model-survivor")]
        article(os.path.join(folder, "seed-" + prefix + ".xml"), "seed-" + prefix, {"language": "en"}, text, speakers, units, [])


if __name__ == "__main__":
    small()
    seeds()
