//! The shared kernel: what every domain needs and no domain owns. Geography (`geo`),
//! the rules that check typed values and the lengths of typed text (`validate`), dates
//! and money in both languages (`format`), the cooperation records' vocabularies
//! (`kinds`), the server's settings that pages read (`settings`), list pages' queries
//! (`query`, the `url_query!` macro), and on the server the request's facts
//! (`request`), CSV files (`csv`), the bounded caches of read models (`cache`), the
//! operators' metrics (`metrics`), the tokens of personal links (`personal_link`), the
//! one reader of a posted form and the opening of a public one (`posted`), what a
//! refused public form keeps for its next page (`form_flash`), and the full-text index
//! with typo tolerance that services and good practices search (`text_index`). Domains
//! import these from here, never from each other; nothing here imports a domain.

#[cfg(feature = "ssr")]
pub mod cache;
#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod csv;
pub mod form_flash;
pub mod format;
pub mod geo;
pub mod kinds;
pub mod link;
#[cfg(feature = "ssr")]
pub mod metrics;
#[cfg(feature = "ssr")]
pub mod personal_link;
#[cfg(feature = "ssr")]
pub mod posted;
pub mod query;
#[cfg(feature = "ssr")]
pub mod request;
pub mod settings;
#[cfg(feature = "ssr")]
pub mod text_index;
pub mod validate;
