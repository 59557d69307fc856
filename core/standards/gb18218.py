"""GB 18218-2018 危险化学品重大危险源辨识 (Identification of major hazard installations for
hazardous chemicals) as typed data: Tables 1–6 and the lookups the grading needs.

Source: GB 18218-2018, issued 2018-11-19, in force 2019-03-01 — Table 1 (危险化学品名称及其临界量,
85 rows, Q by substance), Table 2 (未在表1中列举的危险化学品类别及其临界量, Q by hazard category),
Table 3 (毒性气体校正系数β), Table 4 (未在表3中列举的危险化学品校正系数β, β by category),
Table 5 (暴露人员校正系数α), Table 6 (重大危险源级别和R值的对应关系). Each value was checked against
the standard's text (row numbers and CAS numbers of Table 1 are the standard's; CAS check digits
verified); unit tests pin every value.

Rules (standard §4.2, §4.3 and Annex):

* Q: a substance named in Table 1 takes its Table 1 Q, even when it also belongs to a Table 2
  category. Any other substance takes the Q of its Table 2 category; with several categories the
  lowest Q applies.
* S = Σ qᵢ/Qᵢ over the substances of one unit; S ≥ 1 makes the unit a major hazard source.
* R = α · Σ βᵢ qᵢ/Qᵢ. β of the toxic gases of Table 3 comes from Table 3; every other substance
  takes the Table 4 β of its hazard category. Table 1 gives no categories, so ``Table1Entry.category``
  holds the category this project assigns (GHS classification of the pure substance under
  ordinary storage) — only for β, and a record's own category overrides it; where no category is
  kept here, the record must name one. With several categories the highest β is taken (the
  standard is silent; the conservative choice, recorded in the per-record detail).
* Boundary rule of every band here: the lower bound is included (R ≥ 100 is 一级; 30 people is
  α 1.2; S = 1 is a major hazard source).

Table 1 holds no carbon monoxide row of its own: CO is row 13, 煤气 (CO, CO 和 H₂、CH₄ 的混合物等),
Q 20 t; its Table 3 β (一氧化碳, 2) is attached to that row.
"""
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

STANDARD = "GB 18218-2018"


# ---------------------------------------------------------------- Table 1: Q by substance

@dataclass(frozen=True)
class Table1Entry:
    """One row of Table 1. ``cas`` lists the CAS numbers the standard prints for the row (several for
    LPG, methane/natural gas); ``aliases`` are further names it is known by (the standard's 别名
    column, English names, formulas). ``category`` is the project's hazard category for β (see the
    module docstring), None where the record must name one or where Table 3 gives β."""

    seq: int
    name_zh: str
    name_en: str
    cas: tuple
    q_t: float
    category: str | None = None
    aliases: tuple = ()


