//! Tests of the body model and of the class/id vocabulary it reads.

use crate::extract::extract;
use crate::extract::vocabulary::{
    Role, classify, is_invitation, is_related_lead, is_social_follow, is_social_handle,
    is_support_call,
};

/// Asserts that the body of `html` holds each of `keep` and none of `drop`.
fn keeps_and_drops(html: &str, keep: &[&str], drop: &[&str]) {
    let text = body(html);
    for k in keep {
        assert!(text.contains(k), "{k:?} missing from {text}");
    }
    for d in drop {
        assert!(!text.contains(d), "{d:?} kept in {text}");
    }
}

/// Two paragraphs of a council story that several tests set beside their boilerplate.
const BRIDGE_STORY: &str = "<p>The council voted on Tuesday to close the old bridge, which has \
    carried traffic over the river since 1931, after engineers found cracks in two of its \
    piers.</p><p>Drivers will have to take the ring road, which adds, on a normal morning, about \
    ten minutes to the trip into town, the council said.</p>";

fn body(html: &str) -> String {
    extract(html.as_bytes(), Some("https://example.com/a"), None).text
}

#[test]
fn a_consent_dialog_is_never_the_body_of_a_short_article() {
    // the shape of a NYT-style page with a two-line wire story: the consent banner holds
    // more text than the article
    let html = r#"<html><body><div id="app">
        <div class="banner-wrap" role="dialog" aria-label="Cookie consent">
        <div class="b1"><p class="b2">We use cookies and similar technologies to recognize
        your repeat visits and preferences, to measure the effectiveness of campaigns, and to
        analyze traffic. To learn more about cookies, including how to disable them, view our
        <a href="/privacy">Cookie Policy</a>. By clicking Accept or continuing to use the
        site, you agree to the use of cookies.</p><button>Accept</button></div></div>
        <main><div><article><header><h1>Cooper Canada year net</h1></header>
        <section name="articleBody"><div class="c1"><p class="c2">Shr 23 cts vs 42 cts Net
        1,387,000 vs 2,532,000 Revs 80.5 mln vs 82.6 mln</p></div></section>
        </article></div></main></div></body></html>"#;
    let article = extract(html.as_bytes(), Some("https://example.com/a"), None);
    assert!(article.text.starts_with("Shr 23 cts"), "{}", article.text);
    assert!(!article.text.contains("cookies"), "{}", article.text);
}

#[test]
fn a_heading_marked_header_is_a_heading_not_the_page_header() {
    // Substack marks its subheadings `header-anchor-post`
    assert_eq!(classify("h2", "", "", "header-anchor-post"), Role::Neutral);
    assert_eq!(classify("div", "", "", "site-header"), Role::Boilerplate);
    let text = body(
        r#"<html><body><article><div class="body markup">
        <p>The first part of the post explains what the tool does and why anyone would want it.</p>
        <h2 class="header-anchor-post">Start with a plan</h2>
        <p>The second part of the post walks through the plan, one careful step after another.</p>
        </div></article></body></html>"#,
    );
    assert!(text.contains("Start with a plan"), "{text}");
}

#[test]
fn a_layout_that_has_a_sidebar_is_not_a_sidebar() {
    for layout in [
        "content-sidebar-wrap",
        "container-wrap no-sidebar",
        "page-width with-sidebar",
        "article sidebar-enabled--false",
        "w-full lg:mr-[--sidebar-container-width]",
    ] {
        assert_eq!(classify("div", "", "", layout), Role::Neutral, "{layout}");
    }
    for sidebar in [
        "sidebar",
        "widget-area sidebar-primary",
        "td-sidebar",
        "rightsidebar",
    ] {
        assert_eq!(
            classify("div", "", "", sidebar),
            Role::Boilerplate,
            "{sidebar}"
        );
    }
}

#[test]
fn disclosures_and_footnotes_are_boilerplate() {
    assert_eq!(
        classify("div", "", "", "dcom-c-disclosure"),
        Role::Boilerplate
    );
    assert_eq!(classify("div", "", "", "footnotes"), Role::Boilerplate);
    assert_eq!(
        classify("div", "", "", "entry-footnotes-content"),
        Role::Boilerplate
    );
}

#[test]
fn headings_left_at_the_end_of_the_body_go() {
    let text = body(
        r#"<html><body><article>
        <p>The article has a first paragraph that is long enough to count as article text.</p>
        <p>And a second paragraph, also long enough, so that the container is clearly chosen.</p>
        <h3>Related posts</h3>
        <ul><li><a href="/x">Another post with a long title here</a></li>
        <li><a href="/y">Yet another post with a long title</a></li></ul>
        </article></body></html>"#,
    );
    assert!(text.ends_with("clearly chosen."), "{text}");
    // a heading that is a list item stays: it is the list's text
    let text = body(
        r#"<html><body><article>
        <p>The article has a first paragraph that is long enough to count as article text.</p>
        <p>And a second paragraph, also long enough, so that the container is clearly chosen.</p>
        <ul><li><h3>organic cotton</h3></li><li><h3>hemp</h3></li></ul>
        </article></body></html>"#,
    );
    assert!(text.ends_with("hemp"), "{text}");
}

