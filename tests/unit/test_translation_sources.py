"""Every string the window translates reaches the translation, and the Korean keeps its
placeholders: read from the source (tests/support/translatable.py), so a helper lupdate
cannot follow, a `tr()` outside a class or an f-string inside `tr()` fails here."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.support import translatable
from tests.support.translatable import Call, calls, markers

KOREAN = translatable.REPO / "resources" / "translations" / "explorer_ko.ts"
# {name}, {seconds:.0f}, %1, %n; doubled braces are literal braces, not placeholders.
ACCELERATOR = re.compile(r"&(?![&\s])")
PLACEHOLDER = re.compile(r"(?<!\{)\{[A-Za-z_][A-Za-z0-9_]*(?::[^{}]*)?\}(?!\})|%[0-9n]")


def korean() -> dict[tuple[str, str], str]:
    """(context, source) -> the finished translation ('' when unfinished)."""
    entries: dict[tuple[str, str], str] = {}
    for context in ET.parse(KOREAN).getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") is None
            text = (translation.text or "") if translation is not None and finished else ""
            entries[(name, message.findtext("source") or "")] = text
    return entries


def where(found: list[Call]) -> list[str]:
    return [f"{call.path}:{call.line} {call.context} {call.text!r}" for call in found]


def test_every_literal_string_of_the_window_has_a_korean_translation() -> None:
    translations = korean()
    found = [call for call in calls() if call.text is not None]
    assert len(found) > 1000
    missing = [
        call
        for call in found
        if call.context is None or not translations.get((call.context, call.text or ""))
    ]
    assert where(missing) == []


def test_no_translated_string_is_built_at_run_time() -> None:
    # A name or a table lookup is fine (its values are marked with QT_TRANSLATE_NOOP); an
    # f-string, a concatenation or a call's result can never match a translation.
    built = [call for call in calls() if call.argument in {"JoinedStr", "BinOp", "Call"}]
    assert where(built) == []


def test_korean_keeps_every_placeholder_of_the_english() -> None:
    changed = {
        key: translation
        for key, translation in korean().items()
        if translation
        and sorted(PLACEHOLDER.findall(key[1])) != sorted(PLACEHOLDER.findall(translation))
    }
    assert changed == {}


def test_korean_keeps_every_keyboard_accelerator() -> None:
    # "&Open" -> "열기(&O)": one & before a letter in both ("Tree & notes" has none).
    def accelerators(text: str) -> int:
        return len(ACCELERATOR.findall(text))

    lost = {
        key: translation
        for key, translation in korean().items()
        if translation and accelerators(key[1]) != accelerators(translation)
    }
    assert lost == {}


def test_helper_calls_become_markers_lupdate_can_read(tmp_path: Path) -> None:
    module = tmp_path / "explorer" / "ui" / "words.py"
    module.parent.mkdir(parents=True)
    (tmp_path / "explorer" / "app.py").write_text("", encoding="utf-8")
    module.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        'CONTEXT = "Words"\n'
        "def tr(text: str) -> str:\n"
        "    return QCoreApplication.translate(CONTEXT, text)\n"
        "class Pane:\n"
        "    def title(self) -> str:\n"
        '        own = self.tr("Own")\n'
        '        return tr("It\'s {n} \\n") + f"{self.tr(\'Inside\')}"\n',
        encoding="utf-8",
    )
    found = list(calls(tmp_path))
    assert [(c.context, c.text, c.blind) for c in found] == [
        ("Pane", "Own", False),
        ("Words", "It's {n} \n", True),
        ("Pane", "Inside", True),
    ]
    assert markers(found).splitlines()[1:] == [
        "QT_TRANSLATE_NOOP('Words', \"It's {n} \\n\")",
        "QT_TRANSLATE_NOOP('Pane', 'Inside')",
    ]


@pytest.mark.parametrize("text", ["{a}{{b}}", "%1 and %n", "{seconds:.0f} s"])
def test_placeholder_pattern(text: str) -> None:
    assert (
        PLACEHOLDER.findall(text)
        == {
            "{a}{{b}}": ["{a}"],
            "%1 and %n": ["%1", "%n"],
            "{seconds:.0f} s": ["{seconds:.0f}"],
        }[text]
    )
