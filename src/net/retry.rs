//! When to try a request again: `Retry-After` on 429 and 503, or a capped
//! exponential backoff when the server names no time.

use std::time::{Duration, SystemTime};

use time::OffsetDateTime;
use time::format_description::well_known::Rfc2822;

/// The statuses that mean "later", which are retried.
pub(crate) fn is_retryable(status: u16) -> bool {
    status == 429 || status == 503
}

/// The wait a `Retry-After` value asks for: delay-seconds or an HTTP-date
/// (a date in the past asks for none). `None` when it is neither.
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = OffsetDateTime::parse(value, &Rfc2822).ok()?;
    let now = OffsetDateTime::from(now);
    let ahead = date - now;
    Some(Duration::try_from(ahead).unwrap_or(Duration::ZERO))
}

/// The schedule of retries of one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// How many retries after the first attempt.
    pub retries: u32,
    /// The first wait when the server names none; doubled on each retry.
    pub base: Duration,
    /// The longest single wait; a server asking for longer is not retried.
    pub max_wait: Duration,
}

/// What to do after a 429 or 503.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Next {
    /// Wait this long, then try again.
    Wait(Duration),
    /// Give up: out of retries, or the server asked for more than `max_wait`
    /// (the wait it asked for, then).
    GiveUp(Option<Duration>),
}

impl Backoff {
    /// After failed attempt number `attempt` (0 for the first), with the
    /// wait the server asked for, if any.
    pub(crate) fn next(&self, attempt: u32, asked: Option<Duration>) -> Next {
        if let Some(asked) = asked
            && asked > self.max_wait
        {
            return Next::GiveUp(Some(asked));
        }
        if attempt >= self.retries {
            return Next::GiveUp(None);
        }
        let doubled = self.base.saturating_mul(1 << attempt.min(16));
        Next::Wait(asked.unwrap_or(doubled.min(self.max_wait)))
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, SystemTime};

    use super::*;

    const BACKOFF: Backoff = Backoff {
        retries: 3,
        base: Duration::from_secs(1),
        max_wait: Duration::from_secs(5),
    };

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_445_412_470);
        assert_eq!(parse_retry_after(" 7 ", now), Some(Duration::from_secs(7)));
        // 1445412480 is Wed, 21 Oct 2015 07:28:00 GMT: ten seconds after `now`.
        let date = "Wed, 21 Oct 2015 07:28:00 GMT";
        assert_eq!(parse_retry_after(date, now), Some(Duration::from_secs(10)));
        let later = now + Duration::from_secs(60);
        assert_eq!(parse_retry_after(date, later), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-3", now), None);
    }

    #[test]
    fn backoff_doubles_up_to_the_cap_and_stops_after_the_retries() {
        let waits: Vec<Next> = (0..4).map(|attempt| BACKOFF.next(attempt, None)).collect();
        let secs = |s| Next::Wait(Duration::from_secs(s));
        assert_eq!(waits, [secs(1), secs(2), secs(4), Next::GiveUp(None)]);
        let capped = Backoff {
            retries: 10,
            ..BACKOFF
        };
        assert_eq!(capped.next(9, None), secs(5));
    }

    #[test]
    fn the_servers_wait_is_honoured_or_the_request_given_up() {
        assert_eq!(
            BACKOFF.next(0, Some(Duration::from_secs(3))),
            Next::Wait(Duration::from_secs(3))
        );
        let too_long = Some(Duration::from_secs(3600));
        assert_eq!(BACKOFF.next(0, too_long), Next::GiveUp(too_long));
    }

    #[test]
    fn only_429_and_503_are_retried() {
        let retried: Vec<u16> = (100..600).filter(|&s| is_retryable(s)).collect();
        assert_eq!(retried, [429, 503]);
    }
}
