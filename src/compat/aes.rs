//! Spark's `aes_encrypt`/`aes_decrypt` (`ExpressionImplUtils.aesInternal`): AES with
//! a 16-, 24- or 32-byte key in GCM (12-byte IV first, 16-byte tag last; the default),
//! CBC (16-byte IV first, PKCS#7 padding) or ECB (PKCS#7 padding, no IV) mode. An IV
//! not given is drawn from the operating system's random source.

use aes::cipher::block_padding::Pkcs7;
use aes::cipher::{BlockDecryptMut, BlockEncryptMut, KeyInit, KeyIvInit};
use aes_gcm::aead::{Aead, Payload};

/// Why Spark refuses an AES call: each maps to a Spark error class.
#[derive(Debug, PartialEq)]
pub enum AesError {
    KeyLength(usize),
    Mode(String, String),
    ModeIv(String),
    IvLength(usize, String),
    ModeAad(String),
    Crypto(String),
}

impl AesError {
    pub fn class(&self) -> &'static str {
        match self {
            AesError::KeyLength(_) => "INVALID_PARAMETER_VALUE.AES_KEY_LENGTH",
            AesError::Mode(..) => "UNSUPPORTED_FEATURE.AES_MODE",
            AesError::ModeIv(_) => "UNSUPPORTED_FEATURE.AES_MODE_IV",
            AesError::IvLength(..) => "INVALID_PARAMETER_VALUE.AES_IV_LENGTH",
            AesError::ModeAad(_) => "UNSUPPORTED_FEATURE.AES_MODE_AAD",
            AesError::Crypto(_) => "INVALID_PARAMETER_VALUE.AES_CRYPTO_ERROR",
        }
    }

    pub fn message(&self, function: &str) -> String {
        let text = match self {
            AesError::KeyLength(n) => format!("The value of parameter(s) `key` in `aes_encrypt`/`aes_decrypt` is invalid: expects a binary value with 16, 24 or 32 bytes, but got {n} bytes."),
            AesError::Mode(m, p) => format!("The feature is not supported: AES-{m} with the padding {p} by the `aes_encrypt`/`aes_decrypt` function."),
            AesError::ModeIv(m) => format!("The feature is not supported: `{function}` with AES-{m} does not support initialization vectors (IVs)."),
            AesError::IvLength(n, m) => format!("The value of parameter(s) `iv` in `aes_encrypt`/`aes_decrypt` is invalid: supports 16-byte CBC IVs and 12-byte GCM IVs, but got {n} bytes for {m}."),
            AesError::ModeAad(m) => format!("The feature is not supported: `{function}` with AES-{m} does not support additional authenticate data (AAD)."),
            AesError::Crypto(d) => format!("The value of parameter(s) `expr`, `key` in `aes_encrypt`/`aes_decrypt` is invalid: detail message: {d}"),
        };
        let state = if matches!(self, AesError::Mode(..) | AesError::ModeIv(_) | AesError::ModeAad(_)) { "0A000" } else { "22023" };
        format!("{text} SQLSTATE: {state}")
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Gcm,
    Cbc,
    Ecb,
}

/// The mode, given Spark's supported (mode, padding) pairs; DEFAULT padding is the mode's own.
fn mode(mode: &str, padding: &str) -> Result<Mode, AesError> {
    let (m, p) = (mode.to_ascii_uppercase(), padding.to_ascii_uppercase());
    match (m.as_str(), p.as_str()) {
        ("GCM", "NONE" | "DEFAULT") => Ok(Mode::Gcm),
        ("CBC", "PKCS" | "DEFAULT") => Ok(Mode::Cbc),
        ("ECB", "PKCS" | "DEFAULT") => Ok(Mode::Ecb),
        _ => Err(AesError::Mode(m, p)),
    }
}

fn check_key(key: &[u8]) -> Result<(), AesError> {
    match key.len() {
        16 | 24 | 32 => Ok(()),
        n => Err(AesError::KeyLength(n)),
    }
}

/// Bytes from the operating system's random source.
fn random_bytes(n: usize) -> Vec<u8> {
    use std::io::Read;
    let mut out = vec![0u8; n];
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        if f.read_exact(&mut out).is_ok() {
            return out;
        }
    }
    // No OS source: fall back to a per-process random hasher (never reached on Linux).
    let mut rng = super::random::XorShiftRandom::new(super::random::fresh_seed());
    out.iter_mut().for_each(|b| *b = rng.next_int() as u8);
    out
}

macro_rules! with_aes {
    ($key:expr, $cipher:ident => $body:expr) => {
        match $key.len() {
            16 => {
                type $cipher = aes::Aes128;
                $body
            }
            24 => {
                type $cipher = aes::Aes192;
                $body
            }
            _ => {
                type $cipher = aes::Aes256;
                $body
            }
        }
    };
}

fn crypto<E: std::fmt::Display>(e: E) -> AesError {
    AesError::Crypto(e.to_string())
}

