//! Tests of the author cascade and its name cleaning.

use super::*;

fn c(s: &str) -> Vec<String> {
    clean(&[s.to_string()], Some("The Daily"))
}

fn t(blocks: &[&str]) -> Vec<String> {
    from_text(blocks.iter().copied())
}

#[test]
fn declared_names_are_kept_as_written() {
    let d = |s: &str| clean_declared(&[s.to_string()], None);
    assert_eq!(d("kirstin boatto"), vec!["kirstin boatto"]);
    assert_eq!(d("r23"), vec!["r23"]);
    assert_eq!(d("Redaktion"), vec!["Redaktion"]);
    assert_eq!(d("Jane Doe, Staff Writer"), vec!["Jane Doe"]);
    assert!(d("2024-10-25").is_empty());
    assert!(d("https://x.example/author/jane").is_empty());
    // visible bylines still need capitalised names
    assert!(c("kirstin boatto").is_empty());
}

#[test]
fn commenters_and_trailing_interface_words() {
    assert!(c("Art Edwards says").is_empty());
    assert_eq!(c("Karl Ruppert More Posts"), vec!["Karl Ruppert"]);
    assert_eq!(c("Veröffentlicht von Chris Jung"), vec!["Chris Jung"]);
    assert_eq!(c("vom Support Team"), vec!["Support Team"]);
    assert_eq!(c("View all posts by Daniel Lemire"), vec!["Daniel Lemire"]);
    assert_eq!(c("Zeige alle Beiträge von Cem Basman"), vec!["Cem Basman"]);
    assert!(c("View my complete profile").is_empty());
}

#[test]
fn bylines_in_text_blocks() {
    assert_eq!(
        t(&["Menu", "By Sofia Gonzalez December 2, 2025", "Body text."]),
        vec!["Sofia Gonzalez"]
    );
    assert_eq!(
        t(&["Posted on September 21, 2020 by Adi Tzlil"]),
        vec!["Adi Tzlil"]
    );
    assert_eq!(t(&["Written by", "Edzel Tabing"]), vec!["Edzel Tabing"]);
    assert_eq!(t(&["Autor: Peter Maahn"]), vec!["Peter Maahn"]);
    assert_eq!(
        t(&["Von Roland Brockmann und Sebastian Drescher"]),
        vec!["Roland Brockmann", "Sebastian Drescher"]
    );
    assert_eq!(
        t(&["John Crenshaw in seo", "Written by John Crenshaw"]),
        vec!["John Crenshaw"]
    );
    assert!(t(&["Photo by Jane Doe", "Seite 1 von 1"]).is_empty());
    assert!(t(&["Powered by WordPress"]).is_empty());
    assert!(t(&["Nordish by Nature", "Wir verzichten auf Pestizide"]).is_empty());
    assert!(t(&["Ein Bericht von Monstersternen und Planeten"]).is_empty());
    assert!(t(&["Das Weltall: Von Monstersternen und Galaxien"]).is_empty());
    assert!(t(&["Festgenommen, von der Polizei Berlin"]).is_empty());
}

#[test]
fn leading_words_go() {
    assert_eq!(c("By Anna Petrova"), vec!["Anna Petrova"]);
    assert_eq!(c("Von Max Mustermann"), vec!["Max Mustermann"]);
    assert_eq!(c("Por María García"), vec!["María García"]);
    assert_eq!(c("BY JOHN ROE"), vec!["JOHN ROE"]);
}

#[test]
fn job_titles_after_the_name_go() {
    assert_eq!(c("Keith Barry Senior Autos Reporter"), ["Keith Barry"]);
    assert_eq!(
        c("Mateusz Haberny Founder at Oakywood"),
        ["Mateusz Haberny"]
    );
    assert_eq!(
        c("Celeste Longacre Gardener, Astrologer"),
        ["Celeste Longacre"]
    );
    assert_eq!(
        c("Brett Cruz, Privacy, Digital Security Expert"),
        ["Brett Cruz"]
    );
    assert_eq!(c("Jane Doe, John Roe"), ["Jane Doe", "John Roe"]);
    assert_eq!(c("Mary Ann Writer"), ["Mary Ann"]);
    assert_eq!(
        c("Guide by Will Judd Former Deputy Tech Editor"),
        ["Will Judd"]
    );
}

#[test]
fn outlet_beside_a_person_goes() {
    assert_eq!(c("Jane Roe, The Daily"), ["Jane Roe"]);
    assert_eq!(c("Ernst Lohoff | jungle.world"), ["Ernst Lohoff"]);
    assert_eq!(c("The Daily"), ["The Daily"], "alone, the outlet signs");
}

#[test]
fn pairs_and_lists_split() {
    assert_eq!(c("By Jane Doe and John Roe"), vec!["Jane Doe", "John Roe"]);
    assert_eq!(
        c("Jane Doe, John Roe & Ann Lee"),
        vec!["Jane Doe", "John Roe", "Ann Lee"]
    );
}

#[test]
fn dates_roles_and_publications_go() {
    assert_eq!(c("By Jane Doe | October 25, 2024"), vec!["Jane Doe"]);
    assert_eq!(c("Jane Doe, Staff Writer"), vec!["Jane Doe"]);
    assert_eq!(c("Jane Doe - Staff"), vec!["Jane Doe"]);
    assert_eq!(c("Name"), Vec::<String>::new());
    assert!(c("https://www.facebook.com/janedoe").is_empty());
    assert!(c("Updated 2 hours ago").is_empty());
}

fn page_authors(html: &str) -> Vec<String> {
    crate::extract::extract(html.as_bytes(), Some("https://news.example/a"), None).authors
}

