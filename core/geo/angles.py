"""Degrees from the text bureaus type into coordinate cells.

Accepted, in any mix (after Unicode NFKC, so full-width digits, letters and signs count):

* decimals: ``116.3975``, ``-33.5``, ``+116.4``, ``.5``;
* degrees-minutes-seconds with marks: ``116°23'45.6"E``, ``116度23分45.6秒``, ``N39°54′``,
  ``39°54.46'`` (decimal minutes), primes ′ ″, typographic quotes ’ ” and ``''`` for seconds;
* space- or colon-separated: ``39 54 27.6``, ``39:54:27.6``;
* a hemisphere as a letter before or after (N S E W, either case) or in Chinese (北纬 南纬 东经
  西经, or 北 南 东 西); S and W are negative. A sign together with S or W is refused as
  contradictory (``-39 S``: did the writer mean north?).

Rules: only the last component may have decimals; minutes and seconds are < 60; latitude
(N/S) ≤ 90, anything else ≤ 180 in magnitude. Empty cells give NaN with reason ``empty``.
Every other failure gives NaN and a reason naming the problem. Numbers (int/float) pass
through unchanged. Text is parsed once per distinct value (ledgers repeat values), so a
column of 100 000 cells costs a loop over its unique strings only.
"""
import math
import re
import unicodedata
from dataclasses import dataclass
import numpy as np
import numpy.typing as npt

LON, LAT, NO_AXIS = "lon", "lat", ""
EMPTY = "empty"

_MARKS = str.maketrans({
    "度": "°", "º": "°", "˚": "°", "分": "'", "′": "'", "’": "'", "‘": "'", "´": "'", "`": "'",
    "秒": '"', "″": '"', "”": '"', "“": '"', "：": ":",
})
_HEMISPHERE_WORDS = (("北纬", "N"), ("南纬", "S"), ("东经", "E"), ("西经", "W"),
                     ("北", "N"), ("南", "S"), ("东", "E"), ("西", "W"))
_TOKEN = re.compile(r"(\d+(?:\.\d*)?|\.\d+)\s*([°'\"]?)")
_POSITION = {"°": 0, "'": 1, '"': 2}


@dataclass(frozen=True)
class ParsedAngles:
    """Per value: ``degrees`` (float64, NaN when not parsed), ``axis`` ('lon' from E/W, 'lat'
    from N/S, '' when the text does not say) and ``reasons`` (None when parsed, else why not)."""

    degrees: np.ndarray
    axis: np.ndarray
    reasons: np.ndarray

    @property
    def ok(self) -> np.ndarray:
        return np.array([r is None for r in self.reasons], dtype=bool)


def normalise_angle_text(text: str) -> str:
    """NFKC, Chinese and typographic marks to ° ' ", hemisphere words to letters, upper case."""
    text = unicodedata.normalize("NFKC", text).translate(_MARKS)
    text = text.replace("''", '"')
    for word, letter in _HEMISPHERE_WORDS:
        text = text.replace(word, f" {letter} ")
    return text.upper().strip()


def _hemisphere(text: str) -> tuple[str, str | None, str | None]:
    """(text without the hemisphere letter, the letter or None, reason or None)."""
    letters = re.findall(r"[NSEW]", text)
    if not letters:
        return text, None, None
    if len(letters) > 1:
        return text, None, f"several hemisphere letters ({''.join(letters)})"
    match = re.fullmatch(r"\s*([NSEW])?\s*(.*?)\s*([NSEW])?\s*", text)
    if match is None or not (match.group(1) or match.group(3)):
        return text, None, "hemisphere letter in the middle of the value"
    return match.group(2), match.group(1) or match.group(3), None


