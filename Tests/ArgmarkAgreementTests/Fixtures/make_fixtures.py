#!/usr/bin/env python3
"""Writes the agreement fixtures: small argmark articles annotated by two or three annotators.

Units are given by their quote (and, when the quote occurs more than once, which occurrence);
this script finds their code-point offsets and computes the text's SHA-256, so the files stay
valid by construction. Check them with `argmark validate Tests/ArgmarkAgreementTests/Fixtures`.

Layout: Fixtures/<case>/<annotator>/<article>.xml, each annotator folder with its corpus.xml;
`make_expected.py` then writes Fixtures/<case>/expected.json.

Run from anywhere: python3 Tests/ArgmarkAgreementTests/Fixtures/make_fixtures.py
"""
import hashlib
import os
import shutil
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))

CORPUS = """<?xml version="1.0" encoding="UTF-8"?>
<corpus xmlns="urn:argmark:1" version="1">
  <targets>
    <target id="car-ban" name="banning cars from city centres"/>
    <target id="homework" name="homework"/>
  </targets>
</corpus>
"""

CARS = ("Cities should ban cars from their centres. Traffic kills 1.3 million people a year, says the WHO. "
        "Critics argue that shops will lose customers. But in Pontevedra, Spain, retail grew after the ban "
        "— “the streets came back to life,” the mayor said. Café owners agree.")

HOMEWORK = ("Homework helps nobody. Students who do less homework sleep more and learn better, a study found. "
            "Teachers disagree: practice makes perfect.")

ARTICLES = {
    "cars": ("Cities should ban cars", "opinion", CARS),
    "homework": ("Homework helps nobody", "opinion", HOMEWORK),
}

# The first seed article, annotated a second time (annotator b) independently of the seed
# annotation in Annotations/ (annotator a, copied here as it was when the fixture was made).
REPOSITORY = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
SEED_TEXT_FOLDER = os.path.normpath(os.path.join(REPOSITORY, "..", "shared", "seeds"))
SEED_ID = "seed-000"
SEED_TITLE = "Alyssa Milano on Asia Argento Accusations: ‘Stop Trying to Undermine the #MeToo Movement’ (Guest Blog)"


def seed_text():
    name = next(n for n in sorted(os.listdir(SEED_TEXT_FOLDER)) if n.startswith("000_"))
    with open(os.path.join(SEED_TEXT_FOLDER, name), encoding="utf-8", newline="") as handle:
        return handle.read()


def span(text, quote, occurrence=1):
    """Code-point offsets of the n-th occurrence of quote (Python str indices are code points)."""
    index = -1
    for _ in range(occurrence):
        index = text.index(quote, index + 1)
    return index, index + len(quote)


def unit(uid, utype, quote, stance=None, target="car-ban", occurrence=1, pieces=None, speaker=None):
    return dict(id=uid, type=utype, quote=quote, stance=stance, target=target if stance else None,
                occurrence=occurrence, pieces=pieces, speaker=speaker)


def write_article(path, article_id, units, relations, speakers=()):
    title, genre, text = ARTICLES[article_id]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<article xmlns="urn:argmark:1" version="1" id="{article_id}">',
             "  <meta>", f"    <title>{escape(title)}</title>", f"    <genre>{genre}</genre>",
             "    <language>en</language>", "  </meta>",
             f'  <text sha256="{hashlib.sha256(text.encode("utf-8")).hexdigest()}">{escape(text)}</text>']
    if speakers:
        lines.append("  <speakers>")
        for sid, name, role in speakers:
            lines.append(f"    <speaker id={quoteattr(sid)} name={quoteattr(name)} role={quoteattr(role)}/>")
        lines.append("  </speakers>")
    if units:
        lines.append("  <units>")
        for u in units:
            start, end = span(text, u["quote"], u["occurrence"])
            attributes = [("id", u["id"]), ("type", u["type"]), ("start", start), ("end", end)]
            if u["pieces"]:
                # Discontinuous unit: the quote spans all pieces; each piece is located inside it.
                fragments = []
                cursor = start
                for piece in u["pieces"]:
                    piece_start = text.index(piece, cursor)
                    fragments.append(f"{piece_start}-{piece_start + len(piece)}")
                    cursor = piece_start + len(piece)
                attributes.append(("fragments", " ".join(fragments)))
            if u["speaker"]:
                attributes.append(("speaker", u["speaker"]))
            if u["stance"]:
                attributes += [("stance", u["stance"]), ("target", u["target"])]
            rendered = "".join(f" {name}={quoteattr(str(value))}" for name, value in attributes)
            lines.append(f"    <unit{rendered}>{escape(text[start:end])}</unit>")
        lines.append("  </units>")
    if relations:
        lines.append("  <relations>")
        for rid, rtype, source, target in relations:
            lines.append(f'    <relation id="{rid}" type="{rtype}" from="{source}" to="{target}"/>')
        lines.append("  </relations>")
    lines.append("</article>")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines) + "\n")


