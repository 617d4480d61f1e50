//! Baking: the build writes a real page for every address of the site, so each one
//! shows its content the moment its HTML arrives, for readers, search engines, link
//! previews and reference managers alike. Explore's search, facets and list are made
//! live by its island (see `pages::island_of`); every other control of a page works
//! without the app (`src/boot.js`), which takes over a page only where its address needs
//! it (see `views::start`).
//!
//! The bodies come from the same Leptos components the app runs, rendered natively.
//! The heads come from [`crate::pages`] (title, description) and the dataset (the
//! article's `citation_*` tags). Trunk's own output, `index.html`, is the template:
//! its head holds the hashed stylesheet and the wasm loader, and its two marker
//! comments say where each page's head tags and body go.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::chart::charted_indicators;
use crate::chart::file::{file as chart_file, path as chart_file_path, FileKind};
use crate::chart::svg::escape;
use crate::chunks::{Chunk, DataPart, ViewChunk};
use crate::data::{Dataset, CORE_FILE, DATASET_FILE};
use crate::embed::HOST_SCRIPT;
use crate::explore::EXPLORE_INDEX_FILE;
use crate::export;
use crate::i18n::{tr, Lang};
use crate::islands::{EMBED, EXPLORE};
use crate::map::{MapShapes, MAP_URL};
use crate::pages::{all_routes, cites_article, page_description, page_title};
use crate::url_state::{Route, View};
use crate::views::{bake_body, bake_landing, bake_not_found};

/// Where each page's own head tags go in the template.
pub const HEAD_MARKER: &str = "<!-- page-head -->";
/// Where each page's body goes in the template.
pub const BODY_MARKER: &str = "<!-- page-body -->";
/// The root page's script: sends the reader to their language's overview.
pub const ROOT_SCRIPT: &str = "root.js";
/// The page static hosts show for an unknown address (and the service worker, offline).
pub const NOT_FOUND_PAGE: &str = "404.html";
/// Every page of the site, as its folder below the site's root (`en/items/x/`, and ""
/// for the root): the service worker tells them from unknown addresses offline.
pub const PAGES_FILE: &str = "pages.json";
/// What `tools/split-wasm` writes into the build beside the wasm chunks (see
/// [`SplitWasm`]).
pub const SPLIT_MANIFEST: &str = "split-wasm.json";
/// The headers to send with the site, in the format Netlify and Cloudflare Pages read
/// from the site's root (and `scripts/static-server.mjs` too).
pub const HEADERS_FILE: &str = "_headers";

/// The Content-Security-Policy of every page (as a `<meta>` tag; as a header, see
/// [`Site::header_policy`]). Scripts, styles, data and frames come from the site only;
/// the wasm module needs `'wasm-unsafe-eval'`; exports draw on `blob:` and `data:`
/// images. No inline script, no `eval`.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-src 'self'; \
     worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; \
     form-action 'self'";

/// Trunk's inline module loader in the template.
const INLINE_LOADER: (&str, &str) = ("<script type=\"module\">", "</script>");

/// What a build is made from.
pub struct Site {
    /// Trunk's `index.html`, with the markers.
    pub template: String,
    pub data: Arc<Dataset>,
    pub shapes: Arc<MapShapes>,
    /// The site's public address, ending in `/`, when known: pages then carry absolute
    /// canonical and `og:url` links, and the build writes `sitemap.xml` and `robots.txt`.
    pub public_url: Option<String>,
    /// The dataset file as served: compacted (see `data::compact`).
    pub served_dataset: String,
    /// The app's wasm chunks, as `tools/split-wasm` split them off.
    pub split: SplitWasm,
    /// The islands' files, as `scripts/build-islands.sh` named them.
    pub islands: Islands,
}

/// What `scripts/build-islands.sh` writes into the build beside the islands' files.
pub const ISLANDS_MANIFEST: &str = "islands.json";

/// The islands' files by island: an island is a small wasm module of its own (see
/// `src/islands/`) that makes one part of a baked page live, without the app.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Islands(pub std::collections::BTreeMap<String, IslandFiles>);

/// An island's script (wasm-bindgen's, `--target web`) and its wasm, at the site's root.
#[derive(Debug, serde::Deserialize)]
pub struct IslandFiles {
    pub module: String,
    pub wasm: String,
}

