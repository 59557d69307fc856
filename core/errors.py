"""Messages about bad input, as structured parts: what went wrong (a message template from ``core.messages``
and its arguments) and where (layer, features — their fids and, when known, their keys — and field).

``InputError`` stops an analysis; ``Notice`` is a counted warning (the analysis goes on). Both render the
same way: in English here (``str()``), in the user's language in ``processing/base.py``, which passes a
``translate`` function (Qt, context "InputError") and the features' keys from the layers it read:

    layer 'fire_stations'; feature FS06 (fid 6); field 'turnout_min': turnout time is negative (-2)
    图层“fire_stations”，要素 FS06 (fid 6)，字段“turnout_min”：出动时间为负数（-2）

A feature is named by its key, then its fid (``FS06 (fid 6)``); a feature without a key by its fid alone.
"""
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name pylupdate5 looks for)
    """Marks ``text`` for translation in ``context`` (the Qt tools extract it); returns it unchanged."""
    return text


CONTEXT = "InputError"  # the translation context of every template of core.messages and of the parts below
LAYER = QT_TRANSLATE_NOOP("InputError", "layer '{layer}'")
FEATURE = QT_TRANSLATE_NOOP("InputError", "feature {features}")
FEATURES = QT_TRANSLATE_NOOP("InputError", "features {features}")
MORE = QT_TRANSLATE_NOOP("InputError", "{shown} and {more} more")
FIELD = QT_TRANSLATE_NOOP("InputError", "field '{field}'")
SEPARATOR = QT_TRANSLATE_NOOP("InputError", "; ")
WHERE_WHAT = QT_TRANSLATE_NOOP("InputError", "{where}: {what}")
SHOWN = 10  # features named in a message; the rest are counted

Translate = Callable[[str], str]
TRANSLATED_ARGUMENTS = ("consequence",)  # arguments that are catalogue texts themselves (translated too)


def fill(template: str, arguments: Mapping[str, Any], translate: Translate | None = None) -> str:
    """``template`` with ``arguments``, in the language of ``translate`` (the template and the arguments that
    are catalogue texts translated); English when a translation lost a placeholder."""
    if translate is not None:
        translated = {name: translate(value) if name in TRANSLATED_ARGUMENTS and isinstance(value, str) and value
                      else value for name, value in arguments.items()}
        try:
            return translate(template).format(**translated)
        except (KeyError, IndexError, ValueError):
            pass
    return template.format(**arguments)


def feature_label(fid: Any, key: Any = None) -> str:
    """'FS06 (fid 6)', or 'fid 6' for a feature without a key."""
    text = "" if key is None else str(key).strip()
    if not text or text.lower() == "nan":
        return f"fid {fid}"
    return f"{text} (fid {fid})"


def _plain(value: Any) -> Any:
    """numpy scalars as Python numbers (format specs such as {value:g} then work on them)."""
    return value.item() if hasattr(value, "item") and not isinstance(value, (str, bytes)) else value


class Located:
    """What and where of a message: ``template`` (English, a ``core.messages`` entry) with ``arguments``, and
    ``layer``, ``feature_ids`` (QGIS feature ids), ``keys`` (the features' keys, parallel to the ids, or
    None) and ``field``."""

    def __init__(self, template: str, layer: str | None = None, feature_ids: Iterable[Any] | None = None,
                 field: str | None = None, *, keys: Iterable[Any] | None = None, **args: Any) -> None:
        self.template, self.layer, self.field = template, layer, field
        self.feature_ids = [_plain(f) for f in feature_ids] if feature_ids is not None else []
        self.keys = list(keys) if keys is not None else None
        self.arguments = {name: _plain(value) for name, value in args.items()}
        self.arguments.setdefault("count", len(self.feature_ids))

    @property
    def message(self) -> str:
        """What went wrong, in English, without where."""
        return self.what()

    def what(self, translate: Translate | None = None) -> str:
        return fill(self.template, self.arguments, translate)

    def where(self, translate: Translate | None = None, keys: Sequence[Any] | None = None) -> str:
        tr = translate or (lambda text: text)
        keys = keys if keys is not None else self.keys
        parts = []
        if self.layer:
            parts.append(tr(LAYER).format(layer=self.layer))
        if self.feature_ids:
            labels = [feature_label(fid, keys[i] if keys is not None and i < len(keys) else None)
                      for i, fid in enumerate(self.feature_ids[:SHOWN])]
            shown = ", ".join(labels)
            if len(self.feature_ids) > SHOWN:
                shown = tr(MORE).format(shown=shown, more=len(self.feature_ids) - SHOWN)
            template = FEATURE if len(self.feature_ids) == 1 else FEATURES
            parts.append(tr(template).format(features=shown, count=len(self.feature_ids)))
        if self.field:
            parts.append(tr(FIELD).format(field=self.field))
        return tr(SEPARATOR).join(parts)

    def render(self, translate: Translate | None = None, keys: Sequence[Any] | None = None) -> str:
        """The whole message: where, then what (``translate``: a function giving a template's translation)."""
        where, what = self.where(translate, keys), self.what(translate)
        if not where:
            return what
        return (translate or (lambda text: text))(WHERE_WHAT).format(where=where, what=what)


class InputError(Located, ValueError):
    """Bad input that stops an analysis: names the layer, feature id(s) and field."""

    def __init__(self, template: str, layer: str | None = None, feature_ids: Iterable[Any] | None = None,
                 field: str | None = None, *, keys: Iterable[Any] | None = None, **args: Any) -> None:
        Located.__init__(self, template, layer, feature_ids, field, keys=keys, **args)
        ValueError.__init__(self, self.render())

    def __str__(self) -> str:
        return self.render()


class Notice(Located):
    """A counted warning about the input: the analysis goes on (a value repaired, skipped or defaulted)."""

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Notice({self.render()!r})"

    def __contains__(self, text: str) -> bool:  # ``"counted as 0" in notice``, as for a plain text warning
        return text in self.render()


def render(message: Any, translate: Translate | None = None,
           keys_of: Callable[[str | None, list[Any]], Sequence[Any] | None] | None = None) -> str:
    """A warning or error as text: a ``Located`` rendered (``keys_of(layer, fids)`` gives the features' keys
    when the message has none), anything else as ``str()``."""
    if not isinstance(message, Located):
        return str(message)
    keys: Sequence[Any] | None = message.keys
    if keys is None and keys_of is not None and message.feature_ids:
        keys = keys_of(message.layer, message.feature_ids)
    return message.render(translate, keys)


Warnings = list[str | Notice]  # what an analysis reports and goes on: text, or a counted Notice
