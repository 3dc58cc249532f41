"""``pyspark.sql.types``: Spark's data types, ``StructType`` schemas and ``Row``."""

import datetime
import decimal
import json
from typing import Any, Dict, Iterator, List, Optional, Tuple, Union

from pyrust.errors import PySparkAttributeError, PySparkTypeError, PySparkValueError

__all__ = [
    "DataType", "NullType", "CharType", "StringType", "VarcharType", "BinaryType", "BooleanType",
    "DateType", "TimestampType", "TimestampNTZType", "DecimalType", "DoubleType", "FloatType",
    "ByteType", "IntegerType", "LongType", "DayTimeIntervalType", "YearMonthIntervalType",
    "CalendarIntervalType", "VariantType", "VariantVal", "Row", "ShortType", "ArrayType", "MapType",
    "StructField", "StructType", "AtomicType", "NumericType", "IntegralType", "FractionalType",
]


class DataType:
    """Base class of Spark data types."""

    def __repr__(self) -> str:
        return self.__class__.__name__ + "()"

    def __hash__(self) -> int:
        return hash(str(self))

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, self.__class__) and self.__dict__ == other.__dict__

    def __ne__(self, other: Any) -> bool:
        return not self.__eq__(other)

    @classmethod
    def typeName(cls) -> str:
        return cls.__name__[: -len("Type")].lower()

    def simpleString(self) -> str:
        return self.typeName()

    def jsonValue(self) -> Union[str, Dict[str, Any]]:
        return self.typeName()

    def json(self) -> str:
        return json.dumps(self.jsonValue(), separators=(",", ":"), sort_keys=True)

    def needConversion(self) -> bool:
        return False

    def toInternal(self, obj: Any) -> Any:
        return obj

    def fromInternal(self, obj: Any) -> Any:
        return obj

    @classmethod
    def fromDDL(cls, ddl: str) -> "DataType":
        from pyrust import _native

        return _parse_datatype_json_value(json.loads(_native.ddl_schema_json(ddl)))


class DataTypeSingleton(type):
    """Metaclass so that each atomic type has one instance."""

    _instances: Dict[type, Any] = {}

    def __call__(cls):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__()
        return cls._instances[cls]


class NullType(DataType, metaclass=DataTypeSingleton):
    @classmethod
    def typeName(cls) -> str:
        return "void"


class AtomicType(DataType):
    pass


class NumericType(AtomicType):
    pass


class IntegralType(NumericType, metaclass=DataTypeSingleton):
    pass


class FractionalType(NumericType):
    pass


class StringType(AtomicType, metaclass=DataTypeSingleton):
    pass


class _SizedStringType(AtomicType):
    """CHAR(n) / VARCHAR(n): strings with a declared length."""

    def __init__(self, length: int):
        self.length = length

    def simpleString(self) -> str:
        return "%s(%d)" % (self.typeName(), self.length)

    def jsonValue(self) -> str:
        return self.simpleString()

    def __repr__(self) -> str:
        return "%s(%d)" % (self.__class__.__name__, self.length)


class CharType(_SizedStringType):
    pass


class VarcharType(_SizedStringType):
    pass


class BinaryType(AtomicType, metaclass=DataTypeSingleton):
    pass


class BooleanType(AtomicType, metaclass=DataTypeSingleton):
    pass


class DateType(AtomicType, metaclass=DataTypeSingleton):
    def needConversion(self) -> bool:
        return True


class TimestampType(AtomicType, metaclass=DataTypeSingleton):
    def needConversion(self) -> bool:
        return True


class TimestampNTZType(AtomicType, metaclass=DataTypeSingleton):
    @classmethod
    def typeName(cls) -> str:
        return "timestamp_ntz"

    def needConversion(self) -> bool:
        return True


class DecimalType(FractionalType):
    def __init__(self, precision: int = 10, scale: int = 0):
        self.precision = precision
        self.scale = scale
        self.hasPrecisionInfo = True

    def simpleString(self) -> str:
        return "decimal(%d,%d)" % (self.precision, self.scale)

    def jsonValue(self) -> str:
        return "decimal(%d,%d)" % (self.precision, self.scale)

    def __repr__(self) -> str:
        return "DecimalType(%d,%d)" % (self.precision, self.scale)


