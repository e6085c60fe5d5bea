//! What pages of every domain show of another record: a link to it with its name in both
//! languages, and a content field in the page's language.

use crate::i18n::{Lang, Localized};
use serde::{Deserialize, Serialize};

/// A linked record: its id and its name in both languages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub id: String,
    pub name: Localized,
}

/// A content field (a name, a title, a summary) in the page's language.
pub fn text_in(text: &Localized, lang: Lang) -> String {
    text.get(lang).to_owned()
}
