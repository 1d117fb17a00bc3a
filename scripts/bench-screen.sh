#!/usr/bin/env bash
# Whole-process first screen and memory of the terminal UI, against `parallax validate` of the
# same files (and, optionally, another build of the screen), interleaved: each round runs each
# command once, in turn, so a noisy machine slows them alike; medians are printed.
# The screen runs in a tmux pane of 200x60: "first screen" is the time until the topic list and
# the first topic are drawn; its peak memory (VmHWM) is read once the search index is built
# behind it (the footer's "indexing for search…" gone) and the screen is at rest; then, unless
# SEARCH is empty, once more after `Tab`, `/` and SEARCH (default `cease`) are typed and its hits
# are listed, ranked. tmux runs on its own server (-L, TMUX_SOCKET, default parallax-bench).
# Needs tmux and python3. Usage:
#   scripts/bench-screen.sh DISPUTE [OTHER_BIN]     e.g. scripts/bench-screen.sh /tmp/d1m
#   ROUNDS=3 BIN=target/release/parallax scripts/bench-screen.sh /tmp/d1m /tmp/old/parallax
#   SEARCH= scripts/bench-screen.sh /tmp/d1m        (memory at rest only)
#   EVERY=0.3 scripts/bench-screen.sh /tmp/d1m     (SEARCH typed a letter every 0.3 s)
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/bench-lib.sh
release_bin
dispute="${1:?usage: scripts/bench-screen.sh DISPUTE [OTHER_BIN]}"
other="${2:-}"
input=$(du -cb "$dispute"/*.json | tail -1 | cut -f1)
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); input: $input bytes"

python3 - "$BIN" "$dispute" "$input" "${ROUNDS:-3}" "$other" "${SEARCH-cease}" \
  "${TMUX_SOCKET:-parallax-bench}" "${EVERY:-0}" <<'PY'
import os, statistics, subprocess, sys, time

bin, dispute, size, rounds, other = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
search, socket, every = sys.argv[6], sys.argv[7], float(sys.argv[8])
session = "parallax-screen"

def tmux(*args):
    return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True).stdout

def peak(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0

def settle(start, busy):
    """Waits until none of the `busy` marks is on screen, then a second more."""
    while any(b in tmux("capture-pane", "-p", "-t", session) for b in busy):
        if time.monotonic() - start > 600:
            sys.exit("the screen never settled")
        time.sleep(0.1)
    time.sleep(1)

def screen_run(b):
    tmux("kill-session", "-t", session)
    start = time.monotonic()
    tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "60", f"exec {b} {dispute}")
    pid = tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip()
    while "│" not in tmux("capture-pane", "-p", "-t", session):
        if time.monotonic() - start > 300:
            sys.exit("the screen never drew")
        time.sleep(0.02)
    drawn = time.monotonic() - start
    settle(start, ["indexing for search"])
    rest = peak(pid)
    searched = 0
    if search:
        tmux("send-keys", "-t", session, "Tab")
        if every > 0:
            tmux("send-keys", "-t", session, "-l", "/")
            for letter in search:
                time.sleep(every)
                tmux("send-keys", "-t", session, "-l", letter)
        else:
            tmux("send-keys", "-t", session, "-l", "/" + search)
        time.sleep(0.5)
        while "best first" not in tmux("capture-pane", "-p", "-t", session):
            if time.monotonic() - start > 600:
                sys.exit("the search never ranked its hits")
            time.sleep(0.1)
        settle(start, ["searching…", "ranking…", "indexing for search"])
        searched = peak(pid)
    tmux("kill-session", "-t", session)
    return drawn, rest, searched

def validate_run():
    start = time.monotonic()
    out = subprocess.run(["/usr/bin/time", "-f", "%M", bin, "validate", dispute],
                         capture_output=True, text=True)
    took = time.monotonic() - start
    return took, int(out.stderr.strip().splitlines()[-1]) * 1024, 0

runs = {"validate": [], "screen": []}
if other:
    runs["screen (other build)"] = []
for _ in range(rounds):
    runs["validate"].append(validate_run())
    runs["screen"].append(screen_run(bin))
    if other:
        runs["screen (other build)"].append(screen_run(other))
base = statistics.median(t for t, _, _ in runs["validate"])
for name, rs in runs.items():
    t = statistics.median(x for x, _, _ in rs)
    m = statistics.median(x for _, x, _ in rs)
    what = "time" if name == "validate" else "first screen"
    line = (f"{name:22} {what} {t:6.2f} s ({t / base:4.2f}x validate)   "
            f"peak {m / 2**20:7.0f} MiB ({m / size:4.2f}x input)")
    if name != "validate" and search:
        s = statistics.median(x for _, _, x in rs)
        line += f"   after /{search}: {s / 2**20:7.0f} MiB ({s / size:4.2f}x input)"
    print(line)
PY