class DoubleType(FractionalType, metaclass=DataTypeSingleton):
    pass


class FloatType(FractionalType, metaclass=DataTypeSingleton):
    pass


class ByteType(IntegralType):
    def simpleString(self) -> str:
        return "tinyint"


class IntegerType(IntegralType):
    def simpleString(self) -> str:
        return "int"


class LongType(IntegralType):
    def simpleString(self) -> str:
        return "bigint"


class ShortType(IntegralType):
    def simpleString(self) -> str:
        return "smallint"


class _IntervalType(AtomicType):
    """ANSI intervals: a range of fields, e.g. ``interval day to second``."""

    _fields: Dict[int, str] = {}

    def __init__(self, startField: int, endField: int):
        self.startField = startField
        self.endField = endField

    def simpleString(self) -> str:
        s, e = self._fields[self.startField], self._fields[self.endField]
        return "interval %s" % s if s == e else "interval %s to %s" % (s, e)

    def jsonValue(self) -> str:
        return self.simpleString()

    def __repr__(self) -> str:
        return "%s(%d, %d)" % (self.__class__.__name__, self.startField, self.endField)


class DayTimeIntervalType(_IntervalType):
    DAY, HOUR, MINUTE, SECOND = 0, 1, 2, 3
    _fields = {DAY: "day", HOUR: "hour", MINUTE: "minute", SECOND: "second"}

    def __init__(self, startField: int = DAY, endField: int = SECOND):
        super().__init__(startField, endField)


class YearMonthIntervalType(_IntervalType):
    YEAR, MONTH = 0, 1
    _fields = {YEAR: "year", MONTH: "month"}

    def __init__(self, startField: int = YEAR, endField: int = MONTH):
        super().__init__(startField, endField)


class CalendarIntervalType(DataType, metaclass=DataTypeSingleton):
    @classmethod
    def typeName(cls) -> str:
        return "interval"


class VariantType(AtomicType, metaclass=DataTypeSingleton):
    pass


class VariantVal:
    """A VARIANT value: Spark's binary encoding (value and metadata bytes)."""

    def __init__(self, value: bytes, metadata: bytes):
        self.value = value
        self.metadata = metadata

    def toPython(self) -> Any:
        from pyrust.errors import not_implemented

        raise not_implemented("VariantVal.toPython")

    def toJson(self, zone_id: str = "UTC") -> str:
        from pyrust.errors import not_implemented

        raise not_implemented("VariantVal.toJson")


# How PySpark's asserts print the DataType class (PyRust stands in for pyspark.sql.types).
_DATATYPE_CLASS = "<class 'pyspark.sql.types.DataType'>"


class ArrayType(DataType):
    def __init__(self, elementType: DataType, containsNull: bool = True):
        if not isinstance(elementType, DataType):
            raise AssertionError("elementType %s should be an instance of %s" % (elementType, _DATATYPE_CLASS))
        self.elementType = elementType
        self.containsNull = containsNull

    def simpleString(self) -> str:
        return "array<%s>" % self.elementType.simpleString()

    def __repr__(self) -> str:
        return "ArrayType(%s, %s)" % (self.elementType, str(self.containsNull))

    def jsonValue(self) -> Dict[str, Any]:
        return {"type": self.typeName(), "elementType": self.elementType.jsonValue(), "containsNull": self.containsNull}


class MapType(DataType):
    def __init__(self, keyType: DataType, valueType: DataType, valueContainsNull: bool = True):
        self.keyType = keyType
        self.valueType = valueType
        self.valueContainsNull = valueContainsNull

    def simpleString(self) -> str:
        return "map<%s,%s>" % (self.keyType.simpleString(), self.valueType.simpleString())

    def __repr__(self) -> str:
        return "MapType(%s, %s, %s)" % (self.keyType, self.valueType, str(self.valueContainsNull))

    def jsonValue(self) -> Dict[str, Any]:
        return {
            "type": self.typeName(),
            "keyType": self.keyType.jsonValue(),
            "valueType": self.valueType.jsonValue(),
            "valueContainsNull": self.valueContainsNull,
        }


