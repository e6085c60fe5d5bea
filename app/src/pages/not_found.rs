use crate::components::{Chrome, NotFoundContent};
use crate::i18n::{I18n, Lang};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Any unknown path: status 404, in the language of the path's prefix (Dutch otherwise).
#[component]
pub fn NotFound() -> impl IntoView {
    let lang = Lang::from_path(&use_location().pathname.get_untracked()).unwrap_or(Lang::Nl);
    provide_context(I18n { lang });
    view! {
        <Chrome>
            <NotFoundContent />
        </Chrome>
    }
}
