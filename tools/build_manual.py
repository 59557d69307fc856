"""Write the bundled user manual ``help/manual_zh.html`` and ``help/manual_en.html``.

    .venv/bin/python tools/build_manual.py [--output-dir help]

Each algorithm's Help button opens its section (``processing.base.manual_url``: a file URL with the
algorithm id as anchor). The algorithm sections are the algorithms' own help texts
(``processing/help.py``), rendered in each language with the plugin's translation, so the manual
and the dialogs say the same; the chapters around them are written here. A test checks that the
committed manual is what this script writes.
"""
import argparse
import html
import importlib.util
import os
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANGUAGES = {"zh": "zh_CN", "en": "en_US"}
STYLE = ("body{font-family:'WenQuanYi Zen Hei','Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:56em;"
         "margin:2em auto;padding:0 1em;line-height:1.6;color:#1a1a1a}h1{color:#1F4E79}h2{color:#1F4E79;"
         "border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}h3{color:#333}code{background:#f3f3f3;"
         "padding:0 .3em}nav li{margin:.1em 0}.steps li{margin:.4em 0}p.help{white-space:pre-line}")

TEXT = {
    "title": ("风险图谱（Risk Atlas）使用手册", "Risk Atlas user manual"),
    "intro": ("风险图谱是 QGIS 插件，面向县、市应急管理局和安全生产规划人员：依据 GB 18218-2018 辨识与分级重大危险源，"
              "用 LEC 法或风险矩阵评估企业风险，绘制红橙黄蓝四色安全风险空间分布图，分析消防站 5 分钟到达覆盖和人均固定避难"
              "场所面积，并输出风险图集（PDF）。所有分析都是 QGIS 处理工具（Processing）算法，可在工具箱、模型、批处理和 "
              "qgis_process 中使用。",
              "Risk Atlas is a QGIS plugin for county and city emergency-management bureaus and work-safety planners: "
              "it grades major hazard sources after GB 18218-2018, scores enterprises (LEC or a risk matrix), draws the "
              "red-orange-yellow-blue four-colour safety-risk map, checks the fire stations' 5-minute reach and the "
              "fixed-shelter area per resident, and prints a risk atlas (PDF). Every analysis is a QGIS Processing "
              "algorithm, usable from the toolbox, in models, batch runs and qgis_process."),
    "contents": ("目录", "Contents"),
    "install": ("安装所需的 Python 包", "Installing the Python packages"),
    "install_text": ("插件需要 QGIS 自带的 Python 中有 geopandas ≥ 1.0、shapely ≥ 2、scipy 和 matplotlib。缺少时插件仍会加载，"
                     "但算法不可用，并在消息栏和日志（Risk Atlas）中给出下面的安装说明：",
                     "The plugin needs geopandas ≥ 1.0, shapely ≥ 2, scipy and matplotlib in QGIS's own Python. Without "
                     "them it still loads, its algorithms stay disabled, and the message bar and the log (Risk Atlas) "
                     "give these instructions:"),
    "start": ("快速上手：示例县", "Getting started: the sample county"),
    "start_steps": ((
        "菜单“插件 ▸ 风险图谱 ▸ 加载示例县数据”：示例县（虚构的临海县）复制到您主目录下的 RiskAtlas 文件夹"
        "（已有副本时直接使用，您的修改不会丢失），并以分组加入当前项目。",
        "菜单“风险图谱 ▸ 完整风险评估（一次运行）…”：对话框已按图层名称或字段预先选好企业、危险源、应急避难场所、消防站、"
        "人口、道路和镇街图层；输出文件夹默认为已保存项目旁边的文件夹，未保存项目时为主目录下 RiskAtlas 中带日期的文件夹。",
        "点击“运行”。分析在后台进行，QGIS 可继续使用；之后打印图集。“取消”在下一个进度步骤停止运行，不留下任何文件。",
        "完成后，结果作为一个已设置样式的图层组加入当前项目，消息栏提供“打开图集（PDF）”按钮；日志列出各文件和主要数字。",
    ), (
        "Menu Plugins ▸ Risk Atlas ▸ Load sample county: the sample county (the fictional Linhai county) is copied to "
        "the RiskAtlas folder in your home folder (an existing copy is used as it is, so your edits are kept) and "
        "added to the current project as a group.",
        "Menu Risk Atlas ▸ Full risk assessment (one run)…: the dialog has pre-selected the enterprises, hazard "
        "sources, shelters, fire stations, population, roads and townships layers by their names or fields; the "
        "output folder defaults to a folder beside the saved project, or a dated folder under RiskAtlas in your "
        "home folder when the project is not saved.",
        "Click Run. The analysis runs in the background and QGIS stays usable; the atlas is printed afterwards. "
        "Cancel stops the run at its next progress step and leaves no file behind.",
        "When it has finished, the results are added to the current project as one styled group, the message bar "
        "offers “Open the atlas (PDF)”, and the log lists the files and the headline figures.",
    )),
    "own": ("使用本县数据", "Your county's own data"),
    "own_steps": ((
        "本局已有 Excel/CSV 台账或自有格式的图层时：运行“导入台账/图层”，每个台账得到一个风险图谱图层（中文表头和代码、"
        "GCJ-02/BD-09 坐标均可识别），导入报告列出每一处转换；也可以直接把台账交给“完整风险评估（一次运行）”，它会先导入。",
        "从头填写时：运行“创建数据模板”，得到包含全部输入图层及字段的空 GeoPackage（可另写出每个图层的 Excel 模板）；"
        "从台账填入数据。",
        "运行“检查输入图层”，按报告（validation.html）修正错误。",
        "运行“完整风险评估（一次运行）”，或按顺序逐个运行各项分析。",
    ), (
        "When the bureau has its own Excel/CSV ledgers or layers: run Import ledger or layer to turn each into a "
        "Risk Atlas layer (Chinese headers and codes, GCJ-02/BD-09 coordinates are recognised); its report lists "
        "every change. Or give the ledgers to Full risk assessment (one run) directly: it imports them first.",
        "Starting from scratch: run Create data template — an empty GeoPackage with every input layer and its "
        "fields (and, optionally, an Excel template per layer); fill it from the bureau's ledgers.",
        "Run Validate input layers and fix what its report (validation.html) lists.",
        "Run Full risk assessment (one run), or the analyses one after another.",
    )),
    "kinds": ("图层的预选与核对", "Pre-selected layers and the kind check"),
    "kinds_text": (
        "每个图层参数都有其“种类”（企业、道路、四色图……）。打开对话框时，插件在当前项目中按图层名称（中文或英文）或字段"
        "识别各种类的图层并预先选中；字段参数预选对应字段（也识别“统一社会信用代码”等台账表头）。运行时，若所选图层看起来"
        "是另一种类（例如“选择的企业图层看起来是道路”），运行在开始前停止，并说明两种种类；若所需的图层由另一算法生成"
        "（如四色图需要“企业风险等级”的结果），提示先运行该算法。",
        "Every layer parameter takes a kind of layer (enterprises, roads, the four-colour map …). When a dialog "
        "opens, the plugin recognises the project's layer of each kind by its name (Chinese or English) or its "
        "fields and pre-selects it; field parameters pre-select the matching field (ledger headers such as "
        "统一社会信用代码 included). When a layer chosen for one kind looks like another (“the Enterprises layer "
        "chosen looks like Roads”), the run stops before it starts and names both kinds; when the kind is what "
        "another algorithm writes (the four-colour map needs the output of Enterprise risk level), it says to run "
        "that algorithm first."),
    "algorithms": ("各算法说明", "The algorithms"),
    "language": ("语言", "Language"),
    "language_text": (
        "QGIS 界面为中文（在 QGIS 选项中选择“简体中文”，或任何以 zh 开头的语言设置）时，插件的菜单、对话框、帮助和日志为"
        "中文，否则为英文。运行写出的文件（PDF、PNG、HTML、标注字段、汇总表、项目中的图层名）在算法有“图集语言”参数时"
        "按该参数，否则按界面语言。",
        "When QGIS runs in Chinese (简体中文 picked in QGIS's options, or any locale starting with zh), the plugin's "
        "menus, dialogs, help and log are Chinese, otherwise English. Files a run writes (PDF, PNG, HTML, label "
        "fields, summary tables, layer names in the project) follow the algorithm's atlas-language parameter where "
        "it has one, else the UI language."),
    "model": ("可编辑模型", "The editable model"),
}
SECTIONS = ("fullassessment", "importlayer", "createtemplate", "validateinputs", "gradehazardsources", "enterpriserisk",
            "fourcolourmap", "firestationreach", "firestationsiting", "shelterpercapita", "resourcecoverage",
            "incidentsurroundings",
            "exportatlas", "comparescenarios")


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _t(key, language):
    zh, en = TEXT[key]
    return zh if language == "zh" else en


