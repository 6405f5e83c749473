#!/bin/sh
# Installs a released claimtrail binary: picks the archive built for this
# machine, downloads it with SHA256SUMS, checks its SHA-256, and puts the
# `claimtrail` binary in the install folder. The GitHub Action (action.yml)
# runs it; it also works by hand (docs/install.md).
#
# Environment (all optional but the repository or base URL):
#   CLAIMTRAIL_REPOSITORY   claimtrail's GitHub repository, as owner/name
#   CLAIMTRAIL_VERSION      the release: a tag such as v0.1.0 (or 0.1.0), or latest
#   CLAIMTRAIL_ACTION_REF   the ref the action was used at; a v* tag is the
#                           release when CLAIMTRAIL_VERSION is empty
#   CLAIMTRAIL_BASE_URL     where the releases are [https://github.com/<repository>/releases];
#                           files are fetched from <base>/download/<tag>/<file>
#   CLAIMTRAIL_INSTALL_DIR  where the binary goes [$RUNNER_TEMP/claimtrail/bin, else ~/.local/bin]
#   RUNNER_OS, RUNNER_ARCH  the machine, as GitHub names it (Linux/macOS/Windows,
#                           X64/ARM64) [from uname]
#
# Usage: install.sh           install
#        install.sh --asset   print the archive's name for this machine, download nothing
set -eu

fail() {
    echo "claimtrail install: error: $*" >&2
    exit 1
}

# The machine as GitHub names it, from uname when not on a runner.
machine_os() {
    if [ -n "${RUNNER_OS:-}" ]; then echo "$RUNNER_OS"; return; fi
    case "$(uname -s)" in
        Linux) echo Linux ;;
        Darwin) echo macOS ;;
        MINGW* | MSYS* | CYGWIN*) echo Windows ;;
        *) uname -s ;;
    esac
}

machine_arch() {
    if [ -n "${RUNNER_ARCH:-}" ]; then echo "$RUNNER_ARCH"; return; fi
    case "$(uname -m)" in
        x86_64 | amd64) echo X64 ;;
        aarch64 | arm64) echo ARM64 ;;
        *) uname -m ;;
    esac
}

# The Rust target the release workflow builds for this machine
# (.github/workflows/release.yml, whose matrix lists the same five).
target_for() {
    case "$1/$2" in
        Linux/X64) echo x86_64-unknown-linux-musl ;;
        Linux/ARM64) echo aarch64-unknown-linux-musl ;;
        macOS/X64) echo x86_64-apple-darwin ;;
        macOS/ARM64) echo aarch64-apple-darwin ;;
        Windows/X64) echo x86_64-pc-windows-msvc ;;
        *) fail "no claimtrail release is built for $1 on $2; build it from source (docs/install.md)" ;;
    esac
}

# The release tag to install: the version asked for, else the tag the action
# was used at, else latest.
wanted_version() {
    version=${CLAIMTRAIL_VERSION:-}
    if [ -z "$version" ]; then
        case "${CLAIMTRAIL_ACTION_REF:-}" in
            v[0-9]*) version=$CLAIMTRAIL_ACTION_REF ;;
            *) version=latest ;;
        esac
    fi
    case "$version" in
        *[!A-Za-z0-9.+-]* | "") fail "\`$version\` is not a release; give a tag such as v0.1.0, or latest" ;;
        latest) echo latest ;;
        v[0-9]*) echo "$version" ;;
        [0-9]*) echo "v$version" ;;
        *) fail "\`$version\` is not a release; give a tag such as v0.1.0, or latest" ;;
    esac
}

base_url() {
    if [ -n "${CLAIMTRAIL_BASE_URL:-}" ]; then
        echo "${CLAIMTRAIL_BASE_URL%/}"
    elif [ -n "${CLAIMTRAIL_REPOSITORY:-}" ]; then
        echo "https://github.com/$CLAIMTRAIL_REPOSITORY/releases"
    else
        fail "set CLAIMTRAIL_REPOSITORY (owner/name) or CLAIMTRAIL_BASE_URL"
    fi
}

