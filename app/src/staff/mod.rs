//! The staff area (issue 10): the pieces of the service edit form that stand on their own.

pub mod hours_editor;
pub mod location_picker;
