"""Reading attribute values as planners type them: yes/no words, numbers, ids — one parser each,
one word table. Validation and every algorithm read values through here, so a value the
validator accepts means the same thing in every analysis.

Pure: numpy at import; pandas inside the functions, so that standards tables using the word
table stay importable when QGIS loads the plugin without the scientific stack.

Every array parser returns a ``Parsed``: the values plus two masks, ``blank`` (None, NaN or
empty text — a missing value) and ``invalid`` (given but not understood). Callers decide what a
blank means (an error for a required field, a default elsewhere) and name the invalid features.
"""
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Callable, Iterable, Mapping, Optional, Tuple

import numpy as np

# True/false words, compared after stripping and lower-casing. Numbers 1 and 0 (and their text)
# count too; anything else is invalid, never silently true.
YES_NO_WORDS: Mapping[str, bool] = MappingProxyType({
    **dict.fromkeys(("true", "t", "yes", "y", "1", "是", "对", "有", "真", "√"), True),
    **dict.fromkeys(("false", "f", "no", "n", "0", "否", "错", "无", "假", "×"), False),
})
# Text → text steps applied before a text value is read as a number (pandas Series of str in and
# out, vectorised): Unicode NFKC (full-width digits, signs and separators → ASCII: "１２" → "12",
# "１，２００" → "1,200", "㎡" → "m2"), strip, and thousands separators ("1,200" → "1200"; only in
# groups of three, so "1,2" stays unreadable). A unit after the number ("12吨", "500 kg", "1.2万")
# is read after these steps by ``parse_numbers`` (``core.ledger.text.UNITS``).
TextStep = Callable[[Any], Any]
_THOUSANDS = r"^([+-]?\d{1,3}(?:,\d{3})+)(\.\d*)?(?=\D|$)"
_NUMBER_AND_UNIT = r"^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(\D.*)$"


def _nfkc(text: Any) -> Any:
    return text.str.normalize("NFKC")


def _strip(text: Any) -> Any:
    return text.str.strip()


def _drop_thousands_separators(text: Any) -> Any:
    return text.str.replace(_THOUSANDS, lambda m: m.group(1).replace(",", "") + (m.group(2) or ""), regex=True)


NUMBER_TEXT_STEPS: Tuple[TextStep, ...] = (_nfkc, _strip, _drop_thousands_separators)


@dataclass(frozen=True)
class Parsed:
    """A column read by ``parse_numbers`` or ``parse_bools``.

    ``values``: float64 (NaN where blank or invalid) or bool (False where blank or invalid);
    ``blank``: the value is missing; ``invalid``: a value was given but is not understood."""

    values: np.ndarray
    blank: np.ndarray
    invalid: np.ndarray
    rewritten: Optional[np.ndarray] = None  # numbers: text read only after a step or a unit ("12吨", "1,200")

    @property
    def known(self) -> np.ndarray:
        return ~self.blank & ~self.invalid


def _objects(values: Iterable) -> Any:
    """A pandas Series of the values (index 0..n-1), keeping a numeric dtype when there is one."""
    import pandas as pd

    if isinstance(values, pd.Series):
        return values.reset_index(drop=True)
    array = values if isinstance(values, np.ndarray) else np.asarray(list(values), dtype=object)
    return pd.Series(array)


def _text_mask(series: Any) -> np.ndarray:
    return np.fromiter((isinstance(v, str) for v in series.to_numpy(dtype=object)), dtype=bool, count=len(series))


def is_blank(values: Iterable) -> np.ndarray:
    """True where a value is missing: None, NaN, NA, or text that is empty after stripping."""
    import pandas as pd

    series = _objects(values)
    blank = series.isna().to_numpy()
    if series.dtype == object:
        objects = series.to_numpy(dtype=object)
        # text only (or missing): the values that are not missing (no look at each one's type)
        text = ~blank if pd.api.types.infer_dtype(objects, skipna=True) == "string" else _text_mask(series)
        if text.any():
            # "".strip() == "" exactly for the empty text and text of whitespace only (str.isspace's)
            strings = objects[text]
            blank[text] = np.fromiter((not v or v.isspace() for v in strings), dtype=bool, count=len(strings))
    return blank


