//! Importing a plan document: reading its text, and drafting the plan, its
//! units and figures from it for an editor to review.

pub mod draft;
pub mod figures;
pub mod to_json;
