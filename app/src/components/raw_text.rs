//! Leptos writes the children of raw-text elements (`<textarea>`, `<noscript>`,
//! `<script>`, `<style>`) and leptos_meta's `<title>` into the HTML as they are. Request
//! or content data there could close the element and inject markup, so it is escaped here.

use leptos::prelude::*;

/// `text` as it may stand between the tags of an escapable raw-text element
/// (`<textarea>`, `<title>`): the browser decodes the entities back to the same text.
pub fn escaped_text(text: &str) -> String {
    html_escape::encode_text(text).into_owned()
}

/// A `<textarea>` prefilled with `value`: escaped for the server's HTML, and set the same
/// way (as parsed markup of a raw-text element) when the browser renders it.
#[component]
pub fn PrefilledTextarea(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    value: String,
    rows: u32,
    maxlength: usize,
    #[prop(into)] invalid: Signal<bool>,
    #[prop(into)] described_by: Signal<String>,
) -> impl IntoView {
    view! {
        <textarea id=id name=name rows=rows maxlength=maxlength
            aria-invalid=move || invalid.get().then_some("true")
            aria-describedby=move || described_by.get()
            inner_html=escaped_text(&value)>
        </textarea>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_cannot_close_its_element() {
        for hostile in [
            "</textarea><script>alert(1)</script>",
            "</title><img src=x onerror=alert(1)>",
            "\"><script>alert(1)</script>",
        ] {
            let text = escaped_text(hostile);
            assert!(!text.contains('<'), "{text}");
        }
        assert_eq!(escaped_text("Eten & drinken"), "Eten &amp; drinken");
        assert_eq!(escaped_text("l'église"), "l'église");
    }
}
