//! The frame of every page a personal link opens (a registration, an idea, a report
//! followed), and the parts of its forms: the page is never indexed nor sent as a
//! referrer, its record is loaded through `Loaded` (a token that opens nothing is the
//! site's 404 page), every form carries the language, the token and its action, and
//! what the person sent can be downloaded and deleted in one place. The tokens
//! themselves are `kernel::personal_link`'s.

use super::{Loaded, PageMeta};
use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Meta;
use serde::{de::DeserializeOwned, Serialize};

/// A page opened by a personal link: its title (a message id) and its record's view.
#[component]
pub fn PersonalLinkPage<T, V>(
    title: &'static str,
    description: &'static str,
    #[prop(into)] resource: ArcResource<Result<T, AppError>>,
    view: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    view! {
        <PageMeta title=i18n.t(title) description=i18n.t(description) />
        <Meta name="robots" content="noindex, nofollow" />
        <Meta name="referrer" content="no-referrer" />
        <h1>{i18n.t(title)}</h1>
        <Loaded resource record=true view />
    }
}

/// The hidden fields of a form posted from a personal link's page.
#[component]
pub fn LinkFields(token: String, action: &'static str) -> impl IntoView {
    let lang = use_i18n().lang;
    view! {
        <input type="hidden" name="f[lang]" value=lang.code() />
        <input type="hidden" name="f[token]" value=token />
        <input type="hidden" name="f[action]" value=action />
    }
}

/// What the person sent, theirs to take and to delete: the download of their data
/// (`data_url`, saved as `file`) and the form that deletes it (`action` = delete, posted
/// to `manage`); `name` names the record in the test ids (`{name}-download`).
#[component]
pub fn OwnData(
    token: String,
    data_url: String,
    file: &'static str,
    manage: &'static str,
    name: &'static str,
    /// The message that says what deleting removes.
    delete_help: &'static str,
    delete_submit: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2>{i18n.t("registration-data-title")}</h2>
        <p>
            <a href=data_url download=file data-testid=format!("{name}-download")>{i18n.t("registration-download")}</a>
        </p>
        <form method="post" action=manage data-testid=format!("{name}-delete")>
            <LinkFields token action="delete" />
            <p class="help">{i18n.t(delete_help)}</p>
            <button type="submit" class="danger">{i18n.t(delete_submit)}</button>
        </form>
    }
}
