//! A commit's time as git records it: seconds since the epoch and the
//! committer's offset from UTC. Shown in the committer's time zone, so the
//! date on a page is the date the committer saw.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime, UtcOffset};

/// When a commit was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    /// Seconds since 1970-01-01 UTC.
    pub seconds: i64,
    /// The committer's offset from UTC, in seconds.
    pub offset: i32,
}

impl Stamp {
    /// A stamp from git's two numbers.
    pub fn new(seconds: i64, offset: i32) -> Stamp {
        Stamp { seconds, offset }
    }

    /// The moment in the committer's time zone (UTC when git recorded an
    /// impossible offset; the epoch for an impossible time).
    fn moment(self) -> OffsetDateTime {
        let offset = UtcOffset::from_whole_seconds(self.offset).unwrap_or(UtcOffset::UTC);
        OffsetDateTime::from_unix_timestamp(self.seconds)
            .unwrap_or(OffsetDateTime::UNIX_EPOCH)
            .to_offset(offset)
    }

    /// The calendar date in the committer's time zone.
    pub fn date(self) -> Date {
        self.moment().date()
    }

    /// RFC 3339 with the committer's offset, as feeds and JSON give times.
    pub fn rfc3339(self) -> String {
        self.moment()
            .format(&Rfc3339)
            .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_string())
    }
}

impl PartialOrd for Stamp {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Stamp {
    /// Earlier moments first, whatever the time zones.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.seconds, self.offset).cmp(&(other.seconds, other.offset))
    }
}

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.rfc3339())
    }
}

impl<'de> Deserialize<'de> for Stamp {
    /// Reads what [`Serialize`] writes (RFC 3339 with the committer's offset).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let moment = OffsetDateTime::parse(&text, &Rfc3339).map_err(serde::de::Error::custom)?;
        Ok(Stamp::new(
            moment.unix_timestamp(),
            moment.offset().whole_seconds(),
        ))
    }
}