class StructField(DataType):
    def __init__(self, name: str, dataType: DataType, nullable: bool = True, metadata: Optional[Dict[str, Any]] = None):
        # PySpark asserts these, so a wrong argument is an AssertionError.
        # PySpark asserts these; raised explicitly so that pytest's assertion rewriting
        # (PyRust ships a pytest plugin) cannot change the message.
        if not isinstance(dataType, DataType):
            raise AssertionError("dataType %s should be an instance of %s" % (dataType, _DATATYPE_CLASS))
        if not isinstance(name, str):
            raise AssertionError("field name %s should be a string" % (name))
        self.name = name
        self.dataType = dataType
        self.nullable = nullable
        self.metadata = metadata or {}

    def simpleString(self) -> str:
        return "%s:%s" % (self.name, self.dataType.simpleString())

    def __repr__(self) -> str:
        return "StructField('%s', %s, %s)" % (self.name, self.dataType, str(self.nullable))

    def jsonValue(self) -> Dict[str, Any]:
        return {"name": self.name, "type": self.dataType.jsonValue(), "nullable": self.nullable, "metadata": self.metadata}

    def typeName(self) -> str:  # type: ignore[override]
        raise PySparkTypeError(message="StructField does not have typeName. Use typeName on its type explicitly instead.", errorClass="INVALID_TYPENAME_CALL")


class StructType(DataType):
    def __init__(self, fields: Optional[List[StructField]] = None):
        self.fields = list(fields or [])
        self.names = [f.name for f in self.fields]

    def add(self, field: Union[str, StructField], data_type: Union[str, DataType, None] = None,
            nullable: bool = True, metadata: Optional[Dict[str, Any]] = None) -> "StructType":
        if isinstance(field, StructField):
            self.fields.append(field)
        else:
            if isinstance(field, str) and data_type is None:
                raise PySparkValueError(
                    message="Must specify DataType if passing name of struct_field to create.",
                    errorClass="ARGUMENT_REQUIRED",
                    messageParameters={"arg_name": "data_type", "condition": "passing name of struct_field to create"},
                )
            dt = _parse_datatype_string(data_type) if isinstance(data_type, str) else data_type
            self.fields.append(StructField(field, dt, nullable, metadata))
        self.names = [f.name for f in self.fields]
        return self

    def __iter__(self) -> Iterator[StructField]:
        return iter(self.fields)

    def __len__(self) -> int:
        return len(self.fields)

    def __getitem__(self, key: Union[str, int, slice]) -> Any:
        if isinstance(key, str):
            for f in self.fields:
                if f.name == key:
                    return f
            raise PySparkKeyErrorProxy(key)
        if isinstance(key, int):
            return self.fields[key]
        if isinstance(key, slice):
            return StructType(self.fields[key])
        raise PySparkTypeError(message="StructType keys should be strings, integers or slices", errorClass="NOT_INT_OR_SLICE_OR_STR",
                               messageParameters={"arg_name": "key", "arg_type": type(key).__name__})

    def simpleString(self) -> str:
        return "struct<%s>" % (",".join(f.simpleString() for f in self.fields))

    def __repr__(self) -> str:
        return "StructType([%s])" % ", ".join(str(f) for f in self.fields)

    def jsonValue(self) -> Dict[str, Any]:
        return {"type": self.typeName(), "fields": [f.jsonValue() for f in self.fields]}

    def fieldNames(self) -> List[str]:
        return list(self.names)

    def treeString(self, level: Optional[int] = None) -> str:
        lines = ["root"]
        _tree_lines(self, " |", lines, 1, level)
        return "\n".join(lines) + "\n"

    @classmethod
    def fromJson(cls, json_value: Dict[str, Any]) -> "StructType":
        return _parse_datatype_json_value(json_value)  # type: ignore[return-value]

    @classmethod
    def fromDDL(cls, ddl: str) -> "StructType":  # type: ignore[override]
        from pyrust import _native

        return _parse_datatype_json_value(json.loads(_native.ddl_schema_json(ddl)))  # type: ignore[return-value]


def PySparkKeyErrorProxy(key: str) -> Exception:
    from pyrust.errors import PySparkKeyError

    return PySparkKeyError(message=f"No StructField named {key}", errorClass="KEY_NOT_EXISTS", messageParameters={"key": key})


def _tree_type_name(dt: DataType) -> str:
    # The JVM's typeName, which carries the parameters of parameterised types.
    if isinstance(dt, (DecimalType, _SizedStringType, _IntervalType)):
        return dt.simpleString()
    return dt.typeName()


