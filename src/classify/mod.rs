//! classify stage (placeholder).
