#!/usr/bin/env python3
"""Writes Sources/ArgmarkSuggest/Model/DefaultModel.swift: the shipped model file as a base64
string literal (76 characters a line), which the compiler reads in no time, unlike an embedded
byte array of the same size.

    python3 bench/suggest/embed.py Sources/ArgmarkSuggest/Resources/default-model.bin \\
        Sources/ArgmarkSuggest/Model/DefaultModel.swift
"""
import base64
import hashlib
import sys

data = open(sys.argv[1], "rb").read()
text = base64.b64encode(data).decode("ascii")
lines = [text[i:i + 76] for i in range(0, len(text), 76)]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("// Written by bench/suggest/embed.py from Resources/default-model.bin "
              f"({len(data)} bytes, SHA-256 {hashlib.sha256(data).hexdigest()}); do not edit.\n")
    out.write("enum DefaultModel {\n    static let base64 = \"\"\"\n")
    for line in lines:
        out.write("        " + line + "\n")
    out.write("        \"\"\"\n}\n")
