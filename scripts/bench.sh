#!/usr/bin/env bash
# claimtrail's benchmark: cold full builds of generated corpora, next to Hugo
# building the same corpus with minimal equivalent templates
# (scripts/bench/hugo/) and `cp -r` copying it (the file-system floor), plus
# the one-claim-edit reload time inside `serve`.
#
#   scripts/bench.sh                      # 1,000, 10,000 and 100,000 claims
#   SIZES="1000 10000" RUNS=5 scripts/bench.sh
#   PATHOLOGICAL=only scripts/bench.sh    # only the pathological input (a few minutes)
#   scripts/bench/history.sh              # what reading the git history costs (10,000
#                                         # claims, 10,001 commits; HISTORY_SIZE, RUNS)
#   scripts/bench/item-api.sh             # what the per-item API and badges cost (bytes,
#                                         # build time with item_api on and off; CLAIMS, RUNS)
#
# Environment:
#   SIZES        corpus sizes in claims            (default "1000 10000 100000")
#   CACHES       page-cache states to measure in   (default "warm cold")
#   RUNS         timed runs per measurement        (default 3; the median is reported)
#   HUGO_SIZES   sizes Hugo also builds            (default: the sizes up to 10000)
#   EDIT_SIZE    corpus size for the serve edit    (default 10000; empty skips it)
#   EDITS        edits timed inside serve          (default 5)
#   SEARCH_SIZE  corpus size for the search stage alone (default 10000; empty skips it)
#   BENCH_DIR    where corpora and outputs go      (default /tmp/claimtrail-bench)
#   PATHOLOGICAL "1" also times pathological input, "only" times nothing else (default empty)
#   PATHOLOGICAL_CLAIMS  claims in each pathological corpus    (default 1000)
#   PATHOLOGICAL_CASES   which of them to time         (default "chain amp copyright")
#   CHAIN        entities in the pathological parent chain     (default 10000)
#   CLAIMTRAIL   the binary to time (default target/release/claimtrail, built first),
#                e.g. an older build, to compare with
#
# Pathological input is what a contributor can send that once took minutes:
# an entity parent chain CHAIN deep, and one claim whose body fills the 2 MiB
# file limit with `&` (each escaped as `&amp;`) or with `©`. Each is built next
# to an ordinary site of the same size (the same claims with an ordinary tree
# of as many entities, or the same body size in prose), and the table gives
# the ratio of their times; the target is at most 2.
#
# Every build is a new process with no cache. Each tool first builds untimed,
# so the timed runs are rebuilds into an existing output folder, as a
# maintainer runs them: Hugo writes over its public/ (one untimed build),
# claimtrail over the spare tree it keeps beside its output (two untimed
# builds: the second one leaves the first output behind as the spare). The
# search index is rebuilt on every timed run (its content-hash reuse is
# defeated), so "with search" is a full index.
# Every timed run starts after `sync`, so no run pays for the write-back of the
# one before it. The `cp -r` floor copies into a new folder each run. Nothing
# is deleted until the end: for a few minutes after a large delete, ext4
# creates inodes several times slower (its allocator steps around recently
# freed inodes), which would make a floor depend on what ran before it. The
# copies, outputs and spare trees of 100,000 claims take about 30 GB.
#
# Each measurement runs in each page-cache state of CACHES. "warm": the input
# files are still in the page cache from the run before, so reading them costs
# a memory copy. "cold": before every timed run, of every tool and of `cp -r`,
# `vmtouch -e` evicts each input file (the corpus, Hugo's content and layouts)
# from the page cache, so they are read from disk, as in a first build after a
# clone or a reboot. Only file contents are evicted: directory entries and
# inodes stay cached (dropping those takes /proc/sys/vm/drop_caches, which a
# container may not write), and so do the programs themselves and the outputs
# they write over.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000 100000"}
CACHES=${CACHES:-"warm cold"}
RUNS=${RUNS:-3}
EDIT_SIZE=${EDIT_SIZE-10000}
EDITS=${EDITS:-5}
SEARCH_SIZE=${SEARCH_SIZE-10000}
WORK=${BENCH_DIR:-/tmp/claimtrail-bench}
PATHOLOGICAL=${PATHOLOGICAL:-}
PATHOLOGICAL_CLAIMS=${PATHOLOGICAL_CLAIMS:-1000}
PATHOLOGICAL_CASES=${PATHOLOGICAL_CASES:-"chain amp copyright"}
CHAIN=${CHAIN:-10000}
if [[ $PATHOLOGICAL == only ]]; then
    SIZES="" EDIT_SIZE="" SEARCH_SIZE=""
fi
if [[ -z ${HUGO_SIZES+set} ]]; then
    HUGO_SIZES=""
    for n in $SIZES; do ((n <= 10000)) && HUGO_SIZES+="$n "; done