#[test]
fn author_boxes_and_carousels_are_boilerplate() {
    for class in [
        "saboxplugin-wrap",
        "bdc-dzftng-AuthorBio",
        "authorbox",
        "swiper-wrapper",
    ] {
        let words = class.to_ascii_lowercase().replace('_', "-");
        assert_eq!(
            classify("div", "", "", &words),
            Role::Boilerplate,
            "{class}"
        );
    }
    let text = body(
        r#"<html><body><article><div class="entry-content">
        <p>The article has a first paragraph that is long enough to count as article text.</p>
        <p>And a second paragraph, also long enough, so that the container is clearly chosen.</p>
        <div class="saboxplugin-wrap"><div class="saboxplugin-desc"><p>Karina holds a degree
        in finance and writes about cleaning, homes and small businesses.</p></div></div>
        </div></article></body></html>"#,
    );
    assert!(!text.contains("Karina"), "{text}");
}

#[test]
fn a_second_copy_of_the_article_goes_but_repeated_lines_stay() {
    let para = |n: u32| {
        format!(
            "<p>Paragraph {n} of the article says something long enough to be a real paragraph \
             of text, with a few clauses, some numbers such as {n}0 and {n}00, and an ending that \
             keeps going for a while before it finally stops here.</p>"
        )
    };
    let copy: String = (1..=6).map(para).collect();
    let html = format!(
        r#"<html><body><article><div class="entry-content"><div class="desktop">{copy}</div>
        <div class="mobile">{copy}</div></div></article></body></html>"#
    );
    let text = body(&html);
    assert_eq!(text.matches("Paragraph 3 of").count(), 1, "{text}");
    assert!(text.ends_with("finally stops here."), "{text}");
    // a caption printed under each picture is the article's own repetition
    let caption = "<p>This webcam image is provided courtesy of the park's conservancy and is \
                   updated every few minutes during the day.</p>";
    let html = format!(
        r#"<html><body><article><div class="entry-content">{}{caption}{}{caption}{}{caption}
        </div></article></body></html>"#,
        para(1),
        para(2),
        para(3)
    );
    assert_eq!(body(&html).matches("webcam image").count(), 3);
}

const INTRO: &str = "<p>The article has a first paragraph that is long enough to count as article \
    text, and it goes on for a while with commas, clauses, and details.</p><p>And a second \
    paragraph, also long enough, so that the container is clearly the one chosen here.</p>";

#[test]
fn a_small_form_inside_the_article_goes_but_a_product_form_stays() {
    let text = body(&format!(
        r#"<html><body><article>{INTRO}<form><table><tr><th>Measured Weight</th>
        <td>52 g</td><td>61 g</td></tr></table></form><p>The closing paragraph of the review
        sums up what the tests found, at some length.</p></article></body></html>"#
    ));
    assert!(!text.contains("Measured Weight"), "{text}");
    assert!(text.ends_with("at some length."), "{text}");
    // a shop's product form that holds most of the page is the article
    let text = body(&format!(
        r#"<html><body><article><p>Katzendecke</p><form class="productform">{INTRO}
        <p>Lieferzeit: 15 - 21 Tage</p></form></article></body></html>"#
    ));
    assert!(text.contains("Lieferzeit"), "{text}");
}

#[test]
fn linked_headings_stay_unless_nothing_of_theirs_follows() {
    let text = body(&format!(
        r##"<html><body><article>{INTRO}<h2><a href="#tools">Tools</a></h2>
        <p>The tools section explains which tools the job needs and where to get them.</p>
        <h2><a href="/more">More on tools</a></h2><ul><li><a href="/a">A post on saws</a></li>
        <li><a href="/b">A post on drills</a></li></ul><h2>Cleaning up</h2><p>The last section
        says how to clean up after the job, which is the dull part.</p></article></body></html>"##
    ));
    assert!(text.contains("Tools\n\nThe tools section"), "{text}");
    assert!(!text.contains("More on tools"), "{text}");
    assert!(text.contains("Cleaning up"), "{text}");
}

#[test]
fn a_list_item_that_is_mostly_a_link_stays() {
    let text = body(&format!(
        r#"<html><body><article>{INTRO}<ul><li><a href="/r">The Four Seasons Resort Bora
        Bora</a> (lagoon views)</li><li><a href="/x">Only a link to another page</a></li></ul>
        </article></body></html>"#
    ));
    assert!(text.contains("Bora Bora (lagoon views)"), "{text}");
    assert!(!text.contains("Only a link"), "{text}");
}

