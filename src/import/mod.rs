//! Importing a plan document: [`read`] takes a text file, a saved web
//! page, a Word document or a PDF to its text, one paragraph a line; the
//! draft of a plan is made from that text.

pub mod read;