#[test]
fn a_header_byline_outweighs_the_outlet_signing() {
    let page = |header: &str| {
        format!(
            r#"<html><head><meta property="og:site_name" content="Finanzen Daily">
            <meta name="author" content="Finanzen Daily"></head><body><article>
            <h1>Die Jungen entdecken die Börse</h1>{header}
            <p>Niedrige Zinsen und der anhaltende Aktienboom locken junge Anleger an die Börse,
            und viele von ihnen handeln über Apps, die Influencer empfehlen.</p></article></body></html>"#
        )
    };
    assert_eq!(
        page_authors(&page("<p>Von David Hutzler, dpa</p>")),
        ["David Hutzler"]
    );
    // in a list of tags, "von" is a particle; the outlet still signs
    assert_eq!(
        page_authors(&page(
            "<p>Forschung, Georg von Below, Gerhard Ritter, Heinz Duchhardt</p>"
        )),
        ["Finanzen Daily"]
    );
}

#[test]
fn credit_labels_are_not_names() {
    assert_eq!(c("Text & Fotos: Ivan Valetny"), ["Ivan Valetny"]);
    assert_eq!(c("Text und Bild: Anna Weber"), ["Anna Weber"]);
}

#[test]
fn the_publisher_meta_names_the_outlet() {
    let html = r#"<html><head><meta name="author" content="Auto Illustrierte">
        <meta name="publisher" content="Auto Illustrierte"></head><body><article>
        <h1>Winterhechte im Bielersee</h1><div class="author">Text &amp; Fotos: Ivan Valetny</div>
        <p>Wenn das Wasser kalt wird, ziehen die großen Hechte in die Tiefe, und wer sie fangen will,
        braucht Geduld, schwere Köder und einen warmen Mantel.</p></article></body></html>"#;
    assert_eq!(page_authors(html), ["Ivan Valetny"]);
}

#[test]
fn a_labelled_byline_outweighs_an_organisation_signing() {
    let html = r#"<html><head><meta name="author" content="Hanns-Seidel-Stiftung e.V."></head>
        <body><article><h1>Große Aufgaben für die neue Regierung</h1>
        {}
        <p>Autorin: Uta Staschewski, Projektleiterin der HSS in Tunesien.</p></article></body></html>"#;
    // the label closes the article, far below the header
    let paragraph = "<p>Die neue Regierung hat die Möglichkeit, die Fragmentierung der bisherigen \
        Regierung zu korrigieren und Reformen voranzutreiben, wenn das Parlament mitzieht.</p>";
    let html = html.replace("{}", &paragraph.repeat(20));
    assert_eq!(page_authors(&html), ["Uta Staschewski"]);
    assert!(is_organisation("Bund der Energieverbraucher e.V."));
    assert!(!is_organisation("Jane Doe"));
}

#[test]
fn a_desk_in_a_byline_box_signs_when_nothing_else_does() {
    let html = |byline: &str| {
        format!(
            r#"<html><body><article><h1>Gitarre und Bass im Februar</h1>
            <span class="byline author">{byline}</span>
            <p>In dieser Ausgabe testen wir sechs Verstärker, zwei Bässe und eine Gitarre aus den
            Sechzigern, die ein Leser auf dem Dachboden gefunden hat.</p></article></body></html>"#
        )
    };
    assert_eq!(page_authors(&html("von Redaktion, ")), ["Redaktion"]);
    assert_eq!(page_authors(&html("By Staff Writer")), ["Staff Writer"]);
}

#[test]
fn a_publisher_meta_is_read_as_an_author_meta_is() {
    let html = r#"<html><head><meta name="author" content="Deutsche Welle (www.dw.com)">
        <meta name="publisher" content="Deutsche Welle (www.dw.com)">
        <meta property="og:site_name" content="DW.COM"></head><body><article>
        <h1>La perte des terres fertiles</h1>{}
        <p>Auteur : Kossivi Tiassou</p></article></body></html>"#;
    let paragraph = "<p>Des millions d'hectares de terres fertiles sont perdus chaque année à \
        cause de la dégradation de la biodiversité, selon une étude menée à Dakar.</p>";
    let html = html.replace("{}", &paragraph.repeat(20));
    assert_eq!(page_authors(&html), ["Kossivi Tiassou"]);
}

#[test]
fn a_byline_line_of_a_long_block_split_by_br() {
    let long = "Die Stadt plant für das kommende Jahr eine neue Umgehungsstraße, über die der \
        Gemeinderat am Dienstag lange und kontrovers beraten hat.";
    let block = format!("{long}\nAutor: Klausmartin Friedrich\nTags: Verkehr, Stadtrat");
    assert_eq!(t(&[block.as_str()]), ["Klausmartin Friedrich"]);
    // a lead word inside a line of the block is no byline
    let block =
        format!("{long}\nEin Bericht über Straßen von Klausmartin Friedrich\nTags: Verkehr");
    assert!(t(&[block.as_str()]).is_empty());
}

#[test]
fn a_date_time_and_name_line_before_the_h1() {
    let html = |line: &str| {
        format!(
            r#"<html><body><article><p class="meta">{line}</p>
            <h1>Stellungnahme zum Pferdesport</h1>
            <p>Der Verband hat am Freitag eine ausführliche Stellungnahme zu den Vorwürfen
            veröffentlicht, die in den vergangenen Wochen gegen mehrere Ställe erhoben wurden.</p>
            </article></body></html>"#
        )
    };
    assert_eq!(
        page_authors(&html("04.02.2022 | 13:10 Uhr | Uta Helkenberg")),
        ["Uta Helkenberg"]
    );
    // two parts that are not a date or a time: no byline
    assert!(page_authors(&html("04.02.2022 | Zucht | Uta Helkenberg")).is_empty());
}

#[test]
fn the_author_field_of_a_byline_of_labelled_fields() {
    assert_eq!(
        c("Datum: 19.11.2021 Autor: Fritz Imhof Quelle: Livenet"),
        ["Fritz Imhof"]
    );
    // without another label before it, the byline is read as before
    assert_eq!(c("Autor: Fritz Imhof"), ["Fritz Imhof"]);
}

#[test]
fn interface_words_of_byline_boxes_are_no_names() {
    assert!(c("Sign In").is_empty());
    assert!(c("No Author").is_empty());
    assert!(c("Follow").is_empty());
    assert_eq!(c("Ray Ansari"), ["Ray Ansari"]);
}

