//! JSON-LD: the schema.org objects a page embeds (`NewsArticle`, `@graph`, arrays, `@id`
//! references), reduced to the article object and the fields morgue reads from it.

use serde_json::Value;

/// The article-like object of the page's JSON-LD, with the graph to resolve `@id` references.
#[derive(Debug, Default)]
pub struct LinkedData {
    /// Every object with an `@type`, in document order.
    objects: Vec<Value>,
}

const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "techarticle",
    "scholarlyarticle",
    "liveblogposting",
    "socialmediaposting",
    "report",
    "posting",
    "advertisercontentarticle",
    "satiricalarticle",
    "medicalscholarlyarticle",
    "discussionforumposting",
];

impl LinkedData {
    /// Parses the page's `application/ld+json` scripts; broken ones are repaired where easy,
    /// skipped otherwise.
    pub fn parse(scripts: &[String]) -> LinkedData {
        let mut ld = LinkedData::default();
        for s in scripts {
            let s = s
                .trim()
                .trim_start_matches("<!--")
                .trim_end_matches("-->")
                .trim()
                .trim_end_matches(';');
            let value = serde_json::from_str::<Value>(s).or_else(|_| {
                let cleaned: String = s
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                serde_json::from_str::<Value>(&cleaned)
            });
            if let Ok(v) = value {
                ld.collect(v, 0);
            }
        }
        ld
    }

    fn collect(&mut self, v: Value, depth: usize) {
        if depth > 8 {
            return;
        }
        match v {
            Value::Array(items) => items.into_iter().for_each(|i| self.collect(i, depth + 1)),
            Value::Object(mut map) => {
                if let Some(graph) = map.remove("@graph") {
                    self.collect(graph, depth + 1);
                }
                if let Some(main) = map
                    .get("mainEntity")
                    .filter(|m| m.get("@type").is_some())
                    .cloned()
                {
                    self.collect(main, depth + 1);
                }
                if map.contains_key("@type") {
                    self.objects.push(Value::Object(map));
                }
            }
            _ => {}
        }
    }

    /// The first object whose type is an article type.
    pub fn article(&self) -> Option<&Value> {
        self.objects
            .iter()
            .find(|o| types(o).iter().any(|t| ARTICLE_TYPES.contains(&t.as_str())))
    }

    /// The first `WebPage`-like object (a fallback for dates and names).
    pub fn webpage(&self) -> Option<&Value> {
        self.objects
            .iter()
            .find(|o| types(o).iter().any(|t| t.ends_with("page")))
    }

    /// On a page without an article object, the first other object that says when it was
    /// published (a `HowTo`, `Recipe`, `Product`…).
    pub fn other_work(&self) -> Option<&Value> {
        if self.article().is_some() {
            return None;
        }
        self.objects
            .iter()
            .find(|o| o.get("datePublished").is_some())
    }

    /// Follows an `{"@id": …}` reference to the object the graph defines, or returns the value.
    pub fn resolve<'a>(&'a self, v: &'a Value) -> &'a Value {
        if let Some(id) = v.get("@id").and_then(Value::as_str)
            && v.get("name").is_none()
            && let Some(found) = self
                .objects
                .iter()
                .find(|o| o.get("@id").and_then(Value::as_str) == Some(id))
        {
            return found;
        }
        v
    }

    /// Author names of the article object (string, object, array, `@id`); on a page without
    /// one, the `author` of the first other work that names one (a `Recipe`, `HowTo`,
    /// `WebPage`…), unless that author is an organisation (a `WebPage` is often "authored" by
    /// the company that runs the site).
    pub fn authors(&self) -> Vec<String> {
        let Some(a) = self.article() else {
            let mut out = Vec::new();
            let organisation = |v: &Value| {
                types(self.resolve(v))
                    .iter()
                    .any(|t| t.contains("organization") || t.contains("corporation"))
            };
            if let Some(v) = self
                .objects
                .iter()
                .filter_map(|o| o.get("author"))
                .find(|v| !organisation(v))
            {
                self.names(v, &mut out);
            }
            return out;
        };
        let mut out = Vec::new();
        for key in ["author", "creator"] {
            if let Some(v) = a.get(key) {
                self.names(v, &mut out);
            }
            if !out.is_empty() {
                break;
            }
        }
        out
    }