impl Islands {
    /// Reads `islands.json`, which must name every island (Explore's, the embed dialog's).
    pub fn parse(json: &str) -> Result<Islands, String> {
        let islands: Islands =
            serde_json::from_str(json).map_err(|e| format!("{ISLANDS_MANIFEST}: {e}"))?;
        for name in [EXPLORE, EMBED] {
            match islands.0.get(name) {
                Some(files) if !files.module.is_empty() && !files.wasm.is_empty() => {}
                _ => return Err(format!("{ISLANDS_MANIFEST} names no {name:?} island")),
            }
        }
        Ok(islands)
    }

    fn files(&self) -> impl Iterator<Item = &String> {
        self.0.values().flat_map(|f| [&f.module, &f.wasm])
    }
}

/// The app's wasm chunks (see [`crate::chunks`]): the script that loads them, the
/// chunks, and which of them each split point (a [`Chunk`]'s name) needs. The main
/// module imports the loader, which fetches chunks on demand.
#[derive(Debug, serde::Deserialize)]
pub struct SplitWasm {
    pub loader: String,
    pub chunks: Vec<String>,
    pub splits: std::collections::BTreeMap<String, Vec<String>>,
}

impl SplitWasm {
    /// Reads `split-wasm.json` and checks that it has the files of every chunk the app
    /// loads: a chunk missing here would be a view the app cannot open.
    pub fn parse(json: &str) -> Result<SplitWasm, String> {
        let split: SplitWasm =
            serde_json::from_str(json).map_err(|e| format!("{SPLIT_MANIFEST}: {e}"))?;
        if split.loader.is_empty() {
            return Err(format!("{SPLIT_MANIFEST} names no loader"));
        }
        for chunk in Chunk::ALL {
            match split.splits.get(chunk.name()) {
                Some(files) if !files.is_empty() => {}
                _ => {
                    return Err(format!(
                        "{SPLIT_MANIFEST} has no files for the split point {:?}: \
                         do src/chunks.rs and src/views/lazy.rs name the same chunks?",
                        chunk.name()
                    ))
                }
            }
        }
        Ok(split)
    }

    /// The files a view's code needs beyond the main module (none for the overview).
    fn files_of(&self, view: &View) -> &[String] {
        ViewChunk::of(view)
            .and_then(|chunk| self.splits.get(chunk.chunk().name()))
            .map_or(&[], Vec::as_slice)
    }
}

/// One file the build writes: its path below the site's root and its content.
pub struct Output {
    pub path: String,
    pub content: String,
}

impl Site {
    /// Reads a built site's template and data from `dir` (Trunk's staging folder).
    pub fn read(dir: &Path, public_url: Option<String>) -> Result<Site, String> {
        Site::read_with_template(dir, &dir.join("index.html"), public_url)
    }

    /// Reads a site's data from `dir` and the page template from `template`: Trunk's
    /// `index.html`, which the bake replaces with the root page (scripts/post-build.sh
    /// keeps a copy in Cargo's target folder, for baking a built site again, as the
    /// benchmark does).
    pub fn read_with_template(
        dir: &Path,
        template: &Path,
        public_url: Option<String>,
    ) -> Result<Site, String> {
        let read = |name: &str| {
            std::fs::read_to_string(dir.join(name))
                .map_err(|e| format!("{}: {e}", dir.join(name).display()))
        };
        let template = std::fs::read_to_string(template)
            .map_err(|e| format!("{}: {e}", template.display()))?;
        for marker in [HEAD_MARKER, BODY_MARKER] {
            if !template.contains(marker) {
                return Err(format!("index.html has no {marker} marker"));
            }
        }
        let dataset_json = read(DATASET_FILE)?;
        let data = crate::data::load(&dataset_json).map_err(|problems| {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            format!("{DATASET_FILE}: {}", list.join("; "))
        })?;
        let shapes = crate::map::parse_shapes(&read(MAP_URL)?)?;
        let public_url = public_url
            .map(|url| url.trim().to_string())
            .filter(|url| !url.is_empty())
            .map(|url| {
                if url.ends_with('/') {
                    url
                } else {
                    format!("{url}/")
                }
            });
        Ok(Site {
            template,
            data: Arc::new(data),
            shapes: Arc::new(shapes),
            public_url,
            served_dataset: crate::data::compact::compact_json(&dataset_json),
            split: SplitWasm::parse(&read(SPLIT_MANIFEST)?)?,
            islands: Islands::parse(&read(ISLANDS_MANIFEST)?)?,
        })
    }

