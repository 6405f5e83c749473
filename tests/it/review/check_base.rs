//! `check --base`: the rules that need the base revision, located.
