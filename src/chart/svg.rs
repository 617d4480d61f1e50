//! Draws a chart layout as SVG markup. One renderer serves the page (styled by the
//! page's theme) and the downloads (standalone, with title, source and address
//! inside the file). Every text is escaped here, so dataset content can never
//! become markup.

use super::{text_width, Anchor, ChartKind, Colour, Label, Layout, DOT_RADIUS};
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

/// Light-theme colours for standalone files, which carry no page stylesheet (the
/// page's are in `style/main.css`). Lines take Okabe and Ito's colours, safe for
/// colour-blind readers, the last one darkened to keep 3:1 against white; bars and
/// rank dots share one slate colour.
const STANDALONE_STYLE: &str = "text{font-family:system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;font-size:13px;fill:#1b1f24}\
.axis line,.grid{stroke:#d3d9df}.axis-title,.caption{fill:#4f5964}.title{font-size:16px;font-weight:700}.group-label{font-weight:700}\
.line{fill:none;stroke-width:2.5}.dashed{stroke-dasharray:6 4}.mark-label{font-weight:600}\
.chart-line .mark-label{paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}\
.s0{stroke:#0072B2;fill:#0072B2}.s1{stroke:#D55E00;fill:#D55E00}.s2{stroke:#009E73;fill:#009E73}.s3{stroke:#B8487E;fill:#B8487E}\
.c-one{stroke:#56687A;fill:#56687A}.stem{stroke:#56687A;stroke-width:2}\
.q-more-than circle{fill:#fff}path.line{fill:none}";

/// The blank border of a standalone file, left and right of the chart.
const SIDE: f64 = 12.0;
/// How much wider than the 13 px text the 16 px title runs.
const TITLE_SCALE: f64 = 16.0 / 13.0;

/// Where everything goes in a standalone file: the title, a legend where lines need
/// one (a file has no page around it to carry it), the chart, and the source and
/// address, each wrapped to the file's width.
struct Frame {
    width: f64,
    height: f64,
    title: Vec<(f64, String)>,
    /// Swatch colour, text, x and y.
    legend: Vec<(Colour, String, f64, f64)>,
    chart_top: f64,
    captions: Vec<(f64, String)>,
}

