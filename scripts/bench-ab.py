#!/usr/bin/env python3
"""Times whole commands interleaved: each round runs every command once, in turn, so a noisy
machine slows them alike; prints each command's median wall time and its ratio to the first
command's (the baseline). Commands are separated by ';;' and run by the shell, output dropped.

    scripts/bench-ab.py ROUNDS CMD_A ';;' CMD_B [';;' CMD_C ...]
    scripts/bench-ab.py 4 "target/release/json-baseline D/dispute.json D/left.json D/right.json" \\
        ';;' "target/release/parallax validate D" ';;' "/tmp/old/parallax validate D"
"""
import statistics
import subprocess
import sys
import time

rounds = int(sys.argv[1])
commands = " ".join(sys.argv[2:]).split(" ;; ")
times = [[] for _ in commands]
for _ in range(rounds):
    for i, command in enumerate(commands):
        start = time.perf_counter()
        subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[i].append(time.perf_counter() - start)
base = statistics.median(times[0])
for command, t in zip(commands, times):
    m = statistics.median(t)
    print(f"{m * 1000:9.1f} ms  {m / base:5.2f}×  {command}")
