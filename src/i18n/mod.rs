//! The interface's words in English and Simplified Chinese, from one table.
//!
//! A compile-time table rather than Fluent files: every key is an enum
//! variant and every variant must name both languages, so a missing
//! translation does not compile, and nothing is parsed or looked up by
//! string at run time. The interface's few plural forms are handled by
//! wording ("problems: 3"), which Chinese does not inflect anyway.
//!
//! There is no current language: every function that writes words takes
//! the language as an argument, and the window passes down the one its
//! session holds.

/// A language of the interface.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Both, in the order the switch shows them.
    pub const ALL: [Self; 2] = [Self::En, Self::Zh];

    /// The language's own name, for the switch.
    pub fn name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Zh => "简体中文",
        }
    }

    /// The language for a locale name such as `zh-CN`, `zh_CN.UTF-8` or
    /// `en-US`: Chinese for any `zh`, English otherwise.
    pub fn from_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Self::Zh
        } else {
            Self::En
        }
    }

    /// The system's language (the user's locale), English if unknown.
    pub fn system() -> Self {
        sys_locale::get_locale().map_or(Self::En, |l| Self::from_locale(&l))
    }
}

/// A word or sentence of the interface in `lang`.
pub fn tr(lang: Lang, text: T) -> &'static str {
    match lang {
        Lang::En => text.en(),
        Lang::Zh => text.zh(),
    }
}

/// A sentence in `lang` with `{}` places filled in order:
/// `fill(lang, T::Matching, &[&3])`.
pub fn fill(lang: Lang, text: T, values: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::new();
    let mut values = values.iter();
    let mut parts = tr(lang, text).split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for part in parts {
        if let Some(value) = values.next() {
            out.push_str(&value.to_string());
        }
        out.push_str(part);
    }
    out
}

pub use check::{record_source, record_value};
pub use present::of_slide;
pub use views::caveat_change;
mod check;
mod present;
mod problems;
mod readers;
mod views;
mod writers;

macro_rules! texts {
    ($($key:ident => $en:literal, $zh:literal;)*) => {
        /// The keys of the table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[expect(missing_docs, reason = "each key is named by its English text, which the table gives beside it")]
        pub enum T { $($key,)* }

        impl T {
            /// Every key.
            pub const ALL: &[Self] = &[$(Self::$key,)*];

            /// The English text.
            pub fn en(self) -> &'static str {
                match self { $(Self::$key => $en,)* }
            }

            /// The Chinese text.
            pub fn zh(self) -> &'static str {
                match self { $(Self::$key => $zh,)* }
            }
        }
    };
}

