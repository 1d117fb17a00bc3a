#!/usr/bin/env bash
# The filter panel's opening in a real terminal: each binary given runs in a tmux pane of
# 100x30 on DISPUTE; once its first screen is drawn and the search index built, `f` is pressed
# and the pane polled until the panel shows, and until its choices are listed (a large
# comparison's are listed behind the open panel), then `Esc`; ROUNDS times. Prints the first
# opening and the median of the rest, per binary, in one run (name the start of a change as one binary
# and its end as the other, so both meet the same machine load).
# Needs tmux and python3. Usage:
#   scripts/bench-filters.sh DISPUTE BIN...      (ROUNDS=6 by default)
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 DISPUTE BIN..." >&2; exit 2; }
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$@" <<'PY'
import os, statistics, subprocess, sys, time

dispute, bins = sys.argv[1], sys.argv[2:]
rounds = int(os.environ.get("ROUNDS", "6"))
session = "parallax-filters"

def tmux(*args):
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout

def wait(ok, limit=120.0):
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if ok(tmux("capture-pane", "-p", "-t", session)):
            return time.monotonic() - start
        time.sleep(0.005)
    raise SystemExit("timed out:\n" + tmux("capture-pane", "-p", "-t", session))

for b in bins:
    tmux("kill-session", "-t", session)
    tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", f"{b} {dispute}; sleep 600")
    wait(lambda s: "Topics" in s and "indexing" not in s)
    times, listed = [], []
    for _ in range(rounds):
        start = time.monotonic()
        tmux("send-keys", "-t", session, "f")
        wait(lambda s: "▸ Party" in s)
        times.append((time.monotonic() - start) * 1000)
        wait(lambda s: "[ ]" in s or "[x]" in s)
        listed.append((time.monotonic() - start) * 1000)
        tmux("send-keys", "-t", session, "Escape")
        wait(lambda s: "▸ Party" not in s)
        time.sleep(0.3)
    tmux("kill-session", "-t", session)
    print(f"{b}: shown first {times[0]:.0f} ms, then median {statistics.median(times[1:]):.0f} ms "
          f"(all: {', '.join(f'{t:.0f}' for t in times)}); choices listed first {listed[0]:.0f} ms, "
          f"then median {statistics.median(listed[1:]):.0f} ms")
PY
