//! robots.txt (RFC 9309): the rules of the group that names our product token (else `*`),
//! matched longest-pattern-first with `*` and `$`, and the `Crawl-delay` extension.
//! Small enough to own instead of a dependency.

use std::time::Duration;

/// The parsed rules for one user agent on one host.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Robots {
    rules: Vec<Rule>,
    crawl_delay: Option<Duration>,
}

#[derive(Debug, Clone, PartialEq)]
struct Rule {
    allow: bool,
    pattern: Vec<u8>,
}

impl Robots {
    /// Everything allowed (no robots.txt, or a 4xx for it).
    pub fn allow_all() -> Robots {
        Robots::default()
    }

    /// Nothing allowed (robots.txt unreachable with a server error, as RFC 9309 asks).
    pub fn disallow_all() -> Robots {
        Robots {
            rules: vec![Rule {
                allow: false,
                pattern: b"/".to_vec(),
            }],
            crawl_delay: None,
        }
    }

    /// Parses a robots.txt for `user_agent` (a full User-Agent such as `morgue/0.1 (+…)`: its
    /// product token, before the first `/` or space, is what groups are matched against).
    pub fn parse(text: &str, user_agent: &str) -> Robots {
        let token = product_token(user_agent);
        let mut ours = Groups::default();
        let mut star = Groups::default();
        // The agents of the group being read, and whether its rules have started.
        let mut agents: Vec<String> = Vec::new();
        let mut in_rules = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if in_rules {
                        agents.clear();
                        in_rules = false;
                    }
                    agents.push(product_token(value));
                }
                "allow" | "disallow" | "crawl-delay" => {
                    in_rules = true;
                    let target = if agents.contains(&token) {
                        &mut ours
                    } else if agents.iter().any(|a| a == "*") {
                        &mut star
                    } else {
                        continue;
                    };
                    target.seen = true;
                    if key == "crawl-delay" {
                        if let Ok(secs) = value.parse::<f64>()
                            && secs.is_finite()
                            && secs >= 0.0
                        {
                            target.crawl_delay = Some(Duration::from_secs_f64(secs.min(86_400.0)));
                        }
                    } else if !value.is_empty() {
                        target.rules.push(Rule {
                            allow: key == "allow",
                            pattern: normalize_pattern(value),
                        });
                    }
                }
                _ => {}
            }
        }
        let chosen = if ours.seen { ours } else { star };
        Robots {
            rules: chosen.rules,
            crawl_delay: chosen.crawl_delay,
        }
    }

    /// Whether a URL path (with its `?query`, as sent on the request line) may be fetched.
    pub fn is_allowed(&self, path_and_query: &str) -> bool {
        if path_and_query == "/robots.txt" {
            return true;
        }
        let path = path_and_query.as_bytes();
        let mut best: Option<(usize, bool)> = None;
        for rule in &self.rules {
            if matches(&rule.pattern, path) {
                let len = rule.pattern.len();
                best = match best {
                    Some((l, a)) if l > len || (l == len && a) => Some((l, a)),
                    _ => Some((len, rule.allow)),
                };
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }

    /// The `Crawl-delay` of our group, if any.
    pub fn crawl_delay(&self) -> Option<Duration> {
        self.crawl_delay
    }
}

#[derive(Default)]
struct Groups {
    seen: bool,
    rules: Vec<Rule>,
    crawl_delay: Option<Duration>,
}

/// `morgue/0.1 (+x)` → `morgue`, lower-cased.
fn product_token(agent: &str) -> String {
    agent
        .trim()
        .split(['/', ' '])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Percent-encodes what the url crate would encode in a path (non-ASCII, spaces), and
/// upper-cases existing escapes, so patterns compare with serialized URL paths.
fn normalize_pattern(pattern: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(pattern.len());
    let bytes = pattern.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
        {
            out.push(b'%');
            out.push(bytes[i + 1].to_ascii_uppercase());
            out.push(bytes[i + 2].to_ascii_uppercase());
            i += 3;
            continue;
        }
        if b >= 0x80 || b == b' ' {
            out.extend_from_slice(format!("%{b:02X}").as_bytes());
        } else {
            out.push(b);
        }
        i += 1;
    }
    out
}

/// Does `pattern` (with `*` for any run and a final `$` for the end) match the start of `path`?
fn matches(pattern: &[u8], path: &[u8]) -> bool {
    let (pattern, anchored) = match pattern.split_last() {
        Some((b'$', rest)) => (rest, true),
        _ => (pattern, false),
    };
    // Classic wildcard matching with backtracking to the last `*`.
    let (mut p, mut s) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    loop {
        if p == pattern.len() && (!anchored || s == path.len()) {
            return true;
        }
        if p < pattern.len() && pattern[p] == b'*' {
            star = Some((p, s));
            p += 1;
            continue;
        }
        if p < pattern.len() && s < path.len() && pattern[p] == path[s] {
            p += 1;
            s += 1;
            continue;
        }
        match star {
            Some((sp, ss)) if ss < path.len() => {
                star = Some((sp, ss + 1));
                p = sp + 1;
                s = ss + 1;
            }
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UA: &str = "morgue/0.1.0 (+news archive)";

    #[test]
    fn star_group_applies_when_ours_is_absent() {
        let r = Robots::parse("User-agent: *\nDisallow: /private/\n", UA);
        assert!(!r.is_allowed("/private/x"));
        assert!(r.is_allowed("/public/x"));
        assert!(r.is_allowed("/robots.txt"));
    }

    #[test]
    fn our_group_wins_over_star() {
        let text = "User-agent: *\nDisallow: /\n\nUser-agent: Morgue\nDisallow: /drafts\nCrawl-delay: 2.5\n";
        let r = Robots::parse(text, UA);
        assert!(r.is_allowed("/2024/story"));
        assert!(!r.is_allowed("/drafts/1"));
        assert_eq!(r.crawl_delay(), Some(Duration::from_millis(2500)));
        let other = Robots::parse(text, "otherbot/1.0");
        assert!(!other.is_allowed("/2024/story"));
        assert_eq!(other.crawl_delay(), None);
    }

    #[test]
    fn grouped_agents_share_rules() {
        let text = "User-agent: a\nUser-agent: morgue\nDisallow: /x\nUser-agent: b\nDisallow: /y\n";
        let r = Robots::parse(text, UA);
        assert!(!r.is_allowed("/x1"));
        assert!(r.is_allowed("/y1"));
    }

    #[test]
    fn longest_match_wins_and_allow_breaks_ties() {
        let text =
            "User-agent: *\nDisallow: /news/\nAllow: /news/public/\nDisallow: /a\nAllow: /a\n";
        let r = Robots::parse(text, UA);
        assert!(!r.is_allowed("/news/secret"));
        assert!(r.is_allowed("/news/public/1"));
        assert!(r.is_allowed("/a"));
    }

    #[test]
    fn wildcards_and_end_anchor() {
        let text = "User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?print=\nDisallow: /tmp*/x\n";
        let r = Robots::parse(text, UA);
        assert!(!r.is_allowed("/doc/a.pdf"));
        assert!(r.is_allowed("/doc/a.pdf?x=1"));
        assert!(r.is_allowed("/story?id=1&print=1"));
        assert!(!r.is_allowed("/story?print=1"));
        assert!(!r.is_allowed("/tmp123/x/y"));
        assert!(r.is_allowed("/tmp123/y"));
    }

    #[test]
    fn empty_disallow_comments_and_junk_are_harmless() {
        let text = "# hi\nUser-agent: * # all\nDisallow:\nnonsense line\nSitemap: http://x/s.xml\n";
        let r = Robots::parse(text, UA);
        assert!(r.is_allowed("/anything"));
        assert!(Robots::parse("", UA).is_allowed("/"));
        assert!(!Robots::disallow_all().is_allowed("/a"));
    }

    #[test]
    fn non_ascii_patterns_match_encoded_paths() {
        let r = Robots::parse("User-agent: *\nDisallow: /café\nDisallow: /%7euser\n", UA);
        assert!(!r.is_allowed("/caf%C3%A9/menu"));
        assert!(!r.is_allowed("/%7Euser/page"));
    }
}
