#!/usr/bin/env python3
"""Validate Discord REST request bodies against the official OpenAPI spec (discord-api-spec/openapi.json).

Usage: openapi_validate.py SPEC_PATH < items.json
stdin:  JSON list of {"operationId": str} or {"method": str, "path": str}, plus "body": <the JSON body sent>.
        "path" may carry the "/api/v10" prefix and a query string; it is matched against the spec's path templates.
stdout: {"checked": N, "violations": [{"index", "operation", "pointer", "message"}]}
Exit code 0 when the run completed (violations or not); 2 on bad input.

On top of the spec (OpenAPI 3.1 = JSON Schema 2020-12) it enforces what the spec lacks but Discord's docs state:
unknown keys are rejected (every object schema with declared properties gets additionalProperties: false),
oneOf/anyOf unions discriminated by an integer "type" are checked against the matching branch only,
message content <= 2000, embed character total <= 6000 (trimmed), allowed_mentions parse/users/roles exclusivity,
the CHAT_INPUT command/option name pattern (lowercase), string choice values <= 100, no autocomplete with choices.
Needs only the standard library and the jsonschema package.
"""
import copy
import json
import re
import sys
import unicodedata

from jsonschema import Draft202012Validator, FormatChecker

SPEC_DRAFT = "https://json-schema.org/draft/2020-12/schema"
MESSAGE_CONTENT_MAX = 2000
EMBED_TOTAL_MAX = 6000
STRING_CHOICE_VALUE_MAX = 100
COMMAND_NAME_MAX = 32
# Unicode Scripts.txt ranges for Devanagari and Thai (\p{sc=Deva}, \p{sc=Thai}); Python's re has no script classes.
SCRIPT_RANGES = [(0x0900, 0x0950), (0x0955, 0x0963), (0x0966, 0x097F), (0xA8E0, 0xA8FF), (0x11B00, 0x11B09),
                 (0x0E01, 0x0E3A), (0x0E40, 0x0E5B)]
MESSAGE_OPERATIONS = {"create_message", "execute_webhook", "update_original_webhook_message", "update_webhook_message"}
COMMAND_LIST_OPERATIONS = {"bulk_set_application_commands", "bulk_set_guild_application_commands"}
COMMAND_OPERATIONS = {"create_application_command", "create_guild_application_command",
                      "update_application_command", "update_guild_application_command"}


def resolve(schemas, node):
    while isinstance(node, dict) and "$ref" in node:
        node = schemas[node["$ref"].rsplit("/", 1)[-1]]
    return node


def type_enum(schemas, branch):
    target = resolve(schemas, branch)
    if not isinstance(target, dict):
        return None
    prop = target.get("properties", {}).get("type")
    if not isinstance(prop, dict):
        return None
    if "enum" in prop:
        values = prop["enum"]
    elif "const" in prop:
        values = [prop["const"]]
    else:
        return None
    return values if all(isinstance(v, int) and not isinstance(v, bool) for v in values) else None


def discriminate(schemas, node):
    """Rewrites a oneOf/anyOf whose branches all declare an integer `type` enum into if/then on `type`."""
    for keyword in ("oneOf", "anyOf"):
        branches = node.get(keyword)
        if not isinstance(branches, list) or not branches or not all("$ref" in b for b in branches):
            continue
        enums = [type_enum(schemas, b) for b in branches]
        if any(e is None for e in enums):
            continue
        flat = [v for e in enums for v in e]
        if len(flat) != len(set(flat)):
            continue
        del node[keyword]
        node.setdefault("type", "object")
        node["required"] = sorted(set(node.get("required", [])) | {"type"})
        node["properties"] = {**node.get("properties", {}), "type": {"type": "integer", "enum": sorted(flat)}}
        node["allOf"] = node.get("allOf", []) + [
            {"if": {"properties": {"type": {"enum": e}}, "required": ["type"]}, "then": b}
            for e, b in zip(enums, branches)]
        # The union itself declares only `type`; the branch decides the rest, so no additionalProperties here.
        node["x-discriminated"] = True


