#!/usr/bin/env python3
"""Times a command several times: median wall time and peak memory (max RSS) of the process tree.

usage: measure.py --runs N [--prepare CMD] -- COMMAND...
Prints one JSON object: {"runs": [...seconds], "median": s, "max_rss_kib": k, "exit": code}.
The prepare command (run through the shell before each run) is not timed.
"""
import json
import os
import statistics
import subprocess
import sys
import time


def main():
    args = sys.argv[1:]
    runs, prepare = 3, None
    while args and args[0] != "--":
        if args[0] == "--runs":
            runs = int(args[1]); args = args[2:]
        elif args[0] == "--prepare":
            prepare = args[1]; args = args[2:]
        else:
            sys.exit(f"measure.py: unknown option {args[0]}")
    command = args[1:]
    times, peak, code = [], 0, 0
    for _ in range(runs):
        if prepare:
            subprocess.run(prepare, shell=True, check=True)
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - start)
        peak = max(peak, usage.ru_maxrss)
        code = os.waitstatus_to_exitcode(status)
    print(json.dumps({"runs": [round(t, 4) for t in times], "median": round(statistics.median(times), 4),
                      "max_rss_kib": peak, "exit": code}))


main()