#[test]
fn a_handle_or_a_desk_declared_yields_to_a_byline_name() {
    let page = |meta: &str, byline: &str| {
        format!(
            r#"<html><head><meta name="author" content="{meta}"></head><body><article>
            <h1>Was tun gegen Darmprobleme?</h1><div class="author">{byline}</div>
            <p>Ein Blähbauch, Krämpfe oder Verstopfung: Viele Menschen leiden regelmäßig unter
            Darmproblemen, und die Ernährung spielt dabei eine große Rolle.</p></article></body></html>"#
        )
    };
    assert_eq!(
        page_authors(&page("link78", "Ophélie Ostermann")),
        ["Ophélie Ostermann"]
    );
    assert_eq!(
        page_authors(&page("admin", "Von Tobias Kuske")),
        ["Tobias Kuske"]
    );
    // words of the interface are no person's name
    assert_eq!(
        page_authors(&page("freeman1984", "in Uncategorized")),
        ["freeman1984"]
    );
}

#[test]
fn one_word_dated_after_its_lead_is_a_name() {
    assert_eq!(
        t(&["Gespeichert von rasos am 24. Juli 2017 - 18:55"]),
        ["rasos"]
    );
    assert_eq!(
        t(&["Geschrieben von Cooper am 25.08.2015 22:30"]),
        ["Cooper"]
    );
    assert_eq!(t(&["Beitrag von r23 » 21.01.2009, 05:42"]), ["r23"]);
    // a blog theme's time of posting after "@"
    assert_eq!(t(&["Posted by Konstantin @ 12:00 am"]), ["Konstantin"]);
    assert!(t(&["Posted by Konstantin @ home"]).is_empty());
    assert!(t(&["Ein Flug von Frankfurt am Main nach Berlin"]).is_empty());
    // a full name anywhere comes first
    assert_eq!(
        t(&[
            "Gespeichert von human am 7. Juli 2019",
            "Von Margarita Koreneva"
        ]),
        ["Margarita Koreneva"]
    );
}

#[test]
fn a_job_title_before_the_name_goes() {
    assert_eq!(c("Bundespräsident Johannes Rau"), ["Johannes Rau"]);
    assert_eq!(
        clean_declared(
            &["Von FOCUS-Online-Experte Robin Tschöpe".to_string()],
            None
        ),
        ["Robin Tschöpe"]
    );
    // with one word after it, the title may be the name
    assert_eq!(c("Rechtsanwalt Müller"), ["Rechtsanwalt Müller"]);
}

#[test]
fn the_site_name_signing_is_one_name() {
    assert_eq!(
        clean_declared(&["Jobs & Hire".to_string()], Some("Jobs & Hire")),
        ["Jobs & Hire"]
    );
    assert_eq!(
        clean_declared(&["Jobs & Hire".to_string()], None),
        ["Jobs", "Hire"]
    );
}

#[test]
fn by_glued_to_initials() {
    assert_eq!(t(&["ByJ.R. Stone"]), ["J.R. Stone"]);
}

#[test]
fn the_author_labels_of_a_field_list() {
    assert_eq!(
        c("Datum: 19.11.2021 Auteur: Jean Dupont Quelle: Livenet"),
        ["Jean Dupont"]
    );
}

#[test]
fn names_alone_on_the_line_under_the_headline() {
    let page = |meta: &str, line: &str| {
        format!(
            r#"<html><head><meta property="og:site_name" content="Makronom">{meta}</head><body>
            <article><h1>Warum es ein Ressourcenschutzgesetz braucht</h1>{line}
            <p>Der Verbrauch von Rohstoffen wächst weltweit, und mit ihm wachsen die Folgen für
            Klima, Umwelt und die Menschen in den Abbauländern.</p></article></body></html>"#
        )
    };
    let outlet = r#"<meta name="author" content="Makronom">"#;
    assert_eq!(
        page_authors(&page(
            outlet,
            "<ul><li>Clara Löw, Siddharth Prakash &amp; Klaus Jacob</li></ul>"
        )),
        ["Clara Löw", "Siddharth Prakash", "Klaus Jacob"]
    );
    // one name alone under the headline is read only when nothing else names the author
    assert_eq!(
        page_authors(&page(
            "",
            r#"<div><a href="/team/tt">Trond Teigen</a></div>"#
        )),
        ["Trond Teigen"]
    );
    assert_eq!(
        page_authors(&page(outlet, "<div>Trond Teigen</div>")),
        ["Makronom"]
    );
    for junk in [
        "<div>Share This</div>",
        "<h2>Quick Links</h2>",
        "<p>Vielen Dank!</p>",
        "<ul><li>Trond Teigen</li></ul>",
    ] {
        assert!(page_authors(&page("", junk)).is_empty(), "{junk}");
    }
}

#[test]
fn a_name_signing_as_the_site_keeps_its_brackets() {
    let site = "Claight Corporation (Expert Market Research)";
    assert_eq!(clean_declared(&[site.to_string()], Some(site)), vec![site]);
}

#[test]
fn interface_fields_beside_the_name_go() {
    assert_eq!(
        c("Autor: Gàbor Muniér , Datum: 15.Jun.19 , Anzahl der Kommentare: 0"),
        ["Gàbor Muniér"]
    );
    assert!(c("abgelegt unter: Weltweit Vatikan LGBTI+ Feindlichkeiten").is_empty());
    // several labels in one piece stay for the field reader
    assert_eq!(
        c("Datum: 19.11.2021 Autor: Fritz Imhof Quelle: Livenet"),
        ["Fritz Imhof"]
    );
}

#[test]
fn a_commenters_line_goes_whole_and_editors_anywhere() {
    assert!(c("Ay, caramba sagt:").is_empty());
    assert!(c("Revised Edition Edited by Adrian Parr").is_empty());
    assert_eq!(
        c("Written by Jane Doe | Fact checked by John Roe"),
        ["Jane Doe"]
    );
    assert!(c("Updated by John Roe").is_empty());
}