_T = Table1Entry
TABLE1 = (
    _T(1, "氨", "ammonia", ("7664-41-7",), 10, None, ("液氨", "氨气", "NH3", "liquid ammonia", "anhydrous ammonia")),
    _T(2, "二氟化氧", "oxygen difluoride", ("7783-41-7",), 1, None, ("一氧化二氟", "OF2")),
    _T(3, "二氧化氮", "nitrogen dioxide", ("10102-44-0",), 1, None, ("NO2",)),
    _T(4, "二氧化硫", "sulfur dioxide", ("7446-09-5",), 20, None, ("亚硫酸酐", "SO2", "sulphur dioxide")),
    _T(5, "氟", "fluorine", ("7782-41-4",), 1, None, ("氟气", "F2")),
    _T(6, "碳酰氯", "phosgene", ("75-44-5",), 0.3, None, ("光气", "COCl2", "carbonyl chloride")),
    _T(7, "环氧乙烷", "ethylene oxide", ("75-21-8",), 10, None, ("氧化乙烯", "oxirane")),
    _T(8, "甲醛(含量>90%)", "formaldehyde (content > 90%)", ("50-00-0",), 5, None, ("蚁醛",)),
    _T(9, "磷化氢", "phosphine", ("7803-51-2",), 1, None, ("磷化三氢", "膦", "PH3")),
    _T(10, "硫化氢", "hydrogen sulfide", ("7783-06-4",), 5, None, ("H2S", "hydrogen sulphide")),
    _T(11, "氯化氢(无水)", "hydrogen chloride (anhydrous)", ("7647-01-0",), 20, None,
       ("氯化氢", "无水氯化氢", "HCl", "hydrogen chloride", "anhydrous hydrogen chloride")),
    _T(12, "氯", "chlorine", ("7782-50-5",), 5, None, ("液氯", "氯气", "Cl2", "liquid chlorine")),
    _T(13, "煤气(CO,CO和H₂、CH₄的混合物等)", "coal gas (CO, mixtures of CO with H₂, CH₄ etc.)", (), 20, None,
       ("煤气", "一氧化碳", "CO", "carbon monoxide", "coal gas", "630-08-0")),
    _T(14, "砷化氢", "arsine", ("7784-42-1",), 1, None, ("砷化三氢", "胂", "AsH3")),
    _T(15, "锑化氢", "stibine", ("7803-52-3",), 1, None, ("三氢化锑", "锑化三氢")),
    _T(16, "硒化氢", "hydrogen selenide", ("7783-07-5",), 1, None, ("H2Se",)),
    _T(17, "溴甲烷", "methyl bromide", ("74-83-9",), 10, None, ("甲基溴", "bromomethane")),
    _T(18, "丙酮氰醇", "acetone cyanohydrin", ("75-86-5",), 20, None, ("丙酮合氰化氢", "2-羟基异丁腈", "氰丙醇")),
    _T(19, "丙烯醛", "acrolein", ("107-02-8",), 20, None, ("烯丙醛", "败脂醛", "acrylaldehyde")),
    _T(20, "氟化氢", "hydrogen fluoride", ("7664-39-3",), 1, None, ("无水氟化氢", "HF", "anhydrous hydrogen fluoride")),
    _T(21, "1-氯-2,3-环氧丙烷", "epichlorohydrin", ("106-89-8",), 20, None, ("环氧氯丙烷", "3-氯-1,2-环氧丙烷")),
    _T(22, "3-溴-1,2-环氧丙烷", "epibromohydrin", ("3132-64-7",), 20, None, ("环氧溴丙烷", "溴甲基环氧乙烷", "表溴醇")),
    _T(23, "甲苯二异氰酸酯", "toluene diisocyanate", ("26471-62-5",), 100, None, ("二异氰酸甲苯酯", "TDI")),
    _T(24, "一氯化硫", "sulfur monochloride", ("10025-67-9",), 1, None, ("氯化硫", "disulfur dichloride")),
    _T(25, "氰化氢", "hydrogen cyanide", ("74-90-8",), 1, None, ("无水氢氰酸", "HCN")),
    _T(26, "三氧化硫", "sulfur trioxide", ("7446-11-9",), 75, None, ("硫酸酐", "SO3")),
    _T(27, "3-氨基丙烯", "allylamine", ("107-11-9",), 20, None, ("烯丙胺",)),
    _T(28, "溴", "bromine", ("7726-95-6",), 20, None, ("溴素", "Br2")),
    _T(29, "乙撑亚胺", "ethyleneimine", ("151-56-4",), 20, None, ("吖丙啶", "1-氮杂环丙烷", "氮丙啶", "aziridine")),
    _T(30, "异氰酸甲酯", "methyl isocyanate", ("624-83-9",), 0.75, None, ("甲基异氰酸酯", "MIC")),
    _T(31, "叠氮化钡", "barium azide", ("18810-58-7",), 0.5, None, ("叠氮钡",)),
    _T(32, "叠氮化铅", "lead azide", ("13424-46-9",), 0.5),
    _T(33, "雷汞", "mercury fulminate", ("628-86-4",), 0.5, None, ("二雷酸汞", "雷酸汞")),
    _T(34, "三硝基苯甲醚", "trinitroanisole", ("28653-16-9",), 5, None, ("三硝基茴香醚",)),
    _T(35, "2,4,6-三硝基甲苯", "2,4,6-trinitrotoluene", ("118-96-7",), 5, None, ("梯恩梯", "TNT")),
    _T(36, "硝化甘油", "nitroglycerin", ("55-63-0",), 1, None, ("硝化丙三醇", "甘油三硝酸酯")),
    _T(37, "硝化纤维素[干的或含水(或乙醇)<25%]", "nitrocellulose (dry or with < 25% water or ethanol)",
       ("9004-70-0",), 1, None, ("硝化棉", "nitrocellulose")),
    _T(38, "硝化纤维素(未改型的,或增塑的,含增塑剂<18%)",
       "nitrocellulose (unmodified, or plasticised with < 18% plasticiser)", ("9004-70-0",), 1, None,
       ("硝化棉", "nitrocellulose")),
    _T(39, "硝化纤维素(含乙醇≥25%)", "nitrocellulose (≥ 25% ethanol)", ("9004-70-0",), 10, None,
       ("硝化棉", "nitrocellulose")),
    _T(40, "硝化纤维素(含氮≤12.6%)", "nitrocellulose (nitrogen ≤ 12.6%)", ("9004-70-0",), 50, None,
       ("硝化棉", "nitrocellulose")),
    _T(41, "硝化纤维素(含水≥25%)", "nitrocellulose (≥ 25% water)", ("9004-70-0",), 50, None,
       ("硝化棉", "nitrocellulose")),
    _T(42, "硝化纤维素溶液(含氮量≤12.6%,含硝化纤维素≤55%)",
       "nitrocellulose solution (nitrogen ≤ 12.6%, nitrocellulose ≤ 55%)", ("9004-70-0",), 50, None,
       ("硝化棉溶液", "nitrocellulose solution")),
    _T(43, "硝酸铵(含可燃物>0.2%,包括以碳计算的任何有机物,但不包括任何其他添加剂)",
       "ammonium nitrate (> 0.2% combustible substances, incl. organic substances calculated as carbon)",
       ("6484-52-2",), 5, None, ("硝酸铵", "ammonium nitrate")),
    _T(44, "硝酸铵(含可燃物≤0.2%)", "ammonium nitrate (≤ 0.2% combustible substances)", ("6484-52-2",), 50, None,
       ("硝酸铵", "ammonium nitrate")),
    _T(45, "硝酸铵肥料(含可燃物≤0.4%)", "ammonium nitrate fertiliser (≤ 0.4% combustible substances)", (), 200),
    _T(46, "硝酸钾", "potassium nitrate", ("7757-79-1",), 1000),
    _T(47, "1,3-丁二烯", "1,3-butadiene", ("106-99-0",), 5, "W2", ("联乙烯", "丁二烯", "butadiene")),
    _T(48, "二甲醚", "dimethyl ether", ("115-10-6",), 50, "W2", ("甲醚", "DME")),
    _T(49, "甲烷,天然气", "methane, natural gas", ("74-82-8", "8006-14-2"), 50, "W2",
       ("甲烷", "天然气", "液化天然气", "压缩天然气", "methane", "natural gas", "LNG", "CNG")),
    _T(50, "氯乙烯", "vinyl chloride", ("75-01-4",), 50, "W2", ("乙烯基氯", "chloroethene", "VCM")),
    _T(51, "氢", "hydrogen", ("1333-74-0",), 5, "W2", ("氢气", "H2")),
    _T(52, "液化石油气(含丙烷、丁烷及其混合物)", "liquefied petroleum gas (incl. propane, butane and their mixtures)",
       ("68476-85-7", "74-98-6", "106-97-8"), 50, "W2",
       ("液化石油气", "石油气(液化的)", "丙烷", "丁烷", "LPG", "liquefied petroleum gas", "propane", "butane")),
    _T(53, "一甲胺", "methylamine", ("74-89-5",), 5, "W2", ("氨基甲烷", "甲胺")),
    _T(54, "乙炔", "acetylene", ("74-86-2",), 1, "W2", ("电石气", "ethyne")),
    _T(55, "乙烯", "ethylene", ("74-85-1",), 50, "W2", ("ethene",)),
    _T(56, "氧(压缩的或液化的)", "oxygen (compressed or liquefied)", ("7782-44-7",), 200, "W4",
       ("液氧", "氧气", "oxygen", "liquid oxygen")),
    _T(57, "苯", "benzene", ("71-43-2",), 50, "W5.3", ("纯苯",)),
    _T(58, "苯乙烯", "styrene", ("100-42-5",), 500, "W5.4", ("乙烯苯",)),
    _T(59, "丙酮", "acetone", ("67-64-1",), 500, "W5.3", ("二甲基酮",)),
    _T(60, "2-丙烯腈", "acrylonitrile", ("107-13-1",), 50, None, ("丙烯腈", "乙烯基氰", "氰基乙烯")),
    _T(61, "二硫化碳", "carbon disulfide", ("75-15-0",), 50, None, ("CS2",)),
    _T(62, "环己烷", "cyclohexane", ("110-82-7",), 500, "W5.3", ("六氢化苯",)),
    _T(63, "1,2-环氧丙烷", "propylene oxide", ("75-56-9",), 10, "W5.1", ("氧化丙烯", "甲基环氧乙烷", "环氧丙烷")),
    _T(64, "甲苯", "toluene", ("108-88-3",), 500, "W5.3", ("甲基苯", "苯基甲烷")),
    _T(65, "甲醇", "methanol", ("67-56-1",), 500, "W5.3", ("木醇", "木精", "methyl alcohol")),
    _T(66, "汽油(乙醇汽油、甲醇汽油)", "gasoline (incl. ethanol gasoline, methanol gasoline)", ("86290-81-5",), 200,
       "W5.1", ("汽油", "乙醇汽油", "甲醇汽油", "gasoline", "petrol")),
    _T(67, "乙醇", "ethanol", ("64-17-5",), 500, "W5.3", ("酒精", "ethyl alcohol")),
    _T(68, "乙醚", "diethyl ether", ("60-29-7",), 10, "W5.1", ("二乙基醚", "ether")),
    _T(69, "乙酸乙酯", "ethyl acetate", ("141-78-6",), 500, "W5.3", ("醋酸乙酯",)),
    _T(70, "正己烷", "n-hexane", ("110-54-3",), 500, "W5.3", ("己烷", "hexane")),
    _T(71, "过乙酸", "peracetic acid", ("79-21-0",), 10, None, ("过醋酸", "过氧乙酸", "乙酰过氧化氢")),
    _T(72, "过氧化甲基乙基酮(10%<有效氧含量≤10.7%,含A型稀释剂≥48%)",
       "methyl ethyl ketone peroxide (10% < available oxygen ≤ 10.7%, type A diluent ≥ 48%)", ("1338-23-4",), 10),
    _T(73, "白磷", "white phosphorus", ("12185-10-3",), 50, None, ("黄磷", "yellow phosphorus")),
    _T(74, "烷基铝", "aluminium alkyls", (), 1, None, ("三烷基铝",)),
    _T(75, "戊硼烷", "pentaborane", ("19624-22-7",), 1, None, ("五硼烷",)),
    _T(76, "过氧化钾", "potassium peroxide", ("17014-71-0",), 20),
    _T(77, "过氧化钠", "sodium peroxide", ("1313-60-6",), 20, None, ("双氧化钠", "二氧化钠")),
    _T(78, "氯酸钾", "potassium chlorate", ("3811-04-9",), 100),
    _T(79, "氯酸钠", "sodium chlorate", ("7775-09-9",), 100),
    _T(80, "发烟硝酸", "fuming nitric acid", ("52583-42-3",), 20),
    _T(81, "硝酸(发红烟的除外,含硝酸>70%)", "nitric acid (other than red fuming, > 70%)", ("7697-37-2",), 100),
    _T(82, "硝酸胍", "guanidine nitrate", ("506-93-4",), 50, None, ("硝酸亚氨脲",)),
    _T(83, "碳化钙", "calcium carbide", ("75-20-7",), 100, None, ("电石",)),
    _T(84, "钾", "potassium", ("7440-09-7",), 1, None, ("金属钾",)),
    _T(85, "钠", "sodium", ("7440-23-5",), 10, None, ("金属钠",)),
)
del _T
TABLE1_BY_SEQ = {e.seq: e for e in TABLE1}


