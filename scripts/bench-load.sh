#!/usr/bin/env bash
# Whole-process figures, as a user runs them (the release binary, files on disk, output to
# /dev/null), each against its baseline measured in the same run, interleaved A B A B:
#  1. per size: `parallax validate`, `show`, `search` and `export -f md|csv|json|html`
#     against `json-baseline`, a bare serde_json::Value parse of the same files; median wall
#     time, the ratio to the baseline, and peak RSS (/usr/bin/time) against the input's size;
#  2. scaling (scripts/bench-scaling.sh): each stress shape at 10k, 20k, 40k and 80k, timed for
#     validate, show, export, search, match and the screen's first frame, and the time ratio per
#     doubling (the limit is about 2.2x).
# Usage: scripts/bench-load.sh [CLAIMS...]   (default 100000; RUNS=N pairs per figure, default 3;
#        SCALING=0 skips part 2; BEFORE=path/to/an/older/parallax also runs that binary in each
#        round, A B C, and prints its median and peak beside the new ones)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100000)
runs="${RUNS:-3}"

cargo build --release --quiet -p parallax -p parallax-synth
bin="$PWD/target/release"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

. scripts/bench-lib.sh

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1 /proc/loadavg)"
for n in "${sizes[@]}"; do
  dir="$work/d$n"
  "$bin/generate" --claims "$n" --out "$dir" 2> /dev/null
  files=("$dir"/dispute.json "$dir"/left.json "$dir"/right.json)
  input=$(cat "${files[@]}" | wc -c)
  printf '\n%s claims, %s MiB of JSON; %s interleaved pairs per figure\n' "$n" "$((input / 1048576))" "$runs"
  printf '%-28s %9s %9s %7s %10s %8s' command median baseline ratio "peak MiB" "x input"
  [ -n "${BEFORE:-}" ] && printf ' %9s %7s %10s' before ratio "peak MiB"
  printf '\n'

  cmds=("validate" "show --width 100" "search ceasefire" "export -f md" "export -f csv" "export -f json" "export -f html")
  for c in "${cmds[@]}"; do
    read -r -a words <<< "$c"
    : > "$work/a"; : > "$work/b"; : > "$work/c"
    for _ in $(seq "$runs"); do
      measure "$work/b" "$bin/json-baseline" "${files[@]}"
      for exe in "$bin/parallax" ${BEFORE:+"$BEFORE"}; do
        into="$work/a"; [ "$exe" = "$bin/parallax" ] || into="$work/c"
        if [ "${words[0]}" = search ]; then
          measure "$into" "$exe" search "$dir" "${words[2]}"
        else
          measure "$into" "$exe" "${words[@]:0:1}" "$dir" "${words[@]:1}"
        fi
      done
    done
    t=$(cut -d' ' -f1 "$work/a" | median); b=$(cut -d' ' -f1 "$work/b" | median)
    m=$(cut -d' ' -f2 "$work/a" | median)
    awk -v c="$c" -v t="$t" -v b="$b" -v m="$m" -v i="$input" \
      'BEGIN {printf "%-28s %8.2fs %8.2fs %6.2fx %10.0f %7.1fx", c, t, b, t / (b > 0 ? b : 0.01), m / 1024, m * 1024 / i}'
    if [ -n "${BEFORE:-}" ]; then
      ot=$(cut -d' ' -f1 "$work/c" | median); om=$(cut -d' ' -f2 "$work/c" | median)
      awk -v t="$ot" -v b="$b" -v m="$om" \
        'BEGIN {printf " %8.2fs %6.2fx %10.0f", t, t / (b > 0 ? b : 0.01), m / 1024}'
    fi
    printf '\n'
  done
  m=$(cut -d' ' -f2 "$work/b" | median)
  awk -v m="$m" -v i="$input" 'BEGIN {printf "%-28s %39.0f %7.1fx\n", "(json-baseline)", m / 1024, m * 1024 / i}'
  rm -rf "$dir"
done

[ "${SCALING:-1}" = 0 ] && exit 0
# Part 2: the scaling curves, every command of each stress shape (see that script).
RUNS="$runs" "$PWD/scripts/bench-scaling.sh"
