#!/usr/bin/env python3
"""Writes data/editions/shanghai_plans-2025-12-31.json from the current
built-in dataset: an earlier edition holding only what the source documents
published before 2026 say.

Which documents: src-002 (the Medical AI Working Plan, dated 2025-03-07) and
src-001 (undated, but it calls 2024 "last year" and mentions "late November"
meetings: late 2025, per its date_note). src-003 is dated 2026-02-07; src-000
and src-004 print no date, so nothing shows they predate 2026 and they are
left out.

Records are kept only where a kept document states them; a record citing
several documents keeps only the kept citations. Nothing is invented: the
renamed records take src-001's own words (the 15-billion-yuan fund, which
only src-003 names the "Future Industry Fund"; the silicon-photonics theme,
"silicon photonics" being src-003's term for src-001's "silicon-based
optoelectronics"; the frontier-tech plan, whose second announcement is
src-003's). A Chinese name (any
`*_zh` field) stays only where a kept document prints it (the editors'
`*_zh_translation` fields are not a document's words and stay), and notes and
issuers that lean on a later document are written again from the kept
ones (tests/editions.rs checks both).

Run from the project folder: python3 tools/make_earlier_edition.py
"""
import json
import pathlib

KEPT = {"src-001", "src-002"}
ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared/seeds"
current = json.loads((ROOT / "data/shanghai_plans.json").read_text(encoding="utf-8"))


def normalize(text):
    """White space folded and typographic quotes made plain, as the app's
    quote check does (src/dataset/quotes.rs)."""
    for curly, plain in (("\u201c", '"'), ("\u201d", '"'), ("\u2018", "'"), ("\u2019", "'")):
        text = text.replace(curly, plain)
    return " ".join(text.split())


KEPT_TEXTS = [
    normalize((SEEDS / s["file"]).read_text(encoding="utf-8"))
    for s in current["sources"]
    if s["id"] in KEPT
]


def drop_unprinted_chinese(value):
    """Removes every `*_zh` field whose words no kept document prints."""
    if isinstance(value, dict):
        for key in [k for k in value if k.endswith("_zh")]:
            if isinstance(value[key], str) and not any(normalize(value[key]) in t for t in KEPT_TEXTS):
                del value[key]
        for item in value.values():
            drop_unprinted_chinese(item)
    elif isinstance(value, list):
        for item in value:
            drop_unprinted_chinese(item)


# Notes and issuers that cite src-003, written again from src-001 alone.
REWRITTEN = {
    ("plan", "frontier-tech", "issuer"): (
        "Shanghai (src-001 says 'the city rolled out 15 measures' and names no issuing body)"
    ),
    ("plan", "frontier-tech", "note"): (
        "From src-001: the 15 measures rolled out 'in late October', the 15-billion-yuan "
        "fund, 20 industry leaders by 2027, clusters by 2030. src-001 does not list the 15 "
        "measures one by one, so they are not invented here. Title by the curator from "
        "src-001's wording; its Chinese is a descriptive translation, not an official document "
        "title (src-001 gives none). Period: start 2025 = the year of the 'late October' rollout as "
        "resolved from src-001's own context (it mentions 'the first three quarters of 2025' "
        "and calls 2024 'last year'); end 2030 = the latest deadline given (clusters 'by 2030')."
    ),
    ("point", "pioneer-gdp-share-2024", "caveat"): (
        "The 2021 and 2024 points may not measure the same thing. 33.4% equals 1.8 / 5.39 "
        "trillion yuan (the industries' 2024 output and GDP in src-001's preceding sentence), "
        "which suggests output divided by GDP rather than a share of value added; the 2021 "
        "figure may be defined differently."
    ),
    # The 1.8 trillion's caveat rests on src-003's figures (2026): the
    # earlier edition cannot say it, so the point has none there.
    ("point", "pioneer-output-2024", "caveat"): None,
    ("series", "pioneer-output", "note"): (
        "src-001 words it 'combined industrial output' and does not define its scope; the "
        "Chinese says 规模 (scale), not 工业总产值, a defined statistic."
    ),
    # Only the first of the plan's two announcements is in src-001.
    ("plan", "frontier-tech", "title"): (
        "Measures to support frontier and disruptive technologies (October 2025)"
    ),
    # The editors' translation follows the English it translates.
    ("plan", "frontier-tech", "title_zh_translation"): "支持前沿颠覆性技术的措施（2025年10月）",
    ("node", "ft-late-2025", "note"): (
        "Grouping and title by the curator. src-001 does not say whether the fund and the tasks "
        "below are among the 15 measures."
    ),
    ("node", "ft-fund", "note"): (
        "src-001 gives the fund's amount and purpose but no name; see fund fund-future-industry."
    ),
}


def citations(record):
    """The record's citations as (source, quote) dicts, primary first."""
    out = [{"source": record["source"], "quote": record["quote"]}] if "source" in record else []
    return out + list(record.get("also", []))


def recite(record):
    """Keeps only the kept documents' citations; False if none is left."""
    kept = [c for c in citations(record) if c["source"] in KEPT]
    if not kept:
        return False
    record["source"], record["quote"] = kept[0]["source"], kept[0]["quote"]
    record.pop("also", None)
    if len(kept) > 1:
        record["also"] = kept[1:]
    return True


def keep_nodes(nodes, default_source):
    out = []
    for node in nodes:
        if node.get("source", default_source) not in KEPT:
            continue
        node["children"] = keep_nodes(node.get("children", []), node.get("source", default_source))
        out.append(node)
    return out


def node_ids(nodes):
    for node in nodes:
        yield node
        yield from node_ids(node.get("children", []))