def parse_numbers(values: Iterable, steps: Tuple[TextStep, ...] = NUMBER_TEXT_STEPS,
                  dimension: Optional[str] = None) -> Parsed:
    """Numbers from a numeric, text or mixed column. Text goes through ``steps`` first; then a
    unit after the number is read with ``core.ledger.text.UNITS`` and converted to the unit of its
    dimension that the schemas use (t, m², people, km/h, min): "500kg" → 0.5, "1.2万人" → 12000,
    "12吨" → 12. ``dimension`` (e.g. "mass"): a unit of another dimension makes the value invalid
    ("12人" for a quantity); None accepts any known unit. An unknown unit is invalid."""
    import pandas as pd

    series = _objects(values)
    if series.dtype == object and pd.api.types.infer_dtype(series, skipna=False) in ("floating", "integer",
                                                                                     "mixed-integer-float"):
        series = series.astype(np.float64)  # numbers held as objects (a per-feature read): no text to parse
    if series.dtype.kind in "biuf":
        numbers = series.to_numpy(dtype=np.float64)
        none = np.zeros(len(numbers), dtype=bool)
        return Parsed(numbers, np.isnan(numbers), none, none.copy())
    series = series.astype(object)
    blank = is_blank(series)
    text = _text_mask(series) & ~blank
    numbers = pd.to_numeric(series.where(~text & ~blank, None), errors="coerce").to_numpy(dtype=np.float64)
    rewritten = np.zeros(len(series), dtype=bool)
    if text.any():
        raw = series[text].astype(str)
        cleaned = raw
        for step in steps:
            cleaned = step(cleaned)
        read = pd.to_numeric(cleaned, errors="coerce").to_numpy(dtype=np.float64)
        unread = np.isnan(read)
        if unread.any():
            read[unread] = _numbers_with_units(cleaned[unread], dimension)
        numbers[text] = read
        plain = pd.to_numeric(raw.str.strip(), errors="coerce").to_numpy(dtype=np.float64)
        rewritten[text] = np.isnan(plain) & ~np.isnan(read)
    invalid = np.isnan(numbers) & ~blank
    return Parsed(numbers, blank, invalid, rewritten)


def _numbers_with_units(text: Any, dimension: Optional[str]) -> np.ndarray:
    """Numbers of "12吨"-like text (NaN where the unit is unknown or of another dimension)."""
    import pandas as pd

    from .ledger.text import unit_factor

    parts = text.str.extract(_NUMBER_AND_UNIT)
    numbers = pd.to_numeric(parts[0], errors="coerce").to_numpy(dtype=np.float64)
    factors = np.full(len(numbers), np.nan)
    units = parts[1].to_numpy(dtype=object)
    for unit in {u for u in units if isinstance(u, str)}:
        found = unit_factor(unit)
        if found is not None and (dimension is None or found[0] in ("", dimension)):
            factors[units == unit] = found[1]
    return numbers * factors


def parse_bools(values: Iterable, words: Mapping[str, bool] = YES_NO_WORDS) -> Parsed:
    """True/false from a bool, number or text column: ``words`` (lower-case) for text, 1/0 for
    numbers. Anything else — 2, 'maybe' — is invalid."""
    series = _objects(values)
    if series.dtype.kind == "b":
        flags = series.to_numpy(dtype=bool)
        return Parsed(flags, np.zeros(len(flags), dtype=bool), np.zeros(len(flags), dtype=bool))
    series = series.astype(object)
    blank = is_blank(series)
    flags = np.zeros(len(series), dtype=bool)
    invalid = ~blank
    text = _text_mask(series) & ~blank
    if text.any():
        found = series[text].str.normalize("NFKC").str.strip().str.lower().map(words)
        known = found.notna().to_numpy()
        positions = np.flatnonzero(text)
        flags[positions[known]] = found[known].astype(bool).to_numpy()
        invalid[positions[known]] = False
    rest = invalid.copy()  # bools, numbers and text such as "1.0": 1 → true, 0 → false
    if rest.any():
        numbers = parse_numbers(series[rest]).values
        ones, zeros = numbers == 1, numbers == 0
        positions = np.flatnonzero(rest)
        flags[positions[ones]] = True
        invalid[positions[ones | zeros]] = False
    return Parsed(flags, blank, invalid)


def to_number(value: object) -> Optional[float]:
    """One value as a float; None when blank. Raises ValueError when it is not a number."""
    parsed = parse_numbers([value])
    if parsed.invalid[0]:
        raise ValueError(f"not a number: {value!r}")
    return None if parsed.blank[0] else float(parsed.values[0])


def yes_no(value: object) -> Optional[bool]:
    """One value as True/False; None when blank or not a yes/no value (the hook the code table's
    ``recode(boolean=...)`` takes)."""
    parsed = parse_bools([value])
    return None if parsed.blank[0] or parsed.invalid[0] else bool(parsed.values[0])


def to_bool(value: object, words: Mapping[str, bool] = YES_NO_WORDS) -> Optional[bool]:
    """One value as True/False; None when blank. Raises ValueError when it is not a yes/no value."""
    parsed = parse_bools([value], words)
    if parsed.invalid[0]:
        raise ValueError(f"not true/false: {value!r}")
    return None if parsed.blank[0] else bool(parsed.values[0])


def id_strings(series: Iterable) -> np.ndarray:
    """Object array of ids as strings (None where null). Ids may be stored as text or numbers;
    results always carry text. Whole floats lose their '.0' (an integer field with nulls is read
    as float64); text is stripped and blank text counts as null."""
    import pandas as pd

    values = pd.Series(series).reset_index(drop=True)
    if pd.api.types.is_float_dtype(values.dtype):
        finite = values.notna()
        whole = finite & (values.fillna(0) % 1 == 0)
        text = pd.Series(None, index=values.index, dtype=object)
        text[whole] = values[whole].astype(np.int64).astype(str)
        text[finite & ~whole] = values[finite & ~whole].astype(str)
        return text.where(finite, None).to_numpy(dtype=object)
    null = values.isna()
    text = values.astype(object).where(~null, "").astype(str).str.strip()
    return text.where(~null & (text != ""), None).to_numpy(dtype=object)
