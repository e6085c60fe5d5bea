//! The staff area's own pages and form widgets (signing in is `crate::auth`).

mod dashboard;
pub mod hours_editor;

pub use dashboard::StaffHomePage;
