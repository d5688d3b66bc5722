//! The page language: a declared code when it is plausible, otherwise detected from the text.

/// Normalises a declared language (`en-US`, `EN`, `de_DE`) to its ISO 639-1 code.
pub fn declared(raw: &str) -> Option<String> {
    let code = raw
        .trim()
        .split(['-', '_', ',', ';', ' '])
        .next()?
        .to_ascii_lowercase();
    let ok = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
    (ok && code != "und" && code != "xx" && code != "mul").then_some(code)
}

/// Detects the language of a text (ISO 639-1), when whatlang is confident enough.
pub fn detect(text: &str) -> Option<String> {
    let sample: String = text.chars().take(3000).collect();
    if sample.chars().filter(|c| c.is_alphabetic()).count() < 40 {
        return None;
    }
    let info = whatlang::detect(&sample)?;
    if info.confidence() < 0.5 && !info.is_reliable() {
        return None;
    }
    iso639_1(info.lang().code()).map(str::to_string)
}

/// ISO 639-3 (whatlang) → ISO 639-1.
fn iso639_1(code3: &str) -> Option<&'static str> {
    const MAP: &[(&str, &str)] = &[
        ("eng", "en"),
        ("deu", "de"),
        ("fra", "fr"),
        ("spa", "es"),
        ("ita", "it"),
        ("por", "pt"),
        ("nld", "nl"),
        ("pol", "pl"),
        ("rus", "ru"),
        ("ukr", "uk"),
        ("ces", "cs"),
        ("slk", "sk"),
        ("slv", "sl"),
        ("hrv", "hr"),
        ("srp", "sr"),
        ("bul", "bg"),
        ("ron", "ro"),
        ("hun", "hu"),
        ("fin", "fi"),
        ("swe", "sv"),
        ("dan", "da"),
        ("nob", "nb"),
        ("est", "et"),
        ("lav", "lv"),
        ("lit", "lt"),
        ("ell", "el"),
        ("tur", "tr"),
        ("ara", "ar"),
        ("heb", "he"),
        ("pes", "fa"),
        ("hin", "hi"),
        ("ben", "bn"),
        ("urd", "ur"),
        ("cmn", "zh"),
        ("jpn", "ja"),
        ("kor", "ko"),
        ("vie", "vi"),
        ("tha", "th"),
        ("ind", "id"),
        ("mal", "ml"),
        ("tam", "ta"),
        ("tel", "te"),
        ("kat", "ka"),
        ("hye", "hy"),
        ("bel", "be"),
        ("mkd", "mk"),
        ("cat", "ca"),
        ("epo", "eo"),
        ("lat", "la"),
        ("afr", "af"),
        ("aze", "az"),
        ("uzb", "uz"),
        ("tgl", "tl"),
        ("yid", "yi"),
        ("zul", "zu"),
        ("mar", "mr"),
        ("guj", "gu"),
        ("kan", "kn"),
        ("pan", "pa"),
        ("nep", "ne"),
        ("sin", "si"),
        ("khm", "km"),
        ("amh", "am"),
        ("jav", "jv"),
        ("tuk", "tk"),
        ("sna", "sn"),
        ("aka", "ak"),
        ("ori", "or"),
        ("mya", "my"),
        ("lin", "ln"),
    ];
    MAP.iter().find(|(k, _)| *k == code3).map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_codes_normalise() {
        assert_eq!(declared("en-US").as_deref(), Some("en"));
        assert_eq!(declared("DE_de").as_deref(), Some("de"));
        assert_eq!(declared("{{lang}}"), None);
        assert_eq!(declared(""), None);
    }

    #[test]
    fn detection_finds_german() {
        let t = "Die Bundesregierung hat am Mittwoch beschlossen, dass die neuen Regeln für alle Bürger gelten sollen, und zwar ab dem kommenden Jahr.";
        assert_eq!(detect(t).as_deref(), Some("de"));
    }
}
