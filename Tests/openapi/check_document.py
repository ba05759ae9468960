"""Checks the API's OpenAPI document: valid OpenAPI 3.1 (openapi-spec-validator), and free of what a
validator accepts but a reader would not mean, such as a flow mapping whose unquoted description
held a comma (`{ type: string, description: IANA name, such as X. }` gives a key "such as X." with
no value), or a schema keyword JSON Schema does not know.

  check_document.py PATH
"""

import sys

import yaml
from openapi_spec_validator import validate

SCHEMA_WORDS = {
    "type", "format", "description", "properties", "required", "items", "enum", "const", "default", "example", "examples",
    "minimum", "maximum", "multipleOf", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems", "maxItems",
    "uniqueItems", "additionalProperties", "oneOf", "anyOf", "allOf", "not", "$ref", "nullable", "title", "readOnly",
    "writeOnly", "deprecated", "discriminator", "contentMediaType", "contentEncoding", "minProperties", "maxProperties",
}


def problems(document):
    found = []

    def walk(node, path, in_schema):
        if isinstance(node, dict):
            for key, value in node.items():
                where = f"{path}/{key}"
                if value is None:
                    found.append(f"{where}: a key without a value (an unquoted comma in a flow mapping?)")
                if in_schema and key not in SCHEMA_WORDS:
                    found.append(f"{where}: not a schema keyword")
                child_is_schema = key in ("schema", "items", "additionalProperties", "not") or (
                    path.endswith("/properties") or path.endswith("/schemas")) or key in ("oneOf", "anyOf", "allOf")
                if in_schema and key == "properties":
                    walk(value, where, False)
                else:
                    walk(value, where, child_is_schema and isinstance(value, dict))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}/{index}", path.endswith(("/oneOf", "/anyOf", "/allOf")))

    walk(document, "", False)
    return found


def main():
    with open(sys.argv[1]) as f:
        document = yaml.safe_load(f)
    validate(document)
    found = problems(document)
    for problem in found:
        print(f"openapi: {problem}", file=sys.stderr)
    if found:
        sys.exit(1)
    print("openapi: the document is valid OpenAPI 3.1")


if __name__ == "__main__":
    main()
