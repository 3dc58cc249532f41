//! URLs as Spark reads them: `parse_url` takes its parts from `java.net.URI`
//! (RFC 2396 with Java's rules: raw, still-escaped components; an authority that
//! is not `[user@]host[:port]` has no host), `url_encode`/`url_decode` are Java's
//! `URLEncoder`/`URLDecoder` in UTF-8.

/// The parts of a URI, as `java.net.URI` gives them (raw forms).
#[derive(Debug, Default, PartialEq)]
pub struct Uri<'a> {
    pub scheme: Option<&'a str>,
    pub authority: Option<&'a str>,
    pub user_info: Option<&'a str>,
    pub host: Option<&'a str>,
    pub path: Option<&'a str>,
    pub query: Option<&'a str>,
    pub fragment: Option<&'a str>,
}

fn is_unreserved(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-_.!~*'()".contains(c)
}

/// Characters Java accepts unescaped in a component: unreserved, reserved (minus
/// those the component excludes) and non-ASCII "other" characters.
fn check_component(text: &str, extra: &str) -> Result<(), String> {
    let bytes: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == '%' {
            let hex = |k: usize| bytes.get(i + k).is_some_and(|d| d.is_ascii_hexdigit());
            if !(hex(1) && hex(2)) {
                return Err(format!("Malformed escape pair at index {i}"));
            }
            i += 3;
            continue;
        }
        let ok = is_unreserved(c) || extra.contains(c) || (!c.is_ascii() && !c.is_control() && !c.is_whitespace());
        if !ok {
            return Err(format!("Illegal character in URI at index {i}"));
        }
        i += 1;
    }
    Ok(())
}

const PATH_CHARS: &str = ";/:@&=+$,";
const QUERY_CHARS: &str = ";/?:@&=+$,[]";

/// Parses like `new java.net.URI(text)`; Err with Java's reason.
pub fn parse(text: &str) -> Result<Uri<'_>, String> {
    let mut uri = Uri::default();
    let (before_fragment, fragment) = match text.find('#') {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    if let Some(f) = fragment {
        check_component(f, QUERY_CHARS)?;
        uri.fragment = Some(f);
    }
    // A scheme: a letter, then letters, digits, '+', '-', '.', up to ':'.
    let mut rest = before_fragment;
    if let Some(colon) = rest.find(':') {
        let candidate = &rest[..colon];
        let looks_like_scheme = candidate.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && candidate.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
        let before_slash = rest.find(['/', '?']).is_none_or(|s| colon < s);
        if colon == 0 {
            return Err("Expected scheme name at index 0".into());
        }
        if looks_like_scheme && before_slash {
            uri.scheme = Some(candidate);
            rest = &rest[colon + 1..];
            if rest.is_empty() {
                return Err("Expected scheme-specific part".into());
            }
            if !rest.starts_with('/') {
                // Opaque: mailto:x@y. No host, path or query.
                check_component(rest, QUERY_CHARS)?;
                return Ok(uri);
            }
        } else if !before_slash || !looks_like_scheme {
            // A colon later in a relative reference is fine; a bad scheme is not.
            if before_slash && !looks_like_scheme {
                return Err(format!("Illegal character in scheme name at index {}", candidate.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(0)));
            }
        }
    }
    let (before_query, query) = match rest.find('?') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    if let Some(q) = query {
        check_component(q, QUERY_CHARS)?;
        uri.query = Some(q);
    }
    let path = if let Some(after) = before_query.strip_prefix("//") {
        let end = after.find('/').unwrap_or(after.len());
        let authority = &after[..end];
        parse_authority(authority, &mut uri)?;
        &after[end..]
    } else {
        before_query
    };
    check_component(path, PATH_CHARS)?;
    uri.path = Some(path);
    Ok(uri)
}