#[test]
fn a_picture_credit_ends_the_name() {
    assert_eq!(
        t(&["Text von Christian Seiler Illustration von Markus Roost"]),
        ["Christian Seiler"]
    );
}

#[test]
fn declared_agencies_are_co_authors() {
    let d = |s: &str| clean_declared(&[s.to_string()], None);
    assert_eq!(d("det/dpa"), ["det", "dpa"]);
    assert_eq!(d("AFP/The Local"), ["AFP", "The Local"]);
    // a visible byline still drops them
    assert_eq!(c("Von Jane Doe, dpa"), ["Jane Doe"]);
}

#[test]
fn an_address_written_out_in_an_author_meta_is_no_name() {
    let html = r#"<html><head><meta name="author" content="cipha[at]cipha.net"></head>
        <body><h1>Makrophotos</h1><span class="author vcard"><span class="fn">c1ph4</span></span>
        <p>Text of the post, long enough to be the body of the page and nothing else.</p></body></html>"#;
    assert_eq!(page_authors(html), ["c1ph4"]);
}

#[test]
fn a_list_of_posts_signs_with_its_first_author() {
    let post = |who: &str| {
        format!(
            r#"<article><h2>Post</h2><span class="author vcard"><a class="url fn n" href="/a">{who}</a></span>
            <p>Text of a post on the blog's front page, long enough to be read as a paragraph.</p></article>"#
        )
    };
    let html = format!(
        "<html><body><h1>Blog</h1>{}{}{}{}</body></html>",
        post("uriebe"),
        post("uriebe"),
        post("Tom Stelling"),
        post("Tom Stelling")
    );
    assert_eq!(page_authors(&html), ["uriebe"]);
}

#[test]
fn a_user_name_dated_in_a_byline_box() {
    let html = r#"<html><body><h1>Was ist Freie Software</h1>
        <p class="author">Beitrag von r23 » 21.01.2009, 05:42</p>
        <p>Freie Software ist Software, die jeder benutzen, verstehen, verbreiten und verbessern darf; so schreibt es Georg Greve.</p>
        </body></html>"#;
    assert_eq!(page_authors(html), ["r23"]);
}

#[test]
fn the_copyright_holder_of_a_personal_site_signs() {
    let page = |canonical: &str| {
        format!(
            r#"<html><head><link rel="canonical" href="{canonical}"><title>Mercurial and Python 3</title></head>
            <body><h1>Mercurial and Python 3</h1><p>The long text of the post about porting a large program to a new version of its language.</p>
            <div id="footer"><p>Copyright (c) 2012- Gregory Szorc. All rights reserved.</p></div></body></html>"#
        )
    };
    assert_eq!(
        page_authors(&page("https://gregoryszorc.com/blog/x")),
        ["Gregory Szorc"]
    );
    // on a company's site the holder is no author
    assert!(page_authors(&page("https://example-software.com/blog/x")).is_empty());
}

#[test]
fn the_agency_of_a_dateline_signs_when_nothing_else_does() {
    let html = r#"<html><body><h1>Verhärtete Fronten nach Tumulten</h1>
        <p>Hamburg (dpa/lno) – Trotz eines Gespräches zwischen dem Professor und der Studierendenvertretung der Universität bleiben die Fronten verhärtet, hieß es am Samstag.</p>
        </body></html>"#;
    assert_eq!(page_authors(html), ["dpa", "lno"]);
}

#[test]
fn names_lose_the_dates_roles_and_interface_words_after_them() {
    assert_eq!(c("Luke Kim December 17, 2025"), ["Luke Kim"]);
    assert_eq!(
        c("By Reyan Perumal Published on July 18, 2025"),
        ["Reyan Perumal"]
    );
    assert!(c("Redaktion 1. November 2023 10:29").is_empty());
    assert_eq!(c("Mathias Autor 11. Dezember 2012 um 13:19"), ["Mathias"]);
    assert_eq!(
        c("Dec. 19, 2025 · Niko Matsakis on behalf of Vision Doc group"),
        ["Niko Matsakis"]
    );
    assert_eq!(
        t(&["By A. J. Neal View In Digital Edition"]),
        ["A. J. Neal"]
    );
    assert_eq!(t(&["Written by:Elise Nass"]), ["Elise Nass"]);
    assert_eq!(t(&["Article by", "Matias Heikkilä"]), ["Matias Heikkilä"]);
}

#[test]
fn a_header_line_of_name_role_and_date() {
    let page = |line: &str| {
        format!(
            r#"<html><body><header><h1>How AI Is Transforming Healthcare</h1><p>{line}</p></header>
            <p>The long text of the article, about hospitals and the software they buy, long enough to be the body.</p></body></html>"#
        )
    };
    assert_eq!(
        page_authors(&page("Aaron Ricadela | Senior Writer | July 2, 2025")),
        ["Aaron Ricadela"]
    );
    assert_eq!(
        page_authors(&page("Dec 26, 2025 • Mahua Das in Project Management")),
        ["Mahua Das"]
    );
}

#[test]
fn a_headline_is_no_byline_and_a_connector_makes_an_organisation() {
    let html = r#"<html><body><h1>Festspiel-Reisen von Van der Bellen kosteten 57.000 Euro</h1>
        <p>Die Kosten der Reisen des Bundespräsidenten zu den Festspielen beschäftigen das Parlament seit Wochen, schreibt die Zeitung.</p></body></html>"#;
    assert!(page_authors(html).is_empty());
    assert!(is_organisation("Bayerische Landesanstalt für Wald"));
    assert!(!is_organisation("Ursula von der Leyen"));
}

#[test]
fn a_user_name_dated_in_figures() {
    let html = r#"<html><body><h1>Forums-Regeln</h1>
        <p class="author">von lupa am 26/10/13, 03:48 pm</p>
        <p>Die Regeln des Forums gelten für alle Mitglieder, die hier schreiben, lesen und einander antworten wollen.</p>
        <p class="author">von Gesponserte Inhalte</p></body></html>"#;
    assert_eq!(page_authors(html), ["lupa"]);
}

