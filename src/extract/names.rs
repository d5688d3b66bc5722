//! Name cleaning and splitting, apart from the author cascade that decides which source signs:
//! raw byline and metadata strings become names here ("By"/"Von"/"Por", dates, roles, handles and
//! publication names dropped; "A and B" and "A, B" split; each person once).

use super::name_words::{
    AGENCIES, COMMENT_VERBS, CREDIT_WORDS, DATE_TAIL, JOB_TITLES, JUNK, LEADS, LEGAL_FORMS,
    NOT_AUTHOR, RIGHTS_RESERVED, ROLES, TITLE_OPENERS, TITLES_BEFORE, TRAILING, UI_LABELS,
    UI_WORDS,
};
// letters and digits, lower case: how names are compared, as titles are
use super::title::norm as name_key;

/// Splits and cleans raw author strings into names (from visible bylines: capitalised names only,
/// roles dropped).
pub(super) fn clean(raw: &[String], site_name: Option<&str>) -> Vec<String> {
    clean_with(raw, site_name, false)
}

/// Cleans names that structured metadata (JSON-LD, author metas) declares as authors: those are
/// kept as the page wrote them, lower-case user names ("kirstin boatto", "r23") and desks
/// ("Redaktion", "Staff") included, as long as no real name stands beside a role.
pub(super) fn clean_declared(raw: &[String], site_name: Option<&str>) -> Vec<String> {
    clean_with(raw, site_name, true)
}

fn clean_with(raw: &[String], site_name: Option<&str>, declared: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut roles: Vec<String> = Vec::new();
    for r in raw {
        if r.contains("://") || r.trim_start().starts_with("www.") {
            continue;
        }
        let lower = r.trim_start().to_lowercase();
        // "Updated by …": someone other than the author. Inside a byline, the names before it
        // are the authors' when a lead introduces them ("Written by Jane Doe | Fact checked by
        // John Roe"); otherwise ("Revised Edition Edited by Adrian Parr") none is
        let r = match NOT_AUTHOR.iter().filter_map(|l| lower.find(l)).min() {
            Some(0) => continue,
            Some(at) => {
                let before = &lower[..at];
                let led = ["by ", "von ", "par ", "por ", "autor", "author"]
                    .iter()
                    .any(|l| before.contains(l));
                if !led || lower.len() != r.trim_start().len() {
                    continue;
                }
                &r.trim_start()[..at]
            }
            None => r.as_str(),
        };
        // "Ay, caramba sagt:": a commenter's line, whatever its commas
        if COMMENT_VERBS.iter().any(|v| {
            lower
                .match_indices(v)
                .any(|(i, _)| lower[i + v.len()..].starts_with(':'))
        }) {
            continue;
        }
        // "Jobs & Hire" signing for the site "Jobs & Hire" is the outlet, one name
        let whole =
            site_name.is_some_and(|site| !name_key(r).is_empty() && name_key(site) == name_key(r));
        // a title in a declared name may be the name ("Luxury Travel Expert" signs its site)
        let parts = if whole {
            vec![r.trim().to_string()]
        } else if declared {
            split(&without_ui_fields(r))
                .into_iter()
                .map(without_run_in_title)
                .collect()
        } else {
            let r = without_ui_fields(r);
            let field = author_field(&r);
            without_job_titles(split(field.as_deref().unwrap_or(&r)))
        };
        for name in parts {
            let name = printed_once(tidy(&name));
            let name = if declared {
                name
            } else {
                without_outlet_tail(name, site_name)
            };
            if name.is_empty() {
                continue;
            }
            if is_name(&name) {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(&name)) {
                    out.push(name);
                }
            } else if declared && is_declared_name(&name) {
                // "det/dpa", "AFP/The Local": the agency is declared as a co-author
                if is_role(&name) && !AGENCIES.contains(&name.to_lowercase().as_str()) {
                    roles.push(name);
                } else if !out.iter().any(|o| o.eq_ignore_ascii_case(&name)) {
                    out.push(name);
                }
            }
        }
    }
    // a publication may sign its own articles, but beside a person's name its name (or its
    // domain) is the outlet, not an author: "Rob Picheta, CNN", "Ernst Lohoff | jungle.world"
    if out.len() > 1 {
        let site = site_name.map(name_key).unwrap_or_default();
        let outlet = |n: &str| (!site.is_empty() && name_key(n) == site) || is_domain(n);
        if out.iter().any(|n| !outlet(n)) {
            out.retain(|n| !outlet(n));
        }
    }
    // "SHOW ALL ARTICLES OF Heiko Sauer" beside "Heiko Sauer": interface words run into the name
    let longer: Vec<usize> = (0..out.len())
        .filter(|&i| {
            out.iter().enumerate().any(|(j, o)| {
                j != i
                    && o.split_whitespace().count() >= 2
                    && out[i].len() > o.len()
                    && out[i]
                        .to_lowercase()
                        .ends_with(&format!(" {}", o.to_lowercase()))
            })
        })
        .collect();
    for i in longer.into_iter().rev() {
        out.remove(i);
    }
    if out.is_empty() {
        // a desk or role alone is how the page signs the article
        for r in roles {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&r)) {
                out.push(r);
            }
        }
    }
    out
}