#[test]
fn a_header_class_that_more_words_qualify_is_no_page_header() {
    for wrapper in [
        "kt-accordion-wrap kt-pane-header-alignment-left",
        "listicle-header-block",
    ] {
        assert_eq!(classify("div", "", "", wrapper), Role::Neutral, "{wrapper}");
    }
    for header in ["site-header", "page-header sticky", "header"] {
        assert_eq!(
            classify("div", "", "", header),
            Role::Boilerplate,
            "{header}"
        );
    }
}

#[test]
fn profile_and_skip_classes_do_not_mark_boilerplate() {
    // a guide's sections about each company (`mover-profile`) and a blog's topic sections
    // (`skip-item`, the targets of its table of contents) are the article
    assert_eq!(
        classify("div", "", "", "mover-profile reviews"),
        Role::Neutral
    );
    assert_eq!(classify("div", "", "", "skip-item topic1"), Role::Neutral);
    let text = body(
        r#"<html><body><article><h1>The best movers</h1>
        <p>We evaluated a hundred local movers over six months and ranked them by price and care.</p>
        <div class="mover-profile"><section><p>Customers praise the first company for careful
        handling of belongings, a quick process and clear rates from the first call.</p></section></div>
        </article></body></html>"#,
    );
    assert!(text.contains("Customers praise"), "{text}");
}

#[test]
fn sibling_sections_with_article_text_join_the_container() {
    // a page builder puts the article in sections side by side: the best one is the container,
    // its siblings holding paragraphs of their own join it; a link list beside them does not
    let text = body(
        r#"<html><body><div class="page">
        <div class="section"><p>The first section of the article holds the longest run of text,
        with several sentences about the harbour, the ships, the people who work there and the
        trade that keeps the town alive through the long winter months.</p>
        <p>It goes on with a second paragraph, about the fishing fleet, the prices at the market,
        and the old families who still run the boats as their grandparents did.</p></div>
        <div class="section"><p>A second section adds a shorter paragraph about the new ferry and its timetable.</p></div>
        <div class="section"><ul><li><a href="/a">Other news one</a></li>
        <li><a href="/b">Other news two</a></li><li><a href="/c">Other news three</a></li></ul></div>
        </div></body></html>"#,
    );
    assert!(text.contains("the new ferry"), "{text}");
    assert!(!text.contains("Other news"), "{text}");
}

#[test]
fn invitations_to_follow_on_social_networks_go() {
    assert!(is_social_follow(
        "follow the gleaner on twitter and instagram @jamaicagleaner."
    ));
    assert!(is_social_follow("folgt uns auf instagram!"));
    assert!(!is_social_follow("connect with elizabeth on instagram"));
    assert!(!is_social_follow(
        "the minister said on twitter that the talks failed."
    ));
    assert!(is_social_handle("instagram: @monsgeek"));
    assert!(!is_social_handle("instagram is a visual commerce leader"));
    let text = body(
        r#"<html><body><article>
        <p>Facebook: the social commerce pioneer, still the largest of the networks by far.</p>
        <p>The long paragraph of the article explains how the shops moved their catalogues to the
        networks, what the merchants pay for it, and why the smaller ones are leaving again after
        two seasons of rising fees and falling reach among their own customers.</p>
        <p>Follow us on Instagram for more stories like this one!</p>
        <p>TikTok: @shopdaily</p>
        </article></body></html>"#,
    );
    assert!(text.contains("social commerce pioneer"), "{text}");
    assert!(!text.contains("Follow us"), "{text}");
    assert!(!text.contains("@shopdaily"), "{text}");
}

#[test]
fn the_lead_of_a_related_list_after_the_article_goes() {
    assert!(is_related_lead("weitere themen"));
    assert!(is_related_lead("related posts:"));
    assert!(!is_related_lead(
        "related to this, the council voted against the plan by a large majority."
    ));
    let text = body(
        r#"<html><body><article>
        <p>Weitere Themen der Sitzung waren der Haushalt und die Schulen, über die der Rat lange
        und mit vielen Wortmeldungen beriet, bevor er am späten Abend die Beschlüsse fasste, die
        für das nächste Jahr gelten sollen, und die Bürger dazu um ihre Meinung bat.</p>
        <p>Auch interessant:</p>
        </article></body></html>"#,
    );
    assert!(text.starts_with("Weitere Themen der Sitzung"), "{text}");
    assert!(!text.contains("Auch interessant"), "{text}");
}

