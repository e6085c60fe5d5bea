//! The scaffold of a page that loads its data: the data's view once it is there, and an
//! error as a translated notice with its own status (and, for a failure of ours, its
//! reference). A page about one record answers a missing record with the site's "not
//! found" page (404).

use super::{set_status, ErrorNotice, PageMeta};
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::routes::Page;
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

/// Shows `resource` with `view` when it loads; see the module.
#[component]
pub fn Loaded<T, V>(
    /// A `Resource` or an `ArcResource`; held as the latter.
    #[prop(into)]
    resource: ArcResource<Result<T, AppError>>,
    view: impl Fn(T) -> V + Clone + Send + Sync + 'static,
    /// A page about one record: a missing one is the "not found" page.
    #[prop(optional)]
    record: bool,
    /// The page's own answer to some errors; any other is the translated notice.
    #[prop(optional)]
    otherwise: Option<Otherwise>,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    // Held by reference count, not in the reactive arena: Suspense may poll this future
    // from a task of its own after the request has gone and its arena values are
    // disposed, and awaiting a disposed `Resource` panics ("already disposed"). The
    // conversion happens here, while the page's owner is alive.
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let view = view.clone();
                let resource = resource.clone();
                let otherwise = otherwise.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(data) => view(data).into_any(),
                        Err(error) => match otherwise.and_then(|o| (o.0)(&error)) {
                            Some(own) => own,
                            None if record && error == AppError::NotFound => {
                                view! { <NotFoundContent /> }.into_any()
                            }
                            None => failure(error),
                        },
                    }
                })
            }}
        </Suspense>
    }
}

/// A page's own answer to some errors of its load (`None`: the usual notice).
#[derive(Clone)]
pub struct Otherwise(std::sync::Arc<dyn OwnAnswer>);

/// What `Otherwise` holds: a view for an error, or None.
pub trait OwnAnswer: Fn(&AppError) -> Option<AnyView> + Send + Sync {}

impl<F: Fn(&AppError) -> Option<AnyView> + Send + Sync> OwnAnswer for F {}

impl Otherwise {
    pub fn new(answer: impl Fn(&AppError) -> Option<AnyView> + Send + Sync + 'static) -> Self {
        Otherwise(std::sync::Arc::new(answer))
    }
}

/// An error's notice, with the error's status for the page.
pub fn failure(error: AppError) -> AnyView {
    set_status(error.status());
    view! { <ErrorNotice error /> }.into_any()
}

/// The 404 body, also used by pages whose record does not exist.
#[component]
pub fn NotFoundContent() -> impl IntoView {
    set_status(http::StatusCode::NOT_FOUND);
    let i18n = use_i18n();
    let lang = i18n.lang;
    view! {
        <PageMeta title=i18n.t("not-found-title") description=i18n.t("not-found-text") />
        <section data-testid="not-found">
            <h1>{i18n.t("not-found-title")}</h1>
            <p>{i18n.t("not-found-text")}</p>
            <ul>
                <li><a href=Page::Home.path(lang)>{i18n.t("nav-home")}</a></li>
                <li><a href=Page::Municipalities.path(lang)>{i18n.t("nav-municipalities")}</a></li>
            </ul>
        </section>
    }
}
