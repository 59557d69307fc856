"""危险性类别 as ledgers write it → the hazard categories of GB 18218-2018 Table 2 (J1…W11).

Ledgers copy the GHS classification of GB 30000 (“易燃液体，类别2；急性毒性-吸入，类别3”) or
write the Table 2 symbols (W5.3, J2). Symbols are read directly. A GHS class maps to a
symbol only where Table 2 leaves no choice; otherwise the cell is ambiguous with its
candidates, never guessed:

* 易燃气体 (any category) → W2; 氧化性气体 → W4; 自燃液体/自燃固体 → W8; 气溶胶 1/2 → W3;
* 易燃液体 类别1 → W5.1, but 类别2/3 depend on process conditions (W5.1/W5.2/W5.3 or W5.4);
* 急性毒性 depends on the physical state (gas J1/J3, liquid or solid J2/J4/J5): decided only
  when the text says 气体 (gas) — or 液体/固体 for category 1;
* 爆炸物 by division (1.1 / 不稳定 → W1.1; 1.2, 1.3, 1.5, 1.6 → W1.2; 1.4 → W1.3); 自反应物质 and
  有机过氧化物 by type (A/B → W6.1 / W7.1; C–E → W6.2, C–F → W7.2); 氧化性液体/固体 1 → W9.1,
  2/3 → W9.2; 易燃固体 1 → W10; 遇水放出易燃气体的物质 1/2 → W11;
* classes and categories absent from Table 2 (皮肤腐蚀, 加压气体, 急性毒性 类别4, 易燃固体 类别2 …)
  are "not listed": dropped with a note.
"""
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from ..standards.gb18218 import parse_categories

NOT_LISTED = "-"  # candidate meaning "not a Table 2 category"


@dataclass(frozen=True)
class HazardReading:
    codes: tuple[str, ...]  # Table 2 symbols read with certainty
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...]  # (text piece, candidate symbols)
    not_listed: tuple[str, ...]  # pieces naming classes/categories outside Table 2
    unknown: tuple[str, ...]  # pieces not understood


_CLASSES = (  # longest names first: the regex alternation takes the first that matches
    ("遇水放出易燃气体的物质和混合物", "water"), ("遇水放出易燃气体的物质", "water"), ("遇水放出易燃气体", "water"),
    ("自反应物质和混合物", "self_reactive"), ("自反应物质", "self_reactive"), ("有机过氧化物", "peroxide"),
    ("氧化性液体", "oxidising_ls"), ("氧化性固体", "oxidising_ls"), ("氧化性气体", "oxidising_gas"),
    ("易燃气溶胶", "aerosol"), ("气溶胶", "aerosol"), ("易燃气体", "flammable_gas"),
    ("易燃液体", "flammable_liquid"), ("易燃固体", "flammable_solid"), ("自燃液体", "pyrophoric"),
    ("自燃固体", "pyrophoric"), ("不稳定爆炸物", "explosive"), ("爆炸物", "explosive"),
    ("急性毒性", "acute_toxicity"),
)
_OTHER_GHS = ("加压气体", "自热物质", "金属腐蚀物", "皮肤腐蚀", "严重眼损伤", "眼刺激", "呼吸道致敏", "皮肤致敏",
              "生殖细胞致突变", "致癌性", "生殖毒性", "特异性靶器官毒性", "吸入危害", "危害水生环境", "危害臭氧层",
              "退敏爆炸物")
_CLASS_RE = re.compile("|".join(re.escape(n) for n, _ in _CLASSES) + "|" + "|".join(map(re.escape, _OTHER_GHS)))
_CLASS_OF = dict(_CLASSES)


def _category(piece: str) -> int | None:
    match = re.search(r"类别\s*(\d)|第?(\d)\s*类|category\s*(\d)|cat\.?\s*(\d)", piece)
    return int(next(g for g in match.groups() if g)) if match else None


def _type(piece: str) -> str | None:
    match = re.search(r"([a-g])\s*型|type\s*([a-g])", piece)
    return (match.group(1) or match.group(2)).upper() if match else None


def _division(piece: str) -> str | None:
    if "不稳定" in piece:
        return "unstable"
    match = re.search(r"1\.([1-6])", piece)
    return f"1.{match.group(1)}" if match else None


_Key = TypeVar("_Key", int, str)


