"""Translator installation (follows QGIS's locale) and plugin metadata helpers."""
import configparser
import os

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the plugin folder (this is support/)
_TRANSLATOR = []  # the installed QTranslator (kept alive); empty when none


def qgis_locale():
    """The locale QGIS uses for its UI, e.g. 'zh_CN' or 'en_US'."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        locale = settings.value("locale/userLocale", "")
    else:
        locale = settings.value("locale/userLocale", "") or QLocale.system().name()
    return (locale or "en_US")[:5]


def install_translator():
    """Install the .qm for QGIS's locale once; returns the locale tag used (or None)."""
    if _TRANSLATOR:
        return _TRANSLATOR[0][1]
    locale = qgis_locale()
    for tag in (locale, locale[:2]):
        path = os.path.join(PLUGIN_DIR, "i18n", f"riskatlas_{tag}.qm")
        if os.path.exists(path):
            translator = QTranslator()
            if translator.load(path):
                QCoreApplication.installTranslator(translator)
                _TRANSLATOR.append((translator, tag))
                return tag
    return None


def remove_translator():
    while _TRANSLATOR:
        translator, _tag = _TRANSLATOR.pop()
        QCoreApplication.removeTranslator(translator)


def plugin_version():
    parser = configparser.ConfigParser()
    parser.read(os.path.join(PLUGIN_DIR, "metadata.txt"), encoding="utf-8")
    return parser.get("general", "version", fallback="0")


def is_chinese():
    """True when QGIS runs in Chinese (labels then default to zh)."""
    return qgis_locale().startswith("zh")