# ---------------------------------------------------------------- Table 2: Q by category

@dataclass(frozen=True)
class Table2Entry:
    """One row of Table 2: critical quantity Q (t) of a hazard category (符号)."""

    code: str
    class_zh: str
    class_en: str
    description: str
    q_t: float


_C = Table2Entry
TABLE2 = (
    _C("J1", "急性毒性", "acute toxicity", "类别1,所有暴露途径,气体 / cat. 1, all routes, gases", 5),
    _C("J2", "急性毒性", "acute toxicity",
        "类别1,所有暴露途径,固体、液体 / cat. 1, all routes, solids and liquids", 50),
    _C("J3", "急性毒性", "acute toxicity", "类别2、类别3,所有暴露途径,气体 / cat. 2 and 3, all routes, gases", 50),
    _C("J4", "急性毒性", "acute toxicity",
       "类别2、类别3,吸入途径,液体(沸点≤35℃) / cat. 2 and 3, inhalation, liquids (b.p. ≤ 35 °C)", 50),
    _C("J5", "急性毒性", "acute toxicity",
       "类别2,所有暴露途径,液体(除J4外)、固体 / cat. 2, all routes, liquids (other than J4) and solids", 500),
    _C("W1.1", "爆炸物", "explosives", "不稳定爆炸物; 1.1项爆炸物 / unstable explosives; division 1.1", 1),
    _C("W1.2", "爆炸物", "explosives", "1.2、1.3、1.5、1.6项爆炸物 / divisions 1.2, 1.3, 1.5, 1.6", 10),
    _C("W1.3", "爆炸物", "explosives", "1.4项爆炸物 / division 1.4", 50),
    _C("W2", "易燃气体", "flammable gases", "类别1和类别2 / cat. 1 and 2", 10),
    _C("W3", "气溶胶", "aerosols", "类别1和类别2 / cat. 1 and 2 (net weight)", 150),
    _C("W4", "氧化性气体", "oxidising gases", "类别1 / cat. 1", 50),
    _C("W5.1", "易燃液体", "flammable liquids",
       "类别1; 类别2和3,工作温度高于沸点 / cat. 1; cat. 2 and 3 above their boiling point", 10),
    _C("W5.2", "易燃液体", "flammable liquids",
       "类别2和3,具有引发重大事故的特殊工艺条件 / cat. 2 and 3 under special process conditions", 50),
    _C("W5.3", "易燃液体", "flammable liquids", "不属于W5.1或W5.2的其他类别2 / other cat. 2", 1000),
    _C("W5.4", "易燃液体", "flammable liquids", "不属于W5.1或W5.2的其他类别3 / other cat. 3", 5000),
    _C("W6.1", "自反应物质和混合物", "self-reactive substances", "A型和B型 / types A and B", 10),
    _C("W6.2", "自反应物质和混合物", "self-reactive substances", "C型、D型、E型 / types C, D, E", 50),
    _C("W7.1", "有机过氧化物", "organic peroxides", "A型和B型 / types A and B", 10),
    _C("W7.2", "有机过氧化物", "organic peroxides", "C型、D型、E型、F型 / types C, D, E, F", 50),
    _C("W8", "自燃液体和自燃固体", "pyrophoric liquids and solids", "类别1 / cat. 1", 50),
    _C("W9.1", "氧化性固体和液体", "oxidising solids and liquids", "类别1 / cat. 1", 50),
    _C("W9.2", "氧化性固体和液体", "oxidising solids and liquids", "类别2、类别3 / cat. 2 and 3", 200),
    _C("W10", "易燃固体", "flammable solids", "类别1 / cat. 1", 200),
    _C("W11", "遇水放出易燃气体的物质和混合物", "substances emitting flammable gases with water",
       "类别1和类别2 / cat. 1 and 2", 200),
)
del _C
TABLE2_BY_CODE = {e.code: e for e in TABLE2}


