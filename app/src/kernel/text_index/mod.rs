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

mod field;

use crate::search_text::query_variants;
use field::{Field, Stats, Tier, TIER_WEIGHT};
use rust_stemmers::Algorithm;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

pub use field::typos_allowed;

/// Both languages' fields over one set of texts.
struct Layer {
    fields: [Field; 2],
    rows: usize,
}

impl Layer {
    fn build(texts: &[(&str, &str)]) -> Layer {
        let nl: Vec<&str> = texts.iter().map(|t| t.0).collect();
        let fr: Vec<&str> = texts.iter().map(|t| t.1).collect();
        Layer {
            fields: [
                Field::build(Algorithm::Dutch, &nl),
                Field::build(Algorithm::French, &fr),
            ],
            rows: texts.len(),
        }
    }

    /// Per row: the best tier over the fields and the BM25 sum. The changed rows' layer
    /// is ranked with the statistics of the `base` (`corpus` rows).
    fn search(
        &self,
        words: &[String],
        corpus: usize,
        base: Option<&Layer>,
    ) -> HashMap<u32, (Tier, f64)> {
        let mut found: HashMap<u32, (Tier, f64)> = HashMap::new();
        for (slot, field) in self.fields.iter().enumerate() {
            let stats = Stats {
                rows: corpus,
                field: base.map(|b| &b.fields[slot]),
            };
            for (row, (tier, score)) in field.search(words, &stats) {
                let entry = found.entry(row).or_insert((tier, 0.0));
                entry.0 = entry.0.max(tier);
                entry.1 += f64::from(score);
            }
        }
        found
    }
}

/// The index of every row's `(nl, fr)` search texts. Built whole when the data is loaded;
/// a change to a few rows then costs an index of those rows only: their old entries in
/// the base are hidden, and a small layer holds their new texts.
pub struct TextIndex {
    base: Arc<Layer>,
    /// Rows whose entry in the base no longer holds (changed, moved or removed).
    stale: Arc<HashSet<u32>>,
    /// The current texts of the rows changed since the base was built, by row number.
    changed: Arc<BTreeMap<u32, (String, String)>>,
    /// An index of `changed`, and the row number of each of its entries.
    overlay: Arc<(Layer, Vec<u32>)>,
}

impl TextIndex {
    /// An index of `(nl, fr)` search texts, one per row.
    pub fn build(texts: &[(&str, &str)]) -> TextIndex {
        TextIndex {
            base: Arc::new(Layer::build(texts)),
            stale: Arc::default(),
            changed: Arc::default(),
            overlay: Arc::new((Layer::build(&[]), vec![])),
        }
    }

    /// A copy where each given row has new texts (`Some`) or no longer exists (`None`).
    pub fn with_changes(&self, changes: Vec<(u32, Option<(String, String)>)>) -> TextIndex {
        let mut stale = (*self.stale).clone();
        let mut changed = (*self.changed).clone();
        for (row, texts) in changes {
            stale.insert(row);
            match texts {
                Some(texts) => changed.insert(row, texts),
                None => changed.remove(&row),
            };
        }
        let texts: Vec<(&str, &str)> = changed
            .values()
            .map(|(nl, fr)| (nl.as_str(), fr.as_str()))
            .collect();
        let overlay = (Layer::build(&texts), changed.keys().copied().collect());
        TextIndex {
            base: self.base.clone(),
            stale: Arc::new(stale),
            changed: Arc::new(changed),
            overlay: Arc::new(overlay),
        }
    }

    /// How many rows changed since the base was built.
    pub fn changed_rows(&self) -> usize {
        self.stale.len()
    }

    /// Rows whose Dutch or French text matches the query (any of its variants, see
    /// `search_text`), with a score: higher is better, tiers first.
    pub fn search(&self, text: &str) -> HashMap<u32, f64> {
        // The changed rows are ranked with the base's statistics, like the rest.
        let corpus = self.base.rows;
        let (overlay, overlay_rows) = &*self.overlay;
        let mut scores: HashMap<u32, f64> = HashMap::new();
        for variant in query_variants(text) {
            let words: Vec<String> = variant.split(' ').map(str::to_owned).collect();
            let base = self
                .base
                .search(&words, corpus, None)
                .into_iter()
                .filter(|(row, _)| !self.stale.contains(row));
            let changed = overlay
                .search(&words, corpus, Some(&self.base))
                .into_iter()
                .map(|(i, found)| (overlay_rows[i as usize], found));
            for (row, (tier, score)) in base.chain(changed) {
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
    fn changed_rows_are_found_by_their_new_text_only() {
        let index = index().with_changes(vec![
            // Row 1 renamed, row 3 removed, row 4 added.
            (1, Some(("Station Menen".into(), "Gare de Menin".into()))),
            (3, None),
            (
                4,
                Some(("Bibliotheek Ieper".into(), "Bibliothèque Ypres".into())),
            ),
        ]);
        assert_eq!(ranked(&index, "Menin"), vec![1]);
        assert_eq!(ranked(&index, "Courtrai"), Vec::<u32>::new());
        assert_eq!(ranked(&index, "justice"), Vec::<u32>::new());
        assert_eq!(ranked(&index, "ypres"), vec![4]);
        assert_eq!(ranked(&index, "bibliotheque"), vec![4]);
        // Typos and tiers work in the changed rows too.
        assert_eq!(ranked(&index, "bibliotheeq"), vec![4]);
        assert_eq!(sorted(ranked(&index, "gemeentehuis")), vec![0, 2]);
        // Changes accumulate; a row changed twice keeps only its last text.
        let index = index.with_changes(vec![(1, Some(("Station Kortrijk".into(), "Gare".into())))]);
        assert_eq!(ranked(&index, "Menin"), Vec::<u32>::new());
        assert_eq!(ranked(&index, "kortrijk"), vec![1]);
        assert_eq!(index.changed_rows(), 3);
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