# Annotator a of the car article: the reference annotation.
CARS_A = [
    unit("a1", "position", "Cities should ban cars from their centres.", "favor"),
    unit("a2", "evidence", "Traffic kills 1.3 million people a year, says the WHO", "favor"),
    unit("a3", "counterclaim", "shops will lose customers", "against"),
    unit("a4", "rebuttal", "in Pontevedra, Spain, retail grew after the ban", "favor"),
    unit("a5", "evidence", "“the streets came back to life,” the mayor said", "favor"),
]
CARS_A_RELATIONS = [("r1", "supports", "a2", "a1"), ("r2", "attacks", "a3", "a1"),
                    ("r3", "rebuts", "a4", "a3"), ("r4", "supports", "a5", "a4")]

# Annotator b: same thesis without the full stop, a claim where a saw evidence, a longer
# counterclaim, one rebuttal that swallows a's rebuttal and evidence, an extra evidence unit,
# and an undercut (a relation to a relation).
CARS_B = [
    unit("b1", "position", "Cities should ban cars from their centres", "favor"),
    unit("b2", "claim", "Traffic kills 1.3 million people a year", "favor"),
    unit("b3", "counterclaim", "Critics argue that shops will lose customers.", "against"),
    unit("b4", "rebuttal", "in Pontevedra, Spain, retail grew after the ban — “the streets came back to life,” the mayor said", "neutral"),
    unit("b5", "evidence", "Café owners agree.", "favor"),
    unit("b6", "evidence", "retail grew after the ban", "favor"),
]
CARS_B_RELATIONS = [("r1", "supports", "b2", "b1"), ("r2", "attacks", "b3", "b1"),
                    ("r3", "undercuts", "b4", "r2"), ("r4", "supports", "b5", "b4"),
                    ("r5", "supports", "b6", "b4")]

# Annotator c: a discontinuous position, the counterclaim without stance, a's rebuttal, a's
# evidence shortened, and b's extra evidence.
CARS_C = [
    unit("c1", "position", "Cities should ban cars from their centres. Traffic kills", "favor",
         pieces=["Cities should ban cars", "Traffic kills"]),
    unit("c2", "counterclaim", "Critics argue that shops will lose customers"),
    unit("c3", "rebuttal", "in Pontevedra, Spain, retail grew after the ban", "favor"),
    unit("c4", "evidence", "“the streets came back to life,”", "favor"),
    unit("c5", "evidence", "Café owners agree", "favor"),
]
CARS_C_RELATIONS = [("r1", "attacks", "c2", "c1"), ("r2", "rebuts", "c3", "c2"),
                    ("r3", "supports", "c4", "c3"), ("r4", "supports", "c5", "c3")]

HOMEWORK_A = [
    unit("a1", "position", "Homework helps nobody.", "against", target="homework"),
    unit("a2", "evidence", "Students who do less homework sleep more and learn better, a study found.", "against", target="homework"),
    unit("a3", "counterclaim", "practice makes perfect", "favor", target="homework"),
]
HOMEWORK_A_RELATIONS = [("r1", "supports", "a2", "a1"), ("r2", "attacks", "a3", "a1")]

HOMEWORK_B = [
    unit("b1", "position", "Homework helps nobody.", "against", target="homework"),
    unit("b2", "claim", "Students who do less homework sleep more and learn better", "against", target="homework"),
    unit("b3", "counterclaim", "Teachers disagree: practice makes perfect.", "favor", target="homework"),
]
HOMEWORK_B_RELATIONS = [("r1", "supports", "b2", "b1"), ("r2", "attacks", "b3", "b1")]

# Edge cases, each on the car article with two annotators.
DISJOINT_B = [
    unit("b1", "position", "Café owners agree.", "favor"),
    unit("b2", "evidence", "Critics argue that", "favor"),
    unit("b3", "counterclaim", "Cities should ban cars", "against"),
]
NESTED_B = [  # every unit lies inside one of a's units of the same type
    unit("b1", "position", "ban cars", "favor"),
    unit("b2", "evidence", "1.3 million people", "favor"),
    unit("b3", "counterclaim", "shops will lose", "against"),
    unit("b4", "rebuttal", "retail grew", "favor"),
    unit("b5", "evidence", "the streets came back to life", "favor"),
]

