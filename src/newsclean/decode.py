"""Stage 1: bytes to str, weighing the evidence for the encoding as a browser does.

BOM > the caller's HTTP charset > ``<meta>`` charset (a prescan of the first
4 KB) > what the bytes themselves show (valid UTF-8, else the detector) >
UTF-8 with replacement. Input that is not an HTML page at all (binary data:
a PDF, an image, a compressed body; or a JSON document) decodes to no text,
with a warning that says what it looked like. Labels follow the WHATWG Encoding Standard
(``iso-8859-1`` and ``ascii`` mean windows-1252, ``shift_jis`` means cp932...).
A declaration the bytes contradict is not trusted: declared UTF-8 that is not
valid UTF-8 falls through to the next rule, and a declared legacy encoding
over bytes that are valid, non-ASCII UTF-8 gives way to UTF-8.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from newsclean.charset import codec_for_label, meta_charset
from newsclean.model import EncodingRule

__all__ = ["Decoded", "Detector", "decode"]

Detector = Callable[[bytes], str | None]
_Choice = tuple[str, str, EncodingRule]  # text, codec, rule

_PRESCAN_BYTES = 4096  # where <meta charset> is looked for
_DETECT_BYTES = 64 * 1024  # what the detector sees
# A decoding is trusted while it needs at most one replacement per this many
# correctly decoded non-ASCII characters (a stray byte in a long UTF-8 page).
_GOOD_PER_BAD = 50
_MIN_UTF16_SNIFF = 16  # bytes: fewer say nothing about UTF-16

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SURROGATE = re.compile("[\ud800-\udfff]")

# What binary formats start with, as a browser's MIME sniffing would recognise them.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b\x08", "gzip-compressed data (decompress the response first)"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data (decompress the response first)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE document (.doc, .xls)"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)
# WHATWG's "binary data bytes" but NUL, which a text page may hold by mistake
# (NULs are removed instead). Text holds next to none of them; random bytes ~10%.
_BINARY_BYTES = re.compile(rb"[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_MAX_BINARY_SHARE = 0.05
_MIN_BINARY_BYTES = 4


@dataclass(frozen=True, slots=True)
class Decoded:
    """The decoded text, the codec used, and which evidence chose it."""

    text: str
    encoding: str | None  # the Python codec name used; None for str input
    rule: EncodingRule
    warnings: tuple[str, ...]


def decode(
    data: bytes | bytearray | memoryview | str,
    http_charset: str | None = None,
    *,
    detector: Detector | None = None,
) -> Decoded:
    """Decode a page's bytes (or pass text through), never raising on any bytes.

    `http_charset` is the charset of the response's Content-Type, if known.
    `detector` maps a sample of the bytes to an encoding label (default:
    charset-normalizer); it is consulted only for non-ASCII bytes that are not
    valid UTF-8 and that no declaration explains.
    """
    if isinstance(data, str):
        return _from_str(data)
    if isinstance(data, memoryview):
        raw = data.tobytes()
    elif isinstance(data, bytes | bytearray):
        raw = bytes(data)
    else:
        raise TypeError(f"decode() needs bytes or str, not {type(data).__name__}")
    if not (raw.startswith(tuple(bom for bom, _ in _BOMS)) or _looks_utf16(raw)):
        binary = _binary_kind(raw[:_PRESCAN_BYTES])
        if binary is not None:
            return _not_html(binary, None, EncodingRule.DEFAULT)
    warnings: list[str] = []
    text, codec, rule = (
        _by_bom(raw)
        or _by_declaration(raw, http_charset, warnings)
        or _by_content(raw, detector or _charset_normalizer, warnings)
    )
    return _finish(_without_nul(text, warnings), codec, rule, warnings)


def _from_str(data: str) -> Decoded:
    binary = _binary_kind(data[:_PRESCAN_BYTES].encode("latin-1", "replace"))
    if binary is not None:
        return _not_html(binary, None, EncodingRule.STR)
    warnings: list[str] = []
    text = _without_nul(data, warnings)
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates, e.g. from surrogateescape
            text, count = _SURROGATE.subn("\ufffd", text)
            warnings.append(f"replaced {count} lone surrogate(s) with U+FFFD")
    return _finish(text, None, EncodingRule.STR, warnings)


def _finish(text: str, codec: str | None, rule: EncodingRule, warnings: list[str]) -> Decoded:
    """The decoded page, unless it is empty or a JSON document (then no text, and why)."""
    text = _composed(_undo_double_encoding(text, warnings))
    if not text.strip():
        warnings.append("empty input")
    elif _is_json(text):
        warnings.append("the input is a JSON document, not HTML: no text read from it")
        text = ""
    return Decoded(text, codec, rule, tuple(warnings))


# Double encoding: UTF-8 bytes read as windows-1252 (or Latin-1) and saved as UTF-8 again,
# so that "’" (E2 80 99) shows as "â€™" (or "â" and two invisible C1 controls).
# What each byte 0x80-0xBF, a UTF-8 sequence's continuation, shows as: Latin-1's C1
# controls and signs, and windows-1252's letters and punctuation for 0x80-0x9F.
_CONTINUATION = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_DOUBLE_ENCODED = re.compile(
    f"[\u00c2-\u00df][{_CONTINUATION}]"
    f"|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}"
    f"|[\u00f0-\u00f4][{_CONTINUATION}]{{3}}"
)
# The tell-tale forms: a Latin-1 letter or sign ("Ã©" for "é", "Â©" for "©") or a general
# punctuation mark ("â€™" for "’"). A pair such as "ß’" or "×" before a no-break space
# is as often real text, so only these count towards the page's verdict.
_TELLTALE = re.compile(f"[\u00c2\u00c3][{_CONTINUATION}]|\u00e2[\u0080\u20ac][{_CONTINUATION}]")
# The page is double-encoded when at least this many tell-tale sequences undo to UTF-8.
_MIN_DOUBLE_ENCODED = 3


def _undo_double_encoding(text: str, warnings: list[str]) -> str:
    """Text that went through UTF-8 twice ("Itâ€™s", "Ã¼ber") back as written ("It’s",
    "über"), when at least `_MIN_DOUBLE_ENCODED` tell-tale sequences show it: a browser
    shows the mangled form, but no reader or search wants it. Each sequence that reads as
    valid UTF-8 once its characters are taken back to bytes is undone; the rest of the
    text, and a page with a stray "Ã©" or two, is left alone."""
    if text.isascii() or not _may_hold_telltale(text):
        return text
    telltales = 0
    for match in _TELLTALE.finditer(text):
        if _as_utf8(match.group()) is not None:
            telltales += 1
            if telltales >= _MIN_DOUBLE_ENCODED:
                break
    else:
        return text
    count = 0

    def undo(match: re.Match[str]) -> str:
        nonlocal count
        undone = _as_utf8(match.group())
        if undone is None:
            return match.group()
        count += 1
        return undone

    text = _DOUBLE_ENCODED.sub(undo, text)
    warnings.append(f"undid {count} double-encoded character(s) (UTF-8 read as windows-1252)")
    return text


def _may_hold_telltale(text: str) -> bool:
    """Whether the text holds a character a tell-tale sequence opens with (and, for "â",
    the character after it). For speed: a one-character substring test runs at memory
    speed (memchr), while `_TELLTALE` steps through the text in the regex engine (about
    1 ms a page); a two-character test is ten times slower than one, so it is made only
    on text holding an "â" (common French)."""
    return (
        "\u00c2" in text
        or "\u00c3" in text
        or ("\u00e2" in text and ("\u00e2\u0080" in text or "\u00e2\u20ac" in text))
    )


def _as_utf8(shown: str) -> str | None:
    """The character a double-encoded sequence stands for, or None when its bytes are no
    UTF-8."""
    try:
        raw = b"".join(
            bytes((ord(character),)) if ord(character) < 0x100 else character.encode("cp1252")
            for character in shown
        )
        return raw.decode("utf-8")
    except UnicodeError:
        return None


def _composed(text: str) -> str:
    """The text in Unicode's composed form (NFC): "geprüft" written as u + U+0308, as some
    editors save it, reads as the "ü" everyone searches for and compares with. Canonically
    equivalent, so nothing visible changes; most pages are NFC already and cost one check."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _not_html(kind: str, codec: str | None, rule: EncodingRule) -> Decoded:
    return Decoded("", codec, rule, (f"the input is {kind}, not HTML: no text read from it",))


