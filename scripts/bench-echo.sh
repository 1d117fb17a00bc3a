#!/usr/bin/env bash
# Whole-process keystroke echo in a real terminal: the release binary runs in a tmux pane of
# 200x60; once its first screen is drawn (and the search index built), Tab focuses the comparison
# and `/` opens the search line; then one key at a time is sent with `tmux send-keys`, and the
# pane is polled with `tmux capture-pane` until the line shows the text typed so far. Each key's
# time from sending to showing is one latency; the median and the worst of KEYS keys are printed
# per dispute. The bundled dispute runs first, in the same run, as the baseline (its search is
# instant, so its figure is the floor of the method: tmux's own send and capture).
# Needs tmux and python3. Usage:
#   scripts/bench-echo.sh [DISPUTE...]      (default: a generated 100,000-claim dispute)
#   BIN=path/to/parallax scripts/bench-echo.sh /tmp/d1m
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/bench-lib.sh
release_bin
work="$(mktemp -d)"
trap 'rm -rf "$work"; tmux kill-session -t parallax-echo 2>/dev/null || true' EXIT
disputes=("$@")
if [ ${#disputes[@]} -eq 0 ]; then
  cargo run --release --quiet -p parallax-synth --bin generate -- --claims 100000 --out "$work/d100k" 2>/dev/null
  disputes=("$work/d100k")
fi
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); binary: $BIN"

python3 - "$BIN" "" "${disputes[@]}" <<'PY'
import statistics, subprocess, sys, time

bin, paths = sys.argv[1], sys.argv[2:]
session = "parallax-echo"
# 40 keys: words a user might look for, spaces included.
typed = "ceasefire talks water border mediation a"
keys = int(__import__("os").environ.get("KEYS", len(typed)))
typed = typed[:keys]

def tmux(*args):
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout

def screen():
    return tmux("capture-pane", "-p", "-t", session)

def wait(what, ok, timeout=120.0):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        s = screen()
        if ok(s):
            return time.monotonic() - start
        time.sleep(0.01)
    sys.exit(f"timed out waiting for {what}:\n{screen()}")

for path in paths:
    tmux("kill-session", "-t", session)
    command = f"{bin} {path}".strip()
    tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "60", command)
    drawn = wait("the first screen", lambda s: "│" in s)
    # The figures are for a screen at rest: the index built behind the first frame.
    wait("the search index", lambda s: "indexing for search" not in s)
    tmux("send-keys", "-t", session, "Tab")
    tmux("send-keys", "-t", session, "/")
    wait("the search line", lambda s: "Type to search claims" in s)
    latencies = []
    for i in range(len(typed)):
        shown = "/ " + typed[: i + 1]
        start = time.monotonic()
        tmux("send-keys", "-t", session, "-l", typed[i])
        while shown not in screen():
            if time.monotonic() - start > 30:
                sys.exit(f"key {i + 1} never showed:\n{screen()}")
        latencies.append((time.monotonic() - start) * 1000)
    tmux("kill-session", "-t", session)
    name = path or "bundled dispute"
    print(
        f"{name}: first screen {drawn:.2f} s; echo of {len(latencies)} keys: "
        f"median {statistics.median(latencies):.1f} ms, worst {max(latencies):.1f} ms"
    )
PY