#[test]
fn an_organisation_signing_in_the_metas_yields_to_the_byline() {
    let html = r#"<html><head><meta name="author" content="Bayerische Landesanstalt für Wald und Forstwirtschaft - LWF"></head>
        <body><h1>Der Holländerholzhandel</h1><p>Von Joachim Hamberger</p>
        <p>Der Handel mit Holz aus dem Schwarzwald nach Holland war über Jahrhunderte ein großes Geschäft für die Flößer.</p></body></html>"#;
    assert_eq!(page_authors(html), ["Joachim Hamberger"]);
}

#[test]
fn a_description_opening_with_a_byline_signs_last() {
    let html = r#"<html><head><meta property="og:description" content="Posted by Nathan Parker, Varun Khaneja and Kiran C Nair - Chrome team   Over the past years …"></head>
        <body><h1>Enhanced Safe Browsing</h1><p>Over the past few years we have seen threats on the web becoming more sophisticated, and so on.</p></body></html>"#;
    assert_eq!(
        page_authors(html),
        ["Nathan Parker", "Varun Khaneja", "Kiran C Nair"]
    );
}

#[test]
fn an_interview_byline_names_both_and_the_outlet_tail_goes() {
    assert_eq!(
        c("Richard David Precht im Gespräch mit Karin Fischer"),
        ["Richard David Precht", "Karin Fischer"]
    );
    let p = |s: &str| clean(&[s.to_string()], Some("PhillyVoice"));
    assert_eq!(p("By Adam Aaronson PhillyVoice Staff"), ["Adam Aaronson"]);
    // a desk keeps its role word
    assert_eq!(p("The Upwork Team"), ["The Upwork Team"]);
}

#[test]
fn chinese_labels_sign() {
    assert_eq!(t(&["正文。", "责任编辑：  焦鹏"]), vec!["焦鹏"]);
    assert_eq!(t(&["作者: 孔德明"]), vec!["孔德明"]);
    assert_eq!(t(&["【纠错】 责任编辑：焦鹏"]), vec!["焦鹏"]);
    // an empty label, or a sentence after it, names no one
    assert!(t(&["作者："]).is_empty());
    assert!(t(&["作者：本报讯今天上午举行了会议"]).is_empty());
}

#[test]
fn the_outlet_yields_to_a_person_past_the_desks_initials() {
    let page = |site: &str| {
        format!(
            r#"<html><head><meta property="og:site_name" content="{site}">
            <meta name="author" content="{site}"></head><body><article>
            <h1>Der royale Wochenrückblick</h1><span class="post-author">JF</span>
            <span class="post-author">Boris T. Kaiser</span>
            <p>Während die Woche zu Ende geht, blickt der Kolumnist auf die Höfe Europas zurück,
            auf Hochzeiten, Skandale und die Frage, wer als Nächstes den Thron besteigt.</p>
            </article></body></html>"#
        )
    };
    assert_eq!(page_authors(&page("jungefreiheit.de")), ["Boris T. Kaiser"]);
    // a site named after a person signs as before ("Wolfgang Schmale" above a guest's byline)
    assert_eq!(
        page_authors(&page("Wolfgang Schmale")),
        ["Wolfgang Schmale"]
    );
}

#[test]
fn more_about_is_a_lead() {
    assert_eq!(c("More About Jane Doe"), ["Jane Doe"]);
}

#[test]
fn declared_names_of_teasers_further_down_are_not_the_articles() {
    let html = r#"<html><body><article><h1>Understanding Web Design</h1>
        <p class="byline">by <span itemprop="author">Jeffrey Zeldman</span></p>
        <p>Web design is the creation of digital environments that facilitate and encourage human activity.</p>
        <p>It is not print, and the limitations of the medium are part of the discipline.</p></article>
        <h3>More from the archive</h3><h4>Hypertext and Its Discontents</h4>
        <p class="byline">by <span itemprop="author">Mark Bernstein</span></p>
        <h4>Design Systems</h4><p class="byline">by <span itemprop="author">Liam Nugent</span></p>
        </body></html>"#;
    assert_eq!(page_authors(html), ["Jeffrey Zeldman"]);
    // the names of one byline stay together
    let html = r#"<html><body><article><h1>A Survey</h1>
        <p>By <a rel="author" href="/a">Jane Doe</a> and <a rel="author" href="/b">John Roe</a></p>
        <p>Web design is the creation of digital environments that facilitate and encourage human activity.</p>
        </article></body></html>"#;
    assert_eq!(page_authors(html), ["Jane Doe", "John Roe"]);
}

#[test]
fn commenters_are_no_byline_but_the_post_author_answering_is() {
    // a "recent comments" widget before the article's text byline
    let html = r#"<html><body><aside><ul><li class="recentcomments"><span class="comment-author-link">
        <a href="https://x.example" rel="external nofollow ugc" class="url">Alexander</a></span> bei
        <a href="/b">Treffpunkt Brücke</a></li></ul></aside><article><h1>Streit ums Feuerholz</h1>
        <p>Von Roland Brockmann und Sebastian Drescher<br>Kakuma /Kenia</p>
        <p>Probleme zwischen Einheimischen und Flüchtlingen sind auch in Afrika ein Thema, wie Kenia mit der Herausforderung umgeht.</p>
        </article></body></html>"#;
    assert_eq!(
        page_authors(html),
        ["Roland Brockmann", "Sebastian Drescher"]
    );
    // a deal posted by a user who answers in the comments, marked `bypostauthor`
    let html = r#"<html><body><article><h1>Kaffee für 4,80 €</h1>
        <p>Zwei Gläser Instantkaffee gibt es gerade im Angebot, solange der Vorrat beim Händler reicht.</p></article>
        <div class="comment byuser comment-author-caesi"><p class="comment-author">Caesi</p><p>Danke!</p></div>
        <div class="comment byuser comment-author-mikenils bypostauthor"><p class="comment-author">MikeNils</p>
        <p>Gerne!</p></div></body></html>"#;
    assert_eq!(page_authors(html), ["MikeNils"]);
}

