//! Domain types, checked, and what is derived from them (DESIGN §3).
pub mod calendar;
pub mod certificate;
pub mod code;
pub mod date;
pub mod decision;
pub mod interview;
pub mod notice;
pub mod status;
pub mod status_index;
