//! Display languages and every string of the interface, in both languages.

use crate::data::Text;

/// What the reader reads: Chinese, English, or both side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Zh,
    En,
    Both,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Zh, Lang::En, Lang::Both];

    /// The value of the `lang` URL parameter.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Both => "both",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

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
}

/// Every fixed string of the interface in one language.
pub struct Ui {
    pub app_name: &'static str,
    pub app_tagline: &'static str,
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
    pub data_error_title: &'static str,
    pub data_error_body: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_to_overview: &'static str,
    pub article: &'static str,
    pub author: &'static str,
    pub doi: &'static str,
    pub in_brief: &'static str,
    pub the_five: &'static str,
    pub sco_member: &'static str,
    pub sco_close_ties: &'static str,
    pub footer_cite: &'static str,
    pub footer_dataset: &'static str,
    pub footer_licence: &'static str,
    pub footer_offline: &'static str,
}

pub static ZH: Ui = Ui {
    app_name: "中国—中亚命运共同体 · 数据浏览",
    app_tagline: "从社会合作视角读一篇论文：数字、论点与出处",
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
    data_error_title: "数据无法读取",
    data_error_body:
        "数据文件缺失或已损坏，页面无法显示内容。请稍后刷新；若问题依旧，请告知我们以下细节：",
    not_found_title: "找不到这一页",
    not_found_body: "链接里的编号在数据集中不存在。",
    back_to_overview: "回到概览",
    article: "论文",
    author: "作者",
    doi: "DOI",
    in_brief: "内容提要",
    the_five: "中亚五国",
    sco_member: "上合组织成员国",
    sco_close_ties: "非上合组织成员国，但与其保持密切联系",
    footer_cite: "来源论文",
    footer_dataset: "数据集版本",
    footer_licence: "许可",
    footer_offline: "全部内容在浏览器内运行，不向任何第三方发送请求。",
};

pub static EN: Ui = Ui {
    app_name: "China–Central Asia Explorer",
    app_tagline: "One article on social cooperation, read through its numbers, arguments and sources",
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
    data_error_title: "The data could not be read",
    data_error_body: "The dataset file is missing or damaged, so there is nothing to show. Please reload later; if it persists, tell us these details:",
    not_found_title: "Page not found",
    not_found_body: "The link names something the dataset does not have.",
    back_to_overview: "Back to the overview",
    article: "Article",
    author: "Author",
    doi: "DOI",
    in_brief: "In brief",
    the_five: "The five Central Asian states",
    sco_member: "Member of the SCO",
    sco_close_ties: "Not an SCO member, but in close contact with it",
    footer_cite: "Source article",
    footer_dataset: "Dataset version",
    footer_licence: "Licence",
    footer_offline: "Everything runs in your browser; no request goes to any third party.",
};

/// A fixed interface string in the display language; in `both`, Chinese then English.
pub fn tr(lang: Lang, pick: impl Fn(&'static Ui) -> &'static str) -> String {
    match lang {
        Lang::Zh => pick(&ZH).to_string(),
        Lang::En => pick(&EN).to_string(),
        Lang::Both => format!("{} · {}", pick(&ZH), pick(&EN)),
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