#[test]
fn bylines_inside_a_comment_section_are_the_commenters() {
    // a commenter's hCard inside the comment list, its own class naming no comment
    let html = r#"<html><body><article><h1>Ein Winterspaziergang</h1>
        <p>Der Schnee lag hoch, und der Weg durch den Wald war nur an den Zaunpfählen zu erkennen, die aus ihm ragten.</p>
        <p>Posted by Erna Blau</p></article>
        <ol class="commentlist"><li class="comment byuser odd">
        <div class="author vcard"><cite class="fn">Gustav Grün</cite></div><p>Schön!</p></li></ol>
        </body></html>"#;
    assert_eq!(page_authors(html), ["Erna Blau"]);
    // the post's author answering (`bypostauthor`) names the author by the hCard, not by the
    // comment's text the theme put inside the same box
    let html = r#"<html><body><article><h1>Ins neue Jahr</h1>
        <p>Ein neues Jahr beginnt, und mit ihm die Pläne für die Bücher, die ich lesen und schreiben will.</p>
        </article><ol class="commentlist">
        <li class="comment byuser comment-author-hoffmann bypostauthor"><div class="comment-author vcard">
        <p>Danke, ebenfalls alles Gute!</p><p><cite>Kommentar von <span class="fn">hoffmann</span></cite></p>
        </div></li></ol></body></html>"#;
    assert_eq!(page_authors(html), ["hoffmann"]);
    // but not over a byline printed with the article
    let html = r#"<html><body><article><h1>Ins neue Jahr</h1>
        <p class="meta-author">By Jana Hoffmann</p>
        <p>Ein neues Jahr beginnt, und mit ihm die Pläne für die Bücher, die ich lesen und schreiben will.</p>
        </article><ol class="commentlist">
        <li class="comment byuser comment-author-hoffmann bypostauthor"><div class="comment-author vcard">
        <cite class="fn">Jana H.</cite></div><p>Danke!</p></li></ol></body></html>"#;
    assert_eq!(page_authors(html), ["Jana Hoffmann"]);
}

#[test]
fn names_end_with_the_line_and_unterstuetzt_von_credits() {
    assert_eq!(leading_names("H.G. Parry\nReleased: 2025"), "H.G. Parry");
    assert!(t(&["Unterstützt von WordPress Theme: Graphy by Themegraphy"]).is_empty());
}

#[test]
fn a_lead_inside_a_sentence_names_no_one_unless_the_names_end_it() {
    assert!(t(&["„Ich vermisse die frühere Version von Sharon Stone nicht. Ein großes Ego ist ein Hindernis.“"]).is_empty());
    assert_eq!(
        t(&[
            "Hinweis: Einträge werden ohne Angaben von Gründen von mir gelöscht.",
            "(Creative Commons-Lizenz) 2006-2008 by Martin Weber"
        ]),
        vec!["Martin Weber"]
    );
    // the names ending the phrase, or a date after them, still sign
    assert_eq!(t(&["Eine Kolumne von Jan Roe"]), vec!["Jan Roe"]);
    assert_eq!(t(&["Ein Bericht von Jan Roe am 3. März."]), vec!["Jan Roe"]);
    // a commenter's line, and a name run into a particle
    assert!(t(&["Kommentar von Alex Barritt"]).is_empty());
    assert!(t(&["Feierliche Übergabe von Stützpunktgeräten und -fahrzeugen"]).is_empty());
}

#[test]
fn the_title_printed_again_is_no_byline() {
    let html = r#"<html><head><title>Auf den Spuren von Rafael Nadal</title></head><body>
        <h3>Auf den Spuren von Rafael Nadal</h3>
        <p>Die Junior Winter Championships fanden vom 5. bis 11. Februar in Oberhaching statt, mit vielen Talenten.</p>
        </body></html>"#;
    assert!(page_authors(html).is_empty());
}

#[test]
fn a_relative_date_and_a_field_run_on_after_the_names_go() {
    let d = |s: &str| clean_declared(&[s.to_string()], None);
    assert_eq!(
        d(
            "Isabel Caro , Rocío Latorre y José Miguel Wilson Hace 13 horas Tiempo de lectura: 8 minutos"
        ),
        ["Isabel Caro", "Rocío Latorre", "José Miguel Wilson"]
    );
    assert_eq!(c("von Jane Doe vor 11 Minuten"), ["Jane Doe"]);
}

#[test]
fn a_name_signing_the_last_paragraph() {
    let page = |head: &str, last: &str| {
        format!(
            r#"<html><head>{head}</head><body><article><h1>Der Chor probt wieder im Gemeindehaus</h1>
            <p>Nach einer langen Pause probt der Chor der Gemeinde wieder jeden Donnerstag im Gemeindehaus am Markt, und neue Stimmen sind willkommen, vor allem Tenöre und Bässe.</p>
            <p>Die Chorleiterin plant für den Herbst ein Konzert in der Kirche, mit Werken von Bach und Mendelssohn, und hofft auf viele Zuhörer aus der ganzen Stadt und dem Umland.</p>
            {last}</article></body></html>"#
        )
    };
    assert_eq!(
        page_authors(&page("", "<p><strong>Jane Roe</strong></p>")),
        ["Jane Roe"]
    );
    assert_eq!(
        page_authors(&page("", "<p><em>Von Karla Beispiel</em></p>")),
        ["Karla Beispiel"]
    );
    // a heading closing the text is no signature, nor is a one-word name
    assert!(page_authors(&page("", "<h3>Weitere Termine</h3>")).is_empty());
    assert!(page_authors(&page("", "<p><strong>Karla</strong></p>")).is_empty());
    // but a first name over a date on the next line signs as a letter does
    let long = "<p>Wer mitsingen möchte, kommt einfach vorbei: Noten werden gestellt, \
        Vorkenntnisse sind nicht nötig, und nach der Probe sitzen alle noch bei Tee und Kuchen \
        zusammen, um über das Programm und die nächsten Auftritte zu sprechen.</p>";
    assert_eq!(
        page_authors(&page(
            "",
            &format!("{long}<p>Karla<br>12. September 2021</p>")
        )),
        ["Karla"]
    );
    // a word over something else than a date does not
    assert!(page_authors(&page("", &format!("{long}<p>Karla<br>Weitere Termine</p>"))).is_empty());
}

