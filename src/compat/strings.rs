//! Spark's string functions on single values, as `UTF8String` computes them:
//! positions and lengths count code points, searches compare bytes.

/// `lpad`/`rpad(s, len, pad)`: pad to `len` characters with repeats of `pad`; a
/// longer value (or an empty pad) is cut to its first `len` characters.
pub fn pad(s: &str, len: i64, pad: &str, left: bool) -> String {
    let len = len.max(0) as usize;
    let n = s.chars().count();
    if len <= n || pad.is_empty() {
        return s.chars().take(len).collect();
    }
    let fill: String = pad.chars().cycle().take(len - n).collect();
    if left {
        fill + s
    } else {
        let mut out = s.to_string();
        out.push_str(&fill);
        out
    }
}

/// `lpad`/`rpad` of bytes.
pub fn pad_bytes(s: &[u8], len: i64, pad: &[u8], left: bool) -> Vec<u8> {
    let len = len.max(0) as usize;
    if len <= s.len() || pad.is_empty() {
        return s[..len.min(s.len())].to_vec();
    }
    let fill = pad.iter().copied().cycle().take(len - s.len());
    if left {
        fill.chain(s.iter().copied()).collect()
    } else {
        s.iter().copied().chain(fill).collect()
    }
}

/// `repeat(s, n)`: empty for n <= 0.
pub fn repeat(s: &str, n: i64) -> String {
    if n <= 0 {
        String::new()
    } else {
        s.repeat(n as usize)
    }
}

/// `reverse(s)` by code points (Polars reverses grapheme clusters).
pub fn reverse(s: &str) -> String {
    s.chars().rev().collect()
}

/// The 0-based character position of `sub` in `s` at or after character `start`,
/// as `UTF8String.indexOf` (an empty `sub` is found at 0 whatever the start).
pub fn index_of(s: &str, sub: &str, start: usize) -> Option<usize> {
    if sub.is_empty() {
        return Some(0);
    }
    let byte_start = s.char_indices().nth(start).map(|(b, _)| b)?;
    let found = s[byte_start..].find(sub)? + byte_start;
    Some(s[..found].chars().count())
}

/// `instr(s, sub)`: 1-based, 0 when absent.
pub fn instr(s: &str, sub: &str) -> i32 {
    index_of(s, sub, 0).map_or(0, |i| i as i32 + 1)
}

/// `locate(sub, s, pos)`: 1-based from 1-based `pos`; 0 when absent or pos < 1.
pub fn locate(sub: &str, s: &str, pos: i64) -> i32 {
    if pos < 1 {
        return 0;
    }
    index_of(s, sub, (pos - 1) as usize).map_or(0, |i| i as i32 + 1)
}

/// `find_in_set(word, list)`: the 1-based index of `word` in the comma-separated
/// `list`, 0 when absent or when `word` has a comma.
pub fn find_in_set(word: &str, list: &str) -> i32 {
    if word.contains(',') {
        return 0;
    }
    list.split(',').position(|w| w == word).map_or(0, |i| i as i32 + 1)
}

/// `substring_index(s, delim, count)`: before the count-th delimiter from the
/// left (count > 0), or after it from the right (count < 0). Searches bytes, as
/// Spark does (a UTF-8 delimiter only matches at character boundaries).
pub fn substring_index(s: &str, delim: &str, count: i64) -> String {
    let (hay, needle) = (s.as_bytes(), delim.as_bytes());
    if needle.is_empty() || count == 0 {
        return String::new();
    }
    let found_at = |j: usize| hay.get(j..j + needle.len()) == Some(needle);
    if count > 0 {
        let mut idx: Option<usize> = None;
        for _ in 0..count {
            let from = idx.map_or(0, |i| i + 1);
            match (from..hay.len()).find(|j| found_at(*j)) {
                Some(j) => idx = Some(j),
                None => return s.to_string(),
            }
        }
        String::from_utf8_lossy(&hay[..idx.unwrap_or(0)]).into_owned()
    } else {
        // Each earlier delimiter starts strictly before the one found last.
        let mut bound = (hay.len() + 1).saturating_sub(needle.len());
        let mut idx = 0;
        for _ in 0..count.unsigned_abs() {
            match (0..bound).rev().find(|j| found_at(*j)) {
                Some(j) => {
                    idx = j;
                    bound = j;
                }
                None => return s.to_string(),
            }
        }
        String::from_utf8_lossy(&hay[idx + needle.len()..]).into_owned()
    }
}

