"""Tests for newsclean.decode: order of evidence, WHATWG labels, distrust of wrong labels."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.charset import meta_charset
from newsclean.decode import Decoded, decode
from newsclean.model import EncodingRule

RUSSIAN = (
    "Новости дня. Привет, мир! Это длинный русский текст о погоде, политике и экономике. "
    "Москва сегодня солнечная, а в Петербурге идёт дождь. Правительство обсуждает бюджет."
)
JAPANESE = (
    "こんにちは世界。これは日本語の長い文章です。東京は今日晴れです。"
    "経済と政治のニュースをお伝えします。大阪では雨が降っています。"
)
CURLY = "“Curly” quotes — and a café’s crème brûlée…"


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>t</title></head><body>{body}</body></html>"


def paragraphs(text: str, count: int = 8) -> str:
    return "".join(f"<p>{text}</p>" for _ in range(count))


# id, bytes, http_charset, expected text, codec, rule
EVIDENCE = [
    (
        "cp1251 without declaration is detected",
        page(paragraphs(RUSSIAN)).encode("cp1251"),
        None,
        page(paragraphs(RUSSIAN)),
        "cp1251",
        EncodingRule.DETECTED,
    ),
    (
        "shift-jis under a wrong utf-8 meta is detected",
        page(paragraphs(JAPANESE), '<meta charset="utf-8">').encode("shift_jis"),
        None,
        page(paragraphs(JAPANESE), '<meta charset="utf-8">'),
        "cp932",
        EncodingRule.DETECTED,
    ),
    (
        "utf-8 BOM beats a latin-1 meta",
        b"\xef\xbb\xbf" + page("<p>café naïve</p>", "<meta charset=iso-8859-1>").encode(),
        None,
        page("<p>café naïve</p>", "<meta charset=iso-8859-1>"),
        "utf-8",
        EncodingRule.BOM,
    ),
    (
        "utf-16-le BOM",
        b"\xff\xfe" + page(f"<p>{RUSSIAN}</p>").encode("utf-16-le"),
        "iso-8859-1",
        page(f"<p>{RUSSIAN}</p>"),
        "utf-16-le",
        EncodingRule.BOM,
    ),
    (
        "utf-16-be BOM",
        b"\xfe\xff" + page(f"<p>{JAPANESE}</p>").encode("utf-16-be"),
        None,
        page(f"<p>{JAPANESE}</p>"),
        "utf-16-be",
        EncodingRule.BOM,
    ),
    (
        "latin-1 meta over utf-8 bytes gives utf-8",
        page(f"<p>{CURLY}</p>", "<meta charset=iso-8859-1>").encode(),
        None,
        page(f"<p>{CURLY}</p>", "<meta charset=iso-8859-1>"),
        "utf-8",
        EncodingRule.DETECTED,
    ),
    (
        "latin-1 http charset over utf-8 bytes gives utf-8",
        page(f"<p>{CURLY}</p>").encode(),
        "ISO-8859-1",
        page(f"<p>{CURLY}</p>"),
        "utf-8",
        EncodingRule.DETECTED,
    ),
    (
        "valid windows-1252 meta with curly quotes",
        page(f"<p>{CURLY}</p>", '<meta charset="windows-1252">').encode("cp1252"),
        None,
        page(f"<p>{CURLY}</p>", '<meta charset="windows-1252">'),
        "cp1252",
        EncodingRule.META,
    ),
    (
        "http-equiv content-type meta",
        page(
            f"<p>{CURLY}</p>",
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
        ).encode("cp1252"),
        None,
        page(
            f"<p>{CURLY}</p>",
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
        ),
        "cp1252",
        EncodingRule.META,
    ),
    (
        "http charset beats meta",
        page(paragraphs(RUSSIAN, 2), "<meta charset=windows-1251>").encode("koi8-r"),
        "koi8-r",
        page(paragraphs(RUSSIAN, 2), "<meta charset=windows-1251>"),
        "koi8-r",
        EncodingRule.HTTP,
    ),
    (
        "a whole Content-Type value as http charset",
        page(paragraphs(RUSSIAN, 2)).encode("cp1251"),
        "text/html; charset=windows-1251",
        page(paragraphs(RUSSIAN, 2)),
        "cp1251",
        EncodingRule.HTTP,
    ),
    (
        "wrong utf-8 http charset falls through to a right meta",
        page(paragraphs(RUSSIAN, 2), "<meta charset=windows-1251>").encode("cp1251"),
        "utf-8",
        page(paragraphs(RUSSIAN, 2), "<meta charset=windows-1251>"),
        "cp1251",
        EncodingRule.META,
    ),
    (
        "unknown http label is ignored for the meta",
        page(paragraphs(RUSSIAN, 2), "<meta charset=windows-1251>").encode("cp1251"),
        "x-no-such-charset",
        page(paragraphs(RUSSIAN, 2), "<meta charset=windows-1251>"),
        "cp1251",
        EncodingRule.META,
    ),
    (
        "utf-16 meta in an ASCII-compatible document means utf-8",
        page(f"<p>{CURLY}</p>", '<meta charset="utf-16">').encode(),
        None,
        page(f"<p>{CURLY}</p>", '<meta charset="utf-16">'),
        "utf-8",
        EncodingRule.META,
    ),
    (
        "right shift_jis meta",
        page(f"<p>{JAPANESE}</p>", "<meta charset=shift_jis>").encode("shift_jis"),
        None,
        page(f"<p>{JAPANESE}</p>", "<meta charset=shift_jis>"),
        "cp932",
        EncodingRule.META,
    ),
    (
        "gb2312 meta decodes as gb18030",
        page("<p>中华人民共和国经济新闻</p>", "<meta charset=gb2312>").encode("gb2312"),
        None,
        page("<p>中华人民共和国经济新闻</p>", "<meta charset=gb2312>"),
        "gb18030",
        EncodingRule.META,
    ),
    (
        "a meta inside a comment is not a declaration",
        page(paragraphs(RUSSIAN), "<!-- <meta charset=utf-8> -->").encode("cp1251"),
        None,
        page(paragraphs(RUSSIAN), "<!-- <meta charset=utf-8> -->"),
        "cp1251",
        EncodingRule.DETECTED,
    ),
    (
        "pure ASCII without declaration is the default",
        page("<p>plain text</p>").encode(),
        None,
        page("<p>plain text</p>"),
        "utf-8",
        EncodingRule.DEFAULT,
    ),
    (
        "valid utf-8 without declaration is detected as utf-8",
        page(f"<p>{CURLY}</p>").encode(),
        None,
        page(f"<p>{CURLY}</p>"),
        "utf-8",
        EncodingRule.DETECTED,
    ),
    (
        "utf-16-le without BOM",
        page(f"<p>{RUSSIAN} hello</p>").encode("utf-16-le"),
        None,
        page(f"<p>{RUSSIAN} hello</p>"),
        "utf-16-le",
        EncodingRule.DETECTED,
    ),
]


@pytest.mark.parametrize(
    ("data", "http_charset", "text", "codec", "rule"),
    [case[1:] for case in EVIDENCE],
    ids=[case[0] for case in EVIDENCE],
)
def test_evidence(
    data: bytes, http_charset: str | None, text: str, codec: str, rule: EncodingRule
) -> None:
    decoded = decode(data, http_charset)
    assert (decoded.text, decoded.encoding, decoded.rule) == (text, codec, rule)


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("iso-8859-1", "cp1252"),
        ("latin-1", "cp1252"),
        ("Latin1", "cp1252"),
        ("ascii", "cp1252"),
        ("US-ASCII", "cp1252"),
        ("windows-1252", "cp1252"),
        ("iso-8859-9", "cp1254"),
        ("tis-620", "cp874"),
        ("windows-874", "cp874"),
        ("iso-8859-5", "iso8859-5"),
        ("iso-8859-8-i", "iso8859-8"),
        ("koi8-u", "koi8-u"),
        ("x-mac-cyrillic", "mac-cyrillic"),
        ("shift_jis", "cp932"),
        ("sjis", "cp932"),
        ("euc-kr", "cp949"),
        ("ks_c_5601-1987", "cp949"),
        ("gbk", "gb18030"),
        ("big5", "big5hkscs"),
        ("euc-jp", "euc_jp"),
        ("UTF-8", "utf-8"),
        ("utf8", "utf-8"),
        ("unicode-1-1-utf-8", "utf-8"),
        ('"utf-8"', "utf-8"),
    ],
)
def test_whatwg_labels(label: str, codec: str) -> None:
    decoded = decode(b"<p>ascii only</p>", label)
    assert (decoded.encoding, decoded.rule) == (codec, EncodingRule.HTTP)


@pytest.mark.parametrize(
    "label", ["utf-7", "base64", "rot13", "utf-32", "x-user-defined", "hz-gb-2312", "", "a" * 80]
)
def test_labels_that_are_not_web_encodings_are_ignored(label: str) -> None:
    data = page("<p>café</p>", f"<meta charset={label}>").encode()
    decoded = decode(data, label)
    assert (decoded.text, decoded.encoding) == (data.decode(), "utf-8")
    assert decoded.rule is EncodingRule.DETECTED


def test_wrong_utf8_declaration_warns() -> None:
    data = page(paragraphs(JAPANESE), '<meta charset="utf-8">').encode("shift_jis")
    decoded = decode(data)
    assert any("declared utf-8 but bytes are not valid UTF-8" in w for w in decoded.warnings)


def test_overridden_legacy_declaration_warns() -> None:
    decoded = decode(page(f"<p>{CURLY}</p>").encode(), "iso-8859-1")
    assert any("valid UTF-8" in w for w in decoded.warnings)


def test_utf8_cut_inside_the_last_character_stays_utf8() -> None:
    data = page(f"<p>{CURLY}</p>", "<meta charset=utf-8>").encode()
    cut = data + "é".encode()[:1]
    decoded = decode(cut)
    assert (decoded.encoding, decoded.rule) == ("utf-8", EncodingRule.META)
    assert decoded.text.startswith(data.decode())


def test_a_legacy_declaration_holds_when_only_the_last_byte_is_not_ascii() -> None:
    # b"caf\xe9" could be UTF-8 cut inside its last character, but nothing before it
    # shows UTF-8: the declared latin-1 reads it as "café".
    decoded = decode(b"<html><body>caf\xe9", "iso-8859-1")
    assert (decoded.encoding, decoded.rule) == ("cp1252", EncodingRule.HTTP)
    assert decoded.text.endswith("café")


def test_utf8_cut_short_overrides_a_legacy_declaration_when_it_shows_utf8() -> None:
    data = page(f"<p>{CURLY}</p>").encode() + "é".encode()[:1]
    decoded = decode(data, "iso-8859-1")
    assert decoded.encoding == "utf-8"
    assert CURLY in decoded.text


def test_one_stray_byte_in_a_long_utf8_page_stays_utf8() -> None:
    data = page(paragraphs(CURLY, 20)).encode() + b"<p>caf\xe9</p>"
    decoded = decode(data, "utf-8")
    assert (decoded.encoding, decoded.rule) == ("utf-8", EncodingRule.HTTP)
    assert CURLY in decoded.text
    assert "caf\ufffd" in decoded.text
    assert any("1 invalid utf-8" in w for w in decoded.warnings)


def test_http_utf16_over_ascii_bytes_is_ignored() -> None:
    decoded = decode(page("<p>plain</p>").encode(), "utf-16")
    assert decoded.text == page("<p>plain</p>")
    assert any("not UTF-16" in w for w in decoded.warnings)


def test_meta_after_the_prescan_window_is_not_read() -> None:
    late = "<!--" + "x" * 5000 + "--><meta charset=koi8-r>"
    data = page(paragraphs(RUSSIAN), late).encode("cp1251")
    assert decode(data).rule is EncodingRule.DETECTED
    assert decode(data).encoding == "cp1251"


@pytest.mark.parametrize(
    ("head", "label"),
    [
        (b"<meta charset=koi8-r>", "koi8-r"),
        (b"<META HTTP-EQUIV=Content-Type CONTENT='text/html; charset=\"gbk\"'>", "gbk"),
        (b"<meta name=x><meta/charset=big5>", "big5"),
        (b"<!-- <meta charset=koi8-r> --><meta charset=utf-8>", "utf-8"),
        (b"<!-- <meta charset=koi8-r>", None),
        (b"<meta charset=koi8-r", None),
        (b"<metadata charset=koi8-r>", None),
    ],
)
def test_meta_charset_prescan(head: bytes, label: str | None) -> None:
    assert meta_charset(head) == label


class RecordingDetector:
    def __init__(self, answer: str | None) -> None:
        self.answer = answer
        self.samples: list[bytes] = []

    def __call__(self, sample: bytes) -> str | None:
        self.samples.append(sample)
        return self.answer


def test_detector_gets_a_bounded_sample() -> None:
    detector = RecordingDetector("cp1251")
    data = page(paragraphs(RUSSIAN, 2000)).encode("cp1251")
    assert len(data) > 200_000
    decoded = decode(data, detector=detector)
    assert (decoded.encoding, decoded.rule) == ("cp1251", EncodingRule.DETECTED)
    assert len(detector.samples) == 1
    assert 32 * 1024 <= len(detector.samples[0]) <= 64 * 1024


@pytest.mark.parametrize(
    "data", [page(f"<p>{CURLY}</p>").encode(), b"<p>ascii</p>"], ids=["utf-8", "ascii"]
)
def test_detector_is_not_asked_about_ascii_or_valid_utf8(data: bytes) -> None:
    detector = RecordingDetector("cp1251")
    assert decode(data, detector=detector).encoding == "utf-8"
    assert detector.samples == []


@pytest.mark.parametrize("answer", ["utf-16", "utf-16-be", "utf-7", "base64", "cp037", None])
def test_implausible_detector_answers_fall_back_to_utf8(answer: str | None) -> None:
    data = page(paragraphs("caf\xe9 cr\xe8me", 3)).encode("cp1252")
    decoded = decode(data, detector=RecordingDetector(answer))
    assert (decoded.encoding, decoded.rule) == ("utf-8", EncodingRule.DEFAULT)
    assert "caf\ufffd" in decoded.text
    assert decoded.warnings


def test_detector_that_raises_does_not_break_decoding() -> None:
    def broken(sample: bytes) -> str | None:
        raise RuntimeError("boom")

    decoded = decode(page(paragraphs(RUSSIAN)).encode("cp1251"), detector=broken)
    assert decoded.rule is EncodingRule.DEFAULT
    assert any("boom" in w for w in decoded.warnings)


@pytest.mark.parametrize(
    ("data", "text", "warning"),
    [
        (b"a\x00b\x00c", "abc", "removed 2 NUL"),
        ("a\x00b", "ab", "removed 1 NUL"),
        ("a\ud800b\udfffc", "a\ufffdb\ufffdc", "replaced 2 lone surrogate"),
        (b"\xff\xfea\x00\x00\xd8b\x00", "a\ufffdb", None),  # utf-16 decoding never leaves one
    ],
)
def test_sanitising(data: bytes | str, text: str, warning: str | None) -> None:
    decoded = decode(data)
    assert decoded.text == text
    if warning is not None:
        assert any(warning in w for w in decoded.warnings)


@pytest.mark.parametrize(
    ("data", "text", "rule"),
    [
        (b"", "", EncodingRule.DEFAULT),
        (b" \n\t ", " \n\t ", EncodingRule.DEFAULT),
        (b"\xef\xbb\xbf", "", EncodingRule.BOM),
        (b"\x00\x00", "", EncodingRule.DEFAULT),
        ("", "", EncodingRule.STR),
        ("  \n", "  \n", EncodingRule.STR),
    ],
)
def test_empty_input(data: bytes | str, text: str, rule: EncodingRule) -> None:
    decoded = decode(data)
    assert (decoded.text, decoded.rule) == (text, rule)
    assert "empty input" in decoded.warnings


def test_str_passes_through() -> None:
    decoded = decode(page(f"<p>{CURLY}</p>"))
    assert decoded == Decoded(page(f"<p>{CURLY}</p>"), None, EncodingRule.STR, ())


@pytest.mark.parametrize("make", [bytearray, memoryview])
def test_byte_like_input(make: type[bytearray] | type[memoryview]) -> None:
    data = page(paragraphs(RUSSIAN)).encode("cp1251")
    assert decode(make(data)) == decode(data)


@pytest.mark.parametrize("data", [None, 42, ["<p>"], object()])
def test_other_types_raise_type_error(data: object) -> None:
    with pytest.raises(TypeError):
        decode(data)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "data",
    [
        b"<meta " * 200_000,
        b"<!--" * 200_000,
        b"<meta charset=" + b"a" * 1_000_000,
        b"<" * 1_000_000,
        b"\x80" * 1_000_000,
    ],
    ids=["meta", "comments", "long-label", "lt", "high-bytes"],
)
def test_pathological_bytes_are_quick(data: bytes) -> None:
    # CPU time, so that other processes on a shared machine cannot trip the guard.
    start = time.process_time()
    decode(data)
    assert time.process_time() - start < 2.0


@settings(max_examples=300, deadline=None)
@given(
    data=st.binary(max_size=2000),
    http_charset=st.none() | st.sampled_from(["utf-8", "utf-16", "shift_jis", "koi8-r", "??"]),
)
def test_never_raises_on_bytes(data: bytes, http_charset: str | None) -> None:
    decoded = decode(data, http_charset)
    assert "\x00" not in decoded.text
    decoded.text.encode("utf-8")  # no lone surrogates


@settings(max_examples=200, deadline=None)
@given(prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"<meta charset=utf-8>"]),
       body=st.binary(max_size=500))  # fmt: skip
def test_never_raises_after_a_bom_or_declaration(prefix: bytes, body: bytes) -> None:
    assert isinstance(decode(prefix + body).text, str)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3", "a PDF document"),
        (b"\x1f\x8b\x08\x00" + bytes(100), "gzip-compressed data"),
        (b"PK\x03\x04" + bytes(50), "a ZIP archive"),
        (bytes(range(1, 32)) * 10, "binary data"),
        ("%PDF-1.7 as text", "a PDF document"),
        ('{"html": "<p>x</p>"}', "a JSON document"),
        (b'[{"a": 1}, 2]', "a JSON document"),
    ],
)
def test_input_that_is_not_html_decodes_to_nothing(data: bytes | str, kind: str) -> None:
    decoded = decode(data)
    assert decoded.text == ""
    assert any(kind in warning for warning in decoded.warnings)


@pytest.mark.parametrize(
    "data",
    [
        page(f"<p>{RUSSIAN}</p>").encode("utf-16-le"),  # Cyrillic is full of control bytes
        b"\xff\xfe" + page(f"<p>{JAPANESE}</p>").encode("utf-16-le"),
        page("<p>a stray \x01 byte and \x1b escape in a long enough page of text</p>").encode(),
        b"{{ template }}<html><body><p>x</p></body></html>",
        b"[if IE]<p>conditional</p>]",
        page(f"<p>{JAPANESE}</p>").encode("iso2022_jp"),
    ],
    ids=["utf-16 without BOM", "utf-16 with BOM", "a few controls", "braces", "brackets", "jis"],
)
def test_text_is_not_mistaken_for_binary_or_json(data: bytes) -> None:
    decoded = decode(data)
    assert decoded.text
    assert not any("not HTML" in warning for warning in decoded.warnings)


_DECOMPOSED = "<p>Es wurde gepru\u0308ft, ob Jane\u0301 passt.</p>"


@pytest.mark.parametrize("data", [_DECOMPOSED.encode("utf-8"), _DECOMPOSED])
def test_decomposed_text_is_composed(data: bytes | str) -> None:
    decoded = decode(data)
    assert "geprüft" in decoded.text and "Jané" in decoded.text
    assert "\u0308" not in decoded.text


def test_double_encoded_utf8_is_undone() -> None:
    # "’", "ü", "—" and "©" each went through UTF-8 twice: windows-1252 and Latin-1 forms.
    page = "<p>It\u00e2\u20ac\u2122s \u00c3\u00bcber \u00e2\u0080\u0094 \u00c2\u00a9 2020</p>"
    decoded = decode(page.encode("utf-8"))
    assert decoded.text == "<p>It’s über — © 2020</p>"
    assert any("double-encoded" in warning for warning in decoded.warnings)


def test_a_stray_double_encoded_pair_and_real_text_are_left_alone() -> None:
    # Two tell-tales are not enough; "ß’" and "×" before a no-break space are real text.
    page = "<p>Grüß’ dich, 2×\u00a0so viel: caf\u00c3\u00a9 und \u00c3\u00bcber</p>"
    decoded = decode(page.encode("utf-8"))
    assert decoded.text == page
    assert not decoded.warnings


def test_the_tell_tale_pre_check_admits_every_tell_tale() -> None:
    # The substring pre-check skips the pattern only on text no tell-tale can be in:
    # every pair and triple the pattern matches holds one of the pre-checked strings.
    from newsclean.decode import _CONTINUATION, _TELLTALE, _may_hold_telltale

    continuation = [chr(c) for c in range(0x80, 0xC0)] + list(_CONTINUATION[3:])
    for tail in continuation:
        for shown in ("\u00c2" + tail, "\u00c3" + tail, "\u00e2\u0080" + tail, "\u00e2€" + tail):
            assert _TELLTALE.fullmatch(shown)
            assert _may_hold_telltale("caf" + shown + "s")
    # French and Portuguese text (â, ã, ç, é) does not hold any: the pattern is not run.
    assert not _may_hold_telltale("Le château, la tâche; São Paulo, ação, été")