def strictify(schemas, node):
    if isinstance(node, list):
        for item in node:
            strictify(schemas, item)
        return
    if not isinstance(node, dict):
        return
    discriminate(schemas, node)
    for value in list(node.values()):
        strictify(schemas, value)
    types = node.get("type")
    is_object = types == "object" or (isinstance(types, list) and "object" in types)
    if (is_object and isinstance(node.get("properties"), dict) and "additionalProperties" not in node
            and not node.get("x-discriminated")):
        node["additionalProperties"] = False


def load(spec_path):
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    schemas = copy.deepcopy(spec["components"]["schemas"])
    strictify(schemas, schemas)
    operations = {}
    templates = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if not isinstance(op, dict) or "operationId" not in op:
                continue
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if body is not None:
                body = copy.deepcopy(body)
                strictify(schemas, body)
            operations[op["operationId"]] = body
            templates.append((method.upper(), path, op["operationId"]))
    return schemas, operations, templates


def match_operation(templates, method, path):
    path = path.split("?", 1)[0]
    path = re.sub(r"^/api/v\d+", "", path)
    parts = [p for p in path.split("/") if p]
    best, best_literals = None, -1
    for m, template, op in templates:
        if m != method.upper():
            continue
        tparts = [p for p in template.split("/") if p]
        if len(tparts) != len(parts):
            continue
        literals = 0
        for t, p in zip(tparts, parts):
            if t.startswith("{") and t.endswith("}"):
                continue
            if t != p:
                break
            literals += 1
        else:
            if literals > best_literals:
                best, best_literals = op, literals
    return best


def valid_command_name(name):
    if not isinstance(name, str) or not 1 <= len(name) <= COMMAND_NAME_MAX:
        return False
    for ch in name:
        cp = ord(ch)
        ok = ch in "-_'" or unicodedata.category(ch)[0] in "LN" or any(lo <= cp <= hi for lo, hi in SCRIPT_RANGES)
        if not ok or ch.lower() != ch:
            return False
    return True


def trimmed_len(value):
    return len(value.strip()) if isinstance(value, str) else 0


def check_message(msg, pointer, out):
    if not isinstance(msg, dict):
        return
    content = msg.get("content")
    if isinstance(content, str) and len(content) > MESSAGE_CONTENT_MAX:
        out.append((pointer + "/content", f"content is {len(content)} characters; Discord allows {MESSAGE_CONTENT_MAX}"))
    embeds = msg.get("embeds")
    if isinstance(embeds, list):
        total = 0
        for e in embeds:
            if not isinstance(e, dict):
                continue
            total += trimmed_len(e.get("title")) + trimmed_len(e.get("description"))
            total += trimmed_len((e.get("footer") or {}).get("text")) + trimmed_len((e.get("author") or {}).get("name"))
            for f in e.get("fields") or []:
                if isinstance(f, dict):
                    total += trimmed_len(f.get("name")) + trimmed_len(f.get("value"))
        if total > EMBED_TOTAL_MAX:
            out.append((pointer + "/embeds", f"embeds hold {total} characters; Discord allows {EMBED_TOTAL_MAX} in total"))
    mentions = msg.get("allowed_mentions")
    if isinstance(mentions, dict):
        parse = mentions.get("parse") or []
        for kind in ("users", "roles"):
            if kind in parse and mentions.get(kind):
                out.append((pointer + "/allowed_mentions",
                            f'parse contains "{kind}" and {kind} is set; they are mutually exclusive'))


def check_choices(choices, pointer, out, string_values):
    for i, choice in enumerate(choices if isinstance(choices, list) else []):
        if not isinstance(choice, dict):
            continue
        value = choice.get("value")
        if isinstance(value, str) and len(value) > STRING_CHOICE_VALUE_MAX:
            out.append((f"{pointer}/{i}/value",
                        f"string choice value is {len(value)} characters; Discord allows {STRING_CHOICE_VALUE_MAX}"))


