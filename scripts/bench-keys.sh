#!/usr/bin/env bash
# Whole-process echo of the keys that change the query without typing a search, in a real
# terminal: a date stepped in the as-of bar (`t`, then `←`) and a party chosen and unchosen in
# the filter panel (`f`, `↓`, Space); then the timeline opened (`T`, until its title shows). Each binary given runs in its own tmux pane of 120x40 on
# DISPUTE, all at once; the keys are sent to each in turn (A B A B), and each pane is polled
# until the key shows (the date in the bar, the choice's mark), which is that key's echo; then
# until the comparison has followed, before the next key. Prints the median and the worst echo
# per binary and key. Name the start of a change as one binary and its end as another.
# DISPUTE is a generated 1,000,000-claim dispute (its parties hold half the claims each, which
# the waits read). Needs tmux and python3. Usage:
#   cargo run --release -p parallax-synth --bin generate -- --claims 1000000 --out DISPUTE
#   scripts/bench-keys.sh DISPUTE BIN...      (ROUNDS=8 by default)
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 DISPUTE BIN..." >&2; exit 2; }
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$@" <<'PY'
import os, re, statistics, subprocess, sys, time

dispute, bins = sys.argv[1], sys.argv[2:]
rounds = int(os.environ.get("ROUNDS", "8"))
sessions = [f"parallax-keys-{i}" for i in range(len(bins))]

def tmux(*args):
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout

def screen(s):
    return tmux("capture-pane", "-p", "-t", s)

def wait(s, ok, limit=120.0):
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if ok(screen(s)):
            return (time.monotonic() - start) * 1000
        time.sleep(0.002)
    raise SystemExit("timed out:\n" + screen(s))

def send(s, key, ok):
    """Sends a key; the time until `ok` holds."""
    start = time.monotonic()
    tmux("send-keys", "-t", s, key)
    while time.monotonic() - start < 120:
        if ok(screen(s)):
            return (time.monotonic() - start) * 1000
        time.sleep(0.002)
    raise SystemExit("timed out:\n" + screen(s))

def date_in_bar(s):
    m = re.search(r"Date (\d{4}-\d\d-\d\d)", s)
    return m and m.group(1)

def settled_date(date):
    # The header's mark, not marked as on its way, and the bar's date the same.
    return lambda s: f"as of {date}" in s.splitlines()[0] and "…" not in s.splitlines()[0]

for s in sessions:
    tmux("kill-session", "-t", s)
for s, b in zip(sessions, bins):
    tmux("new-session", "-d", "-s", s, "-x", "120", "-y", "40", f"{b} {dispute}; sleep 600")
for s in sessions:
    wait(s, lambda x: "Topics" in x and "indexing" not in x)
    send(s, "t", lambda x: "Date " in x)
    send(s, "End", lambda x: date_in_bar(x) and "every date" not in x)
    d = date_in_bar(screen(s))
    wait(s, settled_date(d))

steps = {b: [] for b in bins}
for _ in range(rounds):
    for s, b in zip(sessions, bins):
        before = date_in_bar(screen(s))
        steps[b].append(send(s, "Left", lambda x: date_in_bar(x) not in (None, before)))
        wait(s, settled_date(date_in_bar(screen(s))))

for s in sessions:
    send(s, "Delete", lambda x: "Date every date" in x)
    wait(s, lambda x: "as of" not in x.splitlines()[0])
    send(s, "Escape", lambda x: "Date " not in x)
    send(s, "f", lambda x: "▸ Party" in x)
    send(s, "Down", lambda x: "▶ [ ] right" in x)

choices = {b: [] for b in bins}
for _ in range(rounds):
    for s, b in zip(sessions, bins):
        for mark, total in (("x", "500000 of"), (" ", "1000000 of")):
            choices[b].append(send(s, "Space", lambda x: f"[{mark}] right" in x))
            wait(s, lambda x: total in x and "counting" not in x)

for s in sessions:
    send(s, "Escape", lambda x: "▸ Party" not in x)
    wait(s, lambda x: "counting" not in x)

opens = {b: [] for b in bins}
for _ in range(rounds):
    for s, b in zip(sessions, bins):
        opens[b].append(send(s, "T", lambda x: "Timeline:" in x))
        send(s, "Escape", lambda x: "Timeline:" not in x)

for s in sessions:
    tmux("kill-session", "-t", s)
for b in bins:
    for name, times in (("date step (←)", steps[b]), ("party chosen (Space)", choices[b]),
                        ("timeline opened (T)", opens[b])):
        print(f"{b}: {name}: median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms"
              f" ({len(times)} keys)")
PY
