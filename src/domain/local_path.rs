//! Where a page may send a person back to (`?retour=`, `?next=`): a path of this site, never
//! another one. Browsers forgive a lot in a `Location` header — they strip tabs and line breaks,
//! read `\` as `/`, and follow `//host` or `/%09/host` to another site — so only a plain
//! origin-relative reference passes: visible ASCII, one leading `/`, no scheme, no authority,
//! no backslash, no encoded slash or control character.

/// The longest address we send back to (longer ones are refused, not cut).
pub const MAX_LEN: usize = 2048;

/// `raw` if it is a path (with an optional query and fragment) of this site, else `None`.
pub fn local_path(raw: &str) -> Option<&str> {
    if raw.is_empty() || raw.len() > MAX_LEN || !raw.starts_with('/') {
        return None;
    }
    // Visible ASCII only: no whitespace, no control character (TAB, CR, LF, NUL…), no unicode
    // look-alike of a slash or a dot; a path of ours with other characters is percent-encoded.
    if !raw.bytes().all(|b| b.is_ascii_graphic()) || raw.contains('\\') {
        return None;
    }
    // No authority: `//host`, nor `/` followed by an encoded slash or backslash.
    let after = &raw[1..];
    if after.starts_with('/') {
        return None;
    }
    // Decoded once, the address must still be harmless: no encoded control character, space,
    // backslash, and no encoded `//` at the start (some proxies and servers decode once more).
    let decoded = percent_decoded(raw)?;
    let harmful = |b: &u8| b.is_ascii_control() || *b == b' ' || *b == b'\\';
    if decoded.iter().any(harmful) || decoded.get(1) == Some(&b'/') {
        return None;
    }
    if decoded.iter().any(|b| *b >= 0x80) && is_bad_unicode(&decoded) {
        return None;
    }
    // A scheme (`javascript:`, `https:`) cannot come first: the reference starts with `/`.
    Some(raw)
}

/// `raw` if it is a local path, else `fallback`.
pub fn local_path_or<'a>(raw: &'a str, fallback: &'a str) -> &'a str {
    local_path(raw).unwrap_or(fallback)
}

/// The bytes of `s` with `%XX` escapes decoded; `None` on a malformed escape.
fn percent_decoded(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = b.get(i + 1..i + 3)?;
            let hi = (hex[0] as char).to_digit(16)?;
            let lo = (hex[1] as char).to_digit(16)?;
            out.push((hi * 16 + lo) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Some(out)
}

/// Encoded non-ASCII text that is not UTF-8, or that holds a character some software reads as a
/// slash, a backslash or a dot (fullwidth, small, division and set-minus forms, …).
fn is_bad_unicode(decoded: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(decoded) else { return true };
    text.chars().any(|c| {
        matches!(
            c,
            '\u{FF0F}'
                | '\u{FF3C}'
                | '\u{2044}'
                | '\u{2215}'
                | '\u{29F5}'
                | '\u{29F8}'
                | '\u{FE68}'
                | '\u{FF0E}'
                | '\u{3002}'
                | '\u{FF61}'
                | '\u{2024}'
        ) || c.is_whitespace()
            || c.is_control()
            || ('\u{200B}'..='\u{200F}').contains(&c)
            || ('\u{2028}'..='\u{202E}').contains(&c)
            || c == '\u{FEFF}'
    })
}

/// `s` as a query value (`/?category=a,b` → `%2F%3Fcategory%3Da%2Cb`).
pub fn encode_query_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// Addresses an attacker would try, each of which must not leave this site.
    pub const HOSTILE: &[&str] = &[
        "//evil.example",
        "///evil.example",
        "/\t/evil.example",
        "/\r/evil.example",
        "/\n/evil.example",
        "\t//evil.example",
        " /evil",
        "/ /evil.example",
        "/\0/evil.example",
        "/%09/evil.example",
        "/%0d/evil.example",
        "/%0A/evil.example",
        "/%2F/evil.example",
        "/%2f%2fevil.example",
        "%2F%2Fevil.example",
        "/%5C/evil.example",
        "/%5cevil.example",
        "/\\evil.example",
        "\\/evil.example",
        "/\\/evil.example",
        "\\\\evil.example",
        "https://evil.example",
        "http:evil.example",
        "https:/evil.example",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/%2e%2e",
        "/／evil.example",
        "/%EF%BC%8Fevil.example",
        "/\u{2215}evil.example",
        "/%E2%88%95evil.example",
        "/%E3%80%82evil",
        "/%E2%80%AEelpmaxe.live",
        "/%ff%fe",
        "/%zz",
        "/%",
        "evil.example",
        "@evil.example",
        "",
        "/\u{a0}/evil.example",
        "/%C2%A0/evil.example",
        "/%20/evil.example",
        "/%00",
        "/%7F",
    ];

    /// Paths of this site that must keep working.
    pub const OURS: &[&str] = &[
        "/",
        "/compte",
        "/posts/12",
        "/?categorie=courses&bbox=7.1,47.6,7.5,47.9",
        "/mes-annonces?publiee=3#annonce-3",
        "/?commune=S%C3%A9lestat",
        "/posts/12/conversations/4",
        "/a:b",
        "/%2e%2e/compte",
    ];

    #[test]
    fn hostile_addresses_never_pass() {
        let long = format!("/{}", "a".repeat(MAX_LEN));
        for v in HOSTILE.iter().copied().chain([long.as_str()]) {
            assert_eq!(local_path(v), None, "{v:?} passed");
        }
        assert!(HOSTILE.len() >= 30);
    }

    #[test]
    fn our_paths_pass_as_they_are() {
        for v in OURS {
            assert_eq!(local_path(v), Some(*v));
        }
        assert_eq!(local_path_or("//evil.example", "/compte"), "/compte");
    }
}
