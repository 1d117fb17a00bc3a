# Shared by the bench scripts (sourced, not run): how one run is measured and how runs are summed up.

# One run: appends "seconds peak_kib" to the file $1 (wall time and peak RSS from /usr/bin/time);
# the rest is the command, its output dropped. Needs $work, a scratch folder.
measure() {
  local into="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/t" "$@" > /dev/null 2> /dev/null || true
  tail -n 1 "$work/t" >> "$into"
}

# The median of the numbers on standard input, one per line (the lower middle of an even count).
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Sets BIN to the release binary, building it first, unless BIN names one already.
release_bin() {
  if [ -z "${BIN:-}" ]; then
    cargo build --release --quiet
    BIN="$PWD/target/release/parallax"
  fi
}
