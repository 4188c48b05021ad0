#!/usr/bin/env python3
"""Benchmarks of `argmark serve` (not tests: nothing here fails on a time).

1. Edit round trip: 200 edits of seed 003 (63 KB) through POST /api/articles/seed-003/edits,
   each validated and written atomically, timed from request to response on one keep-alive
   connection; median and p99.
2. A 1 MB article with its units highlighted in headless Chromium: from navigation to the page
   showing every unit (median of 5 loads).

    python3 bench/serve/bench_serve.py --argmark .build/release/argmark [--out bench/serve/results.json]

`--serve-program .build/release/argmark-serve` runs the workbench program directly (it takes
`serve`'s arguments), e.g. to time a release server while `argmark` itself is a debug build.
"""
import argparse
import http.client
import json
import os
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET

NS = {"a": "urn:argmark:1"}


SERVE_PROGRAM = None


def serve(argmark, folder):
    command = [SERVE_PROGRAM] if SERVE_PROGRAM else [argmark, "serve"]
    server = subprocess.Popen(command + [folder, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url = server.stdout.readline().strip()
    port = int(url.split(":")[2].split("/")[0])
    token = url.split("token=")[1]
    return server, port, token


def cpu_seconds(pid):
    """User plus system CPU time the process has used (Linux /proc): unlike wall time, this
    hardly moves with the load other processes put on the machine."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def request(connection, token, method, path, body=None):
    headers = {"X-Argmark-Token": token}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    connection.request(method, path, body=data, headers=headers)
    response = connection.getresponse()
    payload = response.read()
    return response.status, json.loads(payload)


def edit_round_trip(argmark, root, edits=200):
    folder = tempfile.mkdtemp(prefix="argmark-bench-")
    for name in ["corpus.xml", "seed-003.xml"]:
        shutil.copy(os.path.join(root, "Annotations", name), folder)
    size = os.path.getsize(os.path.join(folder, "seed-003.xml"))
    server, port, token = serve(argmark, folder)
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port)
        status, article = request(connection, token, "GET", "/api/articles/seed-003")
        version = article["version"]
        units = [u["id"] for u in article["units"]]
        times, maps = [], []
        cpu_edits = 0.0
        for i in range(edits):
            body = {"version": version, "edits": [{"op": "set", "unit": units[i % len(units)], "note": f"bench {i}"}]}
            cpu = cpu_seconds(server.pid)
            start = time.perf_counter()
            status, reply = request(connection, token, "POST", "/api/articles/seed-003/edits", body)
            times.append((time.perf_counter() - start) * 1000)
            cpu_edits += cpu_seconds(server.pid) - cpu
            assert status == 200, reply
            version = reply["version"]
            # What the page asks next (not part of the edit): the map of the new version.
            start = time.perf_counter()
            status, drawn = request(connection, token, "GET", "/api/articles/seed-003/map")
            maps.append((time.perf_counter() - start) * 1000)
            assert status == 200 and drawn["version"] == version, drawn
        times.sort()
        maps.sort()
        return {"file_bytes": size, "edits": edits, "median_ms": round(statistics.median(times), 2),
                "p99_ms": round(times[int(len(times) * 0.99) - 1], 2), "max_ms": round(times[-1], 2),
                "server_cpu_per_edit_ms": round(cpu_edits / edits * 1000, 2),
                "map_after_edit_median_ms": round(statistics.median(maps), 2), "map_after_edit_p99_ms": round(maps[int(len(maps) * 0.99) - 1], 2)}
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait()
        shutil.rmtree(folder, ignore_errors=True)


def large_article(argmark, root, target_bytes=1_000_000):
    """A ~1 MB article: the five seed texts repeated, with a claim on every sentence of the first
    copy of each and the units made through the API (one locked, validated edit)."""
    folder = tempfile.mkdtemp(prefix="argmark-bench-large-")
    shutil.copy(os.path.join(root, "Annotations", "corpus.xml"), folder)
    texts = []
    for n in range(5):
        texts.append(ET.parse(os.path.join(root, "Annotations", f"seed-00{n}.xml")).getroot().find("a:text", NS).text)
    text = ""
    while len(text.encode()) < target_bytes:
        for t in texts:
            text += t + "\n"
    with open(os.path.join(folder, "large.txt"), "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    subprocess.run([argmark, "new", os.path.join(folder, "large.txt"), "-o", os.path.join(folder, "large.xml"), "--id", "large"], check=True, capture_output=True)
    os.remove(os.path.join(folder, "large.txt"))
    # Units on sentences: split at ". " (code points = Python str indices).
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] in " \n"):
            piece = text[start:i + 1]
            lead = len(piece) - len(piece.lstrip())
            if len(piece.strip()) > 20:
                spans.append((start + lead, i + 1))
            start = i + 1
    spans = spans[::2][:4000]
    types = ["claim", "evidence", "position", "counterclaim", "rebuttal"]
    edits = [{"op": "add", "type": types[k % 5], "start": s, "end": e} for k, (s, e) in enumerate(spans)]
    return folder, edits, len(text.encode())


def open_large(argmark, root, loads=5):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait
    folder, edits, size = large_article(argmark, root)
    server, port, token = serve(argmark, folder)
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port)
        status, reply = request(connection, token, "POST", "/api/articles/large/edits", {"edits": edits})
        assert status == 200, reply
        file_bytes = os.path.getsize(os.path.join(folder, "large.xml"))
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium")
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1000"]:
            options.add_argument(argument)
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
        try:
            driver.get(f"http://127.0.0.1:{port}/?token={token}")
            times, maps, fetches, renders = [], [], [], []
            for _ in range(loads):
                start = time.perf_counter()
                driver.get(f"http://127.0.0.1:{port}/article/large")
                WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.body.dataset.units") == str(len(edits)))
                # Painted: the next animation frame after the units are in the page.
                driver.execute_async_script("requestAnimationFrame(() => setTimeout(arguments[0], 0))")
                marked = driver.execute_script("return document.querySelectorAll('#text span[data-u]').length")
                times.append((time.perf_counter() - start) * 1000)
                assert marked >= len(edits), marked
                timing = json.loads(driver.execute_script("return document.body.dataset.timing"))
                fetches.append(timing["fetch"])
                renders.append(timing["render"])
                WebDriverWait(driver, 120).until(lambda d: d.execute_script("return document.body.dataset.mapVersion === document.body.dataset.version"))
                maps.append((time.perf_counter() - start) * 1000)
            return {"text_bytes": size, "file_bytes": file_bytes, "units": len(edits), "loads": loads,
                    "median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1),
                    "fetch_median_ms": statistics.median(fetches), "render_median_ms": statistics.median(renders),
                    "map_drawn_median_ms": round(statistics.median(maps), 1)}
        finally:
            driver.quit()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait()
        shutil.rmtree(folder, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--argmark", required=True)
    parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    parser.add_argument("--out")
    parser.add_argument("--serve-program")
    arguments = parser.parse_args()
    global SERVE_PROGRAM
    SERVE_PROGRAM = arguments.serve_program
    results = {"edit_round_trip": edit_round_trip(arguments.argmark, arguments.root),
               "open_1mb_article": open_large(arguments.argmark, arguments.root)}
    print(json.dumps(results, indent=2))
    if arguments.out:
        with open(arguments.out, "w") as handle:
            json.dump(results, handle, indent=2)


if __name__ == "__main__":
    main()