/// `[userinfo@]host[:port]`; anything else is a registry-based authority without a host.
fn parse_authority<'a>(authority: &'a str, uri: &mut Uri<'a>) -> Result<(), String> {
    if authority.is_empty() {
        return Ok(());
    }
    check_component(authority, ";:@&=+$,[]")?;
    uri.authority = Some(authority);
    let (user, host_port) = match authority.rfind('@') {
        Some(i) => (Some(&authority[..i]), &authority[i + 1..]),
        None => (None, authority),
    };
    let (host, port) = if host_port.starts_with('[') {
        match host_port.find(']') {
            Some(close) => (&host_port[..=close], host_port[close + 1..].strip_prefix(':')),
            None => return Err("Expected closing bracket for IPv6 address".into()),
        }
    } else {
        match host_port.rfind(':') {
            Some(i) => (&host_port[..i], Some(&host_port[i + 1..])),
            None => (host_port, None),
        }
    };
    let host_ok = host.starts_with('[')
        || (!host.is_empty()
            && host.split('.').all(|label| !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            && !host.starts_with('-'))
        || host.ends_with('.') && !host.trim_end_matches('.').is_empty();
    let port_ok = port.is_none_or(|p| p.chars().all(|c| c.is_ascii_digit()));
    if host_ok && port_ok && user.is_none_or(|u| !u.contains('@')) {
        uri.user_info = user;
        uri.host = Some(host);
    }
    Ok(())
}

/// One part of a URL for `parse_url`; None where Java's part is null.
pub fn part<'a>(uri: &Uri<'a>, part: &str) -> Option<String> {
    match part {
        "HOST" => uri.host.map(String::from),
        "PATH" => uri.path.map(String::from),
        "QUERY" => uri.query.map(String::from),
        "REF" => uri.fragment.map(String::from),
        "PROTOCOL" => uri.scheme.map(String::from),
        "FILE" => uri.path.map(|p| match uri.query {
            Some(q) => format!("{p}?{q}"),
            None => p.to_string(),
        }),
        "AUTHORITY" => uri.authority.map(String::from),
        "USERINFO" => uri.user_info.map(String::from),
        _ => None,
    }
}

/// `URLEncoder.encode(s, UTF-8)`.
pub fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'-' | b'*' | b'_' => out.push(b as char),
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `URLDecoder.decode(s, UTF-8)`; None for a `%` without two hex digits.
pub fn url_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let text = std::str::from_utf8(hex).ok()?;
                if !text.chars().all(|c| c.is_ascii_hexdigit()) {
                    return None;
                }
                out.push(u8::from_str_radix(text, 16).ok()?);
                i += 3;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_as_java() {
        let u = parse("https://user:pw@example.com:8080/a/b.html?x=1&y=2#frag").unwrap();
        assert_eq!(u.host, Some("example.com"));
        assert_eq!(u.user_info, Some("user:pw"));
        assert_eq!(u.authority, Some("user:pw@example.com:8080"));
        assert_eq!(part(&u, "FILE").unwrap(), "/a/b.html?x=1&y=2");
        let u = parse("http://host").unwrap();
        assert_eq!((u.host, u.path), (Some("host"), Some("")));
        let u = parse("mailto:someone@example.com").unwrap();
        assert_eq!((u.scheme, u.path), (Some("mailto"), None));
        assert_eq!(parse("http://[::1]:80/ipv6").unwrap().host, Some("[::1]"));
        assert_eq!(parse("http://host:port/").unwrap().host, None);
        assert!(parse("http://a b.com/").is_err());
        assert!(parse("http://x.com/%zz").is_err());
        assert!(parse("http://x.com/a|b").is_err());
        assert!(parse("::").is_err());
        assert_eq!(parse("").unwrap().path, Some(""));
    }

    #[test]
    fn encode_and_decode() {
        assert_eq!(url_encode("a b&c=d/e?f"), "a+b%26c%3Dd%2Fe%3Ff");
        assert_eq!(url_encode("é~*-_."), "%C3%A9%7E*-_.");
        assert_eq!(url_decode("a+b%26c").unwrap(), "a b&c");
        assert_eq!(url_decode("%e9").unwrap(), "\u{fffd}");
        assert!(url_decode("%zz").is_none());
        assert!(url_decode("abc%").is_none());
    }
}