def _binary_kind(head: bytes) -> str | None:
    """What binary data the first bytes of the input are, or None when they look like text."""
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    count = len(_BINARY_BYTES.findall(head))
    if count >= _MIN_BINARY_BYTES and count >= len(head) * _MAX_BINARY_SHARE:
        return "binary data"
    return None


def _is_json(text: str) -> bool:
    """A whole JSON object or array (an API response, not a page)."""
    stripped = text.strip()
    if not (stripped[:1] in "{[" and stripped[-1:] in "}]"):
        return False
    try:
        json.loads(stripped)
    except (ValueError, RecursionError):  # not JSON; or nested too deep to be data
        return False
    return True


def _without_nul(text: str, warnings: list[str]) -> str:
    count = text.count("\x00")
    if count:
        warnings.append(f"removed {count} NUL character(s)")
        text = text.replace("\x00", "")
    return text


def _by_bom(raw: bytes) -> _Choice | None:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(codec, "replace"), codec, EncodingRule.BOM
    return None


def _by_declaration(raw: bytes, http_charset: str | None, warnings: list[str]) -> _Choice | None:
    """The first declared encoding the bytes do not contradict."""
    for rule, label in _declarations(raw, http_charset):
        source = "HTTP charset" if rule is EncodingRule.HTTP else "<meta> charset"
        codec = codec_for_label(label)
        if codec is None:
            warnings.append(f"unknown {source} {label!r} ignored")
            continue
        if codec.startswith("utf-16"):
            if rule is EncodingRule.META:
                codec = "utf-8"  # a <meta> the prescan can read is not in UTF-16
            elif not _looks_utf16(raw):
                warnings.append(f"{source} {label!r} ignored: the bytes are not UTF-16")
                continue
        choice = _check_declared(raw, codec, rule, f"{label!r} ({source})", warnings)
        if choice is not None:
            return choice
    return None