#[test]
fn calls_to_subscribe_after_the_article_go() {
    assert!(is_support_call(
        "this article is exclusive to stat+ subscribers"
    ));
    assert!(is_support_call(
        "for the latest stories download the nationnews apps for ios and android."
    ));
    assert!(is_support_call("unterstütze rosamag bereits mit 2,50!"));
    assert!(!is_support_call(
        "when i upgrade, i donate what i’m replacing."
    ));
    let text = body(
        r#"<html><body><article>
        <p>The council met on Tuesday and voted to keep the harbour open through the winter, after
        a long debate about the cost of dredging the channel and the needs of the fishing fleet,
        which had asked for the decision since the storms of the previous year.</p>
        <p>If you’re already a subscriber, you can log in for immediate access to this story.</p>
        </article></body></html>"#,
    );
    assert!(text.starts_with("The council met"), "{text}");
    assert!(!text.contains("subscriber"), "{text}");
}

#[test]
fn a_disclaimer_in_the_footer_does_not_beat_a_short_article() {
    // the article is a few short lines; the site's footer holds one long disclaimer paragraph
    let html = r#"<html><body><main><section><div><h1>Best practices for rentals</h1>
        <p>A good safety program screens prospective drivers before they rent.</p>
        <p>Key topics discussed in the guide include the rental counter and the fleet.</p>
        </div></section></main>
        <footer><section><div><div><p>This material is not intended to replace the advice of a
        qualified advisor, lawyer or broker. In no event shall the company, its affiliates or
        its employees be liable for any damages, direct or indirect, arising from the use of
        the information, and all of it is provided as is, without warranty of any kind. To
        protect your privacy, do not send personal information via the internet.</p>
        </div></div></section></footer></body></html>"#;
    keeps_and_drops(html, &["Key topics discussed"], &["qualified advisor"]);
}

#[test]
fn a_text_widget_in_the_sidebar_counts_for_less_than_the_post() {
    // the post is a few short paragraphs; the sidebar's widget holds a longer notice
    let html = r#"<html><body><div id="wrapper"><div class="content">
        <div class="post type-post"><h1>Die Stadt steht schwarz</h1>
        <p>Die Stadt steht schwarz gegen den Himmel, die Lichter sind aus.</p>
        <p>Am Morgen ist der Strom wieder da, und alle tun, als wäre nichts gewesen.</p>
        <p>Nur der Bäcker an der Ecke erzählt noch lange davon, wer wollte, hörte zu.</p>
        </div></div>
        <div id="sidebar"><div class="widget sidebar-box"><div class="textwidget">
        <p>Auf diesem Blog gibt es gelegentlich Links zu fremden Webseiten, auf deren Inhalt,
        Gestaltung und Datenschutz ich keinen Einfluss habe, und für die ich deshalb, so sehr ich
        mich auch bemühe, keine Gewähr übernehmen kann. Ob dieser Hinweis nötig ist, weiß ich
        nicht, aber sicher ist sicher, und schaden kann er nicht.</p>
        </div></div></div></div></body></html>"#;
    keeps_and_drops(html, &["Bäcker an der Ecke"], &["fremden Webseiten"]);
}

#[test]
fn interface_lines_such_as_a_table_of_contents_heading_go() {
    // the table of contents' links go as a link list; its heading line went with them
    let html = r#"<html><body><article><div class="entry">
        <p>The guide starts with the basics of the craft, before it turns to the tools.</p>
        <p class="toc-title">Table of Contents:</p>
        <ul><li><a href="/g/basics">Basics</a></li><li><a href="/g/tools">Tools</a></li></ul>
        <h2 id="a">Basics</h2>
        <p>The basics take an afternoon to learn and a lifetime to master, as always.</p>
        <div class="s">Share</div>
        <p>Contents of the box: a hammer, a saw and the book that explains them both.</p>
        </div></article></body></html>"#;
    keeps_and_drops(
        html,
        &["Contents of the box", "lifetime to master"],
        &["Table of Contents", "Share\n"],
    );
}

#[test]
fn an_invitation_to_a_network_or_newsletter_after_the_article_goes() {
    assert!(is_invitation(
        "want more diy projects? follow me on pinterest to see what i'm pinning."
    ));
    assert!(is_invitation("dann abonnieren sie unseren newsletter"));
    assert!(is_invitation(
        "¿ya sabías que tenemos canal de telegram? únete desde tu celular."
    ));
    assert!(!is_invitation(
        "drop your thoughts in the youtube comments."
    ));
    let long = "x".repeat(210);
    let html = format!(
        r#"<html><body><article><div class="entry">
        <p>{long}</p>
        <p>Catch up on our coverage of tools and more, and follow us on Facebook and Instagram.</p>
        </div></article></body></html>"#
    );
    let text = body(&html);
    assert!(!text.contains("follow us"), "{text}");
    assert!(text.contains("xxx"), "{text}");
}

