"""The zh_CN translation covers every user-facing string of the plugin (issue 7: nothing unfinished)."""
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TS = os.path.join(ROOT, "i18n", "riskatlas_zh_CN.ts")
NOT_PLUGIN = {"tests", "bench", "sample_data", "tools", "__pycache__", "output", "dist"}  # dev-only folders


def plugin_sources():
    sources = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in NOT_PLUGIN]
        sources += [os.path.join(folder, f) for f in files if f.endswith(".py") and f != "conftest.py"]
    return sorted(sources)


def messages(path):
    tree = ET.parse(path)
    return {(c.findtext("name"), m.findtext("source")): m.find("translation")
            for c in tree.getroot().iter("context") for m in c.iter("message")}


def test_every_tr_string_is_in_the_ts_and_translated(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    subprocess.run(["pylupdate5", "-noobsolete", *plugin_sources(), "-ts", str(fresh)], check=True,
                   capture_output=True)
    found = messages(fresh)
    unfinished = sorted(f"{context}: {source[:60]!r}" for (context, source), translation in found.items()
                        if translation.get("type") == "unfinished" or not (translation.text or "").strip())
    assert unfinished == []
    committed = messages(TS)
    assert set(found) <= set(committed)


def test_translations_are_chinese():
    for (context, source), translation in messages(TS).items():
        text = translation.text or ""
        words = re.sub(r"\{[^}]*\}", "", source)  # placeholders are not words ('{where}: {what}' → '{where}：{what}')
        if any(ch.isalpha() for ch in words) and source not in ("GeoPackage (*.gpkg)",):
            assert any("\u4e00" <= ch <= "\u9fff" for ch in text) or source.strip() == text.strip(), (context, source)
