#!/usr/bin/env python3
"""Makes a corpus N times larger: every article of FOLDER copied N times with new ids.

usage: replicate.py FOLDER OUT N
Copy k of article ID is written as OUT/ID-kK.xml with id="ID-kK"; everything else (text, units,
relations) is unchanged, so each copy validates as the original does. corpus.xml is copied once.
"""
import os
import re
import shutil
import sys

source, out, times = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out, exist_ok=True)
root_id = re.compile(rb'(<article\b[^>]*?\sid=")([^"]*)(")')
for name in sorted(os.listdir(source)):
    path = os.path.join(source, name)
    if not name.endswith(".xml"):
        continue
    if name == "corpus.xml":
        shutil.copy(path, os.path.join(out, name))
        continue
    data = open(path, "rb").read()
    stem = name[:-4]
    for k in range(times):
        copy = root_id.sub(lambda m: m.group(1) + m.group(2) + b"-k%d" % k + m.group(3), data, count=1)
        with open(os.path.join(out, "%s-k%d.xml" % (stem, k)), "wb") as f:
            f.write(copy)
