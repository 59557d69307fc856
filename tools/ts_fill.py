"""Merge translations from tab-separated files into i18n/riskatlas_zh_CN.ts.

Usage: python tools/ts_fill.py i18n/riskatlas_zh_CN.ts file.tsv [...]
Each .tsv line: context <TAB> English source <TAB> Chinese translation, with "\\n" for newlines.
Run `make update-ts` first so the .ts holds every tr() string; entries found in a .tsv get
their translation and lose type="unfinished". Prints what is still unfinished.
"""
import sys
import xml.etree.ElementTree as ET


def load_tsv(path):
    table = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                sys.exit(f"{path}:{number}: expected 3 tab-separated columns, got {len(parts)}")
            context, source, translation = (p.replace("\\n", "\n") for p in parts)
            table[(context, source)] = translation
    return table


def main(ts_path, tsv_paths):
    table = {}
    for path in tsv_paths:
        table.update(load_tsv(path))
    tree = ET.parse(ts_path)
    unfinished, filled = [], 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            key = (name, source)
            if key in table:
                translation.text = table[key]
                translation.attrib.pop("type", None)
                filled += 1
            elif translation.get("type") == "unfinished":
                unfinished.append(key)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled}; unfinished {len(unfinished)}")
    for context, source in unfinished:
        print(f"  {context}\t{source[:70]!r}")
    return 1 if unfinished else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