pub fn encrypt(input: &[u8], key: &[u8], mode_name: &str, padding: &str, iv: &[u8], aad: &[u8]) -> Result<Vec<u8>, AesError> {
    check_key(key)?;
    let m = mode(mode_name, padding)?;
    let upper = mode_name.to_ascii_uppercase();
    match m {
        Mode::Ecb => {
            if !iv.is_empty() {
                return Err(AesError::ModeIv(upper));
            }
            if !aad.is_empty() {
                return Err(AesError::ModeAad(upper));
            }
            Ok(with_aes!(key, C => ecb::Encryptor::<C>::new_from_slice(key).map_err(crypto)?.encrypt_padded_vec_mut::<Pkcs7>(input)))
        }
        Mode::Cbc => {
            if !aad.is_empty() {
                return Err(AesError::ModeAad(upper));
            }
            let iv = match iv.len() {
                0 => random_bytes(16),
                16 => iv.to_vec(),
                n => return Err(AesError::IvLength(n, upper)),
            };
            let body = with_aes!(key, C => cbc::Encryptor::<C>::new_from_slices(key, &iv).map_err(crypto)?.encrypt_padded_vec_mut::<Pkcs7>(input));
            Ok([iv, body].concat())
        }
        Mode::Gcm => {
            let iv = match iv.len() {
                0 => random_bytes(12),
                12 => iv.to_vec(),
                n => return Err(AesError::IvLength(n, upper)),
            };
            let nonce = aes_gcm::Nonce::from_slice(&iv);
            let payload = Payload { msg: input, aad };
            let body = with_aes!(key, C => aes_gcm::AesGcm::<C, aes_gcm::aead::consts::U12>::new_from_slice(key)
                .map_err(crypto)?
                .encrypt(nonce, payload)
                .map_err(|_| AesError::Crypto("encryption failed".into()))?);
            Ok([iv, body].concat())
        }
    }
}

pub fn decrypt(input: &[u8], key: &[u8], mode_name: &str, padding: &str, aad: &[u8]) -> Result<Vec<u8>, AesError> {
    check_key(key)?;
    let m = mode(mode_name, padding)?;
    let upper = mode_name.to_ascii_uppercase();
    match m {
        Mode::Ecb => {
            if !aad.is_empty() {
                return Err(AesError::ModeAad(upper));
            }
            with_aes!(key, C => ecb::Decryptor::<C>::new_from_slice(key)
                .map_err(crypto)?
                .decrypt_padded_vec_mut::<Pkcs7>(input)
                .map_err(|_| AesError::Crypto("Given final block not properly padded. Such issues can arise if a bad key is used during decryption.".into())))
        }
        Mode::Cbc => {
            if !aad.is_empty() {
                return Err(AesError::ModeAad(upper));
            }
            if input.len() < 16 {
                return Err(AesError::Crypto("Input too short".into()));
            }
            let (iv, body) = input.split_at(16);
            with_aes!(key, C => cbc::Decryptor::<C>::new_from_slices(key, iv)
                .map_err(crypto)?
                .decrypt_padded_vec_mut::<Pkcs7>(body)
                .map_err(|_| AesError::Crypto("Given final block not properly padded. Such issues can arise if a bad key is used during decryption.".into())))
        }
        Mode::Gcm => {
            if input.len() < 12 + 16 {
                return Err(AesError::Crypto("Input data too short to contain an expected tag length of 16bytes".into()));
            }
            let (iv, body) = input.split_at(12);
            let nonce = aes_gcm::Nonce::from_slice(iv);
            with_aes!(key, C => aes_gcm::AesGcm::<C, aes_gcm::aead::consts::U12>::new_from_slice(key)
                .map_err(crypto)?
                .decrypt(nonce, Payload { msg: body, aad })
                .map_err(|_| AesError::Crypto("Tag mismatch!".into())))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unbase64(s: &str) -> Vec<u8> {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut bits = 0u32;
        let mut n = 0;
        let mut out = vec![];
        for c in s.bytes().filter(|c| *c != b'=') {
            bits = (bits << 6) | ALPHABET.iter().position(|a| *a == c).unwrap() as u32;
            n += 6;
            if n >= 8 {
                n -= 8;
                out.push((bits >> n) as u8);
            }
        }
        out
    }

    // Ciphertexts recorded from Spark 4.0.1 with fixed IVs.
    #[test]
    fn like_spark() {
        let gcm = encrypt(b"Spark", b"0000111122223333", "GCM", "DEFAULT", &[0; 12], b"This is an AAD mixed into the input").unwrap();
        assert_eq!(gcm, unbase64("AAAAAAAAAAAAAAAARsTvHGpRSH/tPKwYQIYynHLUjIP3"));
        let cbc = encrypt(b"Spark", b"abcdefghijklmnop12345678ABCDEFGH", "CBC", "DEFAULT", &[0; 16], b"").unwrap();
        assert_eq!(cbc, unbase64("AAAAAAAAAAAAAAAAAAAAAPSd4mWyMZ5mhvjiAPQJnfg="));
        assert_eq!(encrypt(b"Spark", b"1234567890abcdef", "ecb", "pkcs", b"", b"").unwrap(), unbase64("jefbeaI/Po7VMJlN3qmJEw=="));
        assert_eq!(decrypt(&unbase64("3lmwu+Mw0H3fi5NDvcu9lg=="), b"1234567890abcdef", "ECB", "PKCS", b"").unwrap(), b"Spark SQL");
    }

    #[test]
    fn round_trips_and_errors() {
        let key = b"1234567890abcdef1234567890abcdef";
        let sealed = encrypt(b"x", key, "GCM", "DEFAULT", b"", b"aad").unwrap();
        assert_eq!(sealed.len(), 12 + 1 + 16);
        assert_eq!(decrypt(&sealed, key, "GCM", "DEFAULT", b"aad").unwrap(), b"x");
        assert_eq!(decrypt(&sealed, key, "GCM", "DEFAULT", b"other").unwrap_err().class(), "INVALID_PARAMETER_VALUE.AES_CRYPTO_ERROR");
        assert_eq!(encrypt(b"x", b"short", "GCM", "DEFAULT", b"", b"").unwrap_err(), AesError::KeyLength(5));
        assert_eq!(encrypt(b"x", key, "GCM", "PKCS", b"", b"").unwrap_err().class(), "UNSUPPORTED_FEATURE.AES_MODE");
        assert_eq!(encrypt(b"x", key, "ECB", "DEFAULT", &[0; 16], b"").unwrap_err().class(), "UNSUPPORTED_FEATURE.AES_MODE_IV");
    }
}
