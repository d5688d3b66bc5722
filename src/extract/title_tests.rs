//! Title reconciliation rules, each on small hand-written sources.

use super::*;

fn strip_site(title: &str, site_name: Option<&str>, site: Option<&str>) -> String {
    SiteNames::new(site_name, site).strip(title)
}

#[test]
fn a_short_prefix_is_not_the_site_because_the_site_name_contains_it() {
    // "Re" is inside "worldaffairsreview": a Usenet subject keeps its "Re: "
    assert_eq!(
        strip_site(
            "World Affairs Review: Re: HST Servicing Mission Scheduled for 11 Days",
            Some("World Affairs Review"),
            Some("world-affairs-review.example")
        ),
        "Re: HST Servicing Mission Scheduled for 11 Days"
    );
}

#[test]
fn site_suffixes_and_prefixes_go() {
    assert_eq!(
        strip_site("Headline here – The Daily", Some("The Daily"), None),
        "Headline here"
    );
    assert_eq!(
        strip_site("The Daily | Headline here", Some("The Daily"), None),
        "Headline here"
    );
    assert_eq!(
        strip_site(
            "Headline here - Example News",
            None,
            Some("examplenews.com")
        ),
        "Headline here"
    );
    assert_eq!(
        strip_site("A – WSJ - The Moscow Times", Some("The Moscow Times"), None),
        "A – WSJ"
    );
}

#[test]
fn h1_confirmed_by_metadata_wins() {
    let h1s = vec![
        "Menu".to_string(),
        "Elon Musk Held Secret Talks With Putin – WSJ".to_string(),
    ];
    let s = TitleSources {
        h1s: &h1s,
        og_title: Some("Elon Musk Held Secret Talks With Putin – WSJ".into()),
        title_tag: Some("Elon Musk Held Secret Talks With Putin – WSJ - The Moscow Times"),
        site_name: Some("The Moscow Times"),
        ..Default::default()
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("Elon Musk Held Secret Talks With Putin – WSJ")
    );
}

#[test]
fn blog_name_in_h1_is_not_the_title() {
    let h1s = vec!["Four Years Remaining".to_string()];
    let h2s = vec!["Interning of Small Integers in Python".to_string()];
    let s = TitleSources {
        h1s: &h1s,
        h2s: &h2s,
        title_tag: Some(
            "Four Years Remaining » Blog Archive » Interning of Small Integers in Python",
        ),
        ..Default::default()
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("Interning of Small Integers in Python")
    );
    let h1s = vec!["Liebe geht durch den Magen".to_string()];
    let s = TitleSources {
        h1s: &h1s,
        title_tag: Some("Rinderleber mit Apfel und Zwiebel | Liebe geht durch den Magen"),
        ..Default::default()
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("Rinderleber mit Apfel und Zwiebel")
    );
    // the h1 that starts the <title> is the headline
    let h1s = vec!["A long headline about things".to_string()];
    let s = TitleSources {
        h1s: &h1s,
        title_tag: Some("A long headline about things | Paper"),
        ..Default::default()
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("A long headline about things")
    );
}

#[test]
fn kicker_run_into_the_h1_goes() {
    let h1s = vec!["Tunesien Große Aufgaben für die neue Regierung".to_string()];
    let s = TitleSources {
        h1s: &h1s,
        og_title: Some("Große Aufgaben für die neue Regierung".into()),
        ..Default::default()
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("Große Aufgaben für die neue Regierung")
    );
}

#[test]
fn title_tag_alone_loses_its_suffix() {
    let s = TitleSources {
        title_tag: Some("A long headline about things | Section | Paper"),
        ..Default::default()
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("A long headline about things")
    );
}

