"""Ledger headers → Risk Atlas fields: matching, the explicit FIELD_MAP, header row, layer kind.

Matching one header for a kind (``match_header``), in this order:

1. exact: the header's normal form (``text.normalise_header``: NFKC, case, spaces, brackets,
   unit taken off) equals a synonym's in ``synonyms.SYNONYMS``;
2. exact after dropping bracketed remarks ("企业(单位)名称" → "企业名称");
3. fuzzy (conservative): a Chinese synonym of ≥ 2 characters that ends the header, or lies
   inside it and covers ≥ 60 % of it; generic synonyms (名称, 编号, 类型 ...) only at the end.
   The longest such synonym wins; synonyms of different fields tied at that length make the
   header ambiguous. English synonyms match exactly only.

A header with a unit the field cannot take (出动时间(km)) is refused (``unit_conflict``); a
unit of the field's dimension gives the ``factor`` to the schema's unit (万人 → 10000, 亩 →
666.67 m², kg → 0.001 t).

``map_headers`` maps a whole header row: an explicit mapping (``源列=field;源列=field``, ＝ and
；accepted, ``源列=`` or ``源列=-`` drops a column) always wins; two columns matching one
field are all ambiguous; nothing ambiguous is ever resolved by guessing.
"""
from dataclasses import dataclass, field as dc_field
from collections.abc import Mapping, Sequence
from typing import Literal

from .synonyms import AMBIGUOUS_HEADERS, GENERIC, SYNONYMS
from .text import FIELD_DIMENSIONS, UNITS, normalise_header

EXPLICIT, EXACT, FUZZY = "explicit", "exact", "fuzzy"
AMBIGUOUS, UNMAPPED, IGNORED, UNIT_CONFLICT, SUPERSEDED = (
    "ambiguous", "unmapped", "ignored", "unit_conflict", "superseded")
FUZZY_MIN_COVER = 0.6

# Per kind: exact {synonym key: field}, fuzzy [(synonym key, field, generic)], listed ambiguous {key: fields}.
_Index = tuple[dict[str, str], list[tuple[str, str, bool]], dict[str, tuple[str, ...]]]
# A column's explicit choice: a field, None (dropped) or False (its FIELD_MAP item failed).
_Choice = str | None | Literal[False]


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _build_index(kind: str) -> _Index:
    exact: dict[str, str] = {}
    fuzzy: list[tuple[str, str, bool]] = []
    for entry in SYNONYMS[kind]:
        for synonym in entry.synonyms:
            key = normalise_header(synonym).key
            if exact.get(key, entry.field) != entry.field:
                raise ValueError(f"synonym table, {kind}: {synonym!r} names both {exact[key]} and {entry.field}")
            exact[key] = entry.field
            if len(key) >= 2 and _has_cjk(key):
                fuzzy.append((key, entry.field, key in GENERIC))
    ambiguous = {normalise_header(h).key: fields for h, fields in AMBIGUOUS_HEADERS.get(kind, {}).items()}
    clash = set(ambiguous) & set(exact)
    if clash:
        raise ValueError(f"synonym table, {kind}: {sorted(clash)} listed as both a synonym and ambiguous")
    return exact, fuzzy, ambiguous


_INDEX = {kind: _build_index(kind) for kind in SYNONYMS}


def kind_fields(kind: str, schema_only: bool = False) -> tuple[str, ...]:
    return tuple(e.field for e in SYNONYMS[kind] if e.schema or not schema_only)


def required_fields(kind: str) -> tuple[str, ...]:
    return tuple(e.field for e in SYNONYMS[kind] if e.required)


@dataclass(frozen=True)
class HeaderMatch:
    """How one column's header maps. ``field`` is None unless the mapping is certain."""

    column: int
    header: str
    field: str | None
    how: str  # explicit, exact, fuzzy, ambiguous, unmapped, ignored, unit_conflict, superseded
    candidates: tuple[str, ...] = ()  # fields an ambiguous header could mean
    rivals: tuple[int, ...] = ()  # other columns matching the same field
    unit: str | None = None
    factor: float = 1.0
    note: str = ""


