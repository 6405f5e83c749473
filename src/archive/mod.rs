//! `claimtrail archive`: for every URL the site cites, an archived capture,
//! the original's status, and each quote checked against the capture's text,
//! recorded in `archive.lock` (see [`crate::archive_lock`]).
//!
//! ```text
//! collect   the site → cited URLs with their dates and quotes
//! plan      cited URLs + the old lock → the URLs to visit
//! visit     one URL → a lock entry (wayback, extract, normalise, quotes)
//! lock      entries → archive.lock, rewritten atomically as they finish
//! run       the above on worker threads (crate::net)
//! ```
//!
//! Nothing here is reached from `build`, `check` or `serve`.

mod collect;
mod extract;
mod lock;
mod normalise;
mod plan;
mod quotes;
mod run;
mod visit;
mod wayback;

pub use collect::CitedUrl;
pub use plan::Reason;
pub use run::{ArchiveOptions, ArchiveReport, Plan, Progress, archive, lock_path, plan};
pub use visit::Visited;
pub use wayback::SaveCredentials;
