#!/usr/bin/env python3
"""Drives an argmark HTML report in headless Chromium and checks that its maps pan, zoom,
highlight relations on hover, jump to the text on click, and fold subtrees.

    python3 map_interaction.py REPORT.html SCREENSHOT_FOLDER

Prints one line per check ("ok: ..." or "FAIL: ...") and exits 1 if any check fails, 2 if the
browser cannot be started. Screenshots of each step go to SCREENSHOT_FOLDER.
"""
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

report, shots = os.path.abspath(sys.argv[1]), sys.argv[2]
os.makedirs(shots, exist_ok=True)

options = webdriver.ChromeOptions()
for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"):
    options.add_argument(argument)
binary = os.environ.get("CHROMIUM", "/usr/bin/chromium")
if os.path.exists(binary):
    options.binary_location = binary
driver_path = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
try:
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
except Exception as error:  # noqa: BLE001 - any start-up failure is reported the same way
    print(f"cannot start chromium: {error}")
    sys.exit(2)

failures = []


def check(condition, message):
    print(("ok: " if condition else "FAIL: ") + message)
    if not condition:
        failures.append(message)


def view_box(svg):
    return [float(v) for v in svg.parent.execute_script("return arguments[0].getAttribute('viewBox')", svg).split()]


try:
    driver.get("file://" + report)
    check(driver.execute_script("return document.querySelectorAll('.map[data-map] svg').length") > 0, "the report has maps")
    box = driver.find_element(By.CSS_SELECTOR, ".map[data-map]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", box)
    svg = box.find_element(By.TAG_NAME, "svg")
    driver.save_screenshot(os.path.join(shots, "1-map.png"))
    start = view_box(svg)

    # Zoom with the button, then with the wheel.
    box.find_element(By.CSS_SELECTOR, "button[data-zoom='in']").click()
    zoomed = view_box(svg)
    check(zoomed[2] < start[2] * 0.9 and zoomed[3] < start[3] * 0.9, f"zoom in shrinks the view box {start} -> {zoomed}")
    driver.execute_script(
        "var r = arguments[0].getBoundingClientRect();"
        "arguments[0].dispatchEvent(new WheelEvent('wheel', {deltaY: -100, clientX: r.left + r.width / 2, clientY: r.top + 40, bubbles: true, cancelable: true}));",
        svg)
    wheeled = view_box(svg)
    check(wheeled[2] < zoomed[2], f"the wheel zooms further {zoomed} -> {wheeled}")

    # Pan: drag on the background (the top-left corner holds the caption, not a unit).
    before = view_box(svg)
    ActionChains(driver).move_to_element_with_offset(svg, -svg.size["width"] // 2 + 8, -svg.size["height"] // 2 + 8) \
        .click_and_hold().move_by_offset(120, 60).release().perform()
    after = view_box(svg)
    check(after[0] < before[0] - 5 and after[1] < before[1] - 5, f"dragging pans the view {before[:2]} -> {after[:2]}")
    driver.save_screenshot(os.path.join(shots, "2-zoomed-and-panned.png"))
    box.find_element(By.CSS_SELECTOR, "button[data-zoom='fit']").click()
    check(view_box(svg) == start, "fit shows the whole map again")

    # Hover a unit that has relations: its edges are highlighted, the rest dimmed.
    fold = svg.find_element(By.CSS_SELECTOR, "g.fold")
    unit = fold.get_attribute("data-unit")
    node = svg.find_element(By.CSS_SELECTOR, f"g.node[data-unit='{unit}']")
    ActionChains(driver).move_to_element(node.find_element(By.CSS_SELECTOR, "rect, polygon")).perform()
    time.sleep(0.2)
    highlighted = [edge.get_attribute("data-relation") for edge in svg.find_elements(By.CSS_SELECTOR, "g.edge.hl")]
    touching = driver.execute_script(
        "var unit = arguments[1]; var starts = {};"
        "arguments[0].querySelectorAll('g.edge').forEach(function (e) { starts[e.getAttribute('data-relation')] = e.getAttribute('data-from'); });"
        "return Array.prototype.filter.call(arguments[0].querySelectorAll('g.edge'), function (e) {"
        "  var to = e.getAttribute('data-to'); return e.getAttribute('data-from') === unit || to === unit || starts[to] === unit;"
        "}).map(function (e) { return e.getAttribute('data-relation'); });", svg, unit)
    check(len(highlighted) > 0 and sorted(highlighted) == sorted(touching), f"hovering {unit} highlights exactly its relations {highlighted}")
    check("hovering" in driver.execute_script("return arguments[0].getAttribute('class') || ''", svg), "hovering dims the rest of the map")
    driver.save_screenshot(os.path.join(shots, "3-hover.png"))
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseleave'))", node)
    check(not svg.find_elements(By.CSS_SELECTOR, "g.edge.hl"), "leaving the unit clears the highlight")

    # Fold: the subtree below the unit disappears, and comes back.
    visible_before = len([n for n in svg.find_elements(By.CSS_SELECTOR, "g.node") if n.is_displayed()])
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}))", fold)
    hidden = svg.find_elements(By.CSS_SELECTOR, "g.node.folded-away")
    visible_after = len([n for n in svg.find_elements(By.CSS_SELECTOR, "g.node") if n.is_displayed()])
    check(len(hidden) > 0 and visible_after == visible_before - len(hidden), f"folding {unit} hides {len(hidden)} units that answer it")
    check(all(not e.is_displayed() for e in svg.find_elements(By.CSS_SELECTOR, "g.edge.folded-away")) and svg.find_elements(By.CSS_SELECTOR, "g.edge.folded-away"),
          "and their edges")
    check(fold.find_element(By.TAG_NAME, "text").text == "+", "the fold button turns into +")
    driver.save_screenshot(os.path.join(shots, "4-folded.png"))
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}))", fold)
    check(not svg.find_elements(By.CSS_SELECTOR, "g.node.folded-away"), "unfolding shows them again")

    # Click a unit: the page goes to the unit in the highlighted text, opened and flashed.
    ActionChains(driver).move_to_element(node.find_element(By.CSS_SELECTOR, "rect, polygon")).click().perform()
    time.sleep(0.3)
    source = box.get_attribute("data-map").split("p")[0].lstrip("m")
    anchor = f"s{source}-{unit}"
    check(driver.execute_script("return location.hash") == "#" + anchor, f"clicking {unit} goes to #{anchor}")
    target = driver.find_element(By.ID, anchor)
    opened = driver.execute_script("var d = arguments[0].closest('details'); return d === null || d.open", target)
    check(opened, "the text holding the unit is opened")
    check(bool(driver.find_elements(By.CSS_SELECTOR, ".flash")), "the unit is flashed in the text")
    in_view = driver.execute_script("var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight", target)
    check(in_view, "and scrolled into view")
    driver.save_screenshot(os.path.join(shots, "5-unit-in-text.png"))

    # Large articles are split: one map per argument.
    parts = driver.find_elements(By.CSS_SELECTOR, "details.map-part")
    check(len(parts) > 1, f"a large article gets one map per argument ({len(parts)} parts)")
    if parts:
        driver.execute_script("arguments[0].open = true; arguments[0].scrollIntoView({block: 'start'})", parts[1])
        time.sleep(0.2)
        driver.save_screenshot(os.path.join(shots, "6-part-map.png"))
finally:
    driver.quit()

sys.exit(1 if failures else 0)