edition = dict(current)
edition["edition"] = "2025-12-31"
edition["description"] = (
    "An earlier edition of the built-in dataset, for trying out loading an updated "
    "dataset and its change summary: it holds only what the documents published "
    "before 2026 say (src-001, late 2025; src-002, 2025-03-07). Its date is the end "
    "of 2025, by which both had appeared; it was made from the current edition by "
    "tools/make_earlier_edition.py."
)
# The edition carries no texts: `validate --sources` reads them from the
# seeds, as an edition made before the texts were embedded would.
EMBEDDED = ("language", "original", "translated_by", "text", "sha256", "retrieved")
edition["sources"] = [
    {k: v for k, v in s.items() if k not in EMBEDDED} for s in current["sources"] if s["id"] in KEPT
]
plans = []
for plan in current["plans"]:
    if plan["source"] not in KEPT:
        continue
    plan["nodes"] = keep_nodes(plan["nodes"], plan["source"])
    for field in ("title", "title_zh_translation", "issuer", "note"):
        if ("plan", plan["id"], field) in REWRITTEN:
            plan[field] = REWRITTEN[("plan", plan["id"], field)]
    for node in node_ids(plan["nodes"]):
        if ("node", node["id"], "note") in REWRITTEN:
            node["note"] = REWRITTEN[("node", node["id"], "note")]
    plans.append(plan)
edition["plans"] = plans
kept_nodes = {n["id"] for p in plans for n in node_ids(p["nodes"])}
used_units = {u for p in plans for n in node_ids(p["nodes"]) for u in n.get("units", [])}
used_themes = {t for p in plans for n in node_ids(p["nodes"]) for t in n.get("themes", [])}
edition["units"] = [u for u in current["units"] if u["id"] in used_units]
edition["themes"] = [t for t in current["themes"] if t["id"] in used_themes]
for theme in edition["themes"]:
    if theme["id"] == "silicon-photonics":
        # "Silicon photonics" is src-003's word (2026); src-001 says
        # "silicon-based optoelectronics". The translation follows.
        theme["name"] = "Silicon-based optoelectronics"
        theme["name_zh_translation"] = "硅基光电子"
used_districts = {d for p in plans for n in node_ids(p["nodes"]) for d in n.get("districts", [])}
edition["districts"] = [
    d for d in current.get("districts", [])
    if used_districts & ({d["id"], d["name"]} | set(d.get("aliases", [])))
]

series = []
for s in current["series"]:
    s["points"] = [p for p in s["points"] if recite(p)]
    s["measures"] = [m for m in s.get("measures", []) if m in kept_nodes]
    if ("series", s["id"], "note") in REWRITTEN:
        s["note"] = REWRITTEN[("series", s["id"], "note")]
    if s["points"]:
        series.append(s)
edition["series"] = series

funds = []
for fund in current["funds"]:
    if not recite(fund):
        continue
    if fund["id"] == "fund-future-industry":
        # Only src-003 (2026) names it; src-001 gives no name.
        fund["name"] = "15-billion-yuan fund for future-oriented industries"
        # The editors' translation follows the English it translates.
        fund["name_zh_translation"] = "150亿元面向未来产业的基金"
        fund["note"] = (
            "src-001 gives no name: 'Shanghai has already set up a 15 billion-yuan fund to "
            "develop these future-oriented industries.' Level municipal because src-001 says "
            "Shanghai set it up."
        )
    fund["measures"] = [m for m in fund.get("measures", []) if m in kept_nodes]
    funds.append(fund)
edition["funds"] = funds

kept_plans = {p["id"] for p in plans}
targets = []
for target in current["targets"]:
    if target["plan"] in kept_plans and recite(target):
        target["measures"] = [m for m in target.get("measures", []) if m in kept_nodes]
        targets.append(target)
edition["targets"] = targets
edition["exchange_rates"] = [r for r in current["exchange_rates"] if recite(r)]
facts = []
for fact in current.get("facts", []):
    if recite(fact):
        fact["measures"] = [m for m in fact.get("measures", []) if m in kept_nodes]
        facts.append(fact)
edition["facts"] = facts

drop_unprinted_chinese(edition)

# Caveats and totals name only figures this edition has; a caveat's words
# that lean on a later document are written again.
figure_ids = {s["id"] for s in edition["series"]}
figure_ids |= {p["id"] for s in edition["series"] for p in s["points"]}
figure_ids |= {f["id"] for f in edition["funds"]} | {t["id"] for t in edition["targets"]}
figure_ids |= {f["id"] for f in edition["facts"]}
records = [p for s in edition["series"] for p in s["points"]] + edition["funds"] + edition["targets"]
records += edition["facts"]
for record in records:
    if "caveat" in record:
        key = ("point", record["id"], "caveat")
        if key in REWRITTEN and REWRITTEN[key] is None:
            del record["caveat"]
            continue
        if key in REWRITTEN:
            record["caveat"]["text"] = REWRITTEN[key]
        conflicts = [c for c in record["caveat"].get("conflicts", []) if c in figure_ids]
        if conflicts:
            record["caveat"]["conflicts"] = conflicts
        else:
            record["caveat"].pop("conflicts", None)
    if "parts" in record:
        record["parts"] = [p for p in record["parts"] if p in figure_ids]
        if not record["parts"]:
            del record["parts"]

out = ROOT / "data/editions/shanghai_plans-2025-12-31.json"
out.write_text(json.dumps(edition, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(
    f"wrote {out.relative_to(ROOT)}: {len(plans)} plans, {len(kept_nodes)} nodes, "
    f"{len(series)} series, {len(funds)} funds, {len(targets)} targets"
)