SEED_SPEAKERS = [("burke", "Tarana Burke", "quoted"), ("critics", "people who pounced on the news", "reported"),
                 ("milano", "Alyssa Milano", "author")]


def seed_unit(uid, utype, quote, stance=None, target=None, occurrence=1, speaker="milano"):
    return unit(uid, utype, quote, stance, target, occurrence, speaker=speaker)


AGAINST_ARGENTO = dict(stance="against", target="argento-undermines-metoo")
FOR_METOO = dict(stance="favor", target="metoo")
SEED_B = [
    seed_unit("p1", "position", "one victim’s alleged horrid behavior does not nullify an entire movement", occurrence=2, **AGAINST_ARGENTO),
    seed_unit("c1", "counterclaim", "People pounced on the news that a vocal advocate for survivors has been accused of sexual "
              "battery, leveraging it to “prove” that #MeToo is hypocritical and that sexual harassment and assault are not "
              "part of institutional misogyny.", speaker="critics", stance="favor", target="argento-undermines-metoo"),
    seed_unit("rb1", "rebuttal", "They are wrong.", **AGAINST_ARGENTO),
    seed_unit("cl1", "claim", "these two truths can exist at once: A victim of assault can also be an offender.", **AGAINST_ARGENTO),
    seed_unit("ev1", "evidence", "There is no one way to be a perpetrator…and there is no model survivor.", speaker="burke", **AGAINST_ARGENTO),
    seed_unit("ev2", "evidence", "We are imperfectly human and we all have to be accountable for our individual behavior.", speaker="burke"),
    seed_unit("cl2", "claim", "accountability is at the very heart of the #MeToo movement", **FOR_METOO),
    seed_unit("cl3", "claim", "We hold any and every abuser accountable, regardless of their gender, race, socioeconomic status, "
              "public visibility or popularity.", **AGAINST_ARGENTO),
    seed_unit("cc2", "counterclaim", "the process of calling it out, and seeking justice and reform isn’t so black-and-white. "
              "It’s messy and complicated and sometimes disappointing", stance="neutral", target="metoo"),
    seed_unit("rb2", "rebuttal", "the answer is not to dismiss the voices of survivors and advocates who are doing the work to shift our culture", **FOR_METOO),
    seed_unit("cl4", "claim", "we must keep talking", **FOR_METOO),
    seed_unit("cl5", "claim", "we must reject false narratives and double standards", **FOR_METOO),
    seed_unit("cl6", "claim", "Discrediting #MeToo isn’t just a bad or “hot” take; it directly serves the interests of those who "
              "benefit from a culture that demeans survivors and undermines the camaraderie of women who stand in solidarity "
              "to right these wrongs.", **FOR_METOO),
    seed_unit("ev3", "evidence", "more people are publicly coming forward", **FOR_METOO),
    seed_unit("cl7", "claim", "#MeToo is alive and swelling", **FOR_METOO),
    seed_unit("p2", "position", "nothing can or will ever invalidate #MeToo", **FOR_METOO),
    seed_unit("ev4", "evidence", "it is a movement created by and for millions of survivors throughout the world", **FOR_METOO),
    seed_unit("cl8", "claim", "No one story can discredit or undermine the power of our collective voices or our drive for "
              "sustainable change.", **AGAINST_ARGENTO),
]
SEED_B_RELATIONS = [
    ("r1", "attacks", "c1", "p1"), ("r2", "rebuts", "rb1", "c1"), ("r3", "supports", "cl1", "rb1"),
    ("r4", "supports", "ev1", "cl1"), ("r5", "supports", "ev2", "cl2"), ("r6", "supports", "cl2", "p1"),
    ("r7", "supports", "cl3", "cl2"), ("r8", "attacks", "cc2", "p1"), ("r9", "rebuts", "rb2", "cc2"),
    ("r10", "supports", "cl4", "rb2"), ("r11", "supports", "cl5", "rb2"), ("r12", "supports", "cl6", "p1"),
    ("r13", "supports", "ev3", "cl7"), ("r14", "supports", "cl7", "p2"), ("r15", "supports", "ev4", "p2"),
    ("r16", "supports", "cl8", "p2"), ("r17", "restates", "p2", "p1"),
]
SEED_CORPUS = """<?xml version="1.0" encoding="UTF-8"?>
<corpus xmlns="urn:argmark:1" version="1">
  <targets>
    <target id="argento-undermines-metoo" name="the allegations against Asia Argento undermine #MeToo"/>
    <target id="metoo" name="the #MeToo movement"/>
  </targets>
</corpus>
"""


