//! The one selection type shared by every view: a click in the tree and a
//! click in a chart mean the same thing.

use crate::dataset::{Dataset, FigureRef, NodeIx, PlanIx};

/// Something the user can select.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    /// A whole plan.
    Plan(PlanIx),
    /// A chapter, measure or item.
    Node(NodeIx),
    /// A series, point, fund or target.
    Figure(FigureRef),
}

impl Item {
    /// The nodes this item stands for or is linked to: a node itself, a
    /// figure's linked measures, a plan's top-level nodes.
    pub fn linked_nodes(self, dataset: &Dataset) -> Vec<NodeIx> {
        match self {
            Self::Plan(plan) => dataset.plans[plan.index()].roots.clone(),
            Self::Node(node) => vec![node],
            Self::Figure(figure) => dataset.figure_measures(figure).to_vec(),
        }
    }

    /// The figures this item stands for or is linked to: a figure itself, a
    /// node's linked figures, a plan's targets.
    pub fn linked_figures(self, dataset: &Dataset) -> Vec<FigureRef> {
        match self {
            Self::Plan(plan) => dataset.plans[plan.index()]
                .targets
                .iter()
                .map(|&t| FigureRef::Target(t))
                .collect(),
            Self::Node(node) => dataset.node(node).figures.clone(),
            Self::Figure(figure) => vec![figure],
        }
    }
}

/// Back and forward through what was selected, like a browser's history.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    back: Vec<Item>,
    current: Option<Item>,
    forward: Vec<Item>,
}

impl History {
    /// The most entries kept behind the current one.
    const MAX_BACK: usize = 200;

    /// What is selected now.
    pub fn current(&self) -> Option<Item> {
        self.current
    }

    /// Selects `item`; selecting what is already selected changes nothing.
    pub fn select(&mut self, item: Item) {
        if self.current == Some(item) {
            return;
        }
        if let Some(previous) = self.current.replace(item) {
            self.back.push(previous);
            if self.back.len() > Self::MAX_BACK {
                self.back.remove(0);
            }
        }
        self.forward.clear();
    }

    /// Clears the selection, keeping the history.
    pub fn clear(&mut self) {
        if let Some(previous) = self.current.take() {
            self.back.push(previous);
        }
        self.forward.clear();
    }

    /// Goes back one step, if possible; returns the new selection.
    pub fn back(&mut self) -> Option<Item> {
        let previous = self.back.pop()?;
        if let Some(current) = self.current.replace(previous) {
            self.forward.push(current);
        }
        self.current
    }

    /// Goes forward one step, if possible; returns the new selection.
    pub fn forward(&mut self) -> Option<Item> {
        let next = self.forward.pop()?;
        if let Some(current) = self.current.replace(next) {
            self.back.push(current);
        }
        self.current
    }

    /// Whether [`Self::back`] would do something.
    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    /// Whether [`Self::forward`] would do something.
    pub fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::NodeIx;

    fn node(i: u32) -> Item {
        Item::Node(NodeIx(i))
    }

    #[test]
    fn back_and_forward_walk_the_selections_like_a_browser() {
        let mut history = History::default();
        history.select(node(1));
        history.select(node(2));
        history.select(node(2));
        history.select(node(3));
        assert_eq!(history.back(), Some(node(2)));
        assert_eq!(history.back(), Some(node(1)));
        assert_eq!(history.back(), None);
        assert_eq!(history.current(), Some(node(1)));
        assert_eq!(history.forward(), Some(node(2)));
        // A new selection drops the forward entries.
        history.select(node(4));
        assert!(!history.can_go_forward());
        assert_eq!(history.back(), Some(node(2)));
    }

    #[test]
    fn linked_items_follow_the_dataset() {
        let data = crate::dataset::load_embedded().dataset.expect("valid");
        let fund = data.figure_by_id("fund-future-industry").expect("fund");
        let nodes = Item::Figure(fund).linked_nodes(&data);
        assert!(!nodes.is_empty());
        for node in nodes {
            assert!(Item::Node(node).linked_figures(&data).contains(&fund));
        }
    }
}
