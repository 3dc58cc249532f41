//! `sentences(str[, lang, country])`: Spark splits the text with Java's
//! `BreakIterator.getSentenceInstance`, each sentence with `getWordInstance`, and keeps
//! the words whose first UTF-16 unit is a letter or a digit (`Character.isLetterOrDigit`).
//! The JDK's iterators are rule based (`sun.text.resources.BreakIteratorRules`, the JDK
//! 1.2 behaviour, the same for every locale but Thai), not UAX #29, so the rules are
//! ported here as scanners:
//!
//! - sentences end after `!`/`?` (and the terminators, periods and closing punctuation
//!   after them, then spaces); after a period (and periods, closing punctuation) only
//!   where spaces and a letter that is not lower case follow, or (spaces optional)
//!   opening punctuation or a symbol and then a letter; after a paragraph separator or a
//!   danda. Non-spacing, enclosing and format characters are transparent.
//! - a word is letters joined by single `-`, `_`, `'`, `"`, `.` (...), digits joined by
//!   single `.`, `,`, `'`, `"`, alternating with each other (`abc123def`), after an
//!   optional currency sign, `#` or `.` before a digit, with an optional `%` after a
//!   number; runs of spaces, of Katakana, of Hiragana and of Kanji are one piece each;
//!   anything else is a piece of its own. Format characters are transparent.
//!
//! General categories come from regex-syntax's Unicode tables (its Unicode version, not
//! the JVM's).

use regex_syntax::hir::{Class, HirKind};
use std::sync::LazyLock;

/// The general categories the rules name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Lu,
    Ll,
    Lt,
    Lm,
    Lo,
    Mn,
    Mc,
    Me,
    Nd,
    Nl,
    No,
    Pc,
    Pd,
    Ps,
    Pe,
    Pi,
    Pf,
    Sc,
    Zs,
    Cf,
    Other,
}

/// Sorted, disjoint ranges of the categories above.
static TABLE: LazyLock<Vec<(u32, u32, Cat)>> = LazyLock::new(|| {
    use Cat::*;
    let mut out = vec![];
    for (name, cat) in [
        ("Lu", Lu), ("Ll", Ll), ("Lt", Lt), ("Lm", Lm), ("Lo", Lo), ("Mn", Mn), ("Mc", Mc), ("Me", Me), ("Nd", Nd), ("Nl", Nl), ("No", No),
        ("Pc", Pc), ("Pd", Pd), ("Ps", Ps), ("Pe", Pe), ("Pi", Pi), ("Pf", Pf), ("Sc", Sc), ("Zs", Zs), ("Cf", Cf),
    ] {
        let hir = regex_syntax::Parser::new().parse(&format!("\\p{{{name}}}")).expect("a general category");
        if let HirKind::Class(Class::Unicode(cls)) = hir.kind() {
            out.extend(cls.ranges().iter().map(|r| (r.start() as u32, r.end() as u32, cat)));
        }
    }
    out.sort_by_key(|r| r.0);
    out
});

fn cat(c: char) -> Cat {
    let c = c as u32;
    let t = &*TABLE;
    match t.binary_search_by(|r| if r.1 < c { std::cmp::Ordering::Less } else if r.0 > c { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Equal }) {
        Ok(i) => t[i].2,
        Err(_) => Cat::Other,
    }
}

fn is_letter(c: char) -> bool {
    matches!(cat(c), Cat::Lu | Cat::Ll | Cat::Lt | Cat::Lm | Cat::Lo)
}

fn is_number(c: char) -> bool {
    matches!(cat(c), Cat::Nd | Cat::Nl | Cat::No)
}

/// Java's `Character.isLetterOrDigit` of a `char` (a UTF-16 unit: never true for the
/// first half of a surrogate pair).
fn java_letter_or_digit(c: char) -> bool {
    (c as u32) <= 0xFFFF && (is_letter(c) || cat(c) == Cat::Nd)
}

/// The sentences and words of `text` as Spark's `sentences` gives them.
pub fn sentences(text: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = vec![];
    let mut start = 0;
    for end in sentence_breaks(&chars) {
        let sentence = &chars[start..end];
        start = end;
        let mut words = vec![];
        let mut from = 0;
        for to in word_breaks(sentence) {
            let word = &sentence[from..to];
            from = to;
            if java_letter_or_digit(word[0]) {
                words.push(word.iter().collect());
            }
        }
        out.push(words);
    }
    out
}

/// The positions after each piece of `chars`, scanned over the characters `ignored`
/// leaves in (an ignored character belongs to the piece before it).
fn breaks(chars: &[char], ignored: fn(char) -> bool, scan: fn(&[char], usize) -> usize) -> Vec<usize> {
    let kept: Vec<usize> = (0..chars.len()).filter(|&i| i == 0 || !ignored(chars[i])).collect();
    let seen: Vec<char> = kept.iter().map(|&i| chars[i]).collect();
    let mut out = vec![];
    let mut i = 0;
    while i < seen.len() {
        let end = scan(&seen, i).max(i + 1);
        out.push(kept.get(end).copied().unwrap_or(chars.len()));
        i = end;
    }
    out
}