    /// Every file of the baked site: a page per address and language, the root page,
    /// `404.html`, the compacted dataset, the CSV downloads, the service worker and the
    /// list of pages it reads, the hosts' `_headers`, and with a public address the
    /// sitemap and `robots.txt`.
    pub fn outputs(&self) -> Vec<Output> {
        let routes = all_routes(&self.data, &self.shapes);
        let mut out: Vec<Output> = routes
            .iter()
            .map(|route| Output {
                path: format!("{}index.html", route.path()),
                content: self.page(route),
            })
            .collect();
        let downloads = self.downloads();
        let explore = self.explore_files();
        out.push(self.service_worker(downloads.iter().chain(&explore)));
        let mut pages: Vec<String> = routes.iter().map(Route::path).collect();
        pages.push(String::new());
        out.push(Output {
            path: PAGES_FILE.into(),
            content: serde_json::to_string(&pages).unwrap_or_else(|_| "[]".into()),
        });
        if let Some(boot) = self.boot() {
            out.push(boot);
        }
        out.push(Output {
            path: "index.html".into(),
            content: self.landing(),
        });
        out.push(Output {
            path: NOT_FOUND_PAGE.into(),
            content: self.not_found(),
        });
        out.push(self.headers());
        out.push(Output {
            path: DATASET_FILE.into(),
            content: self.served_dataset.clone(),
        });
        out.push(Output {
            path: CORE_FILE.into(),
            content: crate::data::compact::core_json(&self.served_dataset).unwrap_or_default(),
        });
        out.extend(explore);
        out.extend(downloads);
        if let Some(url) = &self.public_url {
            out.push(Output {
                path: "sitemap.xml".into(),
                content: sitemap(url, &routes),
            });
            out.push(Output {
                path: "robots.txt".into(),
                content: format!("User-agent: *\nAllow: /\nSitemap: {url}sitemap.xml\n"),
            });
        }
        out
    }

    /// Explore's pages and what its island fetches, alone: for a site whose dataset has
    /// changed since it was built (the benchmark's synthetic dataset, `bake --explore`).
    pub fn explore_outputs(&self) -> Vec<Output> {
        let mut out: Vec<Output> = Lang::ALL
            .into_iter()
            .map(|lang| {
                let route = Route::home(lang).with_view(View::Explore);
                Output {
                    path: format!("{}index.html", route.path()),
                    content: self.page(&route),
                }
            })
            .collect();
        out.extend(self.explore_files());
        out
    }

    /// What Explore's island fetches: the index of the items (one for all languages),
    /// beside each language's Explore page its result rows in files (see
    /// `explore::rows_file`), and the parts of the selection's CSV file in each language
    /// (`export::SelectionParts`).
    fn explore_files(&self) -> Vec<Output> {
        let ds = &self.data;
        let index = crate::explore::ExploreIndex::new(ds);
        let mut out = vec![Output {
            path: EXPLORE_INDEX_FILE.into(),
            content: serde_json::to_string(&index).unwrap_or_default(),
        }];
        for lang in [Lang::Zh, Lang::En] {
            let title = tr(lang, |u| u.download_selection_csv);
            out.push(Output {
                path: export::selection_file(lang),
                content: serde_json::to_string(&export::SelectionParts::of(ds, &title, lang))
                    .unwrap_or_default(),
            });
        }
        for lang in Lang::ALL {
            let page = Route::home(lang).with_view(View::Explore);
            for first in (0..ds.items.len()).step_by(crate::explore::ROWS_PER_FILE) {
                let (file, items) = crate::explore::rows_file(first);
                let items = items.start..items.end.min(ds.items.len());
                out.push(Output {
                    path: format!("{}{file}", page.path()),
                    content: crate::views::bake_explore_rows(ds.clone(), page.clone(), items),
                });
            }
        }
        out
    }

    /// All items and all figures as CSV, in each language: the files the Sources page
    /// offers for download; and each chart's files (SVG and CSV, with a slot for the
    /// address the browser fills in: `chart::file`), which its download buttons offer.
    fn downloads(&self) -> Vec<Output> {
        let site = self.public_url.clone().unwrap_or_default();
        let ds = &self.data;
        let mut out = Vec::new();
        for lang in [Lang::Zh, Lang::En] {
            out.push(Output {
                path: export::items_file(lang),
                content: export::items_csv(
                    ds,
                    &tr(lang, |u| u.download_items_csv),
                    &ds.items,
                    lang,
                    &format!("{site}{}", export::items_file(lang)),
                ),
            });
            out.push(Output {
                path: export::figures_file(lang),
                content: export::figures_csv(
                    ds,
                    &tr(lang, |u| u.download_figures_csv),
                    &ds.figures,
                    lang,
                    &format!("{site}{}", export::figures_file(lang)),
                ),
            });
            for indicator in charted_indicators(ds) {
                for kind in FileKind::ALL {
                    if let Some(content) = chart_file(ds, &indicator.id, lang, kind) {
                        out.push(Output {
                            path: chart_file_path(&indicator.id, lang, kind),
                            content,
                        });
                    }
                }
            }
        }
        out
    }

