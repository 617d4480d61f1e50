//! Display languages and every string of the interface, in both languages.

use crate::argument::Role;
use crate::data::{Dataset, ItemKind, Text, VoiceKind};

coded! {
    code / from_code;
    /// What the reader reads: Chinese, English, or both side by side. The code names
    /// the page's folder (`zh/`, `en/`, `both/`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Lang {
        Zh = "zh",
        En = "en",
        Both = "both",
    }
}

impl Lang {
    /// The BCP 47 tag for `<html lang>`. In `both`, the page is Chinese first.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh | Lang::Both => "zh-Hans",
        }
    }

    /// Picks zh or en from the browser's preferred languages, most preferred first.
    pub fn from_preferences<'a>(languages: impl IntoIterator<Item = &'a str>) -> Lang {
        for tag in languages {
            let primary = tag
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            match primary.as_str() {
                "zh" => return Lang::Zh,
                "en" => return Lang::En,
                _ => {}
            }
        }
        Lang::En
    }

    /// The one language a single text is given in: side by side, Chinese comes first,
    /// so a number, a file or a citation that has one language uses Chinese.
    pub fn single(self) -> Lang {
        match self {
            Lang::En => Lang::En,
            Lang::Zh | Lang::Both => Lang::Zh,
        }
    }

    /// The single languages shown in this mode: one, or both in order.
    pub fn singles(self) -> &'static [Lang] {
        match self {
            Lang::Zh => &[Lang::Zh],
            Lang::En => &[Lang::En],
            Lang::Both => &[Lang::Zh, Lang::En],
        }
    }

    /// The label of the language switch's button for this language.
    pub fn switch_label(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
            Lang::Both => "中文 | English",
        }
    }
}

impl Text {
    /// The text in one language; in `both`, the Chinese (callers that can show two
    /// columns use [`Text::zh`] and [`Text::en`] directly).
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh | Lang::Both => &self.zh,
        }
    }

    /// The text in one language; in `both`, the two joined (`中文 · English`), as in a
    /// title or a name the page writes once.
    pub fn joined(&self, lang: Lang) -> String {
        match lang {
            Lang::Both => format!("{} · {}", self.zh, self.en),
            _ => self.get(lang).to_string(),
        }
    }
}

