"""LandEval speaks the language QGIS speaks: the translation for QGIS's own locale setting is installed when the
plugin is loaded, in the desktop and in `qgis_process` alike (QGIS 3.22's qgis_process translates none of
QGIS's own names, so the plugin cannot count on QGIS to do it).

Source strings are English; `i18n/landeval_<locale>.ts` holds a translation, compiled to `.qm` by
`scripts/i18n.py compile` (which `scripts/setup.sh` runs for a checkout and `scripts/package.py` for the zip).
Without a `.qm` for the locale, or for an English QGIS, the English source strings show.
"""
import os
import string

from qgis.core import QgsApplication, QgsMessageLog
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

I18N_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "i18n")
CONTEXT = "LandEval"
_installed = []   # the one QTranslator in use; kept referenced, or Qt would use a deleted object


def translation_locale(code):
    """The LandEval translation for a QGIS locale code, or None for English.

    QGIS writes `zh-Hans` for Simplified Chinese (its own file is qgis_zh-Hans.qm); Qt and users write
    `zh_CN` or `zh`. Traditional Chinese (zh-Hant, zh_TW, zh_HK) has no LandEval translation yet.
    """
    code = (code or "").strip().replace("-", "_").lower()
    if not code or code.startswith("en") or code == "c":
        return None
    if code == "zh" or code.startswith(("zh_hans", "zh_cn", "zh_sg")):
        return "zh_CN"
    language = code.split("_")[0]
    if language == "zh":
        return None
    return language


def qgis_locale():
    """The locale QGIS translates its own interface into: `locale/userLocale` when `locale/overrideFlag` is
    set, the system's language otherwise (QgsApplication.locale() reads exactly those settings)."""
    return QgsApplication.locale()


def output_language(code=None):
    """Which language the data a run writes speak (field aliases, value maps, legend labels, the report in
    auto): "zh" for any Chinese locale (zh, zh_CN, zh-Hans, zh_TW, …), "en" otherwise. `code` defaults to
    QGIS's locale (qgis_locale), read at the time of the run."""
    code = (qgis_locale() if code is None else code) or ""
    return "zh" if code.strip().replace("-", "_").lower().split("_")[0] == "zh" else "en"


def qm_path(locale):
    return os.path.join(I18N_DIR, f"landeval_{locale}.qm")


def _load(locale):
    """A QTranslator holding LandEval's `locale` translation, or None when its .qm is missing or unreadable."""
    path = qm_path(locale)
    translator = QTranslator()
    return translator if os.path.isfile(path) and translator.load(path) else None


def install_translator(code=None):
    """Install the translation for `code` (default: QGIS's locale) and return its locale, or None when the
    interface stays English. Replaces the translator this function installed before."""
    remove_translator()
    locale = translation_locale(qgis_locale() if code is None else code)
    if locale is None:
        return None
    translator = _load(locale)
    if translator is None:
        QgsMessageLog.logMessage(f"No LandEval translation for {locale} ({qm_path(locale)}); the interface stays "
                                 "English. A checkout compiles it with `python3 scripts/i18n.py compile`.", CONTEXT)
        return None
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
    return locale


def remove_translator():
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())


def tr(text, context=CONTEXT):
    """`text` (English) in the installed translation."""
    return QCoreApplication.translate(context, text)


ERROR_CONTEXT = "LandEvalError"


def _placeholders(template):
    """The names of a template's `{placeholders}`."""
    return {name for _text, name, _spec, _conversion in string.Formatter().parse(template) if name is not None}


def _translated_value(value, lang=None):
    """A value of a message, itself translated when it is a message (a Problem, a list of Problems) or a
    domain name kept in several languages (core.errors.Label: the run's language, or `lang`)."""
    if hasattr(value, "languages"):  # core.errors.Label
        return value.languages.get(lang or output_language(), str(value))
    if hasattr(value, "items") and hasattr(value, "separator"):  # core.errors.Problems
        return value.separator.join(value.prefix + message_of(item, lang) for item in value.items)
    return message_of(value, lang) if hasattr(value, "template") else value


_by_locale = {}  # locale -> QTranslator or None, loaded once for message_of(…, lang)


def _translate(text, context, lang):
    """`text` in the installed translation (lang None), in English ("en"), or in `lang`'s translation read from
    its .qm whatever QGIS's language (the report's chosen language); the text itself when it has none."""
    if lang is None:
        return tr(text, context)
    locale = translation_locale(lang)
    if locale is None:
        return text
    if locale not in _by_locale:
        _by_locale[locale] = _load(locale)
    translator = _by_locale[locale]
    return (_lookup(translator, context, text) if translator is not None else "") or text


def _lookup(translator, context, text):
    """QTranslator.translate, given UTF-8 bytes: PyQt5 turns a str argument into ASCII there and fails on
    "—" or "≥" (QCoreApplication.translate, which tr uses, takes UTF-8)."""
    try:
        return translator.translate(context.encode("utf-8"), text.encode("utf-8"))
    except TypeError:  # a binding that takes str only
        return translator.translate(context, text)


def message_of(err, lang=None):
    """The message of a LandEvalError (or a Problem) in the installed translation — or in `lang` ("zh", "en")
    when given: its English template translated (context "LandEvalError") and formatted with its values. The
    English text when there is no translation or the translation's placeholders differ from the template's (a
    translator's slip must not turn an error message into a KeyError); str(err) for any other exception."""
    template, values = getattr(err, "template", None), getattr(err, "values", None)
    if not isinstance(template, str) or not isinstance(values, dict):
        return str(err)
    translated = _translate(template, ERROR_CONTEXT, lang)
    if not values:
        return translated
    if translated != template and _placeholders(translated) != _placeholders(template):
        translated = template
    shown = {name: _translated_value(value, lang) for name, value in values.items()}
    try:
        return translated.format(**shown)
    except (KeyError, IndexError, ValueError):
        return template.format(**shown)