def _components(body: str) -> tuple[list[tuple[int, str]] | None, str | None]:
    """([(position, text)] of the numbers in ``body`` (0 degrees, 1 minutes, 2 seconds), None) or
    (None, reason)."""
    parts: list[tuple[int, str]] = []
    position, end = -1, 0
    for match in _TOKEN.finditer(body):
        gap = body[end:match.start()]
        if gap.strip(" :"):
            return None, f"unexpected text {gap.strip()!r}"
        mark = match.group(2)
        new = _POSITION[mark] if mark else position + 1
        if new <= position or new > 2:
            return None, "degrees, minutes and seconds out of order"
        parts.append((new, match.group(1)))
        position, end = new, match.end()
    rest = body[end:]
    if rest.strip(" :"):
        return None, f"unexpected text {rest.strip()!r}"
    if not parts:
        return None, "no number"
    if parts[0][0] != 0:
        return None, "minutes or seconds without degrees"
    return parts, None


def parse_angle_text(text: str) -> tuple[float, str, str | None]:
    """(degrees, axis, reason) of one text value; degrees NaN when the reason is not None."""
    body = normalise_angle_text(text)
    if not body:
        return math.nan, NO_AXIS, EMPTY
    body, letter, reason = _hemisphere(body)
    if reason:
        return math.nan, NO_AXIS, reason
    sign = 1.0
    signed = re.match(r"\s*([+-])\s*", body)
    if signed:
        sign, body = (-1.0 if signed.group(1) == "-" else 1.0), body[signed.end():]
    if letter in ("S", "W") and signed:
        return math.nan, NO_AXIS, f"a sign and hemisphere {letter} together"
    parts, reason = _components(body)
    if parts is None:  # _components gives a reason exactly when it gives no parts
        return math.nan, NO_AXIS, reason
    values = [float(t) for _, t in parts]
    if any("." in t for _, t in parts[:-1]):
        return math.nan, NO_AXIS, "decimals before the last component"
    names = ("degrees", "minutes", "seconds")
    for (position, _), value in zip(parts[1:], values[1:]):
        if value >= 60:
            return math.nan, NO_AXIS, f"{names[position]} ≥ 60"
    degrees = sum(v / 60.0 ** p for (p, _), v in zip(parts, values))
    axis = LAT if letter in ("N", "S") else LON if letter in ("E", "W") else NO_AXIS
    limit = 90.0 if axis == LAT else 180.0
    if degrees > limit:
        return math.nan, NO_AXIS, f"{degrees:g}° is beyond {limit:g}°"
    if letter in ("S", "W"):
        sign = -1.0
    return sign * degrees, axis, None


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def parse_angles(values: npt.ArrayLike) -> ParsedAngles:
    """Parse a column of coordinate cells (numbers, text, None) into degrees (see module doc)."""
    cells = np.asarray(values, dtype=object).ravel()
    n = len(cells)
    degrees, axis = np.full(n, np.nan), np.full(n, NO_AXIS, dtype="<U3")
    reasons = np.full(n, None, dtype=object)
    is_number = np.array([isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)
                          for v in cells], dtype=bool)
    numbers = cells[is_number].astype(np.float64)
    degrees[is_number] = numbers
    missing = np.array([_is_missing(v) for v in cells], dtype=bool)
    reasons[missing] = EMPTY
    too_far = is_number & ~missing
    too_far[too_far] = np.abs(numbers[~np.isnan(numbers)]) > 180.0
    degrees[too_far], reasons[too_far] = np.nan, "beyond 180°"
    text_rows = np.flatnonzero(~is_number & ~missing)
    if len(text_rows):
        texts = np.array([str(v) for v in cells[text_rows]], dtype=object)
        unique, inverse = np.unique(texts, return_inverse=True)
        parsed = [parse_angle_text(t) for t in unique]
        degrees[text_rows] = np.array([p[0] for p in parsed], dtype=np.float64)[inverse]
        axis[text_rows] = np.array([p[1] for p in parsed], dtype="<U3")[inverse]
        reasons[text_rows] = np.array([p[2] for p in parsed], dtype=object)[inverse]
    return ParsedAngles(degrees, axis, reasons)