/// Every fixed string of the interface in one language.
pub struct Ui {
    /// The site's name where no dataset says it (`pages::site_name`).
    pub explorer: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_overview: &'static str,
    pub nav_explore: &'static str,
    pub nav_countries: &'static str,
    pub nav_sources: &'static str,
    pub nav_glossary: &'static str,
    pub language: &'static str,
    pub theme: &'static str,
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub loading: &'static str,
    /// A part of the app's code is being fetched (see `chunks`).
    pub loading_code: &'static str,
    pub data_error_title: &'static str,
    pub data_error_body: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    /// A part of the app's code (a wasm chunk) could not be fetched.
    pub code_error_title: &'static str,
    pub code_error_body: &'static str,
    pub reload: &'static str,
    pub back_to_overview: &'static str,
    /// The page for an address the site does not have.
    pub no_such_address: &'static str,
    /// Before the claim a figure card comes from.
    pub fact_from: &'static str,
    /// The link from an embedded view to the same view in the explorer.
    pub open_in_explorer: &'static str,
    /// Before the short citation under an embedded view.
    pub embed_source: &'static str,
    /// The button that opens the embed dialog.
    pub embed_button: &'static str,
    pub embed_title: &'static str,
    pub embed_what: &'static str,
    pub embed_this_view: &'static str,
    pub embed_table: &'static str,
    pub embed_fact: &'static str,
    pub embed_height: &'static str,
    pub embed_auto_height: &'static str,
    pub embed_fixed_height: &'static str,
    pub embed_preview: &'static str,
    pub embed_code: &'static str,
    pub copy: &'static str,
    pub copy_citation: &'static str,
    pub copy_citation_by_hand: &'static str,
    pub copied: &'static str,
    pub copy_by_hand: &'static str,
    pub close: &'static str,
    pub embed_script_note: &'static str,
    /// The site's root, before the reader's language is known.
    pub choose_language: &'static str,
    pub article: &'static str,
    pub in_brief: &'static str,
    pub footer_cite: &'static str,
    pub footer_dataset: &'static str,
    pub footer_licence: &'static str,
    pub footer_offline: &'static str,
    pub headline_figures: &'static str,
    pub explore_intro: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub facet_topic: &'static str,
    pub facet_country: &'static str,
    pub facet_kind: &'static str,
    pub facet_section: &'static str,
    pub filters: &'static str,
    pub clear_all: &'static str,
    pub no_results: &'static str,
    pub kind_claim: &'static str,
    pub kind_problem: &'static str,
    pub kind_recommendation: &'static str,
    pub kind_narrative: &'static str,
    pub kind_actor: &'static str,
    pub kind_reason: &'static str,
    pub kind_foundation: &'static str,
    pub figures: &'static str,
    pub where_in_article: &'static str,
    pub references: &'static str,
    pub footnotes: &'static str,
    pub related: &'static str,
    pub value: &'static str,
    pub country: &'static str,
    pub countries_intro: &'static str,
    pub items_naming: &'static str,
    pub no_figures: &'static str,
    pub sources_intro: &'static str,
    pub relied_on_by: &'static str,
    pub nothing_relies: &'static str,
    pub glossary_intro: &'static str,
    pub term_zh: &'static str,
    pub term_en: &'static str,
    pub explanation: &'static str,
    pub nav_charts: &'static str,
    pub nav_map: &'static str,
    pub charts_intro: &'static str,
    pub show_table: &'static str,
    pub show_chart: &'static str,
    pub download: &'static str,
    pub items_behind: &'static str,
    pub when: &'static str,
    pub projected_note: &'static str,
    pub map_intro: &'static str,
    pub map_indicator: &'static str,
    pub no_value: &'static str,
    pub map_credit: &'static str,
    pub nav_read: &'static str,
    pub read_intro: &'static str,
    pub read_paragraph: &'static str,
    pub nav_argument: &'static str,
    pub argument_intro: &'static str,
    pub argument_challenges: &'static str,
    pub argument_problems: &'static str,
    pub argument_recommendations: &'static str,
    pub argument_evidence: &'static str,
    pub argument_answers: &'static str,
    pub argument_answered_by: &'static str,
    pub argument_supports: &'static str,
    pub argument_supported_by: &'static str,
    pub argument_approach: &'static str,
    pub argument_grounds: &'static str,
    pub argument_grounded_by: &'static str,
    pub argument_part_of: &'static str,
    pub argument_parts: &'static str,
    pub argument_addresses: &'static str,
    pub argument_addressed_by: &'static str,
    pub argument_in_item: &'static str,
    pub basis_stated: &'static str,
    pub basis_editorial: &'static str,
    pub argument_list: &'static str,
    pub nav_coverage: &'static str,
    pub coverage_intro: &'static str,
    pub coverage_none: &'static str,
    pub facet_voice: &'static str,
    pub voice_author: &'static str,
    pub voice_attributed: &'static str,
    pub voice_reported: &'static str,
    pub voice_fact: &'static str,
    /// Explore's facet of the argument map's roles, and its values.
    pub facet_role: &'static str,
    pub role_challenge: &'static str,
    pub role_approach: &'static str,
    pub role_problem: &'static str,
    pub role_recommendation: &'static str,
    pub role_evidence: &'static str,
    pub editor_note: &'static str,
    pub provenance: &'static str,
    pub provenance_place: &'static str,
    pub provenance_item: &'static str,
    pub provenance_sources: &'static str,
    pub provenance_none: &'static str,
    pub provenance_note: &'static str,
    pub cite: &'static str,
    pub cite_article: &'static str,
    pub cite_this_item: &'static str,
    pub cite_this_figure: &'static str,
    pub cite_dataset: &'static str,
    pub download_all: &'static str,
    pub download_dataset_json: &'static str,
    pub download_figures_csv: &'static str,
    pub download_items_csv: &'static str,
    pub download_selection_csv: &'static str,
    pub download_failed: &'static str,
    /// An island's code, or the app's, could not be loaded (offline, say).
    pub start_failed: &'static str,
    pub dataset_version: &'static str,
    pub dataset_checksum: &'static str,
    pub in_glossary: &'static str,
    pub argument_grid: &'static str,
    pub read_contents: &'static str,
    pub read_nothing: &'static str,
}