def match_header(header: object, kind: str, column: int = 0) -> HeaderMatch:
    """Match one header to a field of ``kind`` (see module doc); never consults other columns."""
    text = "" if header is None else str(header)
    key = normalise_header(text)
    if not key.key:
        return HeaderMatch(column, text, None, UNMAPPED, note="empty header")
    exact, fuzzy, listed = _INDEX[kind]
    found, how, note = exact.get(key.key), EXACT, ""
    if found is None and key.bare != key.key:
        found, note = exact.get(key.bare), "bracketed remark ignored"
    if found is None and (key.key in listed or key.bare in listed):
        return HeaderMatch(column, text, None, AMBIGUOUS, listed.get(key.key) or listed[key.bare], unit=key.unit,
                           note="the header could mean several fields")
    candidates: tuple[str, ...] = (found,) if found else ()
    if not found:
        how = FUZZY
        hits = [(len(syn), f) for syn, f, generic in fuzzy
                if key.bare.endswith(syn) or (not generic and syn in key.bare
                                              and len(syn) >= FUZZY_MIN_COVER * len(key.bare))]
        if hits:
            longest = max(n for n, _ in hits)
            candidates = tuple(dict.fromkeys(f for n, f in hits if n == longest))
    if not candidates:
        return HeaderMatch(column, text, None, UNMAPPED, unit=key.unit)
    if len(candidates) > 1:
        return HeaderMatch(column, text, None, AMBIGUOUS, candidates, unit=key.unit,
                           note="the header matches several fields")
    return _with_unit(HeaderMatch(column, text, candidates[0], how, candidates, unit=key.unit, note=note))


def _with_unit(match: HeaderMatch) -> HeaderMatch:
    if match.field is None or match.unit is None:
        return match
    dimension = FIELD_DIMENSIONS.get(match.field)
    if dimension is None:
        return match
    unit_dimension, factor = UNITS[match.unit]
    if unit_dimension not in ("", dimension):
        return HeaderMatch(match.column, match.header, None, UNIT_CONFLICT, match.candidates, unit=match.unit,
                           note=f"unit {match.unit} is not a {dimension} unit for {match.field}")
    return HeaderMatch(match.column, match.header, match.field, match.how, match.candidates, unit=match.unit,
                       factor=factor, note=match.note)


def parse_field_map(text: str | None) -> dict[str, str]:
    """``源列=field;源列=field`` (＝ ；, newlines also accepted) → {source column: field}.

    An empty field or ``-`` drops the column. Raises ValueError on an item without ``=`` or
    a source column named twice."""
    result: dict[str, str] = {}
    if not text:
        return result
    for item in str(text).replace("＝", "=").replace("；", ";").replace("\n", ";").split(";"):
        if not item.strip():
            continue
        if "=" not in item:
            raise ValueError(f"FIELD_MAP item {item.strip()!r} has no '=' (write 源列=field)")
        source, target = (part.strip() for part in item.split("=", 1))
        if not source:
            raise ValueError(f"FIELD_MAP item {item.strip()!r} names no source column")
        if source in result:
            raise ValueError(f"FIELD_MAP names column {source!r} twice")
        result[source] = target
    return result


@dataclass(frozen=True)
class HeaderMapping:
    """The mapping of one header row for ``kind``: one ``HeaderMatch`` per column, the fields
    mapped with certainty (``field_columns``), the required fields left without a column, and
    ``problems`` with the explicit mapping (a column or field it names that does not exist)."""

    kind: str
    columns: tuple[HeaderMatch, ...]
    field_columns: dict[str, int]
    missing_required: tuple[str, ...]
    problems: tuple[str, ...] = ()
    factors: dict[str, float] = dc_field(default_factory=dict)

    @property
    def ambiguous(self) -> tuple[HeaderMatch, ...]:
        return tuple(m for m in self.columns if m.how == AMBIGUOUS)

    @property
    def ok(self) -> bool:
        """True when nothing is ambiguous, no explicit mapping failed and every required field has a column."""
        return not (self.ambiguous or self.problems or self.missing_required)

    def field_map_hint(self) -> str:
        """A FIELD_MAP text that would settle the ambiguous columns (one choice each, to edit)."""
        items, seen = [], set()
        for match in self.ambiguous:
            if match.rivals:
                group = tuple(sorted((match.column,) + match.rivals))
                if group in seen:
                    continue
                seen.add(group)
                first, *others = group
                items.append(f"{self.columns[first].header}={match.candidates[0]}")
                items.extend(f"{self.columns[c].header}=-" for c in others)
            else:
                items.append(f"{match.header}={match.candidates[0]}")
        return ";".join(items)


def _resolve_target(target: str, kind: str) -> str | None:
    """A field of ``kind`` named by its own name or any exact synonym (e.g. 设计最大量)."""
    fields = {f.casefold(): f for f in kind_fields(kind)}
    if target.casefold() in fields:
        return fields[target.casefold()]
    key = normalise_header(target)
    exact = _INDEX[kind][0]
    return exact.get(key.key) or exact.get(key.bare)


