//! The closed vocabularies of the cooperation records, which several domains show and
//! the staff forms offer: the cooperation tables themselves (`CoopKind`, also a part of
//! the staff pages' paths), kinds of projects, meetings and clusters, projects' recorded
//! statuses and partners' roles (the values of the seeds, `app/data/cooperation.json`),
//! each with the messages that name its values.

use crate::i18n::MessageSet;
use serde::{Deserialize, Serialize};

crate::closed_set! {
    /// Which table a staff page or form is about: its code is the table's name.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum CoopKind {
        Project = "project",
        Event = "event",
        Cluster = "cluster",
        /// Good practices: what municipalities did together.
        Practice = "practice",
        /// A municipality's contacts (town hall desk, offices).
        Contact = "contact",
    }
}

impl CoopKind {
    /// The table of its records (its code).
    pub const fn table(self) -> &'static str {
        self.code()
    }

    /// The bilingual field that names a record (its title in lists and headings).
    pub fn title_field(self) -> &'static str {
        match self {
            CoopKind::Event => "title",
            _ => "name",
        }
    }

    /// The bilingual fields publishing needs in both languages (the public pages read
    /// them as complete pairs).
    pub fn required(self) -> &'static [&'static str] {
        match self {
            CoopKind::Project => &["name", "summary"],
            CoopKind::Event => &["title", "summary", "audience"],
            CoopKind::Cluster => &["name", "description"],
            CoopKind::Practice => &["name", "summary"],
            CoopKind::Contact => &["name"],
        }
    }
}

/// The recorded statuses and kinds of the seeds (`app/data/cooperation.json`).
pub const PROJECT_STATUSES: [&str; 4] = ["ongoing", "completed", "offered", "practice"];
pub const PROJECT_KINDS: [&str; 4] = [
    "interreg_project",
    "cooperation_platform",
    "support_offer",
    "practice",
];
/// The roles a partner may have besides the lead partner (which has its own field).
pub const PARTNER_ROLES: [&str; 2] = ["partner", "associated"];

pub const PROJECT_STATUS_MESSAGES: MessageSet =
    MessageSet::new("project-status-", || PROJECT_STATUSES.to_vec());
pub const PROJECT_KIND_MESSAGES: MessageSet =
    MessageSet::new("project-kind-", || PROJECT_KINDS.to_vec());
/// The lead partner and the other roles.
pub const PARTNER_ROLE_MESSAGES: MessageSet = MessageSet::new("project-role-", || {
    let mut roles = vec!["lead"];
    roles.extend(PARTNER_ROLES);
    roles
});

/// The kinds of meetings.
pub const EVENT_KINDS: [&str; 3] = ["consultation", "knowledge_platform", "citizen_meeting"];
pub const EVENT_KIND_MESSAGES: MessageSet = MessageSet::new("event-kind-", || EVENT_KINDS.to_vec());

/// The kinds of clusters (groupings of municipalities).
pub const CLUSTER_KINDS: [&str; 4] = [
    "conference_of_mayors",
    "eurometropolis",
    "climate_cluster",
    "epci",
];
pub const CLUSTER_KIND_MESSAGES: MessageSet =
    MessageSet::new("cluster-kind-", || CLUSTER_KINDS.to_vec());

/// The kinds of cooperation a good practice shows (the knowledge platform's list: buying
/// together, sharing staff, a shared service, a joint project, a common position).
pub const PRACTICE_KINDS: [&str; 5] = [
    "shared_purchase",
    "shared_staff",
    "shared_service",
    "joint_project",
    "common_position",
];
pub const PRACTICE_KIND_MESSAGES: MessageSet =
    MessageSet::new("practice-kind-", || PRACTICE_KINDS.to_vec());

/// The offices of a municipality a partner asks for.
pub const CONTACT_OFFICES: [&str; 6] = [
    "town_hall",
    "mayor_office",
    "cooperation",
    "european_affairs",
    "climate",
    "social_services",
];
pub const CONTACT_OFFICE_MESSAGES: MessageSet =
    MessageSet::new("contact-office-", || CONTACT_OFFICES.to_vec());
