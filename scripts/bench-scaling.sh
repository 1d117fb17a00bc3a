#!/usr/bin/env bash
# Whole-process scaling curves, as a user runs the commands: each stress shape of `generate
# --shape` (manifest topics, manifest points, unknown fields, side files, a rebuttal chain, the
# ordinary dispute of n claims, and n claims with errors on one line, `validate` only) at 10k,
# 20k, 40k and 80k, and for each size `parallax validate`, `show`, `export` in every comparison
# format, `search`, `match` and the screen's first frame (the release binary, files on disk, output to /dev/null). Prints the
# median wall time per size, the time ratio per doubling (about 2x is linear; the limit is 2.2x)
# and the peak RSS at the largest size against that size's input.
#
# `match` compares every pair of claims within a topic (by design), so it runs only on the shapes
# whose topics stay small (topics, sides, claims); the screen needs tmux.
# Usage: scripts/bench-scaling.sh          (RUNS=N runs per figure, default 3;
#        SHAPES="topics chain" to run only some; SIZES="10000 20000" other sizes;
#        BIN=path/to/parallax to time another binary)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-3}"
read -r -a shapes <<< "${SHAPES:-topics points unknown-fields sides chain claims errors}"
read -r -a sizes <<< "${SIZES:-10000 20000 40000 80000}"

cargo build --release --quiet -p parallax -p parallax-synth
gen="$PWD/target/release/generate"
bin="${BIN:-$PWD/target/release/parallax}"
work="$(mktemp -d)"
session="parallax-scaling-$$"
trap 'rm -rf "$work"; tmux kill-session -t "$session" 2> /dev/null || true' EXIT

. scripts/bench-lib.sh

# The screen: seconds from start until its first frame (a box line) shows in a 200x60 tmux
# pane, and the peak RSS (VmHWM) then; appended to the file $1 like `measure`.
first_frame() {
  local into="$1" dir="$2" start pid hwm
  tmux kill-session -t "$session" 2> /dev/null || true
  start=$(date +%s.%N)
  tmux new-session -d -s "$session" -x 200 -y 60 "exec $bin $dir"
  pid=$(tmux display-message -p -t "$session" '#{pane_pid}')
  for _ in $(seq 6000); do
    tmux capture-pane -p -t "$session" 2> /dev/null | grep -q '│' && break
    sleep 0.01
  done
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2> /dev/null || echo 0)
  awk -v s="$start" -v e="$(date +%s.%N)" -v m="${hwm:-0}" 'BEGIN {printf "%.2f %d\n", e - s, m}' >> "$into"
  tmux kill-session -t "$session" 2> /dev/null || true
}

cmds=("validate" "show --width 100" "export -f md" "export -f csv" "export -f json" "export -f html"
  "search something" "match" "screen")
echo "machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); binary: $bin; median of $runs runs"
for shape in "${shapes[@]}"; do
  for n in "${sizes[@]}"; do
    "$gen" --shape "$shape" --claims "$n" --out "$work/$shape$n" 2> /dev/null
  done
  last="${sizes[${#sizes[@]}-1]}"
  input=$(find "$work/$shape$last" -name '*.json' -printf '%s\n' | awk '{s += $1} END {print s}')
  printf '\n%s (input at %s: %s KiB)\n' "$shape" "$last" "$((input / 1024))"
  printf '%-28s' command; printf ' %8s' "${sizes[@]}"; printf '   %-22s %9s %8s\n' "ratio per doubling" "peak MiB" "x input"
  for c in "${cmds[@]}"; do
    case "$c:$shape" in
      match:points | match:chain | match:unknown-fields) continue ;;
      validate:errors) ;;
      *:errors) continue ;;
      screen:*) command -v tmux > /dev/null || continue ;;
    esac
    read -r -a words <<< "$c"
    row=(); peak=0
    for n in "${sizes[@]}"; do
      dir="$work/$shape$n"
      : > "$work/a"
      for _ in $(seq "$runs"); do
        case "${words[0]}" in
          screen) first_frame "$work/a" "$dir" ;;
          search) measure "$work/a" "$bin" search "$dir" "${words[2]}" ;;
          *) measure "$work/a" "$bin" "${words[0]}" "$dir" "${words[@]:1}" ;;
        esac
      done
      row+=("$(cut -d' ' -f1 "$work/a" | median)")
      peak=$(cut -d' ' -f2 "$work/a" | median)
    done
    awk -v c="$c" -v r="${row[*]}" -v m="$peak" -v i="$input" 'BEGIN {
      n = split(r, t, " "); printf "%-28s", c
      for (k = 1; k <= n; k++) printf " %7.2fs", t[k]
      printf "  "; s = ""
      for (k = 2; k <= n; k++) s = s sprintf(" %.2fx", t[k] / (t[k-1] > 0 ? t[k-1] : 0.01))
      printf " %-22s %9.0f %7.1fx\n", s, m / 1024, m * 1024 / i }'
  done
  rm -rf "$work/$shape"*
done
