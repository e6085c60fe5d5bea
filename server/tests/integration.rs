//! The database layer, the server functions' queries and the HTTP surface, against a
//! fresh SurrealDB seeded with the bundled data: in memory, or with `TEST_DATABASE_URL`
//! a database of its own on a SurrealDB server (the test command runs both).
//!
//! One file per domain or concern under `integration/`; the shared harness (the app
//! under test, requests, staff accounts, letters, fixtures) under `support/`.
//!
//! The tests run on tokio's multi-thread runtime, as the server does: on the
//! current-thread runtime the longest test (`security::pages_that_echo…`) hung about one
//! run in five, parked with no task runnable.

mod support;

#[path = "integration/api.rs"]
mod api;
#[path = "integration/backups.rs"]
mod backups;
#[path = "integration/changes.rs"]
mod changes;
#[path = "integration/clusters.rs"]
mod clusters;
#[path = "integration/contacts.rs"]
mod contacts;
#[path = "integration/digest.rs"]
mod digest;
#[path = "integration/events.rs"]
mod events;
#[path = "integration/form_markup.rs"]
mod form_markup;
#[path = "integration/fragments.rs"]
mod fragments;
#[path = "integration/hidden_text.rs"]
mod hidden_text;
#[path = "integration/holes.rs"]
mod holes;
#[path = "integration/ideas.rs"]
mod ideas;
#[path = "integration/interest.rs"]
mod interest;
#[path = "integration/mail.rs"]
mod mail;
#[path = "integration/mayors.rs"]
mod mayors;
#[path = "integration/municipalities.rs"]
mod municipalities;
#[path = "integration/names.rs"]
mod names;
#[path = "integration/operable.rs"]
mod operable;
#[path = "integration/own_data.rs"]
mod own_data;
#[path = "integration/page_cache.rs"]
mod page_cache;
#[path = "integration/pages.rs"]
mod pages;
#[path = "integration/password_reset.rs"]
mod password_reset;
#[path = "integration/practices.rs"]
mod practices;
#[path = "integration/projects.rs"]
mod projects;
#[path = "integration/proxies.rs"]
mod proxies;
#[path = "integration/rate_limits.rs"]
mod rate_limits;
#[path = "integration/registrations.rs"]
mod registrations;
#[path = "integration/reports.rs"]
mod reports;
#[path = "integration/retention.rs"]
mod retention;
#[path = "integration/security.rs"]
mod security;
#[path = "integration/seed.rs"]
mod seed;
#[path = "integration/seo.rs"]
mod seo;
#[path = "integration/services.rs"]
mod services;
#[path = "integration/staff.rs"]
mod staff;
#[path = "integration/staff_coop.rs"]
mod staff_coop;
#[path = "integration/staff_registrations.rs"]
mod staff_registrations;
#[path = "integration/staff_reports.rs"]
mod staff_reports;
#[path = "integration/staff_services.rs"]
mod staff_services;
#[path = "integration/staff_transfer.rs"]
mod staff_transfer;
#[path = "integration/transfer_export.rs"]
mod transfer_export;
#[path = "integration/transfer_import.rs"]
mod transfer_import;
