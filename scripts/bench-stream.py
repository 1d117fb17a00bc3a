#!/usr/bin/env python3
"""The screen's ranking as a user sees it, whole process, in a real terminal (tmux, its own
server): after `/c` and its ranking, the search line is cleared and `cease` typed at once; the
time from the keys to the first ranked list ("best so far" or "best first") and to the whole
ranking ("best first") is read with `tmux capture-pane`. Two builds run interleaved, one round
each in turn, and the medians are printed.

    scripts/bench-stream.py BASELINE_BIN NEW_BIN DISPUTE ROUNDS
    scripts/bench-stream.py /tmp/old/parallax target/release/parallax /tmp/d1m 3
"""
import statistics
import subprocess
import sys
import time

baseline, new, dispute, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
bins = [baseline, new]


def tmux(*args):
    return subprocess.run(["tmux", "-L", "parallax-stream", *args],
                          capture_output=True, text=True).stdout


def screen():
    return tmux("capture-pane", "-p", "-t", "s")


def wait(ok, timeout=120.0):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if ok(screen()):
            return time.monotonic() - start
        time.sleep(0.005)
    sys.exit("timed out:\n" + screen())


results = {b: ([], []) for b in bins}
try:
    for r in range(rounds):
        for b in bins:
            tmux("kill-server")
            time.sleep(0.3)
            tmux("new-session", "-d", "-s", "s", "-x", "160", "-y", "40", f"{b} {dispute}")
            wait(lambda s: "Topics" in s)
            tmux("send-keys", "-t", "s", "Tab")
            time.sleep(0.3)
            tmux("send-keys", "-t", "s", "/")
            time.sleep(0.3)
            tmux("send-keys", "-t", "s", "c")
            wait(lambda s: "best first" in s)
            tmux("send-keys", "-t", "s", "BSpace")
            wait(lambda s: "/ c" not in s)
            time.sleep(0.5)
            tmux("send-keys", "-t", "s", "-l", "cease")
            first = wait(lambda s: ("best so far" in s or "best first" in s) and "/ cease" in s)
            whole = first + wait(lambda s: "best first" in s and "/ cease" in s)
            results[b][0].append(first)
            results[b][1].append(whole)
            print(f"round {r}: {b}: first ranked {first * 1000:.0f} ms, whole {whole * 1000:.0f} ms",
                  flush=True)
finally:
    tmux("kill-server")
for b in bins:
    first, whole = (statistics.median(v) for v in results[b])
    print(f"{b}: median first ranked {first * 1000:.0f} ms, whole ranking {whole * 1000:.0f} ms")
