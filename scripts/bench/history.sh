#!/usr/bin/env bash
# What reading the git history costs a build: a generated site of
# HISTORY_SIZE claims committed as HISTORY_SIZE + 1 commits
# (scripts/bench/history-repo.py: each commit adds a claim and changes the
# one before), built with its history and without it (`.git` moved aside, so
# the build prints the "provenance skipped" note), alternately, RUNS times
# each after two untimed builds, in the same run. Prints the medians and the
# extra; the target is at most 10%. Also checks that two builds with history
# are byte-identical. Everything it writes is deleted at the end.
#
#   scripts/bench/history.sh                 # 10,000 claims, 10,001 commits
#   HISTORY_SIZE=1000 RUNS=5 scripts/bench/history.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZE=${HISTORY_SIZE:-10000}
RUNS=${RUNS:-3}
DIR=${BENCH_DIR:-/tmp/claimtrail-bench}/history-$SIZE
BIN=${CLAIMTRAIL:-target/release/claimtrail}
GEN=target/release/examples/gen-corpus

if [[ -z ${CLAIMTRAIL:-} ]]; then
    cargo build --release --locked --bin claimtrail --example gen-corpus >&2
fi
rm -rf "$DIR"
mkdir -p "$DIR"
trap 'rm -rf "$DIR"' EXIT

"$GEN" --claims "$SIZE" --out "$DIR/site" >/dev/null
python3 scripts/bench/history-repo.py "$DIR/site"
# A clone's pack, not fast-import's (whose long delta chains cost twice as much).
git -C "$DIR/site" repack -adfq
echo "site: $SIZE claims, $(git -C "$DIR/site" rev-list --count HEAD) commits" >&2

# Milliseconds of one build of the site into $DIR/$1.
build_ms() {
    sync
    local start end
    start=$(date +%s%N)
    "$BIN" build --root "$DIR/site" --output "$DIR/$1" --no-search >/dev/null 2>"$DIR/stderr"
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}
with_history() { build_ms with; }
without_history() {
    mv "$DIR/site/.git" "$DIR/git-aside"
    build_ms without
    mv "$DIR/git-aside" "$DIR/site/.git"
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for _ in 1 2; do with_history >/dev/null; without_history >/dev/null; done
grep -q "provenance skipped" "$DIR/stderr" || { echo "no skip note without .git" >&2; exit 1; }
with=()
without=()
for _ in $(seq "$RUNS"); do
    with+=("$(with_history)")
    without+=("$(without_history)")
done
cp -r "$DIR/with" "$DIR/with-again"
with_history >/dev/null
diff -r -q "$DIR/with" "$DIR/with-again" >/dev/null && identical=yes || identical=NO
a=$(median "${with[@]}")
b=$(median "${without[@]}")
echo "with history:    ${a} ms (runs: ${with[*]})"
echo "without history: ${b} ms (runs: ${without[*]})"
awk -v a="$a" -v b="$b" 'BEGIN { printf "extra: %d ms (%.1f%%)\n", a - b, (a - b) * 100 / b }'
echo "two builds with history byte-identical: $identical"