/// "Yucy Yucy", "Jane Doe Jane Doe": a name printed twice in one box (a screen-reader copy
/// beside the visible one) is the name once; initials ("R. R.") are no repeat.
fn printed_once(name: String) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let half = words.len() / 2;
    if half > 0
        && words.len().is_multiple_of(2)
        && words[..half] == words[half..]
        && words[..half]
            .iter()
            .all(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
    {
        words[..half].join(" ")
    } else {
        name
    }
}

/// "Adam Aaronson PhillyVoice Staff": a visible name run into the outlet's name and a role keeps
/// the name (two words at least).
fn without_outlet_tail(name: String, site_name: Option<&str>) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut end = words.len();
    while end > 2 && is_role(words[end - 1]) {
        end -= 1;
    }
    if end == words.len() {
        return name;
    }
    let site = site_name.map(name_key).unwrap_or_default();
    match (2..end).find(|&i| !site.is_empty() && name_key(&words[i..end].join(" ")) == site) {
        Some(at) => words[..at].join(" "),
        None => name,
    }
}

/// The author's field of a byline that lists labelled fields ("Datum: 19.11.2021 Autor: Fritz
/// Imhof Quelle: Livenet"): the words after the author label up to the next label.
fn author_field(r: &str) -> Option<String> {
    let words: Vec<&str> = r.split_whitespace().collect();
    let label = |w: &str| {
        w.len() > 1 && w.ends_with(':') && w.chars().all(|c| c.is_alphabetic() || c == ':')
    };
    let at = words.iter().position(|w| {
        w.strip_suffix(':')
            .is_some_and(|w| FIELD_LABELS.contains(&w.to_lowercase().as_str()))
    })?;
    if !words[..at].iter().any(|w| label(w)) {
        return None;
    }
    let field: Vec<&str> = words[at + 1..]
        .iter()
        .take_while(|w| !label(w))
        .copied()
        .collect();
    Some(field.join(" "))
}

/// A byline box without its interface fields: each piece (between commas or bars) that opens
/// with an interface label and a colon goes, with its value ("Autor: Gàbor Muniér , Datum:
/// 15.Jun.19 , Anzahl der Kommentare: 0" keeps "Autor: Gàbor Muniér").
fn without_ui_fields(r: &str) -> std::borrow::Cow<'_, str> {
    if !r.contains(':') {
        return r.into();
    }
    // one label to a piece: "Datum: … Autor: … Quelle: …" is left to `author_field`; a label
    // run on after a name keeps the name ("José Miguel Wilson Tiempo de lectura: 8 minutos")
    let kept = |piece: &str| -> Option<usize> {
        if piece.matches(':').count() != 1 {
            return Some(piece.len());
        }
        let (label, _) = piece.split_once(':')?;
        let lower = label.trim_end().to_lowercase();
        if lower.len() != label.trim_end().len() {
            return Some(piece.len());
        }
        UI_LABELS
            .iter()
            .find_map(|l| {
                let head = lower.strip_suffix(l)?;
                (head.trim().is_empty() || head.ends_with(' ')).then_some(head.len())
            })
            .map_or(Some(piece.len()), |at| {
                (!label[..at].trim().is_empty()).then_some(at)
            })
    };
    let pieces: Vec<&str> = r.split([',', '|']).collect();
    if pieces.iter().all(|p| kept(p) == Some(p.len())) {
        return r.into();
    }
    pieces
        .into_iter()
        .filter_map(|p| kept(p).map(|at| &p[..at]))
        .collect::<Vec<_>>()
        .join(",")
        .into()
}

