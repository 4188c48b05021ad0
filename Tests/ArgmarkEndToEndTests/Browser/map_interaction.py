#!/usr/bin/env python3
"""Drives an argmark HTML report in headless Chromium and checks that its maps pan, zoom,
highlight relations on hover, jump to the text on click, and fold subtrees; and looks at the
screenshots' pixels (decoded here, no imaging library) to see that hovering fades the other units
on screen and folding removes the folded ones from it.

    python3 map_interaction.py REPORT.html SCREENSHOT_FOLDER

Prints one line per check ("ok: ..." or "FAIL: ...") and exits 1 if any check fails, 2 if the
browser cannot be started. Screenshots of each step go to SCREENSHOT_FOLDER.
"""
import os
import struct
import sys
import time
import zlib

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


def decode_png(data):
    """Width, height and rows of RGB(A) pixels of an 8-bit, non-interlaced PNG (what Chromium
    writes), so the screenshots can be looked at without an imaging library."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, idat = 8, b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, "unexpected PNG format"
            channels = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    raw, stride, rows, previous = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(line)
        previous = line
    return width, height, channels, rows


def ink(png, rect):
    """The share of pixels in `rect` (CSS pixels of the viewport, device scale 1) that are
    clearly darker than the white page: how much is drawn there."""
    width, height, channels, rows = decode_png(png)
    left, top = max(0, int(rect["left"])), max(0, int(rect["top"]))
    right, bottom = min(width, int(rect["right"])), min(height, int(rect["bottom"]))
    dark = total = 0
    for y in range(top, bottom):
        line = rows[y]
        for x in range(left, right):
            r, g, b = line[x * channels], line[x * channels + 1], line[x * channels + 2]
            total += 1
            dark += (r + g + b) < 600
    return dark / total if total else 0.0


def rect_of(element):
    return driver.execute_script("var r = arguments[0].getBoundingClientRect(); return {left: r.left, top: r.top, right: r.right, bottom: r.bottom};", element)


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
    related = set(driver.execute_script(
        "var unit = arguments[1], seen = [unit];"
        "arguments[0].querySelectorAll('g.edge').forEach(function (e) {"
        "  if (e.getAttribute('data-from') === unit) seen.push(e.getAttribute('data-to'));"
        "  if (e.getAttribute('data-to') === unit) seen.push(e.getAttribute('data-from')); });"
        "return seen;", svg, unit))
    bystander = next(n for n in svg.find_elements(By.CSS_SELECTOR, "g.node") if n.get_attribute("data-unit") not in related)
    bystander_rect, unit_rect = rect_of(bystander), rect_of(node)
    plain = driver.get_screenshot_as_png()
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
    hovered = driver.get_screenshot_as_png()
    # Look at the pixels: a unit the hovered one is not related to fades, the hovered one does not.
    before, after = ink(plain, bystander_rect), ink(hovered, bystander_rect)
    check(before > 0.02 and after < before * 0.5, f"on screen, unrelated unit {bystander.get_attribute('data-unit')} fades ({before:.3f} -> {after:.3f} of its pixels drawn)")
    before, after = ink(plain, unit_rect), ink(hovered, unit_rect)
    check(before > 0.02 and after >= before * 0.9, f"and the hovered unit stays as drawn ({before:.3f} -> {after:.3f})")
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseleave'))", node)
    check(not svg.find_elements(By.CSS_SELECTOR, "g.edge.hl"), "leaving the unit clears the highlight")

    # Fold: the subtree below the unit disappears, and comes back.
    visible_before = len([n for n in svg.find_elements(By.CSS_SELECTOR, "g.node") if n.is_displayed()])
    unfolded_png = driver.get_screenshot_as_png()
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}))", fold)
    hidden = svg.find_elements(By.CSS_SELECTOR, "g.node.folded-away")
    if hidden:
        gone = driver.execute_script("var r = arguments[0].getBBox(), m = arguments[0].getScreenCTM();"
                                     "return {left: r.x * m.a + m.e, top: r.y * m.d + m.f, right: (r.x + r.width) * m.a + m.e, bottom: (r.y + r.height) * m.d + m.f};", hidden[0])
        before, after = ink(unfolded_png, gone), ink(driver.get_screenshot_as_png(), gone)
        check(before > 0.02 and after < 0.005, f"on screen, folded unit {hidden[0].get_attribute('data-unit')} is gone ({before:.3f} -> {after:.3f} of its pixels drawn)")
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
