//! The one place that turns records into bytes and back. Every stored value starts with a
//! format-version byte so the encoding can change later: a new version gets its own arm in
//! `decode`, and old values keep reading.
//!
//! bincode is used here and nowhere else.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::RecordRef;

/// The version written today.
pub const FORMAT_VERSION: u8 = 1;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodecError {
    #[error("{record} is empty")]
    Empty { record: RecordRef },
    #[error("{record} has format version {version}, this xfdesk reads up to {FORMAT_VERSION}")]
    UnknownVersion { record: RecordRef, version: u8 },
    #[error("{record} is damaged: {reason}")]
    Damaged { record: RecordRef, reason: String },
    #[error("{record} could not be encoded: {reason}")]
    Encode { record: RecordRef, reason: String },
}

fn config() -> bincode::config::Configuration {
    bincode::config::standard()
}

pub fn encode<T: Serialize>(value: &T, record: RecordRef) -> Result<Vec<u8>, CodecError> {
    let mut out = vec![FORMAT_VERSION];
    bincode::serde::encode_into_std_write(value, &mut out, config()).map_err(|e| {
        CodecError::Encode {
            record,
            reason: e.to_string(),
        }
    })?;
    Ok(out)
}

pub fn decode<T: DeserializeOwned>(bytes: &[u8], record: RecordRef) -> Result<T, CodecError> {
    let (&version, body) = bytes.split_first().ok_or(CodecError::Empty { record })?;
    match version {
        1 => {
            let (value, used) = bincode::serde::decode_from_slice(body, config()).map_err(|e| {
                CodecError::Damaged {
                    record,
                    reason: e.to_string(),
                }
            })?;
            if used != body.len() {
                return Err(CodecError::Damaged {
                    record,
                    reason: format!("{} bytes left over", body.len() - used),
                });
            }
            Ok(value)
        }
        version => Err(CodecError::UnknownVersion { record, version }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        name: String,
        count: u32,
    }

    const REC: RecordRef = RecordRef::Visit(7);

    #[test]
    fn round_trip_starts_with_the_version() {
        let s = Sample {
            name: "张三".into(),
            count: 3,
        };
        let bytes = encode(&s, REC).unwrap();
        assert_eq!(bytes[0], FORMAT_VERSION);
        assert_eq!(decode::<Sample>(&bytes, REC).unwrap(), s);
    }

    #[test]
    fn damage_is_an_error_naming_the_record_never_a_panic() {
        let bytes = encode(
            &Sample {
                name: "张三".into(),
                count: 3,
            },
            REC,
        )
        .unwrap();
        assert_eq!(
            decode::<Sample>(&[], REC),
            Err(CodecError::Empty { record: REC })
        );
        assert_eq!(
            decode::<Sample>(&[9, 1, 2], REC),
            Err(CodecError::UnknownVersion {
                record: REC,
                version: 9
            })
        );
        let err = decode::<Sample>(&bytes[..bytes.len() - 2], REC).unwrap_err();
        assert!(
            matches!(err, CodecError::Damaged { record: REC, .. }),
            "{err:?}"
        );
        assert!(err.to_string().contains("visit #7"));
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(matches!(
            decode::<Sample>(&longer, REC),
            Err(CodecError::Damaged { .. })
        ));
    }
}
