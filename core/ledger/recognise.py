"""Which row holds the headers, and which layer kind a table is, from its headers alone.

* ``detect_header_row``: among the first rows (10 by default) the one with the most
  recognised headers wins (the first on a tie) — a merged title row above it ("XX县重大危险源
  基本特征表") has one cell and loses. When the row below it adds recognised headers under
  merged group cells (危险化学品 ▸ 名称 / CAS号 / 危险性类别), the two rows are read together.
* ``recognise_kind``: for every kind, the share of its required fields that some column
  matches (exactly, fuzzily or ambiguously); ties are broken by the number of required fields
  matched exactly (a specific header beats a generic one matched by its ending: 消防站类别 is a
  station's class, not a road's 类别), then by the number of schema fields matched; still tied →
  ambiguous (no kind). Below half the required fields → no kind.
  ``shelter_points`` is not a candidate: it has the shelters' headers (the geometry decides).
"""
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .headers import AMBIGUOUS, EXACT, FUZZY, map_headers, match_header, required_fields
from .synonyms import RECOGNISED_KINDS, SYNONYMS

MIN_REQUIRED_SHARE = 0.5
HEADER_SEARCH_ROWS = 10


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def _recognition(header: str, kinds: Sequence[str]) -> int:
    """2 exact, 1 fuzzy or ambiguous, 0 not recognised — the best over ``kinds``."""
    best = 0
    for kind in kinds:
        how = match_header(header, kind).how
        best = max(best, 2 if how == EXACT else 1 if how in (FUZZY, AMBIGUOUS) else 0)
        if best == 2:
            break
    return best


def _count(headers: Sequence[str], kinds: Sequence[str]) -> int:
    return sum(1 for h in headers if h and _recognition(h, kinds))


@dataclass(frozen=True)
class HeaderRow:
    """``index``: 0-based row of the headers (None when no row has a recognised header);
    ``rows_used``: 1, or 2 for a two-level header; ``headers``: one text per column (a
    two-level header's group and sub-header joined); ``counts``: recognised headers per row searched."""

    index: int | None
    rows_used: int
    headers: tuple[str, ...]
    recognised: int
    counts: tuple[int, ...]

    @property
    def data_start(self) -> int | None:
        return None if self.index is None else self.index + self.rows_used


def _two_level(top: Sequence[str], below: Sequence[str], kinds: Sequence[str]) -> tuple[str, ...]:
    """Per column: the group (carried right over merged blanks) + sub-header, the sub-header
    alone, or the top cell — whichever is recognised best (in that order on a tie)."""
    width = max(len(top), len(below))
    top = list(top) + [""] * (width - len(top))
    below = list(below) + [""] * (width - len(below))
    result: list[str] = []
    group = ""
    for upper, lower in zip(top, below):
        group = upper or group
        if not lower:
            result.append(upper)
            continue
        options = [group + lower, lower] + ([upper] if upper else [])
        scores = [_recognition(o, kinds) for o in options]
        result.append(options[scores.index(max(scores))])
    return tuple(result)


def detect_header_row(rows: Iterable[Sequence[object]], kind: str | None = None,
                      max_rows: int = HEADER_SEARCH_ROWS) -> HeaderRow:
    """Find the header row in the first ``max_rows`` rows of a sheet (cells as read: text,
    numbers or None). ``kind`` None: headers of any kind count."""
    kinds = (kind,) if kind else RECOGNISED_KINDS
    table: list[list[str]] = []
    for i, row in enumerate(rows):
        if i > max_rows:  # one row beyond, for a two-level header in the last searched row
            break
        table.append([_cell(v) for v in row])
    counts = tuple(_count(row, kinds) for row in table[:max_rows])
    if not counts or max(counts) == 0:
        return HeaderRow(None, 0, (), 0, counts)
    best = counts.index(max(counts))
    headers, used, recognised = tuple(table[best]), 1, counts[best]
    if best + 1 < len(table):
        joined = _two_level(table[best], table[best + 1], kinds)
        joined_count = _count(joined, kinds)
        if joined_count > recognised and _count(table[best + 1], kinds) > 0:
            headers, used, recognised = joined, 2, joined_count
    return HeaderRow(best, used, headers, recognised, counts)


@dataclass(frozen=True)
class KindGuess:
    """``kind`` (None when not recognised or ambiguous), its ``score`` (share of required
    fields matched), ``ranking``: (kind, score, schema fields matched) best first,
    ``tied``: the kinds tied at the top when ``ambiguous``."""

    kind: str | None
    score: float
    ranking: tuple[tuple[str, float, int], ...]
    ambiguous: bool
    tied: tuple[str, ...] = ()


def _coverage(headers: Sequence[str], kind: str) -> tuple[float, int, int]:
    """(share of required fields matched, required fields matched exactly, schema fields matched)."""
    mapping = map_headers(headers, kind)
    schema = {e.field for e in SYNONYMS[kind] if e.schema}
    hit: set[str] = set()
    exact: set[str] = set()
    for match in mapping.columns:
        hit.update(match.candidates if match.how in (EXACT, FUZZY, AMBIGUOUS) else ())
        exact.update(match.candidates if match.how == EXACT else ())
    required = required_fields(kind)
    share = sum(1 for f in required if f in hit) / len(required)
    return share, sum(1 for f in required if f in exact), len(hit & schema)


def recognise_kind(headers: Sequence[object], kinds: Sequence[str] = RECOGNISED_KINDS) -> KindGuess:
    """The layer kind whose required fields the headers cover best (see module doc)."""
    cells = [_cell(h) for h in headers]
    scored = [(kind,) + _coverage(cells, kind) for kind in kinds]
    ordered = sorted(scored, key=lambda s: (-s[1], -s[2], -s[3], kinds.index(s[0])))
    top = ordered[0]
    tied = tuple(k for k, share, exact, n in ordered if (share, exact, n) == top[1:])
    ranking = tuple((k, share, n) for k, share, _exact, n in ordered)
    if top[1] < MIN_REQUIRED_SHARE:
        return KindGuess(None, top[1], ranking, False)
    if len(tied) > 1:
        return KindGuess(None, top[1], ranking, True, tied)
    return KindGuess(top[0], top[1], ranking, False)
