"""Every parameter of every algorithm is labelled in Chinese when QGIS runs in Chinese (a label built through
a helper that pylupdate5 cannot read would stay English)."""
import re

from qgis.core import QgsApplication, QgsSettings

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_parameter_label_is_in_chinese(riskatlas_provider):
    from riskatlas.support import i18n

    english, settings = [], QgsSettings()
    saved = settings.value("locale/userLocale")
    settings.setValue("locale/userLocale", "zh_CN")
    i18n.remove_translator()
    i18n.install_translator()
    try:
        for algorithm in QgsApplication.processingRegistry().providerById("riskatlas").algorithms():
            fresh = algorithm.create()
            fresh.initAlgorithm()
            english += [f"{algorithm.id()} {p.name()}: {p.description()}" for p in fresh.parameterDefinitions()
                        if not CJK.search(p.description())]
    finally:
        settings.setValue("locale/userLocale", saved)
        i18n.remove_translator()
    assert not english, "\n".join(english)