# ---------------------------------------------------------------- Table 3: β of toxic gases

@dataclass(frozen=True)
class Table3Entry:
    """One row of Table 3 (β of a named toxic gas), linked to its Table 1 row by ``table1_seq``."""

    name_zh: str
    name_en: str
    table1_seq: int
    beta: float


TABLE3 = (
    Table3Entry("一氧化碳", "carbon monoxide", 13, 2),
    Table3Entry("二氧化硫", "sulfur dioxide", 4, 2),
    Table3Entry("氨", "ammonia", 1, 2),
    Table3Entry("环氧乙烷", "ethylene oxide", 7, 2),
    Table3Entry("氯化氢", "hydrogen chloride", 11, 3),
    Table3Entry("溴甲烷", "methyl bromide", 17, 3),
    Table3Entry("氯", "chlorine", 12, 4),
    Table3Entry("硫化氢", "hydrogen sulfide", 10, 5),
    Table3Entry("氟化氢", "hydrogen fluoride", 20, 5),
    Table3Entry("二氧化氮", "nitrogen dioxide", 3, 10),
    Table3Entry("氰化氢", "hydrogen cyanide", 25, 10),
    Table3Entry("碳酰氯", "phosgene", 6, 20),
    Table3Entry("磷化氢", "phosphine", 9, 20),
    Table3Entry("异氰酸甲酯", "methyl isocyanate", 30, 20),
)
TABLE3_BY_SEQ = {e.table1_seq: e for e in TABLE3}


