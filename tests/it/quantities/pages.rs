//! Amounts on claim pages and in the dot plot: the claimed value, what each
//! piece of evidence reports, and the plot's text alternative and scale.

use super::{FORMS, built, claim_page};
use crate::common::html::{attrs, texts};

#[test]
fn every_form_of_amount_reads_as_stated_on_its_claim_page() {
    let dir = built();
    for (id, display) in FORMS {
        let html = claim_page(dir.path(), id);
        assert_eq!(
            texts(&html, ".facts dd strong"),
            [display],
            "the claimed value of {id}"
        );
    }
}

#[test]
fn evidence_reports_its_amount_with_the_qualifier_and_range_in_words() {
    let dir = built();
    let log = claim_page(dir.path(), "log-plot");
    assert_eq!(
        texts(&log, ".reported"),
        [
            "Reports 2 trillion to 5 trillion tokens",
            "Reports about 90 billion tokens"
        ]
    );
    let linear = claim_page(dir.path(), "linear-plot");
    assert_eq!(
        texts(&linear, ".reported"),
        ["Reports about 20 to 25%", "Reports 22.5%"]
    );
}

#[test]
fn the_plot_of_values_spanning_over_100_times_is_logarithmic() {
    let dir = built();
    let html = claim_page(dir.path(), "log-plot");
    let summary = "Claimed over 15 trillion tokens; 2 sources report 2 trillion to 5 trillion tokens and about 90 billion tokens; log scale.";
    assert_eq!(attrs(&html, ".dot-plot svg", "aria-label"), [summary]);
    assert_eq!(texts(&html, ".dot-plot figcaption"), [summary]);
    assert_eq!(
        texts(&html, ".dot-plot .axis-label"),
        ["100 billion", "10 trillion", "tokens · log scale"],
        "ticks at powers of ten (every other one: three 11-character labels \
         would overlap at a phone's label size), the long unit and the scale said once"
    );
    assert_eq!(
        attrs(&html, ".dot-plot .dot", "class"),
        ["dot dot-claimed open", "dot dot-contradicts"],
        "`over` is an open dot; the range is a bar, not a dot"
    );
    assert_eq!(attrs(&html, ".dot-plot rect.range", "class").len(), 1);
    let arrow_tip: f64 = attrs(&html, ".dot-plot .arrow", "x2")[0].parse().unwrap();
    let claimed_x: f64 = attrs(&html, ".dot-plot .dot", "cx")[0].parse().unwrap();
    assert!(arrow_tip > claimed_x, "`over` points towards larger values");
    assert_eq!(
        attrs(&html, ".dot-plot .ring", "cx").len(),
        1,
        "`about` is ringed"
    );
}

#[test]
fn the_plot_stays_linear_up_to_a_hundredfold() {
    let dir = built();
    let linear = claim_page(dir.path(), "linear-plot");
    assert_eq!(
        texts(&linear, ".dot-plot figcaption"),
        ["Claimed 35%; 2 sources report about 20 to 25% and 22.5%."]
    );
    assert_eq!(
        texts(&linear, ".dot-plot .axis-label"),
        ["20%", "35%"],
        "both ends of a linear scale, no log-scale note"
    );
    let hundredfold = claim_page(dir.path(), "hundredfold");
    let summary = "Claimed 100x; 1 source reports 1x.";
    assert_eq!(
        attrs(&hundredfold, ".dot-plot svg", "aria-label"),
        [summary]
    );
    assert_eq!(texts(&hundredfold, ".dot-plot .axis-label"), ["1x", "100x"]);
}

#[test]
fn claims_without_reported_values_have_no_plot() {
    let dir = built();
    for (id, _) in FORMS {
        let html = claim_page(dir.path(), id);
        assert!(texts(&html, ".dot-plot").is_empty(), "{id}");
    }
}

#[test]
fn the_largest_numbers_are_placed_on_the_plot() {
    // `max - min` of -1.8e308 and 1.8e308 is infinite: every dot was at NaN.
    let dir = super::fixture();
    let claim = "+++\ntitle = \"The largest numbers\"\ndate = 2026-04-04\nclaimant = \"northwind-lab\"\n\
                 status = \"disputed\"\n\n[quantity]\nlabel = \"L\"\nvalue = 1.7976931348623157e308\nunit = \"x\"\n\n\
                 [[citations]]\nsource = \"indie-bench\"\nurl = \"https://example.org/bench/huge\"\n\
                 stance = \"contradicts\"\nvalue = -1.7976931348623157e308\n+++\n";
    std::fs::write(dir.path().join("content/claims/largest.md"), claim).unwrap();
    claimtrail::build(&crate::common::options(dir.path())).unwrap();
    let html = super::claim_page(dir.path(), "largest");
    let places: Vec<f64> = attrs(&html, ".dot-plot .dot", "cx")
        .iter()
        .map(|x| x.parse().unwrap())
        .collect();
    assert_eq!(places.len(), 2);
    assert!(places.iter().all(|x| x.is_finite()), "{places:?}");
    assert!(
        places[0] > places[1],
        "the claimed value is right of the evidence: {places:?}"
    );
}
