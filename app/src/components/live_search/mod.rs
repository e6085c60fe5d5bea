//! Live search on a server-rendered page, as a Leptos island.
//!
//! The page, its form and its results are rendered on the server only. In the browser
//! this island turns the form's submissions, its filter changes, the links to the same
//! page (facets, pages, "widen the radius") and Back into fetches of that page's HTML,
//! and swaps the marked regions in. So the browser downloads this code and nothing else:
//! no page component, translation or search result travels as wasm or hydration data.
//!
//! Regions are marked in the page by id and:
//! - `data-live="content"`: replaced after every search;
//! - `data-live="fields"`: replaced when the search did not come from the form itself
//!   (a link, Back), so that what the user is typing is never overwritten;
//! - `data-live-attrs="a b"`: only these attributes are copied (the map keeps its state).

#[cfg(feature = "hydrate")]
mod browser;

use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

#[component]
pub fn LiveSearch(
    /// Search while the user types (after a short pause), not only on submit.
    #[prop(optional)]
    as_you_type: bool,
    /// Give each search its own history entry, so that Back returns to the previous one.
    #[prop(optional)]
    history: bool,
    children: Children,
) -> impl IntoView {
    // The options travel as attributes the island reads in the DOM, not as island props:
    // props would be JSON, and their decoder was a third of the browser bundle.
    view! {
        <IslandScripts />
        <div
            class="live-search"
            data-as-you-type=as_you_type.then_some("")
            data-history=history.then_some("")
        >
            <LiveSearchIsland>{children()}</LiveSearchIsland>
        </div>
    }
}

#[island]
fn LiveSearchIsland(children: Children) -> impl IntoView {
    // Runs once, when the island hydrates (in the browser only).
    #[cfg(feature = "hydrate")]
    browser::start();
    view! {
        <div
            class="live-search-events"
            on:submit=move |_ev| {
                #[cfg(feature = "hydrate")]
                browser::on_submit(_ev);
            }
            on:change=move |_ev| {
                #[cfg(feature = "hydrate")]
                browser::on_change(_ev);
            }
            on:input=move |_ev| {
                #[cfg(feature = "hydrate")]
                browser::on_input(_ev);
            }
            on:click=move |_ev| {
                #[cfg(feature = "hydrate")]
                browser::on_click(_ev);
            }
        >
            {children()}
        </div>
    }
}

/// Set once per page by the first island's scripts.
#[derive(Clone, Default)]
pub struct IslandScriptsSent(Arc<AtomicBool>);

/// The scripts that load the wasm and hydrate the islands, once per page and only on a
/// page that has an island: a page without one downloads no wasm at all.
#[component]
pub fn IslandScripts() -> impl IntoView {
    let first = use_context::<IslandScriptsSent>()
        .is_some_and(|sent| !sent.0.swap(true, Ordering::Relaxed));
    let options = use_context::<LeptosOptions>().filter(|_| first);
    options.map(|options| view! { <HydrationScripts options islands=true /> })
}
