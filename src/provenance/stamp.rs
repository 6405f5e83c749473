//! A commit's time as git records it: seconds since the epoch and the
//! committer's offset from UTC. Shown in the committer's time zone, so the
//! date on a page is the date the committer saw.
//!
//! A commit's time is whatever its author wrote: git accepts year 0, year
//! 10,000, negative times and offsets such as `+9999`. A stamp is therefore
//! made only of what RFC 3339 can write (years 0 to 9999, an offset within a
//! day): an impossible offset is read as UTC, and a time that cannot be
//! written as the epoch. So what a page shows is what `changes.json` and the
//! cache keep, and a build from the cache is the build without it.

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
    /// The epoch in UTC: the stamp of a time that cannot be read or written.
    pub const EPOCH: Stamp = Stamp {
        seconds: 0,
        offset: 0,
    };

    /// A stamp from git's two numbers: UTC for an impossible offset (one of
    /// a day or more, or not whole minutes), and [`Stamp::EPOCH`] for a
    /// moment RFC 3339 cannot write (before year 0 or after 9999 where the
    /// committer was), so that every stamp reads back from its text as it was.
    pub fn new(seconds: i64, offset: i32) -> Stamp {
        let offset = UtcOffset::from_whole_seconds(offset)
            .ok()
            .filter(|offset| offset.seconds_past_minute() == 0)
            .unwrap_or(UtcOffset::UTC);
        let writable = OffsetDateTime::from_unix_timestamp(seconds)
            .ok()
            .and_then(|moment| moment.checked_to_offset(offset))
            .is_some_and(|moment| (0..=9999).contains(&moment.year()));
        if writable {
            Stamp {
                seconds,
                offset: offset.whole_seconds(),
            }
        } else {
            Stamp::EPOCH
        }
    }

    /// The moment in the committer's time zone (always one RFC 3339 can
    /// write for a stamp made by [`Stamp::new`]).
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

#[cfg(test)]
mod tests {
    use super::Stamp;

    #[test]
    fn every_stamp_reads_back_from_its_text_as_it_was() {
        let odd = [
            (-62_167_219_200, 0),   // year 0
            (-62_167_219_201, 0),   // the second before it
            (-62_167_219_200, -60), // year 0 in UTC, year -1 where the committer was
            (253_402_300_800, 0),   // year 10,000
            (-99_999_999_999, -1800),
            (1_780_000_000, 99 * 3600 + 99 * 60), // `+9999`
            (1_780_000_000, 61),                  // not whole minutes
            (i64::MAX, i32::MIN),
            (1_780_000_000, 7200),
        ];
        for (seconds, offset) in odd {
            let stamp = Stamp::new(seconds, offset);
            let text = serde_json::to_string(&stamp).unwrap();
            let back: Stamp = serde_json::from_str(&text).unwrap();
            assert_eq!(back, stamp, "{seconds} {offset}: {text}");
            let year = format!("{:04}", stamp.date().year());
            assert!(
                text.starts_with(&format!("\"{year}-")),
                "the date shown is the one kept: {text}"
            );
        }
        assert_eq!(Stamp::new(253_402_300_800, 0), Stamp::EPOCH);
        assert_eq!(Stamp::new(1_780_000_000, 99 * 3600 + 99 * 60).offset, 0);
        assert_eq!(
            Stamp::new(1_780_000_000, 7200).rfc3339(),
            "2026-05-28T22:26:40+02:00"
        );
    }
}