pub static ZH: Ui = Ui {
    explorer: "数据浏览",
    skip_to_content: "跳到正文",
    nav_label: "主导航",
    nav_overview: "概览",
    nav_explore: "浏览",
    nav_countries: "国家",
    nav_sources: "文献",
    nav_glossary: "术语",
    language: "语言",
    theme: "配色",
    theme_auto: "跟随系统",
    theme_light: "浅色",
    theme_dark: "深色",
    loading: "正在载入数据…",
    loading_code: "正在载入…",
    data_error_title: "数据无法读取",
    data_error_body:
        "数据文件缺失或已损坏，页面无法显示内容。请稍后刷新；若问题依旧，请告知我们以下细节：",
    not_found_title: "找不到这一页",
    not_found_body: "链接里的编号在数据集中不存在。",
    code_error_title: "这部分内容暂时打不开",
    code_error_body: "它所需的程序文件没能下载下来：可能是网络断了，也可能网站刚刚更新过。请重新载入页面。",
    reload: "重新载入",
    back_to_overview: "回到概览",
    no_such_address: "这个网址不是本浏览器的页面，可能是链接有误或页面已移动。",
    choose_language: "选择阅读语言",
    embed_button: "嵌入",
    embed_title: "把这一页嵌入你的网站",
    embed_what: "嵌入内容",
    embed_this_view: "当前页面",
    embed_table: "图表的数据表",
    embed_fact: "数字卡片",
    embed_height: "高度",
    embed_auto_height: "随内容自动调整（需加载脚本）",
    embed_fixed_height: "默认高度",
    embed_preview: "预览",
    embed_code: "嵌入代码",
    copy: "复制代码",
    copy_citation: "复制引文",
    copy_citation_by_hand: "无法自动复制：引文已选中，请按 Ctrl+C（或 ⌘C）复制。",
    copied: "已复制。",
    copy_by_hand: "无法自动复制：代码已选中，请按 Ctrl+C（或 ⌘C）复制。",
    close: "关闭",
    embed_script_note: "自动高度由本站的小脚本完成，它只接受来自本站框架的消息：",
    fact_from: "出自",
    open_in_explorer: "在浏览器中打开",
    embed_source: "资料来源",
    article: "论文",
    in_brief: "内容提要",
    footer_cite: "来源论文",
    footer_dataset: "数据集版本",
    footer_licence: "许可",
    footer_offline: "全部内容在浏览器内运行，不向任何第三方发送请求。",
    headline_figures: "主要数字",
    explore_intro: "按主题、国家、类型、谁的观点、在论证中的位置和章节筛选论文中的论点与数字，或直接搜索（按 / 键）。",
    search_label: "搜索",
    search_placeholder: "中文或英文，如 贫困、Gülen、pipeline",
    facet_topic: "主题",
    facet_country: "国家",
    facet_kind: "类型",
    facet_section: "章节",
    filters: "筛选",
    clear_all: "清除全部筛选",
    no_results: "没有符合条件的条目。",
    kind_claim: "论据",
    kind_problem: "问题",
    kind_recommendation: "建议",
    kind_narrative: "叙事",
    kind_actor: "行为体",
    kind_reason: "理由",
    kind_foundation: "基础",
    figures: "数字",
    where_in_article: "在论文中的位置",
    references: "参考文献",
    footnotes: "脚注",
    related: "相关条目",
    value: "数值",
    country: "国家",
    countries_intro: "论文谈到的国家：它关于每个国家的全部数字与论点。",
    items_naming: "提及该国的条目",
    no_figures: "论文没有给出关于它的数字。",
    sources_intro: "论文的参考文献与脚注，以及依据它们的条目。",
    relied_on_by: "依据它的条目",
    nothing_relies: "没有条目直接引用。",
    glossary_intro: "论文的关键术语，中英对照。",
    term_zh: "中文",
    term_en: "英文",
    explanation: "释义",
    nav_charts: "图表",
    nav_map: "地图",
    charts_intro: "论文中凡有多个数值的指标都绘成图表；单个数字见概览中的卡片。",
    show_table: "以表格查看",
    show_chart: "以图表查看",
    download: "下载",
    items_behind: "依据的条目",
    when: "时间",
    projected_note: "虚线为预测值；空心点表示“超过”该值。",
    map_intro: "选择指标为地图着色；点击或按回车打开国家概况。",
    map_indicator: "着色指标",
    no_value: "论文未给出数值",
    map_credit: "底图：Natural Earth（公有领域）",
    nav_read: "原文导读",
    read_intro: "按原文顺序逐节阅读：每段的要点、数字与出处。",
    read_paragraph: "段",
    nav_argument: "论证结构",
    argument_intro: "文章如何论证：它的论点、理由与依据如何相连。每条连线注明理由与出处，并标明是原文明言还是本数据集的解读。",
    argument_challenges: "挑战",
    argument_problems: "问题",
    argument_recommendations: "建议",
    argument_evidence: "依据",
    argument_answers: "回应",
    argument_answered_by: "由以下建议回应",
    argument_supports: "支撑",
    argument_supported_by: "依据",
    argument_approach: "作者的思路",
    argument_grounds: "为以下基础或理由提供事实依据",
    argument_grounded_by: "其事实依据",
    argument_part_of: "从属于",
    argument_parts: "由以下部分组成",
    argument_addresses: "作者借此回应的难题",
    argument_addressed_by: "作者给出的应对思路",
    argument_in_item: "在论证中的位置",
    basis_stated: "原文明言",
    basis_editorial: "编者解读",
    argument_list: "论证结构（列表）",
    nav_coverage: "覆盖矩阵",
    coverage_intro: "国家 × 主题：每格是文章就该组合给出的条目数与数字数；空格即文中未涉及之处。点击一格即在“浏览”中查看。",
    coverage_none: "无",
    facet_voice: "谁的观点",
    voice_author: "作者观点",
    voice_attributed: "引述",
    voice_reported: "转述观点",
    voice_fact: "事实",
    facet_role: "在论证中的位置",
    role_challenge: "挑战",
    role_approach: "作者的思路",
    role_problem: "问题",
    role_recommendation: "建议",
    role_evidence: "依据",
    editor_note: "编者注",
    provenance: "出处",
    provenance_place: "原文位置",
    provenance_item: "陈述此数字的条目",
    provenance_sources: "原文注明的来源",
    provenance_none: "原文未注明此数字的来源。",
    provenance_note: "说明",
    cite: "引用",
    cite_article: "引用本文",
    cite_this_item: "引用此条（含原文位置）",
    cite_this_figure: "引用此数字（含原文位置）",
    cite_dataset: "引用本数据集",
    download_all: "下载",
    download_dataset_json: "完整数据集（JSON）",
    download_figures_csv: "全部数字（CSV）",
    download_items_csv: "全部条目（CSV）",
    download_selection_csv: "当前筛选结果（CSV）",
    download_failed: "下载失败：浏览器未能生成文件。请重试，或换用其他浏览器。",
    start_failed: "这个功能所需的程序或数据没能加载（也许网络已断开，或站点文件有误）。本页内容照常可读；重新加载页面即可再试。",
    dataset_version: "数据集版本",
    dataset_checksum: "数据文件 SHA-256",
    in_glossary: "见术语表",
    argument_grid: "建议与其回应的问题（表格）",
    read_contents: "目录",
    read_nothing: "本段无单列条目。",
};