#[test]
fn a_sign_up_form_is_no_container() {
    let html = r#"<html><body><div class="page"><div class="main">
        <p>Der Winter kommt spät in diesem Jahr, sagen die Meteorologen des Wetterdienstes.</p>
        <p>Erst im Januar soll es schneien, und auch dann nur in den höheren Lagen der Alpen.</p>
        </div>
        <form action="/signup"><div class="box"><p>Das Wichtigste zum Thema Energie, alle vier
        Wochen per Mail, kostenlos und jederzeit kündbar, mit Ihrer Adresse, die wir, wie in der
        Datenschutzerklärung beschrieben, nur für diesen Zweck verwenden und niemals, unter
        keinen Umständen, an Dritte weitergeben werden.</p></div></form>
        <ul class="links"><li><a href="/a">Die Wettervorhersage für das Wochenende im Überblick</a></li>
        <li><a href="/b">Unwetterwarnungen für ganz Deutschland auf einer Karte</a></li>
        <li><a href="/c">Der Klimawandel und was er für die Winter in den Alpen bedeutet</a></li>
        <li><a href="/d">Die schönsten Fotos unserer Leserinnen und Leser vom ersten Frost</a></li>
        <li><a href="/e">Archiv: alle Wetterberichte der vergangenen zwölf Monate zum Nachlesen</a></li></ul>
        </div></body></html>"#;
    keeps_and_drops(html, &["Erst im Januar"], &["per Mail"]);
}

#[test]
fn a_collapsed_accordion_panel_is_read_but_other_hidden_boxes_are_not() {
    let text = body(&format!(
        r#"<html><body><article>{INTRO}<h3>Which boots suit wet trails?</h3>
        <div class="faq-item-collapse" style="display: none"><p>Boots with a membrane keep the
        water out, and a high shaft keeps the mud away from the socks.</p></div>
        <h3>How long do soles last?</h3><div style="display:none" role="region"><p>A sole
        lasts about a thousand kilometres before its tread wears flat.</p></div>
        <div class="notice" style="display:none"><p>Your basket is empty, and the offers of the
        week are waiting for you in the shop.</p></div></article></body></html>"#
    ));
    assert!(text.contains("Boots with a membrane"), "{text}");
    assert!(text.contains("A sole lasts"), "{text}");
    assert!(!text.contains("basket"), "{text}");
}

#[test]
fn a_json_object_printed_as_text_goes_but_a_code_sample_stays() {
    let settings = r#"{"layout":2,"buttonText":"Buy now","productTitle":{"tag":"h3","size":18},"price":{"show":true,"currency":"USD"},"image":{"width":320,"height":240},"rating":{"show":false},"badge":"Editor's pick","layoutMobile":1}"#;
    let sample = r#"{ "name": "Ada", "languages": ["English", "French"], "born": 1815, "notes": "The sample object the tutorial sends to the endpoint, with spaces after its keys as people write them by hand." }"#;
    let text = body(&format!(
        r#"<html><body><article>{INTRO}<span hidden>{settings}</span>
        <pre>{sample}</pre><p>{sample}</p></article></body></html>"#
    ));
    assert!(!text.contains("buttonText"), "{text}");
    assert_eq!(text.matches("The sample object").count(), 2, "{text}");
}

#[test]
fn teaser_cards_after_the_article_do_not_make_the_page_the_container() {
    let card = |n: u32| {
        format!(
            r#"<div class="card"><h3><a href="/story-{n}">Another story, number {n}, from the archive</a></h3>
            <p>The excerpt of another story, number {n}, runs for a few lines so that it looks like
            article text, with commas, clauses, and a promise that the full story says more.</p></div>"#
        )
    };
    let cards: String = (1..=5).map(card).collect();
    let html = format!(
        r#"<html><body><div class="wrap"><div class="post">
        {BRIDGE_STORY}</div>
        <div class="more"><h2>Read this next</h2>{cards}</div></div></body></html>"#
    );
    let text = body(&html);
    assert!(text.starts_with("The council voted"), "{text}");
    assert!(text.contains("ten minutes"), "{text}");
    assert!(!text.contains("excerpt of another story"), "{text}");
}

#[test]
fn a_short_blog_post_under_its_linked_title_is_no_teaser() {
    let html = r#"<html><body><div class="main"><div class="post">
        <h3 class="post-title"><a href="/2020/04/hello.html">Hello again</a></h3>
        <div class="post-body">After a long winter the garden is waking up, and so is this
        blog: the tulips are out, the bees are back, and the first radishes are in.</div></div></div>
        <div class="side"><div class="about"><p>Gardener, reader and occasional writer, living
        with two cats and far too many seeds in a small house by the river.</p></div></div>
        </body></html>"#;
    let text = body(html);
    assert!(text.contains("the garden is waking up"), "{text}");
}

