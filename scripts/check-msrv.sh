#!/bin/sh
# Checks the minimum Rust version that Cargo.toml's `rust-version` claims, without installing
# that toolchain:
# 1. every package in Cargo.lock (dependencies and dev-dependencies) declares a rust-version no
#    newer than ours (cargo's MSRV-aware resolver picked them; this confirms the lock file);
# 2. clippy's `incompatible_msrv` lint (on by default, and `cargo clippy -- -D warnings` is
#    clean) finds no use of a standard-library API stabilised after our rust-version;
# 3. the language features used need no newer Rust: edition 2024 (1.85) and let chains (1.88).
# It cannot prove that an older compiler accepts every line: only that toolchain can
# (`rustup toolchain install 1.89 && cargo +1.89 test --locked`, which passes).
set -eu
cd "$(dirname "$0")/.."
ours=$(sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml)
echo "rust-version in Cargo.toml: $ours"
cargo metadata --locked --format-version 1 | python3 -c '
import json, sys
def version(v):
    # 1.89 and 1.89.0 are the same version: three parts, missing ones zero.
    parts = [int(x) for x in v.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))
ours = version(sys.argv[1])
meta = json.load(sys.stdin)
newest, bad = (0,), []
for p in meta["packages"]:
    v = p.get("rust_version")
    if not v:
        continue
    t = version(v)
    newest = max(newest, t)
    if t > ours:
        name, version = p["name"], p["version"]
        bad.append(f"{name} {version} needs Rust {v}")
print("the newest rust-version among the locked packages:", ".".join(map(str, newest)))
for b in bad:
    print("too new:", b)
sys.exit(1 if bad else 0)
' "$ours"
cargo clippy --locked --all-targets -- -D warnings -D clippy::incompatible_msrv
echo "ok: nothing found that needs a Rust newer than $ours"
