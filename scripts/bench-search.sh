#!/usr/bin/env bash
# Whole-process search timing: `parallax search QUERY` over a generated 100,000-claim dispute
# against `fzf --filter QUERY` over the same claim texts, one per line. The commands run
# interleaved (one run of each in turn, RUNS rounds), so a noisy machine slows them alike; the
# medians and their ratio to fzf are printed. parallax runs as it always does (every file read
# and checked: it keeps no cache), and `validate` alone (the load a search cannot skip).
# Needs fzf and python3 (apt-get install -y fzf). Usage:
#   scripts/bench-search.sh [CLAIMS] [QUERY...]     (default: 100000 ceasefire zqx)
set -euo pipefail
cd "$(dirname "$0")/.."
claims="${1:-100000}"
shift || true
queries=("$@")
[ ${#queries[@]} -eq 0 ] && queries=(ceasefire zqx)

cargo build --release --quiet
bin="$PWD/target/release/parallax"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo run --release --quiet -p parallax-synth --bin generate -- --claims "$claims" --out "$work/dispute" 2>/dev/null
python3 - "$work/dispute" > "$work/claims.txt" <<'PY'
import json, sys, pathlib
for f in ("left.json", "right.json"):
    side = json.loads((pathlib.Path(sys.argv[1]) / f).read_text())
    for topic in side["topics"]:
        for claim in topic["claims"]:
            print(claim["text"].replace("\n", " "))
PY
echo "claims: $(wc -l < "$work/claims.txt") lines; machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

for q in "${queries[@]}"; do
  echo "query '$q': parallax $("$bin" search "$work/dispute" "$q" 2>&1 >/dev/null | tail -1); fzf $(fzf --filter "$q" < "$work/claims.txt" | wc -l) lines"
  python3 - "$bin" "$work/dispute" "$work/claims.txt" "$q" "${RUNS:-15}" <<'PY'
import statistics, subprocess, sys, time
bin, dispute, claims, q, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
cmds = {
    "fzf --filter": lambda: subprocess.run(["fzf", "--filter", q], stdin=open(claims), stdout=subprocess.DEVNULL),
    "parallax search": lambda: subprocess.run([bin, "search", dispute, q], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
    "parallax validate (the load and its checks alone)": lambda: subprocess.run([bin, "validate", dispute], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
}
times = {name: [] for name in cmds}
for _ in range(runs):
    for name, run in cmds.items():
        start = time.perf_counter()
        run()
        times[name].append(time.perf_counter() - start)
base = statistics.median(times["fzf --filter"])
print(f"| command (`{q}`) | median | ratio to fzf |")
print("| --- | ---: | ---: |")
for name, t in times.items():
    m = statistics.median(t)
    print(f"| {name} | {m * 1000:.0f} ms | {m / base:.2f} |")
PY
done
