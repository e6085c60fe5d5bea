//! "We are interested" (issue 24): on a cluster with a shared price, a municipality's
//! staff say their municipality would join, with a contact and a note; the cluster's
//! organiser (admins, or the organising municipality's staff) confirms members. The
//! public page shows who is interested and the cost share as it would be with them.

use super::{Cluster, Member};
use serde::{Deserialize, Serialize};

/// Where an interested municipality stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InterestState {
    Interested,
    Confirmed,
}

/// One municipality's interest, as its own staff and the organiser see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InterestEntry {
    pub municipality: Member,
    pub contact_name: String,
    pub contact_email: String,
    pub note: Option<String>,
    pub state: InterestState,
    /// ISO day.
    pub declared_on: String,
}

/// The staff page of a cluster's interest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InterestPage {
    pub cluster: Cluster,
    /// Every entry for the organiser; otherwise those of the account's municipalities.
    pub entries: Vec<InterestEntry>,
    /// Whether this account confirms members (admin, or staff of the organiser).
    pub may_confirm: bool,
    /// The municipalities this account may declare for (neither members nor declared).
    pub declarable: Vec<(String, crate::i18n::Localized)>,
}