def write_seed_case():
    """Fixtures/seed-000: a = the seed annotation from Annotations/ (when it exists), b = SEED_B."""
    seed_annotation = os.path.join(REPOSITORY, "Annotations", f"{SEED_ID}.xml")
    if not os.path.exists(seed_annotation):
        print(f"note: {seed_annotation} not found; seed-000 fixture left as it is")
        return
    ARTICLES[SEED_ID] = (SEED_TITLE, "opinion", seed_text())
    case = os.path.join(HERE, SEED_ID)
    for annotator in ("a", "b"):
        shutil.rmtree(os.path.join(case, annotator), ignore_errors=True)
        os.makedirs(os.path.join(case, annotator))
    shutil.copyfile(seed_annotation, os.path.join(case, "a", f"{SEED_ID}.xml"))
    shutil.copyfile(os.path.join(REPOSITORY, "Annotations", "corpus.xml"), os.path.join(case, "a", "corpus.xml"))
    with open(os.path.join(case, "b", "corpus.xml"), "w", encoding="utf-8", newline="\n") as handle:
        handle.write(SEED_CORPUS)
    write_article(os.path.join(case, "b", f"{SEED_ID}.xml"), SEED_ID, SEED_B, SEED_B_RELATIONS, SEED_SPEAKERS)


# Undercuts: both annotators attack the inference of the counterclaim's attack, so a relation to a
# relation must be matched through the relation it points to.
UNDERCUT_A_RELATIONS = [("r1", "supports", "a2", "a1"), ("r2", "attacks", "a3", "a1"),
                        ("r3", "undercuts", "a4", "r2"), ("r4", "supports", "a5", "a4")]
UNDERCUT_B = [
    unit("b1", "position", "Cities should ban cars from their centres", "favor"),
    unit("b2", "evidence", "Traffic kills 1.3 million people a year", "favor"),
    unit("b3", "counterclaim", "Critics argue that shops will lose customers", "against"),
    unit("b4", "rebuttal", "in Pontevedra, Spain, retail grew after the ban —", "favor"),
    unit("b5", "evidence", "“the streets came back to life,” the mayor said", "favor"),
]
UNDERCUT_B_RELATIONS = [("r1", "supports", "b2", "b1"), ("r2", "attacks", "b3", "b1"),
                        ("r9", "undercuts", "b4", "r2"), ("r4", "supports", "b5", "b4"),
                        ("r5", "supports", "b5", "b1")]

CASES = {
    # case: {annotator: [(article, units, relations)]}
    "undercuts": {
        "a": [("cars", CARS_A, UNDERCUT_A_RELATIONS)],
        "b": [("cars", UNDERCUT_B, UNDERCUT_B_RELATIONS)],
    },
    "three-annotators": {
        "a": [("cars", CARS_A, CARS_A_RELATIONS), ("homework", HOMEWORK_A, HOMEWORK_A_RELATIONS)],
        "b": [("cars", CARS_B, CARS_B_RELATIONS), ("homework", HOMEWORK_B, HOMEWORK_B_RELATIONS)],
        "c": [("cars", CARS_C, CARS_C_RELATIONS)],  # c did not annotate homework: missing data
    },
    "identical": {
        "a": [("cars", CARS_A, CARS_A_RELATIONS)],
        "b": [("cars", CARS_A, CARS_A_RELATIONS)],
    },
    "one-empty": {
        "a": [("cars", CARS_A, CARS_A_RELATIONS)],
        "b": [("cars", [], [])],
    },
    "no-units": {
        "a": [("cars", [], [])],
        "b": [("cars", [], [])],
    },
    "disjoint": {
        "a": [("cars", CARS_A, CARS_A_RELATIONS)],
        "b": [("cars", DISJOINT_B, [])],
    },
    "nested": {
        "a": [("cars", CARS_A, CARS_A_RELATIONS)],
        "b": [("cars", NESTED_B, [("r1", "supports", "b2", "b1"), ("r2", "attacks", "b3", "b1"),
                                  ("r3", "rebuts", "b4", "b3"), ("r4", "supports", "b5", "b4")])],
    },
}


def main():
    for case, annotators in CASES.items():
        for annotator, articles in annotators.items():
            folder = os.path.join(HERE, case, annotator)
            shutil.rmtree(folder, ignore_errors=True)
            os.makedirs(folder)
            with open(os.path.join(folder, "corpus.xml"), "w", encoding="utf-8", newline="\n") as handle:
                handle.write(CORPUS)
            for article_id, units, relations in articles:
                write_article(os.path.join(folder, f"{article_id}.xml"), article_id, units, relations)
    write_seed_case()


if __name__ == "__main__":
    main()