#[test]
fn a_labelled_line_closing_a_long_block_outweighs_the_outlet_desk() {
    let html = r#"<html><head><meta property="og:site_name" content="Recht.example"></head>
        <body><article><h1>Kein Wohngeld ohne Bewerbungen</h1>
        <div class="info"><span itemprop="author" itemscope itemtype="https://schema.org/Person">
        <meta itemprop="name" content="Recht.example-Redaktion"></span></div>
        <div>{}<br><br>Quelle: Gericht<br><br>Autor: Rechtsanwalt Max Muster</div>
        </article></body></html>"#;
    let text = "Das Gericht wies die Klage ab, weil der Kläger sich nicht ernsthaft um Arbeit \
        bemüht habe und passende Angebote ohne Nachfrage abgelehnt habe. ";
    let html = html.replace("{}", &text.repeat(5));
    assert_eq!(page_authors(&html), ["Max Muster"]);
    assert!(FIELD_LABELS.iter().all(|l| l.starts_with("au")));
    // without the label, the outlet's desk signs as declared
    let alone = html.replace("Autor: Rechtsanwalt Max Muster", "");
    assert_eq!(page_authors(&alone), ["Recht.example-Redaktion"]);
}

#[test]
fn a_json_ld_author_typed_organisation_is_the_outlet() {
    let html = r#"<html><head><meta property="og:site_name" content="KN - Kreisnachrichten">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Der Chor probt wieder","author":{"@type":"Organization","name":"KN"}}</script>
        </head><body><article><h1>Der Chor probt wieder</h1>
        <p>Nach einer langen Pause probt der Chor der Gemeinde wieder jeden Donnerstag im Gemeindehaus am Markt, und neue Stimmen sind willkommen, vor allem Tenöre und Bässe.</p>
        <p><em>Von Karla Beispiel</em></p></article></body></html>"#;
    assert_eq!(page_authors(html), ["Karla Beispiel"]);
    // alone, it still signs
    let alone = html.replace("<p><em>Von Karla Beispiel</em></p>", "");
    assert_eq!(page_authors(&alone), ["KN"]);
}

#[test]
fn one_word_after_a_lead_a_date_comes_before() {
    assert_eq!(t(&["Promis 06.11.2023 13:30 von Olga"]), ["Olga"]);
    assert_eq!(t(&["12.03.2021 von Marek Symbolbild"]), ["Marek"]);
    // a sentence going on is no byline, nor is a lead with no date before it
    assert!(t(&["Am 12.03.2021 von Frauen gegründet"]).is_empty());
    assert!(t(&["Ein Beitrag von Olga"]).is_empty());
}

#[test]
fn the_heading_of_an_author_box_over_its_bio() {
    let page = |boxes: &str| {
        format!(
            r#"<html><body><article><h1>How to pick a clinic software</h1>
            <p>Picking software for a small clinic is mostly about the workflows the staff already have, and about the vendor's support when things go wrong on a busy day.</p>
            </article><div>{boxes}</div></body></html>"#
        )
    };
    assert_eq!(
        page_authors(&page(
            "<div>Lauren Vetter</div><p>Lauren Vetter is a marketer who writes about clinics.</p>"
        )),
        ["Lauren Vetter"]
    );
    // two such boxes are a list of things described, not an author box
    assert!(
        page_authors(&page(
            "<h3>Memorial Park</h3><p>Memorial Park is home to trails.</p>\
             <h3>Bluff Creek</h3><p>Bluff Creek is a ranch.</p>"
        ))
        .is_empty()
    );
}

#[test]
fn brackets_opening_with_a_capital_stay_in_the_name() {
    let d = |s: &str| clean_declared(&[s.to_string()], None);
    assert_eq!(d("Paramita (Guha) Ghosh"), ["Paramita (Guha) Ghosh"]);
    assert_eq!(
        d("Jean-Luc Aufranc (CNXSoft)"),
        ["Jean-Luc Aufranc (CNXSoft)"]
    );
    // lower-case initials or agency codes in brackets still separate
    assert_eq!(c("Julia Hitz (eg)"), ["Julia Hitz"]);
    // a job title cut inside a bracket takes the bracket with it
    assert_eq!(c("Lance Ryan (Content Manager)"), ["Lance Ryan"]);
}

#[test]
fn a_job_title_run_into_a_declared_name_goes() {
    let d = |s: &str| clean_declared(&[s.to_string()], None);
    assert_eq!(d("Keith Barry Senior Autos Reporter"), ["Keith Barry"]);
    // a desk or a column's name stays as declared
    assert_eq!(d("Staff Writer"), ["Staff Writer"]);
    assert_eq!(d("Letters To The Editor"), ["Letters To The Editor"]);
}

#[test]
fn a_byline_naming_more_than_the_metadata_adds_the_co_authors() {
    let page = |byline: &str| {
        format!(
            r#"<html><head><meta name="author" content="Jane Doe"></head><body><article>
            <h1>The harbour reopens</h1><div class="byline">{byline}</div>
            <p>The harbour reopened on Monday after three weeks of repairs to the outer wall, and the first ferries came in on time.</p>
            </article></body></html>"#
        )
    };
    assert_eq!(
        page_authors(&page("Von Jane Doe, John Roe")),
        ["Jane Doe", "John Roe"]
    );
    // a byline that adds anything not shaped as a person's name leaves the metadata's word
    assert_eq!(
        page_authors(&page("Jane Doe, ACLU Racial Justice Program")),
        ["Jane Doe"]
    );
    // nor does one that leaves out a declared name
    assert_eq!(page_authors(&page("John Roe, Max Muster")), ["Jane Doe"]);
}