/// "Bund der Energieverbraucher e.V.", "EnBW AG": a company or an association, not a person.
pub(super) fn is_organisation(name: &str) -> bool {
    // "Bayerische Landesanstalt für Wald", "Das Magazin für Lesben": no person's name holds
    // "für", "of", "for"
    const CONNECTORS: &[&str] = &["für", "of", "for", "pour", "para", "zur", "zum"];
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 2
        && (words
            .last()
            .is_some_and(|w| LEGAL_FORMS.contains(&w.to_lowercase().as_str()))
            || words[1..].iter().any(|w| CONNECTORS.contains(w)))
}

/// "jungle.world", "cipha.net": a domain name, not a person's.
pub(super) fn is_domain(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(char::is_alphabetic))
}

/// "robert.stitz", "andrew.keaveney": a user name written like a domain, told from one by a last
/// part longer than a common top-level domain's, all lower case.
pub(super) fn is_user_name(s: &str) -> bool {
    is_domain(s)
        && s.rsplit('.').next().is_some_and(|last| last.len() > 4)
        && !s.chars().any(char::is_uppercase)
}

/// A name declared by metadata: anything short with letters that is not a date, URL or interface
/// word.
fn is_declared_name(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=6).contains(&words)
        && s.chars().any(char::is_alphabetic)
        && !JUNK.contains(&s.to_lowercase().as_str())
        && super::dates::parse_text(s).is_none()
}

/// A byline that prints a job title after the name keeps the name alone: the title is cut from a
/// name run into it (from the third word on, so two-word names stay whole), and the fragments
/// from the title's on are dropped, with the one-word fragments before it ("Brett Cruz, Privacy,
/// Digital Security Expert" is Brett Cruz).
fn without_job_titles(parts: Vec<String>) -> Vec<String> {
    let title = |w: &str| {
        let w = w.to_lowercase();
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        JOB_TITLES.contains(&w) || TITLE_OPENERS.contains(&w)
    };
    let is_title = |w: &str| {
        let w = w.to_lowercase();
        JOB_TITLES.contains(&w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
    };
    let Some(at) = parts
        .iter()
        .position(|p| p.split_whitespace().any(is_title))
    else {
        return parts;
    };
    let first: Vec<&str> = parts[0].split_whitespace().collect();
    if at == 0 {
        return match first.iter().skip(2).position(|w| title(w)) {
            // "Guide by Will Judd Former Deputy Tech Editor": the name follows the "by"
            Some(i) => {
                let name = &first[..i + 2];
                let from = name
                    .iter()
                    .rposition(|w| w.eq_ignore_ascii_case("by"))
                    .map_or(0, |b| b + 1);
                // "Lance Ryan (Content Manager)": a bracket the cut opened goes whole
                let to = name
                    .iter()
                    .position(|w| w.starts_with('(') && !w.ends_with(')'))
                    .filter(|&at| at > from)
                    .unwrap_or(name.len());
                vec![name[from..to].join(" ")]
            }
            None => parts,
        };
    }
    let mut kept = vec![parts[0].clone()];
    kept.extend(
        parts[1..at]
            .iter()
            .filter(|p| p.split_whitespace().count() >= 2)
            .cloned(),
    );
    kept
}

/// A declared name with a job title run in from its third word ("Keith Barry Senior Autos
/// Reporter"): the name before it. Titles after a comma stay declared as written.
fn without_run_in_title(name: String) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let bare = |w: &str| {
        w.to_lowercase()
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string()
    };
    let titled = words
        .iter()
        .skip(2)
        .any(|w| JOB_TITLES.contains(&bare(w).as_str()));
    let at = words.iter().skip(2).position(|w| {
        let w = bare(w);
        JOB_TITLES.contains(&w.as_str()) || TITLE_OPENERS.contains(&w.as_str())
    });
    match at {
        // the words kept are a person's name: capitalised, no role, title or article
        // ("Staff Writer", "Letters To The Editor" stay)
        Some(i)
            if titled
                && words[..i + 2].iter().all(|w| {
                    let b = bare(w);
                    w.starts_with(char::is_uppercase)
                        && !is_role(w)
                        && !JOB_TITLES.contains(&b.as_str())
                        && !TITLE_OPENERS.contains(&b.as_str())
                        && !DETERMINERS.contains(&b.as_str())
                        && !["to", "of", "for", "at"].contains(&b.as_str())
                }) =>
        {
            words[..i + 2].join(" ")
        }
        _ => name,
    }
}