#[test]
fn a_long_comment_list_does_not_beat_the_article() {
    let comment = |n: u32| {
        format!(
            r#"<li class="item"><div class="who">Reader {n}</div><div class="said"><p>I have read
            this twice now, and I still think the council is wrong, because the bridge could be
            repaired for less than the new one costs, as an engineer told the paper in {n}.</p>
            <p>And the ring road is already full every morning, so where will the cars go?</p></div></li>"#
        )
    };
    let comments: String = (1..=8).map(comment).collect();
    let html = format!(
        r#"<html><body><div class="page"><div class="story">
        {BRIDGE_STORY}</div>
        <div class="comments"><div class="inner"><ul class="thread">{comments}</ul></div></div>
        </div></body></html>"#
    );
    let text = body(&html);
    assert!(text.starts_with("The council voted"), "{text}");
    assert!(!text.contains("read this twice"), "{text}");
}

#[test]
fn print_edition_copyright_and_comment_notices_go_however_long() {
    let html = r#"<html><body><article><h1>Ferry service returns to the island</h1>
        <p>The ferry to the island runs again from Monday, the harbour office said on Friday,
        after three weeks in which storms had kept the old boat tied up in the port.</p>
        <p>Islanders had crossed in fishing boats meanwhile, and the school had closed twice.</p>
        <p>A version of this article appears in print on March 3, 2024, Section B, Page 2 of the
        Harbour Post edition with the headline: Ferry Returns. Order Reprints | Today's Paper |
        Subscribe</p>
        <p>Copyright 2024 Harbour Post. All rights reserved. This material may not be published,
        broadcast, rewritten or redistributed.</p>
        <p><a href="/c">Read comments</a> | <a href="/p">Post a comment</a><br>Comments are the
        opinions of readers and do not reflect the views of the Harbour Post. Please keep it
        civil.</p>
        <p>Keywords: <a href="/t/ferry">Ferries</a></p>
        </article></body></html>"#;
    keeps_and_drops(
        html,
        &["ferry to the island runs again", "school had closed twice"],
        &[
            "appears in print",
            "All rights reserved",
            "Read comments",
            "Keywords",
        ],
    );
}

#[test]
fn a_post_body_holding_more_than_the_densest_section_is_the_container() {
    // readability's propagation prefers the run of comma-rich paragraphs in the steps wrapper;
    // the content-marked post body holds the intro and the close beside it
    let step = "wipe it, dry it, check it, sand it, dust it, wipe it again, wait, look, touch, \
        and repeat until the surface is smooth, even, clean and dull all over the top and sides";
    let steps: String = (1..=6)
        .map(|n| format!("<h3>Step {n}</h3><p>Step {n}: {step}.</p>"))
        .collect();
    let html = format!(
        r#"<html><body><main><article><div class="entry-content">
        <p>Our old dresser had seen better days, so we gave it a new life.</p>
        <div class="steps"><div class="step-list">{steps}</div></div>
        <p>So there you have it: a dresser that looks new again.</p>
        </div></article></main></body></html>"#
    );
    keeps_and_drops(
        &html,
        &["Our old dresser", "Step 4: wipe it", "So there you have it"],
        &[],
    );
}

#[test]
fn a_papers_keywords_in_plain_words_stay() {
    let html = r#"<html><body><article><h1>Walking and mood in older adults</h1>
        <p>We followed two hundred adults over sixty for a year and asked them each month how
        they felt and how far they had walked, and those who walked more felt better.</p>
        <p>Keywords: walking, mood, ageing, physical activity</p>
        </article></body></html>"#;
    keeps_and_drops(html, &["Keywords: walking, mood"], &[]);
}

#[test]
fn a_post_body_inside_the_picked_wrapper_is_the_container() {
    // a page builder nests each paragraph deep in its own section, so the net-text view picks
    // the wrapper that also holds a promotional box; the content-marked body inside it holds
    // nearly all the article text
    let para = "The council met on Tuesday, heard the residents, weighed the costs, and agreed \
        that the old bridge, closed since the spring floods, will be rebuilt by next summer";
    let sections: String = (1..=4)
        .map(|n| format!("<section><div><div><div><p>{n}. {para}.</p></div></div></div></section>"))
        .collect();
    let html = format!(
        r#"<html><body><div class="wrap"><div class="inner">
        <div class="post-content">{sections}</div>
        <div class="box"><h3>Plan your trip</h3><p>Try our planner free for thirty days.</p></div>
        </div></div></body></html>"#
    );
    keeps_and_drops(
        &html,
        &["1. The council", "4. The council"],
        &["Try our planner"],
    );
}

