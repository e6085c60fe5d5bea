//! The shared kernel: what every domain needs and no domain owns. Domains import from
//! here, never from each other's internals for these.

#[cfg(feature = "ssr")]
pub mod csv;