pub(super) fn is_role(s: &str) -> bool {
    s.split_whitespace()
        .all(|w| ROLES.contains(&w.to_lowercase().trim_end_matches('.')))
}

fn split(raw: &str) -> Vec<String> {
    let mut s = without_lower_brackets(&raw.replace(['\n', '\t', '\u{a0}'], " "));
    for sep in [
        "|", "•", "·", "—", "–", " - ", "/", "[", "]", ";", "&", "+", "\u{1}", ":",
    ] {
        s = s.replace(sep, ",");
    }
    let mut parts = Vec::new();
    for piece in s.split(',') {
        let mut rest = piece.trim().to_string();
        for conj in [
            " im gespräch mit ",
            " in conversation with ",
            " and ",
            " und ",
            " et ",
            " y ",
            " e ",
            " i ",
            " en ",
            " og ",
            " och ",
            " a ",
            " и ",
        ] {
            rest = replace_ci(&rest, conj, ",");
        }
        parts.extend(
            rest.split(',')
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty()),
        );
    }
    parts
}

/// Brackets inside a name that open with a capital stay, part of it ("Paramita (Guha) Ghosh",
/// "Jean-Luc Aufranc (CNXSoft)"); the others ("Julia Hitz (eg)", "(dpa)") separate names.
fn without_lower_brackets(s: &str) -> String {
    if !s.contains('(') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut kept = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '(' if chars.peek().is_some_and(|n| n.is_uppercase()) => {
                kept += 1;
                out.push(c);
            }
            ')' if kept > 0 => {
                kept -= 1;
                out.push(c);
            }
            '(' | ')' => out.push(','),
            _ => out.push(c),
        }
    }
    out
}

fn replace_ci(s: &str, from: &str, to: &str) -> String {
    let lower = s.to_lowercase();
    if lower.len() != s.len() {
        return s.replace(from, to);
    }
    let mut out = String::new();
    let mut i = 0;
    while let Some(pos) = lower[i..].find(from) {
        out.push_str(&s[i..i + pos]);
        out.push_str(to);
        i += pos + from.len();
    }
    out.push_str(&s[i..]);
    out
}