/// `split_part(s, delim, n)`: the n-th field (1-based, negative from the end) of
/// `s` split by the literal `delim`, "" when out of range; an empty delimiter
/// leaves `s` whole. None for n = 0 (an error in Spark).
pub fn split_part(s: &str, delim: &str, n: i64) -> Option<String> {
    if n == 0 {
        return None;
    }
    let parts: Vec<&str> = if delim.is_empty() { vec![s] } else { s.split(delim).collect() };
    let i = if n > 0 { n - 1 } else { parts.len() as i64 + n };
    Some(if (0..parts.len() as i64).contains(&i) { parts[i as usize].to_string() } else { String::new() })
}

/// `translate`'s character map: each character of `from` to the character of `to`
/// at its position, or to nothing past the end of `to`; the first mapping wins.
pub fn translation(from: &str, to: &str) -> Vec<(char, Option<char>)> {
    let mut map: Vec<(char, Option<char>)> = Vec::new();
    let mut to = to.chars();
    for c in from.chars() {
        let target = to.next();
        if !map.iter().any(|(k, _)| *k == c) {
            map.push((c, target));
        }
    }
    map
}

pub fn translate(s: &str, map: &[(char, Option<char>)]) -> String {
    s.chars()
        .filter_map(|c| match map.iter().find(|(k, _)| *k == c) {
            Some((_, t)) => *t,
            None => Some(c),
        })
        .collect()
}

/// `ascii(s)`: the code point of the first character, 0 for "".
pub fn ascii(s: &str) -> i32 {
    s.chars().next().map_or(0, |c| c as i32)
}

/// `chr(n)`: the character of `n mod 256`, "" for negative `n`.
pub fn chr(n: i64) -> String {
    if n < 0 {
        return String::new();
    }
    char::from((n & 0xFF) as u8).to_string()
}

/// `levenshtein(a, b)` over code points; with a threshold, -1 beyond it.
pub fn levenshtein(a: &str, b: &str, threshold: Option<i64>) -> i32 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j + 1] + 1).min(cur[j] + 1).min(prev[j] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()] as i64;
    match threshold {
        Some(t) if d > t => -1,
        _ => d as i32,
    }
}

/// `luhn_check(s)`: whether the digits pass the Luhn checksum ("" and non-digits fail).
pub fn luhn_check(s: &str) -> bool {
    if s.is_empty() {
        return false;
    }
    let mut sum = 0;
    for (i, c) in s.chars().rev().enumerate() {
        let Some(mut d) = c.to_digit(10) else { return false };
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

/// American soundex as Spark's `UTF8String.soundex`: a value not starting with an
/// ASCII letter is returned as it is.
pub fn soundex(s: &str) -> String {
    const CODES: &[u8; 26] = b"01230127022455012623017202";
    let bytes = s.as_bytes();
    let Some(&first) = bytes.first() else { return String::new() };
    let first = first.to_ascii_uppercase();
    if !first.is_ascii_uppercase() {
        return s.to_string();
    }
    let mut out = vec![first, b'0', b'0', b'0'];
    let mut n = 1;
    let mut last = CODES[(first - b'A') as usize];
    for &b in &bytes[1..] {
        let b = b.to_ascii_uppercase();
        if !b.is_ascii_uppercase() {
            last = b'0';
            continue;
        }
        let code = CODES[(b - b'A') as usize];
        if code == b'7' {
            continue;
        }
        if code != b'0' && code != last {
            out[n] = code;
            n += 1;
            if n > 3 {
                break;
            }
        }
        last = code;
    }
    String::from_utf8(out).unwrap_or_default()
}

/// `initcap(s)` as Spark 4 (ICU case mappings): the first character of each word
/// (after an ASCII space) in title case, every other one in lower case.
pub fn initcap(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut new_word = true;
    let mut preceded_by_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if new_word {
            push_titlecase(&mut out, c);
        } else if c == 'Σ' {
            let followed_by_cased = chars[i + 1..].iter().find(|n| !case_ignorable(**n)).is_some_and(|n| cased(*n));
            out.push(if preceded_by_cased && !followed_by_cased { 'ς' } else { 'σ' });
        } else {
            out.extend(c.to_lowercase());
        }
        new_word = c == ' ';
        if !case_ignorable(c) {
            preceded_by_cased = cased(c);
        }
    }
    out
}

fn cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || titlecase_single(c) == Some(c)
}

