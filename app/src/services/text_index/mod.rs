//! The services' full-text index, in memory (server only).
//!
//! SurrealDB's full-text query costs grow with the number of matching records and its
//! 3.x indexes have no fuzzy matching: the first search for a broad word took 2.6 s at
//! 100 000 services, and one typing mistake found nothing. This index is derived from the
//! same search texts (`search_nl`, `search_fr`, computed by the database) with the same
//! analysis as the database's analyzers (split on character class, lower case, ASCII
//! folding, Snowball stemming per language), and adds typo tolerance.
//!
//! A record matches when every word of the query matches a term of one of its two texts:
//! exactly, as a prefix (what the analyzers' edge n-grams gave), or with typing mistakes
//! (one from five letters, two from nine; the first letter must be right). Ranking: the
//! worst match of the words decides the tier (exact, then prefix, then typo), BM25 the
//! order within a tier.

use crate::search_text::{query_variants, words};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;

/// Score added per tier, far above any BM25 sum, so tiers never mix.
const TIER_WEIGHT: f64 = 1_000.0;
const K1: f32 = 1.2;
const B: f32 = 0.75;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Typo = 0,
    Prefix = 1,
    Exact = 2,
}

/// Typing mistakes tolerated in a word of this many characters.
pub fn typos_allowed(chars: usize) -> usize {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// The terms of one language's text, and where they occur.
struct Field {
    stemmer: Stemmer,
    /// Distinct stems, sorted (prefix lookups are a range).
    terms: Vec<String>,
    /// Per term: the rows holding it and how often.
    postings: Vec<Vec<(u32, u16)>>,
    /// Term ids by first character: the candidates of a typo lookup.
    by_first: HashMap<char, Vec<u32>>,
    /// Terms per row, for BM25's length normalisation.
    lengths: Vec<u16>,
    average_length: f32,
}

pub struct TextIndex {
    fields: [Field; 2],
    rows: usize,
}

impl Field {
    fn build(algorithm: Algorithm, texts: &[&str]) -> Field {
        let stemmer = Stemmer::create(algorithm);
        // Most texts repeat the same words (names, categories): stem each word once.
        let mut stems: HashMap<String, String> = HashMap::new();
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut by_term: Vec<Vec<(u32, u16)>> = vec![];
        let mut names: Vec<String> = vec![];
        let mut lengths = Vec::with_capacity(texts.len());
        for (row, text) in texts.iter().enumerate() {
            let mut counts: HashMap<u32, u16> = HashMap::new();
            let mut length = 0u16;
            for word in words(text) {
                let stem = stems
                    .entry(word)
                    .or_insert_with_key(|w| stemmer.stem(&deunicode::deunicode(w)).into_owned());
                if stem.is_empty() {
                    continue;
                }
                let next = ids.len() as u32;
                let id = *ids.entry(stem.clone()).or_insert_with(|| {
                    names.push(stem.clone());
                    by_term.push(vec![]);
                    next
                });
                *counts.entry(id).or_default() += 1;
                length = length.saturating_add(1);
            }
            for (id, count) in counts {
                by_term[id as usize].push((row as u32, count));
            }
            lengths.push(length);
        }
        // Sorted terms, postings in row order.
        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        order.sort_by(|a, b| names[*a as usize].cmp(&names[*b as usize]));
        let mut terms = Vec::with_capacity(order.len());
        let mut postings = Vec::with_capacity(order.len());
        for id in order {
            terms.push(std::mem::take(&mut names[id as usize]));
            let mut list = std::mem::take(&mut by_term[id as usize]);
            list.sort_unstable_by_key(|(row, _)| *row);
            postings.push(list);
        }
        let mut by_first: HashMap<char, Vec<u32>> = HashMap::new();
        for (id, term) in terms.iter().enumerate() {
            if let Some(first) = term.chars().next() {
                by_first.entry(first).or_default().push(id as u32);
            }
        }
        let total: u64 = lengths.iter().map(|l| u64::from(*l)).sum();
        let average_length = (total as f32 / lengths.len().max(1) as f32).max(1.0);
        Field {
            stemmer,
            terms,
            postings,
            by_first,
            lengths,
            average_length,
        }
    }

    /// The terms a query word matches, with the tier of each.
    fn matching_terms(&self, word: &str) -> Vec<(u32, Tier)> {
        let stem = self.stemmer.stem(&deunicode::deunicode(word)).into_owned();
        let mut found: Vec<(u32, Tier)> = vec![];
        let start = self.terms.partition_point(|t| t.as_str() < stem.as_str());
        for (offset, term) in self.terms[start..].iter().enumerate() {
            if !term.starts_with(stem.as_str()) {
                break;
            }
            let tier = if *term == stem {
                Tier::Exact
            } else {
                Tier::Prefix
            };
            found.push(((start + offset) as u32, tier));
        }
        let allowed = typos_allowed(word.chars().count());
        if allowed > 0 {
            let length = stem.chars().count();
            let first = stem.chars().next();
            let candidates = first.and_then(|c| self.by_first.get(&c));
            for id in candidates.into_iter().flatten() {
                let term = &self.terms[*id as usize];
                if term.chars().count().abs_diff(length) > allowed
                    || found.iter().any(|(f, _)| f == id)
                {
                    continue;
                }
                if strsim::osa_distance(term, &stem) <= allowed {
                    found.push((*id, Tier::Typo));
                }
            }
        }
        found
    }

    fn bm25(&self, term: u32, row: u32, count: u16, rows: usize) -> f32 {
        let df = self.postings[term as usize].len() as f32;
        let idf = (1.0 + (rows as f32 - df + 0.5) / (df + 0.5)).ln();
        let tf = f32::from(count);
        let norm = 1.0 - B + B * f32::from(self.lengths[row as usize]) / self.average_length;
        idf * tf * (K1 + 1.0) / (tf + K1 * norm)
    }

    /// Rows matching every word, with their worst tier and BM25 sum.
    fn search(&self, words: &[String], rows: usize) -> HashMap<u32, (Tier, f32)> {
        let mut result: Option<HashMap<u32, (Tier, f32)>> = None;
        for word in words {
            let mut best: HashMap<u32, (Tier, f32)> = HashMap::new();
            for (term, tier) in self.matching_terms(word) {
                for &(row, count) in &self.postings[term as usize] {
                    if result.as_ref().is_some_and(|r| !r.contains_key(&row)) {
                        continue;
                    }
                    let score = self.bm25(term, row, count, rows);
                    let entry = best.entry(row).or_insert((tier, score));
                    if (tier, score) > *entry {
                        *entry = (tier, score);
                    }
                }
            }
            result = Some(match result {
                None => best,
                Some(previous) => previous
                    .into_iter()
                    .filter_map(|(row, (tier, score))| {
                        let (t, s) = best.get(&row)?;
                        Some((row, (tier.min(*t), score + s)))
                    })
                    .collect(),
            });
            if result.as_ref().is_some_and(HashMap::is_empty) {
                break;
            }
        }
        result.unwrap_or_default()
    }
}

impl TextIndex {
    /// An index of `(nl, fr)` search texts, one per row.
    pub fn build(texts: &[(&str, &str)]) -> TextIndex {
        let nl: Vec<&str> = texts.iter().map(|t| t.0).collect();
        let fr: Vec<&str> = texts.iter().map(|t| t.1).collect();
        TextIndex {
            fields: [
                Field::build(Algorithm::Dutch, &nl),
                Field::build(Algorithm::French, &fr),
            ],
            rows: texts.len(),
        }
    }

    /// Rows whose Dutch or French text matches the query (any of its variants, see
    /// `search_text`), with a score: higher is better, tiers first.
    pub fn search(&self, text: &str) -> HashMap<u32, f64> {
        let mut scores: HashMap<u32, f64> = HashMap::new();
        for variant in query_variants(text) {
            let words: Vec<String> = variant.split(' ').map(str::to_owned).collect();
            let mut variant_scores: HashMap<u32, (Tier, f64)> = HashMap::new();
            for field in &self.fields {
                for (row, (tier, score)) in field.search(&words, self.rows) {
                    let entry = variant_scores.entry(row).or_insert((tier, 0.0));
                    entry.0 = entry.0.max(tier);
                    entry.1 += f64::from(score);
                }
            }
            for (row, (tier, score)) in variant_scores {
                let total = tier as u8 as f64 * TIER_WEIGHT + score;
                let entry = scores.entry(row).or_insert(total);
                *entry = entry.max(total);
            }
        }
        scores
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> TextIndex {
        TextIndex::build(&[
            (
                "Gemeentehuis Waregem Waregem Mairie",
                "Maison communale Waregem",
            ),
            ("Station Kortrijk Courtrai", "Gare de Courtrai Kortrijk"),
            (
                "Gemeentehuis Wervik Wervicq",
                "Maison communale Wervik Wervicq",
            ),
            ("Justitiehuis Ieper", "Maison de justice Ypres"),
        ])
    }

    fn sorted(mut rows: Vec<u32>) -> Vec<u32> {
        rows.sort_unstable();
        rows
    }

    fn ranked(index: &TextIndex, text: &str) -> Vec<u32> {
        let mut hits: Vec<(u32, f64)> = index.search(text).into_iter().collect();
        hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        hits.into_iter().map(|(row, _)| row).collect()
    }

    #[test]
    fn words_match_exactly_as_prefixes_and_across_languages() {
        let index = index();
        assert_eq!(ranked(&index, "gare"), vec![1]);
        assert_eq!(ranked(&index, "Courtrai station"), vec![1]);
        assert_eq!(ranked(&index, "gemeentehuis wervik"), vec![2]);
        assert_eq!(sorted(ranked(&index, "gemeent")), vec![0, 2]);
        assert_eq!(sorted(ranked(&index, "maison")), vec![0, 2, 3]);
        assert_eq!(ranked(&index, "xyz"), Vec::<u32>::new());
        assert_eq!(ranked(&index, "Justice Ypres"), vec![3]);
    }

    #[test]
    fn typing_mistakes_by_word_length() {
        let index = index();
        // One mistake from five letters, two from nine, none below five.
        assert_eq!(ranked(&index, "warregem"), vec![0]);
        assert_eq!(sorted(ranked(&index, "gemeentehuiz")), vec![0, 2]);
        assert_eq!(sorted(ranked(&index, "gemaentehuiz")), vec![0, 2]);
        assert_eq!(ranked(&index, "gemaantehuiz"), Vec::<u32>::new());
        assert_eq!(ranked(&index, "gare").len(), 1);
        // "gaze" is one letter from "gare", but four letters allow no mistake.
        assert_eq!(ranked(&index, "gaze"), Vec::<u32>::new());
        assert_eq!(ranked(&index, "kortrjik").len(), 1);
        // The first letter must be right.
        assert_eq!(ranked(&index, "qaregem"), Vec::<u32>::new());
        assert_eq!(typos_allowed(4), 0);
        assert_eq!(typos_allowed(5), 1);
        assert_eq!(typos_allowed(9), 2);
    }

    #[test]
    fn exact_matches_rank_before_prefixes_before_typos() {
        let index = TextIndex::build(&[
            ("Wervikstraat", "Wervikstraat"),
            ("Werwik", "Werwik"),
            ("Wervik", "Wervik"),
        ]);
        assert_eq!(ranked(&index, "wervik"), vec![2, 0, 1]);
    }
}
