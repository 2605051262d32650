"""WHATWG encoding labels, and the ``<meta>`` charset prescan.

Pure functions over labels and bytes, with no opinion on which evidence wins
(that is `newsclean.decode`'s job): `codec_for_label` maps a label to the
Python codec that decodes it as browsers do, `meta_charset` finds the label a
page's first ``<meta>`` declares.
"""

from __future__ import annotations

import codecs
import re
from types import MappingProxyType

__all__ = ["codec_for_label", "meta_charset"]

_MAX_LABEL = 40

# fmt: off
# WHATWG labels Python does not know, or knows as a smaller encoding.
_LABELS = MappingProxyType({
    "unicode-1-1-utf-8": "utf-8", "unicode11utf8": "utf-8", "unicode20utf8": "utf-8",
    "x-unicode20utf8": "utf-8", "x-cp1252": "cp1252", "x-cp1250": "cp1250",
    "dos-874": "cp874", "windows-874": "cp874", "iso-8859-8-i": "iso8859-8",
    "csiso88598i": "iso8859-8", "logical": "iso8859-8", "x-mac-cyrillic": "mac-cyrillic",
    "x-mac-ukrainian": "mac-cyrillic", "x-mac-roman": "mac-roman", "x-sjis": "cp932",
    "windows-31j": "cp932", "ms_kanji": "cp932", "csshiftjis": "cp932", "x-euc-jp": "euc_jp",
    "x-gbk": "gb18030", "x-x-big5": "big5hkscs", "koi": "koi8-r", "koi8": "koi8-r",
    "koi8-ru": "koi8-u", "unicode": "utf-16-le", "unicodefeff": "utf-16-le",
    "unicodefffe": "utf-16-be", "csunicode": "utf-16-le", "ucs-2": "utf-16-le",
})
# Python codec names that WHATWG decodes as a superset.
_SUPERSETS = MappingProxyType({
    "ascii": "cp1252", "iso8859-1": "cp1252", "iso8859-9": "cp1254", "iso8859-11": "cp874",
    "tis-620": "cp874", "shift_jis": "cp932", "gb2312": "gb18030", "gbk": "gb18030",
    "big5": "big5hkscs", "euc_kr": "cp949", "utf-16": "utf-16-le",
})
# The WHATWG encodings, as Python names them; nothing else is accepted
# (utf-7, base64, rot13 and the like are Python codecs, not web encodings).
_SUPPORTED = frozenset(
    codecs.lookup(name).name
    for name in (
        "utf-8", "utf-16-le", "utf-16-be", "cp866", "koi8-r", "koi8-u", "mac-roman",
        "mac-cyrillic", "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255",
        "cp1256", "cp1257", "cp1258", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5",
        "iso8859-6", "iso8859-7", "iso8859-8", "iso8859-10", "iso8859-13", "iso8859-14",
        "iso8859-15", "iso8859-16", "gb18030", "big5hkscs", "euc_jp", "iso2022_jp", "cp932",
        "cp949",
    )
)
# fmt: on
_META = re.compile(rb"<meta[\s/]", re.IGNORECASE)
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([^\s"';>/]+)""", re.IGNORECASE)


def codec_for_label(label: str) -> str | None:
    """The Python codec for a WHATWG encoding label, or None when it is not one."""
    # Tolerate a whole Content-Type value ("text/html; charset=utf-8") and quotes.
    key = label.rpartition("=")[2].strip().strip("\"'").strip().lower()
    if not key or len(key) > _MAX_LABEL:
        return None
    key = _LABELS.get(key, key)
    try:
        name = codecs.lookup(key).name
    except (LookupError, ValueError):
        return None
    name = _SUPERSETS.get(name, name)
    return name if name in _SUPPORTED else None


def meta_charset(head: bytes) -> str | None:
    """The charset of the first <meta> that declares one, skipping comments."""
    pos = 0
    while (lt := head.find(b"<", pos)) >= 0:
        if head.startswith(b"<!--", lt):
            end = head.find(b"-->", lt + 2)
            if end < 0:
                return None
            pos = end + 3
            continue
        pos = lt + 1
        if _META.match(head, lt):
            gt = head.find(b">", lt)
            if gt < 0:
                return None
            found = _CHARSET.search(head, lt, gt)
            if found:
                return found.group(1).decode("ascii", "replace")
            pos = gt + 1
    return None