// --- sentences ----------------------------------------------------------------------------------

fn sentence_ignored(c: char) -> bool {
    matches!(cat(c), Cat::Mn | Cat::Me | Cat::Cf)
}

fn sentence_space(c: char) -> bool {
    matches!(c, '\t' | '\r' | '\u{c}' | '\n' | '\u{2028}') || cat(c) == Cat::Zs
}

fn start_punctuation(c: char) -> bool {
    matches!(c, '"' | '\'') || matches!(cat(c), Cat::Ps | Cat::Pi)
}

fn end_punctuation(c: char) -> bool {
    matches!(c, '"' | '\'') || matches!(cat(c), Cat::Pe | Cat::Pf)
}

fn terminator(c: char) -> bool {
    matches!(c, '!' | '?' | '\u{3002}' | '\u{ff01}' | '\u{ff1f}')
}

fn period(c: char) -> bool {
    matches!(c, '.' | '\u{ff0e}')
}

fn danda(c: char) -> bool {
    matches!(c, '\u{964}' | '\u{965}')
}

/// `<sent-start>`: none of the classes the sentence rules name.
fn sentence_start(c: char) -> bool {
    !(is_letter(c)
        || sentence_space(c)
        || start_punctuation(c)
        || end_punctuation(c)
        || is_number(c)
        || terminator(c)
        || period(c)
        || c == ','
        || c == '\u{2029}'
        || sentence_ignored(c))
}

fn sentence_breaks(chars: &[char]) -> Vec<usize> {
    breaks(chars, sentence_ignored, sentence_end)
}

fn skip(chars: &[char], mut i: usize, class: impl Fn(char) -> bool) -> usize {
    while i < chars.len() && class(chars[i]) {
        i += 1;
    }
    i
}

/// Where the sentence starting at `from` ends.
fn sentence_end(chars: &[char], from: usize) -> usize {
    let n = chars.len();
    for i in from..n {
        let c = chars[i];
        if c == '\u{2029}' {
            return i + 1;
        }
        if danda(c) {
            return skip(chars, i + 1, sentence_space);
        }
        if terminator(c) {
            let j = skip(chars, i + 1, |c| terminator(c) || period(c) || end_punctuation(c));
            let k = skip(chars, j, sentence_space);
            return if chars.get(k) == Some(&'\u{2029}') { k + 1 } else { k };
        }
        if period(c) {
            // The periods and closing punctuation after it may be read as fewer of them
            // (a quote also opens): the break is the last place any reading gives.
            let run = skip(chars, i + 1, |c| period(c) || end_punctuation(c));
            let mut best = None;
            for j in i + 1..=run {
                let k = skip(chars, j, sentence_space);
                let Some(&next) = chars.get(k) else { continue };
                let upper = k > j && is_letter(next) && cat(next) != Cat::Ll;
                let m = skip(chars, k, |c| start_punctuation(c) || sentence_start(c));
                let opened = m > k && chars.get(m).is_some_and(|&c| is_letter(c));
                if upper || opened {
                    best = Some(k);
                }
            }
            if let Some(k) = best {
                return k;
            }
        }
    }
    n
}

// --- words --------------------------------------------------------------------------------------

fn word_ignored(c: char) -> bool {
    cat(c) == Cat::Cf
}

fn enclosing(c: char) -> bool {
    matches!(cat(c), Cat::Mn | Cat::Me)
}

fn kanji(c: char) -> bool {
    matches!(c, '\u{3005}' | '\u{4e00}'..='\u{9fa5}' | '\u{f900}'..='\u{fa2d}')
}

fn katakana(c: char) -> bool {
    matches!(c, '\u{30a1}'..='\u{30fa}' | '\u{30fd}' | '\u{30fe}')
}

fn hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3094}' | '\u{309d}' | '\u{309e}')
}

fn cjk_diacritic(c: char) -> bool {
    matches!(c, '\u{3099}'..='\u{309c}' | '\u{30fb}' | '\u{30fc}')
}

/// `<letter-base>`: letters and spacing marks, but for the Japanese scripts.
fn word_letter(c: char) -> bool {
    (is_letter(c) || cat(c) == Cat::Mc) && !(kanji(c) || katakana(c) || hiragana(c) || cjk_diacritic(c))
}

fn mid_word(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{2027}' | '"' | '\'' | '.') || matches!(cat(c), Cat::Pd | Cat::Pc)
}

fn mid_number(c: char) -> bool {
    matches!(c, '"' | '\'' | ',' | '\u{66b}' | '.')
}

fn pre_number(c: char) -> bool {
    (cat(c) == Cat::Sc && c != '\u{a2}') || matches!(c, '#' | '.')
}