def _by(value: _Key | None, table: Mapping[_Key, tuple[str, ...]], missing: tuple[str, ...]) -> tuple[str, ...]:
    """table lookup; ``missing`` when the value is absent; NOT_LISTED for a value outside the table."""
    if value is None:
        return missing
    return table.get(value, (NOT_LISTED,))


_W5 = ("W5.1", "W5.2", "W5.3", "W5.4")


def _candidates(kind: str, piece: str) -> tuple[str, ...]:
    cat, gas = _category(piece), "气体" in piece or "gas" in piece
    condensed = "液体" in piece or "固体" in piece
    if kind == "flammable_gas":
        return ("W2",)
    if kind == "oxidising_gas":
        return ("W4",)
    if kind == "pyrophoric":
        return ("W8",)
    if kind == "aerosol":
        return _by(cat, {1: ("W3",), 2: ("W3",)}, ("W3",))
    if kind == "flammable_liquid":
        return _by(cat, {1: ("W5.1",), 2: ("W5.1", "W5.2", "W5.3"), 3: ("W5.1", "W5.2", "W5.4")}, _W5)
    if kind == "flammable_solid":
        return _by(cat, {1: ("W10",)}, ("W10", NOT_LISTED))
    if kind == "water":
        return _by(cat, {1: ("W11",), 2: ("W11",)}, ("W11", NOT_LISTED))
    if kind == "oxidising_ls":
        return _by(cat, {1: ("W9.1",), 2: ("W9.2",), 3: ("W9.2",)}, ("W9.1", "W9.2"))
    if kind == "explosive":
        return _by(_division(piece), {"unstable": ("W1.1",), "1.1": ("W1.1",), "1.2": ("W1.2",), "1.3": ("W1.2",),
                                      "1.5": ("W1.2",), "1.6": ("W1.2",), "1.4": ("W1.3",)},
                   ("W1.1", "W1.2", "W1.3"))
    if kind in ("self_reactive", "peroxide"):
        low, high = ("W6.1", "W6.2") if kind == "self_reactive" else ("W7.1", "W7.2")
        highs = "CDE" if kind == "self_reactive" else "CDEF"
        return _by(_type(piece), {**{t: (low,) for t in "AB"}, **{t: (high,) for t in highs}},
                   (low, high, NOT_LISTED))
    # acute toxicity: the physical state decides (Table 2, J1–J5)
    if cat == 1:
        return ("J1",) if gas else ("J2",) if condensed else ("J1", "J2")
    if cat == 2:
        return ("J3",) if gas else ("J4", "J5")
    if cat == 3:
        return ("J3",) if gas else ("J4", NOT_LISTED)
    if cat is None:
        return ("J1", "J2", "J3", "J4", "J5")
    return (NOT_LISTED,)


def read_hazard_categories(text: object) -> HazardReading:
    """Table 2 symbols in one 危险性类别 cell (see module doc)."""
    if text is None or (isinstance(text, float) and text != text) or not str(text).strip():
        return HazardReading((), (), (), ())
    norm = unicodedata.normalize("NFKC", str(text)).casefold().replace(" ", "")
    codes, unknown = parse_categories(norm)
    if codes and not unknown:
        return HazardReading(codes, (), (), ())
    found = list(codes)
    ambiguous: list[tuple[str, tuple[str, ...]]] = []
    not_listed: list[str] = []
    rest: list[str] = []
    names = list(_CLASS_RE.finditer(norm))
    starts = [m.start() for m in names]
    if not starts:
        return HazardReading(tuple(codes), (), (), tuple(unknown) or (str(text).strip(),))
    lead = norm[:starts[0]].strip(",;，；、/ ")
    if lead and parse_categories(lead)[1]:  # symbols before the first class name were read above
        rest.append(lead)
    for found_name, end in zip(names, starts[1:] + [len(norm)]):
        piece = norm[found_name.start():end].strip(",;，；、/ ")
        name = found_name.group(0)
        if name not in _CLASS_OF:
            not_listed.append(piece)
            continue
        candidates = _candidates(_CLASS_OF[name], piece)
        if candidates == (NOT_LISTED,):
            not_listed.append(piece)
        elif len(candidates) == 1:
            found.append(candidates[0])
        else:
            ambiguous.append((piece, candidates))
    return HazardReading(tuple(dict.fromkeys(found)), tuple(ambiguous), tuple(not_listed), tuple(rest))
