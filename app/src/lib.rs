//! Grensdiensten / Services frontaliers: components, routes and server-function
//! signatures. Data access (`db` and every `repo` module) is compiled only with
//! the `ssr` feature, so SurrealDB never reaches the wasm bundle.
// Page views are deeply nested types; the hydrate build computes their async layout.
#![recursion_limit = "256"]

pub mod app;
#[cfg(test)]
mod architecture_tests;
pub mod auth;
pub mod closed_set;
pub mod clusters;
pub mod components;
pub mod coop;
pub mod error;
pub mod events;
#[cfg(feature = "ssr")]
pub mod fingerprint;
pub mod i18n;
pub mod ideas;
pub mod kernel;
pub mod mail;
pub mod map;
#[cfg(test)]
mod message_sets;
pub mod municipalities;
pub mod observatory;
pub mod pages;
pub mod partners;
pub mod practices;
pub mod privacy;
pub mod projects;
pub mod registrations;
pub mod reports;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod search_text;
#[cfg(feature = "ssr")]
pub mod seed;
pub mod services;
pub mod staff;
#[cfg(test)]
mod text;
pub mod transfer;
pub mod workflow;

#[cfg(feature = "ssr")]
pub mod db;

/// Called by the island loader: the islands on the page hydrate after it, each on its own.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
