//! The rules for sources, units, themes, plans and their nodes, and the
//! references resolved once the whole file is read.

use std::collections::HashMap;
use std::hash::Hash;

use super::{Checker, Distinct, NodeSlot, PendingRefs, is_partial_date};
use crate::dataset::field::Field;
use crate::dataset::kinds::{DateForm, Expected, ProblemKind, RecordKind};
use crate::dataset::model::{
    Citation, District, IdIndex, Node, NodeIx, NodeKind, Plan, PlanIx, SmolStr, Source, SourceIx,
    Theme, ThemeIx, Unit, UnitIx,
};
use crate::dataset::raw::{
    RawCitation, RawDistrict, RawNode, RawPlan, RawSource, RawTheme, RawUnit,
};

impl Checker {
    /// An optional date field, reported unless `valid` takes it as `form`.
    fn dated(
        &mut self,
        field: Option<Field<String>>,
        key: &str,
        form: DateForm,
        valid: fn(&str) -> bool,
    ) -> Option<String> {
        let date = self.optional_text(field, key);
        if let Some(found) = &date
            && !valid(found)
        {
            self.error(
                self.path.with_key(key),
                ProblemKind::BadDate {
                    form,
                    found: found.clone(),
                },
            );
        }
        date
    }

    pub(super) fn source(&mut self, raw: RawSource, ix: SourceIx) -> Source {
        let id = self.id(raw.id);
        let title = self.text(raw.title, "title");
        let publisher = self.text(raw.publisher, "publisher");
        let date = self.dated(raw.date, "date", DateForm::YearMonthOrDay, is_partial_date);
        let date_note = self.optional_text(raw.date_note, "date_note");
        let reliability = self.optional_text(raw.reliability, "reliability");
        let reliability_zh = self.optional_text(raw.reliability_zh, "reliability_zh");
        let file = self.optional_text(raw.file, "file");
        if let Some(file) = &file
            && (file.contains('/') || file.contains('\\') || file == "..")
        {
            self.error(
                self.path.with_key("file"),
                ProblemKind::NotAFileName {
                    found: file.clone(),
                },
            );
        }
        let url = self.optional_text(raw.url, "url");
        let retrieved = self.dated(
            raw.retrieved,
            "retrieved",
            DateForm::Day,
            super::is_full_date,
        );
        let language = self.optional_text(raw.language, "language");
        if let Some(tag) = &language
            && !is_language_tag(tag)
        {
            self.error(
                self.path.with_key("language"),
                ProblemKind::BadLanguage {
                    found: crate::dataset::abbreviate(tag, 40, "..."),
                },
            );
        }
        let original = self.take_optional(raw.original, "original");
        let translated_by = self.optional_text(raw.translated_by, "translated_by");
        if original == Some(true) && translated_by.is_some() {
            self.error(
                self.path.with_key("translated_by"),
                ProblemKind::TranslatorOfOriginal,
            );
        }
        // A text may be empty only in the sense of absent: a blank one
        // proves nothing.
        let text = self.optional_text_within(raw.text, "text", super::MAX_SOURCE_TEXT_BYTES);
        let sha256 = self.optional_text(raw.sha256, "sha256");
        if let Some(hash) = &sha256
            && !(hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        {
            self.error(
                self.path.with_key("sha256"),
                ProblemKind::BadHash {
                    found: crate::dataset::abbreviate(hash, 80, "..."),
                },
            );
        }
        if file.is_none() && url.is_none() && text.is_none() {
            self.error(self.path.render(), ProblemKind::SourceWithoutFileOrUrl);
        }
        if let Some(id) = &id {
            self.register(
                |i| &mut i.sources,
                id.clone(),
                ix,
                RecordKind::Source,
                |p| p.with_key("id"),
            );
        }
        Source {
            id: id.unwrap_or_default(),
            title,
            publisher,
            date,
            date_note,
            reliability,
            reliability_zh,
            file,
            url,
            retrieved,
            language,
            original,
            translated_by,
            text: text.map(std::sync::Arc::from),
            sha256: sha256.map(|hash| hash.to_ascii_lowercase()),
        }
    }

    pub(super) fn unit(&mut self, raw: RawUnit, ix: UnitIx) -> Unit {
        let id = self.id(raw.id);
        if let Some(id) = &id {
            self.register(
                |i| &mut i.units,
                id.clone(),
                ix,
                RecordKind::Unit,
                |p| p.with_key("id"),
            );
        }
        let name = self.text(raw.name, "name");
        let (name_zh, name_zh_translation) =
            self.unit_chinese(raw.name_zh, raw.name_zh_translation);
        let review = self.review(raw.imported, raw.reviewed);
        Unit {
            id: id.unwrap_or_default(),
            name,
            name_zh,
            name_zh_translation,
            nodes: Vec::new(),
            review,
        }
    }

    /// A district of the table, with its id, name and aliases registered
    /// in `spellings` (each spelling names one district).
    pub(super) fn district(
        &mut self,
        raw: RawDistrict,
        spellings: &mut HashMap<String, usize>,
        ix: usize,
    ) -> District {
        let id = self.id(raw.id).unwrap_or_default();
        let name = self.text(raw.name, "name");
        let (name_zh, name_zh_translation) =
            self.chinese(raw.name_zh, raw.name_zh_translation, "name_zh");
        let aliases = self.each_optional(raw.aliases, "aliases", |_, a: String, _| a);
        let mut spell = |checker: &mut Self, spelling: &str, key: String| {
            if spelling.is_empty() {
                return;
            }
            if let Some(&other) = spellings.get(spelling)
                && other != ix
            {
                checker.error(
                    key,
                    ProblemKind::DistrictNameTaken {
                        spelling: spelling.to_owned(),
                    },
                );
            } else {
                spellings.insert(spelling.to_owned(), ix);
            }
        };
        spell(self, &id, self.path.with_key("id"));
        spell(self, &name, self.path.with_key("name"));
        for (a, alias) in aliases.iter().enumerate() {
            spell(
                self,
                alias,
                format!("{}[{a}]", self.path.with_key("aliases")),
            );
        }
        District {
            id,
            name,
            name_zh,
            name_zh_translation,
            aliases,
        }
    }

    /// Writes each node's districts as the table names them; a spelling the
    /// table does not know is an error. Without a table, nodes keep the
    /// spellings they use.
    pub(super) fn resolve_districts(
        &mut self,
        districts: &[District],
        spellings: &HashMap<String, usize>,
    ) {
        if districts.is_empty() {
            return;
        }
        for n in 0..self.nodes.len() {
            let written = std::mem::take(&mut self.nodes[n].districts);
            let mut resolved: Vec<String> = Vec::with_capacity(written.len());
            for (d, spelling) in written.iter().enumerate() {
                if let Some(&ix) = spellings.get(spelling) {
                    let name = &districts[ix].name;
                    if !resolved.contains(name) {
                        resolved.push(name.clone());
                    }
                } else {
                    let path = self.positions.node_path(&self.nodes, NodeIx::at(n));
                    self.error(
                        format!("{}[{d}]", path.with_key("districts")),
                        ProblemKind::UnknownDistrict {
                            spelling: spelling.clone(),
                        },
                    );
                }
            }
            self.nodes[n].districts = resolved;
        }
    }

    pub(super) fn theme(&mut self, raw: RawTheme, ix: ThemeIx) -> Theme {
        let id = self.id(raw.id);
        if let Some(id) = &id {
            self.register(
                |i| &mut i.themes,
                id.clone(),
                ix,
                RecordKind::Theme,
                |p| p.with_key("id"),
            );
        }
        let name = self.text(raw.name, "name");
        let (name_zh, name_zh_translation) =
            self.chinese(raw.name_zh, raw.name_zh_translation, "name_zh");
        Theme {
            id: id.unwrap_or_default(),
            name,
            name_zh,
            name_zh_translation,
            nodes: Vec::new(),
        }
    }

    pub(super) fn plan(&mut self, raw: RawPlan, plan_ix: PlanIx) -> Plan {
        let id = self.id(raw.id);
        if let Some(id) = &id {
            self.register(
                |i| &mut i.plans,
                id.clone(),
                plan_ix,
                RecordKind::Plan,
                |p| p.with_key("id"),
            );
        }
        let title = self.text(raw.title, "title");
        let (title_zh, title_zh_translation) =
            self.chinese(raw.title_zh, raw.title_zh_translation, "title_zh");
        let (start_year, end_year) = self.period(raw.period);
        let issuer = self.text(raw.issuer, "issuer");
        let source_id = self.reference(raw.source, "source");
        let source = if source_id.is_empty() {
            None
        } else {
            self.resolve(
                |i| &i.sources,
                &source_id,
                Some("source"),
                RecordKind::Source,
            )
        };
        let note = self.optional_text(raw.note, "note");
        let review = self.review(raw.imported, raw.reviewed);
        let source = source.unwrap_or(SourceIx(0));
        let roots = self
            .take(raw.nodes, "nodes")
            .map(|list| list.0)
            .unwrap_or_default();
        Plan {
            id: id.unwrap_or_default(),
            title,
            title_zh,
            title_zh_translation,
            start_year,
            end_year,
            issuer,
            source,
            note,
            roots,
            targets: Vec::new(),
            review,
        }
    }

    pub(super) fn period(
        &mut self,
        field: Field<crate::dataset::raw::RawPeriod>,
    ) -> (Option<i32>, i32) {
        let Some(period) = self.take(field, "period") else {
            return (None, 0);
        };
        let outer = self.path.key("period");
        let start = self
            .take_optional(period.start, "start")
            .and_then(|y| self.year(y, "start"));
        let end = self
            .take(period.end, "end")
            .and_then(|y| self.year(y, "end"));
        if let (Some(start), Some(end)) = (start, end)
            && start > end
        {
            self.error(
                self.path.render(),
                ProblemKind::PeriodReversed { start, end },
            );
        }
        self.path.truncate(outer);
        (start, end.unwrap_or_default())
    }

    /// Reserves the arena slot of the node about to be parsed at `position`
    /// of the current list, and moves the path to it.
    pub(in crate::dataset) fn reserve_node(&mut self, position: usize) -> NodeSlot {
        let path_depth = self.path.index(position);
        let ix = NodeIx::at(self.nodes.len());
        let parent = self.open.last().copied();
        let depth = u16::try_from(self.open.len()).unwrap_or(u16::MAX);
        self.nodes.push(Node {
            id: SmolStr::default(),
            kind: NodeKind::Item,
            numbering: None,
            title: String::new(),
            title_zh: None,
            title_zh_translation: None,
            text: String::new(),
            text_zh: None,
            source: SourceIx(0),
            units: Vec::new(),
            units_inferred: false,
            lead_units: Vec::new(),
            themes: Vec::new(),
            districts: Vec::new(),
            note: None,
            plan: PlanIx::at(self.plans_seen),
            parent,
            children: Vec::new(),
            depth,
            figures: Vec::new(),
            review: crate::dataset::model::Review::default(),
        });
        self.positions
            .nodes
            .push(u32::try_from(position).unwrap_or(u32::MAX));
        self.open.push(ix);
        NodeSlot { ix, path_depth }
    }

    /// Gives back a slot that got no node (the end of the list, or an
    /// element that is not a node). Nothing was added to the arena after it.
    pub(in crate::dataset) fn release_node(&mut self, slot: NodeSlot) {
        self.open.pop();
        self.nodes.truncate(slot.ix.index());
        self.positions.nodes.truncate(slot.ix.index());
        self.path.truncate(slot.path_depth);
    }

    /// Checks a node just parsed into its slot; its children are already
    /// checked. Returns its index, or `None` (with a problem reported) when
    /// the element is not a node.
    pub(in crate::dataset) fn finish_node(
        &mut self,
        slot: NodeSlot,
        element: Field<RawNode>,
    ) -> Option<NodeIx> {
        let raw = match element {
            Field::Ok(raw) => raw,
            Field::Missing => {
                self.error(self.path.render(), ProblemKind::NullElement);
                self.lose_record_here();
                self.release_node(slot);
                return None;
            }
            Field::Wrong(found) => {
                self.error(
                    self.path.render(),
                    ProblemKind::WrongType {
                        expected: Expected::Object,
                        found: *found,
                    },
                );
                self.lose_record_here();
                self.release_node(slot);
                return None;
            }
        };
        self.open.pop();
        let ix = slot.ix;
        let id = self.id(raw.id);
        if let Some(id) = &id {
            self.register(
                |i| &mut i.nodes,
                id.clone(),
                ix,
                RecordKind::Node,
                |p| p.with_key("id"),
            );
        }
        let kind = self.take(raw.kind, "kind").unwrap_or(NodeKind::Item);
        let numbering = self.optional_text(raw.numbering, "numbering");
        let title = self.text(raw.title, "title");
        let (title_zh, title_zh_translation) =
            self.chinese(raw.title_zh, raw.title_zh_translation, "title_zh");
        let text = self.text_or_empty(raw.text, "text");
        let text_zh = self.optional_text(raw.text_zh, "text_zh");
        let districts = self.each(raw.districts, "districts", |_, d, _| d);
        let units_inferred = self.optional_flag(raw.units_inferred, "units_inferred");
        let note = self.optional_text(raw.note, "note");
        let review = self.review(raw.imported, raw.reviewed);
        let children = self
            .take(raw.children, "children")
            .map(|list| list.0)
            .unwrap_or_default();
        let slot_node = &mut self.nodes[ix.index()];
        slot_node.id = id.unwrap_or_default();
        slot_node.kind = kind;
        slot_node.numbering = numbering;
        slot_node.title = title;
        slot_node.title_zh = title_zh;
        slot_node.title_zh_translation = title_zh_translation;
        slot_node.text = text;
        slot_node.text_zh = text_zh;
        slot_node.districts = districts;
        slot_node.units_inferred = units_inferred;
        slot_node.note = note;
        slot_node.review = review;
        slot_node.children = children;
        self.pending.push(PendingRefs {
            node: ix,
            units: raw.units,
            lead_units: raw.lead_units,
            themes: raw.themes,
            source: raw.source,
        });
        self.path.truncate(slot.path_depth);
        Some(ix)
    }

    /// Resolves the nodes' references now that every id is known. A node
    /// whose references all resolve costs a few lookups; only a node with a
    /// problem has its path worked out, to report it.
    pub(super) fn resolve_pending(&mut self, plans: &[Plan]) {
        for pending in std::mem::take(&mut self.pending) {
            let ix = pending.node;
            let plan_source = plans
                .get(self.nodes[ix.index()].plan.index())
                .map_or(SourceIx(0), |plan| plan.source);
            let source = match &pending.source {
                None | Some(Field::Missing) => Some(plan_source),
                Some(Field::Ok(id)) => self.index.sources.get(id).copied(),
                Some(Field::Wrong(_)) => None,
            };
            let lead_given = !matches!(pending.lead_units, None | Some(Field::Missing));
            let fast = (
                self.resolve_quietly(&pending.units, |i| &i.units)
                    .filter(|_| !lead_given),
                self.resolve_quietly(&pending.themes, |i| &i.themes),
                source,
            );
            let (units, lead_units, themes, source) = match fast {
                (Some(units), Some(themes), Some(source)) => (units, Vec::new(), themes, source),
                _ => self.resolve_reporting(pending, plan_source),
            };
            let node = &mut self.nodes[ix.index()];
            node.units = units;
            node.lead_units = lead_units;
            node.themes = themes;
            node.source = source;
        }
    }

    /// Resolves a list of ids if every one is well-formed, known and listed
    /// once; `None` sends the node to [`Self::resolve_reporting`].
    pub(super) fn resolve_quietly<Ix: Copy + Eq + Hash>(
        &self,
        field: &Field<Vec<Field<SmolStr>>>,
        map_of: impl Fn(&IdIndex) -> &HashMap<SmolStr, Ix>,
    ) -> Option<Vec<Ix>> {
        let Field::Ok(ids) = field else {
            return None;
        };
        let map = map_of(&self.index);
        let mut out = Distinct::default();
        for id in ids {
            let ix = map.get(id.ok()?).copied()?;
            if !out.insert(ix) {
                return None;
            }
        }
        Some(out.items)
    }

    /// Resolves a node's references the slow way, with the node's path set,
    /// so every problem is reported where it is.
    pub(super) fn resolve_reporting(
        &mut self,
        pending: PendingRefs,
        plan_source: SourceIx,
    ) -> (Vec<UnitIx>, Vec<UnitIx>, Vec<ThemeIx>, SourceIx) {
        let node_path = self.positions.node_path(&self.nodes, pending.node);
        let saved = std::mem::replace(&mut self.path, node_path);
        let units = self.refs(pending.units, "units", |i| &i.units, RecordKind::Unit);
        let lead_units = self.lead_units(pending.lead_units, &units);
        let themes = self.refs(pending.themes, "themes", |i| &i.themes, RecordKind::Theme);
        let source = match self.take_optional(pending.source, "source") {
            Some(id) => self
                .resolve(|i| &i.sources, &id, Some("source"), RecordKind::Source)
                .unwrap_or(plan_source),
            None => plan_source,
        };
        self.path = saved;
        (units, lead_units, themes, source)
    }

    /// A node's lead units: known ids, each among its `units` (a lead unit
    /// the node does not list as responsible is reported and dropped).
    fn lead_units(
        &mut self,
        field: Option<Field<Vec<Field<SmolStr>>>>,
        units: &[UnitIx],
    ) -> Vec<UnitIx> {
        let ids: Vec<SmolStr> = match &field {
            Some(Field::Ok(list)) => list
                .iter()
                .map(|f| f.ok().cloned().unwrap_or_default())
                .collect(),
            _ => Vec::new(),
        };
        let leads = self.optional_refs(field, "lead_units", |i| &i.units, RecordKind::Unit);
        let mut out = Vec::new();
        for lead in leads {
            if units.contains(&lead) {
                out.push(lead);
            } else {
                let id = ids
                    .iter()
                    .find(|id| self.index.units.get(*id) == Some(&lead))
                    .cloned()
                    .unwrap_or_default();
                self.error(
                    self.path.with_key("lead_units"),
                    ProblemKind::LeadNotResponsible { id },
                );
            }
        }
        out
    }

    /// The main citation and any `also` citations of a figure.
    pub(super) fn citations(
        &mut self,
        source: Field<SmolStr>,
        quote: Field<String>,
        also: Option<Field<Vec<Field<RawCitation>>>>,
    ) -> Vec<Citation> {
        let mut citations = vec![self.citation(source, quote)];
        citations.extend(
            self.each_optional(also, "also", |c, raw, _| c.citation(raw.source, raw.quote)),
        );
        citations
    }

    pub(super) fn citation(&mut self, source: Field<SmolStr>, quote: Field<String>) -> Citation {
        let source_id = self.reference(source, "source");
        let source = if source_id.is_empty() {
            SourceIx(0)
        } else {
            self.resolve(
                |i| &i.sources,
                &source_id,
                Some("source"),
                RecordKind::Source,
            )
            .unwrap_or(SourceIx(0))
        };
        Citation {
            source,
            quote: self.text(quote, "quote"),
        }
    }
}

/// Whether `tag` looks like a BCP 47 language tag: a language of two or
/// three letters, then subtags of letters and digits joined by hyphens
/// (`en`, `zh-CN`, `zh-Hans`).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphabetic()));
    language_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl Checker {
    /// A record's `imported` and `reviewed` days, each `YYYY-MM-DD`.
    pub(super) fn review(
        &mut self,
        imported: Option<Field<String>>,
        reviewed: Option<Field<String>>,
    ) -> crate::dataset::model::Review {
        let day = |checker: &mut Self, field, key: &str| {
            let text: Option<String> = checker.optional_text(field, key);
            match text {
                Some(day) if !super::is_full_date(&day) => {
                    checker.error(
                        checker.path.with_key(key),
                        ProblemKind::BadDate {
                            form: DateForm::Day,
                            found: day,
                        },
                    );
                    None
                }
                other => other,
            }
        };
        let imported = day(self, imported, "imported");
        let reviewed = day(self, reviewed, "reviewed");
        crate::dataset::model::Review { imported, reviewed }
    }
}
