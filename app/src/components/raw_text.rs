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
/// way (as parsed markup of a raw-text element) when the browser renders it. Every
/// textarea of the app is this component (a source test checks it), so a stored
/// `</textarea><img …>` comes back as the text it is and saves unchanged.
#[component]
pub fn PrefilledTextarea(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    #[prop(into)] value: String,
    rows: u32,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(into)] invalid: Signal<bool>,
    /// Ids of the help and error texts ("" for none).
    #[prop(into)]
    described_by: Signal<String>,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    view! {
        <textarea id=id name=name rows=rows maxlength=maxlength required=required autocomplete=autocomplete
            aria-invalid=move || invalid.get().then_some("true")
            aria-describedby=move || Some(described_by.get()).filter(|d| !d.is_empty())
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

    /// Leptos writes a textarea's children raw: every textarea is the escaping component.
    #[test]
    fn every_textarea_of_the_app_is_the_escaping_component() {
        for file in crate::text::source_files() {
            if file.ends_with("components/raw_text.rs") {
                continue;
            }
            let source = std::fs::read_to_string(&file).unwrap();
            assert!(
                !source.contains("<textarea"),
                "{}: use components::PrefilledTextarea",
                file.display()
            );
        }
    }
}