# ---------------------------------------------------------------- Table 4: β by category

@dataclass(frozen=True)
class Table4Entry:
    """One row of Table 4: β of a hazard category (for substances not in Table 3)."""

    code: str
    beta: float


TABLE4 = tuple(Table4Entry(code, beta) for code, beta in (
    ("J1", 4), ("J2", 1), ("J3", 2), ("J4", 2), ("J5", 1),
    ("W1.1", 2), ("W1.2", 2), ("W1.3", 2),
    ("W2", 1.5), ("W3", 1), ("W4", 1),
    ("W5.1", 1.5), ("W5.2", 1), ("W5.3", 1), ("W5.4", 1),
    ("W6.1", 1.5), ("W6.2", 1), ("W7.1", 1.5), ("W7.2", 1),
    ("W8", 1), ("W9.1", 1), ("W9.2", 1), ("W10", 1), ("W11", 1),
))
TABLE4_BY_CODE = {e.code: e for e in TABLE4}
CATEGORY_CODES = tuple(e.code for e in TABLE2)


# ---------------------------------------------------------------- Table 5: α by exposed people

@dataclass(frozen=True)
class AlphaBand:
    """People within 500 m outside the boundary ≥ ``min_people`` (lower bound included) → α."""

    min_people: int
    alpha: float
    label: str


