//! The fields of each kind's form, in form order. A bilingual field `name` posts
//! `name_nl`, `name_fr` and their machine-translation flags `name_nl_mt`, `name_fr_mt`;
//! the others post their key.

use super::CoopKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// One line per language, side by side.
    Line,
    /// A text area per language, side by side.
    Area,
    /// A text area of items, one per line, "nl | fr" (events: "nl | fr | speaker").
    Lines,
    /// One line of text.
    Text,
    /// An http(s) address.
    Url,
    /// An amount in euro, not negative.
    Euro,
    /// A day, YYYY-MM-DD.
    Date,
    /// A moment on a Brussels clock, YYYY-MM-DDTHH:MM.
    DateTime,
    /// One of a fixed list of codes.
    Choice(&'static [&'static str]),
    /// Municipality codes, comma-separated.
    Codes,
    /// A project (or none).
    Project,
    /// An organization (or none).
    Organization,
    /// A project's partners: a role (or none) per organization, posted as
    /// `partner_{organization id}`; its value is "id | role" lines.
    Partners,
}

/// The roles a partner may have (the lead partner has its own field).
pub const PARTNER_ROLES: [&str; 2] = ["partner", "associated"];

impl Input {
    pub fn bilingual(self) -> bool {
        matches!(self, Input::Line | Input::Area)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub key: &'static str,
    pub input: Input,
}

const fn field(key: &'static str, input: Input) -> Field {
    Field { key, input }
}

/// The recorded statuses and kinds of the seeds (`app/data/cooperation.json`).
pub const PROJECT_STATUSES: [&str; 4] = ["ongoing", "completed", "offered", "practice"];
pub const PROJECT_KINDS: [&str; 4] = [
    "interreg_project",
    "cooperation_platform",
    "support_offer",
    "practice",
];
pub const EVENT_KINDS: [&str; 3] = ["consultation", "knowledge_platform", "citizen_meeting"];
pub const CLUSTER_KINDS: [&str; 4] = [
    "conference_of_mayors",
    "eurometropolis",
    "climate_cluster",
    "epci",
];

const PROJECT: &[Field] = &[
    field("name", Input::Line),
    field("summary", Input::Area),
    field("programme", Input::Line),
    field("priority", Input::Line),
    field("specific_objective", Input::Line),
    field("portfolio", Input::Text),
    field("parent", Input::Project),
    field("themes", Input::Lines),
    field("lead_partner", Input::Organization),
    field("partners", Input::Partners),
    field("budget_eur", Input::Euro),
    field("eu_cofinancing_eur", Input::Euro),
    field("budget_note", Input::Line),
    field("period_start", Input::Date),
    field("period_end", Input::Date),
    field("duration_note", Input::Line),
    field("status", Input::Choice(&PROJECT_STATUSES)),
    field("kind", Input::Choice(&PROJECT_KINDS)),
    field("website", Input::Url),
    field("municipalities", Input::Codes),
];

const EVENT: &[Field] = &[
    field("title", Input::Line),
    field("summary", Input::Area),
    field("kind", Input::Choice(&EVENT_KINDS)),
    field("starts_at", Input::DateTime),
    field("ends_at", Input::DateTime),
    field("recurrence", Input::Line),
    field("place_name", Input::Text),
    field("place_address", Input::Text),
    field("place_municipality", Input::Codes),
    field("audience", Input::Line),
    field("registration", Input::Line),
    field("project", Input::Project),
    field("organiser", Input::Organization),
    field("agenda", Input::Lines),
];

const CLUSTER: &[Field] = &[
    field("name", Input::Line),
    field("description", Input::Area),
    field("kind", Input::Choice(&CLUSTER_KINDS)),
    field("programme", Input::Project),
    field("members", Input::Codes),
];

/// The form fields of a kind, in order.
pub fn fields(kind: CoopKind) -> impl Iterator<Item = Field> {
    let all = match kind {
        CoopKind::Project => PROJECT,
        CoopKind::Event => EVENT,
        CoopKind::Cluster => CLUSTER,
    };
    all.iter().copied()
}
