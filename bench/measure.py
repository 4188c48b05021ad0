#!/usr/bin/env python3
"""Times a command several times: median wall time and peak memory (max RSS) of the process tree.

usage: measure.py --runs N [--prepare CMD] -- COMMAND... [::: OTHER COMMAND...]
Prints one JSON object per command: {"runs": [...seconds], "median": s, "cpu_s": user+system s (median), "max_rss_kib": k, "exit": code}.
The prepare command (run through the shell before each run) is not timed. With `:::`, the two
commands are measured in alternation (one run of each, then again), after one untimed warm-up run
of each, so that a busy disk or a cold cache does not favour whichever runs second.
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
    rest = args[1:]
    commands = [rest]
    if ":::" in rest:
        split = rest.index(":::")
        commands = [rest[:split], rest[split + 1:]]
        for command in commands:
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = [{"times": [], "cpu": [], "peak": 0, "code": 0} for _ in commands]
    for _ in range(runs):
        for command, result in zip(commands, results):
            if prepare:
                subprocess.run(prepare, shell=True, check=True)
            start = time.perf_counter()
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(process.pid, 0)
            result["times"].append(time.perf_counter() - start)
            result["cpu"].append(usage.ru_utime + usage.ru_stime)
            result["peak"] = max(result["peak"], usage.ru_maxrss)
            result["code"] = os.waitstatus_to_exitcode(status)
    for result in results:
        times = result["times"]
        print(json.dumps({"runs": [round(t, 4) for t in times], "median": round(statistics.median(times), 4),
                          "cpu_s": round(statistics.median(result["cpu"]), 3),
                          "max_rss_kib": result["peak"], "exit": result["code"]}))


main()