def _explicit(headers: Sequence[str], kind: str, mapping: Mapping[str, str]) -> tuple[dict[int, _Choice], list[str]]:
    """({column: field, None (dropped) or False (its FIELD_MAP item failed)}, problems)."""
    chosen: dict[int, _Choice] = {}
    problems: list[str] = []
    keys = [normalise_header(h) for h in headers]
    for source, target in mapping.items():
        columns = [i for i, h in enumerate(headers) if str(h).strip() == source.strip()]
        if not columns:
            wanted = normalise_header(source)
            columns = [i for i, k in enumerate(keys) if k.key and (k.key == wanted.key or k.bare == wanted.bare)]
        if not columns:
            problems.append(f"FIELD_MAP names column '{source}', which the table does not have")
            continue
        if len(columns) > 1:
            problems.append(f"FIELD_MAP column '{source}' matches {len(columns)} columns")
            continue
        if target in ("", "-"):
            chosen[columns[0]] = None
            continue
        field = _resolve_target(target, kind)
        if field is None:
            problems.append(f"FIELD_MAP field '{target}' is not a field of {kind} "
                            f"(fields: {', '.join(kind_fields(kind))})")
            chosen[columns[0]] = False
        elif field in chosen.values():
            problems.append(f"FIELD_MAP maps two columns to {field}")
            chosen[columns[0]] = False
        else:
            chosen[columns[0]] = field
    return chosen, problems


def _explicit_match(column: int, header: str, field: str | None, kind: str) -> HeaderMatch:
    """The match of a column the FIELD_MAP names: its field (unit converted when the unit fits) or dropped."""
    if field is None:
        return HeaderMatch(column, header, None, IGNORED, note="dropped by FIELD_MAP")
    auto = match_header(header, kind, column)
    unit_match = _with_unit(HeaderMatch(column, header, field, EXPLICIT, (field,), unit=auto.unit))
    if unit_match.how == UNIT_CONFLICT:  # an explicit choice stands; its unit is then not converted
        unit_match = HeaderMatch(column, header, field, EXPLICIT, (field,), unit=auto.unit,
                                 note=unit_match.note + "; not converted")
    return unit_match


def map_headers(headers: Sequence[object], kind: str,
                field_map: str | Mapping[str, str] | None = None) -> HeaderMapping:
    """Map a header row to the fields of ``kind`` (see module doc).

    ``field_map``: the explicit mapping as text (``源列=field;...``) or a dict; it wins over
    the synonym table. Raises ValueError for unparseable FIELD_MAP text and KeyError for an
    unknown kind."""
    if kind not in SYNONYMS:
        raise KeyError(f"unknown layer kind {kind!r}: expected one of {', '.join(SYNONYMS)}")
    texts = ["" if h is None else str(h) for h in headers]
    mapping = parse_field_map(field_map) if isinstance(field_map, str) or field_map is None else dict(field_map)
    chosen, problems = _explicit(texts, kind, mapping)
    explicit_fields = {f: c for c, f in chosen.items() if f}
    matches: list[HeaderMatch] = []
    for column, header in enumerate(texts):
        if column in chosen:
            choice = chosen[column]
            if choice is False:  # the user's item failed: no automatic guess either
                matches.append(HeaderMatch(column, header, None, UNMAPPED, note="its FIELD_MAP item failed"))
            else:
                matches.append(_explicit_match(column, header, choice, kind))
            continue
        match = match_header(header, kind, column)
        if match.field in explicit_fields:
            match = HeaderMatch(column, header, None, SUPERSEDED, match.candidates, unit=match.unit,
                                note=f"FIELD_MAP takes {match.field} from column "
                                     f"'{texts[explicit_fields[match.field]]}'")
        matches.append(match)
    by_field: dict[str, list[int]] = {}
    for match in matches:
        if match.field and match.how in (EXACT, FUZZY):
            by_field.setdefault(match.field, []).append(match.column)
    for field, columns in by_field.items():
        if len(columns) > 1:
            for column in columns:
                old = matches[column]
                matches[column] = HeaderMatch(column, old.header, None, AMBIGUOUS, (field,),
                                              tuple(c for c in columns if c != column), old.unit,
                                              note=f"{len(columns)} columns match {field}")
    field_columns = {m.field: m.column for m in matches if m.field}
    pending = {f for m in matches if m.how == AMBIGUOUS for f in m.candidates}  # reported as ambiguous instead
    missing = tuple(f for f in required_fields(kind) if f not in field_columns and f not in pending)
    factors = {m.field: m.factor for m in matches if m.field and m.factor != 1.0}
    return HeaderMapping(kind, tuple(matches), field_columns, missing, tuple(problems), factors)
