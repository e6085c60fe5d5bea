//! The island's browser side: plain DOM calls, no view code.

use leptos::ev::{Event, MouseEvent, SubmitEvent};
use leptos::prelude::{set_timeout_with_handle, window, window_event_listener, TimeoutHandle};
use std::cell::Cell;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    Document, DomParser, Element, FormData, HtmlElement, HtmlFormElement, SupportedType, Url,
    UrlSearchParams,
};

/// A pause in typing long enough to be a word, short enough to feel live.
const TYPING_PAUSE: Duration = Duration::from_millis(150);

thread_local! {
    /// Only the newest search's answer is shown, whatever order the answers arrive in.
    static LATEST: Cell<u32> = const { Cell::new(0) };
    static TYPING: Cell<Option<TimeoutHandle>> = const { Cell::new(None) };
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Origin {
    Form,
    Link,
    History,
}

/// The options `LiveSearch` renders as attributes of its element.
const HISTORY: &str = ".live-search[data-history]";
const AS_YOU_TYPE: &str = ".live-search[data-as-you-type]";

/// Whether the live search around `el` (or the page's, without one) has an option.
fn option(el: Option<&Element>, option: &str) -> bool {
    match el {
        Some(el) => el.closest(option).ok().flatten().is_some(),
        None => window()
            .document()
            .and_then(|d| d.query_selector(option).ok().flatten())
            .is_some(),
    }
}

pub fn start() {
    if STARTED.replace(true) {
        return;
    }
    if option(None, HISTORY) {
        // Back and Forward show that entry's search.
        let listener = window_event_listener(leptos::ev::popstate, |_| {
            if let Ok(href) = window().location().href() {
                spawn_local(update(href, Origin::History));
            }
        });
        std::mem::forget(listener);
    }
    // Lets browser tests (and anything else) tell that the page has become interactive.
    let _ = js_sys::Reflect::set(&window(), &JsValue::from_str("__hydrated"), &JsValue::TRUE);
}

pub fn on_submit(ev: SubmitEvent) {
    let Some(form) = ev
        .target()
        .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
    else {
        return;
    };
    if !form.method().eq_ignore_ascii_case("get") {
        return;
    }
    let Some(url) = form_url(&form) else {
        return;
    };
    ev.prevent_default();
    let history = option(Some(form.as_ref()), HISTORY);
    navigate(url, history, Origin::Form);
}

/// A choice in a list or a ticked box searches at once; text fields wait for Enter.
pub fn on_change(ev: Event) {
    let Some(field) = target_element(&ev) else {
        return;
    };
    let instant = field.tag_name() == "SELECT"
        || matches!(
            field.get_attribute("type").as_deref(),
            Some("checkbox" | "radio")
        );
    if let (true, Some(form)) = (instant, form_of(&field)) {
        let _ = form.request_submit();
    }
}

pub fn on_input(ev: Event) {
    let Some(field) = target_element(&ev).filter(|el| option(Some(el), AS_YOU_TYPE)) else {
        return;
    };
    if field.tag_name() != "INPUT"
        || !matches!(
            field.get_attribute("type").as_deref(),
            Some("search" | "text") | None
        )
    {
        return;
    }
    let Some(form) = form_of(&field) else {
        return;
    };
    if let Some(pending) = TYPING.take() {
        pending.clear();
    }
    let handle = set_timeout_with_handle(
        move || {
            let _ = form.request_submit();
        },
        TYPING_PAUSE,
    );
    TYPING.set(handle.ok());
}

/// A link to this same page with another query (facets, pages) searches in place.
pub fn on_click(ev: MouseEvent) {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.ctrl_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return;
    }
    let Some(link) = target_element(&ev)
        .and_then(|el| el.closest("a[href]").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    let location = window().location();
    let same_page = link.origin() == location.origin().unwrap_or_default()
        && link.pathname() == location.pathname().unwrap_or_default();
    if !same_page || !link.target().is_empty() || link.has_attribute("download") {
        return;
    }
    ev.prevent_default();
    let history = option(Some(link.as_ref()), HISTORY);
    navigate(link.href(), history, Origin::Link);
}

fn navigate(url: String, history: bool, origin: Origin) {
    let current = window().location().href().unwrap_or_default();
    if let Ok(h) = window().history() {
        let _ = if history && url != current {
            h.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            h.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
    spawn_local(update(url, origin));
}

async fn update(url: String, origin: Origin) {
    let ticket = LATEST.with(|latest| {
        latest.set(latest.get().wrapping_add(1));
        latest.get()
    });
    let page = fetch_page(&url).await;
    if LATEST.get() != ticket {
        return;
    }
    match page {
        Some(page) if swap(&page, origin) => {}
        // Whatever went wrong, the server can still render the page.
        _ => {
            let _ = window().location().assign(&url);
        }
    }
}

async fn fetch_page(url: &str) -> Option<Document> {
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let html = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    DomParser::new()
        .ok()?
        .parse_from_string(&html, SupportedType::TextHtml)
        .ok()
}

/// Copies the marked regions from the fetched page; false when the page lacks one.
fn swap(page: &Document, origin: Origin) -> bool {
    let document = window().document().expect("a page has a document");
    let regions = marked(&document, "[data-live], [data-live-attrs]");
    let pairs: Option<Vec<(Element, Element)>> = regions
        .into_iter()
        .map(|old| page.get_element_by_id(&old.id()).map(|new| (old, new)))
        .collect();
    let Some(pairs) = pairs else {
        return false;
    };
    for (old, new) in &pairs {
        match old.get_attribute("data-live").as_deref() {
            Some("content") => old.set_inner_html(&new.inner_html()),
            Some("fields") if origin != Origin::Form => old.set_inner_html(&new.inner_html()),
            _ => {}
        }
        for name in old
            .get_attribute("data-live-attrs")
            .unwrap_or_default()
            .split(' ')
            .filter(|name| !name.is_empty())
        {
            let _ = match new.get_attribute(name) {
                Some(value) => old.set_attribute(name, &value),
                None => old.remove_attribute(name),
            };
        }
    }
    document.set_title(&page.title());
    if origin == Origin::Link {
        // The clicked link is gone: keyboard and screen-reader users continue at the results.
        if let Some(results) = document
            .query_selector("[data-live-focus]")
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<HtmlElement>().ok())
        {
            let _ = results.focus();
            if results.get_bounding_client_rect().top() < 0.0 {
                results.scroll_into_view();
            }
        }
    }
    true
}

fn marked(document: &Document, selector: &str) -> Vec<Element> {
    let Ok(list) = document.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .filter(|el| !el.id().is_empty())
        .collect()
}

/// The URL a GET form would go to, without its empty fields (shared links stay short).
fn form_url(form: &HtmlFormElement) -> Option<String> {
    let url = Url::new(&form.action()).ok()?;
    let data = FormData::new_with_form(form).ok()?;
    let query = UrlSearchParams::new_with_str_sequence_sequence(&data)
        .ok()?
        .to_string()
        .as_string()?;
    // Serialised, an empty field is exactly `name=` (an `=` in a value is `%3D`).
    let kept: Vec<&str> = query.split('&').filter(|p| !p.ends_with('=')).collect();
    url.set_search(&kept.join("&"));
    Some(url.href())
}

fn target_element(ev: &Event) -> Option<Element> {
    ev.target()?.dyn_into::<Element>().ok()
}

fn form_of(field: &Element) -> Option<HtmlFormElement> {
    field.closest("form").ok()??.dyn_into().ok()
}
