"""The plugin's language: one rule, read from QGIS's own locale setting; the translator; metadata helpers.

The rule: any locale starting with ``zh`` — ``zh-Hans`` (what QGIS stores when 简体中文 is picked in
its options), ``zh_CN``, ``zh-CN``, ``zh_TW`` … — is Chinese; anything else is English. The log,
messages, dialogs and help follow it (``ui_language``); files a run writes follow the algorithm's
LANGUAGE parameter where it has one, else this same UI language.
"""
import configparser
import os

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the plugin folder (this is support/)
CHINESE, ENGLISH = "zh", "en"
TRANSLATIONS = {CHINESE: "riskatlas_zh_CN.qm"}  # UI language -> .qm in i18n/ (English needs none)
_TRANSLATOR = []  # the installed (QTranslator, language) (kept alive); empty when none


def qgis_locale():
    """The locale QGIS uses for its UI as QGIS stores it, e.g. 'zh-Hans', 'zh_CN' or 'en_US'."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        locale = settings.value("locale/userLocale", "")
    else:
        locale = settings.value("locale/userLocale", "") or QLocale.system().name()
    return str(locale or "en_US")


def language_of(locale):
    """'zh' for any locale starting with 'zh' (zh-Hans, zh_CN, zh-CN, zh_TW …), else 'en'."""
    return CHINESE if str(locale or "").strip().lower().startswith("zh") else ENGLISH


def ui_language():
    """The plugin's UI language, 'zh' or 'en' (see the module doc)."""
    return language_of(qgis_locale())


def is_chinese():
    """True when QGIS runs in Chinese (its locale starts with 'zh')."""
    return ui_language() == CHINESE


def file_language(language=None):
    """The language of a file a run writes: ``language`` ('zh'/'en', e.g. a LANGUAGE parameter)
    when given, else the UI language."""
    return language if language in (CHINESE, ENGLISH) else ui_language()


def install_translator():
    """Install the .qm of the UI language once; returns the language installed ('zh') or None."""
    if _TRANSLATOR:
        return _TRANSLATOR[0][1]
    language = ui_language()
    name = TRANSLATIONS.get(language)
    path = os.path.join(PLUGIN_DIR, "i18n", name) if name else None
    if path and os.path.exists(path):
        translator = QTranslator()
        if translator.load(path):
            QCoreApplication.installTranslator(translator)
            _TRANSLATOR.append((translator, language))
            return language
    return None


def remove_translator():
    while _TRANSLATOR:
        translator, _language = _TRANSLATOR.pop()
        QCoreApplication.removeTranslator(translator)


def plugin_version():
    parser = configparser.ConfigParser()
    parser.read(os.path.join(PLUGIN_DIR, "metadata.txt"), encoding="utf-8")
    return parser.get("general", "version", fallback="0")