fn post_number(c: char) -> bool {
    matches!(c, '%' | '&' | '\u{a2}' | '\u{66a}' | '\u{2030}' | '\u{2031}')
}

fn word_space(c: char) -> bool {
    c == '\t' || cat(c) == Cat::Zs
}

fn line_separator(c: char) -> bool {
    matches!(c, '\n' | '\u{c}' | '\u{2028}' | '\u{2029}')
}

fn word_breaks(chars: &[char]) -> Vec<usize> {
    breaks(chars, word_ignored, word_end)
}

/// One `<let>` or `<dgt>` (the base and its enclosing marks) at `i`, if `base` holds.
fn unit(chars: &[char], i: usize, base: fn(char) -> bool) -> Option<usize> {
    chars.get(i).filter(|&&c| base(c)).map(|_| skip(chars, i + 1, enclosing))
}

/// A run of `base` units joined by single `mid` characters, from `i` (which holds one).
fn joined(chars: &[char], i: usize, base: fn(char) -> bool, mid: fn(char) -> bool) -> usize {
    let mut end = i;
    while let Some(next) = unit(chars, end, base) {
        end = next;
    }
    while chars.get(end).is_some_and(|&c| mid(c)) {
        let Some(mut next) = unit(chars, end + 1, base) else { break };
        while let Some(more) = unit(chars, next, base) {
            next = more;
        }
        end = next;
    }
    end
}

/// Words and numbers alternating from `i`, a number optionally ending in `<post-num>`.
fn words_and_numbers(chars: &[char], mut i: usize) -> usize {
    loop {
        if unit(chars, i, word_letter).is_some() {
            i = joined(chars, i, word_letter, mid_word);
            if chars.get(i).is_some_and(|&c| danda(c)) {
                i += 1;
            }
            if unit(chars, i, is_number).is_none() {
                return i;
            }
        } else {
            i = joined(chars, i, is_number, mid_number);
            if unit(chars, i, word_letter).is_some() {
                continue;
            }
            if chars.get(i).is_some_and(|&c| post_number(c)) {
                i += 1;
            }
            return i;
        }
    }
}

/// Where the piece starting at `i` ends.
fn word_end(chars: &[char], i: usize) -> usize {
    let c = chars[i];
    if word_letter(c) || is_number(c) {
        return words_and_numbers(chars, i);
    }
    if pre_number(c) && unit(chars, i + 1, is_number).is_some() {
        return words_and_numbers(chars, i + 1);
    }
    if word_space(c) || c == '\r' || line_separator(c) {
        let mut j = skip(chars, i, |c| word_space(c) || enclosing(c));
        if chars.get(j) == Some(&'\r') {
            j += 1;
        }
        if chars.get(j).is_some_and(|&c| line_separator(c)) {
            j += 1;
        }
        return j;
    }
    if katakana(c) || hiragana(c) || cjk_diacritic(c) {
        let kata = if hiragana(c) { i } else { skip(chars, i, |c| katakana(c) || cjk_diacritic(c)) };
        let hira = if katakana(c) { i } else { skip(chars, i, |c| hiragana(c) || cjk_diacritic(c)) };
        return kata.max(hira);
    }
    if kanji(c) {
        return skip(chars, i, kanji);
    }
    // Anything else is a piece of its own, with the enclosing marks after it.
    if matches!(cat(c), Cat::Cf) || c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
        return i + 1;
    }
    skip(chars, i + 1, enclosing)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Vec<Vec<&'static str>> {
        sentences(text).into_iter().map(|ws| ws.into_iter().map(|w| &*Box::leak(w.into_boxed_str())).collect()).collect()
    }

    #[test]
    fn sentences_and_words() {
        assert_eq!(s("Hi there! Good morning."), vec![vec!["Hi", "there"], vec!["Good", "morning"]]);
        assert_eq!(s("e.g. this is it. Next"), vec![vec!["e.g", "this", "is", "it"], vec!["Next"]]);
        assert_eq!(s("Pi is 3.14 today"), vec![vec!["Pi", "is", "3.14", "today"]]);
        assert_eq!(s("Don't stop-me 50% $5 abc123def"), vec![vec!["Don't", "stop-me", "50%", "abc123def"]]);
        assert_eq!(s(""), Vec::<Vec<&str>>::new());
        assert_eq!(s("   "), vec![Vec::<&str>::new()]);
        assert_eq!(s("He said \"Stop.\" Then"), vec![vec!["He", "said", "Stop"], vec!["Then"]]);
    }

    #[test]
    fn categories() {
        assert_eq!(cat('a'), Cat::Ll);
        assert_eq!(cat('A'), Cat::Lu);
        assert_eq!(cat('-'), Cat::Pd);
        assert_eq!(cat('$'), Cat::Sc);
        assert_eq!(cat('\u{200b}'), Cat::Cf);
        assert!(!java_letter_or_digit('😀'));
    }
}
