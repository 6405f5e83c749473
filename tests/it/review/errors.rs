//! What `diff` and `check --base` say when there is no history to compare with.
