//! mentions stage (placeholder).
