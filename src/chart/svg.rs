//! Draws a chart layout as SVG markup. One renderer serves the page (styled by the
//! page's theme) and the downloads (standalone, with title, source and address
//! inside the file). Every text is escaped here, so dataset content can never
//! become markup.

use super::{ChartKind, Layout};
use crate::data::Qualifier;

/// Escapes text for SVG content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The words around a chart.
pub struct Captions<'a> {
    pub title: &'a str,
    /// Text alternative for screen readers.
    pub summary: &'a str,
    /// Shown in standalone files only (the page shows them as HTML).
    pub source: &'a str,
    pub address: &'a str,
}

/// Light-theme colours for standalone files, which carry no page stylesheet. The
/// palette is Okabe and Ito's, safe for colour-blind readers.
const STANDALONE_STYLE: &str = "text{font-family:system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;font-size:13px;fill:#1b1f24}\
.axis line,.grid{stroke:#d3d9df}.axis-title,.caption{fill:#4f5964}.title{font-size:16px;font-weight:700}\
.line{fill:none;stroke-width:2.5}.dashed{stroke-dasharray:6 4}.mark-label{font-weight:600}\
.s0{stroke:#0072B2;fill:#0072B2}.s1{stroke:#D55E00;fill:#D55E00}.s2{stroke:#009E73;fill:#009E73}.s3{stroke:#CC79A7;fill:#CC79A7}\
.q-more-than circle{fill:#fff}text.s0,text.s1,text.s2,text.s3{stroke:none}path.line{fill:none}";

const TOP_STANDALONE: f64 = 48.0;
const BOTTOM_STANDALONE: f64 = 44.0;
/// How much taller a standalone file is than the chart on the page.
pub const STANDALONE_MARGINS: f64 = TOP_STANDALONE + BOTTOM_STANDALONE;

/// The SVG markup of a chart. `standalone` adds the XML namespace, an embedded
/// stylesheet, and the title, source and address inside the picture.
pub fn render(layout: &Layout, captions: &Captions, standalone: bool) -> String {
    let (top, bottom) = if standalone {
        (TOP_STANDALONE, BOTTOM_STANDALONE)
    } else {
        (0.0, 0.0)
    };
    let (w, h) = (layout.width, layout.height + top + bottom);
    let mut s = String::new();
    s.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"{}\" class=\"chart-svg\">",
        escape(&format!("{} {}", captions.title, captions.summary))
    ));
    s.push_str(&format!(
        "<title>{}</title><desc>{}</desc>",
        escape(captions.title),
        escape(captions.summary)
    ));
    if standalone {
        s.push_str(&format!(
            "<style>{STANDALONE_STYLE}</style><rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>"
        ));
        s.push_str(&format!(
            "<text class=\"title\" x=\"12\" y=\"28\">{}</text>",
            escape(captions.title)
        ));
    }
    s.push_str(&format!("<g transform=\"translate(0 {top})\">"));
    draw_axes(&mut s, layout);
    for stroke in &layout.strokes {
        s.push_str(&format!(
            "<path class=\"line s{}{}\" d=\"{}\"/>",
            stroke.series % 4,
            if stroke.dashed { " dashed" } else { "" },
            stroke.path
        ));
    }
    for m in &layout.marks {
        let qualifier = match m.qualifier {
            Some(Qualifier::MoreThan) => " q-more-than",
            Some(Qualifier::Projected) => " q-projected",
            Some(Qualifier::About) => " q-about",
            Some(Qualifier::Range) => " q-range",
            None => "",
        };
        let tip = escape(&format!("{}: {}", m.label, m.value));
        s.push_str(&format!(
            "<g class=\"mark{qualifier}\" tabindex=\"0\" data-figure=\"{}\" aria-label=\"{tip}\"><title>{tip}</title>",
            escape(&m.figure_id)
        ));
        match layout.kind {
            ChartKind::Line => {
                s.push_str(&format!(
                    "<circle class=\"s{}\" cx=\"{}\" cy=\"{}\" r=\"5\" stroke-width=\"2\"/>",
                    m.series % 4,
                    m.x,
                    m.y
                ));
                let anchor = if m.x > layout.width / 2.0 {
                    "end"
                } else {
                    "start"
                };
                let dx = if anchor == "end" { -8.0 } else { 8.0 };
                s.push_str(&format!(
                    "<text class=\"mark-label s{}\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
                    m.series % 4,
                    m.x + dx,
                    m.y - 10.0,
                    escape(&m.value)
                ));
            }
            ChartKind::Bar => {
                s.push_str(&format!(
                    "<rect class=\"s{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\"/>",
                    m.series % 4,
                    m.x,
                    m.y,
                    m.width,
                    m.height
                ));
                s.push_str(&format!(
                    "<text class=\"bar-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\" dominant-baseline=\"middle\">{}</text>",
                    m.x - 8.0,
                    m.y + m.height / 2.0,
                    escape(&m.label)
                ));
                s.push_str(&format!(
                    "<text class=\"mark-label bar-value\" x=\"{}\" y=\"{}\" dominant-baseline=\"middle\">{}</text>",
                    m.x + m.width + 6.0,
                    m.y + m.height / 2.0,
                    escape(&m.value)
                ));
            }
        }
        s.push_str("</g>");
    }
    s.push_str("</g>");
    if standalone {
        let y = top + layout.height + 18.0;
        s.push_str(&format!(
            "<text class=\"caption\" x=\"12\" y=\"{y}\">{}</text>",
            escape(captions.source)
        ));
        s.push_str(&format!(
            "<text class=\"caption\" x=\"12\" y=\"{}\">{}</text>",
            y + 18.0,
            escape(captions.address)
        ));
    }
    s.push_str("</svg>");
    s
}