def _tree_lines(dt: DataType, prefix: str, lines: List[str], depth: int, level: Optional[int]) -> None:
    if level is not None and level > 0 and depth > level:
        return
    if isinstance(dt, StructType):
        for f in dt.fields:
            lines.append(f"{prefix}-- {f.name}: {_tree_type_name(f.dataType)} (nullable = {str(f.nullable).lower()})")
            _tree_lines(f.dataType, prefix + "    |", lines, depth + 1, level)
    elif isinstance(dt, ArrayType):
        lines.append(f"{prefix}-- element: {_tree_type_name(dt.elementType)} (containsNull = {str(dt.containsNull).lower()})")
        _tree_lines(dt.elementType, prefix + "    |", lines, depth + 1, level)
    elif isinstance(dt, MapType):
        lines.append(f"{prefix}-- key: {_tree_type_name(dt.keyType)}")
        _tree_lines(dt.keyType, prefix + "    |", lines, depth + 1, level)
        lines.append(f"{prefix}-- value: {_tree_type_name(dt.valueType)} (valueContainsNull = {str(dt.valueContainsNull).lower()})")
        _tree_lines(dt.valueType, prefix + "    |", lines, depth + 1, level)


_ATOMIC_BY_NAME = {
    "void": NullType, "null": NullType, "string": StringType, "binary": BinaryType, "boolean": BooleanType,
    "date": DateType, "timestamp": TimestampType, "timestamp_ntz": TimestampNTZType, "double": DoubleType,
    "float": FloatType, "byte": ByteType, "integer": IntegerType, "long": LongType, "short": ShortType,
    "interval": CalendarIntervalType, "variant": VariantType,
}


def _parse_datatype_json_value(value: Union[str, Dict[str, Any]]) -> DataType:
    if isinstance(value, str):
        if value in _ATOMIC_BY_NAME:
            return _ATOMIC_BY_NAME[value]()
        if value.startswith("decimal"):
            inner = value[len("decimal"):].strip("()")
            if not inner:
                return DecimalType(10, 0)
            p, s = (int(x) for x in inner.split(","))
            return DecimalType(p, s)
        if value.startswith("interval "):
            words = value.split()
            for cls in (DayTimeIntervalType, YearMonthIntervalType):
                names = {n: i for i, n in cls._fields.items()}
                if words[1] in names:
                    start = names[words[1]]
                    end = names[words[3]] if len(words) == 4 else start
                    return cls(start, end)
        if value.startswith("char("):
            return CharType(int(value[5:-1]))
        if value.startswith("varchar("):
            return VarcharType(int(value[8:-1]))
        raise PySparkValueError(message=f"Could not parse datatype: {value}", errorClass="CANNOT_PARSE_DATATYPE",
                                messageParameters={"msg": value})
    tname = value["type"]
    if tname == "array":
        return ArrayType(_parse_datatype_json_value(value["elementType"]), value.get("containsNull", True))
    if tname == "map":
        return MapType(_parse_datatype_json_value(value["keyType"]), _parse_datatype_json_value(value["valueType"]),
                       value.get("valueContainsNull", True))
    if tname == "struct":
        return StructType([
            StructField(f["name"], _parse_datatype_json_value(f["type"]), f.get("nullable", True), f.get("metadata") or {})
            for f in value["fields"]
        ])
    raise PySparkValueError(message=f"Could not parse datatype: {value}", errorClass="CANNOT_PARSE_DATATYPE",
                            messageParameters={"msg": str(value)})


def _parse_datatype_json_string(text: str) -> DataType:
    return _parse_datatype_json_value(json.loads(text))


def _parse_datatype_string(text: str) -> DataType:
    """A DDL type or schema string (``"int"``, ``"a int, b string"``)."""
    from pyrust import _native

    try:
        return _parse_datatype_json_value(json.loads(_native.ddl_type_json(text)))
    except Exception:
        pass
    try:
        return _parse_datatype_json_value(json.loads(_native.ddl_schema_json(text)))
    except Exception as schema_error:
        # PySpark's last try: the fields of a struct (`"a: int, b: string"`).
        try:
            return _parse_datatype_json_value(json.loads(_native.ddl_type_json(f"struct<{text.strip()}>")))
        except Exception:
            raise schema_error from None