def render(language):
    """The manual in ``language`` (the plugin's translator must be installed for it)."""
    from qgis.core import QgsApplication

    from riskatlas.processing.help import HELP, assessment_model

    registry = QgsApplication.processingRegistry()
    # fresh instances: their parameter labels are translated when made (createAlgorithmById calls initAlgorithm)
    algorithms = [(key, registry.createAlgorithmById(f"riskatlas:{key}")) for key in SECTIONS]
    model = registry.algorithmById("riskatlas:riskatlasassessmentmodel")
    esc = html.escape
    nav = [f"<li><a href='#install'>{esc(_t('install', language))}</a></li>",
           f"<li><a href='#start'>{esc(_t('start', language))}</a></li>",
           f"<li><a href='#own'>{esc(_t('own', language))}</a></li>",
           f"<li><a href='#kinds'>{esc(_t('kinds', language))}</a></li>",
           f"<li><a href='#language'>{esc(_t('language', language))}</a></li>",
           f"<li>{esc(_t('algorithms', language))}<ul>"
           + "".join(f"<li><a href='#{key}'>{esc(a.displayName())}</a></li>" for key, a in algorithms)
           + f"<li><a href='#model'>{esc(model.displayName())}</a></li></ul></li>"]
    parts = [f"<h1>{esc(_t('title', language))}</h1>", f"<p>{esc(_t('intro', language))}</p>",
             f"<h2>{esc(_t('contents', language))}</h2><nav><ul>{''.join(nav)}</ul></nav>"]
    from riskatlas.support.dependencies import INSTALL_HELP

    parts.append(f"<h2 id='install'>{esc(_t('install', language))}</h2><p>{esc(_t('install_text', language))}</p>"
                 f"<pre>{esc(INSTALL_HELP.format(missing='geopandas >= 1.0, shapely >= 2, scipy, matplotlib'))}</pre>")
    for anchor, steps in (("start", "start_steps"), ("own", "own_steps")):
        items = TEXT[steps][0 if language == "zh" else 1]
        parts.append(f"<h2 id='{anchor}'>{esc(_t(anchor, language))}</h2><ol class='steps'>"
                     + "".join(f"<li>{esc(item)}</li>" for item in items) + "</ol>")
    for anchor in ("kinds", "language"):
        parts.append(f"<h2 id='{anchor}'>{esc(_t(anchor, language))}</h2><p>{esc(_t(anchor + '_text', language))}</p>")
    parts.append(f"<h2>{esc(_t('algorithms', language))}</h2>")
    for key, algorithm in algorithms:
        parts.append(f"<h3 id='{key}'>{esc(algorithm.displayName())} <code>riskatlas:{key}</code></h3>"
                     f"<p class='help'>{esc(HELP[key](algorithm))}</p>")
    parts.append(f"<h3 id='model'>{esc(model.displayName())} <code>{esc(model.id())}</code></h3>"
                 f"<p class='help'>{esc(assessment_model())}</p>")
    lang = "zh-CN" if language == "zh" else "en"
    return (f"<!DOCTYPE html>\n<html lang='{lang}'><head><meta charset='utf-8'><title>{esc(_t('title', language))}"
            f"</title><style>{STYLE}</style></head><body>\n" + "\n".join(parts) + "\n</body></html>\n")


def build(output_dir):
    """Write both manuals into ``output_dir`` (QGIS running, the provider registered); returns the paths."""
    from qgis.core import QgsSettings

    from riskatlas.support import i18n

    settings = QgsSettings()
    saved = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    paths = []
    try:
        for language, locale in LANGUAGES.items():
            settings.setValue("locale/overrideFlag", True)
            settings.setValue("locale/userLocale", locale)
            i18n.remove_translator()
            i18n.install_translator()
            path = os.path.join(output_dir, f"manual_{language}.html")
            os.makedirs(output_dir, exist_ok=True)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(render(language))
            paths.append(path)
    finally:
        settings.setValue("locale/overrideFlag", saved[0] if saved[0] is not None else False)
        settings.setValue("locale/userLocale", saved[1] or "")
        i18n.remove_translator()
    return paths


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output-dir", default=os.path.join(ROOT, "help"))
    args = parser.parse_args()
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp(prefix="riskatlas-manual-")  # never the user's profile
    common = _load("bench_common", os.path.join(ROOT, "bench", "common.py"))
    app = common.start_qgis()  # noqa: F841 (keeps QGIS alive)
    for path in build(args.output_dir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
