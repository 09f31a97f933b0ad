//! Checks nodes while they are parsed.
//!
//! A dataset's nodes are most of its bytes. Checking them in a second pass,
//! after the whole file is parsed, reads every node back from memory long
//! after it left the processor's cache, which cost as much as parsing. So
//! the lists of nodes (and the list of plans around them) deserialise
//! through the types here, which hand each node to the checker the moment it
//! is complete.
//!
//! The checker lives in a thread-local for the duration of one parse
//! ([`with_checker`]); serde offers no other way to reach state from inside
//! a derived `Deserialize`. The list types also keep the checker's JSON path
//! up to date, so a problem found during the parse is located exactly.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::sync::Arc;

use serde::de::{self, Deserialize, Deserializer, SeqAccess};

use super::check::Checker;
use super::field::{Field, Kind, Shape};
use super::model::NodeIx;
use super::raw::{RawNode, RawPlan};
use crate::job::Progress;

thread_local! {
    static CHECKER: RefCell<Option<Checker>> = const { RefCell::new(None) };
    static PROGRESS: RefCell<Option<Arc<Progress>>> = const { RefCell::new(None) };
}

/// The message of the error that stops a cancelled parse.
pub(super) const CANCELLED: &str = "the load was cancelled";

/// Runs `parse` with `checker` available to the list types, and gives the
/// checker back with what it collected. With `progress`, each node is
/// counted there, and the parse stops soon after the load is cancelled.
pub(super) fn with_checker<T>(
    checker: Checker,
    progress: Option<Arc<Progress>>,
    parse: impl FnOnce() -> T,
) -> (T, Checker) {
    let previous = CHECKER.with(|cell| cell.borrow_mut().replace(checker));
    let previous_progress =
        PROGRESS.with(|cell| std::mem::replace(&mut *cell.borrow_mut(), progress));
    let out = parse();
    PROGRESS.with(|cell| *cell.borrow_mut() = previous_progress);
    let checker = CHECKER.with(|cell| std::mem::replace(&mut *cell.borrow_mut(), previous));
    // The checker was put in above and only this function takes it out.
    (out, checker.unwrap_or_default())
}

/// Calls `f` on the current checker, if a parse set one up. Outside
/// [`with_checker`] (e.g. when a failed parse is re-read only to locate its
/// error) the lists parse without checking.
fn checking<R>(f: impl FnOnce(&mut Checker) -> R) -> Option<R> {
    CHECKER.with(|cell| cell.borrow_mut().as_mut().map(f))
}

/// Counts a parsed node; says whether the load was cancelled.
fn counted_and_cancelled() -> bool {
    PROGRESS.with(|cell| {
        cell.borrow().as_ref().is_some_and(|progress| {
            progress.add_count();
            progress.is_cancelled()
        })
    })
}

/// A plan's `nodes` (`CHILDREN = false`) or a node's `children` (`true`):
/// the indexes of the checked nodes, in document order.
#[derive(Debug, Default)]
pub struct NodeList<const CHILDREN: bool>(pub Vec<NodeIx>);

impl<const CHILDREN: bool> NodeList<CHILDREN> {
    const KEY: &'static str = if CHILDREN { "children" } else { "nodes" };
}

impl<const CHILDREN: bool> Shape for NodeList<CHILDREN> {
    const KIND: Kind = Kind::Array;
    fn expected() -> super::Expected {
        super::Expected::Array
    }
}

impl<'de, const CHILDREN: bool> Deserialize<'de> for NodeList<CHILDREN> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(NodeListVisitor::<CHILDREN>)
    }
}

struct NodeListVisitor<const CHILDREN: bool>;

impl<'de, const CHILDREN: bool> de::Visitor<'de> for NodeListVisitor<CHILDREN> {
    type Value = NodeList<CHILDREN>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an array of nodes")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let key = checking(|c| c.path.key(NodeList::<CHILDREN>::KEY));
        let mut nodes = Vec::new();
        for position in 0.. {
            // The slot is reserved before the node is parsed, so the nodes
            // inside it come after it: the arena stays in document order.
            let slot = checking(|c| c.reserve_node(position));
            let Some(element) = seq.next_element::<Field<RawNode>>()? else {
                if let Some(slot) = slot {
                    checking(|c| c.release_node(slot));
                }
                break;
            };
            if let Some(slot) = slot
                && let Some(Some(ix)) = checking(|c| c.finish_node(slot, element))
            {
                nodes.push(ix);
            }
            if counted_and_cancelled() {
                return Err(de::Error::custom(CANCELLED));
            }
        }
        if let Some(depth) = key {
            checking(|c| c.path.truncate(depth));
        }
        Ok(NodeList(nodes))
    }
}

/// The dataset's `plans`: each plan as parsed (its nodes already checked),
/// for the checker to finish after the parse.
#[derive(Debug, Default)]
pub struct PlanList(pub Vec<Field<RawPlan>>);

impl Shape for PlanList {
    const KIND: Kind = Kind::Array;
    fn expected() -> super::Expected {
        super::Expected::Array
    }
}

impl<'de> Deserialize<'de> for PlanList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(PlanListVisitor)
    }
}

struct PlanListVisitor;

impl<'de> de::Visitor<'de> for PlanListVisitor {
    type Value = PlanList;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an array of plans")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let key = checking(|c| c.path.key("plans"));
        let mut plans = Vec::new();
        for position in 0.. {
            let index = checking(|c| c.path.index(position));
            let Some(plan) = seq.next_element::<Field<RawPlan>>()? else {
                break;
            };
            if let Some(depth) = index {
                checking(|c| {
                    c.path.truncate(depth);
                    // Nodes name their plan by its place among usable plans,
                    // as the checker numbers them afterwards.
                    if matches!(plan, Field::Ok(_)) {
                        c.plans_seen += 1;
                        c.positions
                            .plans
                            .push(u32::try_from(position).unwrap_or(u32::MAX));
                    }
                });
            }
            plans.push(plan);
        }
        if let Some(depth) = key {
            checking(|c| c.path.truncate(depth));
        }
        Ok(PlanList(plans))
    }
}

impl<const CHILDREN: bool> schemars::JsonSchema for NodeList<CHILDREN> {
    fn schema_name() -> Cow<'static, str> {
        <Vec<RawNode>>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        <Vec<RawNode>>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<RawNode>>::json_schema(generator)
    }

    fn inline_schema() -> bool {
        true
    }
}

impl schemars::JsonSchema for PlanList {
    fn schema_name() -> Cow<'static, str> {
        <Vec<RawPlan>>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        <Vec<RawPlan>>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<RawPlan>>::json_schema(generator)
    }

    fn inline_schema() -> bool {
        true
    }
}