/// Characters that do not break a word for the final-sigma rule (an approximation
/// of Unicode's Case_Ignorable: apostrophes, dots, combining marks).
fn case_ignorable(c: char) -> bool {
    matches!(c, '\'' | '.' | ':' | '^' | '`' | '\u{00AD}' | '\u{00B7}' | '\u{2019}' | '\u{2018}' | '\u{0300}'..='\u{036F}')
}

/// Title case where it is one code point different from upper case.
fn titlecase_single(c: char) -> Option<char> {
    Some(match c {
        '\u{01C4}'..='\u{01C6}' => '\u{01C5}',
        '\u{01C7}'..='\u{01C9}' => '\u{01C8}',
        '\u{01CA}'..='\u{01CC}' => '\u{01CB}',
        '\u{01F1}'..='\u{01F3}' => '\u{01F2}',
        '\u{1F80}'..='\u{1F87}' | '\u{1F90}'..='\u{1F97}' | '\u{1FA0}'..='\u{1FA7}' => char::from_u32(c as u32 + 8)?,
        '\u{1F88}'..='\u{1F8F}' | '\u{1F98}'..='\u{1F9F}' | '\u{1FA8}'..='\u{1FAF}' | '\u{1FBC}' | '\u{1FCC}' | '\u{1FFC}' => c,
        '\u{1FB3}' => '\u{1FBC}',
        '\u{1FC3}' => '\u{1FCC}',
        '\u{1FF3}' => '\u{1FFC}',
        // Georgian Mkhedruli letters are their own title case (upper case is Mtavruli).
        '\u{10D0}'..='\u{10FA}' | '\u{10FD}'..='\u{10FF}' => c,
        _ => return None,
    })
}

/// Title case where it is several code points unlike upper case (SpecialCasing).
fn titlecase_multi(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "Ss",
        'ﬀ' => "Ff",
        'ﬁ' => "Fi",
        'ﬂ' => "Fl",
        'ﬃ' => "Ffi",
        'ﬄ' => "Ffl",
        'ﬅ' | 'ﬆ' => "St",
        'և' => "Եւ",
        'ﬓ' => "Մն",
        'ﬔ' => "Մե",
        'ﬕ' => "Մի",
        'ﬖ' => "Վն",
        'ﬗ' => "Մխ",
        'ᾲ' => "Ὰ\u{0345}",
        'ᾴ' => "Ά\u{0345}",
        'ᾷ' => "ᾼ\u{0342}",
        'ῂ' => "Ὴ\u{0345}",
        'ῄ' => "Ή\u{0345}",
        'ῇ' => "ῌ\u{0342}",
        'ῲ' => "Ὼ\u{0345}",
        'ῴ' => "Ώ\u{0345}",
        'ῷ' => "ῼ\u{0342}",
        _ => return None,
    })
}