#[test]
fn a_teaser_title_all_link_is_no_byline() {
    let page = |aside: &str| {
        format!(
            r#"<html><body><article><h1>Moving a browser profile</h1>
            <p>Moving a browser profile to another disk takes a few steps, and the browser must be closed while the folder is copied.</p>
            </article><ul><li>{aside}</li></ul></body></html>"#
        )
    };
    assert!(
        page_authors(&page(
            r#"<a href="/p/1">[Windows Expertenwissen] Profilordner von Google Chrome verschieben</a>"#
        ))
        .is_empty()
    );
    // a linked byline opening with its lead still signs
    assert_eq!(
        page_authors(&page(r#"<a href="/author/jd">Von Jana Dorn</a>"#)),
        ["Jana Dorn"]
    );
}

#[test]
fn a_copyright_formula_ends_the_names() {
    assert_eq!(
        t(&["© since 2010 by Jana Dorn All rights reserved"]),
        ["Jana Dorn"]
    );
    assert_eq!(
        t(&["Text von Jana Dorn Alle Rechte vorbehalten"]),
        ["Jana Dorn"]
    );
}

#[test]
fn metadata_naming_someone_the_page_never_prints_yields_to_a_led_byline() {
    let page = |extra: &str| {
        format!(
            r#"<html><head><meta name="author" content="Jonas Beispiel"></head><body><article>
            <h1>Benzinpreise steigen weiter</h1><p class="byline">por Ana Ejemplo</p>
            <p>Los precios de la gasolina subieron por tercera semana consecutiva, y el Gobierno
            estudia un subsidio para los transportistas del país.</p>{extra}</article></body></html>"#
        )
    };
    assert_eq!(page_authors(&page("")), ["Ana Ejemplo"]);
    // printed on the page, the declared name keeps signing
    assert_eq!(
        page_authors(&page("<p>Mitarbeit: Jonas Beispiel</p>")),
        ["Jonas Beispiel"]
    );
    // a byline written under the headline outweighs it too, not a reviewer's line
    let header = |line: &str| {
        page("").replace(
            r#"<p class="byline">por Ana Ejemplo</p>"#,
            &format!("<p>{line}</p>"),
        )
    };
    assert_eq!(
        page_authors(&header("Von Ana Ejemplo, Berlin")),
        ["Ana Ejemplo"]
    );
    assert_eq!(
        page_authors(&header("Reviewed by: Ana Ejemplo")),
        ["Jonas Beispiel"]
    );
}

#[test]
fn a_declared_first_dot_last_user_name_is_written_out() {
    let page = |sign: &str| {
        format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Die Wahl ist entschieden","author":{{"@type":"Person","name":"jana.rosenberg"}}}}</script></head>
            <body><article><h1>Die Wahl ist entschieden</h1>
            <p>Die Gemeinde hat gewählt, und die Mehrheit im Rat ist knapper geworden, als es die Umfragen vorhergesagt hatten.</p>
            <p>Die Politik bleibt spannend. {sign}</p></article></body></html>"#
        )
    };
    // as the page prints it, an initial between
    assert_eq!(
        page_authors(&page("(Jana Q. Rosenberg) +++")),
        ["Jana Q. Rosenberg"]
    );
    // else capitalised
    assert_eq!(page_authors(&page("")), ["Jana Rosenberg"]);
    // not a first name alone beside another last name
    assert_eq!(page_authors(&page("(Jana Meier)")), ["Jana Rosenberg"]);
}

#[test]
fn a_name_printed_twice_in_one_box_is_one_name() {
    assert_eq!(c("Lena Vogt Lena Vogt"), ["Lena Vogt"]);
    assert_eq!(c("Yara Yara"), ["Yara"]);
    // initials repeat without being a copy
    assert_eq!(c("R. R."), ["R. R."]);
}

#[test]
fn beside_a_person_the_publisher_and_its_desk_are_no_authors() {
    let page = |author: &str| {
        format!(
            r#"<html><head><meta property="og:site_name" content="Memphis Daily Planet">
            <script type="application/ld+json">{{"@type":"NewsArticle","headline":"Why We Walk","author":{{"@type":"Person","name":"{author}"}},"publisher":{{"@type":"Organization","name":"The Daily Planet"}}}}</script></head>
            <body><article><h1>Why We Walk</h1>
            <p>Walking every day changes not only our bodies but also the way we think about the streets we live in.</p></article></body></html>"#
        )
    };
    // the publisher's name after the people
    assert_eq!(
        page_authors(&page("Jane Roe and John Doe, The Daily Planet")),
        ["Jane Roe", "John Doe"]
    );
    // the outlet's desk in two words ("Editorial Team") run after its name
    assert_eq!(
        page_authors(&page("Jane Roe - The Daily Planet Editorial Team")),
        ["Jane Roe"]
    );
    // alone, the publisher still signs
    assert_eq!(
        page_authors(&page("The Daily Planet")),
        ["The Daily Planet"]
    );
}

#[test]
fn a_site_named_after_a_titled_or_initialled_person_signs_when_nothing_else_does() {
    let page = |site: &str| {
        format!(
            r#"<html><head><meta property="og:site_name" content="{site}"></head>
            <body><article><h1>Zeitphilosophie</h1>
            <p>Die Zeit ist ein Thema, über das Philosophen seit der Antike nachdenken, ohne sich je einig zu werden.</p></article></body></html>"#
        )
    };
    assert_eq!(page_authors(&page("Dr. Lena Vogt")), ["Lena Vogt"]);
    assert_eq!(page_authors(&page("L.Vogtmann")), ["L.Vogtmann"]);
    // a brand of two capitalised words is not told from a person's name: it does not sign
    assert!(page_authors(&page("Tribe Lifting")).is_empty());
}
