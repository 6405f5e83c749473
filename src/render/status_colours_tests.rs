//! The default statuses' badges: readable (badge text at WCAG AA contrast on
//! its colour) and told apart (every two colours far apart in CIELAB, so
//! Unverified and Outdated no longer look alike). Badges also carry their
//! label as text, so colour is never the only sign.

use super::format::text_color_on;
use crate::colour::luminance_of as relative_luminance;
use crate::config::default_statuses;

/// WCAG contrast ratio of two colours.
fn contrast(a: &str, b: &str) -> f64 {
    let (a, b) = (
        relative_luminance(a).unwrap_or(0.0),
        relative_luminance(b).unwrap_or(1.0),
    );
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// CIELAB (D65) of a `#rrggbb` colour.
fn lab(color: &str) -> [f64; 3] {
    let channel = |i: usize| {
        let value = f64::from(u8::from_str_radix(&color[i..i + 2], 16).unwrap_or(0)) / 255.0;
        if value <= 0.04045 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    let (r, g, b) = (channel(1), channel(3), channel(5));
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| {
        if t > 216.0 / 24389.0 {
            t.cbrt()
        } else {
            (24389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    [
        116.0 * f(y) - 16.0,
        500.0 * (f(x) - f(y)),
        200.0 * (f(y) - f(z)),
    ]
}

/// CIE76 colour difference.
fn delta_e(a: &str, b: &str) -> f64 {
    let (a, b) = (lab(a), lab(b));
    a.iter()
        .zip(b)
        .map(|(p, q)| (p - q).powi(2))
        .sum::<f64>()
        .sqrt()
}

#[test]
fn every_default_badge_is_readable_at_wcag_aa() {
    for status in default_statuses() {
        let ratio = contrast(text_color_on(&status.color), &status.color);
        assert!(
            ratio >= 4.5,
            "{}: {ratio:.2} on {}",
            status.id,
            status.color
        );
    }
}

#[test]
fn every_two_default_status_colours_are_told_apart() {
    let statuses = default_statuses();
    for (i, a) in statuses.iter().enumerate() {
        for b in &statuses[i + 1..] {
            let difference = delta_e(&a.color, &b.color);
            assert!(
                difference >= 20.0,
                "{} and {} look alike: ΔE {difference:.1}",
                a.id,
                b.id
            );
        }
    }
    // The pair the issue found: grey Unverified beside slate Outdated was ΔE 13.
    assert!(
        delta_e("#6b7280", "#475569") < 20.0,
        "the measure tells the old pair apart"
    );
}
