//! `claimtrail archive` and the network layer under it, against fake archive
//! and origin servers on loopback.

mod fake;
mod first_run;
mod incremental;
mod net;
mod servers;
