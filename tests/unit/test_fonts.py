"""The CJK font list and its resolution (support.fonts), without Qt: picking from a list of installed families."""
from riskatlas.support.fonts import CJK_FAMILIES, DEFAULT_FAMILY, all_names, is_cjk_family, pick_family, resolved


def test_the_list_covers_windows_macos_and_linux():
    names = all_names()
    for family in ("Microsoft YaHei", "SimHei", "SimSun", "PingFang SC", "Heiti SC", "STHeiti", "WenQuanYi Zen Hei",
                   "Noto Sans CJK SC", "Source Han Sans SC"):
        assert family in names
    assert {f.system for f in CJK_FAMILIES} == {"Windows", "macOS", "Linux"}
    assert DEFAULT_FAMILY == "WenQuanYi Zen Hei"
    assert names.index("Noto Sans CJK SC") > names.index("SimSun")  # it extracts as radicals: last resort


def test_a_family_listed_under_its_chinese_name_is_found_as_qt_lists_it():
    # Qt under a Chinese locale lists WenQuanYi Zen Hei as 文泉驿正黑
    assert pick_family(["DejaVu Sans", "Noto Sans CJK SC", "文泉驿正黑"]) == "文泉驿正黑"
    assert pick_family(["Arial", "微软雅黑", "宋体"]) == "微软雅黑"
    assert pick_family(["PingFang SC [Apple]", "Helvetica"]) == "PingFang SC [Apple]"  # with a foundry
    assert pick_family(["SimSun", "Noto Sans CJK SC"]) == "SimSun"
    assert pick_family(["DejaVu Sans", "Arial"]) is None


def test_resolved_keeps_installed_and_planners_own_fonts():
    installed = ["Microsoft YaHei", "Arial"]
    assert resolved("WenQuanYi Zen Hei", installed=installed) == "Microsoft YaHei"  # missing here
    assert resolved("Arial", installed=installed) == "Arial"
    assert resolved("Garamond", installed=installed) == "Garamond"  # not ours to change
    assert resolved("文泉驿正黑", installed=["DejaVu Sans"]) == DEFAULT_FAMILY  # none installed: Qt substitutes
    assert is_cjk_family("simhei") and not is_cjk_family("Arial")
