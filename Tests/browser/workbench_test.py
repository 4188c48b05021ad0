#!/usr/bin/env python3
"""End-to-end test of `argmark serve` in a real headless Chromium (Selenium + chromedriver).

Run by the Swift test `BrowserTests` (so `swift test` runs it), or by hand:

    python3 Tests/browser/workbench_test.py --argmark .build/debug/argmark [--screenshots DIR]

It annotates seed 002 from an empty article by selecting text and pressing keys (17 units, 16
relations, two speakers made in the panel), undoes and redoes, reloads, runs suggest on another
article and accepts and rejects with y/n, adds an implicit and a discontinuous unit, lets two
annotators work on their copies and curates them; then checks the XML files and that
`argmark validate` accepts them. It counts the user actions (clicks, keys, typed fields, one
mouse drag per selection) and prints them; exit 0 only if every check passed.
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

NS = {"a": "urn:argmark:1"}

# The first 17 units of seed 002 as first annotated (before the re-annotation by docs/GUIDELINES.md),
# the ones that took 49 CLI commands (type, start, end, speaker),
# and 16 relations among them (its r2 to r17), in the order an annotator makes them.
UNITS = [
    ("evidence", 101, 168, "catharsis"), ("counterclaim", 170, 213, "catharsis"), ("evidence", 220, 295, "catharsis"),
    ("position", 306, 378, "catharsis"), ("claim", 393, 557, "catharsis"), ("claim", 644, 751, "catharsis"),
    ("claim", 785, 858, "catharsis"), ("claim", 898, 916, "catharsis"), ("claim", 926, 951, "catharsis"),
    ("counterclaim", 955, 1070, "catharsis"), ("rebuttal", 1072, 1120, "catharsis"), ("claim", 1135, 1207, "catharsis"),
    ("claim", 1216, 1302, "catharsis"), ("evidence", 1304, 1407, "catharsis"), ("claim", 1408, 1452, "catharsis"),
    ("claim", 1454, 1529, "catharsis"), ("claim", 1657, 1748, "burke"),
]
RELATIONS = [  # (from, type, to) by 1-based unit number
    (3, "supports", 2), (2, "attacks", 4), (5, "supports", 4), (6, "supports", 4), (7, "supports", 6),
    (8, "supports", 5), (9, "supports", 5), (10, "restates", 2), (11, "rebuts", 2), (11, "rebuts", 10),
    (12, "supports", 11), (13, "supports", 12), (14, "supports", 11), (15, "supports", 4), (16, "supports", 15),
    (17, "supports", 15),
]
TYPE_KEYS = {"position": "p", "claim": "c", "counterclaim": "x", "rebuttal": "r", "evidence": "e"}
RELATION_KEYS = {"supports": "s", "attacks": "a", "rebuts": "b", "restates": "t", "undercuts": "u"}

# Sets the page's selection to code points [start, end) of the article text: the mouse drag.
SELECT_JS = """
const [start, end] = arguments;
function position(cp) {
  const spans = [...document.querySelectorAll('#text span[data-s]')];
  let span = spans[0];
  for (const s of spans) { if (Number(s.dataset.s) <= cp) span = s; else break; }
  const node = span.firstChild;
  let c = Number(span.dataset.s), offset = 0;
  for (const ch of node.data) { if (c === cp) break; c++; offset += ch.length; }
  return [node, offset];
}
const [a, ao] = position(start), [b, bo] = position(end);
window.getSelection().setBaseAndExtent(a, ao, b, bo);
return window.getSelection().toString();
"""


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Session:
    """One `argmark serve` and the browser pointed at it."""

    def __init__(self, argmark, folder, screenshots, annotator=None):
        self.argmark = argmark
        arguments = [argmark, "serve", folder, "--port", "0"] + (["--annotator", annotator] if annotator else [])
        self.server = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.url = self.server.stdout.readline().strip()
        check(self.url.startswith("http://127.0.0.1:") and "/?token=" in self.url, f"serve printed {self.url!r}")
        self.base = self.url.split("/?")[0]
        self.screenshots = screenshots
        self.actions = 0

    def start_browser(self):
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1000", "--disable-gpu"]:
            options.add_argument(argument)
        service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.set_script_timeout(30)
        self.driver.get(self.url)
        check(self.driver.current_url.rstrip("/") == self.base, f"the token link should land on / without the token, not {self.driver.current_url}")
        return self

    def act(self, count=1):
        self.actions += count

    def wait(self, condition, message, timeout=60):
        try:
            WebDriverWait(self.driver, timeout).until(lambda d: condition())
        except Exception:
            status = self.driver.execute_script("return document.getElementById('status')?.textContent")
            raise Failure(f"{message} (status: {status!r})")

    def saved(self, before):
        self.wait(lambda: self.driver.execute_script("return document.body.dataset.busy !== '1' && document.body.dataset.version !== arguments[0]", before),
                  "the change did not land")

    def version(self):
        return self.driver.execute_script("return document.body.dataset.version")

    def key(self, keys):
        ActionChains(self.driver).send_keys(keys).perform()
        self.act()

    def open_article(self, name):
        # The corpus page fills its table from the API; on a loaded machine that takes a moment.
        self.wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, f'tr[data-name="{name}"] a'), f"{name} is listed on the corpus page", timeout=60)
        self.driver.find_element(By.CSS_SELECTOR, f'tr[data-name="{name}"] a').click()
        self.act()
        self.wait(lambda: self.driver.execute_script("return !!document.body.dataset.version"), f"{name} did not open")

    def select(self, start, end):
        self.driver.execute_script(SELECT_JS, start, end)
        self.act()

    def mark(self, unit_type, start, end):
        before = self.version()
        self.select(start, end)
        self.key(TYPE_KEYS[unit_type])
        self.saved(before)

    def click_unit(self, unit_id):
        self.driver.find_element(By.CSS_SELECTOR, f'#text sup[data-unit="{unit_id}"]').click()
        self.act()

    def selected_unit(self):
        return self.driver.execute_script("return document.getElementById('selected-unit')?.dataset.unit")

    def relate(self, source, relation, target):
        before = self.version()
        if self.selected_unit() != source:
            self.click_unit(source)
        self.key(RELATION_KEYS[relation])
        self.click_unit(target)
        self.saved(before)

    def fill_form(self, form_id, values):
        self.driver.find_element(By.ID, f"{form_id}-open").click()
        self.act()
        for name, value in values.items():
            field = self.driver.find_element(By.CSS_SELECTOR, f'#{form_id} [name="{name}"]')
            field.send_keys(value)
            self.act()  # typing one field counts as one action
        before = self.version()
        self.driver.find_element(By.CSS_SELECTOR, f"#{form_id} button[type=submit]").click()
        self.act()
        self.saved(before)

    def screenshot(self, name):
        if self.screenshots:
            self.driver.save_screenshot(os.path.join(self.screenshots, name))

    def close(self):
        if hasattr(self, "driver"):
            self.driver.quit()
        self.server.send_signal(signal.SIGTERM)
        try:
            code = self.server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.server.kill()
            raise Failure("argmark serve did not stop on SIGTERM")
        check(code == 0, f"argmark serve exited {code} on SIGTERM: {self.server.stderr.read()}")


def units_of(path):
    root = ET.parse(path).getroot()
    return root.findall("a:units/a:unit", NS), root.findall("a:relations/a:relation", NS)


def validate(argmark, path):
    result = subprocess.run([argmark, "validate", path], capture_output=True, text=True)
    check(result.returncode == 0, f"argmark validate {path} failed: {result.stderr}")


def empty_article(argmark, folder, source, article_id):
    """A new article with the text of `source` and no annotations, made by `argmark new`."""
    root = ET.parse(source).getroot()
    text = root.find("a:text", NS).text
    title_element = root.find("a:meta/a:title", NS)
    title = title_element.text if title_element is not None else article_id
    text_file = os.path.join(folder, article_id + ".txt")
    with open(text_file, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    out = os.path.join(folder, article_id + ".xml")
    subprocess.run([argmark, "new", text_file, "-o", out, "--id", article_id, "--title", title], check=True, capture_output=True)
    os.remove(text_file)
    return out


def annotate_seed_002(argmark, folder, screenshots):
    session = Session(argmark, folder, screenshots).start_browser()
    try:
        # The corpus page builds its table from the API; on a loaded machine that takes a moment.
        session.wait(lambda: session.driver.find_elements(By.CSS_SELECTOR, "#corpus tr[data-name]"), "the corpus table was not filled")
        session.screenshot("corpus.png")
        headers = [th.text for th in session.driver.find_elements(By.CSS_SELECTOR, "#corpus th")]
        check("annotated" in headers and "validation" in headers, f"corpus page columns: {headers}")
        session.actions = 0
        session.open_article("seed-002")
        session.fill_form("speaker-form", {"id": "burke", "name": "Tarana Burke", "role": "quoted"})
        session.fill_form("speaker-form", {"id": "catharsis", "name": "Catharsis Productions", "role": "author"})
        check(session.driver.execute_script("return document.getElementById('new-speaker').value") == "catharsis",
              "a new speaker becomes the speaker of new units")
        created = []
        current_speaker = "catharsis"
        for number, (unit_type, start, end, speaker) in enumerate(UNITS, 1):
            if speaker != current_speaker:
                Select(session.driver.find_element(By.ID, "new-speaker")).select_by_value(speaker)
                session.act(2)  # open the list, pick the speaker
                current_speaker = speaker
            session.mark(unit_type, start, end)
            created.append(session.selected_unit())
            for source, relation, target in RELATIONS:
                # Relations from the unit just made are drawn right away (it is still selected).
                if source == number and target < number:
                    session.relate(created[source - 1], relation, created[target - 1])
        for source, relation, target in RELATIONS:
            if target > source:
                session.relate(created[source - 1], relation, created[target - 1])
        annotation_actions = session.actions
        path = os.path.join(folder, "seed-002.xml")
        units, relations = units_of(path)
        check(len(units) == 17 and len(relations) == 16, f"expected 17 units and 16 relations, found {len(units)} and {len(relations)}")
        by_id = {u.get("id"): u for u in units}
        for unit_id, (unit_type, start, end, speaker) in zip(created, UNITS):
            unit = by_id[unit_id]
            check((unit.get("type"), int(unit.get("start")), int(unit.get("end")), unit.get("speaker")) == (unit_type, start, end, speaker),
                  f"{unit_id} is {unit.attrib}, expected {(unit_type, start, end, speaker)}")
        drawn = {(r.get("from"), r.get("type"), r.get("to")) for r in relations}
        wanted = {(created[s - 1], t, created[d - 1]) for s, t, d in RELATIONS}
        check(drawn == wanted, f"relations differ: {sorted(drawn ^ wanted)}")
        validate(argmark, path)
        session.screenshot("article.png")

        # Undo, redo, and the history surviving a reload.
        with open(path, "rb") as handle:
            annotated = handle.read()
        before = session.version()
        session.key("z")
        session.saved(before)
        check(len(units_of(path)[1]) == 15, "undo takes back the last relation")
        session.driver.refresh()
        session.wait(lambda: session.driver.execute_script("return !!document.body.dataset.version"), "reload")
        check(session.driver.find_element(By.ID, "redo").is_enabled(), "redo is still offered after a reload")
        before = session.version()
        session.driver.find_element(By.ID, "redo").click()
        session.saved(before)
        with open(path, "rb") as handle:
            check(handle.read() == annotated, "redo gives back the file byte for byte")

        # A map node selects its unit (the map is drawn after the text, once the server sends it).
        session.wait(lambda: session.driver.execute_script("return document.body.dataset.mapVersion === document.body.dataset.version"), "the map of this version was drawn")
        session.driver.find_element(By.CSS_SELECTOR, f'#map a[href="#unit-{created[3]}"]').click()
        check(session.selected_unit() == created[3], "clicking a map node selects its unit")
        # A change from the command line shows up without a reload (the page polls the version).
        shown = session.version()
        subprocess.run([argmark, "set", path, created[0], "--note", "set from the shell"], check=True, capture_output=True)
        session.wait(lambda: session.version() != shown, "the page noticed the command line's change", timeout=15)
        return annotation_actions, created
    finally:
        session.close()


def suggestions_and_special_units(argmark, folder, screenshots):
    session = Session(argmark, folder, screenshots).start_browser()
    try:
        session.open_article("seed-001")
        before = session.version()
        session.driver.find_element(By.ID, "suggest").click()
        session.saved(before)
        path = os.path.join(folder, "seed-001.xml")
        units, _ = units_of(path)
        suggested = [u for u in units if u.get("status") == "suggested"]
        check(len(suggested) >= 2, f"suggest added {len(suggested)} suggestions")
        session.screenshot("suggestions.png")
        # Active learning: the panel lists the suggestions least sure first, and the least sure
        # one is selected to review first.
        confidence = {u.get("id"): float(u.get("confidence")) for u in suggested}
        listed = session.driver.execute_script("return [...document.querySelectorAll('#review li')].map((li) => li.dataset.unit)")
        check(listed == sorted(confidence, key=lambda i: (confidence[i], int(next(u.get("start") for u in suggested if u.get("id") == i)))),
              f"the review list is least sure first: {listed} {confidence}")
        first = session.selected_unit()
        check(first == listed[0], f"the least sure suggestion is offered first: {first}, not {listed[0]}")
        before = session.version()
        session.key("y")
        session.saved(before)
        second = session.selected_unit()
        check(second == listed[1], f"after y the next least sure suggestion is selected: {second}, not {listed[1]}")
        before = session.version()
        session.key("n")
        session.saved(before)
        units, _ = units_of(path)
        by_id = {u.get("id"): u for u in units}
        check(by_id[first].get("status") is None, f"{first} accepted (status gone): {by_id[first].attrib}")
        check(second not in by_id, f"{second} rejected (removed)")

        # Retrain the corpus's own model on the button; the page says when it has learned.
        model_file = os.path.join(folder, ".argmark", "model")
        check(not os.path.exists(model_file), "no corpus model before the first training")
        session.driver.find_element(By.ID, "retrain").click()
        session.wait(lambda: session.driver.execute_script("return document.body.dataset.modelGeneration >= 1 && document.body.dataset.modelTraining === '0'"),
                     "the retrain finished", timeout=300)
        model_status = session.driver.find_element(By.ID, "model-status").text
        check("corpus model" in model_status, f"the page says suggestions come from the corpus model: {model_status!r}")
        check(os.path.exists(model_file), "the model is written to FOLDER/.argmark/model")
        scratch = tempfile.mkdtemp(prefix="argmark-model-")
        shutil.copy(os.path.join(folder, "seed-002.xml"), scratch)
        shutil.copy(os.path.join(folder, "corpus.xml"), scratch)
        suggest = subprocess.run([argmark, "suggest", os.path.join(scratch, "seed-002.xml"), "--model", model_file], capture_output=True, text=True)
        shutil.rmtree(scratch, ignore_errors=True)
        check(suggest.returncode == 0, f"argmark suggest --model reads the corpus model: {suggest.stderr}")
        session.screenshot("model.png")

        # An implicit unit (i, type the paraphrase) and a discontinuous one (f, then a type key).
        session.key("i")
        session.driver.find_element(By.CSS_SELECTOR, "#implicit-form textarea").send_keys("Famous people are not exempt from accusations.")
        before = session.version()
        session.driver.find_element(By.CSS_SELECTOR, "#implicit-form button[type=submit]").click()
        session.saved(before)
        text = ET.parse(path).getroot().find("a:text", NS).text
        occupied = [(int(u.get("start")), int(u.get("end"))) for u in units_of(path)[0] if u.get("start")]
        free = [i for i in range(len(text) - 1) if not any(s <= i < e for s, e in occupied) and text[i].isalpha()]
        check(len(free) > 40, "room for a discontinuous unit")
        a, b = free[0], free[0]
        while b + 1 in free and b - a < 6:
            b += 1
        c = next(i for i in free if i > b + 3)
        d = c
        while d + 1 in free and d - c < 6:
            d += 1
        session.select(a, b + 1)
        session.key("f")
        before = session.version()
        session.select(c, d + 1)
        session.key("e")
        session.saved(before)
        units, _ = units_of(path)
        implicit = [u for u in units if u.get("start") is None]
        check(len(implicit) == 1 and implicit[0].text == "Famous people are not exempt from accusations.", "the implicit unit is written")
        pieces = [u for u in units if u.get("fragments")]
        check(len(pieces) == 1 and pieces[0].get("fragments") == f"{a}-{b + 1} {c}-{d + 1}", f"the discontinuous unit: {[p.attrib for p in pieces]}")
        validate(argmark, path)
    finally:
        session.close()


def curate(argmark, folder, screenshots, created):
    # Two annotators on their own copies: ann adds a unit, bob deletes one.
    extra = (1770, 1842)  # inside the text after the 17 units
    for annotator in ["ann", "bob"]:
        session = Session(argmark, folder, screenshots, annotator=annotator).start_browser()
        try:
            session.open_article("seed-002")
            if annotator == "ann":
                session.mark("claim", *extra)
            else:
                session.click_unit(created[8])
                before = session.version()
                session.key(Keys.DELETE)
                session.saved(before)
        finally:
            session.close()
    check(os.path.exists(os.path.join(folder, "annotators", "ann", "seed-002.xml")), "ann's copy exists")
    gold_path = os.path.join(folder, "seed-002.xml")
    gold_units_before = len(units_of(gold_path)[0])

    session = Session(argmark, folder, screenshots).start_browser()
    try:
        session.driver.get(session.base + "/curate/seed-002")
        session.wait(lambda: session.driver.find_elements(By.ID, "figures"), "the curation page shows its figures")
        figures = session.driver.find_element(By.ID, "figures").text
        check("units agreed" in figures and "Cohen" in figures, f"figures: {figures}")
        conflicts = session.driver.find_element(By.ID, "conflicts").text
        check(f"{extra[0]}-{extra[1]}" in conflicts, f"ann's extra unit is a conflict: {conflicts}")
        session.screenshot("curate.png")
        ann = session.driver.find_element(By.CSS_SELECTOR, '.col[data-annotator="ann"]')
        take = [li for li in ann.find_elements(By.CSS_SELECTOR, "li.conflict") if f"{extra[0]}-{extra[1]}" in li.text]
        check(len(take) == 1, "one take button for ann's extra unit")
        take[0].find_element(By.CSS_SELECTOR, "button.take").click()
        session.wait(lambda: "taken into the gold" in session.driver.find_element(By.ID, "status").text, "take landed")
        units, _ = units_of(gold_path)
        check(len(units) == gold_units_before + 1, "the gold article got the unit")
        check(any((u.get("start"), u.get("end")) == (str(extra[0]), str(extra[1])) for u in units), "at ann's span")
        validate(argmark, gold_path)
        # Run merge on the command line too: what both agree on, with bob's deletion a conflict.
        merged = os.path.join(folder, "merged.xml")
        result = subprocess.run([argmark, "merge", os.path.join(folder, "annotators", "ann", "seed-002.xml"),
                                 os.path.join(folder, "annotators", "bob", "seed-002.xml"), "-o", merged], capture_output=True, text=True)
        check(result.returncode == 0, f"merge failed: {result.stderr}")
        check("16 units" in result.stdout and "conflict" in result.stdout, f"merge said: {result.stdout}")
        validate(argmark, merged)
    finally:
        session.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--argmark", required=True)
    parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    parser.add_argument("--screenshots")
    arguments = parser.parse_args()
    if arguments.screenshots:
        os.makedirs(arguments.screenshots, exist_ok=True)
    annotations = os.path.join(arguments.root, "Annotations")
    folder = tempfile.mkdtemp(prefix="argmark-browser-")
    try:
        shutil.copy(os.path.join(annotations, "corpus.xml"), folder)
        empty_article(arguments.argmark, folder, os.path.join(annotations, "seed-002.xml"), "seed-002")
        empty_article(arguments.argmark, folder, os.path.join(annotations, "seed-001.xml"), "seed-001")
        actions, created = annotate_seed_002(arguments.argmark, folder, arguments.screenshots)
        items = len(UNITS) + len(RELATIONS)
        print(f"user actions: {actions} for {len(UNITS)} units and {len(RELATIONS)} relations = {actions / items:.2f} per unit or relation")
        check(actions / items <= 3, f"{actions / items:.2f} actions per unit or relation; the goal is at most 3")
        suggestions_and_special_units(arguments.argmark, folder, arguments.screenshots)
        curate(arguments.argmark, folder, arguments.screenshots, created)
        print("browser test: 4 passed, 0 failed")
    except Failure as failure:
        print(f"browser test failed: {failure}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