fn push_titlecase(out: &mut String, c: char) {
    if let Some(t) = titlecase_multi(c) {
        out.push_str(t);
    } else if let Some(t) = titlecase_single(c) {
        out.push(t);
    } else {
        out.extend(c.to_uppercase());
    }
}

/// `mask(s, upper, lower, digit, other)`: each upper-case letter, lower-case letter,
/// decimal digit or other character replaced by its class's character (kept when
/// that is None). Spark classifies UTF-16 units: a character outside the BMP is two
/// "other" units.
pub fn mask(s: &str, upper: Option<char>, lower: Option<char>, digit: Option<char>, other: Option<char>) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.len_utf16() == 2 {
            match other {
                Some(o) => {
                    out.push(o);
                    out.push(o);
                }
                None => out.push(c),
            }
            continue;
        }
        let by = if c.is_uppercase() {
            upper
        } else if c.is_lowercase() {
            lower
        } else if is_decimal_digit(c) {
            digit
        } else {
            other
        };
        out.push(by.unwrap_or(c));
    }
    out
}

/// Java's `Character.isDigit`: the Unicode decimal digits (general category Nd).
fn is_decimal_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    static ND: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let mut buf = [0u8; 4];
    ND.get_or_init(|| regex::Regex::new(r"^\p{Nd}$").ok()).as_ref().is_some_and(|re| re.is_match(c.encode_utf8(&mut buf)))
}

/// `split(s, regex, limit)` as Java's `String.split` (trailing empty strings kept,
/// as Spark asks for them): at most `limit` parts when limit > 0, the last holding
/// the rest; a zero-width match at the start gives no leading empty part.
pub fn split_regex(s: &str, re: &regex::Regex, limit: i64) -> Vec<String> {
    let mut parts = Vec::new();
    let mut last = 0;
    for m in re.find_iter(s) {
        if limit > 0 && parts.len() as i64 == limit - 1 {
            break;
        }
        if m.end() == 0 {
            continue;
        }
        parts.push(s[last..m.start()].to_string());
        last = m.end();
    }
    parts.push(s[last..].to_string());
    parts
}

