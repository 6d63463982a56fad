//! attribution stage (placeholder).
