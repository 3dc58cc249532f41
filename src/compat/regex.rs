//! Java regular expressions on Rust's `regex` engine. Most syntax is shared; what
//! Rust cannot match (look-around, back-references, possessive quantifiers) is
//! refused with a clear error instead of matching differently.

use crate::error::{Error, ErrorKind, Result};

pub fn java_to_rust(pattern: &str) -> Result<String> {
    let unsupported = [("(?=", "look-ahead"), ("(?!", "negative look-ahead"), ("(?<=", "look-behind"), ("(?<!", "negative look-behind"), ("*+", "possessive quantifiers"), ("++", "possessive quantifiers"), ("?+", "possessive quantifiers")];
    for (token, what) in unsupported {
        if pattern.contains(token) {
            return Err(Error::new(
                ErrorKind::Unsupported,
                "UNSUPPORTED_FEATURE.REGEX",
                format!("The Java regex feature {what} in '{pattern}' is not supported by PyRust's regex engine."),
            ));
        }
    }
    let bytes = pattern.as_bytes();
    for i in 0..bytes.len().saturating_sub(1) {
        if bytes[i] == b'\\' && bytes[i + 1].is_ascii_digit() && bytes[i + 1] != b'0' && (i == 0 || bytes[i - 1] != b'\\') {
            return Err(Error::new(
                ErrorKind::Unsupported,
                "UNSUPPORTED_FEATURE.REGEX",
                format!("Back-references in '{pattern}' are not supported by PyRust's regex engine."),
            ));
        }
    }
    Ok(pattern.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_rust_cannot_match() {
        assert!(java_to_rust("a(?=b)").is_err());
        assert!(java_to_rust("(a)\\1").is_err());
        assert_eq!(java_to_rust("^a.*\\d+$").unwrap(), "^a.*\\d+$");
    }
}
