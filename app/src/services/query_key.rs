//! The fields of the services query, as a type.

/// A field of the services query. Each is named once (`name`): the URL key, the form
/// field and the API parameter; the matches below are exhaustive, so a new field cannot
/// be forgotten in one of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Q,
    Category,
    Country,
    Municipality,
    Language,
    Open,
    Cross,
    Near,
    Lat,
    Lon,
    Radius,
    Bbox,
    Sort,
    Page,
}

/// "Search words", "Category", … before a chip's value.
pub const NAMED_MESSAGES: crate::i18n::MessageSet =
    crate::i18n::MessageSet::new("filter-", || Key::NAMED.map(Key::name).to_vec());
/// "Remove the category", … (the suggestions when nothing is found).
pub const DROP_MESSAGES: crate::i18n::MessageSet =
    crate::i18n::MessageSet::new("services-drop-", || {
        Key::FILTERS
            .into_iter()
            .filter(|k| *k != Key::Near)
            .map(Key::name)
            .collect()
    });

impl Key {
    /// URL order.
    pub const ALL: [Key; 14] = [
        Key::Q,
        Key::Category,
        Key::Country,
        Key::Municipality,
        Key::Language,
        Key::Open,
        Key::Cross,
        Key::Near,
        Key::Lat,
        Key::Lon,
        Key::Radius,
        Key::Bbox,
        Key::Sort,
        Key::Page,
    ];

    /// The filters whose chip names the key before the value ("Municipality: Ieper").
    pub const NAMED: [Key; 4] = [Key::Q, Key::Category, Key::Municipality, Key::Near];

    /// The filters a visitor can turn off one by one (the chips above the results, the
    /// suggestions when nothing is found).
    pub const FILTERS: [Key; 9] = [
        Key::Q,
        Key::Category,
        Key::Country,
        Key::Municipality,
        Key::Language,
        Key::Open,
        Key::Cross,
        Key::Near,
        Key::Bbox,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Key::Q => "q",
            Key::Category => "category",
            Key::Country => "country",
            Key::Municipality => "municipality",
            Key::Language => "language",
            Key::Open => "open",
            Key::Cross => "cross",
            Key::Near => "near",
            Key::Lat => "lat",
            Key::Lon => "lon",
            Key::Radius => "radius",
            Key::Bbox => "bbox",
            Key::Sort => "sort",
            Key::Page => "page",
        }
    }

    /// `None` for a key the query does not have.
    pub fn from_name(name: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|key| key.name() == name)
    }
}
