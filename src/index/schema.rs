//! The tantivy schema, defined once: field names as constants, the options of every field, and the
//! [`Fields`] handle that the index and search stages use instead of looking names up again.
//!
//! Text is indexed twice: an unstemmed ("exact") field with positions for phrases, exact words,
//! prefixes and fuzzy terms, and a stemmed field (words only, stemmed in the article's language)
//! for ordinary words. Both fold case and accents.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

/// Bumped whenever the schema or the analysis changes in a way that needs a `morgue rebuild`.
pub const SCHEMA_VERSION: u32 = 1;

/// Tokenizer of the exact text fields: words (runs of letters and digits), lower-cased, folded to
/// ASCII where a letter has an ASCII base (`Peskóv` → `peskov`).
pub const EXACT_TOKENIZER: &str = "morgue_exact";
/// Tokenizer of the keyword fields (`site`, `lang`, `tag`, `section`): the whole value as one term,
/// lower-cased and folded.
pub const KEYWORD_TOKENIZER: &str = "morgue_keyword";

/// Article id (16 hex digits), raw: the key of replace-by-id.
pub const ID: &str = "id";
pub const URL: &str = "url";
pub const CANONICAL_URL: &str = "canonical_url";
/// Title, exact (positions).
pub const TITLE: &str = "title";
/// Title, stemmed.
pub const TITLE_STEM: &str = "title_stem";
pub const DESCRIPTION: &str = "description";
pub const DESCRIPTION_STEM: &str = "description_stem";
/// Body text, exact (positions), stored.
pub const TEXT: &str = "text";
pub const TEXT_STEM: &str = "text_stem";
/// Author names (stored and indexed as words with positions: `author:"jane doe"`, `author:doe`;
/// whole names in a fast column for facets).
pub const AUTHOR: &str = "author";
/// The site as stored (host without `www.`; fast column for facets).
pub const SITE: &str = "site";
/// The site and every parent domain, so `example.com` matches `news.example.com`.
pub const SITE_DOMAIN: &str = "site_domain";
pub const SITE_NAME: &str = "site_name";
/// Language code; indexed as `und` when unknown.
pub const LANG: &str = "lang";
pub const SECTION: &str = "section";
pub const TAG: &str = "tag";
/// Publication instant (UTC), indexed and fast.
pub const PUBLISHED: &str = "published";
/// Publication calendar day in the article's own offset, as the number `yyyymmdd`: what
/// `published:` ranges and `--since`/`--until` compare.
pub const PUBLISHED_DAY: &str = "published_day";
/// Publication date with its own offset, RFC 3339 (stored only).
pub const PUBLISHED_RFC3339: &str = "published_rfc3339";
pub const MODIFIED_RFC3339: &str = "modified_rfc3339";
pub const FETCHED_AT: &str = "fetched_at";
pub const HTTP_STATUS: &str = "http_status";
pub const ARCHIVE_FILE: &str = "archive_file";
pub const ARCHIVE_OFFSET: &str = "archive_offset";
pub const ARCHIVE_LENGTH: &str = "archive_length";
/// The four 16-bit bands of the text's SimHash, for finding near-duplicate candidates.
pub const SIMHASH_BAND: &str = "simhash_band";
/// The text's SimHash (fast).
pub const SIMHASH: &str = "simhash";
/// Near-duplicate cluster: the id of the first article of a story seen (its own id when unique).
pub const CLUSTER: &str = "cluster";
/// Sort key for `newest`: publication second and id bits, larger = newer; 0 when undated.
pub const ORDER_NEWEST: &str = "order_newest";
/// Sort key for `oldest`: larger = older; 0 when undated.
pub const ORDER_OLDEST: &str = "order_oldest";

/// Every field of the schema, resolved once.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub id: Field,
    pub url: Field,
    pub canonical_url: Field,
    pub title: Field,
    pub title_stem: Field,
    pub description: Field,
    pub description_stem: Field,
    pub text: Field,
    pub text_stem: Field,
    pub author: Field,
    pub site: Field,
    pub site_domain: Field,
    pub site_name: Field,
    pub lang: Field,
    pub section: Field,
    pub tag: Field,
    pub published: Field,
    pub published_day: Field,
    pub published_rfc3339: Field,
    pub modified_rfc3339: Field,
    pub fetched_at: Field,
    pub http_status: Field,
    pub archive_file: Field,
    pub archive_offset: Field,
    pub archive_length: Field,
    pub order_newest: Field,
    pub order_oldest: Field,
    pub simhash_band: Field,
    pub simhash: Field,
    pub cluster: Field,
}

