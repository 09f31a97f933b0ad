//! Drafting a plan from a document's text. The yardstick: seed 002, the
//! Medical AI Working Plan, drafts to the built-in dataset's plan node for
//! node (numbering, title, text and units, in order).

use plan_explorer::dataset::{Dataset, NodeKind};
use plan_explorer::import::draft::units::UnitMatch;
use plan_explorer::import::draft::{Draft, DraftNote, draft};

use crate::common;

/// One node as the yardstick compares it.
#[derive(Debug, PartialEq)]
struct Compared {
    kind: NodeKind,
    depth: usize,
    numbering: Option<String>,
    title: String,
    text: String,
    units: Vec<String>,
}

fn built_in_plan(data: &Dataset, source: &str) -> Vec<Compared> {
    let plan = data
        .plans
        .iter()
        .find(|p| data.sources[p.source.index()].id == source)
        .expect("the plan");
    let mut out = Vec::new();
    let mut stack: Vec<_> = plan.roots.iter().rev().copied().collect();
    while let Some(ix) = stack.pop() {
        let node = data.node(ix);
        out.push(Compared {
            kind: node.kind,
            depth: node.depth as usize,
            numbering: node.numbering.clone(),
            title: node.title.clone(),
            text: node.text.clone(),
            units: node
                .units
                .iter()
                .map(|u| data.units[u.index()].id.to_string())
                .collect(),
        });
        stack.extend(node.children.iter().rev().copied());
    }
    out
}

fn drafted(data: &Dataset, draft: &Draft) -> Vec<Compared> {
    draft
        .nodes
        .iter()
        .map(|n| Compared {
            kind: n.kind,
            depth: n.depth,
            numbering: n.numbering.clone(),
            title: n.title.clone(),
            text: n.text.clone(),
            units: n
                .units
                .iter()
                .map(|u| match u {
                    UnitMatch::Known(i) => data.units[*i].id.to_string(),
                    UnitMatch::New(name) => format!("new: {name}"),
                })
                .collect(),
        })
        .collect()
}

#[test]
fn seed_002_drafts_to_the_built_in_plan_node_for_node() {
    let data = common::data();
    let text = std::fs::read_to_string(common::seeds().join("002_af999207d67a3295.txt"))
        .expect("seed 002");
    let draft = draft(&text, &data.units);
    let expected = built_in_plan(&data, "src-002");
    let got = drafted(&data, &draft);
    for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
        assert_eq!(g, e, "node {i}");
    }
    assert_eq!(got.len(), expected.len());
    // 5 chapters (and the preamble), 18 measures and 21 items.
    assert_eq!(draft.counts(), (6, 18, 21));
    // "Related stories", the web page's trailing line, is not placed.
    assert!(
        draft
            .notes
            .iter()
            .any(|n| matches!(n, DraftNote::Unplaced { text, .. } if text == "Related stories")),
        "{:?}",
        draft.notes
    );
    assert_eq!(
        draft.plan.title.as_deref(),
        Some(
            "Working Plan of Shanghai Municipality for the Development of Medical Artificial Intelligence (2025-2027)"
        )
    );
    assert_eq!(draft.plan.period, Some((2025, 2027)));
    assert_eq!(draft.plan.date.as_deref(), Some("2025-03-07"));
    assert_eq!(
        draft.plan.byline.as_deref(),
        Some("Shanghai Municipal Bureau of Justice")
    );
}

/// A Chinese issuing notice and plan, laid out as the city issues them.
const CHINESE_PLAN: &str =
    "上海市人民政府办公厅关于印发《上海市促进未来产业发展行动方案（2025—2027年）》的通知
沪府办发〔2024〕21号
各区人民政府，市政府各委、办、局：
现将《上海市促进未来产业发展行动方案（2025—2027年）》印发给你们，请认真按照执行。
上海市人民政府办公厅
2024年11月23日
（此件公开发布）
上海市促进未来产业发展行动方案（2025—2027年）
为加快培育未来产业，制定本方案。
一、总体要求
到2027年，培育10家以上领军企业。
二、重点任务
（一）深化前沿基础研究。加强人工智能、量子科技等领域研究。（责任单位：市科委、市经济信息化委）
（二）建设创新平台。
1．建设概念验证中心。支持高校建设概念验证中心。
2．建设中试平台。（牵头单位：市经济信息化委；配合单位：市发展改革委、各区政府）
（1）布局中试基地。
①生物医药中试基地。
三、保障措施
加强组织领导。
";