fn tidy(s: &str) -> String {
    let mut t = s
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'')
        .to_string();
    loop {
        let lower = t.to_lowercase();
        let Some(lead) = LEADS.iter().find(|l| {
            lower.starts_with(*l)
                && (lower.len() == l.len()
                    || !lower[l.len()..].starts_with(char::is_alphanumeric)
                    || l.ends_with(':'))
        }) else {
            break;
        };
        if lower.len() == lead.len() {
            return String::new();
        }
        t = t[lead.len()..]
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .to_string();
    }
    // "Bundespräsident Johannes Rau", "FOCUS-Online-Experte Robin Tschöpe": a job title before
    // a name of two capitalised words or more goes
    if let Some((first, rest)) = t.split_once(' ')
        && is_title_before_name(first)
        && rest.split_whitespace().count() >= 2
        && rest
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase) || PARTICLES.contains(&w))
    {
        t = rest.trim().to_string();
    }
    // "Williams Perdomo @wperdomod": the handle goes, the name stays
    if t.contains(" @") {
        t = t
            .split_whitespace()
            .filter(|w| !w.starts_with('@'))
            .collect::<Vec<_>>()
            .join(" ");
    }
    if t.contains('@') || t.contains("http") || t.contains("www.") {
        return String::new();
    }
    let lower = t.to_lowercase();
    // "Jane says" heads a comment, not the article
    if COMMENT_VERBS.iter().any(|v| lower.ends_with(v)) {
        return String::new();
    }
    // "Niko Matsakis on behalf of Vision Doc group": the name is the person's
    if let Some(at) = lower.find(" on behalf of ") {
        t.truncate(at);
    }
    // "José Miguel Wilson Hace 13 horas", "Jane Doe vor 11 Minuten": a relative date goes
    let words: Vec<&str> = t.split_whitespace().collect();
    if let Some(at) = (2..words.len()).find(|&i| {
        matches!(words[i].to_lowercase().as_str(), "hace" | "vor")
            && words
                .get(i + 1)
                .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
    }) {
        t = words[..at].join(" ");
    }
    // "Luke Kim December 17", "Eric Hergenreder Updated December 3", "BBNTEAM at April 21": a
    // date run on after the name goes, with the word that led to it
    let words: Vec<&str> = t.split_whitespace().collect();
    if let Some(at) = (2..words.len()).find(|&i| {
        super::dates::month(words[i].trim_end_matches(',')).is_some()
            && words
                .get(i + 1)
                .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
    }) {
        let mut kept = &words[..at];
        while let [head @ .., last] = kept
            && !head.is_empty()
            && (matches!(
                last.to_lowercase().as_str(),
                "on" | "am" | "at" | "le" | "el"
            ) || last.chars().all(|c| c.is_ascii_digit() || c == '.')
                || is_role(last))
        {
            kept = head;
        }
        t = kept.join(" ");
    }
    let lower = t.to_lowercase();
    if let Some(tail) = TRAILING.iter().find(|j| lower.ends_with(*j)) {
        t.truncate(t.len() - tail.len());
    }
    let mut t = t
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.')
        .to_string();
    // a weekday (or "Stand") left where a date followed the name, with the "am"/"on" before
    // it; the name keeps a word
    let mut cut = false;
    while let Some((head, last)) = t.rsplit_once(' ') {
        let last = last.trim_end_matches(['.', ',']).to_lowercase();
        let word = DATE_TAIL.contains(&last.as_str())
            || super::dates::WEEKDAYS.contains(&last.as_str())
            || (cut && matches!(last.as_str(), "am" | "on" | "le" | "el"));
        if !word || head.trim().is_empty() {
            break;
        }
        t = head.trim_end().to_string();
        cut = true;
    }
    // "Claight Corporation (Expert Market Research)": the trims took the closing bracket
    if t.matches('(').count() > t.matches(')').count() && s.trim_end().ends_with(')') {
        t.push(')');
    }
    t
}

/// The labels that name the author's field of a byline ("Autorin: Uta Staschewski", "Datum: …
/// Autor: Fritz Imhof Quelle: …"), lower case, without their colon. All open with "au":
/// `authors::labelled_text` skips other lines on that.
pub(super) const FIELD_LABELS: &[&str] =
    &["autor", "autorin", "autoren", "auteur", "author", "authors"];

/// "Rechtsanwalt", "FOCUS-Online-Experte": a job title that a byline prints before the name.
fn is_title_before_name(word: &str) -> bool {
    const COMPOUND_ENDS: &[&str] = &[
        "experte",
        "expertin",
        "korrespondent",
        "korrespondentin",
        "redakteur",
        "redakteurin",
    ];
    let w = word.to_lowercase();
    TITLES_BEFORE.contains(&w.as_str())
        || w.rsplit_once('-')
            .is_some_and(|(_, end)| COMPOUND_ENDS.contains(&end))
}