fn text_options(tokenizer: &str, record: IndexRecordOption, stored: bool) -> TextOptions {
    let options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(record),
    );
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// Builds the schema. The only place fields are declared.
pub fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let positions = IndexRecordOption::WithFreqsAndPositions;
    let freqs = IndexRecordOption::WithFreqs;
    let basic = IndexRecordOption::Basic;
    // The stemmed fields are fed pre-tokenized text (stemmed in each article's language), so
    // their tokenizer name only matters for tantivy's bookkeeping.
    let fields = Fields {
        id: b.add_text_field(ID, STRING | STORED),
        url: b.add_text_field(URL, text_options(EXACT_TOKENIZER, positions, true)),
        canonical_url: b.add_text_field(CANONICAL_URL, STORED),
        title: b.add_text_field(TITLE, text_options(EXACT_TOKENIZER, positions, true)),
        title_stem: b.add_text_field(TITLE_STEM, text_options(EXACT_TOKENIZER, freqs, false)),
        description: b.add_text_field(DESCRIPTION, text_options(EXACT_TOKENIZER, positions, true)),
        description_stem: b.add_text_field(
            DESCRIPTION_STEM,
            text_options(EXACT_TOKENIZER, freqs, false),
        ),
        text: b.add_text_field(TEXT, text_options(EXACT_TOKENIZER, positions, true)),
        text_stem: b.add_text_field(TEXT_STEM, text_options(EXACT_TOKENIZER, freqs, false)),
        author: b.add_text_field(
            AUTHOR,
            text_options(EXACT_TOKENIZER, positions, true).set_fast("raw"),
        ),
        site: b.add_text_field(
            SITE,
            text_options(KEYWORD_TOKENIZER, basic, true).set_fast("raw"),
        ),
        site_domain: b.add_text_field(SITE_DOMAIN, text_options(KEYWORD_TOKENIZER, basic, false)),
        site_name: b.add_text_field(SITE_NAME, STORED),
        lang: b.add_text_field(
            LANG,
            text_options(KEYWORD_TOKENIZER, basic, true).set_fast("raw"),
        ),
        section: b.add_text_field(SECTION, text_options(KEYWORD_TOKENIZER, basic, true)),
        tag: b.add_text_field(TAG, text_options(KEYWORD_TOKENIZER, basic, true)),
        published: b.add_date_field(PUBLISHED, INDEXED | FAST),
        published_day: b.add_u64_field(PUBLISHED_DAY, INDEXED | FAST),
        published_rfc3339: b.add_text_field(PUBLISHED_RFC3339, STORED),
        modified_rfc3339: b.add_text_field(MODIFIED_RFC3339, STORED),
        fetched_at: b.add_text_field(FETCHED_AT, STORED),
        http_status: b.add_u64_field(HTTP_STATUS, STORED),
        archive_file: b.add_text_field(ARCHIVE_FILE, STORED),
        archive_offset: b.add_u64_field(ARCHIVE_OFFSET, STORED),
        archive_length: b.add_u64_field(ARCHIVE_LENGTH, STORED),
        order_newest: b.add_u64_field(ORDER_NEWEST, FAST),
        order_oldest: b.add_u64_field(ORDER_OLDEST, FAST),
        simhash_band: b.add_text_field(SIMHASH_BAND, STRING),
        simhash: b.add_u64_field(SIMHASH, FAST),
        cluster: b.add_text_field(CLUSTER, (STRING | STORED).set_fast("raw")),
    };
    (b.build(), fields)
}

/// The [`Fields`] of a schema built by [`build_schema`] (checked field by field on open).
pub fn fields_of(schema: &Schema) -> Result<Fields, String> {
    let f = |name: &str| {
        schema
            .get_field(name)
            .map_err(|_| format!("field {name} is missing"))
    };
    Ok(Fields {
        id: f(ID)?,
        url: f(URL)?,
        canonical_url: f(CANONICAL_URL)?,
        title: f(TITLE)?,
        title_stem: f(TITLE_STEM)?,
        description: f(DESCRIPTION)?,
        description_stem: f(DESCRIPTION_STEM)?,
        text: f(TEXT)?,
        text_stem: f(TEXT_STEM)?,
        author: f(AUTHOR)?,
        site: f(SITE)?,
        site_domain: f(SITE_DOMAIN)?,
        site_name: f(SITE_NAME)?,
        lang: f(LANG)?,
        section: f(SECTION)?,
        tag: f(TAG)?,
        published: f(PUBLISHED)?,
        published_day: f(PUBLISHED_DAY)?,
        published_rfc3339: f(PUBLISHED_RFC3339)?,
        modified_rfc3339: f(MODIFIED_RFC3339)?,
        fetched_at: f(FETCHED_AT)?,
        http_status: f(HTTP_STATUS)?,
        archive_file: f(ARCHIVE_FILE)?,
        archive_offset: f(ARCHIVE_OFFSET)?,
        archive_length: f(ARCHIVE_LENGTH)?,
        order_newest: f(ORDER_NEWEST)?,
        order_oldest: f(ORDER_OLDEST)?,
        simhash_band: f(SIMHASH_BAND)?,
        simhash: f(SIMHASH)?,
        cluster: f(CLUSTER)?,
    })
}