ALPHA_BANDS = (  # highest band first
    AlphaBand(100, 2.0, "100人以上 / 100 or more"),
    AlphaBand(50, 1.5, "50~99人"),
    AlphaBand(30, 1.2, "30~49人"),
    AlphaBand(1, 1.0, "1~29人"),
    AlphaBand(0, 0.5, "0人"),
)
EXPOSURE_RADIUS_M = 500.0  # Table 5: people within 500 m of the unit's boundary, outside it


# ---------------------------------------------------------------- Table 6: grade by R

@dataclass(frozen=True)
class GradeBand:
    """R ≥ ``min_r`` (lower bound included) → ``grade`` (1 = 一级, the most severe)."""

    grade: int
    min_r: float
    label_zh: str
    label_en: str


GRADE_BANDS = (  # most severe first; grade 4 has no lower bound
    GradeBand(1, 100.0, "一级", "Grade 1"),
    GradeBand(2, 50.0, "二级", "Grade 2"),
    GradeBand(3, 10.0, "三级", "Grade 3"),
    GradeBand(4, -math.inf, "四级", "Grade 4"),
)
MAJOR_S_THRESHOLD = 1.0  # S ≥ 1 ⇒ major hazard source

# Values are compared after rounding to this many decimals, so that floating-point sums such as
# 0.1 + 0.2 + 0.7 (= 0.9999999999999999) meet the bound they equal on paper.
COMPARE_DECIMALS = 9


@dataclass(frozen=True)
class GradeLevelPreset:
    """Mapping of hazard grades to the four risk levels (a project preset: the standard maps no colours);
    non-major units get ``non_major``."""

    name: str
    grade_to_level: tuple  # (level of grade 1, of grade 2, of grade 3, of grade 4)
    non_major: int
    description: str