pub static EN: Ui = Ui {
    explorer: "Explorer",
    skip_to_content: "Skip to content",
    nav_label: "Main navigation",
    nav_overview: "Overview",
    nav_explore: "Explore",
    nav_countries: "Countries",
    nav_sources: "Sources",
    nav_glossary: "Glossary",
    language: "Language",
    theme: "Theme",
    theme_auto: "Auto",
    theme_light: "Light",
    theme_dark: "Dark",
    loading: "Loading the data…",
    loading_code: "Loading…",
    data_error_title: "The data could not be read",
    data_error_body: "The dataset file is missing or damaged, so there is nothing to show. Please reload later; if it persists, tell us these details:",
    not_found_title: "Page not found",
    not_found_body: "The link names something the dataset does not have.",
    code_error_title: "This part of the explorer cannot be opened right now",
    code_error_body: "Its code did not download: the connection may be down, or the site was just updated. Reload the page to try again.",
    reload: "Reload",
    back_to_overview: "Back to the overview",
    no_such_address: "This address is not a page of the explorer: the link may be mistyped, or the page has moved.",
    choose_language: "Choose a language",
    embed_button: "Embed",
    embed_title: "Embed this view in your site",
    embed_what: "What to embed",
    embed_this_view: "This view",
    embed_table: "The chart as a table",
    embed_fact: "Fact card",
    embed_height: "Height",
    embed_auto_height: "Fit the content (with the script)",
    embed_fixed_height: "Default height",
    embed_preview: "Preview",
    embed_code: "Code to paste",
    copy: "Copy code",
    copy_citation: "Copy citation",
    copy_citation_by_hand: "Could not copy automatically: the citation is selected, press Ctrl+C (or ⌘C).",
    copied: "Copied.",
    copy_by_hand: "Could not copy automatically: the code is selected, press Ctrl+C (or ⌘C).",
    close: "Close",
    embed_script_note: "Automatic height comes from a small script of this site, which only listens to this site's frames:",
    fact_from: "From",
    open_in_explorer: "Open in the explorer",
    embed_source: "Source",
    article: "Article",
    in_brief: "In brief",
    footer_cite: "Source article",
    footer_dataset: "Dataset version",
    footer_licence: "Licence",
    footer_offline: "Everything runs in your browser; no request goes to any third party.",
    headline_figures: "Headline figures",
    explore_intro: "Filter the article's points and figures by topic, country, kind, whose claim, place in the argument and section, or search (press /).",
    search_label: "Search",
    search_placeholder: "Chinese or English, e.g. 贫困, Gulen, pipeline",
    facet_topic: "Topic",
    facet_country: "Country",
    facet_kind: "Kind",
    facet_section: "Section",
    filters: "Filters",
    clear_all: "Clear all filters",
    no_results: "No items match these filters.",
    kind_claim: "Claim",
    kind_problem: "Problem",
    kind_recommendation: "Recommendation",
    kind_narrative: "Narrative",
    kind_actor: "Actor",
    kind_reason: "Reason",
    kind_foundation: "Foundation",
    figures: "Figures",
    where_in_article: "Where it stands in the article",
    references: "References",
    footnotes: "Footnotes",
    related: "Related items",
    value: "Value",
    country: "Country",
    countries_intro: "The countries the article speaks of: every figure and point it makes about each.",
    items_naming: "Items that name it",
    no_figures: "The article gives no figures about it.",
    sources_intro: "The article's references and its footnotes, with the items that rely on each.",
    relied_on_by: "Relied on by",
    nothing_relies: "No item cites it directly.",
    glossary_intro: "The article's key terms, in Chinese and English.",
    term_zh: "Chinese",
    term_en: "English",
    explanation: "Explanation",
    nav_charts: "Charts",
    nav_map: "Map",
    charts_intro: "Every indicator the article gives more than one value for, drawn; single numbers stay cards on the overview.",
    show_table: "Show as table",
    show_chart: "Show as chart",
    download: "Download",
    items_behind: "Items behind it",
    when: "When",
    projected_note: "Dashed lines are projections; hollow points mean “more than” the value.",
    map_intro: "Choose an indicator to colour the map; click or press Enter on a country to open its profile.",
    map_indicator: "Colour by",
    no_value: "No value in the article",
    map_credit: "Outlines: Natural Earth (public domain)",
    nav_read: "The article",
    read_intro: "The article section by section, in its order: each paragraph's points, figures and sources.",
    read_paragraph: "¶",
    nav_argument: "Argument",
    argument_intro: "How the article argues: how its claims, reasons and evidence connect. Every connection gives its reason and place, and says whether the article states it or the dataset reads it so.",
    argument_challenges: "Challenges",
    argument_problems: "Problems",
    argument_recommendations: "Recommendations",
    argument_evidence: "Evidence",
    argument_answers: "Answers",
    argument_answered_by: "Answered by",
    argument_supports: "Supports",
    argument_supported_by: "Supported by",
    argument_approach: "The author's approach",
    argument_grounds: "Gives grounds for",
    argument_grounded_by: "Grounded in",
    argument_part_of: "One part of",
    argument_parts: "Made up of",
    argument_addresses: "Offered as the way through",
    argument_addressed_by: "The author's way through",
    argument_in_item: "In the argument",
    basis_stated: "Stated by the article",
    basis_editorial: "Editorial reading",
    argument_list: "The argument as a list",
    nav_coverage: "Coverage",
    coverage_intro: "Countries × topics: each cell counts the items and figures the article gives for that pair; an empty cell is a gap. A cell opens Explore filtered to it.",
    coverage_none: "none",
    facet_voice: "Whose claim",
    voice_author: "Author's view",
    voice_attributed: "Cited finding",
    voice_reported: "Reported view",
    voice_fact: "Fact",
    facet_role: "Place in the argument",
    role_challenge: "Challenge",
    role_approach: "The author's approach",
    role_problem: "Problem",
    role_recommendation: "Recommendation",
    role_evidence: "Evidence",
    editor_note: "Editor's note",
    provenance: "Provenance",
    provenance_place: "In the article",
    provenance_item: "Stated in",
    provenance_sources: "Sources the article gives",
    provenance_none: "The article cites no source for this number.",
    provenance_note: "Note",
    cite: "Cite",
    cite_article: "Cite the article",
    cite_this_item: "Cite this item (with its place in the article)",
    cite_this_figure: "Cite this figure (with its place in the article)",
    cite_dataset: "Cite this dataset",
    download_all: "Downloads",
    download_dataset_json: "Whole dataset (JSON)",
    download_figures_csv: "All figures (CSV)",
    download_items_csv: "All items (CSV)",
    download_selection_csv: "This selection (CSV)",
    download_failed: "The download failed: the browser could not make the file. Try again, or another browser.",
    start_failed: "The code or data this control needs could not be loaded (the network may be down, or the site's files are damaged). The page stays readable; reload it to try again.",
    dataset_version: "Dataset version",
    dataset_checksum: "SHA-256 of the data file",
    in_glossary: "In the glossary",
    argument_grid: "Recommendations and what they answer (table)",
    read_contents: "Contents",
    read_nothing: "No item is retold from this paragraph.",
};

