//! `site.toml` is checked like content, publishing keys included.

use super::*;

#[test]
fn site_toml_is_checked_like_content() {
    assert_case(
        "site-toml",
        &[
            error(
                "site.toml",
                2,
                12,
                "`base_url` must be an absolute http(s) URL, not the relative `/tracker/`",
            ),
            error("site.toml", 3, 1, "unknown field `langauge`"),
            error(
                "site.toml",
                6,
                1,
                "unknown field `lable` in [statuses.disputed]",
            ),
        ],
    );
}

#[test]
fn publishing_keys_in_site_toml_are_checked() {
    assert_case(
        "publishing-keys",
        &[
            error(
                "site.toml",
                3,
                17,
                "`custom_domain` must be a bare domain name, not `https://claims.example.org/`",
            ),
            error(
                "site.toml",
                4,
                16,
                "`feed_entries` must be a whole number from 1 to 1000",
            ),
            error(
                "site.toml",
                6,
                1,
                "missing required field `name` in [publisher]",
            ),
            error("site.toml", 7, 8, "unknown publisher kind `robot`"),
            error(
                "site.toml",
                10,
                10,
                "`rating` must be a whole number from 1 (false) to 5 (true), or 0 for no rating",
            ),
        ],
    );
}

#[test]
fn a_status_colour_must_be_a_css_colour_that_badge_text_can_be_read_on() {
    let case = "status-colours";
    let low_contrast = "badge text on `#0008` cannot be read: neither black nor white text \
                        reaches the 4.5 : 1 contrast of WCAG AA (best 4.48 : 1)";
    assert_case(
        case,
        &[
            error("site.toml", 5, 9, low_contrast),
            error(
                "site.toml",
                8,
                9,
                "`color` must be a CSS colour, not `blurple`",
            ),
        ],
    );
    let dir = site(&[&format!("invalid/{case}")]);
    let hints = hints(dir.path());
    assert_eq!(
        hints[0], "a close colour that passes: `color = \"#767676\"`",
        "a computed suggestion that passes"
    );
}
