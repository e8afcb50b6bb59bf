//! The site's pages: Markdown written by staff, rendered to HTML on the server
//! (`pulldown-cmark`) and then sanitized (`ammonia`) every time it is shown, so that what
//! reaches a page is only text, headings, lists, emphasis, quotes, code, tables and links to
//! `https:`, `http:`, `mailto:`, `tel:` or this site — never a script, a style, a frame, a form,
//! an event handler or a `javascript:` address, whatever was typed.

use std::collections::HashSet;

use pulldown_cmark::{html, Options, Parser};

/// The elements a page may hold; everything else is removed (its text kept, escaped).
const ELEMENTS: [&str; 22] = [
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "del",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "a",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
];

/// `markdown` as safe HTML.
pub fn render(markdown: &str) -> String {
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    html::push_html(&mut raw, Parser::new_ext(markdown, options));
    let tags: HashSet<&str> = ELEMENTS.into_iter().collect();
    ammonia::Builder::default()
        .tags(tags)
        .url_schemes(["https", "http", "mailto", "tel"].into_iter().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer"))
        .clean(&raw)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hostile texts, each calling `x(N)` if it ever ran (the browser corpus of
    /// `end2end/tests/xss.spec.ts`, and what Markdown adds: its links, images and autolinks).
    const CORPUS: &[&str] = &[
        "<script>x(1)</script>",
        "<img src=x onerror=x(2)>",
        "<svg onload=x(3)>",
        "</textarea><script>x(4)</script>",
        "\"><img src=x onerror=x(5)>",
        "<a href=\"javascript:x(6)\">lien</a>",
        "<iframe src=\"javascript:parent.x(7)\"></iframe>",
        "<iframe srcdoc=\"<script>parent.x(8)</script>\"></iframe>",
        "<details open ontoggle=x(9)>",
        "<input autofocus onfocus=x(10)>",
        "<math><mtext></p><img src=x onerror=x(11)>",
        "<style>@import 'javascript:x(12)'</style>",
        "<object data=\"javascript:x(13)\"></object>",
        "<embed src=\"javascript:x(14)\">",
        "<form><button formaction=javascript:x(15)>x</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:x(16)\">",
        "<base href=\"javascript:x(17)//\">",
        "<svg><script>x(18)</script></svg>",
        "<scr<script>ipt>x(19)</scr</script>ipt>",
        "<IMG SRC=JaVaScRiPt:x(20)>",
        "<div style=\"background:url(javascript:x(21))\">fond</div>",
        "<a href=\"data:text/html,<script>x(22)</script>\">x</a>",
        "<noscript><p title=\"</noscript><img src=x onerror=x(23)>\">",
        "[lien](javascript:x(24))",
        "[lien](JAVASCRIPT:x(25))",
        "[lien](  javascript:x(26))",
        "[lien](java&#09;script:x(27))",
        "![image](javascript:x(28))",
        "![image](x \"a\\\" onerror=x(29)\")",
        "<javascript:x(30)>",
        "[lien][r]\n\n[r]: javascript:x(31)",
        "[lien](data:text/html;base64,PHNjcmlwdD54KDMyKTwvc2NyaXB0Pg==)",
        "[lien](vbscript:x(33))",
        "<a href=\"&#106;avascript:x(34)\">x</a>",
        "`<script>x(35)</script>`",
        "```\n<script>x(36)</script>\n```",
        "<table><tr><td onmouseover=x(37)>x</td></tr></table>",
        "<h2 onclick=x(38)>titre</h2>",
        "<a href=\"//evil.example/x(39)\" target=\"_top\">x</a>",
    ];

    #[test]
    fn markdown_keeps_its_formatting() {
        let html = render("## Titre\n\nUn **gras**, une *emphase*, [un lien](https://www.cnil.fr) et [une page](/pages/charte).\n\n- un\n- deux\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        for part in ["<h2>Titre</h2>", "<strong>gras</strong>", "<em>emphase</em>", "<li>un</li>", "<td>1</td>"] {
            assert!(html.contains(part), "{part} in {html}");
        }
        assert!(html.contains("<a href=\"https://www.cnil.fr\" rel=\"noopener noreferrer\">"), "{html}");
        assert!(html.contains("href=\"/pages/charte\""), "{html}");
    }

    #[test]
    fn nothing_hostile_survives() {
        for (i, text) in CORPUS.iter().enumerate() {
            let html = render(text).to_lowercase();
            // Every element is from the list, and no attribute runs code or loads anything.
            for tag in html.split('<').skip(1).map(|t| t.split('>').next().unwrap_or("")) {
                let mut parts = tag.split_whitespace();
                let name = parts.next().unwrap_or("").trim_start_matches('/');
                assert!(ELEMENTS.contains(&name), "vector {i} {text:?} left <{tag}>");
                for attr in parts {
                    assert!(
                        !attr.starts_with("on") && !attr.starts_with("style") && !attr.starts_with("target"),
                        "vector {i}: <{tag}>"
                    );
                }
                for word in ["javascript:", "vbscript:", "data:", "formaction"] {
                    assert!(!tag.contains(word), "vector {i} {text:?} left {word:?}: <{tag}>");
                }
            }
        }
    }
}
