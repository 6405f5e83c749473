#!/usr/bin/env bash
# What the per-item API costs (each claim's, document's, source's and entity's
# index.json, and each claim's badge.svg): their count and bytes (and gzip -6
# bytes, each file compressed alone, as a server sends it), and the build time
# with `item_api` on and off (wall and CPU seconds), timed with the same binary
# in alternating runs.
#
#   scripts/bench/item-api.sh               # 10,000 claims, 3 runs each
#   CLAIMS=1000 RUNS=5 scripts/bench/item-api.sh
#
# Environment: CLAIMS (default 10000), RUNS (default 3; medians reported),
# SEARCH ("--no-search" by default; empty builds the search index too),
# BENCH_DIR (default /tmp/claimtrail-item-api; must not exist yet),
# CLAIMTRAIL (default target/release/claimtrail, built first with gen-corpus).
set -euo pipefail
cd "$(dirname "$0")/../.."
CLAIMS=${CLAIMS:-10000}
RUNS=${RUNS:-3}
SEARCH=${SEARCH---no-search}
DIR=${BENCH_DIR:-/tmp/claimtrail-item-api}
BIN=${CLAIMTRAIL:-target/release/claimtrail}
GEN=target/release/examples/gen-corpus
if [ ! -x "$BIN" ] || [ ! -x "$GEN" ]; then
    cargo build --release --locked --quiet --bin claimtrail --example gen-corpus
fi
if [ -e "$DIR" ]; then
    echo "$DIR exists; set BENCH_DIR to a new folder" >&2
    exit 1
fi
mkdir -p "$DIR"
"$GEN" --claims "$CLAIMS" --out "$DIR/on" >/dev/null
cp -r "$DIR/on" "$DIR/off"
# A top-level key goes before the first table: right after the title.
sed -i '1a item_api = false' "$DIR/off/site.toml"

build() { # build SITE: prints "wall cpu" seconds of one build of SITE
    /usr/bin/time -f "%e %U %S" -o "$DIR/time" \
        "$BIN" build --root "$DIR/$1" -o "$DIR/$1-out" -q ${SEARCH:+"$SEARCH"}
    awk '{ print $1, $2 + $3 }' "$DIR/time"
}
for site in on off; do build "$site" >/dev/null; build "$site" >/dev/null; done
on=() off=()
for _ in $(seq "$RUNS"); do
    sync; on+=("$(build on | tr ' ' ,)")
    sync; off+=("$(build off | tr ' ' ,)")
done
python3 - "$DIR" "${on[*]}" "${off[*]}" <<'PY'
import gzip, os, statistics, sys
root = sys.argv[1]
on, off = ([tuple(map(float, run.split(","))) for run in arg.split()] for arg in sys.argv[2:4])
def files(out):
    for folder, _, names in os.walk(out):
        for name in names:
            yield os.path.join(folder, name)
def total(out):
    paths = list(files(out))
    return len(paths), sum(os.path.getsize(p) for p in paths)
kinds = {}
for path in files(os.path.join(root, "on-out")):
    rel = os.path.relpath(path, os.path.join(root, "on-out"))
    parts = rel.split(os.sep)
    if len(parts) == 3 and parts[2] in ("index.json", "badge.svg") and parts[0] in ("claims", "documents", "sources", "entities"):
        data = open(path, "rb").read()
        k = kinds.setdefault(f"{parts[0]}/<id>/{parts[2]}", [0, 0, 0])
        k[0] += 1; k[1] += len(data); k[2] += len(gzip.compress(data, 6))
print("| files | count | bytes | gzip -6 |")
print("|---|---:|---:|---:|")
for name, (n, b, g) in sorted(kinds.items()):
    print(f"| `{name}` | {n:,} | {b/1e6:.2f} MB | {g/1e6:.2f} MB |")
n = sum(k[0] for k in kinds.values()); b = sum(k[1] for k in kinds.values()); g = sum(k[2] for k in kinds.values())
print(f"| all | {n:,} | {b/1e6:.2f} MB | {g/1e6:.2f} MB |")
for side in ("on", "off"):
    count, size = total(os.path.join(root, side + "-out"))
    print(f"site with item_api {side}: {count:,} files, {size/1e6:.1f} MB")
for side, runs in (("on", on), ("off", off)):
    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[1] for r in runs)
    print(f"build, item_api {side}: median {wall:.2f} s wall, {cpu:.2f} s CPU (user + system); runs {runs}")
PY
