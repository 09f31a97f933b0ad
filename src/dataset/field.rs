//! A field that never makes deserialisation fail.
//!
//! Serde stops at the first wrong type or missing field. A dataset edited by
//! hand can have dozens of such mistakes, and the user wants to see all of
//! them at once. So every field of the raw types is a [`Field`]: it records
//! what it found (a value, nothing, or a value of the wrong kind) and lets the
//! checker report each mistake with its path afterwards.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, IntoDeserializer as _, MapAccess, SeqAccess};

use super::kinds::{Expected, Found, JsonNumber};

/// The JSON kind a type expects, so a mismatch can be skipped without
/// losing the parser's place in the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A string, number, boolean or null.
    Scalar,
    /// A JSON object.
    Object,
    /// A JSON array.
    Array,
}

/// What a type accepts, for lenient deserialisation and for messages.
pub trait Shape {
    /// The JSON kind this type is read from.
    const KIND: Kind;

    /// What was expected, for messages ("a number", "one of `a`, `b`").
    fn expected() -> Expected;
}

/// A field as found in the input.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Field<T> {
    /// The field was absent or null.
    #[default]
    Missing,
    /// The field held a value of the wrong kind; this describes it (boxed,
    /// so that the usual case stays small).
    Wrong(Box<Found>),
    /// The field held a usable value.
    Ok(T),
}

impl<T> Field<T> {
    /// The value, if it was usable.
    pub fn ok(&self) -> Option<&T> {
        match self {
            Self::Ok(value) => Some(value),
            Self::Missing | Self::Wrong(_) => None,
        }
    }

    /// Converts a usable value, keeping what was found otherwise.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Field<U> {
        match self {
            Self::Ok(value) => Field::Ok(f(value)),
            Self::Missing => Field::Missing,
            Self::Wrong(found) => Field::Wrong(found),
        }
    }

    /// The value, taken out, if it was usable.
    pub fn into_ok(self) -> Option<T> {
        match self {
            Self::Ok(value) => Some(value),
            Self::Missing | Self::Wrong(_) => None,
        }
    }
}

impl<'de, T> Deserialize<'de> for Field<T>
where
    T: Deserialize<'de> + Shape,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // `deserialize_option` is what lets a derived struct treat an absent
        // field as `None` rather than failing with "missing field".
        deserializer.deserialize_option(OptionVisitor(PhantomData))
    }
}

struct OptionVisitor<T>(PhantomData<T>);

impl<'de, T> de::Visitor<'de> for OptionVisitor<T>
where
    T: Deserialize<'de> + Shape,
{
    type Value = Field<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}", T::expected())
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Field::Missing)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Field::Missing)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(AnyVisitor(PhantomData))
    }
}

struct AnyVisitor<T>(PhantomData<T>);

impl<'de, T> AnyVisitor<T>
where
    T: Deserialize<'de> + Shape,
{
    /// Reads a scalar into `T`; a mismatch becomes `Wrong`, never an error.
    fn scalar<D>(deserializer: D, found: impl FnOnce() -> Found) -> Field<T>
    where
        D: Deserializer<'de, Error = de::value::Error>,
    {
        if T::KIND != Kind::Scalar {
            return Field::Wrong(Box::new(found()));
        }
        match T::deserialize(deserializer) {
            Ok(value) => Field::Ok(value),
            Err(_) => Field::Wrong(Box::new(found())),
        }
    }
}

/// Shortens a string for a message, on a character boundary.
fn preview(text: &str) -> Found {
    Found::String(super::abbreviate(text, 40, "..."))
}