fi

say() { printf '%s\n' "$*" >&2; }

install_tools() {
    local missing=()
    [[ -z $HUGO_SIZES ]] || command -v hugo >/dev/null || missing+=(hugo)
    [[ -x /usr/bin/time ]] || missing+=(time)
    [[ -z $SIZES || $CACHES != *cold* ]] || command -v vmtouch >/dev/null || missing+=(vmtouch)
    if ((${#missing[@]})); then
        say "installing ${missing[*]} from Debian's packages"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# measure NAME COMMAND...: runs COMMAND $RUNS times after running PREPARE (if
# set), prints "wall cpu rss_mb" medians.
measure() {
    local stats
    stats=$(mktemp)
    for ((i = 0; i < RUNS; i++)); do
        if [[ -n ${PREPARE:-} ]]; then eval "$PREPARE"; fi
        sync
        /usr/bin/time -f '%e %U %S %M' -o "$stats.run" "$@" >/dev/null 2>"$stats.err" || {
            say "failed: $*"
            cat "$stats.err" >&2
            exit 1
        }
        cat "$stats.run" >>"$stats"
    done
    local wall cpu rss
    wall=$(awk '{ print $1 }' "$stats" | median)
    cpu=$(awk '{ print $2 + $3 }' "$stats" | median)
    rss=$(awk '{ printf "%.0f\n", $4 / 1024 }' "$stats" | median)
    rm -f "$stats" "$stats.run" "$stats.err"
    echo "$wall $cpu $rss"
}

# evict CACHE PATH...: with CACHE "cold", drops the files under each PATH from
# the page cache.
evict() {
    local cache=$1
    shift
    if [[ $cache == cold ]]; then vmtouch -qe "$@"; fi
}

# copy_floor NAME DIR CACHE: median wall seconds of `cp -r DIR` into a new
# folder per run, DIR in the page-cache state CACHE.
copy_floor() {
    local name=$1 dir=$2 cache=$3 times
    times=$(mktemp)
    for ((i = 0; i < RUNS; i++)); do
        evict "$cache" "$dir"
        sync
        /usr/bin/time -f '%e' -a -o "$times" cp -r "$dir" "$WORK/copy-$name-$cache-$i"
    done
    median <"$times"
    rm -f "$times"
}

files_and_mb() {
    local files bytes
    files=$(find "$1" -type f | wc -l)
    bytes=$(du -sb "$1" | awk '{ print $1 }')
    awk -v f="$files" -v b="$bytes" 'BEGIN { printf "%d %.0f\n", f, b / 1048576 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

corpus() {
    local n=$1 dir="$WORK/corpus-$1"
    if [[ ! -f $dir/site.toml ]]; then
        say "generating $n claims into $dir"
        rm -rf "$dir"
        target/release/examples/gen-corpus --claims "$n" --out "$dir" >/dev/null
    fi
    echo "$dir"
}

# The corpus in Hugo's layout: the same Markdown files; entity pages move to
# entity-profiles/ (Hugo's entities taxonomy owns /entities/) and `url`
# becomes `homepage` (Hugo reads a page's `url` as its permalink).
hugo_site() {
    local n=$1 dir="$WORK/hugo-$1"
    if [[ ! -f $dir/hugo.toml ]]; then
        rm -rf "$dir"
        mkdir -p "$dir"
        cp -r "$(corpus "$n")/content" "$dir/content"
        mv "$dir/content/entities" "$dir/content/entity-profiles"
        sed -i 's/^url = /homepage = /' "$dir"/content/entity-profiles/*.md "$dir"/content/sources/*.md
        cp -r scripts/bench/hugo/. "$dir/"
    fi
    echo "$dir"
}

has_search() { target/release/claimtrail build --help | grep -q -- '--no-search'; }

# Deletes the search index's reuse marker so the next build indexes afresh.
forget_search() { rm -f "$1"/pagefind/claimtrail-search.hash "$(dirname "$1")/.claimtrail-spare-$(basename "$1")"/pagefind/claimtrail-search.hash; }

# How each measurement grows from one size to the next (the target is no
# superlinear step: at most 12 times the time for 10 times the claims). Reads
# main's walls and cpus, keyed "SIZE LABEL".
scaling() {
    local previous="" n key label
    echo
    for n in $SIZES; do
        if [[ -n $previous ]]; then
            for key in "${!walls[@]}"; do
                [[ $key == "$n "* ]] || continue
                label=${key#"$n "}
                [[ -n ${walls["$previous $label"]:-} ]] || continue
                printf '%s → %s claims, %s: wall ×%s' "$previous" "$n" "$label" \
                    "$(ratio "${walls[$key]}" "${walls["$previous $label"]}")"
                if [[ -n ${cpus[$key]:-} ]]; then
                    printf ', CPU ×%s' "$(ratio "${cpus[$key]}" "${cpus["$previous $label"]}")"
                fi
                echo
            done | sort
        fi
        previous=$n
    done
}

# measure_size N CACHE: one size's rows of the table in one page-cache state:
# the corpus's `cp -r` floor, Hugo (at HUGO_SIZES), claimtrail's builds and,
# warm, the copy of claimtrail's output. Appends to main's $results, walls and
# cpus.
measure_size() {
    local n=$1 cache=$2 dir out site hugo_wall="" cp_wall
    dir=$(corpus "$n")
    out="$WORK/out-$n"

    say "[$n, $cache] cp -r of the corpus"
    cp_wall=$(copy_floor "corpus-$n" "$dir" "$cache")
    walls["$n cp -r of the corpus, $cache"]=$cp_wall

    if [[ " $HUGO_SIZES " == *" $n "* ]]; then
        say "[$n, $cache] hugo"
        local hw hc hr hf hm
        site=$(hugo_site "$n")
        hugo --quiet --source "$site" >/dev/null
        read -r hw hc hr < <(PREPARE="evict $cache '$site/content' '$site/layouts' '$site/hugo.toml'" \
            measure hugo --quiet --source "$site")
        read -r hf hm < <(files_and_mb "$site/public")
        hugo_wall=$hw
        echo "| $n | $cache | Hugo 0.111 (minimal templates) | $hw | $hc | $hr | $hf | $hm | 1.00 | $(ratio "$hw" "$cp_wall") |" >>"$results"
    fi

    local variants=("full build:")
    has_search && variants=("build --no-search:--no-search" "full build (with search):")
    local variant
    for variant in "${variants[@]}"; do
        local label=${variant%%:*} flag=${variant#*:} w c r f m
        say "[$n, $cache] claimtrail $label"
        # Twice: the second build leaves the spare tree the timed ones write over.
        $ct build --root "$dir" --output "$out" $flag >/dev/null
        $ct build --root "$dir" --output "$out" $flag >/dev/null
        read -r w c r < <(PREPARE="forget_search '$out'; evict $cache '$dir'" \
            measure $ct build --root "$dir" --output "$out" $flag)
        read -r f m < <(files_and_mb "$out")
        local vs_hugo="—"
        [[ -n $hugo_wall ]] && vs_hugo=$(ratio "$w" "$hugo_wall")
        echo "| $n | $cache | claimtrail $label | $w | $c | $r | $f | $m | $vs_hugo | $(ratio "$w" "$cp_wall") |" >>"$results"
        walls["$n $label, $cache"]=$w
        cpus["$n $label, $cache"]=$c
        if [[ $cache == warm ]] && { [[ $flag == --no-search ]] || ! has_search; }; then
            # A size reference, not a floor: how long copying what the build wrote takes.
            local out_copy_wall
            say "[$n] cp -r of claimtrail's output"
            out_copy_wall=$(copy_floor "out-$n" "$out" warm)
            echo "| $n | warm | cp -r of claimtrail's output (no search) | $out_copy_wall | | | | | | $(ratio "$out_copy_wall" "$cp_wall") |" >>"$results"
        fi
    done
    echo "| $n | $cache | cp -r of the corpus | $cp_wall | | | | | | 1.00 |" >>"$results"
}

# generated_corpus CLAIMS FLAGS: a corpus of CLAIMS claims with gen-corpus's
# extra FLAGS (unquoted, split on spaces), generated once.
generated_corpus() {
    local claims=$1 flags=$2 dir
    dir="$WORK/corpus-$claims$(printf '%s' "$flags" | tr -cs 'a-z0-9' '-')"
    if [[ ! -f $dir/site.toml ]]; then
        say "generating $claims claims with $flags into $dir"
        rm -rf "$dir"
        # shellcheck disable=SC2086 # the flags are words
        target/release/examples/gen-corpus --claims "$claims" $flags --out "$dir" >/dev/null
    fi
    echo "$dir"
}

# timed_build DIR: sets ${timed[DIR]} (pathological's) to the "wall cpu"
# medians of full builds of DIR, after two untimed ones as in measure_size;
# a folder already timed is not built again.
timed_build() {
    local dir=$1 out="$1-out" w c r
    [[ -z ${timed[$dir]:-} ]] || return 0
    say "building $dir"
    $ct build --root "$dir" --output "$out" >/dev/null 2>&1
    $ct build --root "$dir" --output "$out" >/dev/null 2>&1
    read -r w c r < <(PREPARE="forget_search '$out'" measure $ct build --root "$dir" --output "$out")
    timed[$dir]="$w $c"
    leftovers+=("$out" "$WORK/.claimtrail-spare-$(basename "$out")")
}

# pathological_case WHAT ORDINARY BAD_FLAGS GOOD_FLAGS: one row of the
# pathological table, the corpus with BAD_FLAGS against the one with GOOD_FLAGS.
pathological_case() {
    local what=$1 ordinary=$2 bad good bw bc gw gc
    bad=$(generated_corpus "$PATHOLOGICAL_CLAIMS" "$3")
    good=$(generated_corpus "$PATHOLOGICAL_CLAIMS" "$4")
    timed_build "$good"
    timed_build "$bad"
    read -r gw gc <<<"${timed[$good]}"
    read -r bw bc <<<"${timed[$bad]}"
    echo "| $what | $ordinary | $gw | $gc | $bw | $bc | $(ratio "$bw" "$gw") | $(ratio "$bc" "$gc") |" >>"$results"
}

# pathological: the table of pathological input against ordinary sites.
pathological() {
    local -A timed=()
    {
        echo
        echo "pathological input, $PATHOLOGICAL_CLAIMS claims, full builds (the target is at most 2 times the ordinary site):"
        echo
        echo "| pathological | ordinary | ordinary wall s | CPU s | pathological wall s | CPU s | wall × | CPU × |"
        echo "|---|---|---:|---:|---:|---:|---:|---:|"
    } >>"$results"
    local case
    for case in $PATHOLOGICAL_CASES; do
        case $case in
            chain) pathological_case "parent chain of $CHAIN entities" "tree of $CHAIN entities" "--entities $CHAIN --chain" "--entities $CHAIN" ;;
            amp) pathological_case "2 MiB body of \`&\`" "2 MiB body of prose" "--huge-body amp" "--huge-body prose" ;;
            copyright) pathological_case "2 MiB body of \`©\`" "2 MiB body of prose" "--huge-body copyright" "--huge-body prose" ;;
            *) say "unknown pathological case: $case (chain, amp or copyright)" && exit 1 ;;
        esac
    done
}

main() {
    install_tools
    say "building claimtrail (release)"
    cargo build --release --locked --quiet --bin claimtrail --example gen-corpus --example reload-time --example search-time
    mkdir -p "$WORK"
    local ct=${CLAIMTRAIL:-target/release/claimtrail}
    local results="$WORK/results.md" hugo_version="no Hugo"
    [[ -z $HUGO_SIZES ]] || hugo_version=$(hugo version | cut -d' ' -f2)
    echo "claimtrail ${CLAIMTRAIL:-$(git describe --always --dirty 2>/dev/null || echo '?')} · $hugo_version · $(nproc) cores · $(date -u +%Y-%m-%d) · median of $RUNS runs" >"$results"
    if [[ -n $SIZES ]]; then
        echo
        echo "| claims | cache | what | wall s | CPU s | peak RSS MB | files | MB written | vs Hugo | vs cp -r |"
        echo "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|"
    fi >>"$results"
    local n cache leftovers=()
    local -A walls=() cpus=()
    for n in $SIZES; do
        for cache in $CACHES; do
            measure_size "$n" "$cache"
        done
        leftovers+=("$WORK/out-$n" "$WORK/.claimtrail-spare-out-$n")
    done
    scaling >>"$results"
    [[ -z $PATHOLOGICAL ]] || pathological

    if [[ -n $SEARCH_SIZE ]] && has_search; then
        say "[$SEARCH_SIZE] the search stage alone ($RUNS runs)"
        local runs ms mib
        runs=$(mktemp)
        for ((i = 0; i < RUNS; i++)); do
            sync
            target/release/examples/search-time "$(corpus "$SEARCH_SIZE")" >>"$runs"
        done
        ms=$(sed -n 's/.*indexed in \([0-9]*\) ms.*/\1/p' "$runs" | median)
        mib=$(sed -n 's/.*peak memory +\([0-9]*\) MiB.*/\1/p' "$runs" | median)
        {
            echo
            echo "search stage alone, $SEARCH_SIZE claims: median $ms ms, +$mib MiB peak memory; $(tail -n 1 "$runs" | sed 's/.*MiB), //')"
        } >>"$results"
        rm -f "$runs"
    fi

    if [[ -n $EDIT_SIZE ]]; then
        say "[$EDIT_SIZE] one-claim edit inside serve ($EDITS edits)"
        local line
        line=$(target/release/examples/reload-time "$(corpus "$EDIT_SIZE")" "$EDITS" | grep '^median' || true)
        {
            echo
            echo "serve, $EDIT_SIZE claims: ${line:-reload-time printed no median}"
        } >>"$results"
    fi
    rm -rf "${leftovers[@]}" "$WORK"/copy-*
    cat "$results"
}

main "$@"