GRADE_LEVEL_PRESETS = (
    GradeLevelPreset("grade_equals_level", (1, 2, 3, 4), 4,
                     "一级 → 1 red, 二级 → 2 orange, 三级 → 3 yellow, 四级 → 4 blue; S < 1 → 4 blue"),
)
GRADE_LEVEL_PRESET_BY_NAME = {p.name: p for p in GRADE_LEVEL_PRESETS}


# ---------------------------------------------------------------- lookups

def normalise_key(text: Any) -> str:
    """Key for name/CAS matching: Unicode NFKC (full-width → ASCII, subscripts → digits), case-folded,
    whitespace removed, brackets unified."""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    text = re.sub(r"\s+", "", text)
    return text.replace("[", "(").replace("]", ")")


def _substance_index() -> dict[str, tuple[Table1Entry, ...]]:
    index: dict[str, list[Table1Entry]] = {}
    for entry in TABLE1:
        keys = {entry.name_zh, entry.name_en, *entry.cas, *entry.aliases}
        for key in {normalise_key(k) for k in keys}:
            index.setdefault(key, []).append(entry)
    return {key: tuple(entries) for key, entries in index.items()}


SUBSTANCE_INDEX = _substance_index()  # normalised name / alias / CAS → Table 1 rows


def lookup_substance(text: Any) -> tuple[Table1Entry, ...]:
    """Table 1 rows matching a CAS number, Chinese or English name or alias: () when none,
    several when the key is ambiguous (e.g. 硝化棉, CAS 9004-70-0)."""
    if text is None:
        return ()
    return SUBSTANCE_INDEX.get(normalise_key(text), ())


def parse_categories(text: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Hazard category codes from a field value such as 'W2', 'w5.2', 'W2, J3' or 'W2/J3'.

    Returns (codes, unknown): valid codes in Table 2 spelling, and the pieces not recognised."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return (), ()
    pieces = [p for p in re.split(r"[,;/|、，；\s]+", unicodedata.normalize("NFKC", str(text))) if p]
    by_upper = {c.upper(): c for c in CATEGORY_CODES}
    codes: list[str] = []
    unknown: list[str] = []
    for piece in pieces:
        code = by_upper.get(piece.upper())
        (codes if code else unknown).append(code or piece)
    return tuple(dict.fromkeys(codes)), tuple(unknown)


def table2_q(codes: Iterable[str]) -> tuple[float, str]:
    """(Q, code) of the lowest Table 2 critical quantity among ``codes``."""
    return min((TABLE2_BY_CODE[c].q_t, c) for c in codes)


def table4_beta(codes: Sequence[str]) -> tuple[float, str]:
    """(β, code) of the highest Table 4 β among ``codes`` (ties: the first code given)."""
    best = max(TABLE4_BY_CODE[c].beta for c in codes)
    return best, next(c for c in codes if TABLE4_BY_CODE[c].beta == best)


def alpha_for(people: npt.ArrayLike) -> np.ndarray:
    """α (Table 5) for an array of exposed-people counts; lower bounds included."""
    people = np.round(np.asarray(people, dtype=float), COMPARE_DECIMALS)
    result = np.full(people.shape, np.nan)
    for band in reversed(ALPHA_BANDS):  # lowest band first; higher bands overwrite
        result[people >= band.min_people] = band.alpha
    return result


def grade_for(r_values: npt.ArrayLike) -> np.ndarray:
    """Grade 1..4 (Table 6) for an array of R values; lower bounds included."""
    r_values = np.round(np.asarray(r_values, dtype=float), COMPARE_DECIMALS)
    grades = np.full(r_values.shape, GRADE_BANDS[-1].grade, dtype=int)
    for band in reversed(GRADE_BANDS[:-1]):
        grades[r_values >= band.min_r] = band.grade
    return grades


def is_major(s_values: npt.ArrayLike) -> np.ndarray:
    """S ≥ 1 (lower bound included) for an array of S values."""
    return np.round(np.asarray(s_values, dtype=float), COMPARE_DECIMALS) >= MAJOR_S_THRESHOLD