/// Picks one string out of the interface strings.
pub type UiPick = fn(&Ui) -> &'static str;

/// A fixed interface string in the display language; in `both`, Chinese then English.
pub fn tr(lang: Lang, pick: impl Fn(&'static Ui) -> &'static str) -> String {
    match lang {
        Lang::Zh => pick(&ZH).to_string(),
        Lang::En => pick(&EN).to_string(),
        Lang::Both => format!("{} · {}", pick(&ZH), pick(&EN)),
    }
}

/// The label of an item kind: the dataset's own (`meta.kind_labels`), where it has
/// one, or the generic one.
pub fn kind_label(ds: &Dataset, kind: ItemKind, lang: Lang) -> String {
    if let Some(own) = ds.meta.kind_labels.get(kind.id()) {
        return own.joined(lang);
    }
    tr(
        lang,
        match kind {
            ItemKind::Claim => |u: &Ui| u.kind_claim,
            ItemKind::Problem => |u: &Ui| u.kind_problem,
            ItemKind::Recommendation => |u: &Ui| u.kind_recommendation,
            ItemKind::Narrative => |u: &Ui| u.kind_narrative,
            ItemKind::Actor => |u: &Ui| u.kind_actor,
            ItemKind::Reason => |u: &Ui| u.kind_reason,
            ItemKind::Foundation => |u: &Ui| u.kind_foundation,
        },
    )
}

/// The label of a voice: whose statement an item is.
pub fn voice_label(kind: VoiceKind, lang: Lang) -> String {
    tr(
        lang,
        match kind {
            VoiceKind::Author => |u: &Ui| u.voice_author,
            VoiceKind::Attributed => |u: &Ui| u.voice_attributed,
            VoiceKind::Reported => |u: &Ui| u.voice_reported,
            VoiceKind::Fact => |u: &Ui| u.voice_fact,
        },
    )
}

/// The label of a role in the argument map, as a value of Explore's facet.
pub fn role_label(role: Role, lang: Lang) -> String {
    tr(
        lang,
        match role {
            Role::Challenge => |u: &Ui| u.role_challenge,
            Role::Approach => |u: &Ui| u.role_approach,
            Role::Problem => |u: &Ui| u.role_problem,
            Role::Recommendation => |u: &Ui| u.role_recommendation,
            Role::Evidence => |u: &Ui| u.role_evidence,
        },
    )
}

/// "1 item", "3 figures" / "1 条", "3 个数字": a count with its noun.
pub fn counted(n: usize, what: Counted, lang: Lang) -> String {
    let zh = match what {
        Counted::Items => format!("{n} 条"),
        Counted::Figures => format!("{n} 个数字"),
    };
    let noun = match what {
        Counted::Items => "item",
        Counted::Figures => "figure",
    };
    let en = format!("{n} {noun}{}", if n == 1 { "" } else { "s" });
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
        Lang::Both => format!("{zh} · {en}"),
    }
}

