#!/usr/bin/env python3
"""Turns a generated site (examples/gen-corpus.rs) into a git repository with
one commit per claim, for timing provenance: `history-repo.py SITE`.

Commit 0 adds everything but the claims. Commit j (1..N) adds claim j as a
first version (verdict "unverified", last citation missing) and brings claim
j-1 to its final text (its verdict and that citation), so every commit adds
one file and changes another, semantically: 2 parses per commit and one more
for the file it changes. The last commit finalises the last claim too, so
HEAD is exactly the generated site. Dates are fixed (one hour apart), so the
same site gives the same commits. Written with `git fast-import`: seconds,
not the minutes of N `git commit` runs.
"""

import os
import re
import subprocess
import sys


def first_version(text):
    """The claim as first entered: unverified, without its last citation."""
    text = re.sub(r'^status = "[^"]*"$', 'status = "unverified"', text, count=1, flags=re.M)
    start = text.rfind("\n[[citations]]\n")
    if start < 0:
        return text
    ends = [at for at in (text.find("\n[[", start + 1), text.find("\n+++", start + 1)) if at >= 0]
    return text[:start] + text[min(ends):] if ends else text


def main():
    site = sys.argv[1]
    claims, others = [], []
    for folder, _, files in os.walk(site):
        if "/.git" in folder:
            continue
        for name in files:
            path = os.path.relpath(os.path.join(folder, name), site)
            (claims if path.startswith("content/claims/") else others).append(path)
    claims.sort()
    others.sort()
    read = lambda path: open(os.path.join(site, path), "rb").read()
    subprocess.run(["git", "init", "-q", "-b", "main", site], check=True)
    importer = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=site, stdin=subprocess.PIPE)
    out = importer.stdin
    clock = 1_700_000_000

    def commit(number, message, changes):
        when = clock + number * 3600
        out.write(b"commit refs/heads/main\n")
        out.write(b"committer Bench <bench@example.org> %d +0000\n" % when)
        data = message.encode()
        out.write(b"data %d\n%s\n" % (len(data), data))
        # Each commit continues refs/heads/main where the previous one left it;
        # no `from` line is needed (and `main^0` is not on disk yet).
        for path, blob in changes:
            out.write(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(blob), blob))

    commit(0, "Add sources, entities and pages", [(p, read(p)) for p in others])
    for j, path in enumerate(claims, start=1):
        changes = [(path, first_version(read(path).decode()).encode())]
        if j > 1:
            changes.append((claims[j - 2], read(claims[j - 2])))
        if j == len(claims):
            changes = [(path, read(path))] + changes[1:]
        commit(j, "Add %s (#%d)" % (os.path.basename(path)[:-3], j), changes)
    out.close()
    if importer.wait() != 0:
        sys.exit("git fast-import failed")
    subprocess.run(["git", "reset", "-q", "--mixed"], cwd=site, check=True)


if __name__ == "__main__":
    main()