class Row(tuple):
    """A row of a DataFrame: a tuple whose fields can be reached by name."""

    def __new__(cls, *args: Any, **kwargs: Any) -> "Row":
        if args and kwargs:
            raise PySparkValueError(message="Cannot use args and kwargs together.", errorClass="CANNOT_SET_TOGETHER",
                                    messageParameters={"arg_list": "args and kwargs"})
        if kwargs:
            row = tuple.__new__(cls, list(kwargs.values()))
            row.__fields__ = list(kwargs.keys())
            return row
        return tuple.__new__(cls, args)

    def asDict(self, recursive: bool = False) -> Dict[str, Any]:
        if not hasattr(self, "__fields__"):
            raise PySparkTypeError(message="Cannot convert a Row class into dict.", errorClass="CANNOT_CONVERT_TYPE",
                                   messageParameters={"from_type": "Row", "to_type": "dict"})
        if recursive:
            def conv(obj: Any) -> Any:
                if isinstance(obj, Row):
                    return obj.asDict(True)
                if isinstance(obj, list):
                    return [conv(o) for o in obj]
                if isinstance(obj, dict):
                    return {k: conv(v) for k, v in obj.items()}
                return obj
            return dict(zip(self.__fields__, (conv(o) for o in self)))
        return dict(zip(self.__fields__, self))

    def __contains__(self, item: Any) -> bool:
        if hasattr(self, "__fields__"):
            return item in self.__fields__
        return super().__contains__(item)

    def __call__(self, *args: Any) -> "Row":
        if len(args) > len(self):
            raise PySparkValueError(message=f"Can not create Row with fields {self}, expected {len(self)} values but got {args}.",
                                    errorClass="TOO_MANY_VALUES", messageParameters={})
        return _create_row(self, args)

    def __getitem__(self, item: Any) -> Any:
        if isinstance(item, (int, slice)):
            return super().__getitem__(item)
        try:
            idx = self.__fields__.index(item)
            return super().__getitem__(idx)
        except IndexError:
            raise KeyError(item)
        except (ValueError, AttributeError):
            raise PySparkValueError(message=f"{item} is not in the fields of the Row.", errorClass=None)

    def __getattr__(self, item: str) -> Any:
        if item.startswith("__"):
            raise AttributeError(item)
        try:
            idx = self.__fields__.index(item)
            return self[idx]
        except IndexError:
            raise AttributeError(item)
        except ValueError:
            raise PySparkAttributeError(message=item, errorClass="ATTRIBUTE_NOT_SUPPORTED", messageParameters={"attr_name": item})

    def __setattr__(self, key: Any, value: Any) -> None:
        if key != "__fields__":
            from pyrust.errors import PySparkRuntimeError

            raise PySparkRuntimeError(message="Row is read-only.", errorClass="READ_ONLY", messageParameters={"object": "Row"})
        self.__dict__[key] = value

    def __reduce__(self):
        if hasattr(self, "__fields__"):
            return (_create_row, (self.__fields__, tuple(self)))
        return tuple.__reduce__(self)

    def __repr__(self) -> str:
        if hasattr(self, "__fields__"):
            return "Row(%s)" % ", ".join("%s=%r" % (k, v) for k, v in zip(self.__fields__, tuple(self)))
        return "<Row(%s)>" % ", ".join(repr(field) for field in self)


def _create_row(fields: Union[Row, List[str], Tuple[str, ...]], values: Union[Tuple[Any, ...], List[Any]]) -> Row:
    row = Row(*values)
    row.__fields__ = list(fields)
    return row


# --- schema inference from Python data, as PySpark infers it ---------------------

