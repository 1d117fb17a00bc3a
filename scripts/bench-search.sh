#!/usr/bin/env bash
# Whole-process search timing: `parallax search QUERY` over a generated 100,000-claim dispute
# against `fzf --filter QUERY` over the same claim texts, one per line.
# Needs hyperfine, fzf and python3 (apt-get install -y hyperfine fzf). Usage:
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
# parallax keeps the search index of a large dispute in a cache; hyperfine's warm-up runs fill it.
export PARALLAX_CACHE_DIR="$work/cache"

"$bin" generate --claims "$claims" --out "$work/dispute" 2>/dev/null
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
  echo "hits for '$q': parallax $("$bin" search "$work/dispute" "$q" 2>/dev/null | wc -l), fzf $(fzf --filter "$q" < "$work/claims.txt" | wc -l)"
  hyperfine --warmup 2 --runs 10 -i --export-markdown "$work/$q.md" \
    -n "parallax search $q" "$bin search $work/dispute $q > /dev/null 2>&1" \
    -n "parallax search --no-cache $q" "$bin search --no-cache $work/dispute $q > /dev/null 2>&1" \
    -n "fzf --filter $q" "fzf --filter $q < $work/claims.txt > /dev/null"
  cat "$work/$q.md"
done
