"""Schemathesis hooks for scripts/schemathesis.sh: every case is what it claims to be.

Schemathesis 4 sometimes mislabels a body against a closed schema (`additionalProperties: false`):
a "valid" case carries properties the schema forbids (its issue 4308), or an "invalid" case's
mutation leaves a body the real schema accepts. The API answers both correctly (400, and 2xx), and
Schemathesis would report each as a failure. These hooks drop the undeclared properties from valid
cases and skip invalid cases whose body the real schema accepts; everything else runs as generated.
"""
import os

import jsonschema_rs
import schemathesis
import yaml
from schemathesis.core.parameters import ParameterLocation

with open(os.environ["SESSIONDESK_OPENAPI"], encoding="utf-8") as document:
    SPEC = yaml.safe_load(document)


def resolve(schema):
    while isinstance(schema, dict) and "$ref" in schema:
        schema = SPEC["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def inline(schema):
    """The schema with every `$ref` replaced by what it names (the document has no cycles)."""
    schema = resolve(schema)
    if isinstance(schema, dict):
        return {key: inline(value) for key, value in schema.items() if key != "description"}
    if isinstance(schema, list):
        return [inline(value) for value in schema]
    return schema


def body_schema(case):
    operation = SPEC["paths"].get(case.operation.path, {}).get(case.operation.method.lower(), {})
    return operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")


def prune(value, schema):
    schema = resolve(schema)
    if not isinstance(schema, dict):
        return value
    if isinstance(value, dict) and schema.get("type") == "object":
        properties = schema.get("properties", {})
        if schema.get("additionalProperties") is False:
            value = {key: item for key, item in value.items() if key in properties}
        return {key: prune(item, properties[key]) if key in properties else item for key, item in value.items()}
    if isinstance(value, list) and "items" in schema:
        return [prune(item, schema["items"]) for item in value]
    return value


@schemathesis.hook
def map_case(context, case):
    meta = case.meta
    schema = body_schema(case)
    if meta is None or schema is None or not meta.generation.mode.is_positive or not isinstance(case.body, (dict, list)):
        return case
    case.body = prune(case.body, schema)
    return case


@schemathesis.hook
def filter_case(context, case):
    meta = case.meta
    schema = body_schema(case)
    if meta is None or schema is None or not meta.generation.mode.is_negative:
        return True
    negative = [location for location, info in meta.components.items() if info.mode.is_negative]
    if negative != [ParameterLocation.BODY] or not isinstance(case.body, (dict, list)):
        return True
    return not jsonschema_rs.Draft202012Validator(inline(schema)).is_valid(case.body)