fn titles<'a>(h1s: &'a [String], h2s: &'a [String]) -> TitleSources<'a> {
    TitleSources {
        h1s,
        h2s,
        ..Default::default()
    }
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_colon_cuts_only_the_exact_site_name() {
    // "Best of Houzz 2022" contains the site's name but is the headline's kicker
    assert_eq!(
        strip_site(
            "Best of Houzz 2022: Das sind die beliebtesten Projekte auf Houzz",
            Some("Houzz"),
            Some("houzz.de")
        ),
        "Best of Houzz 2022: Das sind die beliebtesten Projekte auf Houzz"
    );
    assert_eq!(
        strip_site("Houzz: Das sind die Projekte", Some("Houzz"), None),
        "Das sind die Projekte"
    );
}

#[test]
fn an_h1_the_raw_metadata_repeats_is_confirmed() {
    // the site's name "Welpen" cut "Welpen kaufen –" off the og:title, not off the headline
    let h1s = strings(&["Welpen kaufen – Tipps zu jeder Hunderasse"]);
    let s = TitleSources {
        og_title: Some("Welpen kaufen – Tipps zu jeder Hunderasse".into()),
        site_name: Some("Welpen"),
        ..titles(&h1s, &[])
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("Welpen kaufen – Tipps zu jeder Hunderasse")
    );
}

#[test]
fn a_kicker_with_its_separator_stays_in_the_h1() {
    let meta = strings(&["Klimaschutz: Bohren, bis es heiß wird"]);
    assert_eq!(
        headline_after_kicker(
            "KlimaschutzBohren, bis es heiß wird",
            meta.iter().map(String::as_str)
        )
        .as_deref(),
        Some("Bohren, bis es heiß wird")
    );
    assert_eq!(
        headline_after_kicker(
            "Klimaschutz – Bohren, bis es heiß wird",
            meta.iter().map(String::as_str)
        ),
        None
    );
}

#[test]
fn of_several_h1s_in_the_title_the_longest_wins() {
    let h1s = strings(&[
        "Zoll",
        "Fachmeldungen",
        "Verkündung des Tabaksteuermodernisierungsgesetzes",
    ]);
    let s = TitleSources {
        title_tag: Some(
            "Zoll online - Fachmeldungen - Verkündung des Tabaksteuermodernisierungsgesetzes",
        ),
        site: Some("zoll.de"),
        ..titles(&h1s, &[])
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("Verkündung des Tabaksteuermodernisierungsgesetzes")
    );
}

#[test]
fn an_h1_naming_the_site_is_not_held_by_the_title() {
    let h1s = strings(&["DaF Blog – MMF3 Frühling 08"]);
    let s = TitleSources {
        og_title: Some("Ratschläge geben".into()),
        title_tag: Some("Ratschläge geben | DaF Blog - MMF3 Frühling 08"),
        site_name: Some("DaF Blog - MMF3 Frühling 08"),
        ..titles(&h1s, &[])
    };
    assert_eq!(reconcile(&s).as_deref(), Some("Ratschläge geben"));
}

#[test]
fn a_short_h1_the_title_uses_is_the_headline() {
    let h1s = strings(&["Ischgl"]);
    let s = TitleSources {
        title_tag: Some("Trails! Ischgl"),
        ..titles(&h1s, &[])
    };
    assert_eq!(reconcile(&s).as_deref(), Some("Ischgl"));
    // beside a <title> that only names the site
    let h1s = strings(&["Willkommen!"]);
    let s = TitleSources {
        title_tag: Some("Anwalt Niemeyer"),
        site: Some("anwaltniemeyer.de"),
        ..titles(&h1s, &[])
    };
    assert_eq!(reconcile(&s).as_deref(), Some("Willkommen!"));
    // a section's name the <title> does not use
    let h1s = strings(&["Details"]);
    let s = TitleSources {
        title_tag: Some("Packing Tips Guide for a Move"),
        ..titles(&h1s, &[])
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("Packing Tips Guide for a Move")
    );
}

#[test]
fn an_h1_printed_twice_counts_once() {
    let h1s = strings(&[
        "Parallels Desktop 15 for Mac",
        "Parallels Desktop 15 for Mac",
    ]);
    let s = TitleSources {
        og_title: Some("Run Windows on Mac - Parallels Desktop 15 Virtual Machine for Mac".into()),
        ..titles(&h1s, &[])
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("Parallels Desktop 15 for Mac")
    );
}

#[test]
fn the_one_headline_like_h1_sharing_the_metadatas_words_wins() {
    let h1s = strings(&[
        "Papaganda",
        "Minions mit Schablonen malen – mit Malerrolle und bunten Farben",
    ]);
    let s = TitleSources {
        og_title: Some("Minions mit Schablonen malen - mit Malerrolle & bunter Farbe".into()),
        site_name: Some("Papaganda"),
        ..titles(&h1s, &[])
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("Minions mit Schablonen malen – mit Malerrolle und bunten Farben")
    );
    // a donation box's h1s and the movement's name share no word with the headline
    let h1s = strings(&["€5", "other", "Democracy in Europe Movement 2025"]);
    let s = TitleSources {
        og_title: Some("The EU’s Green Deal isn’t enough to save us - DiEM25".into()),
        site_name: Some("DiEM25"),
        ..titles(&h1s, &[])
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("The EU’s Green Deal isn’t enough to save us")
    );
}

#[test]
fn an_h2_printing_the_metadata_title_beats_an_unconfirmed_h1() {
    let h1s = strings(&["Toddler Sleep Training"]);
    let h2s = strings(&["Contents", "How To Get Toddlers To Sleep In Their Own Bed"]);
    let s = TitleSources {
        og_title: Some("How To Get Toddlers To Sleep In Their Own Bed".into()),
        ..titles(&h1s, &h2s)
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("How To Get Toddlers To Sleep In Their Own Bed")
    );
    // also over an h1 the <title> holds: held is not confirmed
    let h1s = strings(&["Betriebliche Altersvorsorge"]);
    let h2s = strings(&["Mit Hilfe des Chefs für die Rente sparen"]);
    let s = TitleSources {
        og_title: Some("Mit Hilfe des Chefs für die Rente sparen".into()),
        title_tag: Some("Betriebliche Altersvorsorge (bAV) - Wann lohnt die Betriebsrente?"),
        ..titles(&h1s, &h2s)
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("Mit Hilfe des Chefs für die Rente sparen")
    );
}

#[test]
fn without_an_h1_the_h2_starting_the_title_wins() {
    let h2s = strings(&["Villa Galaxy", "Pool"]);
    let s = TitleSources {
        title_tag: Some("Villa Galaxy - Ferienvilla in Florida"),
        ..titles(&[], &h2s)
    };
    assert_eq!(reconcile(&s).as_deref(), Some("Villa Galaxy"));
}

#[test]
fn a_metadata_title_an_h2_prints_keeps_its_second_half() {
    let h2s = strings(&["Würde des Lebens – ein Projekt"]);
    let s = TitleSources {
        og_title: Some("Würde des Lebens – ein Projekt".into()),
        title_tag: Some("Würde des Lebens – ein Projekt | Große Fragen"),
        site_name: Some("Große Fragen"),
        ..titles(&[], &h2s)
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("Würde des Lebens – ein Projekt")
    );
}

#[test]
fn a_cut_off_metadata_title_yields_to_the_whole_one() {
    let s = TitleSources {
        og_title: Some("Senador republicano califica a Biden de".into()),
        title_tag: Some("Senador republicano califica a Biden de \"incapacitado\""),
        ..Default::default()
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("Senador republicano califica a Biden de \"incapacitado\"")
    );
    // a longer title that goes on after a separator is not the whole headline
    let s = TitleSources {
        headline: Some("The 10 Best Projects of 2023 (According to Experts)".into()),
        og_title: Some("The 10 Best Projects of 2023 (According to Experts) | RenoFi".into()),
        ..Default::default()
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("The 10 Best Projects of 2023 (According to Experts)")
    );
}

#[test]
fn the_title_part_beside_the_declared_title_names_the_site() {
    // a blog's <title> "Blog: Post" beside og:title "Post": the h1 "Blog" is the site's name,
    // though the post's own section headings are h1s too
    let h1s = strings(&[
        "Engora Data Blog",
        "Small is the new large",
        "What is a SLM?",
    ]);
    let s = TitleSources {
        og_title: Some("Small adventures with small language models".into()),
        title_tag: Some("Engora Data Blog: Small adventures with small language models"),
        ..titles(&h1s, &[])
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("Small adventures with small language models")
    );
}

#[test]
fn a_bar_without_spaces_cuts_only_the_exact_site_name() {
    assert_eq!(
        strip_site(
            "NEWS WEB EASY|子どもへの体罰を禁止する法律ができる",
            Some("NEWS WEB EASY"),
            None
        ),
        "子どもへの体罰を禁止する法律ができる"
    );
    assert_eq!(
        strip_site("Rock|Pop news today", Some("Rock Pop Magazine"), None),
        "Rock|Pop news today"
    );
}

#[test]
fn an_h2_printing_the_metadata_title_without_a_trailing_name_beats_an_unconfirmed_h1() {
    let h1s = strings(&["But what they love is the sense of empowerment and versatility"]);
    let h2s = strings(&["What do people love about Rust?"]);
    let s = TitleSources {
        og_title: Some("What do people love about Rust? | Rust Blog".into()),
        title_tag: Some("What do people love about Rust? | Rust Blog"),
        ..titles(&h1s, &h2s)
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("What do people love about Rust?")
    );
    // the cut part is the rest of a sentence, not a name: the h2 is a section's heading
    let h1s = strings(&["An introduction to social commerce: What brands need to know"]);
    let h2s = strings(&["What is social commerce?"]);
    let s = TitleSources {
        og_title: Some("What is Social Commerce - A guided introduction".into()),
        ..titles(&h1s, &h2s)
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("An introduction to social commerce: What brands need to know")
    );
}

#[test]
fn an_h1_running_on_after_the_metadata_title_with_a_bar_yields_to_it() {
    let h1s = strings(&["Was wir über uns nicht hören wollen | FASSETTE.NET"]);
    let s = TitleSources {
        og_title: Some("Was wir über uns nicht hören wollen".into()),
        ..titles(&h1s, &[])
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("Was wir über uns nicht hören wollen")
    );
    // after a colon the h1 goes on with the headline's second half, which the gold keeps
    let h1s = strings(&["Pros and Cons of Tiny House Living: Why Live in a Tiny House?"]);
    let s = TitleSources {
        og_title: Some("Pros and Cons of Tiny House Living".into()),
        ..titles(&h1s, &[])
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("Pros and Cons of Tiny House Living: Why Live in a Tiny House?")
    );
}

#[test]
fn an_unknown_suffix_is_not_cut_inside_brackets() {
    assert_eq!(
        strip_generic("Zhi Neng Xiang Nian Ni - Jam Hsiao (只能想念你 - 蕭敬騰)"),
        "Zhi Neng Xiang Nian Ni - Jam Hsiao (只能想念你 - 蕭敬騰)"
    );
    assert_eq!(
        strip_generic("A long headline about things | Paper"),
        "A long headline about things"
    );
}

#[test]
fn an_h1_with_one_bar_before_a_short_tail_loses_the_tail() {
    let h1s = strings(&["Best Residential Movers in NYC 2025 | Top 19 Companies"]);
    let s = TitleSources {
        headline: Some("Best Residential Movers in NYC 2025 | Top 19 Companies".into()),
        ..titles(&h1s, &[])
    };
    assert_eq!(
        reconcile(&s).as_deref(),
        Some("Best Residential Movers in NYC 2025")
    );
    // a long second half, or a list of bars, is the headline
    for h in [
        "Change Font Size of ggplot2 Plot in R | Axis Text, Main Title & Legend",
        "Letters: Coddling criminals | Undermining road | Tax dollars",
    ] {
        let h1s = strings(&[h]);
        let s = TitleSources {
            og_title: Some(h.into()),
            ..titles(&h1s, &[])
        };
        assert_eq!(reconcile(&s).as_deref(), Some(h));
    }
}