    /// The template with asset addresses made relative to a page `depth` folders down,
    /// the page's language, its head tags and its body.
    fn fill(&self, depth: usize, html_lang: &str, head: &str, body: &str) -> String {
        let prefix = to_root(depth);
        let template = match (self.inline_loader(), self.boot()) {
            (Some(inline), Some(boot)) => self.template.replacen(
                &inline,
                &format!("<script type=\"module\" src=\"./{}\"></script>", boot.path),
                1,
            ),
            _ => self.template.clone(),
        };
        // Trunk's preloads of the module and the wasm would fetch them at high priority,
        // and for readers without scripts too; `early.js` asks for the wasm at low
        // priority instead (the `app-preload` tags), and the loader imports the module.
        let template = without_tags(&template, "<link rel=\"modulepreload\"");
        let template = without_tags(&template, "<link rel=\"preload\"");
        let head =
            format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n{head}");
        let template = template
            .replace("href=\"./", &format!("href=\"{prefix}"))
            .replace("src=\"./", &format!("src=\"{prefix}"))
            .replace("'./", &format!("'{prefix}"))
            .replacen(
                "<html lang=\"zh-Hans\"",
                &format!("<html lang=\"{html_lang}\""),
                1,
            );
        template.replacen(HEAD_MARKER, &head, 1).replacen(
            BODY_MARKER,
            &format!("<div id=\"app\">{}</div>", strip_markers(body)),
            1,
        )
    }

    /// The `hreflang` links to a page in each language (and `x-default` to the site's
    /// root, on pages that have one). Only with the site's public address: search
    /// engines take fully qualified addresses only, and flag relative ones.
    fn alternates(&self, head: &mut String, path_of: impl Fn(Lang) -> String, x_default: bool) {
        let Some(url) = &self.public_url else {
            return;
        };
        for lang in [Lang::Zh, Lang::En] {
            let _ = write!(
                head,
                "\n<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                lang.html_tag(),
                escape(&format!("{url}{}", path_of(lang)))
            );
        }
        if x_default {
            let _ = write!(
                head,
                "\n<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">",
                escape(url)
            );
        }
    }

    /// A page of the site.
    fn page(&self, route: &Route) -> String {
        let ds = &self.data;
        let depth = route.depth();
        let title = page_title(Some(ds), route);
        let description = page_description(ds, route);
        let mut head = String::new();
        push_title(&mut head, &title, &description);
        // The page's own public address, when the site's is known.
        let public = self
            .public_url
            .as_ref()
            .map(|url| escape(&format!("{url}{}", route.path())));
        if let Some(public) = &public {
            let _ = write!(head, "\n<link rel=\"canonical\" href=\"{public}\">");
        }
        self.alternates(&mut head, |lang| route.with_lang(lang).path(), true);
        let kind = if cites_article(route) {
            "article"
        } else {
            "website"
        };
        push_social(
            &mut head,
            kind,
            &ds.meta.site_name.joined(route.lang),
            &title,
            &description,
            route.lang,
        );
        if let Some(public) = &public {
            let _ = write!(head, "\n<meta property=\"og:url\" content=\"{public}\">");
        }
        if cites_article(route) {
            push_citation(&mut head, ds, route.lang);
        }
        // What the app fetches first, the main wasm before the rest: `early.js` asks for
        // these at low priority while the page is first painted where the app starts at
        // load (a page the service worker gave for another address, a query the page does
        // not show), and the loader when a control is pointed at. Then the page's data,
        // and the code of its view when that is not in the main module.
        let prefix = to_root(depth);
        let wasm = self.loader_imports().map(|(_, wasm)| wasm);
        let map = matches!(route.view, View::Map(_)).then_some(MAP_URL);
        let first_files = wasm
            .iter()
            .map(|wasm| wasm.trim_start_matches("./"))
            .chain([DataPart::of(&route.view).file()])
            .chain(map)
            .chain(self.split.files_of(&route.view).iter().map(String::as_str));
        for file in first_files {
            let _ = write!(
                head,
                "\n<meta name=\"app-preload\" content=\"{prefix}{file}\">"
            );
        }
        // Where the page has an island, its files and the data it fetches (read by
        // `early.js`, which asks for them at once, the loader, src/boot.js, and the island).
        let island = crate::pages::island_of(&route.view);
        if let Some((name, files)) = island.and_then(|name| Some((name, self.islands.0.get(name)?)))
        {
            let _ = write!(
                head,
                "\n<meta name=\"island\" content=\"{name}\" \
                 data-module=\"{prefix}{}\" data-wasm=\"{prefix}{}\" \
                 data-index=\"{prefix}{EXPLORE_INDEX_FILE}\">",
                files.module, files.wasm
            );
        }
        // The embed dialog's island, started on the first use of the page's "Embed" button.
        if let Some(files) = self.islands.0.get(EMBED) {
            let _ = write!(
                head,
                "\n<meta name=\"island-on-use\" content=\"{EMBED}\" \
                 data-module=\"{prefix}{}\" data-wasm=\"{prefix}{}\">",
                files.module, files.wasm
            );
        }
        let body = bake_body(ds.clone(), self.shapes.clone(), route.clone());
        self.fill(depth, route.lang.html_tag(), &head, &body)
    }

