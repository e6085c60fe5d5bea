//! The fields of each kind's form, in form order. A bilingual field `name` posts
//! `name_nl`, `name_fr` and their machine-translation flags `name_nl_mt`, `name_fr_mt`;
//! the others post their key.

use super::CoopKind;
use crate::i18n::MessageSet;
use crate::kernel::kinds::{
    CLUSTER_KINDS, CONTACT_OFFICES, EVENT_KINDS, PRACTICE_KINDS, PROJECT_KINDS, PROJECT_STATUSES,
};

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
    /// One municipality, chosen from a list (for an editor: their own).
    Municipality,
    /// A project (or none).
    Project,
    /// A meeting (or none).
    Event,
    /// An e-mail address.
    Email,
    /// Telephone numbers.
    Phone,
    /// An organization (or none).
    Organization,
    /// A project's partners: a role (or none) per organization, posted as
    /// `partner_{organization id}`; its value is "id | role" lines.
    Partners,
}

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
    field("organiser", Input::Municipality),
    field("members", Input::Codes),
];

const PRACTICE: &[Field] = &[
    field("name", Input::Line),
    field("summary", Input::Area),
    field("kind", Input::Choice(&PRACTICE_KINDS)),
    field("themes", Input::Lines),
    field("municipalities", Input::Codes),
    field("participants", Input::Line),
    field("period_start", Input::Date),
    field("period_end", Input::Date),
    field("results", Input::Area),
    field("cost_eur", Input::Euro),
    field("contact", Input::Text),
    field("link", Input::Url),
    field("source", Input::Text),
    field("project", Input::Project),
    field("event", Input::Event),
];

const CONTACT: &[Field] = &[
    field("name", Input::Line),
    field("municipality", Input::Municipality),
    field("office", Input::Choice(&CONTACT_OFFICES)),
    field("address", Input::Text),
    field("phone", Input::Phone),
    field("email", Input::Email),
    field("website", Input::Url),
    field("hours", Input::Line),
    field("source", Input::Text),
    field("verified_on", Input::Date),
];

/// The keys of every kind's fields whose input is one of `inputs` (every field: `None`).
fn keys(inputs: Option<fn(Input) -> bool>) -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = CoopKind::ALL
        .into_iter()
        .flat_map(fields)
        .filter(|f| inputs.is_none_or(|wanted| wanted(f.input)))
        .map(|f| f.key)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Each field's label.
pub const FIELD_MESSAGES: MessageSet = MessageSet::new("staff-coop-field-", || keys(None));
/// The help under the fields that take lines, codes or a date and time.
pub const HELP_MESSAGES: MessageSet = MessageSet::new("staff-coop-help-", || {
    keys(Some(|i| {
        matches!(
            i,
            Input::Lines | Input::Codes | Input::Municipality | Input::DateTime
        )
    }))
});
/// What is wrong with a date and time.
pub const MOMENT_ERRORS: MessageSet =
    MessageSet::new("staff-coop-error-", || keys(Some(|i| i == Input::DateTime)));

/// The form fields of a kind, in order.
pub fn fields(kind: CoopKind) -> impl Iterator<Item = Field> {
    let all = match kind {
        CoopKind::Project => PROJECT,
        CoopKind::Event => EVENT,
        CoopKind::Cluster => CLUSTER,
        CoopKind::Practice => PRACTICE,
        CoopKind::Contact => CONTACT,
    };
    all.iter().copied()
}