#[test]
fn a_content_marked_paragraph_is_not_the_container() {
    // a short post: one long paragraph holds all the net text, the closing line is too short to
    // count, and both paragraphs carry the body's class
    let html = r#"<html><body><main><article><h1>Card phones</h1>
        <div class="story"><div class="wrap">
        <p class="article-body__paragraph">Can you help me to understand how a card phone works
        and how the values are stored on the card itself?</p>
        <p class="article-body__paragraph">Thanks</p>
        </div></div></article></main></body></html>"#;
    keeps_and_drops(html, &["how a card phone works", "Thanks"], &[]);
}

#[test]
fn an_id_slugged_from_a_heading_marks_nothing() {
    // heading anchors: "social" and "menu" in the slug of the heading's own text, on the
    // heading and on a section wrapping it; a real menu's id still marks it
    let html = format!(
        r#"<html><body><article><h1>Selling on social networks</h1>{BRIDGE_STORY}
        <h2 id="h-how-social-shopping-changes-retail">How social shopping changes retail</h2>
        <p>Shops now sell where their customers already spend their evenings, scrolling through
        the posts of friends, and the checkout follows them there.</p>
        <div id="menu-planning-for-a-small-cafe"><h3>Menu planning for a small cafe</h3>
        <p>A short menu, changed with the seasons, keeps the waste down and the regulars
        curious about what comes next.</p></div>
        <div id="site-footer-menu-links"><h3>Site links</h3><p>About us, careers, contact and
        the rest of the places a reader might want to go from here.</p></div>
        </article></body></html>"#
    );
    keeps_and_drops(
        &html,
        &[
            "How social shopping changes retail",
            "Menu planning for a small cafe",
            "A short menu, changed",
        ],
        &["About us, careers"],
    );
}

#[test]
fn a_comment_box_notice_does_not_outweigh_a_two_line_article() {
    // a table layout: the article is one short paragraph, the comment box below a list of
    // links holds a longer notice, which the rendering drops as interface text
    let html = r#"<html><body><table><tr><td><h1>Ferry fares rise</h1>
        <div>Ferry fares rise by a tenth in May, the operator said on Friday.</div></td></tr>
        <tr><td><a href="/1">Harbour dredging starts next week</a><br><a href="/2">Council
        names new ferry operator</a><br><a href="/3">Tide tables for the summer</a><br>
        <a href="/4">Letters to the editor</a></td></tr>
        <tr><td><table><tr><td>Read comments | Post a comment<br>Comments are the opinions of
        readers and do not reflect the views of this newspaper.</td></tr></table></td></tr>
        </table></body></html>"#;
    keeps_and_drops(
        html,
        &["Ferry fares rise by a tenth"],
        &["opinions of readers"],
    );
}

#[test]
fn a_section_header_inside_an_article_keeps_its_heading() {
    // an article's sections head themselves with `<header><h2>`; the page's masthead and a
    // header holding more than a heading (a byline) stay boilerplate
    let html = format!(
        r#"<html><body><header><h2>The Valley Times</h2></header><article>
        <header><h1>Bridge to close</h1><p>By Ann Lee, city desk</p></header>{BRIDGE_STORY}
        <section><header><h2>What drivers can do</h2></header>
        <p>The ring road is signposted from the market square, and buses will run every ten
        minutes while the work lasts, the operator said.</p></section></article></body></html>"#
    );
    keeps_and_drops(
        &html,
        &["What drivers can do", "The ring road is signposted"],
        &["The Valley Times", "By Ann Lee"],
    );
}

#[test]
fn ruby_readings_are_not_part_of_the_text() {
    // the readings a Japanese page prints above its characters (`<rt>`, with `<rp>` brackets
    // for browsers without ruby) would cut every sentence a reader quotes
    let html = "<html><body><article><h1>法律</h1><p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>\
        どもへの<ruby>体罰<rt>たいばつ</rt></ruby>を<ruby>禁止<rt>きんし</rt></ruby>する\
        <ruby>法律<rt>ほうりつ</rt></ruby>ができました。<ruby>親<rt>おや</rt></ruby>が\
        <ruby>子<rt>こ</rt></ruby>どもをたたくことは、これからは<ruby>法律<rt>ほうりつ</rt></ruby>\
        で<ruby>禁止<rt>きんし</rt></ruby>されます。</p></article></body></html>";
    keeps_and_drops(
        html,
        &[
            "子どもへの体罰を禁止する法律ができました。",
            "親が子どもをたたく",
        ],
        &["たいばつ", "(こ)"],
    );
}

#[test]
fn lead_words_are_read_off_the_last_part_of_a_class_word() {
    use crate::extract::vocabulary::is_lead;
    for (words, lead) in [
        ("lead", true),
        ("article-lead", true),
        ("article--lead", true),
        ("entry-subtitle", true),
        ("c-page-intro", true),
        ("teaser-text font-serif", true),
        ("article-teaser", true),
        ("node--teaser", true),
        ("news-article--teaser", true),
        ("leader", false),
        ("lead-image-wrap", false),
        ("teaser", false),
        ("teaser-list", false),
        ("entry-excerpt", false),
        ("", false),
    ] {
        assert_eq!(is_lead(words), lead, "{words:?}");
    }
}