def _declarations(raw: bytes, http_charset: str | None) -> Iterator[tuple[EncodingRule, str]]:
    # Lazy: the prescan only runs when the HTTP charset is missing or refuted.
    if http_charset:
        yield EncodingRule.HTTP, http_charset
    meta = meta_charset(raw[:_PRESCAN_BYTES])
    if meta:
        yield EncodingRule.META, meta


def _check_declared(
    raw: bytes, codec: str, rule: EncodingRule, what: str, warnings: list[str]
) -> _Choice | None:
    """Decode as declared, unless the bytes contradict the declaration."""
    if codec == "utf-8":
        text = _mostly_decodes(raw, codec, warnings)
        if text is None:
            warnings.append(f"declared utf-8 but bytes are not valid UTF-8: {what}")
            return None
        return text, codec, rule
    if not raw.isascii() and (text := _strict_utf8(raw)) is not None:
        warnings.append(f"declared {what} but the bytes are valid UTF-8: decoded as utf-8")
        return text, "utf-8", EncodingRule.DETECTED
    text = _mostly_decodes(raw, codec, warnings)
    if text is None:
        warnings.append(f"declared {what} but the bytes are not {codec}: ignored")
        return None
    return text, codec, rule


def _by_content(raw: bytes, detector: Detector, warnings: list[str]) -> _Choice:
    """What the bytes show: ASCII, UTF-16, UTF-8, else the detector's plausible answer."""
    if _looks_utf16(raw):
        order = _utf16_byte_order(raw)
        return raw.decode(order, "replace"), order, EncodingRule.DETECTED
    if raw.isascii() and b"\x1b" not in raw:
        # Every ASCII-compatible encoding reads these bytes alike (ESC would mean ISO-2022).
        return raw.decode("ascii"), "utf-8", EncodingRule.DEFAULT
    utf8 = _mostly_decodes(raw, "utf-8", warnings, quiet=True)
    if utf8 is not None:
        return _by_utf8(raw, utf8, warnings)
    codec = _detect(raw, detector, warnings)
    if codec is not None:
        return raw.decode(codec, "replace"), codec, EncodingRule.DETECTED
    text = raw.decode("utf-8", "replace")
    warnings.append(
        f"no reliable evidence of the encoding: decoded as utf-8, "
        f"{_replacements(raw, text, 'utf-8')} invalid sequence(s) replaced"
    )
    return text, "utf-8", EncodingRule.DEFAULT


