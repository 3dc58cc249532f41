//! Bytes and text as Spark converts them: `base64` is Java's MIME encoder (lines of
//! 76 characters joined by CRLF), `unbase64` its lenient MIME decoder, `to_binary`
//! checks base64 first; `hex`/`unhex`; `encode`/`decode` in the charsets Spark
//! allows, failing on malformed or unmappable input as Spark 4 does.

use base64::alphabet::STANDARD;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;

/// Java's decoder ignores the unused low bits of a last partial group.
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &STANDARD,
    GeneralPurposeConfig::new().with_decode_allow_trailing_bits(true).with_decode_padding_mode(DecodePaddingMode::RequireNone),
);

/// `base64(bytes)`: standard alphabet with padding, a CRLF after every 76 characters.
pub fn base64_mime(bytes: &[u8]) -> String {
    let plain = base64::engine::general_purpose::STANDARD.encode(bytes);
    if plain.len() <= 76 {
        return plain;
    }
    let mut out = String::with_capacity(plain.len() + plain.len() / 38);
    for (i, chunk) in plain.as_bytes().chunks(76).enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
    }
    out
}

fn is_base64_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'+' || c == b'/'
}

/// Java's MIME decoder: characters outside the alphabet are skipped, `=` ends the
/// data. Err with Java's message where it throws (a dangling character, a wrong
/// number of `=`, data after the padding).
pub fn unbase64_mime(text: &str) -> Result<Vec<u8>, &'static str> {
    let bytes = text.as_bytes();
    let mut data = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        if b == b'=' {
            let pad_needed = match data.len() % 4 {
                2 => 2,
                3 => 1,
                _ => return Err("Input byte array has wrong 4-byte ending unit"),
            };
            if pad_needed == 2 {
                // The second '=' must follow, ignoring nothing in between.
                if bytes.get(i) != Some(&b'=') {
                    return Err("Input byte array has wrong 4-byte ending unit");
                }
                i += 1;
            }
            if bytes[i..].iter().any(|b| is_base64_char(*b)) {
                return Err("Input byte array has incorrect ending byte");
            }
            break;
        }
        if is_base64_char(b) {
            data.push(b);
        }
    }
    if data.len() % 4 == 1 {
        return Err("Last unit does not have enough valid bits");
    }
    LENIENT.decode(&data).map_err(|_| "Input byte array has wrong 4-byte ending unit")
}

/// Spark's check before `to_binary(s, 'base64')`: spaces are allowed, nothing else
/// outside the alphabet; padding, when present, completes the last group.
pub fn is_valid_base64(text: &str) -> bool {
    let body: Vec<u8> = text.bytes().filter(|b| *b != b' ').collect();
    let pad = body.iter().rev().take_while(|b| **b == b'=').count();
    let data = &body[..body.len() - pad];
    if !data.iter().all(|b| is_base64_char(*b)) || pad > 2 {
        return false;
    }
    if pad == 0 {
        data.len() % 4 != 1
    } else {
        (data.len() + pad).is_multiple_of(4)
    }
}

/// `hex` of bytes, upper case.
pub fn hex_upper(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

/// `hex` of a BIGINT: its two's complement digits without leading zeros.
pub fn hex_long(n: i64) -> String {
    format!("{:X}", n as u64)
}

/// `unhex(s)`: pairs of hex digits, an odd first digit alone; None when not hex.
pub fn unhex(text: &str) -> Option<Vec<u8>> {
    let digits: Vec<u8> = text.bytes().map(|b| (b as char).to_digit(16).map(|d| d as u8)).collect::<Option<_>>()?;
    let mut out = Vec::with_capacity(digits.len().div_ceil(2));
    let mut rest = &digits[..];
    if digits.len() % 2 == 1 {
        out.push(digits[0]);
        rest = &digits[1..];
    }
    out.extend(rest.chunks(2).map(|p| p[0] << 4 | p[1]));
    Some(out)
}

/// The charsets `encode`/`decode` accept (Spark 4 without legacy charsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    UsAscii,
    Latin1,
    Utf8,
    Utf16Be,
    Utf16Le,
    Utf16,
    Utf32,
}

impl Charset {
    pub fn parse(name: &str) -> Option<Charset> {
        Some(match name.to_ascii_uppercase().as_str() {
            "US-ASCII" => Charset::UsAscii,
            "ISO-8859-1" => Charset::Latin1,
            "UTF-8" => Charset::Utf8,
            "UTF-16BE" => Charset::Utf16Be,
            "UTF-16LE" => Charset::Utf16Le,
            "UTF-16" => Charset::Utf16,
            "UTF-32" => Charset::Utf32,
            _ => return None,
        })
    }
}