/// A handle rather than a name: one lower-case word with a digit, "_", "-" or "." in it
/// ("link78", "gabor_munier", "sarah-indra", "robert.stitz").
pub(super) fn is_handle(s: &str) -> bool {
    !s.contains(char::is_whitespace)
        && s.chars().any(char::is_alphabetic)
        && !s.chars().any(char::is_uppercase)
        && s.chars().any(|c| c.is_ascii_digit() || "_-.".contains(c))
}

/// Does this look like a person's (or an agency's) name rather than a role, date or sentence?
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if JUNK.contains(&s.to_lowercase().as_str()) {
        return false;
    }
    if is_role(s) {
        return false;
    }
    if !s.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    // sentences and headlines are lower case after the first word; names are capitalised
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .count();
    capitalised * 2 >= words.len()
}

/// Articles and pronouns: "von der Polizei", "by Our Staff" do not start a name.
pub(super) const DETERMINERS: &[&str] = &[
    "der", "den", "dem", "des", "die", "das", "ein", "eine", "einem", "einer", "ihrem", "ihrer",
    "ihren", "ihnen", "sie", "uns", "unserem", "unserer", "unseren", "meinem", "meiner", "deinem",
    "deinen", "dir", "mir", "the", "a", "an", "this", "our", "my", "your", "le", "la", "les", "el",
    "los", "las", "un", "une",
];

/// Particles and conjunctions that may stand lower case inside a run of names.
pub(super) const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "del", "della", "di", "du", "la", "le", "y", "and",
    "und", "et", "&", "bin", "al", "ter", "zu", "dos", "das",
];

/// The names at the start of `rest`: capitalised words (and particles, commas, "and"), up to a
/// digit, a separator, a lower-case word or the end of the line ("Von Roland Brockmann und
/// Sebastian Drescher<br>Kakuma /Kenia").
pub(super) fn leading_names(rest: &str) -> String {
    let mut out = String::new();
    let rest = rest.trim_start();
    let rest = rest.split_once('\n').map_or(rest, |(line, _)| line);
    let first = rest.split_whitespace().next().unwrap_or("");
    if DETERMINERS.contains(&first.to_lowercase().as_str()) {
        return out;
    }
    let mut words = rest.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let bare = word.trim_end_matches([',', '.', ';', ':']);
        // "Jane Doe December 2, 2025"
        if super::dates::month(bare).is_some()
            && words
                .peek()
                .is_none_or(|n| n.starts_with(|c: char| c.is_ascii_digit()))
        {
            break;
        }
        // "Christian Seiler Illustration von Markus Roost": a credit for the pictures follows;
        // "By A. J. Neal View In Digital Edition": the byline box's links follow
        let lower = bare.to_lowercase();
        if CREDIT_WORDS.contains(&lower.as_str()) || UI_WORDS.contains(&lower.as_str()) {
            break;
        }
        // "by C.Habermueller All rights reserved": a copyright notice's formula follows
        if words.peek().is_some_and(|next| {
            let next = next.to_lowercase();
            RIGHTS_RESERVED
                .iter()
                .any(|(w, n)| lower == *w && next.starts_with(n))
        }) {
            break;
        }
        let first = bare.chars().next();
        let stop = word.starts_with(['|', '•', '·', '–', '—', '-', '(', '/'])
            || word.chars().any(|c| c.is_ascii_digit())
            || !(first.is_some_and(char::is_uppercase) || PARTICLES.contains(&bare));
        if stop {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        if word.ends_with(['|', '•', '·']) {
            break;
        }
    }
    // "Übergabe von Stützpunktgeräten und -fahrzeugen": a name does not end with a particle
    while let Some((head, last)) = out.rsplit_once(' ')
        && PARTICLES.contains(&last)
    {
        out.truncate(head.len());
    }
    out
}
