#!/usr/bin/env python3
"""Randomised cross-check of `argmark agree` against make_expected.py's reference computations.

Writes random annotations (nested, overlapping and discontinuous units, relations, missing articles,
two or three annotators, non-ASCII text) into a scratch folder, skips those `argmark validate`
rejects, and compares every figure of `argmark agree --format json` (both --unit values) with the
reference to 2e-6 (the JSON has six decimals). Not part of `swift test`; run it after changing a measure:

    python3 Tests/ArgmarkAgreementTests/Fixtures/cross_check.py PATH/TO/argmark [TRIALS]
"""
import os, sys, random, shutil, json, subprocess, hashlib, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_expected as me
from xml.sax.saxutils import escape
BIN = os.path.abspath(sys.argv[1])
os.chdir(tempfile.mkdtemp(prefix="argmark-agree-check-"))
TYPES = me.TYPES
words = ["alpha", "beta,", "gamma", "délta", "eps.", "—", "zeta", "👍🏽", "eta", "theta;"]
def article_xml(aid, text, units, relations):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<article xmlns="urn:argmark:1" version="1" id="{aid}">', "  <meta/>",
             f'  <text sha256="{hashlib.sha256(text.encode()).hexdigest()}">{escape(text)}</text>']
    if units:
        lines.append("  <units>")
        for u in units:
            a = f' id="{u["id"]}" type="{u["type"]}" start="{u["start"]}" end="{u["end"]}"'
            if u.get("fragments"): a += f' fragments="{u["fragments"]}"'
            if u.get("stance"): a += f' stance="{u["stance"]}" target="t"'
            lines.append(f'    <unit{a}>{escape(text[u["start"]:u["end"]])}</unit>')
        lines.append("  </units>")
    if relations:
        lines.append("  <relations>")
        for r in relations: lines.append(f'    <relation id="{r[0]}" type="{r[1]}" from="{r[2]}" to="{r[3]}"/>')
        lines.append("  </relations>")
    lines.append("</article>")
    return "\n".join(lines) + "\n"
CORPUS = '<?xml version="1.0" encoding="UTF-8"?>\n<corpus xmlns="urn:argmark:1" version="1">\n  <targets>\n    <target id="t" name="t"/>\n  </targets>\n</corpus>\n'
def rand_units(text, rng, prefix):
    units = []
    n = len(text)
    for k in range(rng.randint(0, 6)):
        s = rng.randrange(0, n - 1); e = rng.randint(s + 1, min(n, s + rng.randint(1, 40)))
        while text[s].isspace() and s < e - 1: s += 1
        if text[s].isspace(): continue
        u = dict(id=f"{prefix}{k}", type=rng.choice(["claim", "evidence", "counterclaim"] if rng.random() < .8 else TYPES), start=s, end=e)
        if rng.random() < .2 and e - s > 6:
            m = rng.randint(s + 2, e - 3); u["fragments"] = f"{s}-{m} {m+1}-{e}"
        if rng.random() < .6: u["stance"] = rng.choice(["favor", "against", "neutral"])
        units.append(u)
    return units
def rand_relations(units, rng):
    rels = []
    # only supports between claim-ish units to avoid validator relation rules; plus attacks from counterclaim
    for k in range(rng.randint(0, 4)):
        if len(units) < 2: break
        a, b = rng.sample(units, 2)
        if a["type"] == "evidence": t = "supports"
        elif a["type"] == "counterclaim": t = "attacks"
        elif a["type"] == "rebuttal": continue
        else: t = rng.choice(["supports", "restates"])
        rels.append((f"r{k}", t, a["id"], b["id"]))
    return rels
bad = 0
for trial in range(int(sys.argv[2]) if len(sys.argv) > 2 else 200):
    rng = random.Random(trial)
    shutil.rmtree("case", ignore_errors=True)
    raters = ["a", "b", "c"][:rng.choice([2, 2, 3])]
    texts = {f"art{i}": " ".join(rng.choice(words) for _ in range(rng.randint(3, 25))) for i in range(rng.randint(1, 3))}
    for r in raters:
        os.makedirs(f"case/{r}"); open(f"case/{r}/corpus.xml", "w").write(CORPUS)
        for aid, text in texts.items():
            if rng.random() < .15 and r != "a": continue
            units = rand_units(text, rng, r)
            # sometimes copy from a for agreement
            open(f"case/{r}/{aid}.xml", "w").write(article_xml(aid, text, units, rand_relations(units, rng)))
    v = subprocess.run([BIN, "validate", "case"], capture_output=True, text=True)
    if v.returncode: continue
    compared = globals().get("compared", 0) + 1; globals()["compared"] = compared
    for m in ("tokens", "codepoints"):
        try: exp = me.compute("case", m)
        except Exception as ex: print("py fail", trial, ex); continue
        out = subprocess.run([BIN, "agree", *[f"case/{r}" for r in raters], "--format", "json", "--unit", m], capture_output=True, text=True)
        if out.returncode: 
            if "no article is annotated by two" in out.stderr or "no argmark article found" in out.stderr: continue
            print(trial, out.stderr); bad += 1; continue
        got = json.loads(out.stdout)
        def walk(e, s, path):
            global bad
            if isinstance(e, dict):
                for k, vv in e.items():
                    if k in ("annotators","first","second"): continue
                    walk(vv, s.get(k, "MISSING"), path + "/" + k)
            elif isinstance(e, list):
                if not isinstance(s, list) or len(e) != len(s): print(trial, m, "len", path, e, s); bad += 1; return
                for i, (x, y) in enumerate(zip(e, s)): walk(x, y, f"{path}[{i}]")
            elif isinstance(e, float) or isinstance(s, float):
                if e is None or s is None or abs(e - s) > 2e-6: print(trial, m, "diff", path, e, s); bad += 1
            elif e != s: print(trial, m, "diff", path, e, s); bad += 1
        walk(exp, got, "")
print(f"{globals().get('compared', 0)} random studies compared, {bad} differences")
shutil.rmtree(os.getcwd(), ignore_errors=True)
sys.exit(1 if bad else 0)