impl<'de, T> de::Visitor<'de> for AnyVisitor<T>
where
    T: Deserialize<'de> + Shape,
{
    type Value = Field<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}", T::expected())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Field::Missing)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Self::scalar(v.into_deserializer(), || Found::Bool(v)))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Self::scalar(v.into_deserializer(), || {
            Found::Number(JsonNumber::Int(v))
        }))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Self::scalar(v.into_deserializer(), || {
            Found::Number(JsonNumber::Uint(v))
        }))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Self::scalar(v.into_deserializer(), || {
            Found::Number(JsonNumber::Float(v))
        }))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Self::scalar(v.into_deserializer(), || preview(v)))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        if T::KIND != Kind::Scalar {
            return Ok(Field::Wrong(Box::new(preview(&v))));
        }
        let found = preview(&v);
        Ok(Self::scalar(v.into_deserializer(), || found))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        if T::KIND == Kind::Object {
            return T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Field::Ok);
        }
        // Skip the object so the parser stays in step. It is read as values
        // rather than `IgnoredAny` so its keys are not reported as unknown
        // fields on top of the wrong type.
        while map
            .next_entry::<de::IgnoredAny, serde_json::Value>()?
            .is_some()
        {}
        Ok(Field::Wrong(Box::new(Found::Object)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        if T::KIND == Kind::Array {
            return T::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Field::Ok);
        }
        while seq.next_element::<serde_json::Value>()?.is_some() {}
        Ok(Field::Wrong(Box::new(Found::Array)))
    }
}

impl<T: schemars::JsonSchema> schemars::JsonSchema for Field<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }

    fn inline_schema() -> bool {
        T::inline_schema()
    }
}

impl Shape for String {
    const KIND: Kind = Kind::Scalar;
    fn expected() -> Expected {
        Expected::String
    }
}

impl Shape for smol_str::SmolStr {
    const KIND: Kind = Kind::Scalar;
    fn expected() -> Expected {
        Expected::String
    }
}

impl Shape for f64 {
    const KIND: Kind = Kind::Scalar;
    fn expected() -> Expected {
        Expected::Number
    }
}

impl Shape for i64 {
    const KIND: Kind = Kind::Scalar;
    fn expected() -> Expected {
        Expected::WholeNumber
    }
}

impl Shape for bool {
    const KIND: Kind = Kind::Scalar;
    fn expected() -> Expected {
        Expected::Bool
    }
}

impl<T> Shape for Vec<T> {
    const KIND: Kind = Kind::Array;
    fn expected() -> Expected {
        Expected::Array
    }
}

/// Declares that raw structs are read from JSON objects.
macro_rules! object_shape {
    ($($ty:ty),* $(,)?) => {
        $(impl $crate::dataset::field::Shape for $ty {
            const KIND: $crate::dataset::field::Kind = $crate::dataset::field::Kind::Object;
            fn expected() -> $crate::dataset::Expected {
                $crate::dataset::Expected::Object
            }
        })*
    };
}
pub(crate) use object_shape;

#[cfg(test)]
mod tests {
    use super::*;

    fn wrong<T>(found: Found) -> Field<T> {
        Field::Wrong(Box::new(found))
    }

    #[derive(serde::Deserialize, Debug)]
    struct Probe {
        a: Field<f64>,
        b: Field<String>,
        c: Field<Vec<Field<i64>>>,
        d: Option<Field<bool>>,
    }

    #[test]
    fn records_missing_wrong_and_ok_without_failing() {
        let probe: Probe = serde_json::from_str(r#"{"a": "x", "c": [1, 2.5, {"k": 1}]}"#)
            .expect("lenient fields never fail on types");
        assert_eq!(probe.a, wrong(Found::String("x".to_owned())));
        assert_eq!(probe.b, Field::Missing);
        assert_eq!(
            probe.c,
            Field::Ok(vec![
                Field::Ok(1),
                wrong(Found::Number(JsonNumber::Float(2.5))),
                wrong(Found::Object),
            ])
        );
        // As the messages say what was found.
        assert_eq!(
            Found::String("x".to_owned()).to_string(),
            "the string \"x\""
        );
        assert_eq!(
            Found::Number(JsonNumber::Float(2.5)).to_string(),
            "the number 2.5"
        );
        assert_eq!(Found::Object.to_string(), "an object");
        assert!(probe.d.is_none());
    }

    #[test]
    fn an_object_where_an_array_belongs_is_skipped_and_parsing_goes_on() {
        let probe: Probe =
            serde_json::from_str(r#"{"c": {"x": [1, {"y": 2}]}, "a": 3, "b": "ok", "d": null}"#)
                .expect("lenient fields never fail on types");
        assert_eq!(probe.c, Field::Wrong(Box::new(Found::Object)));
        assert_eq!(probe.a, Field::Ok(3.0));
        assert_eq!(probe.b, Field::Ok("ok".to_owned()));
        assert!(probe.d.is_none());
    }
}