/// `encode(s, charset)`; None when a character has no encoding there.
pub fn encode(text: &str, charset: Charset) -> Option<Vec<u8>> {
    Some(match charset {
        Charset::Utf8 => text.as_bytes().to_vec(),
        Charset::UsAscii => text.chars().map(|c| u8::try_from(c as u32).ok().filter(|b| *b < 0x80)).collect::<Option<_>>()?,
        Charset::Latin1 => text.chars().map(|c| u8::try_from(c as u32).ok()).collect::<Option<_>>()?,
        Charset::Utf16Be => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        Charset::Utf16Le => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        // Java writes a byte-order mark, then big-endian; nothing for "".
        Charset::Utf16 if text.is_empty() => Vec::new(),
        Charset::Utf16 => [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect(),
        Charset::Utf32 => text.chars().flat_map(|c| (c as u32).to_be_bytes()).collect(),
    })
}

/// `decode(bytes, charset)`; None for malformed input.
pub fn decode(bytes: &[u8], charset: Charset) -> Option<String> {
    match charset {
        Charset::Utf8 => std::str::from_utf8(bytes).ok().map(str::to_string),
        Charset::UsAscii => bytes.iter().map(|b| (*b < 0x80).then_some(*b as char)).collect(),
        Charset::Latin1 => Some(bytes.iter().map(|b| *b as char).collect()),
        Charset::Utf16Be => utf16(bytes, true),
        Charset::Utf16Le => utf16(bytes, false),
        Charset::Utf16 => match bytes {
            [0xFE, 0xFF, rest @ ..] => utf16(rest, true),
            [0xFF, 0xFE, rest @ ..] => utf16(rest, false),
            _ => utf16(bytes, true),
        },
        Charset::Utf32 => {
            let body = match bytes {
                [0x00, 0x00, 0xFE, 0xFF, rest @ ..] => rest,
                _ => bytes,
            };
            if body.len() % 4 != 0 {
                return None;
            }
            body.chunks(4).map(|q| char::from_u32(u32::from_be_bytes([q[0], q[1], q[2], q[3]]))).collect()
        }
    }
}

fn utf16(bytes: &[u8], big_endian: bool) -> Option<String> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.chunks(2).map(|p| if big_endian { u16::from_be_bytes([p[0], p[1]]) } else { u16::from_le_bytes([p[0], p[1]]) });
    char::decode_utf16(units).collect::<Result<String, _>>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_java_mime() {
        assert_eq!(base64_mime(b"Spark"), "U3Bhcms=");
        let long = base64_mime(&[b'x'; 100]);
        assert_eq!(long.len(), 138);
        assert_eq!(&long[76..78], "\r\n");
        assert_eq!(unbase64_mime("U3Bh cms=\r\n").unwrap(), b"Spark");
        assert_eq!(unbase64_mime("U3Bhcms").unwrap(), b"Spark");
        assert_eq!(unbase64_mime("@@@").unwrap(), b"");
        assert_eq!(unbase64_mime("Y!Q").unwrap(), b"a");
        assert_eq!(unbase64_mime("537061726B").unwrap(), [0xE7, 0x7E, 0xF4, 0xEB, 0x5E, 0xF6, 0xE8]);
        assert!(unbase64_mime("Y").is_err());
        assert!(unbase64_mime("YQ=").is_err());
        assert!(is_valid_base64("U3Bhcms"));
        assert!(is_valid_base64("YQ=="));
        assert!(!is_valid_base64("YQ="));
        assert!(!is_valid_base64("Y"));
        assert!(!is_valid_base64("U3Bhcms=\n"));
    }

    #[test]
    fn hex_both_ways() {
        assert_eq!(hex_long(-1), "FFFFFFFFFFFFFFFF");
        assert_eq!(hex_long(255), "FF");
        assert_eq!(hex_upper(b"\x00\xff"), "00FF");
        assert_eq!(unhex("ABC").unwrap(), [0x0A, 0xBC]);
        assert!(unhex("GG").is_none());
        assert_eq!(unhex("").unwrap(), b"");
    }

    #[test]
    fn charsets() {
        assert_eq!(encode("é€", Charset::Utf16).unwrap(), [0xFE, 0xFF, 0x00, 0xE9, 0x20, 0xAC]);
        assert_eq!(encode("😀", Charset::Utf32).unwrap(), [0x00, 0x01, 0xF6, 0x00]);
        assert!(encode("€", Charset::Latin1).is_none());
        assert_eq!(decode(&[0xFF, 0xFE, b'A', 0], Charset::Utf16).unwrap(), "A");
        assert!(decode(&[0, b'A', 0], Charset::Utf16Be).is_none());
        assert!(decode(&[0xC3, 0x28], Charset::Utf8).is_none());
        assert_eq!(decode(&[0xC3, 0xA9], Charset::Latin1).unwrap(), "Ã©");
    }
}