    /// The site's root: both languages' overviews, and a script that picks the
    /// reader's. The app also runs here, to send addresses of the first scheme on.
    fn landing(&self) -> String {
        let ds = &self.data;
        let both = |zh: String, en: String| format!("{zh} | {en}");
        let title = both(ds.meta.site_name.zh.clone(), ds.meta.site_name.en.clone());
        let description = crate::pages::shorten(
            &both(ds.meta.summary.zh.clone(), ds.meta.summary.en.clone()),
            crate::pages::DESCRIPTION_CHARS,
        );
        let mut head = format!("<script src=\"{ROOT_SCRIPT}\"></script>\n");
        push_title(&mut head, &title, &description);
        if let Some(url) = &self.public_url {
            let _ = write!(head, "\n<link rel=\"canonical\" href=\"{}\">", escape(url));
        }
        self.alternates(&mut head, |lang| Route::home(lang).path(), false);
        // No data to preload: here the app only sends addresses of the first scheme on.
        push_social(&mut head, "website", &title, &title, &description, Lang::Zh);
        self.fill(0, Lang::Zh.html_tag(), &head, &bake_landing(ds.clone()))
    }

    /// The page a static host shows for an unknown address, at any depth: it links to
    /// the site's root through a `<base>` (the public address when known; otherwise
    /// found by its one script, see [`Site::not_found_script`]).
    fn not_found(&self) -> String {
        let title = format!(
            "{} · {}",
            tr(Lang::Both, |u| u.not_found_title),
            self.data.meta.site_name.zh
        );
        let head = match (&self.public_url, self.not_found_script()) {
            (Some(url), _) => format!(
                "<base href=\"{}\">\n{}",
                escape(url),
                self.not_found_assets()
            ),
            (None, Some(script)) => format!("<script>{script}</script>"),
            (None, None) => String::new(),
        };
        format!(
            "<!DOCTYPE html>\n<html lang=\"zh-Hans\" data-theme=\"auto\">\n<head>\n\
             <meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"color-scheme\" content=\"light dark\">\n\
             <meta name=\"robots\" content=\"noindex\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
             {head}\n<title>{}</title>\n</head>\n<body>\n<div id=\"app\">{}</div>\n</body>\n</html>\n",
            self.header_policy(),
            escape(&title),
            bake_not_found()
        )
    }

    /// The 404 page's stylesheet and icon, relative to the site's root.
    fn not_found_assets(&self) -> String {
        ["<link rel=\"stylesheet\"", "<link rel=\"icon\""]
            .map(|start| {
                self.template_tag(start)
                    .unwrap_or_default()
                    .replace("href=\"./", "href=\"")
            })
            .join("")
    }