texts! {
    // Menus and the top bars.
    File => "File", "文件";
    View => "View", "视图";
    Open => "Open…", "打开…";
    Recent => "Recent", "最近打开";
    NoRecent => "No files opened yet", "尚未打开过文件";
    TextCutShort => "Showing the first {} of this text's {} characters.", "此处仅显示该文本的前 {} 个字符（共 {} 个）。";
    RecentGone => "{} (no longer there)", "{}（已不存在）";
    RecentNotAFile => "{} (not a file)", "{}（不是文件）";
    RecentDidNotLoad => "{} (did not load)", "{}（未能载入）";
    Reload => "Reload", "重新载入";
    NoFileToReload => "The built-in dataset has no file", "内置数据集没有文件";
    NoFileToReloadStatus => "The built-in dataset has no file to reload.", "内置数据集没有可重新载入的文件。";
    ExportChartMenu => "Export chart…", "导出图表…";
    Theme => "Theme", "主题";
    FollowSystem => "Follow the system", "跟随系统";
    Light => "Light", "浅色";
    Dark => "Dark", "深色";
    TextSize => "Text size", "文字大小";
    Smaller => "Smaller", "缩小";
    Reset => "Reset", "还原";
    Larger => "Larger", "放大";
    Language => "Language", "语言";
    Edition => "edition {}", "版本 {}";
    LoadedFrom => "Loaded from {}", "载入自 {}";
    Back => "Back (Alt+Left)", "后退 (Alt+←)";
    Forward => "Forward (Alt+Right)", "前进 (Alt+→)";
    Search => "Search:", "搜索：";
    SearchHint => "titles, text, units", "标题、正文、单位";
    SearchDocumentsHint => "words in the documents", "文件中的字词";
    SearchScope => "Search where", "搜索范围";
    InTheRecords => "in the records", "在条目中";
    InTheDocuments => "in the documents", "在文件中";
    DocumentMatches => "{} matches in {} documents", "{} 处匹配，分布于 {} 份文件";
    MoreMatches => "Only the first {} matches are listed; type more words.", "仅列出前 {} 处匹配；请输入更多字词。";
    NoDocumentMatches => "The documents do not contain these words.", "文件中没有这些字词。";
    DocumentsWithoutText => "{} documents carry no text and are not searched.", "{} 份文件未附全文，未被搜索。";
    QuotedBy => "quoted by {}", "引用者：{}";
    NotQuoted => "not quoted by any record", "没有条目引用";
    OpenInDocument => "Open this passage in the document", "在文件中打开此段";
    FactInDocument => "Its words in the document", "原文出处";
    FacetPlan => "Plan", "规划";
    FacetUnit => "Unit", "单位";
    FacetTheme => "Theme", "主题";
    FacetDistrict => "District", "区";
    ClearFilters => "Clear filters", "清除筛选";
    Matching => "{} matching", "{} 项匹配";
    Amounts => "Amounts:", "金额：";
    BillionYuan => "billion yuan", "billion yuan";
    Ready => "Ready.", "就绪。";
    Dismiss => "Dismiss", "关闭";
    // The tree.
    Measures => "Measures", "措施";
    ExpandAll => "Expand all", "全部展开";
    CollapseAll => "Collapse all", "全部折叠";
    Expand => "Expand", "展开";
    Collapse => "Collapse", "折叠";
    ExpandSubtree => "Expand subtree", "展开子树";
    CollapseSubtree => "Collapse subtree", "折叠子树";
    EntriesBelow => "Entries below", "下级条目";
    NothingMatches => "Nothing matches the search and filters.", "没有符合搜索和筛选条件的条目。";
    EnglishOnly => "EN", "英";
    ChartNamesInEnglish => "Names in English here have no Chinese form in the dataset.", "图中的英文名称在数据集中没有中文名称。";
    TranslationHint => "The editors' Chinese translation: the documents print this title in English only", "〔译〕编者译文：原文件仅有英文标题";
    ChartNamesTranslated => "Marked names are the editors' Chinese translations of names the documents print in English.", "〔译〕表示编者对原文件英文名称的中文翻译。";
    EnglishOnlyHint => "No Chinese text in the dataset for this entry; shown in English.", "数据集中此条目没有中文，显示英文。";
    // The details.
    Details => "Details", "详情";
    SelectSomething => "Select a measure in the tree, or a point, bar or target in a chart.", "请在树中选择一项措施，或在图表中选择一个点、条形或目标。";
    Period => "Period", "期限";
    IssuedBy => "Issued by", "发布机构";
    Note => "Note", "说明";
    TopLevelEntries => "Top-level entries", "顶层条目";
    PlanLabel => "Plan", "规划";
    Kind => "Kind", "类型";
    KindChapter => "chapter", "章";
    KindMeasure => "measure", "措施";
    KindItem => "item", "条目";
    ResponsibleUnits => "Responsible units", "责任单位";
    Themes => "Themes", "主题";
    Districts => "Districts", "区";
    Source => "Source", "来源";
    ShowInTree => "Show in the tree", "在树中显示";
    LinkedMeasures => "Linked measures ({})", "关联措施（{}）";
    NoLinkedMeasures => "The dataset ties no measure to this figure; its source is above.", "数据集中没有与此数据关联的措施；来源见上。";
    LinkedFigures => "Figures, funds and targets ({})", "数据、资金和目标（{}）";
    Level => "Level", "级别";
    Purpose => "Purpose", "用途";
    Amount => "Amount", "金额";
    NoAmount => "no amount stated", "未说明金额";
    NotStated => "not stated", "未说明";
    BuiltInDataset => "built-in dataset", "内置数据集";
    Status => "Status", "状态";
    Year => "Year", "年份";
    Value => "Value", "数值";
    Deadline => "Deadline", "期限";
    Target => "Target", "目标";
    UntilNoStart => "until {} (the documents give no first year)", "至 {} 年（文件未给出起始年份）";
    // The charts.
    IndustrialOutput => "Industrial output", "工业产值";
    GdpShare => "GDP share", "占 GDP 比重";
    FundAllocations => "Fund allocations", "资金配置";
    Targets => "Targets", "目标";
    ExportButton => "Export…", "导出…";
    ExportButtonHint => "Save this chart as a picture (PNG, SVG, PDF) or its data (CSV) (Ctrl+E)", "将此图表保存为图片（PNG、SVG、PDF）或数据（CSV）（Ctrl+E）";
    ExportThisChart => "Export this chart…", "导出此图表…";
    Key => "● actual   ○ target   faded: estimate   dashed: straight connection across years without data", "● 实际值   ○ 目标值   淡色：估计值   虚线：无数据年份之间的直线连接";
    ClickToHide => "Click to hide", "点击隐藏";
    HiddenClickToShow => "Hidden: click to show", "已隐藏：点击显示";
    LogScale => "Logarithmic scale", "对数刻度";
    LogScaleHint => "The 100,000-yuan subsidy and 825 billion yuan differ by 8 orders of magnitude", "10 万元补贴与 8250 亿元相差 8 个数量级";
    OverMark => "▶ after a bar: the amount is a lower bound (\"over\")", "▶ 条形之后：金额为下限（“超过”）";
    Over => " ▶ over", " ▶ 超过";
    WithoutAmount => "Stated without an amount:", "未说明金额：";
    SortBy => "Sort by:", "排序：";
    SortHint => "Sort by this; again to reverse", "按此排序；再点一次反向";
    NoDeadline => "no deadline stated", "未说明期限";
    ByYear => "by {}", "{} 年前";
    AxisYear => "Year", "年份";
    LevelNational => "National", "国家级";
    LevelMunicipal => "Municipal", "市级";
    LevelDistrict => "District", "区级";
    LevelSocial => "Social capital", "社会资本";
    LevelMixed => "National and municipal, combined", "国家与市级合计";
    StatusActual => "actual", "实际";
    StatusTarget => "target", "目标";
    StatusEstimate => "estimate", "估计";
    HoverSource => "Source", "来源";
    HoverNote => "Note", "说明";
    Undated => "undated", "未注明日期";
    TargetHoverClick => "Click to show it and its measures.", "点击查看此目标及其措施。";
    // Pictures.
    FooterSource => "Source: {}", "来源：{}";
    FooterNoSource => "Source: none (no figures shown)", "来源：无（未显示数据）";
    MadeWith => "{} (edition {}) · Plan Explorer", "{}（版本 {}）· Plan Explorer";
    // Chart pictures (src/chart/).
    TitleSeries => "{}, {}", "{}（{}年）";
    TitleWithOthers => "{}, {}, with {} related series", "{}（{}年），另有{}个相关系列";
    TitleFunds => "{} funds named in the plans, largest first", "规划提及的{}项资金，按金额排序";
    OwnPickerHint => "No file dialog on this system: browse with Plan Explorer's own", "本系统没有文件对话框：使用 Plan Explorer 自带的文件浏览";
    PickerUp => "Up", "上一级";
    PickerUpHint => "The folder above (Backspace in an empty path)", "上一级文件夹（路径为空时按退格键）";
    PickerPlaces => "Places", "位置";
    PickerHome => "Home", "主文件夹";
    PickerAllFiles => "All files", "所有文件";
    PickerHidden => "Hidden files", "隐藏文件";
    PickerEmpty => "No folders or dataset files here", "此处没有文件夹或数据集文件";
    PickerCount => "Entries: {}", "共{}项";
    DescribeLatest => "{} {} in {} ({})", "{}：{}（{}年，{}）";
    DescribeLines => "Line chart of {} series, {} to {}. Latest: {}.", "折线图，{}个系列，{}—{}年。最新：{}。";
    DescribeFunds => "Bar chart of {} funds, largest first: {}.", "条形图，{}项资金，从大到小：{}。";
    DescribeLogScale => "The amounts are drawn on a logarithmic scale.", "金额按对数刻度绘制。";
    DescribeTargets => "Table of {} targets, deadlines {} to {}: {}.", "表格，{}个目标，期限{}—{}年：{}。";
    DescribeThemes => "Matrix of {} themes by {} plans; the most measures: {}.", "矩阵，{}个主题乘{}项规划；措施最多的主题：{}。";
    DescribeTimeline => "Timeline of {} plans, {} to {}; {} targets, the first due by {}; the dashed line is the edition, {}.", "时间线，{}项规划，{}—{}年；{}个目标，最早期限为{}年；虚线为数据集版本{}。";
    ShowAsTable => "Show as table", "以表格显示";
    ShowAsTableHint => "The chart's figures as a table, each one click away", "以表格显示图表数据，点击即可选中";
    MeasuresCount => "Measures", "措施数";
    ColumnFigure => "Figure", "数据";
    ColumnCategory => "Plan or level", "规划或级别";
    ColumnPlanName => "Plan", "规划";
    ThemesChart => "Themes", "主题分布";
    TimelineChart => "Timeline", "时间线";
    TitleThemes => "{} themes across {} plans: how many measures carry each", "{}个主题分布于{}项规划：各主题涉及的措施数";
    ReadThemes => "Each cell counts a plan's measures tagged with a theme, deeper for more; rows by {}; totals count each measure once", "每格为该规划中带有该主题的措施数，颜色越深越多；行按{}排列；合计中每项措施只计一次";
    OrderTotal => "total", "合计";
    OrderAsListed => "the dataset's order", "数据集顺序";
    ColumnTheme => "Theme", "主题";
    ColumnTotal => "Total", "合计";
    MeasuresWithATheme => "Measures with a theme", "带主题的措施";
    PlansNotShown => "{} more plans not shown at this width; every cell is in the CSV export", "此宽度下另有{}项规划未显示，完整数据见 CSV 导出";
    ThemeCellHover => "{} in {}: {} measures", "{}（{}）：{}项措施";
    AndMore => "and {} more", "另有{}项";
    ThemeCellClick => "Click to show these measures in the tree", "点击在树中显示这些措施";
    FocusedMark => "The chart's focused mark", "图表中获得焦点的标记";
    MarkKeysSelect => "Enter selects it · arrow keys move", "回车选中 · 方向键移动";
    MarkKeysFilter => "Enter shows these measures in the tree · arrow keys move", "回车在树中显示这些措施 · 方向键移动";
    MarkKeysNext => "Enter selects the next of these · arrow keys move", "回车选中其中下一项 · 方向键移动";
    ThemeRowClick => "Click to show this theme's measures in the tree", "点击在树中显示该主题的措施";
    ThemePlanClick => "Click to show this plan in the tree", "点击在树中显示该规划";
    ThemeColumnCount => "{} measures with a theme", "{}项带主题的措施";
    UnitsChart => "Units", "责任单位";
    TitleUnits => "{} responsible units across {} plans: how many measures each owes", "{}个责任单位分布于{}项规划：各单位承担的措施数";
    ReadUnits => "Each cell counts a plan's measures a unit is responsible for, deeper for more, with the earliest deadline the plan's targets give for them; rows by {}; totals count each measure once", "每格为该单位在该规划中负责的措施数，颜色越深越多，并注明规划目标给出的最早期限；行按{}排列；合计中每项措施只计一次";
    ColumnUnit => "Responsible unit", "责任单位";
    MeasuresWithAUnit => "Measures with a unit", "有责任单位的措施";
    UnitCellHover => "{} in {}: {} measures", "{}（{}）：{}项措施";
    UnitCellDeadline => "{} · {}", "{} · {}年";
    LeadUnitMark => "{} (lead)", "{}（牵头）";
    UnitLeads => " — leads", "（牵头）";
    UnitsWith => " — with {}", " — 另有{}";
    MeasureDeadline => " — by {}", " — {}年前";
    UnitRowClick => "Click to show this unit's measures in the tree", "点击在树中显示该单位的措施";
    UnitColumnCount => "{} measures with a unit", "{}项有责任单位的措施";
    DescribeUnits => "Matrix of {} responsible units by {} plans; the most measures: {}.", "矩阵，{}个责任单位乘{}项规划；措施最多的单位：{}。";
    ColumnLeadUnits => "Lead units", "牵头单位";
    SortByTotal => "By total", "按合计";
    SortAsListed => "As listed", "按数据集顺序";
    TitleTimeline => "{} plans from {} to {}: periods, deadlines and dated figures", "{}项规划（{}—{}年）：规划期、目标期限及有日期的数据";
    ReadTimeline => "Each plan's period as a bar, its targets at their deadlines, facts at the date they hold as of, funds at the date of the document stating them", "横条为各规划的规划期，目标位于其期限，事实数据位于其截至日期，资金位于说明它的文件日期";
    KeyPeriod => "Plan period", "规划期";
    KeyTarget => "Target, at its deadline", "目标（期限）";
    KeyFact => "Fact, as of its date", "事实（截至日期）";
    KeyFund => "Fund, as stated on its document's date", "资金（文件日期）";
    KeyEdition => "Edition {}", "版本 {}";
    NoPlanRow => "Not tied to a plan", "未关联规划";
    PeriodNoStart => "until {} (start not stated)", "至{}年（起始年份未注明）";
    UndatedTargets => "{}: {} targets state no deadline and are not placed", "{}：{}个目标未注明期限，未在图中标出";
    ProgressShare => "Progress, {}: {} in {}, {} of {} by {}", "进展，{}：{}（{}年），为目标{}（{}年）的{}";
    ProgressAgainst => "Progress, {}: {} in {}, against {} by {}", "进展，{}：{}（{}年），对照目标{}（{}年）";
    ProgressNone => "Progress, {}: no actual figure yet against {} by {}", "进展，{}：尚无实际值，目标为{}（{}年）";
    ProgressLabelShare => "{} in {}, {} of target", "{}（{}年），达目标{}";
    ProgressLabel => "latest {} in {}", "最新{}（{}年）";
    ProgressLabelNone => "no actual figure yet", "尚无实际值";
    FaintBarNote => "A faint bar: the plan states no first year.", "浅色横条：规划未注明起始年份。";
    TimelineNextHint => "Click again for the next of these", "再次点击查看其中下一项";
    TitleTargets => "{} numeric targets set by {} plans", "{}个数值目标，来自{}项规划";
    UnitPercent => "Percent", "百分比";
    ReadPoints => "Points are figures the documents state", "圆点为文件所载数据";
    ReadHollow => "hollow points are targets", "空心圆点为目标值";
    ReadPale => "pale points are estimates", "浅色圆点为估计值";
    ReadDashed => "dashed lines join figures across years without data", "虚线连接相隔多年的数据，其间无数据";
    ReadFunds => "Yuan, as announced; colour shows who provides the fund", "金额（元），按公布数；颜色表示资金来源";
    ReadLog => "bars on a logarithmic scale (each step ten times the last)", "条形采用对数刻度（每格为前一格的十倍）";
    ReadOver => "a triangle after a bar marks a lower bound (\"over\")", "条形后的三角表示下限（“超过”）";
    ReadTargets => "Each target as its plan states it, ordered by {}; ○ marks a target, not an achieved figure", "各目标按规划原文列出，按{}排序；○ 表示目标值，而非实际完成值";
    NoAmountList => "No amount stated: {}", "未载明金额：{}";
    MoreNotShown => "{} more not shown at this size; every figure is in the CSV export", "此尺寸下另有{}项未显示，完整数据见 CSV 导出";
    ColumnDeadline => "By", "期限";
    OrderDeadline => "deadline", "期限";
    OrderMetric => "target", "目标名称";
    OrderValue => "value", "数值";
    OrderPlan => "plan", "规划";
    ColumnTarget => "Target", "目标";
    ColumnValue => "Value", "数值";
    ColumnPlan => "Plan", "规划";
    NoteLabel => "Note: {}", "注：{}";
    NothingToShow => "Nothing to show: every entry of this chart is hidden or the dataset has none.", "无可显示内容：此图表的条目均已隐藏，或数据集中没有。";
    // Briefings (src/briefing/).
    BriefingTitle => "Briefing: {}", "简报：{}";
    BriefingEdition => "Dataset edition {}", "数据集版本 {}";
    BriefingWritten => "Written {} by Plan Explorer", "Plan Explorer 于 {} 生成";
    BriefingSelection => "Selection: {}", "选取范围：{}";
    BriefingEverything => "the whole dataset", "整个数据集";
    BriefingSearch => "search “{}”", "搜索“{}”";
    BriefingPlans => "plans: {}", "规划：{}";
    BriefingUnits => "responsible units: {}", "责任单位：{}";
    BriefingThemes => "themes: {}", "主题：{}";
    BriefingDistricts => "districts: {}", "区：{}";
    BriefingCounts => "{} plans, {} measures and items, {} figures", "{} 项规划，{} 条措施与条目，{} 个数据";
    BriefingContents => "Contents", "目录";
    BriefingCharts => "Charts", "图表";
    BriefingSources => "Sources", "来源";
    BriefingPeriod => "Period: {}", "期限：{}";
    BriefingIssuer => "Issued by: {}", "发布机构：{}";
    BriefingSource => "Source: {}", "来源：{}";
    BriefingUnitsLine => "Responsible units: {}", "责任单位：{}";
    BriefingThemesLine => "Themes: {}", "主题：{}";
    BriefingDistrictsLine => "Districts: {}", "区：{}";
    BriefingFigures => "Figures, funds and targets", "数据、资金与目标";
    BriefingQuotedIn => "quoted for: {}", "引用于：{}";
    BriefingInContext => "In context: ", "原文语境：";
    BriefingCitedAt => "{}, at {}", "{}，网址：{}";
    BriefingPage => "Page {} of {}", "第 {} 页，共 {} 页";
    BriefingPublisher => "Published by {}", "发布者：{}";
    BriefingNothing => "nothing matches the selection: no plan, measure or item to write", "没有与选取范围匹配的内容：没有可写入的规划、措施或条目";
    ExportBriefingMenu => "Export briefing…", "导出简报…";
    ExportBriefing => "Export briefing", "导出简报";
    BriefingIntro => "The measures the tree shows, in tree order, with their figures, the charts that carry them and the sources' own words. A name ending in .pdf writes a PDF; .docx a Word document.", "树中显示的措施（按树的顺序），连同其数据、包含这些数据的图表以及来源原文。以 .pdf 结尾的文件名保存 PDF；.docx 保存 Word 文档。";
    BriefingSelectionFiltered => "The current search and filters: {} measures and items in {} plans", "当前搜索与筛选：{} 条措施与条目，分属 {} 项规划";
    BriefingSelectionAll => "No search or filter: the whole dataset ({} measures and items)", "无搜索或筛选：整个数据集（{} 条措施与条目）";
    BriefingChartsColon => "Charts:", "图表：";
    BriefingWrite => "Write briefing", "生成简报";
    BriefingWriting => "Writing the briefing…", "正在生成简报…";
    BriefingCancelled => "The briefing was cancelled; nothing was written.", "已取消简报；未写入任何文件。";
    // Dialogs.
    OpenDataset => "Open dataset", "打开数据集";
    OpenIntro => "A dataset file (JSON). An invalid file does not replace the one on screen.", "数据集文件（JSON）。无效的文件不会替换当前显示的数据。";
    Path => "Path:", "路径：";
    Browse => "Browse…", "浏览…";
    TypeThePath => "(type the path)", "（请输入路径）";
    FilterDataset => "Dataset (JSON)", "数据集（JSON）";
    FilterPng => "PNG picture", "PNG 图片";
    FilterCsv => "CSV data", "CSV 数据";
    NoNativeDialog => "No file dialog on this system (no XDG desktop portal or zenity): type or paste the path.", "此系统没有文件对话框（没有 XDG 桌面门户或 zenity）：请输入或粘贴路径。";
    RecentColon => "Recent:", "最近打开：";
    OpenButton => "Open", "打开";
    Cancel => "Cancel", "取消";
    ExportChart => "Export chart", "导出图表";
    Chart => "Chart:", "图表：";
    Size => "Size:", "尺寸：";
    Wide => " wide", " 宽";
    High => " high", " 高";
    Scale => "Scale:", "比例：";
    ThemeColon => "Theme:", "主题：";
    AsTheWindow => "As the window", "与窗口相同";
    FileColon => "File:", "文件：";
    ExtensionHint => "The file name's ending chooses the format: .png, .svg or .pdf for the picture, .csv for the data behind it.", "文件名的扩展名决定格式：.png、.svg 或 .pdf 保存图片，.csv 保存其数据。";
    FormatColon => "Format:", "格式：";
    PresetSlide => "Slide 16:9", "幻灯片 16:9";
    PresetHalfPage => "Half A4 page", "半页 A4";
    PresetSquare => "Square", "正方形";
    PresetCustom => "Custom", "自定义";
    Points => "points", "磅";
    PixelsSize => "{}x{} pixels", "{}x{} 像素";
    OutlineText => "Outline the text", "文字转为轮廓";
    OutlineTextHint => "Glyphs become shapes: exact where the fonts are missing, but the text can no longer be edited or searched", "字形转为图形：缺少字体时也能准确显示，但文字不能再编辑或搜索";
    PreviewColon => "Preview:", "预览：";
    PreviewCsv => "A CSV holds the data behind the chart: one row per figure, with its source and quote.", "CSV 保存图表背后的数据：每个数据一行，附来源和原文引述。";
    FilterSvg => "SVG picture", "SVG 图片";
    FilterPdf => "PDF document", "PDF 文档";
    ExportDo => "Export", "导出";
    CopyImage => "Copy image", "复制图片";
    CopyImageHint => "Put the picture on the clipboard", "将图片放到剪贴板";
    ExistsReplace => "{} exists. Replace it?", "{} 已存在。是否替换？";
    Replace => "Replace", "替换";
    KeepIt => "Keep it", "保留";
    // Status and panels.
    Wrote => "Wrote {}.", "已写入 {}。";
    ExportFailed => "Export failed: {}", "导出失败：{}";
    Copied => "Copied the {} chart ({}x{} pixels) to the clipboard.", "已将“{}”图表（{}x{} 像素）复制到剪贴板。";
    Loaded => "Loaded {} (edition {}): {}.", "已载入 {}（版本 {}）：{}。";
    Opened => "Opened {} (edition {}).", "已打开 {}（版本 {}）。";
    DidNotLoadStatus => "{} did not load (problems: {}); the dataset on screen is unchanged.", "{} 未能载入（{} 个问题）；当前显示的数据集未改变。";
    DidNotLoad => "{} did not load (problems: {}). The dataset on screen is unchanged.", "{} 未能载入：{} 个问题。当前显示的数据集未改变。";
    FileDidNotLoad => "{} did not load", "{} 未能载入";
    WorkerStopped => "the worker loading {} stopped without an answer", "载入 {} 的后台线程未给出结果便已停止";
    BriefingWorkerStopped => "the briefing's worker stopped", "生成简报的后台线程已停止";
    NoThreadToLoad => "cannot start a thread to load {}: {}", "无法启动后台线程载入 {}：{}";
    NoThreadToWrite => "cannot start a thread to write {}: {}", "无法启动后台线程写入 {}：{}";
    LoadingFile => "Loading {}: {} of {} read…", "正在载入 {}：已读取 {} / {}…";
    StillReading => "Still reading {} ({} read after {} s): a slow disk or network share? Cancel keeps the dataset on screen.", "仍在读取 {}（已读取 {}，用时 {} 秒）：磁盘或网络共享较慢？取消将保留当前数据集。";
    CheckingFile => "Checking {}: {} measures and items so far…", "正在检查 {}：已检查 {} 条措施与事项…";
    IndexingFile => "Indexing {} and comparing it with the dataset on screen…", "正在为 {} 建立索引并与当前数据集比较…";
    LoadCancelled => "Loading {} was cancelled; the dataset on screen is unchanged.", "已取消载入 {}；当前显示的数据集未改变。";
    SettingsRestored => "The settings file {} was damaged; the last good copy was put back.", "设置文件 {} 已损坏；已恢复上一份完好的副本。";
    SettingsCorrupt => "The settings file {} could not be read, so the defaults are used; it was kept as {}.", "无法读取设置文件 {}，已使用默认设置；原文件保留为 {}。";
    SettingsUnreadable => "Cannot read the settings file {}: {}. The defaults are used.", "无法读取设置文件 {}：{}。已使用默认设置。";
    SettingsReadOnly => "The settings file {} is read-only: changes to the settings will not be kept.", "设置文件 {} 为只读：对设置的更改不会被保存。";
    FileGone => "{} was deleted or moved; the data on screen stays, and reloads if the file comes back.", "{} 已被删除或移走；当前数据保留，文件恢复后将重新载入。";
    ProblemsTab => "Problems ({})", "问题（{}）";
    ChartNamed => "{} chart", "{}图表";
    PerRecipient => "{} per recipient", "每个受助方 {}";
    AsOf => "As of", "截至";
    AsOfDate => "as of {}", "截至{}";
    KeyFacts => "Key facts ({})", "关键事实（{}）";
    InferredFromContext => "(inferred from context, not printed)", "（据上下文推断，原文未载明）";
    CaveatMark => "⚠ Caveat: {}", "⚠ 注意：{}";
    CaveatLikelyWrong => "⚠ Probably wrong as printed, so kept off the charts' scales: {}", "⚠ 原文数字很可能有误，故不计入图表刻度：{}";
    NotOnScaleLikelyWrong => "Not on this scale (probably wrong as printed; see its caveat): {}", "未计入此刻度（原文数字很可能有误，见注意事项）：{}";
    SourceReliability => "Reliability of {}: {}", "来源可靠性（{}）：{}";
    Reliability => "Reliability", "来源可靠性";
    ReliabilityField => "⚠ Reliability: {}", "⚠ 来源可靠性：{}";
    NotOnThisScale => "Not on this scale (an amount per recipient, not a fund's size): {}", "未计入此刻度（为每个受助方的金额，而非资金规模）：{}";
    ChangesTab => "Changes ({})", "变更（{}）";
    SeverityError => "error: ", "错误：";
    SeverityWarning => "warning: ", "警告：";
    LineColumn => "line {}, column {}: ", "第 {} 行第 {} 列：";
    CopyAll => "Copy all", "全部复制";
    WhatChanged => "What changed (edition {} -> {})", "变更内容（版本 {} -> {}）";
    ChangeAdded => "+ added", "+ 新增";
    ChangeRemoved => "− removed", "− 删除";
    ChangeChanged => "~ changed", "~ 修改";
    RecordPlan => "plan", "规划";
    RecordMeasure => "measure", "措施";
    RecordFigure => "figure", "数据";
    RecordFund => "fund", "资金";
    RecordTarget => "target", "目标";
    NoChanges => "no changes", "无变更";
    FieldChange => "{}: \"{}\" -> \"{}\"", "{}：由“{}”改为“{}”";
    FieldTitle => "title", "标题";
    FieldPeriod => "period", "期限";
    FieldNumbering => "numbering", "编号";
    TextChanged => "text changed", "正文有变化";
    TextZhChanged => "Chinese text changed", "中文正文有变化";
    FieldTitleZh => "Chinese title", "中文标题";
    FieldNameZh => "Chinese name", "中文名称";
    FieldZhTranslation => "Chinese translation (editors')", "中文译文（编者）";
    FieldMetricZh => "Chinese metric", "中文指标";
    FieldUnits => "responsible units", "责任单位";
    FieldValue => "value", "数值";
    FieldStatus => "status", "状态";
    FieldName => "name", "名称";
    FieldAmount => "amount", "金额";
    FieldLevel => "level", "级别";
    FieldMetric => "metric", "指标";
    FieldDeadline => "deadline", "期限";
    FieldAsOf => "as of", "截至";
    FieldPerRecipient => "per recipient", "按受助方计";
    FieldCaveat => "caveat", "说明";
    // Saved views.
    Views => "Views", "视图集";
    SaveViewMenu => "Save view…", "保存视图…";
    OpenViewMenu => "Open view file…", "打开视图文件…";
    ViewsPanelMenu => "Views panel", "视图面板";
    NoSavedViews => "No views saved yet", "尚未保存视图";
    SaveViewTitle => "Save view", "保存视图";
    ViewName => "Name:", "名称：";
    ViewFile => "File:", "文件：";
    ViewNameNeeded => "Give the view a name.", "请为视图命名。";
    Save => "Save", "保存";
    OpenViewTitle => "Open view", "打开视图";
    OpenViewIntro => "A view file (.view.json) is shown on the dataset open, by ids.", "视图文件（.view.json）将按编号显示在当前打开的数据集上。";
    BackToBefore => "Back to what was on screen before", "返回打开视图前的画面";
    ViewNotesHeading => "What to know about this view:", "关于此视图需要注意：";
    Annotations => "Annotations", "标注";
    NoAnnotations => "This chart has no annotations.", "此图表没有标注。";
    RemoveAnnotation => "Remove", "删除";
    YourNote => "your note", "用户注释";
    BriefingViews => "the saved views {}", "已保存的视图 {}";
    AnnotateMenu => "Annotate…", "添加标注…";
    AnnotateTitle => "Annotate the chart", "为图表添加标注";
    AnnotateIntro => "Add to “{}” a note, a span of years or a reference line, in your own words (they are not translated).", "为“{}”添加注释、年份区间或参考线，文字为您的原话（不翻译）。";
    AnnotateNote => "Note on the selected mark", "所选标记上的注释";
    AnnotateSpan => "Span of years", "年份区间";
    AnnotateLine => "Reference line", "参考线";
    AnnotateOn => "On: {}", "标注对象：{}";
    AnnotateIntroMap => "Add to “{}” a note on a cell, in your own words (they are not translated).", "为“{}”的单元格添加注释，文字为您的原话（不翻译）。";
    AnnotateCell => "Note on the chosen cell", "所选单元格上的注释";
    AnnotateCellOn => "On the cell: {} · {}", "标注单元格：{} · {}";
    AnnotateChooseCellFirst => "Choose a cell first (click it, or Tab to the map and move to it with the arrow keys).", "请先选择一个单元格（单击，或用 Tab 移到图上后用方向键移到该格）。";
    AnnotateThisCell => "Note on this cell…", "为此单元格加注释…";
    AnnotateSelectFirst => "Select a point, bar or target first (click it, or Tab to the chart and press Enter).", "请先选择一个数据点、柱或目标（单击，或用 Tab 移到图表后按 Enter）。";
    AnnotateFrom => "From", "从";
    AnnotateTo => "to", "到";
    AnnotateValue => "Value ({}):", "数值（{}）：";
    AnnotateNotANumber => "Type a number, e.g. 5 or 0.5.", "请输入数字，例如 5 或 0.5。";
    AnnotateWords => "Words:", "文字：";
    AnnotateWordsHint => "A note needs words; a span's or line's label may stay empty.", "注释须有文字；区间或参考线的标签可以留空。";
    AnnotateAdd => "Add", "添加";
    AnnotationsAreTheUsers => "Boxed notes, shaded years and dashed reference lines are the user's annotations, in their own words.", "方框注释、阴影年份和虚线参考线为用户所加标注，文字为用户原话。";
    DescribeNote => "Note on {}: “{}”", "{} 上的注释：“{}”";
    DescribeCellNote => "Note on the cell {} · {}: “{}”", "单元格 {} · {} 上的注释：“{}”";
    DescribeSpan => "Years {}–{} {}", "年份 {}–{} {}";
    DescribeLine => "Line at {} {}", "参考线 {} {}";
    SavedViews => "Saved views", "已保存的视图";
    OpenThisView => "Open", "打开";
    ForgetView => "Remove from the list", "从列表中移除";
    LastViewOpened => "Opened: {}", "已打开：{}";
    ViewOpenedClean => "The view opened as it was saved.", "视图已按保存时的样子打开。";
    ViewSavedStatus => "Saved the view “{}” to {}.", "已将视图“{}”保存到 {}。";
    ViewOpenedStatus => "Opened the view “{}”.", "已打开视图“{}”。";
    ViewOpenedWithNotes => "Opened the view “{}”; the Views panel lists what to know about it ({}).", "已打开视图“{}”；视图面板列出了需要注意的事项（{} 项）。";
    ViewNotOpened => "The view did not open: {}", "视图未能打开：{}";
    ViewNotSaved => "The view was not saved: {}", "视图未能保存：{}";
    Close => "Close", "关闭";
    SummaryPart => "{}: {} added, {} removed, {} changed", "{}：新增 {}，删除 {}，修改 {}";
    Plans => "plans", "规划";
    MeasuresLower => "measures", "措施";
    Figures => "figures", "数据";
    Funds => "funds", "资金";
    TargetsLower => "targets", "目标";
    DropToOpen => "Drop to open {}", "松开以打开 {}";
    ShowingBuiltIn => "Showing the built-in dataset.", "正在显示内置数据集。";
    NotValidDataset => "{} is not a valid dataset ({} problems; the first: {}). Run `plan-explorer validate` on it for the full list.", "{} 不是有效的数据集（{} 个问题；第一个：{}）。对其运行 `plan-explorer validate` 可查看完整列表。";
    // The source viewer (src/ui/source_viewer.rs, src/view/source.rs).
    SourcePublisher => "Publisher", "发布者";
    SourceDate => "Date", "日期";
    SourceLanguage => "Language", "语言";
    SourceRetrieved => "Retrieved", "获取日期";
    SourceOriginal => "the original", "原文";
    SourceTranslation => "a translation", "译文";
    SourceTranslationBy => "a translation ({})", "译文（{}）";
    LanguageEnglish => "English", "英文";
    LanguageChinese => "Chinese", "中文";
    SourceExchangeRate => "{} to yuan", "{}兑人民币";
    RecordUnit => "unit", "单位";
    RecordTheme => "theme", "主题";
    RecordDistrict => "district", "区";
    RecordExchangeRate => "exchange rate", "汇率";
    RecordFact => "fact", "事实";
    RecordSeries => "series", "系列";
    SourcePassageOf => "Passage {} of {}: {}", "第 {} 处引文（共 {} 处）：{}";
    SourceNearest => "The nearest passage, the words that differ from the quote in 〚 〛: {}", "最接近的段落，与引文不同的词标于 〚 〛 中：{}";
    SourceUnquoted => "A passage no record quotes: {}", "无记录引用的段落：{}";
    SourceNoPassages => "No record quotes this document.", "没有记录引用此文件。";
    SourcePassageCount => "{} passages quoted; n goes to the first.", "共引用 {} 处；按 n 前往第一处。";
    SourceNoText => "The dataset carries no text for this document.", "数据集未收录此文件的全文。";
    SourceQuotedBy => "Quoted by:", "引用者：";
    SourcePrevious => "‹ Previous", "‹ 上一处";
    SourcePreviousHint => "The quoted passage before this one (p)", "上一处引文（p）";
    SourceNext => "Next ›", "下一处 ›";
    SourceNextHint => "The next quoted passage (n)", "下一处引文（n）";
    SourceCloseHint => "Close the document (Esc)", "关闭文件（Esc）";
    SourceQuotedHover => "Quoted by {}: click to make it the passage shown", "引用者：{}。点击将其设为当前段落";
    SourceRecordHint => "Select {}", "选中 {}";
    ReadInDocument => "Click to read it in its document", "点击在原文件中阅读";
    ChangeReadText => "the text in its document", "原文件中的正文";
    ProofProblems => "Quotes of {} not found in their documents, and other problems with the texts: {}", "{} 中未在原文件中找到的引文及其他原文问题：{} 个";
    ShowNearest => "Nearest passage", "最接近的段落";
    ShowNearestHint => "Open the document at the passage nearest to these words, the differing words marked", "在原文件中打开与这些文字最接近的段落，并标出不同的词";
    // Importing a document and reviewing its draft (src/ui/review*.rs,
    // src/view/review.rs).
    ImportDocumentMenu => "Import document…", "导入文件…";
    ImportDocument => "Import document", "导入文件";
    CheckDraftMenu => "Check a draft…", "检查草稿…";
    CheckDraft => "Check a draft", "检查草稿";
    CheckIntro => "Paste a draft's text (a speech, a briefing), or open a file: every figure it states is checked against the data.", "粘贴草稿（讲话稿、简报）的文字，或打开文件：逐一对照数据检查其中的每个数字。";
    CheckOpenTitle => "Open a draft to check", "打开要检查的草稿";
    CheckOpenIntro => "A text file (.txt, .md) or a Word document (.docx; read with its tracked changes accepted).", "文本文件（.txt、.md）或 Word 文档（.docx；按接受修订后的文字读取）。";
    FilterDraft => "Drafts", "草稿";
    CheckOpenFile => "Open file…", "打开文件…";
    CheckRun => "Check", "检查";
    CheckSaveReviewed => "Save reviewed .docx", "保存审阅副本 .docx";
    CheckSaveReviewedHint => "A copy of the Word draft with a comment on each figure, saved beside it; the draft itself is not changed.", "在 Word 草稿旁保存一份副本，每个数字附批注；草稿本身不变。";
    CheckSaveOnlyWord => "A reviewed copy is made of a Word draft (.docx) opened and checked as it is.", "仅可为按原样打开并检查的 Word 草稿（.docx）保存审阅副本。";
    CheckClose => "Close", "关闭";
    CheckDraftText => "Draft text", "草稿文字";
    CheckFigures => "{} figures: {}", "共 {} 个数字：{}";
    CheckNoFigures => "No figures found: nothing to check.", "未找到任何数字，无可检查。";
    CheckStale => "The text changed since it was checked: press Check again.", "文字在检查后已改动：请再按“检查”。";
    CheckOtherData => "Checked against another dataset: press Check again.", "检查时用的是另一份数据：请再按“检查”。";
    CheckShowRecord => "Select {} in the data", "在数据中选中 {}";
    CheckShowSource => "Open its place in the source", "打开其在来源中的位置";
    CheckFromFile => "From {}", "来自 {}";
    CheckLineColumn => "line {}, column {}", "第 {} 行第 {} 列";
    ImportIntro => "A plan document (.txt, .docx, .pdf, .html). Its plan is drafted from the document's own numbering, every record a span of its text, for you to review one by one.", "规划文件（.txt、.docx、.pdf、.html）。按文件自身的编号起草规划，每条记录都是原文的一段，供您逐条审阅。";
    ImportInto => "The draft adds the plan to {}; the file itself is not changed.", "草稿会把规划加入 {}；该文件本身不会改动。";
    ImportOwn => "The dataset on screen is the built-in one, so the plan is drafted as a dataset of its own.", "当前显示的是内置数据集，因此规划将起草为独立的数据集。";
    ImportButton => "Import", "导入";
    FilterDocument => "Plan document", "规划文件";
    Importing => "Reading and drafting {}…", "正在读取并起草 {}…";
    OpeningDraft => "Opening the draft {}…", "正在打开草稿 {}…";
    DropToImport => "Drop to import {}", "松开以导入 {}";
    DraftExistsTitle => "A review is under way", "审阅正在进行";
    DraftExists => "A review of {} is under way ({}). Its draft is kept in {}.", "{} 的审阅正在进行（{}）。草稿保存在 {}。";
    DraftExistsInvalid => "A draft of {} exists in {}, but it cannot be resumed: {}", "{} 的草稿保存在 {}，但无法继续：{}";
    ResumeReview => "Resume", "继续审阅";
    ResumeReviewHint => "Take the review up where it stood", "从上次停下的地方继续审阅";
    StartAgain => "Start again", "重新开始";
    StartAgainHint => "Draft the document afresh; the decisions in the draft are lost", "重新起草此文件；草稿中已作的决定将丢失";
    ResumeOffer => "A review of {} is under way: {}.", "{} 的审阅正在进行：{}。";
    ResumeOfferInvalid => "A draft of {} ({}) cannot be resumed: {}", "{} 的草稿（{}）无法继续：{}";
    DiscardDraft => "Discard", "放弃";
    DiscardDraftHint => "Delete the draft {}", "删除草稿 {}";
    Later => "Later", "稍后";
    ReviewOf => "Review of {}", "审阅：{}";
    ReviewProgress => "{} of {} reviewed", "已审阅 {} / {}";
    ReviewPending => "pending", "待审阅";
    ReviewEdited => "edited", "已修改";
    ReviewAccepted => "accepted", "已接受";
    ReviewAcceptedEdited => "accepted, edited", "已修改并接受";
    ReviewRejected => "rejected", "已否决";
    ReviewAccept => "Accept", "接受";
    ReviewAcceptHint => "Accept it as shown and go to the next (Enter)", "按所示内容接受，并前往下一条（Enter）";
    ReviewReject => "Reject", "否决";
    ReviewRejectHint => "Take it out of the draft, a node with everything under it (Delete)", "将其移出草稿，节点连同其下所有内容（Delete）";
    ReviewApply => "Apply edit", "应用修改";
    ReviewApplyHint => "Write the fields into the draft (Enter in a field); it stays to be accepted", "将字段写入草稿（在字段中按 Enter）；仍需接受";
    ReviewKeys => "Enter accepts, Delete rejects, Up and Down move, e edits (Enter applies the edit, Esc leaves it).", "Enter 接受，Delete 否决，上下方向键移动，e 编辑（Enter 应用修改，Esc 放弃修改）。";
    ReviewKind => "Kind (k):", "类别（k）：";
    ReviewMerged => "merged", "已合并";
    ReviewUseSelection => "Quote the selected words (q)", "以所选文字为引文（q）";
    ReviewUseSelectionHint => "Make the words selected in the document this figure's quote, wider or narrower (q); they must still state its value, unit and year", "将文件中所选文字设为此数据的引文，可放宽或收窄（q）；所选文字须仍写明其数值、单位和年份";
    ReviewSelectToQuote => "Select words in the document, then press q, to widen or narrow the quote.", "在文件中选取文字后按 q，可放宽或收窄引文。";
    QuoteRefused => "The quote was not changed: {}.", "引文未修改：{}。";
    QuoteEmpty => "no words are selected", "未选取文字";
    QuoteNotInDocument => "the selected words are not the document's own (select within one passage)", "所选文字不是文件原文（请在同一段内选取）";
    QuoteNoValue => "the selected words do not state the figure's value", "所选文字未写明此数据的数值";
    QuoteNoUnit => "the selected words state the value in another unit", "所选文字中的数值单位不同";
    QuoteNoYear => "the selected words do not name the figure's year", "所选文字未写明此数据的年份";
    ReviewMergeInto => "Merge into (m, then Space):", "合并到（m，再按空格键）：";
    ReviewMergeHint => "The document restates this record: it becomes a citation of the existing one (a point joins the series); m goes to these buttons, Space merges", "文件重述了此记录：改为现有记录的引文（数据点并入该系列）；按 m 跳到这些按钮，空格键合并";
    ReviewKindHint => "Make it a target, a fact as of its year, or a point of a series of its own, with the same words (k)", "改为目标、截至其年份的事实，或单独系列中的一个数据点，原文不变（k）";
    RecordPoint => "series point", "系列数据点";
    ReviewClose => "Close review", "关闭审阅";
    ReviewCloseHint => "The draft is kept: importing the document again, or opening the dataset, offers to resume", "草稿会保留：再次导入此文件或打开该数据集时可继续审阅";
    ReviewDone => "Every record is reviewed: Save as new edition… writes the new dataset.", "所有记录均已审阅：“另存为新版本…”将写出新的数据集。";
    ReviewNoPlace => "The document does not hold this record's words.", "文件中找不到此记录的文字。";
    ReviewNoRecord => "Nothing to review.", "没有要审阅的记录。";
    ReviewDraftAt => "Draft: {}", "草稿：{}";
    ReviewNotANumber => "“{}” is not a number", "“{}”不是数字";
    ReviewNotAYear => "“{}” is not a year", "“{}”不是年份";
    ReviewNotAPeriod => "“{}” is not a period such as 2025-2027", "“{}”不是形如 2025-2027 的期限";
    ReviewNotAChoice => "“{}” is not one of: {}", "“{}”不是以下之一：{}";
    ReviewFieldRefused => "{} cannot be read: {}", "“{}”无法读取：{}";
    ReviewNoSuchUnit => "no unit has the id “{}”", "没有 id 为“{}”的单位";
    FieldText => "text", "正文";
    FieldTextZh => "Chinese text", "中文正文";
    FieldIssuer => "issuer", "发布机构";
    FieldYear => "year", "年份";
    FieldUnit => "unit", "计量单位";
    FieldQuote => "quote", "引文";
    SaveEditionMenu => "Save as new edition…", "另存为新版本…";
    SaveEditionTitle => "Save as new edition", "另存为新版本";
    SaveEditionIntro => "Writes a new dataset file: the draft, its edition set to {}. It then opens, and What changed lists the new plan. The draft is removed once saved.", "写出新的数据集文件：即此草稿，版本设为 {}。随后将其打开，并在“变更”中列出新规划。保存后草稿将被删除。";
    SaveEditionPending => "{} records are not reviewed yet: they are saved marked as imported and unreviewed.", "尚有 {} 条记录未审阅：保存时将标为已导入、未审阅。";
    SaveButton => "Save", "保存";
    ReviewOpened => "Reviewing {}: {}. The draft is kept in {} after every decision.", "正在审阅 {}：{}。每次决定后草稿都会保存在 {}。";
    ReviewClosed => "The review was closed; its draft is kept in {}.", "审阅已关闭；草稿保存在 {}。";
    EditionSaved => "Saved the new edition {}; the draft was removed.", "已保存新版本 {}；草稿已删除。";
    DraftDiscarded => "Deleted the draft {}.", "已删除草稿 {}。";
    ImportFailed => "Could not import {}: {}", "无法导入 {}：{}";
    DraftNotWritten => "The draft could not be written, so this decision is not kept on disk: {}", "无法写入草稿，因此此决定未保存到磁盘：{}";
    EditRefused => "The edit was not made: {}", "未作修改：{}";
    DecisionRefused => "That was not done: {}", "未能完成：{}";
    DraftNotRemoved => "The new edition is saved, but the draft {} could not be removed: {}", "新版本已保存，但无法删除草稿 {}：{}";
    DocumentNotYet => "{} documents cannot be read yet: save {} as plain text (.txt) and import that.", "暂时无法读取 {} 文件：请将 {} 另存为纯文本（.txt）后导入。";
    DatasetNotReadable => "the dataset {} could not be read to add the plan to: {}", "无法读取要加入规划的数据集 {}：{}";
    DraftNotValid => "the draft {} is not a valid dataset: {}", "草稿 {} 不是有效的数据集：{}";
    ImportWorkerStopped => "the import stopped without an answer", "导入意外中止，没有结果";
    NoThreadToImport => "no thread could be started to import {}: {}", "无法启动线程来导入 {}：{}";
    ImportCancelled => "The import was cancelled.", "导入已取消。";
    // Presentations (issue 27 part 3).
    Presentation => "Presentation", "演示";
    PresentButton => "Present", "放映";
    PresentHint => "Full screen from the first slide (F5); Shift+F5 or a double click on a slide starts from that slide. Esc leaves.", "从第一张幻灯片起全屏放映（F5）；Shift+F5 或双击某张幻灯片则从该张开始。按 Esc 退出。";
    PresentMenu => "Present ({} slides)", "放映（{} 张幻灯片）";
    SlideRowHint => "{}: click to choose, double-click to present from here", "{}：单击选中，双击从此张开始放映";
    AddShownSlide => "Add what is on screen", "添加当前画面";
    AddViewSlide => "Add this view to the presentation", "将此视图加入演示";
    NoSlides => "No slides yet: add what is on screen, or a saved view with +.", "尚无幻灯片：可添加当前画面，或用 + 添加已保存的视图。";
    MoveSlideUp => "Move slide {} up", "将第 {} 张幻灯片上移";
    MoveSlideDown => "Move slide {} down", "将第 {} 张幻灯片下移";
    RemoveSlide => "Remove slide {}", "删除第 {} 张幻灯片";
    SavePresentationMenu => "Save presentation…", "保存演示…";
    OpenPresentationMenu => "Open presentation…", "打开演示…";
    ExportPresentationMenu => "Export as PDF…", "导出为 PDF…";
    PresentationBriefingMenu => "Write briefing…", "生成简报…";
    NewPresentation => "New presentation", "新建演示";
    PresentationNotesHeading => "On opening the presentation:", "打开演示时：";
    PresentationDefaultName => "Presentation", "演示";
    SavePresentationTitle => "Save presentation", "保存演示";
    OpenPresentationTitle => "Open presentation", "打开演示";
    ExportPresentationTitle => "Export presentation as PDF", "将演示导出为 PDF";
    PresentationBriefingTitle => "Write the presentation as a briefing", "将演示生成简报";
    PresentationFileIntro => "A presentation file (.presentation.json) holds its slides' views in order, so it can be sent as one file.", "演示文件（.presentation.json）按顺序包含各幻灯片的视图，可作为单个文件发送。";
    PresentationPdfIntro => "One PDF, a 16:9 page per slide, in the window's theme.", "一个 PDF 文件，每张幻灯片一页（16:9），采用窗口当前的主题。";
    PresentationBriefingIntro => "A briefing (.pdf or .docx) of the slides' views, in their order.", "按幻灯片顺序，将其视图生成简报（.pdf 或 .docx）。";
    PresentationWriting => "Writing…", "正在写入…";
    WriteButton => "Write", "写入";
    PresentationEmpty => "The presentation has no slides: add what is on screen, or saved views, in the Views panel first.", "演示中没有幻灯片：请先在视图面板中添加当前画面或已保存的视图。";
    SlideAdded => "“{}” added as slide {}.", "已将“{}”添加为第 {} 张幻灯片。";
    SlideNotAdded => "The view was not added: {}", "未能添加该视图：{}";
    PresentationSaved => "Presentation saved to {}.", "演示已保存到 {}。";
    PresentationNotSaved => "The presentation was not saved: {}", "演示未能保存：{}";
    PresentationOpened => "Presentation “{}” opened (slides: {}).", "已打开演示“{}”（{} 张幻灯片）。";
    PresentationOpenedWithProblems => "Presentation “{}” opened (slides: {}; problems: {}, listed in the Views panel).", "已打开演示“{}”（{} 张幻灯片；{} 个问题，见视图面板）。";
    SlideLabel => "Slide {} of {}: {}. Arrows or Page Up and Page Down move, Esc leaves.", "第 {} 张，共 {} 张：{}。方向键或 Page Up、Page Down 翻页，Esc 退出。";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_filled_in_order() {
        assert_eq!(fill(Lang::En, T::Matching, &[&3]), "3 matching");
        assert_eq!(fill(Lang::Zh, T::Matching, &[&3]), "3 项匹配");
        assert_eq!(
            fill(Lang::Zh, T::Copied, &[&"图", &1, &2]),
            "已将“图”图表（1x2 像素）复制到剪贴板。"
        );
    }

    #[test]
    fn locales_choose_the_language() {
        assert_eq!(Lang::from_locale("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_locale("zh_TW.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_locale("en-US"), Lang::En);
        assert_eq!(Lang::from_locale("de_DE"), Lang::En);
    }
}