#[test]
fn a_lead_printed_between_the_headline_and_the_body_is_kept() {
    // the standfirst sits in the article's header, outside the body's container, and a
    // single article's `teaser-text` carries the word that marks teasers as boilerplate
    let html = format!(
        r#"<html><body><nav><a href="/">Home</a> <a href="/city">City</a></nav>
        <article><header><h1>Bridge to close</h1><p class="article-lead">The town's oldest
        river crossing shuts for two years from March, the council decided.</p></header>
        <div class="article-body">{BRIDGE_STORY}</div></article></body></html>"#
    );
    keeps_and_drops(
        &html,
        &["oldest river crossing shuts", "council voted"],
        &[],
    );
    let html = format!(
        r#"<html><body><div class="news-single"><div class="article"><h1>Bridge to close</h1>
        <div class="teaser-text"><p>The town's oldest river crossing shuts for two years from
        March, the council decided.</p></div><div class="news-text">{BRIDGE_STORY}</div>
        </div></div></body></html>"#
    );
    keeps_and_drops(
        &html,
        &["oldest river crossing shuts", "council voted"],
        &[],
    );
}

#[test]
fn a_deck_beside_the_headline_is_the_lead() {
    // an `<h2>` in the headline's own header is the deck; an excerpt (a theme's copy of the
    // meta description, or of the author's bio) is not
    let html = format!(
        r#"<html><body><article><header><h1>Bridge to close</h1><h2>The town's oldest river
        crossing shuts for two years from March, the council decided.</h2><p class="author-excerpt">
        Ann Lee has covered the council for the Valley Times since 2015 and lives in town.</p>
        </header><div class="article-body">{BRIDGE_STORY}</div></article></body></html>"#
    );
    keeps_and_drops(
        &html,
        &["oldest river crossing shuts", "council voted"],
        &["covered the council"],
    );
}

#[test]
fn leads_of_other_stories_are_not_taken() {
    // teaser texts after the article (another story's lead) and a lead-marked line far from
    // the headline stay out; so does a short lead-marked label
    let html = format!(
        r#"<html><body><article><h1>Bridge to close</h1><p class="lead">Photo</p>
        <div class="article-body">{BRIDGE_STORY}</div></article>
        <div class="teaser"><h2><a href="/b">Harbour reopens</a></h2><div class="teaser-text">
        <p>After two years of repairs the harbour takes ships again from Monday, the port
        said.</p></div></div></body></html>"#
    );
    keeps_and_drops(&html, &["council voted"], &["harbour takes ships", "Photo"]);
    // a boilerplate-marked line inside a lead-marked header is no lead
    let html = format!(
        r#"<html><body><article><h1>Bridge to close</h1><div class="article-intro">
        <p class="disclosure-text">We may earn a commission when you buy through the links on
        this page, at no cost to you.</p></div><div class="article-body">{BRIDGE_STORY}</div>
        </article></body></html>"#
    );
    keeps_and_drops(&html, &["council voted"], &["earn a commission"]);
}

#[test]
fn a_lead_is_found_under_a_headline_that_is_no_h1() {
    // the headline printed in an `<h2>` (the page's title) anchors the lead as an `<h1>` does
    let html = format!(
        r#"<html><head><title>Bridge to close</title></head><body><div class="article">
        <h2>Bridge to close</h2><div class="teaser-text"><p>The town's oldest river crossing
        shuts for two years from March, the council decided.</p></div>
        <div class="news-text">{BRIDGE_STORY}</div></div></body></html>"#
    );
    keeps_and_drops(
        &html,
        &["oldest river crossing shuts", "council voted"],
        &[],
    );
}

#[test]
fn a_lead_follows_a_headline_that_runs_a_kicker_in() {
    // the `<h1>` prints a kicker before the headline the metadata names: it still anchors the
    // lead marked as a teaser right after it
    let html = format!(
        r#"<html><head><meta property="og:title" content="Bridge to close"></head><body>
        <div class="article"><h1><small>Rivertown</small><br> Bridge to close</h1>
        <div class="teaser-text"><p>The town's oldest river crossing shuts for two years from
        March, the council decided.</p></div><div class="news-text">{BRIDGE_STORY}</div></div>
        </body></html>"#
    );
    let text = body(&html);
    let lead = text.find("oldest river crossing shuts");
    let story = text.find("council voted");
    assert!(lead.is_some() && story.is_some() && lead < story, "{text}");
}
