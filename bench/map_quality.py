#!/usr/bin/env python3
"""Measures how readable argument maps are: edge crossings and edges drawn through node boxes,
for argmark's own SVG and for Graphviz `dot` laying out argmark's DOT export of the same article.

    python3 bench/map_quality.py ARGMARK_BINARY FILE.xml...   (prints a Markdown table)
    python3 bench/map_quality.py --json ARGMARK_BINARY FILE.xml...

Both drawings are read back from their SVG, the same way: every edge (a <g class="edge">) is
flattened into a polyline (cubic Béziers sampled at 24 points), every node (a <g class="node">)
becomes its bounding box. A crossing is a point where two edges' polylines intersect, away from
their end points (within 4 px of an end is where edges meet at a node, not a crossing). An edge
goes through a box when its polyline enters the box of a node that is not one of its own ends
(shrunk by 1 px, so touching a border does not count). Graphviz draws an undercut as two edges
through a small point node; point nodes are not boxes.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


def transform_offset(root):
    """dot puts everything in a <g transform="... translate(x y)">; argmark uses none."""
    for g in root.iter(SVG + "g"):
        transform = g.get("transform")
        if transform and "translate" in transform:
            match = re.search(r"translate\(([-\d.]+)[ ,]([-\d.]+)\)", transform)
            scale = re.search(r"scale\(([-\d.]+)", transform)
            if scale and abs(float(scale.group(1)) - 1) > 1e-9:
                raise SystemExit("map_quality: scaled SVG not supported")
            return float(match.group(1)), float(match.group(2))
    return 0.0, 0.0


def path_points(d):
    """Absolute M/L/C path data (what argmark and dot write) as a polyline."""
    tokens = re.findall(r"[MLCmlc]|-?\d+(?:\.\d+)?(?:e-?\d+)?", d)
    points = []
    command = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token in "MLCmlc":
            command = token
            index += 1
            continue
        if command in ("M", "L"):
            points.append((float(tokens[index]), float(tokens[index + 1])))
            index += 2
        elif command == "C":
            p0 = points[-1]
            c1 = (float(tokens[index]), float(tokens[index + 1]))
            c2 = (float(tokens[index + 2]), float(tokens[index + 3]))
            p3 = (float(tokens[index + 4]), float(tokens[index + 5]))
            for step in range(1, 25):
                t = step / 24
                u = 1 - t
                points.append((u ** 3 * p0[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t ** 3 * p3[0],
                               u ** 3 * p0[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t ** 3 * p3[1]))
            index += 6
        else:
            raise SystemExit(f"map_quality: unsupported path command {command!r}")
    return points


def shape_box(element):
    xs, ys = [], []
    for child in element.iter():
        tag = child.tag.replace(SVG, "")
        if tag in ("rect",):
            x, y, w, h = (float(child.get(k)) for k in ("x", "y", "width", "height"))
            xs += [x, x + w]
            ys += [y, y + h]
        elif tag in ("polygon",):
            numbers = [float(v) for v in NUMBER.findall(child.get("points"))]
            xs += numbers[0::2]
            ys += numbers[1::2]
        elif tag == "ellipse":
            cx, cy, rx, ry = (float(child.get(k)) for k in ("cx", "cy", "rx", "ry"))
            xs += [cx - rx, cx + rx]
            ys += [cy - ry, cy + ry]
        elif tag == "path":
            points = path_points(child.get("d"))
            xs += [p[0] for p in points]
            ys += [p[1] for p in points]
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def title_of(element):
    title = element.find(SVG + "title")
    return title.text if title is not None else ""


def read(svg_text, kind):
    root = ET.fromstring(svg_text)
    dx, dy = transform_offset(root)
    nodes, edges = {}, []
    for g in root.iter(SVG + "g"):
        classes = (g.get("class") or "").split()
        if "node" in classes:
            name = g.get("data-unit") if kind == "argmark" else title_of(g)
            box = shape_box(g)
            if box is None or name.endswith(".mid"):
                continue  # Graphviz's point nodes for undercut relations
            nodes[name] = (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)
        elif "edge" in classes:
            if kind == "argmark":
                ends = (g.get("data-from"), g.get("data-to"))
            else:
                ends = tuple(part.split(":")[0] for part in title_of(g).split("->"))
            points = []
            for child in g:
                tag = child.tag.replace(SVG, "")
                if tag == "path":
                    points = path_points(child.get("d"))
                elif tag == "polyline":
                    numbers = [float(v) for v in NUMBER.findall(child.get("points"))]
                    points = list(zip(numbers[0::2], numbers[1::2]))
                elif tag == "line":
                    points = [(float(child.get("x1")), float(child.get("y1"))), (float(child.get("x2")), float(child.get("y2")))]
                if points:
                    break
            edges.append((ends, [(x + dx, y + dy) for x, y in points]))
    width = float(NUMBER.findall(root.get("width"))[0])
    height = float(NUMBER.findall(root.get("height"))[0])
    return nodes, edges, width, height


def intersect(p1, p2, p3, p4):
    d = (p2[0] - p1[0]) * (p4[1] - p3[1]) - (p2[1] - p1[1]) * (p4[0] - p3[0])
    if abs(d) < 1e-12:
        return None
    t = ((p3[0] - p1[0]) * (p4[1] - p3[1]) - (p3[1] - p1[1]) * (p4[0] - p3[0])) / d
    u = ((p3[0] - p1[0]) * (p2[1] - p1[1]) - (p3[1] - p1[1]) * (p2[0] - p1[0])) / d
    if 0 <= t < 1 and 0 <= u < 1:
        return (p1[0] + t * (p2[0] - p1[0]), p1[1] + t * (p2[1] - p1[1]))
    return None


def near(point, ends, radius=4.0):
    return any((point[0] - e[0]) ** 2 + (point[1] - e[1]) ** 2 <= radius * radius for e in ends)


def segments_box(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def crossings(edges):
    count = 0
    boxes = [segments_box(points) if points else None for _, points in edges]
    for i in range(len(edges)):
        for j in range(i + 1, len(edges)):
            a, b = edges[i][1], edges[j][1]
            if not a or not b:
                continue
            ba, bb = boxes[i], boxes[j]
            if ba[2] < bb[0] or bb[2] < ba[0] or ba[3] < bb[1] or bb[3] < ba[1]:
                continue
            ends = [a[0], a[-1], b[0], b[-1]]
            found = []
            for k in range(len(a) - 1):
                ax0, ax1 = min(a[k][0], a[k + 1][0]), max(a[k][0], a[k + 1][0])
                ay0, ay1 = min(a[k][1], a[k + 1][1]), max(a[k][1], a[k + 1][1])
                if ax1 < bb[0] or ax0 > bb[2] or ay1 < bb[1] or ay0 > bb[3]:
                    continue
                for m in range(len(b) - 1):
                    if max(b[m][0], b[m + 1][0]) < ax0 or min(b[m][0], b[m + 1][0]) > ax1 or \
                            max(b[m][1], b[m + 1][1]) < ay0 or min(b[m][1], b[m + 1][1]) > ay1:
                        continue
                    point = intersect(a[k], a[k + 1], b[m], b[m + 1])
                    if point and not near(point, ends) and not any(near(point, [f], 1.0) for f in found):
                        found.append(point)
            count += len(found)
    return count


def through_boxes(nodes, edges):
    bad = 0
    for ends, points in edges:
        hit = False
        for name, (x0, y0, x1, y1) in nodes.items():
            if name in ends:
                continue
            x0, y0, x1, y1 = x0 + 1, y0 + 1, x1 - 1, y1 - 1
            for k in range(len(points) - 1):
                (ax, ay), (bx, by) = points[k], points[k + 1]
                for step in range(9):
                    t = step / 8
                    x, y = ax + (bx - ax) * t, ay + (by - ay) * t
                    if x0 < x < x1 and y0 < y < y1:
                        hit = True
                        break
                if hit:
                    break
            if hit:
                break
        bad += hit
    return bad


def measure(svg_text, kind):
    nodes, edges, width, height = read(svg_text, kind)
    return {"edges": len(edges), "crossings": crossings(edges), "throughBoxes": through_boxes(nodes, edges),
            "width": round(width), "height": round(height)}


def main():
    args = sys.argv[1:]
    as_json = args and args[0] == "--json"
    if as_json:
        args = args[1:]
    binary, files = args[0], args[1:]
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for path in files:
            name = os.path.splitext(os.path.basename(path))[0]
            svg = subprocess.run([binary, "report", "--format", "svg", path], check=True, capture_output=True, text=True).stdout
            dot_source = subprocess.run([binary, "report", "--format", "dot", path], check=True, capture_output=True, text=True).stdout
            dot_svg = subprocess.run(["dot", "-Tsvg"], input=dot_source, check=True, capture_output=True, text=True).stdout
            relations = dot_source.count(" id=\"")
            ours, theirs = measure(svg, "argmark"), measure(dot_svg, "dot")
            goal = theirs["crossings"] + 0.05 * relations
            rows.append({"article": name, "relations": relations, "argmark": ours, "dot": theirs,
                         "meetsGoal": ours["crossings"] <= goal and ours["throughBoxes"] == 0})
    if as_json:
        print(json.dumps(rows, indent=2))
        return
    print("| Article | Relations | argmark crossings | dot crossings | argmark edges through boxes | dot edges through boxes | argmark size (px) | dot size (pt) | goal met |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |")
    for row in rows:
        a, d = row["argmark"], row["dot"]
        print(f"| {row['article']} | {row['relations']} | {a['crossings']} | {d['crossings']} | {a['throughBoxes']} | {d['throughBoxes']} | "
              f"{a['width']} × {a['height']} | {d['width']} × {d['height']} | {'yes' if row['meetsGoal'] else 'NO'} |")
    if not all(row["meetsGoal"] for row in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
