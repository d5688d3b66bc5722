//! Tests of the query parser: every operator, and errors with positions.

use super::*;

fn word(text: &str) -> Node {
    Node::Word {
        field: None,
        text: text.into(),
        kind: WordKind::Plain,
    }
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn words_are_all_required() {
    assert_eq!(
        parse("secret talks").unwrap(),
        Node::And(vec![word("secret"), word("talks")])
    );
    assert_eq!(
        parse("+secret AND talks").unwrap(),
        Node::And(vec![word("secret"), word("talks")])
    );
}

#[test]
fn or_binds_looser_than_and() {
    assert_eq!(
        parse("a b OR c").unwrap(),
        Node::Or(vec![Node::And(vec![word("a"), word("b")]), word("c")])
    );
    assert_eq!(
        parse("(a OR b) c").unwrap(),
        Node::And(vec![Node::Or(vec![word("a"), word("b")]), word("c")])
    );
}

#[test]
fn negation_forms() {
    let not_b = Node::Not(Box::new(word("b")));
    assert_eq!(
        parse("a -b").unwrap(),
        Node::And(vec![word("a"), not_b.clone()])
    );
    assert_eq!(parse("a NOT b").unwrap(), Node::And(vec![word("a"), not_b]));
    // A hyphen inside a word is not negation.
    assert_eq!(parse("e-mail").unwrap(), word("e-mail"));
}

#[test]
fn phrases_slop_and_prefix() {
    assert_eq!(
        parse("\"of the\"").unwrap(),
        Node::Phrase {
            field: None,
            text: "of the".into(),
            slop: 0,
            prefix: false
        }
    );
    assert_eq!(
        parse("\"secret talks\"~3").unwrap(),
        Node::Phrase {
            field: None,
            text: "secret talks".into(),
            slop: 3,
            prefix: false
        }
    );
    assert_eq!(
        parse("\"climate cha\"*").unwrap(),
        Node::Phrase {
            field: None,
            text: "climate cha".into(),
            slop: 0,
            prefix: true
        }
    );
}

#[test]
fn prefix_and_fuzzy_words() {
    assert_eq!(
        parse("polit*").unwrap(),
        Node::Word {
            field: None,
            text: "polit".into(),
            kind: WordKind::Prefix
        }
    );
    assert_eq!(
        parse("putn~1").unwrap(),
        Node::Word {
            field: None,
            text: "putn".into(),
            kind: WordKind::Fuzzy(1)
        }
    );
}

#[test]
fn fields_apply_to_words_phrases_and_groups() {
    assert_eq!(
        parse("title:putin").unwrap(),
        Node::Word {
            field: Some(QueryField::Title),
            text: "putin".into(),
            kind: WordKind::Plain
        }
    );
    assert_eq!(
        parse("author:\"Jane Doe\"").unwrap(),
        Node::Phrase {
            field: Some(QueryField::Author),
            text: "Jane Doe".into(),
            slop: 0,
            prefix: false
        }
    );
    let Node::Or(items) = parse("title:(a OR b)").unwrap() else {
        panic!("not an OR")
    };
    assert!(items.iter().all(|n| matches!(
        n,
        Node::Word {
            field: Some(QueryField::Title),
            ..
        }
    )));
    // A URL is a word, not a field.
    assert!(matches!(
        parse("http://example.com/x").unwrap(),
        Node::Word { field: None, .. }
    ));
    assert!(matches!(
        parse("url:http://example.com/x").unwrap(),
        Node::Word {
            field: Some(QueryField::Url),
            ..
        }
    ));
}

#[test]
fn date_ranges_with_plain_dates() {
    assert_eq!(
        parse("published:[2024-10-01 TO 2024-10-31]").unwrap(),
        Node::DateRange {
            lower: Bound::Included(day("2024-10-01")),
            upper: Bound::Included(day("2024-10-31"))
        }
    );
    assert_eq!(
        parse("published:[2024-10 TO *]").unwrap(),
        Node::DateRange {
            lower: Bound::Included(day("2024-10-01")),
            upper: Bound::Unbounded
        }
    );
    assert_eq!(
        parse("published:2024-02").unwrap(),
        Node::DateRange {
            lower: Bound::Included(day("2024-02-01")),
            upper: Bound::Included(day("2024-02-29"))
        }
    );
    assert_eq!(
        parse("published:>=2024-10-01").unwrap(),
        Node::DateRange {
            lower: Bound::Included(day("2024-10-01")),
            upper: Bound::Unbounded
        }
    );
    assert_eq!(
        parse("published:{2024-10-01 TO 2024-10-31}").unwrap(),
        Node::DateRange {
            lower: Bound::Excluded(day("2024-10-01")),
            upper: Bound::Excluded(day("2024-10-31"))
        }
    );
}

#[test]
fn malformed_queries_name_problem_and_position() {
    let e = parse("a \"open phrase").unwrap_err();
    assert_eq!((e.position, e.message.as_str()), (2, "unterminated quote"));
    let e = parse("(a b").unwrap_err();
    assert_eq!(e.position, 0);
    assert!(e.message.contains("never closed"));
    let e = parse("a b)").unwrap_err();
    assert_eq!(e.position, 3);
    let e = parse("a OR").unwrap_err();
    assert_eq!(e.position, 2);
    assert!(parse("OR a").is_err());
    assert!(
        parse("colour:red")
            .unwrap_err()
            .message
            .contains("unknown field `colour:`")
    );
    let e = parse("published:[2024-13-01 TO 2024-12-31]").unwrap_err();
    assert!(e.message.contains("not a date"), "{}", e.message);
    assert!(parse("published:[2024-01-01 2024-12-31]").is_err());
    assert!(parse("title:").is_err());
    assert!(parse("").is_err());
    assert!(parse("a -").is_ok(), "a lone trailing `-` is a word");
    assert!(parse("()").is_err());
    assert!(parse("fuzzy~9").is_err());
}