#[test]
fn a_chinese_notice_and_plan_draft_with_their_levels_units_and_fields() {
    let data = common::data();
    let draft = draft(CHINESE_PLAN, &data.units);
    let plan = &draft.plan;
    assert_eq!(
        plan.title.as_deref(),
        Some("上海市促进未来产业发展行动方案（2025—2027年）")
    );
    assert_eq!(plan.period, Some((2025, 2027)));
    assert_eq!(
        plan.document_number.as_deref(),
        Some("沪府办发〔2024〕21号")
    );
    assert_eq!(plan.date.as_deref(), Some("2024-11-23"));
    assert_eq!(plan.issuer.as_deref(), Some("上海市人民政府办公厅"));
    let outline: Vec<(Option<&str>, &str, usize)> = draft
        .nodes
        .iter()
        .map(|n| (n.numbering.as_deref(), n.title.as_str(), n.depth))
        .collect();
    assert_eq!(
        outline,
        [
            (None, "Preamble", 0),
            (Some("一"), "总体要求", 0),
            (Some("二"), "重点任务", 0),
            (Some("二.（一）"), "深化前沿基础研究", 1),
            (Some("二.（二）"), "建设创新平台", 1),
            (Some("二.（二）.1"), "建设概念验证中心", 2),
            (Some("二.（二）.2"), "建设中试平台", 2),
            (Some("二.（二）.2.（1）"), "布局中试基地", 3),
            (Some("二.（二）.2.（1）.①"), "生物医药中试基地", 4),
            (Some("三"), "保障措施", 0),
        ]
    );
    // The preamble is the plan's opening, not the notice.
    assert_eq!(draft.nodes[0].text, "为加快培育未来产业，制定本方案。");
    // A chapter's unnumbered paragraph is its text.
    assert_eq!(draft.nodes[1].text, "到2027年，培育10家以上领军企业。");
    assert_eq!(draft.nodes[3].text, "加强人工智能、量子科技等领域研究。");
    // Units: 市科委 and 市经济信息化委 are the dataset's (上海市科委 …);
    // 市发展改革委 is the short form of its 上海市发展和改革委员会; lead
    // units come before supporting ones; unknown ones are new.
    let units = |i: usize| -> Vec<String> {
        draft.nodes[i]
            .units
            .iter()
            .map(|u| match u {
                UnitMatch::Known(k) => data.units[*k].id.to_string(),
                UnitMatch::New(name) => format!("new: {name}"),
            })
            .collect()
    };
    assert_eq!(units(3), ["mc-sci-tech", "mc-econ-info"]);
    assert_eq!(units(6), ["mc-econ-info", "mc-dev-reform", "new: 各区政府"]);
    assert_eq!(draft.counts(), (4, 2, 4));
    // 牵头单位 names the lead; 责任单位 names none, so none is guessed.
    assert!(draft.nodes[3].lead_units.is_empty());
    assert!(matches!(
        draft.nodes[6].lead_units.as_slice(),
        [UnitMatch::Known(k)] if data.units[*k].id == "mc-econ-info"
    ));
    // The draft's JSON carries them as the node's lead_units, and loads.
    let imported = plan_explorer::import::to_json::Imported {
        text: CHINESE_PLAN,
        file_name: "plan.txt",
        lang: plan_explorer::import::to_json::DocLang::Zh,
        today: "2026-12-04",
    };
    let json = plan_explorer::import::to_json::new_dataset(&draft, &imported, &data);
    let loaded = plan_explorer::dataset::load_str(&json.to_string());
    let dataset = loaded.dataset.expect("the draft loads");
    let leads: Vec<(String, Vec<String>)> = dataset
        .nodes
        .iter()
        .filter(|n| !n.lead_units.is_empty())
        .map(|n| {
            (
                n.title.clone(),
                n.lead_units
                    .iter()
                    .map(|u| dataset.units[u.index()].id.to_string())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        leads,
        [("建设中试平台".to_owned(), vec!["mc-econ-info".to_owned()])]
    );
}

/// Each drafted node's numbering and title.
fn outline(draft: &Draft) -> Vec<(Option<&str>, &str)> {
    draft
        .nodes
        .iter()
        .map(|n| (n.numbering.as_deref(), n.title.as_str()))
        .collect()
}

#[test]
fn english_layouts_the_portals_use() {
    let data = common::data();
    let text = "A Plan for Future Industries
A Plan for Future Industries
I  General Requirements
II  Key Tasks
I  General Requirements
By 2030, the industries will lead.
-- The leading role of innovation will be greatly enhanced.
-- About 15 innovation centers will be built.
II  Key Tasks
1.Enhanced research. Support basic research (including universities).
2. Market access. Improve the rules. (Responsible unit: the Municipal Commission of Health)
4. Talent. Attract talent.
(2) A sub-item with no first.
";
    let draft = draft(text, &data.units);
    assert_eq!(
        draft.plan.title.as_deref(),
        Some("A Plan for Future Industries")
    );
    assert_eq!(
        outline(&draft),
        [
            (Some("I"), "General Requirements"),
            (
                None,
                "The leading role of innovation will be greatly enhanced"
            ),
            (None, "About 15 innovation centers will be built"),
            (Some("II"), "Key Tasks"),
            (Some("II.1"), "Enhanced research"),
            (Some("II.2"), "Market access"),
            (Some("II.4"), "Talent"),
            (Some("II.4.(2)"), "A sub-item with no first"),
        ]
    );
    assert!(
        draft
            .notes
            .contains(&DraftNote::ContentsSkipped { lines: 2 }),
        "{:?}",
        draft.notes
    );
    // The jumps are said: 2 to 4, and a (2) with no (1).
    let jumps: Vec<&DraftNote> = draft
        .notes
        .iter()
        .filter(|n| matches!(n, DraftNote::NumberJump { .. }))
        .collect();
    assert_eq!(
        jumps,
        [
            &DraftNote::NumberJump {
                numbering: "II.4".to_owned(),
                expected: 3,
                found: 4
            },
            &DraftNote::NumberJump {
                numbering: "II.4.(2)".to_owned(),
                expected: 1,
                found: 2
            },
        ]
    );
    assert_eq!(
        draft.nodes[4].text,
        "Support basic research (including universities)."
    );
    assert_eq!(draft.nodes[0].text, "By 2030, the industries will lead.");
}

#[test]
fn a_portal_page_saved_as_text_drafts_without_its_frame_or_contents() {
    // A page saved from a portal as text: the breadcrumb and "Print |
    // Share" before the title, the title twice, the document number, a
    // contents block under its own "Contents" heading, then the body.
    let data = common::data();
    let text = "Home > Policies > Plans
Print | Share
Shanghai Action Plan for Promoting the Low-Altitude Economy (2026-2028)
Shanghai Action Plan for Promoting the Low-Altitude Economy (2026-2028)
Hu Fu Ban Fa [2026] No. 5
Contents
I. General Goals
II. Key Tasks
I. General Goals
By 2028, about 80 billion yuan.
II. Key Tasks
1. Strengthen key technologies. Support research. (Responsible units: the Shanghai Municipal Health Commission)
";
    let draft = draft(text, &data.units);
    assert_eq!(
        draft.plan.title.as_deref(),
        Some("Shanghai Action Plan for Promoting the Low-Altitude Economy (2026-2028)")
    );
    assert_eq!(draft.plan.period, Some((2026, 2028)));
    assert_eq!(
        draft.plan.document_number.as_deref(),
        Some("Hu Fu Ban Fa [2026] No. 5")
    );
    assert_eq!(
        outline(&draft),
        [
            (Some("I"), "General Goals"),
            (Some("II"), "Key Tasks"),
            (Some("II.1"), "Strengthen key technologies"),
        ]
    );
    assert_eq!(
        draft.notes,
        [
            DraftNote::PageFrameSkipped {
                lines: vec![
                    "Home > Policies > Plans".to_owned(),
                    "Print | Share".to_owned()
                ]
            },
            DraftNote::ContentsSkipped { lines: 3 },
        ]
    );
    // The portal's word order for the built-in Municipal Commission of
    // Health.
    let health = data
        .units
        .iter()
        .position(|u| u.id == "mc-health")
        .expect("the built-in unit");
    assert_eq!(draft.nodes[2].units, [UnitMatch::Known(health)]);
}

#[test]
fn a_document_without_numbering_is_one_plan_of_paragraph_measures() {
    let data = common::data();
    let text = "Shanghai unveils action plan\nThe city will build 15 centers. They will open soon.\nWe shall support firms. Funding follows.\n";
    let draft = draft(text, &data.units);
    assert!(draft.notes.contains(&DraftNote::NoNumbering));
    let titles: Vec<&str> = draft.nodes.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(
        titles,
        ["The city will build 15 centers", "We shall support firms"]
    );
    assert!(draft.nodes.iter().all(|n| n.kind == NodeKind::Measure));
}
