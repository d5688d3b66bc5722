//! Tests of what the body keeps of its container's blocks: author boxes at the end, paragraphs
//! that are mostly links, the vocabulary's publication-state classes.

use crate::extract::extract;
use crate::extract::vocabulary::{Role, classify, is_author_box_lead};

fn body(html: &str) -> String {
    extract(html.as_bytes(), Some("https://example.com/a"), None).text
}

/// Five paragraphs of a story about a harbour, long enough to be the article on their own.
const HARBOUR_STORY: &str = "<p>The harbour board agreed on Monday to dredge the inner basin \
    before the autumn storms, after two fishing boats ran aground there in the spring.</p>\
    <p>The work will take six weeks and close the slipway to private boats, the board said, \
    though the ferry will keep its usual timetable throughout.</p>\
    <p>Fishermen had asked for the dredging for three years; silt carried down by the river \
    has raised the floor of the basin by almost a metre since the last works.</p>\
    <p>The board will pay for most of it from the mooring fees it raised last year, with a \
    grant from the county covering the rest of the cost.</p>\
    <p>A public meeting on the timetable will be held in the harbour office next Thursday \
    evening, and the plans can be seen there until then.</p>";

fn page_with(after: &str) -> String {
    format!(
        "<html><body><article><h1>Harbour to be dredged</h1>{HARBOUR_STORY}{after}</article></body></html>"
    )
}

#[test]
fn an_author_box_after_the_article_goes_with_its_bio() {
    for lead in [
        "About the Author",
        "Contributing Writer",
        "Written by Mara Lind",
        "Über die Autorin:",
    ] {
        let html = page_with(&format!(
            "<h3>{lead}</h3><p>Mara Lind is a reporter who has covered the coast for the paper \
             since 2015 and writes about fishing, ferries and the weather.</p>"
        ));
        let text = body(&html);
        assert!(text.contains("public meeting on the timetable"), "{text}");
        assert!(!text.contains(lead), "{lead:?} kept in {text}");
        assert!(
            !text.contains("covered the coast"),
            "the bio after {lead:?} kept: {text}"
        );
    }
}

#[test]
fn an_author_line_in_the_first_half_stays() {
    // a byline opening the article is no author box: nothing after it is cut
    let html = format!(
        "<html><body><article><h1>Harbour to be dredged</h1><p>Written by Mara Lind</p>\
         {HARBOUR_STORY}</article></body></html>"
    );
    let text = body(&html);
    assert!(text.contains("The harbour board agreed"), "{text}");
    assert!(text.contains("public meeting on the timetable"), "{text}");
}

#[test]
fn author_box_leads_are_short_lines() {
    assert!(is_author_box_lead("About the authors"));
    assert!(is_author_box_lead("Latest posts by Mara Lind (see all)"));
    assert!(is_author_box_lead("Staff Writer"));
    assert!(!is_author_box_lead("Contributors to the fund"));
    assert!(!is_author_box_lead(
        "About the author of the report, little is known except that she worked for the board for years."
    ));
}

#[test]
fn a_paragraph_of_links_with_a_clause_of_its_own_stays() {
    let html = page_with(
        "<p>The board's <a href=\"/r\">report on the silting of the inner basin</a> and the \
         <a href=\"/m\">minutes of Monday's meeting</a> are online, with the county's answer.</p>\
         <p><a href=\"/1\">Ferry timetable for the autumn</a> <a href=\"/2\">Mooring fees</a> \
         <a href=\"/3\">Harbour office opening hours</a></p>",
    );
    let text = body(&html);
    assert!(text.contains("report on the silting"), "{text}");
    assert!(
        !text.contains("Mooring fees"),
        "a list of links kept: {text}"
    );
}

#[test]
fn a_publication_state_class_marks_nothing() {
    let el = |class: &str| classify("div", "", "", class);
    assert_eq!(el("node node-article node-published"), Role::Neutral);
    assert_eq!(el("paragraph paragraph--published"), Role::Neutral);
    assert_eq!(el("state-published"), Role::Neutral);
    assert_eq!(el("published"), Role::Boilerplate);
    assert_eq!(el("entry-published"), Role::Boilerplate);
    // the article in a Drupal node marked published is the body
    let html = format!(
        "<html><body><div class=\"node node-published\"><h1>Harbour to be dredged</h1>\
         {HARBOUR_STORY}</div><div class=\"sidebar\"><p>Weather</p></div></body></html>"
    );
    assert!(body(&html).contains("public meeting on the timetable"));
}
