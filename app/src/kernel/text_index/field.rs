//! One language's terms of the index: sorted terms, postings, BM25.

use crate::search_text::words;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;

/// Score added per tier, far above any BM25 sum, so tiers never mix.
pub(super) const TIER_WEIGHT: f64 = 1_000.0;
const K1: f32 = 1.2;
const B: f32 = 0.75;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Tier {
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
/// What BM25 counts with: the rows of the whole index and, for the few changed rows
/// indexed apart, the base field whose frequencies and lengths they are ranked against.
pub(super) struct Stats<'a> {
    pub rows: usize,
    pub field: Option<&'a Field>,
}

pub(super) struct Field {
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

impl Field {
    pub(super) fn build(algorithm: Algorithm, texts: &[&str]) -> Field {
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

    /// In how many rows a term occurs.
    fn document_frequency(&self, term: &str) -> usize {
        self.terms
            .binary_search_by(|t| t.as_str().cmp(term))
            .map_or(0, |id| self.postings[id].len())
    }

    fn bm25(&self, term: u32, row: u32, count: u16, stats: &Stats) -> f32 {
        let own = self.postings[term as usize].len();
        let df = match stats.field {
            // A changed row's term counts with the base's rows, plus itself if it is new.
            Some(base) => base.document_frequency(&self.terms[term as usize]).max(own),
            None => own,
        } as f32;
        let rows = stats.rows as f32;
        let idf = (1.0 + (rows - df + 0.5) / (df + 0.5)).ln();
        let tf = f32::from(count);
        let average = stats
            .field
            .map_or(self.average_length, |f| f.average_length);
        let norm = 1.0 - B + B * f32::from(self.lengths[row as usize]) / average;
        idf * tf * (K1 + 1.0) / (tf + K1 * norm)
    }

    /// Rows matching every word, with their worst tier and BM25 sum.
    pub(super) fn search(&self, words: &[String], stats: &Stats) -> HashMap<u32, (Tier, f32)> {
        let mut result: Option<HashMap<u32, (Tier, f32)>> = None;
        for word in words {
            let mut best: HashMap<u32, (Tier, f32)> = HashMap::new();
            for (term, tier) in self.matching_terms(word) {
                for &(row, count) in &self.postings[term as usize] {
                    if result.as_ref().is_some_and(|r| !r.contains_key(&row)) {
                        continue;
                    }
                    let score = self.bm25(term, row, count, stats);
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