    /// Without the public address, the 404 page finds the site's root with this inline
    /// script (a host serves the page at any depth, and the page cannot load a script
    /// before it knows where the root is), then sets its `<base>` and adds the
    /// stylesheet and icon. Where the address has a language folder, the root is what
    /// comes before it; elsewhere (`/sub/a/b/c`) the folders above the address are asked,
    /// deepest first, for a file every build has at its root. A `<base>` already there
    /// (the service worker's, offline) is kept. The stylesheet and icon are written by the
    /// script, after the `<base>`: as plain tags the browser's preload scanner would
    /// fetch them from the wrong folder first. `None` with the public address: then the
    /// page has a static `<base>` and no script.
    fn not_found_script(&self) -> Option<String> {
        if self.public_url.is_some() {
            return None;
        }
        let tags = serde_json::to_string(&self.not_found_assets())
            .unwrap_or_default()
            .replace("</", "<\\/");
        Some(format!(
            "(function(){{var d=document,h=d.head,t={tags},p=location.pathname;\
             function base(root){{var b=d.createElement('base');b.href=root;h.appendChild(b);}}\
             if(d.querySelector('base'))return d.write(t);\
             var m=p.match(/^(.*?\\/)(?:zh|en|both)\\//);\
             if(m){{base(m[1]);return d.write(t);}}\
             var s=d.documentElement.style,parts=p.replace(/[^\\/]*$/,'').split('/'),up=[];\
             for(var i=parts.length-1;i>0;i--)up.push(parts.slice(0,i).join('/')+'/');\
             s.visibility='hidden';\
             Promise.all(up.map(function(f){{return fetch(f+'{ROOT_SCRIPT}',{{method:'HEAD'}})\
             .then(function(r){{return r.ok}},function(){{return false}})}}))\
             .then(function(ok){{base(up[ok.indexOf(true)]||'/');h.insertAdjacentHTML('beforeend',t);\
             var l=h.querySelector('link[rel=stylesheet]');function show(){{s.visibility=''}}\
             if(l){{l.onload=l.onerror=show}}else show()}});}})();"
        ))
    }

    /// The policy to send as a header with every response: [`CSP`], allowing the 404
    /// page's script by its hash where there is one. A host serves `404.html` at any
    /// unknown address, so the header cannot tell that page from others; the hash
    /// allows that one script and nothing else.
    pub fn header_policy(&self) -> String {
        match self.not_found_script() {
            Some(script) => CSP.replacen(
                "script-src 'self'",
                &format!("script-src 'self' 'sha256-{}'", sha256_base64(&script)),
                1,
            ),
            None => CSP.to_string(),
        }
    }

    /// `_headers`, which Netlify and Cloudflare Pages read (other hosts: README,
    /// "Hosting"): the policy and CORS on every address, and a year's caching for the
    /// files whose names carry a content hash. Everything else keeps the host's default
    /// of revalidating, so a new release is seen at once.
    fn headers(&self) -> Output {
        let mut content = format!(
            "# Written by the build (src/bake.rs) for hosts that read this file.\n\
             /*\n  Content-Security-Policy: {}\n  Access-Control-Allow-Origin: *\n",
            self.header_policy()
        );
        for file in self.app_files().iter().filter(|f| has_content_hash(f)) {
            let _ = write!(
                content,
                "/{file}\n  Cache-Control: public, max-age=31536000, immutable\n"
            );
        }
        Output {
            path: HEADERS_FILE.into(),
            content,
        }
    }

    /// Trunk's inline module loader, whole, if the template has one.
    fn inline_loader(&self) -> Option<String> {
        let (open, close) = INLINE_LOADER;
        let from = self.template.find(open)?;
        let to = from + self.template[from..].find(close)? + close.len();
        Some(self.template[from..to].to_string())
    }

    /// The app's module and wasm as Trunk's inline loader names them (`./name.js`).
    fn loader_imports(&self) -> Option<(String, String)> {
        let (open, close) = INLINE_LOADER;
        let inline = self.inline_loader()?;
        let code = &inline[open.len()..inline.len() - close.len()];
        let module = quoted_after(code, "from ")?;
        let wasm = quoted_after(code, "module_or_path: ")?;
        Some((module.to_string(), wasm.to_string()))
    }

    /// The app's loader as a file at the site's root (`boot-{hash}.js`, from
    /// `src/boot.js`), in place of Trunk's inline one, so pages hold no inline script.
    /// It starts the app when the page needs it (see there for when); `early.js` has
    /// asked for the files the page names in its `app-preload` tags. Its addresses are
    /// relative to itself (`import()` is; the wasm's is made so through
    /// `import.meta.url`, since `fetch` would take it relative to the page).
    fn boot(&self) -> Option<Output> {
        let (module, wasm) = self.loader_imports()?;
        let content = include_str!("boot.js")
            .replacen("__MODULE__", &module, 1)
            .replacen("__WASM__", &wasm, 1)
            .replacen(
                "__ALSO__",
                &serde_json::to_string(&self.also_imported()).unwrap_or_else(|_| "[]".into()),
                1,
            );
        Some(Output {
            path: format!("boot-{:016x}.js", fnv1a(content.as_bytes())),
            content,
        })
    }

