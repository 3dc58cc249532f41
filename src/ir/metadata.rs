//! Column metadata (`StructField.metadata`) in Spark's JSON schema text: read from a
//! schema PySpark sends (`createDataFrame`), checked when set (`withMetadata`,
//! `alias(metadata=...)`) and written into the schema `df.schema` reads.

use super::expr::{Attribute, Metadata};
use crate::error::{Error, ErrorKind, Result};
use serde_json::{Map, Value as Json};
use std::sync::Arc;

/// Metadata from the JSON text of an object; `{}` is no metadata.
pub fn parse(text: &str) -> Result<Metadata> {
    match serde_json::from_str::<Json>(text) {
        Ok(Json::Object(map)) if map.is_empty() => Ok(None),
        Ok(Json::Object(_)) => Ok(Some(Arc::from(text))),
        _ => Err(Error::plain(ErrorKind::ValueError, format!("column metadata must be a JSON object, got {text}"))),
    }
}

pub fn to_json(metadata: &Metadata) -> Json {
    let object = metadata.as_deref().and_then(|text| serde_json::from_str::<Json>(text).ok());
    object.unwrap_or_else(|| Json::Object(Map::new()))
}

/// The schema of a plan's output as Spark's JSON, each field with its metadata.
pub fn schema_json(output: &[Attribute]) -> Json {
    let fields: Vec<Json> = output
        .iter()
        .map(|a| {
            let mut field = Map::new();
            field.insert("name".into(), Json::String(a.name.clone()));
            field.insert("type".into(), a.data_type.to_json());
            field.insert("nullable".into(), Json::Bool(a.nullable));
            field.insert("metadata".into(), to_json(&a.metadata));
            Json::Object(field)
        })
        .collect();
    serde_json::json!({"type": "struct", "fields": fields})
}

/// The metadata of each top-level field of a struct schema in Spark's JSON
/// (`None` where a field has none or the text is not a struct).
pub fn field_metadata(schema_json: &str) -> Vec<Metadata> {
    let Ok(Json::Object(schema)) = serde_json::from_str::<Json>(schema_json) else { return vec![] };
    let Some(Json::Array(fields)) = schema.get("fields") else { return vec![] };
    fields
        .iter()
        .map(|f| from_json(f.get("metadata")))
        .collect()
}

/// A field's `metadata` member of Spark's JSON schema (`None` when absent or empty).
pub fn from_json(value: Option<&Json>) -> Metadata {
    match value {
        Some(Json::Object(m)) if !m.is_empty() => Some(Arc::from(Json::Object(m.clone()).to_string())),
        _ => None,
    }
}

/// Sets the metadata of attributes from a schema's fields, in order.
pub fn apply(output: &mut [Attribute], metadata: Vec<Metadata>) {
    for (a, m) in output.iter_mut().zip(metadata) {
        if m.is_some() {
            a.metadata = m;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::DataType;

    fn attr(metadata: Metadata) -> Attribute {
        Attribute { id: 1, name: "x".into(), data_type: DataType::Integer, nullable: true, qualifier: None, metadata }
    }

    #[test]
    fn empty_object_is_no_metadata_and_other_json_is_refused() {
        assert_eq!(parse("{}").ok(), Some(None));
        assert!(parse("[1]").is_err());
        assert!(parse("3").is_err());
        assert_eq!(parse(r#"{"k": 1}"#).ok().flatten().as_deref(), Some(r#"{"k": 1}"#));
    }

    #[test]
    fn schema_json_carries_metadata_and_reads_back() {
        let json = schema_json(&[attr(Some(Arc::from(r#"{"b":[1,2],"a":"v"}"#))), attr(None)]).to_string();
        assert_eq!(
            json,
            r#"{"fields":[{"metadata":{"a":"v","b":[1,2]},"name":"x","nullable":true,"type":"integer"},{"metadata":{},"name":"x","nullable":true,"type":"integer"}],"type":"struct"}"#
        );
        let back = field_metadata(&json);
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].as_deref(), Some(r#"{"a":"v","b":[1,2]}"#));
        assert_eq!(back[1], None);
    }
}