    /// The article's `author` names typed as an organisation (`{"@type": "Organization", "name":
    /// "LN"}`): the outlet signing, however short its name.
    pub fn organisation_authors(&self) -> Vec<String> {
        let mut out = Vec::new();
        let Some(v) = self.article().and_then(|a| a.get("author")) else {
            return out;
        };
        let items = match v {
            Value::Array(items) => items.as_slice(),
            other => std::slice::from_ref(other),
        };
        for item in items {
            let item = self.resolve(item);
            if types(item)
                .iter()
                .any(|t| t.contains("organization") || t.contains("corporation"))
            {
                self.names(item, &mut out);
            }
        }
        out
    }

    fn names(&self, v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(items) => items.iter().for_each(|i| self.names(i, out)),
            Value::Object(_) => {
                let v = self.resolve(v);
                if let Some(name) = v.get("name") {
                    match name {
                        Value::String(s) => out.push(s.clone()),
                        other => self.names(other, out),
                    }
                } else if let (Some(g), Some(f)) = (
                    v.get("givenName").and_then(Value::as_str),
                    v.get("familyName").and_then(Value::as_str),
                ) {
                    out.push(format!("{g} {f}"));
                }
            }
            _ => {}
        }
    }

    /// The publisher's name (the article's, else a `NewsMediaOrganization`/`WebSite` name).
    pub fn publisher(&self) -> Option<String> {
        if let Some(p) = self.article().and_then(|a| a.get("publisher")) {
            let p = match p {
                Value::Array(items) => items.first()?,
                other => other,
            };
            if let Some(name) = text(self.resolve(p).get("name")) {
                return Some(name);
            }
        }
        self.objects
            .iter()
            .find(|o| {
                types(o)
                    .iter()
                    .any(|t| t == "newsmediaorganization" || t == "website")
            })
            .and_then(|o| text(o.get("name")))
    }
}

/// The `@type`s of an object, lower case.
fn types(o: &Value) -> Vec<String> {
    match o.get("@type") {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_ascii_lowercase)
            .collect(),
        _ => Vec::new(),
    }
}

/// A field as one string: a string, the first string of an array, or an object's `name`/`@value`.
pub fn text(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.trim().to_string(),
        Value::Array(a) => return a.iter().find_map(|i| text(Some(i))),
        Value::Object(o) => return text(o.get("name").or_else(|| o.get("@value"))),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// A field as a list: an array of strings, or one comma-separated string.
pub fn list(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a.iter().filter_map(|i| text(Some(i))).collect(),
        Some(Value::String(s)) => s
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_and_id_references_resolve() {
        let s = r##"{"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","@id":"#page"},
            {"@type":"Person","@id":"#jane","name":"Jane Doe"},
            {"@type":"NewsArticle","headline":"H","author":{"@id":"#jane"},"publisher":{"@id":"#org"}},
            {"@type":"Organization","@id":"#org","name":"The Daily"}]}"##;
        let ld = LinkedData::parse(&[s.to_string()]);
        assert_eq!(
            text(ld.article().and_then(|a| a.get("headline"))).as_deref(),
            Some("H")
        );
        assert_eq!(ld.authors(), vec!["Jane Doe"]);
        assert_eq!(ld.publisher().as_deref(), Some("The Daily"));
    }

    #[test]
    fn arrays_strings_and_broken_scripts() {
        let a = r#"[{"@type":"BreadcrumbList"},{"@type":["NewsArticle"],"author":["A B",{"@type":"Person","name":"C D"}]}]"#;
        let broken = "{\"@type\":\"Article\",\"headline\":\"line\nbreak\"}";
        let ld = LinkedData::parse(&[a.to_string(), broken.to_string(), "{not json".to_string()]);
        assert_eq!(ld.authors(), vec!["A B", "C D"]);
        let ld = LinkedData::parse(&[broken.to_string()]);
        assert_eq!(
            text(ld.article().and_then(|a| a.get("headline"))).as_deref(),
            Some("line break")
        );
    }
}
