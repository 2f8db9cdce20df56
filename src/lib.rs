//! xfdesk: a keyboard-driven terminal desk for petition reception (信访接待).
//!
//! `domain` holds the rules, `store` keeps records, `app` is the state and its one `update`,
//! `ui` draws state, and the shell (`main.rs`, `tui`, `cli`, `config`) wires them to a terminal.

pub mod app;
pub mod cli;
pub mod config;
pub mod demo;
pub mod document;
pub mod domain;
pub mod export;
pub mod heap;
pub mod i18n;
pub mod import;
pub mod store;
pub mod theme;
pub mod tui;
pub mod ui;
