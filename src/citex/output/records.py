"""Reading citex records back (``--resume``, ``citex report``): a record counts only when it is whole
and valid: valid JSON, an object, valid against ``schema/result.schema.json`` (when jsonschema is
installed) and read back unchanged by ``Result.from_dict``."""
from __future__ import annotations

import functools
import json
from typing import Iterator, Optional, Union

from citex.models import Result


@functools.lru_cache(maxsize=1)
def _schema_errors():
    """``errors(record)`` → the schema's first complaint or None (no jsonschema: always None)."""
    try:
        import jsonschema
    except ImportError:  # pragma: no cover - jsonschema comes with the test extras
        return lambda rec: None
    from importlib import resources
    schema = json.loads(resources.files("citex").joinpath("schema", "result.schema.json").read_text("utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)

    def errors(rec) -> Optional[str]:
        err = next(iter(validator.iter_errors(rec)), None)
        if err is None:
            return None
        where = "/".join(str(p) for p in err.absolute_path)
        return f"{where + ': ' if where else ''}{err.message}"[:200]
    return errors


def parse_record(raw: Union[bytes, str]) -> Result:
    """The ``Result`` of one JSON line; ``ValueError`` saying why it is not a whole citex record."""
    try:
        rec = json.loads(raw)
    except ValueError as exc:
        raise ValueError(f"not valid JSON ({exc})") from None
    if not isinstance(rec, dict):
        raise ValueError(f"a JSON {type(rec).__name__}, not an object")
    if not isinstance(rec.get("doc_id"), str):
        raise ValueError("no doc_id")
    why = _schema_errors()(rec)
    if why:
        raise ValueError(f"not a citex record: {why}")
    try:
        res = Result.from_dict(rec)
        same = res.to_dict() == rec
    except Exception as exc:  # odd types meet from_dict in many ways
        raise ValueError(f"not a citex record: {type(exc).__name__}: {exc}"[:200]) from None
    if not same:
        raise ValueError("not a citex record: it does not read back unchanged")
    return res


def valid_record(raw: Union[bytes, str]) -> Optional[dict]:
    """The record (a dict) of one line if it is whole and valid, else None."""
    try:
        return parse_record(raw).to_dict()
    except ValueError:
        return None


def read_records(path: str, problems: list) -> Iterator[Result]:
    """The valid records of a JSON lines file; for each bad line, ``"PATH:LINE: why"`` is appended
    to ``problems`` and the rest is read on."""
    with open(path, "rb") as f:
        for n, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            try:
                yield parse_record(raw)
            except ValueError as exc:
                problems.append(f"{path}:{n}: {exc}")
