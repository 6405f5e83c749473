//! `claimtrail archive` and the network layer under it, against fake archive
//! and origin servers on loopback.

mod net;