def _by_utf8(raw: bytes, text: str, warnings: list[str]) -> _Choice:
    bad = _replacements(raw, text, "utf-8")
    if bad:
        warnings.append(f"bytes are UTF-8 but for {bad} invalid sequence(s), replaced")
    return text, "utf-8", EncodingRule.DETECTED


def _detect(raw: bytes, detector: Detector, warnings: list[str]) -> str | None:
    """The detector's answer when it is a web encoding the bytes bear out."""
    sample = _sample(raw)
    try:
        label = detector(sample)
    except Exception as error:  # a third-party detector must not break decoding
        warnings.append(f"the encoding detector failed: {error!r}")
        return None
    codec = codec_for_label(label) if label else None
    if codec is None:
        if label:
            warnings.append(f"the detector's answer {label!r} is not a web encoding: ignored")
        return None
    if codec.startswith("utf-16"):
        plausible = _looks_utf16(raw)
    else:
        plausible = _mostly_decodes(sample, codec, [], quiet=True) is not None
    if not plausible:
        warnings.append(f"the detector's answer {label!r} does not fit the bytes: ignored")
        return None
    return codec


def _sample(raw: bytes) -> bytes:
    """The first _DETECT_BYTES, cut after a '<' or newline, never inside a character."""
    if len(raw) <= _DETECT_BYTES:
        return raw
    cut = max(raw.rfind(b"<", 0, _DETECT_BYTES), raw.rfind(b"\n", 0, _DETECT_BYTES))
    return raw[: cut if cut > _DETECT_BYTES // 2 else _DETECT_BYTES]


def _charset_normalizer(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes  # deferred: only needed for unlabelled bytes

    # preemptive_behaviour would read <meta> itself; declarations were weighed already.
    best = from_bytes(sample, preemptive_behaviour=False).best()
    return best.encoding if best is not None else None


def _strict_utf8(raw: bytes) -> str | None:
    """The bytes as UTF-8, tolerating only a character cut off at the very end — when a
    whole multi-byte character before it shows UTF-8 (b"caf\\xe9" is latin-1's "café",
    not UTF-8 cut short)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        cut_short = error.reason == "unexpected end of data" and error.end == len(raw)
        if cut_short and not raw[: error.start].isascii():
            return raw[: error.start].decode("utf-8", "replace") + "\ufffd"
        return None


def _mostly_decodes(
    raw: bytes, codec: str, warnings: list[str], *, quiet: bool = False
) -> str | None:
    """The bytes decoded as `codec` if replacements are rare enough to trust it."""
    if codec == "utf-8" and (valid := _strict_utf8(raw)) is not None:
        return valid
    text = raw.decode(codec, "replace")
    bad = _replacements(raw, text, codec)
    if not bad:
        return text
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    if good < bad * _GOOD_PER_BAD:
        return None
    if not quiet:
        warnings.append(f"{bad} invalid {codec} sequence(s) replaced")
    return text


def _replacements(raw: bytes, text: str, codec: str) -> int:
    """How many U+FFFD decoding added (not counting ones the page itself holds)."""
    already = raw.count("\ufffd".encode(codec)) if codec == "utf-8" else 0
    return text.count("\ufffd") - already


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 markup is full of NUL bytes, nearly all at odd (LE) or even (BE) offsets."""
    sample = raw[:_PRESCAN_BYTES]
    odd, even = sample[1::2].count(0), sample[::2].count(0)
    return (
        len(sample) >= _MIN_UTF16_SNIFF
        and (odd + even) * 10 >= len(sample)
        and max(odd, even) >= 4 * min(odd, even)
    )


def _utf16_byte_order(raw: bytes) -> str:
    # An ASCII character's NUL byte comes second in little-endian UTF-16.
    sample = raw[:_PRESCAN_BYTES]
    return "utf-16-le" if sample[1::2].count(0) >= sample[::2].count(0) else "utf-16-be"
