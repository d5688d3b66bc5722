//! Near-duplicate detection for syndicated copies of one story: a 64-bit SimHash over word
//! 3-shingles of the text, and the banding that finds candidates. Two texts whose SimHashes differ
//! in at most [`MAX_DISTANCE`] bits are copies; with four 16-bit bands, such a pair always shares
//! at least one band, so only articles sharing a band are compared.
//!
//! What it catches: copies whose words are the same after case, accent and punctuation folding
//! (the usual wire copy), and long texts with small edits. A one-word edit in a 100-word text
//! flips more bits than that and is not caught.

use tantivy::tokenizer::TextAnalyzer;

use super::analysis;

/// Most differing bits for two texts to count as copies of one story.
pub const MAX_DISTANCE: u32 = 3;
/// Texts with fewer words than this are not clustered (too little to tell copies apart).
pub const MIN_WORDS: usize = 20;

fn fnv1a(words: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for b in w.bytes().chain([0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// The SimHash of a text, or `None` when it is too short to cluster.
pub fn simhash(analyzer: &mut TextAnalyzer, text: &str) -> Option<u64> {
    let words = analysis::terms(analyzer, text);
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut votes = [0i32; 64];
    for shingle in words.windows(3) {
        let h = fnv1a(shingle);
        for (bit, vote) in votes.iter_mut().enumerate() {
            *vote += if h >> bit & 1 == 1 { 1 } else { -1 };
        }
    }
    Some(
        votes
            .iter()
            .enumerate()
            .filter(|(_, v)| **v > 0)
            .fold(0u64, |acc, (bit, _)| acc | 1 << bit),
    )
}

/// The four band terms of a SimHash (`0:abcd` … `3:ef01`).
pub fn bands(hash: u64) -> [String; 4] {
    [0, 1, 2, 3].map(|i| format!("{i}:{:04x}", (hash >> (16 * i)) & 0xffff))
}

/// True when two SimHashes are close enough to be copies.
pub fn near(a: u64, b: u64) -> bool {
    (a ^ b).count_ones() <= MAX_DISTANCE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::analysis::exact_analyzer;

    #[test]
    fn copies_are_near_and_other_stories_are_not() {
        let mut a = exact_analyzer();
        let story = "The harbour authority said on Tuesday that the port would reopen next week after \
                     talks with the unions ended a strike that had lasted nearly a month and cost \
                     shippers millions of dollars in delays, according to officials.";
        let edited = story.replace("Tuesday", "Wednesday");
        let other = "Scientists in Geneva reported a new measurement of the particle's mass, which \
                     agrees with the standard model to within the uncertainty of the experiment, \
                     the collaboration said in a statement released on Monday morning.";
        let (h1, h2, h3) = (
            simhash(&mut a, story).unwrap(),
            simhash(&mut a, &edited).unwrap(),
            simhash(&mut a, other).unwrap(),
        );
        assert!(near(h1, simhash(&mut a, &story.to_uppercase()).unwrap()));
        assert!((h1 ^ h2).count_ones() < (h1 ^ h3).count_ones());
        assert!(!near(h1, h3));
        assert!(simhash(&mut a, "too short").is_none());
        assert!(bands(h1).iter().zip(bands(h1)).all(|(x, y)| *x == y));
    }
}