/// Breaks `text` into lines at most `room` wide by [`text_width`] times `scale`: at
/// spaces where it can, anywhere else (a long address, Chinese).
fn wrap(text: &str, room: f64, scale: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    // Where the line can break: after its last space.
    let mut space = None;
    for c in text.chars() {
        line.push(c);
        if text_width(&line) * scale > room && line.len() > c.len_utf8() {
            let rest = match space {
                Some(i) => line.split_off(i),
                None => {
                    line.pop();
                    c.to_string()
                }
            };
            lines.push(line.trim_end().to_string());
            line = rest.trim_start().to_string();
            space = None;
        }
        if c == ' ' && !line.is_empty() {
            space = Some(line.len());
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

fn frame(layout: &Layout, captions: &Captions) -> Frame {
    let width = layout.width + 2.0 * SIDE;
    let room = width - 2.0 * SIDE;
    let mut y = 28.0;
    let mut title = Vec::new();
    for line in wrap(captions.title, room, TITLE_SCALE) {
        title.push((y, line));
        y += 22.0;
    }
    let mut legend = Vec::new();
    if layout.legend.len() > 1 {
        y += 4.0;
        let mut x = SIDE;
        for (name, colour) in &layout.legend {
            let item = 18.0 + text_width(name) + 16.0;
            if x > SIDE && x + item > width - SIDE {
                x = SIDE;
                y += 20.0;
            }
            legend.push((*colour, name.clone(), x, y));
            x += item;
        }
        y += 20.0;
    }
    let chart_top = y - 8.0;
    let mut y = chart_top + layout.height + 18.0;
    let mut lines = Vec::new();
    for text in [captions.source, captions.address] {
        for line in wrap(text, room, 1.0) {
            lines.push((y, line));
            y += 18.0;
        }
    }
    Frame {
        width,
        height: y,
        title,
        legend,
        chart_top,
        captions: lines,
    }
}

/// A placed text, with an optional class.
fn text(s: &mut String, label: &Label, class: &str) {
    let anchor = match label.anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    };
    let class = if class.is_empty() {
        String::new()
    } else {
        format!(" class=\"{class}\"")
    };
    s.push_str(&format!(
        "<text{class} x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" dominant-baseline=\"middle\">{}</text>",
        label.x,
        label.y,
        escape(&label.text)
    ));
}

/// Where a chart's drawing goes.
#[derive(Clone, Copy)]
pub enum Drawing<'a> {
    /// Into a page, whose stylesheet colours it and whose HTML gives its title and
    /// sources: each point or bar is a link to its figure's page (`figure_link` of the
    /// figure's id, relative to the page).
    Page {
        figure_link: &'a dyn Fn(&str) -> String,
    },
    /// A file of its own: with an embedded stylesheet, and the title, source and
    /// address inside the picture.
    File,
}

/// The SVG markup of a chart.
pub fn render(layout: &Layout, captions: &Captions, drawing: Drawing) -> String {
    let frame = matches!(drawing, Drawing::File).then(|| frame(layout, captions));
    let (w, h) = frame
        .as_ref()
        .map_or((layout.width, layout.height), |f| (f.width, f.height));
    // On a page, its points are links, which a picture (`img`) would hide from screen
    // readers: it is a group named by its title and summary, as the map is.
    let role = match drawing {
        Drawing::Page { .. } => "group",
        Drawing::File => "img",
    };
    let mut s = String::new();
    s.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"{role}\" aria-label=\"{}\" class=\"chart-svg chart-{}\">",
        escape(&format!("{} {}", captions.title, captions.summary)),
        match layout.kind {
            ChartKind::Line => "line",
            ChartKind::Bar => "bar",
            ChartKind::Rank => "rank",
        }
    ));
    s.push_str(&format!(
        "<title>{}</title><desc>{}</desc>",
        escape(captions.title),
        escape(captions.summary)
    ));
    if let Some(f) = &frame {
        s.push_str(&format!(
            "<style>{STANDALONE_STYLE}</style><rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>"
        ));
        for (y, line) in &f.title {
            s.push_str(&format!(
                "<text class=\"title\" x=\"{SIDE}\" y=\"{y}\">{}</text>",
                escape(line)
            ));
        }
        for (colour, name, x, y) in &f.legend {
            s.push_str(&format!(
                "<rect class=\"{}\" x=\"{x}\" y=\"{}\" width=\"12\" height=\"12\" rx=\"2\"/><text x=\"{}\" y=\"{y}\" dominant-baseline=\"middle\">{}</text>",
                colour.class(),
                y - 6.0,
                x + 18.0,
                escape(name)
            ));
        }
    }
    let (dx, dy) = frame.as_ref().map_or((0.0, 0.0), |f| (SIDE, f.chart_top));
    s.push_str(&format!("<g transform=\"translate({dx} {dy})\">"));
    draw_axes(&mut s, layout);
    for stroke in &layout.strokes {
        s.push_str(&format!(
            "<path class=\"line {}{}\" d=\"{}\"/>",
            stroke.colour.class(),
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
        let (open, close) = match drawing {
            Drawing::Page { figure_link } => (
                format!("a href=\"{}\"", escape(&figure_link(&m.figure_id))),
                "</a>",
            ),
            Drawing::File => ("g".to_string(), "</g>"),
        };
        s.push_str(&format!(
            "<{open} class=\"mark{qualifier}\" data-figure=\"{}\" aria-label=\"{tip}\"><title>{tip}</title>",
            escape(&m.figure_id)
        ));
        let colour = m.colour.class();
        match layout.kind {
            ChartKind::Line => {
                s.push_str(&format!(
                    "<circle class=\"{colour}\" cx=\"{}\" cy=\"{}\" r=\"5\" stroke-width=\"2\"/>",
                    m.x, m.y
                ));
            }
            ChartKind::Bar => {
                s.push_str(&format!(
                    "<rect class=\"{colour}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\"/>",
                    m.x, m.y, m.width, m.height
                ));
            }
            ChartKind::Rank => {
                let (end, middle) = (m.x + m.width, m.y + m.height / 2.0);
                s.push_str(&format!(
                    "<line class=\"stem\" x1=\"{}\" x2=\"{end}\" y1=\"{middle}\" y2=\"{middle}\"/><circle class=\"{colour}\" cx=\"{end}\" cy=\"{middle}\" r=\"{DOT_RADIUS}\" stroke-width=\"2\"/>",
                    m.x
                ));
            }
        }
        if let Some(name) = &m.name_label {
            text(&mut s, name, "bar-label");
        }
        text(&mut s, &m.value_label, "mark-label");
        s.push_str(close);
    }
    s.push_str("</g>");
    for (y, line) in frame.iter().flat_map(|f| &f.captions) {
        s.push_str(&format!(
            "<text class=\"caption\" x=\"{SIDE}\" y=\"{y}\">{}</text>",
            escape(line)
        ));
    }
    s.push_str("</svg>");
    s
}

fn draw_axes(s: &mut String, l: &Layout) {
    s.push_str("<g class=\"axis\">");
    for (x1, y1, x2, y2) in &l.grid {
        s.push_str(&format!(
            "<line class=\"grid\" x1=\"{x1}\" x2=\"{x2}\" y1=\"{y1}\" y2=\"{y2}\"/>"
        ));
    }
    for t in l.x_ticks.iter().chain(&l.y_ticks) {
        text(s, &t.label, "");
    }
    text(s, &l.value_axis, "axis-title");
    s.push_str("</g>");
    for h in &l.headings {
        text(s, h, "group-label");
    }
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
        let link = |id: &str| format!("../../facts/{id}/");
        let page = render(&l, &captions, Drawing::Page { figure_link: &link });
        assert!(page.starts_with("<svg") && page.ends_with("</svg>"));
        assert!(
            page.contains(" role=\"group\" "),
            "a group of links, not a picture"
        );
        assert_eq!(
            page.matches("<a href=\"../../facts/").count(),
            3,
            "each bar links to its figure"
        );
        for f in spec.figures() {
            assert!(
                page.contains(&format!("<a href=\"../../facts/{}/\" class=\"mark", f.id)),
                "{}",
                f.id
            );
        }
        for v in ["5.182", "4.584", "3.988"] {
            assert!(page.contains(v), "{v}");
        }
        assert!(!page.contains("<b>"), "captions are escaped");
        assert!(
            !page.contains("<style>"),
            "the page's own stylesheet styles it"
        );
        let file = render(&l, &captions, Drawing::File);
        assert!(file.contains("<style>") && file.contains("https://example.org/?a=1&amp;b=2"));
        assert_eq!(file.matches("<g class=\"mark").count(), 3);
        assert!(file.contains(" role=\"img\" "));
        assert!(!file.contains("<a "), "a file links nowhere");
        assert!(file.contains(">src</text>"));
    }

    #[test]
    fn a_file_wraps_its_captions_and_names_its_lines() {
        let ds = load(include_str!("../../data/dataset.json")).expect("valid");
        let spec = ChartSpec::for_indicator(&ds, "poverty-rate").expect("charted");
        let l = layout(&ds, &spec, Lang::En, 360.0);
        let long = "Source: a long description of where these numbers come from, ".repeat(4);
        let captions = Captions {
            title: "Poverty rate",
            summary: "s",
            source: &long,
            address: "https://example.org/a/very/long/address/that/does/not/fit/on/one/line/of/the/file/at/all/",
        };
        let file = render(&l, &captions, Drawing::File);
        let f = frame(&l, &captions);
        assert!(f.captions.len() >= 5, "source and address wrapped");
        for (_, line) in &f.captions {
            assert!(SIDE + text_width(line) <= f.width - SIDE, "{line}");
        }
        assert!(file.contains(&format!("viewBox=\"0 0 {} {}\"", f.width, f.height)));
        // Each line named in its colour, as the page's legend does.
        assert!(file.contains(">Kyrgyzstan</text>") && file.contains(">Tajikistan</text>"));
        assert_eq!(
            wrap("中亚五国中亚五国", 60.0, 1.0),
            ["中亚五国", "中亚五国"]
        );
    }

    #[test]
    fn a_ranking_draws_a_dot_on_a_stem_per_place_under_group_headings() {
        let ds = load(include_str!("../../data/dataset.json")).expect("valid");
        let spec = ChartSpec::for_indicator(&ds, "trade-partner-rank").expect("charted");
        let l = layout(&ds, &spec, Lang::En, 360.0);
        let captions = Captions {
            title: "t",
            summary: "s",
            source: "src",
            address: "",
        };
        let page = render(
            &l,
            &captions,
            Drawing::Page {
                figure_link: &|id| id.to_string(),
            },
        );
        assert_eq!(page.matches("<line class=\"stem\"").count(), 6);
        assert_eq!(page.matches("<circle class=\"c-one\"").count(), 6);
        assert!(!page.contains("<rect"), "no bars for places");
        assert!(page.contains(">Other countries, for comparison</text>"));
        assert!(page.contains(">rank (1 = first)</text>"));
    }
}
