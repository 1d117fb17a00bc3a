#!/usr/bin/env bash
# Whole-process time and peak memory on one very long claim (a whole report pasted into one
# claim): two side files, the left with a claim of 25 million short lines (75 MB of JSON), the
# right with one short claim; and the same with one 70 MB paragraph. Each command runs under
# `/usr/bin/time` for the binary under test and a baseline binary, interleaved (A B A B), and
# the median time and peak RSS of each are printed. The screen is timed to its first frame in
# tmux (a box line), its peak read from /proc.
# Needs python3 and tmux. Usage:
#   scripts/bench-long-claim.sh BASELINE_BINARY [ROUNDS]      (default 3 rounds;
#        CMDS="show match" to run only some)
set -euo pipefail
cd "$(dirname "$0")/.."
base="$1"
rounds="${2:-3}"
cargo build --release --quiet
new="$PWD/target/release/parallax"
work="$(mktemp -d)"
session="parallax-long-$$"
trap 'rm -rf "$work"; tmux -L "$session" kill-server 2> /dev/null || true' EXIT

python3 - "$work" <<'PY'
import json, random, sys
out = sys.argv[1]
def side(party, cid, text):
    return {"format": "parallax/1", "dispute": "d", "party": {"id": party, "name": party.title()},
            "sources": [{"id": "s1", "kind": "news", "outlet": "X", "url": "https://example.org/x"}],
            "topics": [{"id": "t", "title": "T", "claims": [{"id": cid, "text": text, "sources": ["s1"]}]}]}
json.dump(side("a", "a1", "a\n" * 25_000_000), open(f"{out}/lines.json", "w"))
random.seed(3)
words = ["ceasefire", "a", "border", "Kashmir", "retaliation", "x" * 70, "mediation", "of", "the"]
json.dump(side("a", "a1", " ".join(random.choice(words) for _ in range(5_000_000))),
          open(f"{out}/paragraph.json", "w"))
json.dump(side("b", "b1", "short"), open(f"{out}/b.json", "w"))
PY

# One run: seconds and peak KiB, appended to file $1.
run() {
  local into="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/t" "$@" > /dev/null 2>&1 || true
  # A command that exits non-zero (`match` with no suggestion) gets a line of its own first.
  tail -n 1 "$work/t" >> "$into"
}

# The screen: seconds to its first frame and the peak KiB then, appended to file $1.
screen() {
  local into="$1" bin="$2" file="$3" start pid
  tmux -L "$session" kill-server 2> /dev/null || true
  start=$(date +%s.%N)
  tmux -L "$session" new-session -d -x 120 -y 40 "exec $bin $file $work/b.json"
  pid=$(tmux -L "$session" display-message -p '#{pane_pid}')
  for _ in $(seq 6000); do
    tmux -L "$session" capture-pane -p 2> /dev/null | grep -q '│' && break
    sleep 0.01
  done
  echo "$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.2f", e - s}') \
$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2> /dev/null || echo 0)" >> "$into"
  tmux -L "$session" kill-server 2> /dev/null || true
}

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

printf '%-34s %22s %22s\n' "command (input)" "baseline: s, MiB" "this build: s, MiB"
for file in lines paragraph; do
  input=$(( $(stat -c %s "$work/$file.json") / 1048576 ))
  for cmd in "show" "screen" "match" "search short" "export -f md" "export -f html" \
    "export -f csv" "export -f claims-csv"; do
    [ -n "${CMDS:-}" ] && [[ " $CMDS " != *" ${cmd%% *} "* ]] && continue
    : > "$work/a"; : > "$work/b"
    for _ in $(seq "$rounds"); do
      for which in a b; do
        bin=$base; [ "$which" = b ] && bin=$new
        if [ "$cmd" = screen ]; then
          screen "$work/$which" "$bin" "$work/$file.json"
        else
          read -r -a words <<< "$cmd"
          case "${words[0]}" in
            search) run "$work/$which" "$bin" search "$work/$file.json" "$work/b.json" short ;;
            *) run "$work/$which" "$bin" "${words[@]}" "$work/$file.json" "$work/b.json" ;;
          esac
        fi
      done
    done
    cell() { echo "$(cut -d' ' -f1 "$1" | median) s, $(( $(cut -d' ' -f2 "$1" | median) / 1024 )) MiB"; }
    printf '%-34s %22s %22s\n' "$cmd ($file, $input MiB)" "$(cell "$work/a")" "$(cell "$work/b")"
  done
done