    /// The scripts the app's module imports, which the loader fetches beside it rather
    /// than after it (the wasm chunks' loader).
    fn also_imported(&self) -> Vec<String> {
        vec![format!("./{}", self.split.loader)]
    }

    /// The app's own files below the site's root: what Trunk's output links to (the
    /// stylesheet, the icon, `early.js`), the loader, the module and the wasm it
    /// imports, and the wasm chunks and their loader.
    fn app_files(&self) -> Vec<String> {
        let mut files = Vec::new();
        for attribute in ["href=\"./", "src=\"./"] {
            for (at, _) in self.template.match_indices(attribute) {
                let rest = &self.template[at + attribute.len()..];
                if let Some(end) = rest.find('"') {
                    files.push(rest[..end].to_string());
                }
            }
        }
        if let Some((module, wasm)) = self.loader_imports() {
            for file in [module, wasm] {
                files.push(file.trim_start_matches("./").to_string());
            }
        }
        if let Some(boot) = self.boot() {
            files.push(boot.path);
        }
        files.extend(
            self.also_imported()
                .iter()
                .map(|f| f.trim_start_matches("./").to_string()),
        );
        files.extend(self.split.chunks.iter().cloned());
        files.extend(self.islands.files().cloned());
        files.sort();
        files.dedup();
        files
    }

    /// The service worker (`sw.js`, from `src/sw.js`) with this release's name, the
    /// files it caches at once (the app, its data and downloads, the two overviews,
    /// which stand in offline for pages not visited yet, the 404 page and the list of
    /// pages: offline, any other address gets the 404 page, as online), and which of
    /// them never change.
    fn service_worker<'a>(&self, files: impl Iterator<Item = &'a Output>) -> Output {
        let app = self.app_files();
        // Each language's overview is the offline answer for its pages never visited.
        let overviews = Lang::ALL.map(|lang| Route::home(lang).path());
        let mut precache: Vec<String> = [
            "",
            NOT_FOUND_PAGE,
            PAGES_FILE,
            ROOT_SCRIPT,
            HOST_SCRIPT,
            DATASET_FILE,
            CORE_FILE,
            MAP_URL,
        ]
        .map(String::from)
        .to_vec();
        precache.extend(overviews);
        precache.extend(files.map(|d| d.path.clone()));
        precache.extend(app.iter().cloned());
        precache.sort();
        precache.dedup();
        let hashed: Vec<&String> = app.iter().filter(|f| has_content_hash(f)).collect();
        let data = serde_json::to_string(&*self.data).unwrap_or_default();
        let list = serde_json::to_string(&precache).unwrap_or_else(|_| "[]".into());
        let hashed = serde_json::to_string(&hashed).unwrap_or_else(|_| "[]".into());
        let code = include_str!("sw.js")
            .replacen("__PRECACHE__", &list, 1)
            .replacen("__HASHED__", &hashed, 1)
            .replacen("__PAGES__", PAGES_FILE, 1)
            .replacen("__NOT_FOUND__", NOT_FOUND_PAGE, 1);
        // The release: what the worker caches and its own code, so that a new build
        // with other files, data (and so other pages) or worker code caches into a new
        // cache.
        let release = format!("{:016x}", fnv1a(format!("{code}{data}").as_bytes()));
        Output {
            path: "sw.js".into(),
            content: code.replacen("__RELEASE__", &release, 1),
        }
    }

    /// The first tag of Trunk's output that begins with `start` (its hashed stylesheet,
    /// say).
    fn template_tag(&self, start: &str) -> Option<String> {
        let from = self.template.find(start)?;
        let to = from + self.template[from..].find('>')? + 1;
        Some(self.template[from..to].to_string())
    }
}

fn push_title(head: &mut String, title: &str, description: &str) {
    let _ = write!(
        head,
        "<title>{}</title>\n<meta name=\"description\" content=\"{}\">",
        escape(title),
        escape(description)
    );
}

/// Open Graph and Twitter-card tags, for link previews.
fn push_social(
    head: &mut String,
    kind: &str,
    site_name: &str,
    title: &str,
    description: &str,
    lang: Lang,
) {
    let locale = |l: Lang| if l == Lang::En { "en_US" } else { "zh_CN" };
    let other = if lang == Lang::En { Lang::Zh } else { Lang::En };
    for (property, content) in [
        ("og:type", kind),
        ("og:site_name", site_name),
        ("og:title", title),
        ("og:description", description),
        ("og:locale", locale(lang)),
        ("og:locale:alternate", locale(other)),
    ] {
        let _ = write!(
            head,
            "\n<meta property=\"{property}\" content=\"{}\">",
            escape(content)
        );
    }
    for (name, content) in [
        ("twitter:card", "summary"),
        ("twitter:title", title),
        ("twitter:description", description),
    ] {
        let _ = write!(
            head,
            "\n<meta name=\"{name}\" content=\"{}\">",
            escape(content)
        );
    }
}