fn draw_axes(s: &mut String, l: &Layout) {
    let (left, top, right, bottom) = l.plot;
    s.push_str("<g class=\"axis\">");
    match l.kind {
        ChartKind::Line => {
            for t in &l.y_ticks {
                s.push_str(&format!(
                    "<line class=\"grid\" x1=\"{left}\" x2=\"{right}\" y1=\"{0}\" y2=\"{0}\"/><text x=\"{1}\" y=\"{0}\" text-anchor=\"end\" dominant-baseline=\"middle\">{2}</text>",
                    t.pos,
                    left - 6.0,
                    escape(&t.label)
                ));
            }
            for t in &l.x_ticks {
                s.push_str(&format!(
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                    t.pos,
                    bottom + 20.0,
                    escape(&t.label)
                ));
            }
            s.push_str(&format!(
                "<text class=\"axis-title\" x=\"{left}\" y=\"{}\" text-anchor=\"start\">{}</text>",
                top - 4.0,
                escape(&l.value_axis)
            ));
        }
        ChartKind::Bar => {
            for t in &l.x_ticks {
                s.push_str(&format!(
                    "<line class=\"grid\" x1=\"{0}\" x2=\"{0}\" y1=\"{top}\" y2=\"{bottom}\"/><text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\">{2}</text>",
                    t.pos,
                    bottom + 18.0,
                    escape(&t.label)
                ));
            }
            s.push_str(&format!(
                "<text class=\"axis-title\" x=\"{right}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                top - 4.0,
                escape(&l.value_axis)
            ));
        }
    }
    s.push_str("</g>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{layout, ChartSpec};
    use crate::data::load;
    use crate::i18n::Lang;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("<script>\"a\" & 'b'"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;"
        );
    }

    #[test]
    fn a_chart_draws_every_figure_with_its_value() {
        let ds = load(include_str!("../../data/dataset.json")).expect("valid");
        let spec = ChartSpec::for_indicator(&ds, "terrorism-index").expect("charted");
        let l = layout(&ds, &spec, Lang::En, 640.0);
        let captions = Captions {
            title: "GTI <b>",
            summary: "s",
            source: "src",
            address: "https://example.org/?a=1&b=2",
        };
        let page = render(&l, &captions, false);
        assert!(page.starts_with("<svg") && page.ends_with("</svg>"));
        assert_eq!(page.matches("<g class=\"mark").count(), 3);
        for v in ["5.182", "4.584", "3.988"] {
            assert!(page.contains(v), "{v}");
        }
        assert!(!page.contains("<b>"), "captions are escaped");
        assert!(
            !page.contains("<style>"),
            "the page's own stylesheet styles it"
        );
        let file = render(&l, &captions, true);
        assert!(file.contains("<style>") && file.contains("https://example.org/?a=1&amp;b=2"));
        assert!(file.contains(">src</text>"));
    }
}
