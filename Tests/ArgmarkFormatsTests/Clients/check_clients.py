"""Reads argmark's exports with the libraries researchers use, and checks what they find.

Run by the Swift tests (ClientTests.swift); prints one line per problem and exits 1 if any.
  xmi DIR EXPECTED.json   dkpro-cassis loads DIR/TypeSystem.xml and every DIR/*.xmi; each unit at
                          the expected UTF-16 offsets with the expected features
  aif DIR                 arguebuf loads every DIR/*.json; counts of atoms and schemes printed
  tables DIR              csv reads units/relations/articles.csv, json reads articles.jsonl
  conll FILE              every block a sentence of TOKEN<TAB>TAG lines with well-formed BIO tags
  dtd DIR DTD             lxml validates every DIR/*.xml against the arg-microtexts DTD
"""
import csv
import glob
import json
import os
import sys

problems = []


def problem(message):
    problems.append(message)
    print("problem: " + message)


def check_xmi(folder, expected_path):
    import cassis
    with open(os.path.join(folder, "TypeSystem.xml"), "rb") as handle:
        typesystem = cassis.load_typesystem(handle)
    with open(expected_path, encoding="utf-8") as handle:
        expected = json.load(handle)
    files = sorted(glob.glob(os.path.join(folder, "*.xmi")))
    if len(files) != len(expected):
        problem(f"{len(files)} .xmi files, expected {len(expected)}")
    units = relations = 0
    for path in files:
        article = os.path.basename(path)[:-4]
        with open(path, "rb") as handle:
            cas = cassis.load_cas_from_xmi(handle, typesystem=typesystem)
        found = {u.unitId: u for u in cas.select("org.argmark.Unit")}
        wanted = expected.get(article, {})
        for unit_id, features in wanted.get("units", {}).items():
            unit = found.get(unit_id)
            if unit is None:
                problem(f"{article}: unit {unit_id} missing")
                continue
            for name, value in features.items():
                if getattr(unit, name) != value:
                    problem(f"{article}: unit {unit_id} {name} is {getattr(unit, name)!r}, expected {value!r}")
            if not features.get("implicit") and unit.get_covered_text() != wanted["texts"][unit_id]:
                problem(f"{article}: unit {unit_id} covers {unit.get_covered_text()!r}")
            units += 1
        if len(found) != len(wanted.get("units", {})):
            problem(f"{article}: {len(found)} units, expected {len(wanted.get('units', {}))}")
        found_relations = list(cas.select("org.argmark.Relation"))
        for relation in found_relations:
            want = wanted["relations"].get(relation.relationId)
            if want is None:
                problem(f"{article}: unexpected relation {relation.relationId}")
                continue
            target = relation.Dependent
            target_id = getattr(target, "unitId", None) or getattr(target, "relationId", None)
            got = [relation.relationType, relation.Governor.unitId, target_id]
            if got != want:
                problem(f"{article}: relation {relation.relationId} is {got}, expected {want}")
            relations += 1
        if len(found_relations) != len(wanted["relations"]):
            problem(f"{article}: {len(found_relations)} relations, expected {len(wanted['relations'])}")
    print(f"cassis: {len(files)} documents, {units} units, {relations} relations")


def check_aif(folder):
    import arguebuf
    files = sorted(glob.glob(os.path.join(folder, "*.json")))
    if not files:
        problem("no .json files")
    atoms = schemes = 0
    for path in files:
        try:
            graph = arguebuf.load.file(path)
        except Exception as error:  # noqa: BLE001 - any failure to load is the finding
            problem(f"{path}: arguebuf cannot load it: {error!r}")
            continue
        atoms += len(graph.atom_nodes)
        schemes += len(graph.scheme_nodes)
    print(f"arguebuf: {len(files)} graphs, {atoms} atom nodes, {schemes} scheme nodes")


def check_tables(folder):
    counts = {}
    for name in ["articles", "units", "relations"]:
        with open(os.path.join(folder, name + ".csv"), newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        counts[name] = len(rows)
        widths = {len(row) for row in rows}
        if len(widths) > 1 or any(None in row for row in rows):
            problem(f"{name}.csv: rows of different widths")
    records = 0
    with open(os.path.join(folder, "articles.jsonl"), encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            records += 1
            for unit in record["units"]:
                if unit["start"] is not None and record["text"][unit["start"]:unit["end"]] != unit["quote"]:
                    problem(f"{record['id']}: unit {unit['id']} quote does not match the text at its offsets")
    if records != counts["articles"]:
        problem(f"articles.jsonl has {records} records, articles.csv {counts['articles']} rows")
    print(f"tables: {counts['articles']} articles, {counts['units']} units, {counts['relations']} relations, {records} records")


def check_conll(path):
    sentences = tokens = 0
    with open(path, encoding="utf-8") as handle:
        blocks = handle.read().split("\n\n")
    for block in blocks:
        # Comments start with "# " (a token line never has a space: "#\tO" is the token "#").
        lines = [line for line in block.split("\n") if line and not line.startswith("# ")]
        if not lines:
            continue
        sentences += 1
        previous = "O"
        for line in lines:
            fields = line.split("\t")
            if len(fields) != 2 or not fields[0]:
                problem(f"malformed line {line!r}")
                continue
            tag = fields[1]
            if tag.startswith("I-") and previous[2:] != tag[2:]:
                problem(f"I- tag {tag} after {previous}")
            if not (tag == "O" or tag.startswith("B-") or tag.startswith("I-")):
                problem(f"tag {tag!r} is not BIO")
            previous = tag
            tokens += 1
    print(f"conll: {sentences} sentences, {tokens} tokens")


def check_dtd(folder, dtd_path):
    from lxml import etree
    with open(dtd_path, "rb") as handle:
        dtd = etree.DTD(handle)
    files = sorted(glob.glob(os.path.join(folder, "*.xml")))
    if not files:
        problem("no .xml files")
    for path in files:
        document = etree.parse(path)
        if not dtd.validate(document):
            problem(f"{path}: {dtd.error_log.filter_from_errors()}")
    print(f"lxml: {len(files)} files validated against {os.path.basename(dtd_path)}")


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    {"xmi": check_xmi, "aif": check_aif, "tables": check_tables, "conll": check_conll, "dtd": check_dtd}[command](*arguments)
    sys.exit(1 if problems else 0)