/// The article's bibliographic tags, as Google Scholar and Zotero read them. The
/// article's text names no journal, so none is given.
fn push_citation(head: &mut String, ds: &Dataset, lang: Lang) {
    let m = &ds.meta;
    let text_lang = lang.single();
    let mut tags = vec![
        ("citation_title", m.title.get(text_lang).to_string()),
        ("citation_publication_date", m.year.to_string()),
        ("citation_doi", m.doi.clone()),
        ("citation_language", "zh".to_string()),
    ];
    tags.extend(
        m.keywords
            .iter()
            .map(|k| ("citation_keywords", k.get(text_lang).to_string())),
    );
    // One tag per author, in order, as Google Scholar reads them; where it was
    // published, when the dataset knows.
    tags.extend(
        m.authors
            .iter()
            .map(|a| ("citation_author", a.get(text_lang).to_string())),
    );
    if let Some(journal) = &m.journal {
        tags.push(("citation_journal_title", journal.get(text_lang).to_string()));
    }
    tags.extend(m.volume.iter().map(|v| ("citation_volume", v.clone())));
    tags.extend(m.issue.iter().map(|i| ("citation_issue", i.clone())));
    if let Some((first, last)) = m.page_range() {
        tags.push(("citation_firstpage", first.to_string()));
        tags.push(("citation_lastpage", last.to_string()));
    }
    for (name, content) in tags {
        let _ = write!(
            head,
            "\n<meta name=\"{name}\" content=\"{}\">",
            escape(&content)
        );
    }
}

/// The sitemap: every page in one language, with its other-language twin. Side-by-side
/// pages are left out: they hold the same text as the two.
fn sitemap(url: &str, routes: &[Route]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for route in routes.iter().filter(|r| r.lang != Lang::Both) {
        let _ = write!(
            out,
            "<url><loc>{}</loc>",
            escape(&format!("{url}{}", route.path()))
        );
        for lang in [Lang::Zh, Lang::En] {
            let _ = write!(
                out,
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                lang.html_tag(),
                escape(&format!("{url}{}", route.with_lang(lang).path()))
            );
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// The way from a page `depth` folders down to the site's root, as a relative URL.
fn to_root(depth: usize) -> String {
    if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    }
}

/// Leptos marks the places where hydration would split text (`<!>`); a page that is
/// replaced, not hydrated, needs none of them.
fn strip_markers(html: &str) -> String {
    html.replace("<!>", "")
}

/// Whether a file's name carries a content hash (`main-8c391f0d78967c8b.css`,
/// `cca-explorer-1a2b3c4d_bg.wasm`): a hyphen and 8 to 16 hex digits (Trunk writes its
/// 64-bit hash without leading zeros) before the extension. Such a file never changes.
fn has_content_hash(name: &str) -> bool {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (8..=16).contains(&hash.len())
            && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    })
}

/// FNV-1a, 64 bits: a stable short name for a file's content.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The base64 SHA-256 of a script, as a CSP source expression wants it.
fn sha256_base64(text: &str) -> String {
    use sha2::{Digest, Sha256};
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::new();
    for chunk in digest.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `html` without every tag that starts with `start` (and the line break after it).
fn without_tags(html: &str, start: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(start) {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let end = after.find('>').map_or(after.len(), |i| i + 1);
        rest = after[end..].strip_prefix('\n').unwrap_or(&after[end..]);
    }
    out.push_str(rest);
    out
}

/// The single-quoted string after `key` in `code` (`from './app.js'` → `./app.js`).
fn quoted_after<'a>(code: &'a str, key: &str) -> Option<&'a str> {
    let rest = code.split_once(&format!("{key}'"))?.1;
    Some(rest.split_once('\'')?.0)
}

/// Writes `outputs` below `dir`; returns how many.
pub fn write_outputs(dir: &Path, outputs: &[Output]) -> Result<usize, String> {
    for output in outputs {
        let path: PathBuf = dir.join(&output.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, &output.content).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(outputs.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_hashes_are_base64_sha256() {
        assert_eq!(
            sha256_base64(""),
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
        assert_eq!(
            sha256_base64("abc"),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
    }
}
