#!/usr/bin/env bash
# What reading the git history costs a build: a generated site of
# HISTORY_SIZE claims committed as HISTORY_SIZE + 1 commits
# (scripts/bench/history-repo.py: each commit adds a claim and changes the
# one before) and repacked as a clone is, built three ways, alternately, RUNS
# times each after two untimed builds, in the same run: reading the whole
# history (no `.claimtrail/history.json`: a first build), after one new commit
# with the history kept from the build before (the usual build), and without
# history (`.git` moved aside, so the build prints the "provenance skipped"
# note). Prints the medians of wall-clock and CPU time and the extra of each;
# the target is at most 10%.
# Also checks that a build from the cache and one from scratch are
# byte-identical. Everything it writes is deleted at the end.
#
#   scripts/bench/history.sh                 # 10,000 claims, 10,001 commits
#   HISTORY_SIZE=1000 RUNS=5 scripts/bench/history.sh
#   FLAT=1 scripts/bench/history.sh          # claims in one folder, not by year
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
# FLAT=1: every claim straight in content/claims/, as `claimtrail new` puts
# them (the generator spreads them over year folders): one 10,000-entry tree
# for every commit to change instead of two of 1,667.
if [[ -n ${FLAT:-} ]]; then
    find "$DIR/site/content/claims" -mindepth 2 -name '*.md' -exec mv -t "$DIR/site/content/claims" {} +
    find "$DIR/site/content/claims" -mindepth 1 -type d -empty -delete
fi
python3 scripts/bench/history-repo.py "$DIR/site"
# A clone's pack, not fast-import's (whose long delta chains cost twice as much).
git -C "$DIR/site" repack -adfq
echo "site: $SIZE claims, $(git -C "$DIR/site" rev-list --count HEAD) commits" >&2

# Milliseconds of one build of the site into $DIR/$1; the build's own
# account of reading the history ("git history: N commits read in X ms")
# is appended to $DIR/reads, and its CPU time ("$1 <user+system ms>") to
# $DIR/cpu. CPU time leaves out the waits (the disk, other processes) that
# make the wall-clock time of one build vary by up to ±9% on a shared machine.
build_ms() {
    sync
    local start end cpu
    start=$(date +%s%N)
    cpu=$({
        TIMEFORMAT='%3U %3S'
        time "$BIN" build --root "$DIR/site" --output "$DIR/$1" --no-search >"$DIR/stdout" 2>"$DIR/stderr"
    } 2>&1) || {
        # Said here: the exit trap deletes $DIR, and the error with it.
        echo "build $1 failed:" >&2
        cat "$DIR/stderr" >&2
        exit 1
    }
    end=$(date +%s%N)
    awk -v kind="$1" '{ printf "%s %d\n", kind, ($1 + $2) * 1000 }' <<<"$cpu" >>"$DIR/cpu"
    sed -n 's/.*(git history: \([0-9]*\) commits\{0,1\} read in \([0-9]*\) ms)$/\1 \2/p' "$DIR/stdout" >>"$DIR/reads"
    echo $(((end - start) / 1000000))
}
CACHE="$DIR/site/.claimtrail/history.json"
# The whole history read, as in a first build or a fresh clone without a cache.
first_read() { rm -f "$CACHE"; build_ms with; }
# One commit since the build before: the usual case with the cache kept.
next_commit() {
    local n
    n=$(git -C "$DIR/site" rev-list --count HEAD)
    local source
    source=$(find "$DIR/site/content/sources" -name '*.md' | sort | head -1)
    printf '\nEdited %d.\n' "$n" >>"$source"
    git -C "$DIR/site" -c user.name=Bench -c user.email=bench@example.org commit -qam "Edit $n"
    build_ms next
}
without_history() {
    mv "$DIR/site/.git" "$DIR/git-aside"
    build_ms without
    mv "$DIR/git-aside" "$DIR/site/.git"
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
extra() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%d ms (%.1f%%)", a - b, (a - b) * 100 / b }'; }

# Two untimed rounds: each output folder reaches its steady state (a build
# into a new folder is slower than one that reuses the previous output).
for _ in 1 2; do first_read >/dev/null; next_commit >/dev/null; without_history >/dev/null; done
rm -f "$DIR/reads" "$DIR/cpu"
grep -q "provenance skipped" "$DIR/stderr" || { echo "no skip note without .git" >&2; exit 1; }
first=()
next=()
without=()
for _ in $(seq "$RUNS"); do
    first+=("$(first_read)")
    next+=("$(next_commit)")
    without+=("$(without_history)")
done
# The CPU time's medians, of the timed builds only.
cpu_median() {
    # shellcheck disable=SC2046
    median $(awk -v kind="$1" '$1 == kind {print $2}' "$DIR/cpu")
}
cpu_first=$(cpu_median with)
cpu_next=$(cpu_median next)
cpu_without=$(cpu_median without)
# The same commit built from the cache and from scratch: the same bytes.
build_ms with-cache >/dev/null
first_read >/dev/null
diff -r -q "$DIR/with" "$DIR/with-cache" >/dev/null && identical=yes || identical=NO
a=$(median "${first[@]}")
n=$(median "${next[@]}")
b=$(median "${without[@]}")
echo "whole history read: ${a} ms (runs: ${first[*]}), extra $(extra "$a" "$b")"
echo "one new commit:     ${n} ms (runs: ${next[*]}), extra $(extra "$n" "$b")"
echo "without history:    ${b} ms (runs: ${without[*]})"
echo "CPU time (medians): whole history read ${cpu_first} ms, extra $(extra "$cpu_first" "$cpu_without"); one new commit ${cpu_next} ms, extra $(extra "$cpu_next" "$cpu_without"); without history ${cpu_without} ms"
# Reading alone, as the builds report it: whole reads and one-commit reads.
whole=$(awk -v n="$SIZE" '$1 > n {print $2}' "$DIR/reads")
single=$(awk '$1 == 1 {print $2}' "$DIR/reads")
# shellcheck disable=SC2086
echo "reading alone:      whole history $(median $whole) ms, one new commit $(median $single) ms (medians)"
echo "from the cache and from scratch byte-identical: $identical"