def check_options(options, pointer, out):
    if not isinstance(options, list):
        return
    seen_optional = False
    for i, option in enumerate(options):
        if not isinstance(option, dict):
            continue
        p = f"{pointer}/{i}"
        if not valid_command_name(option.get("name")):
            out.append((p + "/name", f"option name {option.get('name')!r} does not match the documented pattern (lowercase)"))
        if option.get("required") is True and seen_optional:
            out.append((p + "/required", "required options must come before optional ones"))
        seen_optional = seen_optional or option.get("required") is not True
        if option.get("autocomplete") is True and option.get("choices"):
            out.append((p + "/autocomplete", "autocomplete cannot be combined with choices"))
        check_choices(option.get("choices"), p + "/choices", out, option.get("type") == 3)
        check_options(option.get("options"), p + "/options", out)


def check_command(command, pointer, out):
    if not isinstance(command, dict):
        return
    if command.get("type") in (None, 1):
        if not valid_command_name(command.get("name")):
            out.append((pointer + "/name", f"command name {command.get('name')!r} does not match the documented pattern (lowercase)"))
        check_options(command.get("options"), pointer + "/options", out)


def docs_rules(operation, body):
    out = []
    if operation in MESSAGE_OPERATIONS:
        check_message(body, "", out)
    elif operation == "create_interaction_response" and isinstance(body, dict):
        if body.get("type") in (4, 5, 7):
            check_message(body.get("data"), "/data", out)
        elif body.get("type") == 8 and isinstance(body.get("data"), dict):
            check_choices(body["data"].get("choices"), "/data/choices", out, True)
    elif operation in COMMAND_LIST_OPERATIONS and isinstance(body, list):
        for i, command in enumerate(body):
            check_command(command, f"/{i}", out)
    elif operation in COMMAND_OPERATIONS:
        check_command(body, "", out)
    return out


def pointer_of(error):
    return "".join(f"/{p}" for p in error.absolute_path)


def leaf_errors(error):
    """Descends into oneOf/anyOf failures so messages name the actual field, not the whole union."""
    if not error.context:
        return [error]
    branches = {}
    for sub in error.context:
        branches.setdefault(sub.schema_path[0] if sub.schema_path else 0, []).append(sub)

    def rank(errors):
        # A branch rejected only for the instance's JSON type (e.g. the `null` arm) did not apply at all.
        type_only = all(e.validator == "type" and list(e.absolute_path) == list(error.absolute_path) for e in errors)
        return (type_only, sum(len(leaf_errors(e)) for e in errors))

    result = []
    for sub in min(branches.values(), key=rank):
        result.extend(leaf_errors(sub))
    return result


def main():
    if len(sys.argv) != 2:
        print("usage: openapi_validate.py SPEC_PATH < items.json", file=sys.stderr)
        return 2
    try:
        items = json.load(sys.stdin)
    except json.JSONDecodeError as e:
        print(f"stdin is not JSON: {e}", file=sys.stderr)
        return 2
    if not isinstance(items, list):
        print("stdin must be a JSON list", file=sys.stderr)
        return 2

    schemas, operations, templates = load(sys.argv[1])
    validators = {}
    violations = []
    checked = 0
    for index, item in enumerate(items):
        operation = item.get("operationId") or match_operation(templates, item.get("method", ""), item.get("path", ""))
        label = operation or f"{item.get('method')} {item.get('path')}"
        if operation is None or operation not in operations:
            violations.append({"index": index, "operation": label, "pointer": "",
                               "message": "no operation in the spec matches this request"})
            continue
        schema = operations[operation]
        if schema is None:
            violations.append({"index": index, "operation": label, "pointer": "",
                               "message": "the spec defines no JSON request body for this operation"})
            continue
        if operation not in validators:
            root = {"$schema": SPEC_DRAFT, "components": {"schemas": schemas}, "allOf": [schema]}
            validators[operation] = Draft202012Validator(root, format_checker=FormatChecker())
        body = item.get("body")
        checked += 1
        seen = set()
        for error in validators[operation].iter_errors(body):
            for leaf in leaf_errors(error):
                key = (pointer_of(leaf), leaf.message)
                if key not in seen:
                    seen.add(key)
                    violations.append({"index": index, "operation": operation, "pointer": key[0], "message": key[1]})
        for pointer, message in docs_rules(operation, body):
            violations.append({"index": index, "operation": operation, "pointer": pointer, "message": message})

    json.dump({"checked": checked, "violations": violations}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