# The tag GitHub's "latest release" address redirects to.
latest_tag() {
    effective=$(curl -fsSLI -o /dev/null -w '%{url_effective}' "$1/latest") ||
        fail "could not find the latest release at $1/latest"
    tag=${effective##*/}
    case "$tag" in
        v[0-9]*) echo "$tag" ;;
        *) fail "$1/latest did not lead to a release tag (it led to $effective)" ;;
    esac
}

sha256_of() {
    if command -v sha256sum > /dev/null 2>&1; then
        sha256sum "$1" | cut -d ' ' -f 1
    elif command -v shasum > /dev/null 2>&1; then
        shasum -a 256 "$1" | cut -d ' ' -f 1
    else
        fail "neither sha256sum nor shasum is installed, so the download cannot be checked"
    fi
}

download() {
    curl -fsSL --retry 3 -o "$2" "$1" || fail "could not download $1"
}

unpack() {
    case "$1" in
        *.zip)
            if command -v unzip > /dev/null 2>&1; then
                unzip -q "$1" -d "$2"
            else
                pwsh -NoProfile -Command "Expand-Archive -LiteralPath '$1' -DestinationPath '$2'"
            fi
            ;;
        *) tar -xzf "$1" -C "$2" ;;
    esac
}

main() {
    os=$(machine_os)
    target=$(target_for "$os" "$(machine_arch)")
    extension=tar.gz
    binary=claimtrail
    if [ "$os" = Windows ]; then
        extension=zip
        binary=claimtrail.exe
    fi
    tag=$(wanted_version)
    if [ "${1:-}" = --asset ]; then
        echo "claimtrail-$tag-$target.$extension"
        return
    fi
    base=$(base_url)
    if [ "$tag" = latest ]; then
        tag=$(latest_tag "$base")
    fi
    name="claimtrail-$tag-$target"
    asset="$name.$extension"

    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    download "$base/download/$tag/$asset" "$work/$asset"
    download "$base/download/$tag/SHA256SUMS" "$work/SHA256SUMS"
    expected=$(awk -v file="$asset" '$2 == file || $2 == "*" file { print $1 }' "$work/SHA256SUMS")
    [ -n "$expected" ] || fail "SHA256SUMS of $tag does not list $asset"
    actual=$(sha256_of "$work/$asset")
    [ "$expected" = "$actual" ] ||
        fail "the SHA-256 of $asset is $actual, but SHA256SUMS says $expected; nothing was installed"

    mkdir "$work/unpacked"
    unpack "$work/$asset" "$work/unpacked"
    [ -f "$work/unpacked/$name/$binary" ] || fail "$asset has no $name/$binary"

    dir=${CLAIMTRAIL_INSTALL_DIR:-}
    if [ -z "$dir" ]; then
        if [ -n "${RUNNER_TEMP:-}" ]; then dir="$RUNNER_TEMP/claimtrail/bin"; else dir="$HOME/.local/bin"; fi
    fi
    mkdir -p "$dir"
    cp "$work/unpacked/$name/$binary" "$dir/$binary"
    chmod +x "$dir/$binary"
    if [ -n "${GITHUB_PATH:-}" ]; then
        # On Windows runners, PATH wants the Windows form of the folder.
        if [ "$os" = Windows ] && command -v cygpath > /dev/null 2>&1; then
            cygpath -w "$dir" >> "$GITHUB_PATH"
        else
            echo "$dir" >> "$GITHUB_PATH"
        fi
    fi
    if [ -n "${GITHUB_OUTPUT:-}" ]; then
        echo "version=$tag" >> "$GITHUB_OUTPUT"
    fi
    echo "installed claimtrail $tag ($target) in $dir"
}

main "$@"
