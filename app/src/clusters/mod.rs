//! Clusters of municipalities: EPCI, the Eurometropolis, conferences of mayors (their
//! members follow a published rule, see `seed::groupings`), and programme clusters that
//! share a price (the Ecolife climate clusters), which municipalities may say they would
//! join (`interest`).

mod detail_page;
pub mod interest;
mod interest_page;
#[cfg(feature = "ssr")]
pub mod interest_repo;
mod list_page;
#[cfg(feature = "ssr")]
pub mod repo;

pub use detail_page::ClusterPage;
pub use interest_page::ClusterInterestPage;
pub use list_page::ClustersPage;

use crate::error::AppError;
use crate::i18n::Localized;
use crate::kernel::geo::Country;
use crate::kernel::link::Link;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Belgian standard VAT rate on services, in per mille (21 %): the programmes with a
/// shared price are Belgian offers.
pub const VAT_PERMILLE: i64 = 210;

/// One member's share of a price shared equally, in euro cents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostShare {
    pub members: i64,
    pub excl_vat_cents: i64,
    pub vat_cents: i64,
    pub incl_vat_cents: i64,
}

impl CostShare {
    /// `price_cents` excl. VAT shared by `members`; each share is rounded to the cent
    /// (half up), and VAT is computed on the share, as each member is invoiced.
    pub fn of(price_cents: i64, members: i64) -> Option<CostShare> {
        if members <= 0 || price_cents < 0 {
            return None;
        }
        let excl = (2 * price_cents + members) / (2 * members);
        let vat = (2 * excl * VAT_PERMILLE + 1000) / 2000;
        Some(CostShare {
            members,
            excl_vat_cents: excl,
            vat_cents: vat,
            incl_vat_cents: excl + vat,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub code: String,
    pub country: Country,
    pub name: Localized,
    pub population: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    pub id: String,
    pub name: Localized,
    /// `epci`, `eurometropolis`, `conference_of_mayors`, `climate_cluster`…
    pub kind: String,
    pub description: Option<Localized>,
    pub members: Vec<Member>,
    /// Municipalities whose staff said they are interested (not yet confirmed members).
    pub interested: Vec<Member>,
    /// The published rule the membership follows (the region's groupings), and its source.
    pub rule: Option<Localized>,
    pub rule_source: Option<String>,
    /// Staff edited the grouping after its rule was applied: its members may differ.
    pub corrected: bool,
    /// The municipality that organises the cluster (its staff confirm members).
    pub organiser: Option<String>,
    /// The programme whose price the members share, with that price (excl. VAT).
    pub programme: Option<Link>,
    pub price_eur: Option<f64>,
    pub source: String,
    /// Determines the rendered detail page (set by `load_cluster`).
    pub cache_key: Option<u128>,
}

impl Cluster {
    pub fn countries(&self) -> Vec<&str> {
        let mut list: Vec<&str> = self.members.iter().map(|m| m.country.code()).collect();
        list.sort_unstable();
        list.dedup();
        list
    }

    /// Each member's share of the programme's price.
    pub fn cost_share(&self) -> Option<CostShare> {
        self.share_among(self.members.len())
    }

    /// Each one's share if the interested municipalities joined the members (None when
    /// nobody is interested, or there is no price).
    pub fn cost_share_with_interested(&self) -> Option<CostShare> {
        if self.interested.is_empty() {
            return None;
        }
        self.share_among(self.members.len() + self.interested.len())
    }

    fn share_among(&self, count: usize) -> Option<CostShare> {
        let cents = (self.price_eur? * 100.0).round() as i64;
        CostShare::of(cents, count as i64)
    }
}

crate::url_query! {
    /// The list's query string, as typed.
    pub struct ClusterQuery {
        kind,
        country,
        member,
    }
}

impl ClusterQuery {
    /// Keeps the clusters that match; `all` are every cluster (to check kind and member).
    pub fn apply(&self, all: &[Cluster]) -> Result<Vec<Cluster>, AppError> {
        if !self.kind.is_empty() && !all.iter().any(|c| c.kind == self.kind) {
            return Err(AppError::BadRequest("kind".into()));
        }
        let country = match self.country.as_str() {
            "" => None,
            code => Some(
                Country::from_code(code).ok_or_else(|| AppError::BadRequest("country".into()))?,
            ),
        };
        let member = self.member.trim();
        if !member.is_empty() && !crate::kernel::validate::is_municipality_code(member) {
            return Err(AppError::BadRequest("municipality".into()));
        }
        Ok(all
            .iter()
            .filter(|c| self.kind.is_empty() || c.kind == self.kind)
            .filter(|c| country.is_none_or(|country| c.countries().contains(&country.code())))
            .filter(|c| member.is_empty() || c.members.iter().any(|m| m.code == member))
            .cloned()
            .collect())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterList {
    pub all: Vec<Cluster>,
    pub shown: Vec<Cluster>,
    /// Determines the rendered list (the data version and the query).
    pub cache_key: Option<u128>,
}

#[server]
pub async fn list_clusters(query: ClusterQuery) -> Result<ClusterList, AppError> {
    let db = crate::db::use_db()?;
    let clusters = repo::current(&db).await?;
    let shown = crate::components::with_status(query.apply(&clusters.list))?;
    Ok(ClusterList {
        all: Vec::clone(&clusters.list),
        shown,
        cache_key: clusters.key_for(&query),
    })
}

#[server]
pub async fn load_cluster(id: String) -> Result<Cluster, AppError> {
    crate::components::with_status(repo::one(&crate::db::use_db()?, &id).await)
}

/// A cluster's interest, as this account may see it (its staff page).
#[server]
pub async fn load_cluster_interest(id: String) -> Result<interest::InterestPage, AppError> {
    let db = crate::db::use_db()?;
    let session = crate::auth::guard::require(&db).await?;
    crate::components::with_status(interest_repo::page(&db, &session.staff, &id).await)
}

/// Declares, confirms or withdraws an interest (`f`: `lang`, `csrf`, `cluster`,
/// `municipality`, `action`: declare, confirm or withdraw; a declaration's
/// `contact_name`, `contact_email`, `note`). Answers with a redirect.
#[server]
pub async fn save_cluster_interest(
    f: std::collections::BTreeMap<String, String>,
) -> Result<(), AppError> {
    interest_repo::submit(&crate::db::use_db()?, f).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ecolife_price_is_shared_with_vat_apart() {
        // € 10 000 excl. VAT among 4: € 2 500 + 21 % VAT (€ 525) = € 3 025.
        let four = CostShare::of(1_000_000, 4).unwrap();
        assert_eq!(
            (four.excl_vat_cents, four.vat_cents, four.incl_vat_cents),
            (250_000, 52_500, 302_500)
        );
        // Among 3: € 3 333,33 + € 700,00 VAT = € 4 033,33 (rounded per share).
        let three = CostShare::of(1_000_000, 3).unwrap();
        assert_eq!(
            (three.excl_vat_cents, three.vat_cents, three.incl_vat_cents),
            (333_333, 70_000, 403_333)
        );
        // Among 7: € 1 428,57 + € 300,00 VAT.
        let seven = CostShare::of(1_000_000, 7).unwrap();
        assert_eq!((seven.excl_vat_cents, seven.vat_cents), (142_857, 30_000));
        assert_eq!(CostShare::of(1_000_000, 0), None);
    }
}