/// What [`counted`] counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    Items,
    Figures,
}

/// "12 items" / "12 条", for the live region of the results.
pub fn results_count(n: usize, total: usize, lang: Lang) -> String {
    let zh = format!("共 {total} 条，显示 {n} 条");
    let en = format!("{n} of {total} item{}", if total == 1 { "" } else { "s" });
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
        Lang::Both => format!("{zh} · {en}"),
    }
}

/// The button under a long result list: how many more it shows, and how many are
/// not shown yet.
pub fn show_more(next: usize, hidden: usize, lang: Lang) -> String {
    let zh = format!("再显示 {next} 条（另有 {hidden} 条未显示）");
    let en = format!("Show {next} more ({hidden} not shown)");
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
        Lang::Both => format!("{zh} · {en}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_preferences_pick_the_first_supported_language() {
        assert_eq!(Lang::from_preferences(["zh-CN", "en-US"]), Lang::Zh);
        assert_eq!(Lang::from_preferences(["en-GB", "zh-TW"]), Lang::En);
        assert_eq!(Lang::from_preferences(["ru-RU", "zh_Hans"]), Lang::Zh);
        assert_eq!(Lang::from_preferences(["kk", "ru"]), Lang::En);
        assert_eq!(Lang::from_preferences([]), Lang::En);
    }

    #[test]
    fn both_shows_chinese_then_english() {
        assert_eq!(tr(Lang::Both, |u| u.nav_explore), "浏览 · Explore");
        assert_eq!(tr(Lang::En, |u| u.nav_explore), "Explore");
        assert_eq!(Lang::Both.html_tag(), "zh-Hans");
        assert_eq!(Lang::En.html_tag(), "en");
    }
}