/// `split(s, "", limit)`: Spark splits into characters, at most `limit` of them.
pub fn split_chars(s: &str, limit: i64) -> Vec<String> {
    if s.is_empty() {
        return vec![String::new()];
    }
    let n = s.chars().count();
    let keep = if limit > 0 && (limit as usize) < n { limit as usize } else { n };
    s.chars().take(keep).map(String::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padding_cuts_and_repeats() {
        assert_eq!(pad("hello", 8, "ab", true), "abahello");
        assert_eq!(pad("hello", 8, "ab", false), "helloaba");
        assert_eq!(pad("toolong", 3, "x", true), "too");
        assert_eq!(pad("hi", 5, "", true), "hi");
        assert_eq!(pad("hi", -1, "x", true), "");
        assert_eq!(pad("日本語", 5, "😀", true), "😀😀日本語");
        assert_eq!(pad_bytes(b"ab", 5, b"\x00\x01", true), b"\x00\x01\x00ab");
    }

    #[test]
    fn searching() {
        assert_eq!(instr("a😀b😀", "b"), 3);
        assert_eq!(instr("", ""), 1);
        assert_eq!(locate("a", "banana", 3), 4);
        assert_eq!(locate("", "abc", 3), 1);
        assert_eq!(locate("a", "banana", 0), 0);
        assert_eq!(locate("a", "ab", 100), 0);
        assert_eq!(find_in_set("ab", "abc,b,ab,c"), 3);
        assert_eq!(find_in_set("", "a,,b"), 2);
        assert_eq!(find_in_set("a,b", "a,b"), 0);
    }

    #[test]
    fn substring_index_both_ways() {
        assert_eq!(substring_index("www.apache.org", ".", 2), "www.apache");
        assert_eq!(substring_index("www.apache.org", ".", -2), "apache.org");
        assert_eq!(substring_index("a..b", ".", 2), "a.");
        assert_eq!(substring_index("a..b", ".", -2), ".b");
        assert_eq!(substring_index("a..b", "..", 1), "a");
        assert_eq!(substring_index("no-dots", ".", 1), "no-dots");
        assert_eq!(substring_index("aaa", "aa", -1), "");
        assert_eq!(substring_index("😀.😀.x", ".", -2), "😀.x");
    }

    #[test]
    fn split_part_fields() {
        assert_eq!(split_part("11.12.13", ".", 3).unwrap(), "13");
        assert_eq!(split_part("11.12.13", ".", -1).unwrap(), "13");
        assert_eq!(split_part("11.12.13", ".", 4).unwrap(), "");
        assert_eq!(split_part("11.12.13", "", 1).unwrap(), "11.12.13");
        assert_eq!(split_part("11.12.13", "", 2).unwrap(), "");
        assert!(split_part("a", ".", 0).is_none());
    }

    #[test]
    fn translate_first_mapping_wins() {
        let map = translation("rnlt", "123");
        assert_eq!(translate("translate", &map), "1a2s3ae");
        assert_eq!(translate("aaa", &translation("aa", "xy")), "xxx");
    }

    #[test]
    fn char_codes() {
        assert_eq!(ascii("😀x"), 128512);
        assert_eq!(ascii(""), 0);
        assert_eq!(chr(321), "A");
        assert_eq!(chr(256), "\u{0}");
        assert_eq!(chr(-1), "");
    }

    #[test]
    fn edit_distance() {
        assert_eq!(levenshtein("kitten", "sitting", None), 3);
        assert_eq!(levenshtein("kitten", "sitting", Some(2)), -1);
        assert_eq!(levenshtein("😀ab", "ab😀", None), 2);
    }

    #[test]
    fn luhn() {
        assert!(luhn_check("79927398713"));
        assert!(!luhn_check("79927398714"));
        assert!(!luhn_check(""));
        assert!(!luhn_check("12a"));
    }

    #[test]
    fn soundex_codes() {
        for (s, code) in [("Robert", "R163"), ("Ashcraft", "A261"), ("Tymczak", "T522"), ("Pfister", "P236"), ("a", "A000"), ("123", "123"), ("", "")] {
            assert_eq!(soundex(s), code, "{s}");
        }
    }

    #[test]
    fn initcap_words() {
        assert_eq!(initcap("HELLO WORLD"), "Hello World");
        assert_eq!(initcap("ßtraße"), "Sstraße");
        assert_eq!(initcap("ǆemal"), "ǅemal");
        assert_eq!(initcap("tab\tsep"), "Tab\tsep");
        assert_eq!(initcap("ΟΔΟΣ ΣΑΣ"), "Οδος Σας");
    }

    #[test]
    fn masking() {
        assert_eq!(mask("AbCD123-@$#", Some('X'), Some('x'), Some('n'), None), "XxXXnnn-@$#");
        assert_eq!(mask("Ünïcode ß 😀 ٣", Some('X'), Some('x'), Some('n'), None), "Xxxxxxx x 😀 n");
        assert_eq!(mask("a1", None, None, None, Some('*')), "a1");
        assert_eq!(mask("𝔘😀", Some('X'), Some('x'), Some('n'), None), "𝔘😀");
        assert_eq!(mask("😀", None, None, None, Some('*')), "**");
    }

    #[test]
    fn java_split() {
        let comma = regex::Regex::new(",").unwrap();
        assert_eq!(split_regex("a,b,,c,,", &comma, -1), ["a", "b", "", "c", "", ""]);
        assert_eq!(split_regex("a,b,,c,,", &comma, 2), ["a", "b,,c,,"]);
        assert_eq!(split_regex("", &comma, -1), [""]);
        let any = regex::Regex::new("[^\n]").unwrap();
        assert_eq!(split_regex("abc", &any, -1), ["", "", "", ""]);
        assert_eq!(split_chars("abc", 2), ["a", "b"]);
        assert_eq!(split_chars("", 2), [""]);
    }
}
