"""Header escaping tables per version: decode in one pass, encode what each version can carry."""

from __future__ import annotations

import re

import pytest

from explorer.stomp import (
    InvalidEscape,
    UnrepresentableHeader,
    Version,
    escape_header,
    unescape_header,
)

V10, V11, V12 = Version.V1_0, Version.V1_1, Version.V1_2
ERROR = InvalidEscape

# wire text -> decoded text for (None, 1.0, 1.1, 1.2); ERROR = InvalidEscape
DECODE_TABLE: list[tuple[str, tuple[str | type[Exception], ...]]] = [
    ("plain", ("plain", "plain", "plain", "plain")),
    ("a\\nb", ("a\nb", "a\\nb", "a\nb", "a\nb")),
    ("a\\cb", ("a:b", "a\\cb", "a:b", "a:b")),
    ("a\\\\b", ("a\\b", "a\\\\b", "a\\b", "a\\b")),
    ("a\\rb", ("a\rb", "a\\rb", ERROR, "a\rb")),
    ("a\\tb", ("a\\tb", "a\\tb", ERROR, ERROR)),
    ("a\\", ("a\\", "a\\", ERROR, ERROR)),
    ("\\\\n", ("\\n", "\\\\n", "\\n", "\\n")),  # escaped backslash then n: not a newline
    ("\\\\\\n", ("\\\n", "\\\\\\n", "\\\n", "\\\n")),
    ("\\\\c\\c", ("\\c:", "\\\\c\\c", "\\c:", "\\c:")),
    ("\\n\\n\\c\\c", ("\n\n::", "\\n\\n\\c\\c", "\n\n::", "\n\n::")),
    ("\\N", ("\\N", "\\N", ERROR, ERROR)),  # escapes are case sensitive
    ("é\\cü", ("é:ü", "é\\cü", "é:ü", "é:ü")),
]


@pytest.mark.parametrize(("wire", "expected"), DECODE_TABLE)
@pytest.mark.parametrize("column", range(4))
def test_unescape_table(
    wire: str, expected: tuple[str | type[Exception], ...], column: int
) -> None:
    version = (None, V10, V11, V12)[column]
    want = expected[column]
    if want is ERROR:
        with pytest.raises(InvalidEscape):
            unescape_header(wire, version)
    else:
        assert unescape_header(wire, version) == want


@pytest.mark.parametrize(("wire", "expected"), DECODE_TABLE)
def test_lenient_keeps_unknown_escapes_literally(
    wire: str, expected: tuple[str | type[Exception], ...]
) -> None:
    for version in (V11, V12):
        decoded = unescape_header(wire, version, lenient=True)
        strict = expected[2 if version is V11 else 3]
        if strict is not ERROR:
            assert decoded == strict
    assert unescape_header("a\\tb\\", V12, lenient=True) == "a\\tb\\"
    assert unescape_header("a\\rb", V11, lenient=True) == "a\\rb"


def test_invalid_escape_messages() -> None:
    message = "undefined escape sequence '\\t' in STOMP 1.2 header 'a\\\\t'"
    with pytest.raises(InvalidEscape, match=re.escape(message)):
        unescape_header("a\\t", V12)
    message = "header ends with a lone backslash: 'a\\\\'"
    with pytest.raises(InvalidEscape, match=re.escape(message)):
        unescape_header("a\\", V11)


# text -> escaped text for 1.0, 1.1, 1.2; UnrepresentableHeader marks refusal
REFUSE = UnrepresentableHeader
ENCODE_TABLE: list[tuple[str, tuple[str | type[Exception], ...]]] = [
    ("plain", ("plain", "plain", "plain")),
    ("a:b", ("a:b", "a\\cb", "a\\cb")),
    ("a\nb", (REFUSE, "a\\nb", "a\\nb")),
    ("a\rb", (REFUSE, REFUSE, "a\\rb")),
    ("a\\b", ("a\\b", "a\\\\b", "a\\\\b")),
    ("\\n", ("\\n", "\\\\n", "\\\\n")),
    ("\\:\n\r", (REFUSE, REFUSE, "\\\\\\c\\n\\r")),
    (" spaced ", (" spaced ", " spaced ", " spaced ")),
    ("tab\there", ("tab\there", "tab\there", "tab\there")),
]


@pytest.mark.parametrize(("text", "expected"), ENCODE_TABLE)
@pytest.mark.parametrize("column", range(3))
def test_escape_table(text: str, expected: tuple[str | type[Exception], ...], column: int) -> None:
    version = (V10, V11, V12)[column]
    want = expected[column]
    if want is REFUSE:
        with pytest.raises(UnrepresentableHeader):
            escape_header(text, version)
    else:
        assert escape_header(text, version) == want
        if version is not V10:
            assert unescape_header(escape_header(text, version), version) == text


def test_unrepresentable_messages() -> None:
    refused = UnrepresentableHeader
    with pytest.raises(refused, match=r"STOMP 1\.1 headers cannot contain a carriage"):
        escape_header("a\rb", V11)
    with pytest.raises(refused, match=r"STOMP 1\.0 headers cannot contain line breaks"):
        escape_header("a\nb", V10)


def test_version_may_be_given_as_a_string() -> None:
    assert unescape_header("a\\cb", "1.0") == "a\\cb"  # type: ignore[arg-type]
    assert unescape_header("a\\cb", "1.1") == "a:b"  # type: ignore[arg-type]
    assert escape_header("a:b", "1.0") == "a:b"  # type: ignore[arg-type]
    assert escape_header("a:b", "1.2") == "a\\cb"  # type: ignore[arg-type]
