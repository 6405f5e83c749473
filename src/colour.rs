//! Status colours: any CSS colour notation (parsed by `csscolorparser`), the
//! badge text colour with WCAG AA contrast on it, and a passing variant to
//! suggest when neither text colour reaches AA.
//!
//! A translucent colour (`#rgba`, `#rrggbbaa`, `rgb(… / 0.5)`, `transparent`)
//! is composited over the theme's light page background, [`PAGE_BACKGROUND`],
//! and the badge is painted with the opaque result, so its contrast is the
//! same in the light and the dark scheme.

use csscolorparser::Color;

/// The theme's light page background (`--bg` in `style.css`): what a
/// translucent status colour is composited over.
pub(crate) const PAGE_BACKGROUND: [u8; 3] = [0xff, 0xff, 0xff];

/// The theme's dark badge text.
pub(crate) const DARK_TEXT: &str = "#111111";
/// The theme's light badge text.
pub(crate) const LIGHT_TEXT: &str = "#ffffff";

const DARK_TEXT_RGB: [u8; 3] = [0x11, 0x11, 0x11];
const LIGHT_TEXT_RGB: [u8; 3] = [0xff, 0xff, 0xff];

/// The WCAG AA contrast ratio for normal text.
pub(crate) const AA_CONTRAST: f64 = 4.5;

/// A status colour ready for a badge.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Badge {
    /// The colour to paint: the site's own spelling when it is a plain opaque
    /// hex colour or lowercase keyword, otherwise the opaque `#rrggbb`.
    pub(crate) background: String,
    /// [`DARK_TEXT`] or [`LIGHT_TEXT`], whichever contrasts more.
    pub(crate) text: &'static str,
    /// The WCAG contrast ratio of `text` on `background`.
    pub(crate) contrast: f64,
}

/// Why a status colour cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ColourProblem {
    /// Not a CSS colour at all.
    NotAColour(String),
    /// A colour on which neither text colour reaches [`AA_CONTRAST`]; with
    /// the best contrast reached and the nearest colour that passes.
    LowContrast {
        /// The better of the two contrasts.
        best: f64,
        /// The nearest darker or lighter colour that passes, as `#rrggbb`.
        suggestion: String,
    },
}

/// Parses `value` as a CSS colour and picks its badge text colour; an error
/// when it is no colour or when neither text colour reaches WCAG AA.
pub(crate) fn badge(value: &str) -> Result<Badge, ColourProblem> {
    let opaque = opaque_rgb(value)?;
    let (text, contrast) = best_text(opaque);
    if contrast < AA_CONTRAST {
        return Err(ColourProblem::LowContrast {
            best: contrast,
            suggestion: hex(nearest_passing(opaque)),
        });
    }
    let background = if is_plain(value) && !has_alpha(value)? {
        value.to_string()
    } else {
        hex(opaque)
    };
    Ok(Badge {
        background,
        text,
        contrast,
    })
}

/// Black or white text, whichever contrasts more on `value`; white for a
/// value that is no colour (site.toml validation refuses those first).
pub(crate) fn text_on(value: &str) -> &'static str {
    opaque_rgb(value).map_or(LIGHT_TEXT, |rgb| best_text(rgb).0)
}

/// WCAG relative luminance of `value` (composited over the page background).
#[cfg(test)]
pub(crate) fn luminance_of(value: &str) -> Option<f64> {
    opaque_rgb(value).ok().map(luminance)
}

/// The WCAG contrast ratio of two colours given as sRGB bytes.
pub(crate) fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// `value` parsed and composited over [`PAGE_BACKGROUND`].
fn opaque_rgb(value: &str) -> Result<[u8; 3], ColourProblem> {
    let colour = csscolorparser::parse(value.trim())
        .map_err(|error| ColourProblem::NotAColour(error.to_string()))?;
    let [r, g, b, a] = colour.clamp().to_array();
    let mix = |channel: f32, under: u8| {
        let under = f32::from(under) / 255.0;
        let value = (channel * a + under * (1.0 - a)) * 255.0;
        // In 0..=255 after the clamp above, so the cast keeps the value.
        value.round().clamp(0.0, 255.0) as u8
    };
    let [br, bg, bb] = PAGE_BACKGROUND;
    Ok([mix(r, br), mix(g, bg), mix(b, bb)])
}

/// Whether `value` has an alpha below 1.
fn has_alpha(value: &str) -> Result<bool, ColourProblem> {
    csscolorparser::parse(value.trim())
        .map(|colour| colour.a < 1.0)
        .map_err(|error| ColourProblem::NotAColour(error.to_string()))
}

/// A spelling safe to write as written: `#` and hex digits, or a lowercase keyword.
fn is_plain(value: &str) -> bool {
    match value.strip_prefix('#') {
        Some(digits) => digits.chars().all(|c| c.is_ascii_hexdigit()),
        None => !value.is_empty() && value.chars().all(|c| c.is_ascii_lowercase()),
    }
}

/// The text colour with the higher contrast on `background`, and that contrast.
fn best_text(background: [u8; 3]) -> (&'static str, f64) {
    let dark = contrast(DARK_TEXT_RGB, background);
    let light = contrast(LIGHT_TEXT_RGB, background);
    if dark > light {
        (DARK_TEXT, dark)
    } else {
        (LIGHT_TEXT, light)
    }
}

/// The WCAG 2 relative luminance of an sRGB colour.
fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let channel = |byte: u8| {
        let value = f64::from(byte) / 255.0;
        if value <= 0.04045 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// The colour nearest `rgb` that passes AA with one of the text colours:
/// mixed toward black (for white text) or toward white (for dark text) in 1%
/// steps, whichever needs the smaller step.
fn nearest_passing(rgb: [u8; 3]) -> [u8; 3] {
    let colour = Color::from_rgba8(rgb[0], rgb[1], rgb[2], 255);
    let (black, white) = (
        Color::new(0.0, 0.0, 0.0, 1.0),
        Color::new(1.0, 1.0, 1.0, 1.0),
    );
    for step in 1..=100u8 {
        let t = f32::from(step) / 100.0;
        for (toward, text) in [(&black, LIGHT_TEXT_RGB), (&white, DARK_TEXT_RGB)] {
            let [r, g, b, _] = colour.interpolate_rgb(toward, t).to_rgba8();
            if contrast(text, [r, g, b]) >= AA_CONTRAST {
                return [r, g, b];
            }
        }
    }
    [0, 0, 0]
}

/// `#rrggbb`.
fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

#[cfg(test)]
mod tests;
