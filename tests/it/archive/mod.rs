//! `claimtrail archive` and the network layer under it, against fake archive
//! and origin servers on loopback.

mod bulk;
mod elided_quote;
mod end_to_end;
mod failures;
mod fake;
mod first_run;
mod incremental;
mod long_quote;
mod net;
mod save;
mod servers;