def _infer_type(obj: Any) -> DataType:
    if obj is None:
        return NullType()
    if isinstance(obj, Row) and hasattr(obj, "__fields__"):
        return _infer_schema(obj)
    if isinstance(obj, bool):
        return BooleanType()
    if isinstance(obj, int):
        return LongType()
    if isinstance(obj, float):
        return DoubleType()
    if isinstance(obj, str):
        return StringType()
    if isinstance(obj, (bytes, bytearray)):
        return BinaryType()
    if isinstance(obj, decimal.Decimal):
        return DecimalType(38, 18)
    if isinstance(obj, datetime.datetime):
        return TimestampType()
    if isinstance(obj, datetime.date):
        return DateType()
    if isinstance(obj, datetime.timedelta):
        return DayTimeIntervalType()
    if isinstance(obj, dict):
        key_t, value_t = NullType(), NullType()
        for k, v in obj.items():
            key_t = _merge_type(key_t, _infer_type(k))
            value_t = _merge_type(value_t, _infer_type(v))
        return MapType(key_t, value_t, True)
    if isinstance(obj, (list, tuple)) and not hasattr(obj, "_fields"):
        if isinstance(obj, tuple):
            return _infer_schema(obj)
        elem: DataType = NullType()
        for v in obj:
            elem = _merge_type(elem, _infer_type(v))
        return ArrayType(elem, True)
    if hasattr(obj, "_fields"):
        return _infer_schema(obj)
    raise PySparkTypeError(message=f"not supported type: {type(obj).__name__}", errorClass="UNSUPPORTED_DATA_TYPE",
                           messageParameters={"data_type": type(obj).__name__})


def _infer_schema(row: Any, names: Optional[List[str]] = None) -> StructType:
    if isinstance(row, dict):
        items = sorted(row.items())
    elif isinstance(row, (tuple, list)):
        if hasattr(row, "__fields__"):
            items = list(zip(row.__fields__, tuple(row)))
        elif hasattr(row, "_fields"):
            items = list(zip(row._fields, tuple(row)))
        else:
            names = list(names) if names else ["_%d" % i for i in range(1, len(row) + 1)]
            if len(names) < len(row):
                names.extend("_%d" % i for i in range(len(names) + 1, len(row) + 1))
            items = list(zip(names, row))
    elif hasattr(row, "__dict__"):
        items = sorted(row.__dict__.items())
    else:
        raise PySparkTypeError(message=f"Can not infer schema for type: `{type(row).__name__}`.",
                               errorClass="CANNOT_INFER_SCHEMA_FOR_TYPE", messageParameters={"data_type": type(row).__name__})
    fields = []
    for k, v in items:
        try:
            fields.append(StructField(k, _infer_type(v), True))
        except PySparkTypeError:
            raise PySparkTypeError(message=f"Unable to infer the type of the field `{k}`.", errorClass="CANNOT_INFER_TYPE_FOR_FIELD",
                                   messageParameters={"field_name": k})
    return StructType(fields)


def _merge_type(a: DataType, b: DataType, name: Optional[str] = None) -> DataType:
    if isinstance(a, NullType):
        return b
    if isinstance(b, NullType):
        return a
    # Any atomic value merges into a string column (the JVM then prints it).
    if isinstance(b, StringType) and isinstance(a, AtomicType):
        return b
    if isinstance(a, StringType) and isinstance(b, AtomicType):
        return a
    if type(a) is not type(b):
        raise PySparkTypeError(
            message=f"Can not merge type `{type(a).__name__}` and `{type(b).__name__}`.",
            errorClass="CANNOT_MERGE_TYPE",
            messageParameters={"data_type1": type(a).__name__, "data_type2": type(b).__name__},
        )
    if isinstance(a, StructType):
        b_fields = {f.name: f for f in b.fields}
        fields = [StructField(f.name, _merge_type(f.dataType, b_fields[f.name].dataType) if f.name in b_fields else f.dataType, True)
                  for f in a.fields]
        names = {f.name for f in a.fields}
        fields.extend(f for f in b.fields if f.name not in names)
        return StructType(fields)
    if isinstance(a, ArrayType):
        return ArrayType(_merge_type(a.elementType, b.elementType), True)
    if isinstance(a, MapType):
        return MapType(_merge_type(a.keyType, b.keyType), _merge_type(a.valueType, b.valueType), True)
    return a


def _has_nulltype(dt: DataType) -> bool:
    if isinstance(dt, StructType):
        return any(_has_nulltype(f.dataType) for f in dt.fields)
    if isinstance(dt, ArrayType):
        return _has_nulltype(dt.elementType)
    if isinstance(dt, MapType):
        return _has_nulltype(dt.keyType) or _has_nulltype(dt.valueType)
    return isinstance(dt, NullType)
