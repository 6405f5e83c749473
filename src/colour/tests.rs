use super::*;

/// (site.toml value, painted background, text colour, its contrast to 2 decimals)
const TABLE: &[(&str, &str, &str, &str)] = &[
    // Named colours: "yellow" used to get white text at 1.07 : 1.
    ("yellow", "yellow", DARK_TEXT, "17.58"),
    ("teal", "teal", LIGHT_TEXT, "4.77"),
    ("Navy", "#000080", LIGHT_TEXT, "16.01"),
    // Short and long hex.
    ("#fff", "#fff", DARK_TEXT, "18.88"),
    ("#15803d", "#15803d", LIGHT_TEXT, "5.02"),
    // Alpha: composited over the white page background, painted opaque.
    ("#15803d80", "#8abf9e", DARK_TEXT, "9.02"),
    ("transparent", "#ffffff", DARK_TEXT, "18.88"),
    ("rgba(0, 0, 0, 0.25)", "#bfbfbf", DARK_TEXT, "10.27"),
    // Functional notations.
    ("rgb(185 28 28)", "#b91c1c", LIGHT_TEXT, "6.47"),
    ("rgb(0, 0, 255)", "#0000ff", LIGHT_TEXT, "8.59"),
    ("hsl(140 70% 30%)", "#17823b", LIGHT_TEXT, "4.89"),
    ("hsla(50, 100%, 50%, 1)", "#ffd500", DARK_TEXT, "13.28"),
];

#[test]
fn any_notation_gets_a_readable_text_colour() {
    for &(value, background, text, ratio) in TABLE {
        let badge = badge(value).unwrap_or_else(|problem| panic!("{value}: {problem:?}"));
        assert_eq!(badge.background, background, "{value}");
        assert_eq!(badge.text, text, "{value}");
        assert_eq!(format!("{:.2}", badge.contrast), ratio, "{value}");
        assert!(badge.contrast >= AA_CONTRAST, "{value}");
        assert_eq!(text_on(value), text, "{value}");
    }
}

#[test]
fn a_mid_grey_is_refused_with_a_passing_suggestion() {
    // #0008 over white is #777777: white text 4.48 : 1, dark text 4.22 : 1.
    let Err(ColourProblem::LowContrast { best, suggestion }) = badge("#0008") else {
        panic!("#0008 must be refused");
    };
    assert_eq!(format!("{best:.2}"), "4.48");
    assert_eq!(suggestion, "#767676");
    let passing = badge(&suggestion).unwrap_or_else(|p| panic!("{p:?}"));
    assert!(passing.contrast >= AA_CONTRAST);
    for refused in ["#787878", "#777", "rgb(119 119 119)"] {
        assert!(
            matches!(badge(refused), Err(ColourProblem::LowContrast { .. })),
            "{refused}"
        );
    }
}

#[test]
fn what_is_no_colour_is_refused() {
    for bad in [
        "",
        "blurple",
        "#12",
        "rgb(1, 2)",
        "red; background: url(x)",
        "expression(1)",
    ] {
        assert!(
            matches!(badge(bad), Err(ColourProblem::NotAColour(_))),
            "{bad}"
        );
    }
}
