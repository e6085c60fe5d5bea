//! The staff area's own pages and form widgets (signing in is `crate::auth`; editing
//! services is `crate::services::edit`).

mod dashboard;
#[cfg(feature = "ssr")]
pub mod digest;
pub mod hours_editor;
pub mod location_picker;

pub use dashboard::{LoadOverview, StaffHomePage};
