//! Reading a run of commits: the first-parent chain from `HEAD`, the
//! commits in it whose `content/` tree changed, and each one's changed
//! content files before and after, parsed. A long chain is read in parallel
//! runs, each with its own handle on the repository, joined in order.
//! [`super::history`] turns what this reads into each record's history.

use std::collections::HashMap;

use gix::ObjectId;
use gix::bstr::ByteSlice;
use gix::objs::tree::EntryMode;
use rayon::prelude::*;

use super::error::{GitError, git_error};
use super::git::{ContentBlob, Repo, content_file, path_text, read_content_entry};
use super::stamp::Stamp;
use super::tree_diff::{ChangedPath, Entry};
use super::version::FileVersion;

/// A commit whose `content/` changed, with the changed paths.
pub(super) struct Delta {
    /// The commit.
    pub commit: ObjectId,
    /// When it was committed.
    pub time: Stamp,
    /// Its message's first line.
    pub subject: String,
    /// The paths it changed, relative to `content/`.
    changes: Vec<ChangedPath>,
}

/// The first-parent chain from `head`, oldest first, stopping short of
/// `stop` when it is on the chain (then `true`: the walk resumes there).
pub(super) fn first_parent_chain(
    repo: &Repo,
    head: ObjectId,
    stop: Option<ObjectId>,
) -> Result<(Vec<ObjectId>, bool), GitError> {
    let mut chain = Vec::new();
    let mut resumed = false;
    for info in repo
        .repo
        .rev_walk([head])
        .first_parent_only()
        .all()
        .map_err(git_error)?
    {
        let id = info.map_err(git_error)?.id;
        if Some(id) == stop {
            resumed = true;
            break;
        }
        chain.push(id);
    }
    chain.reverse();
    Ok((chain, resumed))
}

/// A delta with the before and after versions of its changed content files.
pub(super) type ParsedDelta = (Delta, Sides);

/// Chains shorter than this are read on the calling thread: a new handle
/// on the repository costs more than a few commits.
const PARALLEL_FROM: usize = 256;

/// The commits of `chain` that changed `content/` (compared with `previous`,
/// the tree before the chain's first commit), each with its changed files
/// parsed, and the last commit's tree. A long chain is read in parallel
/// runs (see [`read_runs`]), a few per thread so that they even out.
pub(super) fn read_chain(
    repo: &Repo,
    chain: &[ObjectId],
    previous: Option<ObjectId>,
    statuses: &[&str],
) -> Result<(Vec<ParsedDelta>, Option<ObjectId>), GitError> {
    let run_length = if chain.len() < PARALLEL_FROM {
        chain.len()
    } else {
        chain.len().div_ceil(4 * rayon::current_num_threads())
    };
    read_runs(repo, chain, previous, statuses, run_length)
}

/// [`read_chain`] with the chain cut into runs of `run_length` commits, read
/// in parallel, each by its own handle on the repository and starting from
/// the tree of the commit before it. The runs are joined in order, so the
/// result is the one a single pass gives.
pub(super) fn read_runs(
    repo: &Repo,
    chain: &[ObjectId],
    previous: Option<ObjectId>,
    statuses: &[&str],
    run_length: usize,
) -> Result<(Vec<ParsedDelta>, Option<ObjectId>), GitError> {
    if run_length >= chain.len() {
        let (deltas, last) = content_deltas(repo, chain, previous)?;
        return Ok((parse_versions(repo, deltas, statuses)?, last));
    }
    let starts: Vec<usize> = (0..chain.len()).step_by(run_length.max(1)).collect();
    let opener = repo.opener();
    let runs = starts
        .par_iter()
        .map(|&start| {
            let repo = opener.open()?;
            let before = match start.checked_sub(1) {
                Some(last) => repo.content_tree(chain[last])?,
                None => previous,
            };
            let run = &chain[start..chain.len().min(start + run_length)];
            let (deltas, last) = content_deltas(&repo, run, before)?;
            Ok((parse_versions(&repo, deltas, statuses)?, last))
        })
        .collect::<Result<Vec<_>, GitError>>()?;
    let last = runs.last().map_or(previous, |(_, last)| *last);
    Ok((
        runs.into_iter().flat_map(|(deltas, _)| deltas).collect(),
        last,
    ))
}

/// The commits of `chain` that changed `content/` (compared with `previous`,
/// the tree before the chain's first commit), and the last commit's tree.
fn content_deltas(
    repo: &Repo,
    chain: &[ObjectId],
    mut previous: Option<ObjectId>,
) -> Result<(Vec<Delta>, Option<ObjectId>), GitError> {
    let mut deltas = Vec::new();
    for &commit in chain {
        let tree = repo.content_tree(commit)?;
        if tree != previous {
            let (time, subject) = commit_details(repo, commit)?;
            deltas.push(Delta {
                commit,
                time,
                subject,
                changes: repo.tree_changes(previous, tree)?,
            });
        }
        previous = tree;
    }
    Ok((deltas, previous))
}

/// A commit's committer time and subject line. A time git itself calls
/// bad (`git fsck`: badDate, badDateOverflow) is [`Stamp::EPOCH`], as a time
/// a stamp cannot hold is: one odd commit does not cost the whole history.
fn commit_details(repo: &Repo, id: ObjectId) -> Result<(Stamp, String), GitError> {
    let commit = repo.repo.find_commit(id).map_err(git_error)?;
    let message = commit.message_raw_sloppy();
    let subject = message
        .lines()
        .map(|line| shown(&line.to_str_lossy()))
        .find(|line| !line.is_empty())
        .unwrap_or_default();
    let time = (commit.time()).map_or(Stamp::EPOCH, |time| Stamp::new(time.seconds, time.offset));
    Ok((time, subject))
}

/// A subject line as pages show it: without control characters (a tab
/// becomes a space) and without the invisible characters that change the
/// direction of the text around them, which `check` refuses in content
/// too; trimmed.
fn shown(line: &str) -> String {
    let direction = |c: char| {
        matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
        )
    };
    let kept: String = (line.chars())
        .filter(|&c| !direction(c) && (c == '\t' || !c.is_control()))
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    kept.trim().to_string()
}

/// Before and after versions of one delta's changed content files.
type Sides = (Vec<FileVersion>, Vec<FileVersion>);

/// Reads every changed file of every delta, then parses them all in
/// parallel (a run of a long chain is already on its own thread). Each
/// distinct version (path and blob) is read and parsed once: the version
/// before an edit is usually the one an earlier delta of the run made.
fn parse_versions(
    repo: &Repo,
    deltas: Vec<Delta>,
    statuses: &[&str],
) -> Result<Vec<ParsedDelta>, GitError> {
    let mut versions = Versions::default();
    let mut places = Vec::with_capacity(deltas.len());
    for delta in &deltas {
        let mut sides = (Vec::new(), Vec::new());
        for change in &delta.changes {
            let (before, after) = blobs(change);
            if let Some(blob) = before {
                sides.0.extend(versions.place(repo, blob)?);
            }
            if let Some(blob) = after {
                sides.1.extend(versions.place(repo, blob)?);
            }
        }
        places.push(sides);
    }
    let mut parsed = versions.parse(statuses);
    let mut sides = Vec::with_capacity(places.len());
    for (before, after) in places {
        sides.push((parsed.take_all(&before)?, parsed.take_all(&after)?));
    }
    Ok(deltas.into_iter().zip(sides).collect())
}

/// The distinct content file versions of a run, each read once, with how
/// many times the run's deltas use each.
#[derive(Default)]
struct Versions<'a> {
    /// A version's place in `files`, or `None` when it is not a content file.
    places: HashMap<Blob<'a>, Option<usize>>,
    files: Vec<ContentBlob>,
    uses: Vec<usize>,
}

impl<'a> Versions<'a> {
    /// The place of `blob`'s version, read at its first use.
    fn place(&mut self, repo: &Repo, blob: Blob<'a>) -> Result<Option<usize>, GitError> {
        if let Some(&place) = self.places.get(&blob) {
            if let Some(place) = place {
                self.uses[place] += 1;
            }
            return Ok(place);
        }
        let place = content_version(repo, blob)?.map(|file| {
            self.files.push(file);
            self.uses.push(1);
            self.files.len() - 1
        });
        self.places.insert(blob, place);
        Ok(place)
    }

    /// Parses every version, in parallel.
    fn parse(self, statuses: &[&str]) -> Parsed {
        Parsed {
            versions: (self.files.into_par_iter())
                .map(|file| match file {
                    ContentBlob::Text(file) => Some(FileVersion::parse(&file, statuses)),
                    ContentBlob::Unreadable(version) => Some(version),
                })
                .collect(),
            uses: self.uses,
        }
    }
}

/// The parsed versions of a run, handed out by place.
struct Parsed {
    versions: Vec<Option<FileVersion>>,
    uses: Vec<usize>,
}

impl Parsed {
    /// The versions at `places`: each moved out at its last use, cloned before.
    fn take_all(&mut self, places: &[usize]) -> Result<Vec<FileVersion>, GitError> {
        let missing = || GitError("a file version went missing".into());
        (places.iter())
            .map(|&place| {
                let uses = self.uses.get_mut(place).ok_or_else(missing)?;
                *uses = uses.saturating_sub(1);
                let version = self.versions.get_mut(place).ok_or_else(missing)?;
                if *uses == 0 {
                    version.take().ok_or_else(missing)
                } else {
                    version.clone().ok_or_else(missing)
                }
            })
            .collect()
    }
}

/// A path's entry (relative to `content/`): its path, object id and mode
/// (a file, a symbolic link or a submodule: the same bytes as a file and as
/// a link are two versions).
type Blob<'a> = (&'a [u8], ObjectId, EntryMode);

/// A changed path's entry before and after the change.
fn blobs(change: &ChangedPath) -> (Option<Blob<'_>>, Option<Blob<'_>>) {
    let blob = |entry: Option<Entry>| entry.map(|e| (change.path.as_bytes(), e.oid, e.mode));
    (blob(change.before), blob(change.after))
}

/// The content file at `path` (relative to `content/`), if it is one.
fn content_version(
    repo: &Repo,
    (path, oid, mode): Blob<'_>,
) -> Result<Option<ContentBlob>, GitError> {
    let path = path_text(path);
    if content_file(&path).is_none() {
        return Ok(None);
    }
    read_content_entry(&repo.repo, &path, oid, mode)
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn subjects_lose_direction_and_control_characters() {
        assert_eq!(
            shown(
                "\tRefute \u{202E}evil\u{202C} \u{2066}x\u{2069}\u{200E}\u{200F}\u{061C} (#3)\u{7}\u{1B}[31m\u{85} "
            ),
            "Refute evil x (#3)[31m"
        );
        assert_eq!(shown("a\tb"), "a b");
        assert_eq!(shown("Ünïcode — fine"), "Ünïcode — fine");
    }
}
