"""English that leaked into the Korean window, each worded by the window now: the built-in
Sandbox profile's notes, where a template mistake is (body, destination, a header), every
mistake in a scenario file, who listed a destination, heart-beat periods, Test connection."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from explorer.profiles import ProfileStore
from explorer.profiles.secrets import SecretStore
from explorer.templates import TemplateError
from explorer.ui import config, i18n
from explorer.ui.composer_check import template_error_text
from explorer.ui.profile_model import ProfileListModel
from explorer.ui.sandbox_runner import SANDBOX_NOTES, sandbox_profile
from explorer.ui.tasks import describe_failure
from tests.support.brokers import Broker
from tests.support.keyrings import MemoryKeyring

pytestmark = pytest.mark.gui


@pytest.fixture
def korean(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    # Chosen in settings of its own: the test's window.ini keeps no "ko", which the first
    # configure_application of the process would install for good (every later test Korean).
    settings = config.WindowSettings(
        QSettings(str(tmp_path / "korean.ini"), QSettings.Format.IniFormat)
    )
    settings.language = "ko"
    translators: list[QTranslator] = i18n.install(qapp, settings)
    assert translators, "the Korean .qm did not load"
    try:
        yield
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale.c())


def test_the_sandbox_profile_is_described_in_korean(korean: None, tmp_path: Path) -> None:
    store = ProfileStore(
        tmp_path / "profiles.json",
        secrets=SecretStore(MemoryKeyring()),
        builtins=[sandbox_profile()],
    )
    model = ProfileListModel(store)
    tooltip = str(model.data(model.index(0), Qt.ItemDataRole.ToolTipRole))
    assert "데모 트래픽이 흐르는 내장 브로커" in tooltip
    assert str(SANDBOX_NOTES) not in tooltip
    # The profile itself keeps the English (it is data, as every profile's notes).
    assert sandbox_profile().notes == SANDBOX_NOTES


@pytest.mark.parametrize(
    ("field", "korean_place"),
    [("body", "본문"), ("destination", "목적지"), ("headers.x-run", "헤더 x-run")],
)
def test_a_template_mistake_names_its_place_in_korean(
    korean: None, field: str, korean_place: str
) -> None:
    error = TemplateError("template syntax: unexpected '}'", field=field, line=2, column=7)
    assert template_error_text(error) == (
        f"템플릿 오류({korean_place}, 2행, 7열): template syntax: unexpected '}}'"
    )
    assert describe_failure(error).startswith(f"{korean_place}의 템플릿 2행 7열에")


def test_every_scenario_file_problem_is_worded_in_korean(korean: None) -> None:
    from explorer.ui.scenario_text import PROBLEMS
    from tests.unit.scenarios.test_problem_codes import CASES

    raised = {problem for _text, problem, _details in CASES}
    others = {"cannot-read", "not-utf8", "template", "template-at", "not-a-mapping-plain"}
    assert set(PROBLEMS) == raised | others
    for code, english in PROBLEMS.items():
        korean_text = QCoreApplication.translate("ScenarioText", str(english))
        assert korean_text != english, code
        assert re.search("[가-힣]", korean_text), code


def test_a_scenario_mistake_reads_in_korean(korean: None) -> None:
    from explorer.scenarios import ScenarioFileError, parse_scenario
    from explorer.ui.scenario_text import file_problem_text

    with pytest.raises(ScenarioFileError) as caught:
        parse_scenario("name: x\nbogus: 1\nsteps: []\n", "s.yaml")
    assert file_problem_text(caught.value).startswith("알 수 없는 키 'bogus'(여기에 쓸 수 있는 키:")
    with pytest.raises(ScenarioFileError) as caught:
        parse_scenario("name: x\nsteps:\n  - wait: 5\n", "s.yaml")
    assert file_problem_text(caught.value) == "'5'에는 단위가 필요합니다. 예: 5s 또는 500ms."


def test_a_session_template_mistake_reads_in_korean(korean: None) -> None:
    from explorer.ui import session_text

    error = TemplateError("'user' is not defined", field="destination", line=1, column=8)
    assert session_text.template_error(error) == (
        "템플릿 오류(목적지, 1행, 8열): 'user' is not defined"
    )


def test_who_listed_a_destination_reads_in_korean(korean: None) -> None:
    from explorer.store import DestinationTree
    from explorer.ui.models.destination_text import node_tooltip, source_words

    tree = DestinationTree()
    tree.record_message("/queue/orders", "in", 1_700_000_000.0)
    node = tree.upsert("/queue/orders", "management", depth=3, consumers=1)
    assert node is not None
    lines = node_tooltip(node).splitlines()
    assert "관리 API: 깊이=3, 소비자=1" in lines
    assert "받음" in lines
    assert [source_words(s) for s in ("seen", "sent", "reply-to")] == [
        "받음",
        "보냄",
        "reply-to 헤더",
    ]


def test_heart_beat_periods_read_in_korean(korean: None) -> None:
    from explorer.ui.heartbeat_view import _seconds

    assert _seconds(10_000) == "10초"
    assert _seconds(2_500) == "2.5초"


@pytest.mark.activemq
def test_test_connection_reports_in_korean(
    korean: None, activemq: Broker, run: Callable[[Awaitable[Any]], Any]
) -> None:
    from explorer.profiles import Profile
    from explorer.ui.messages import worded_probe

    text = run(worded_probe(Profile("amq", activemq.stomp_url), {}))
    assert text.startswith("STOMP 1.2, 서버 ActiveMQ/"), text
    assert text.endswith("하트비트: 보내는 주기 10000 ms, 받는 주기 10000 ms")


def test_a_failed_test_connection_reads_in_korean(korean: None, qtbot: QtBot) -> None:
    from explorer.client import TransportError
    from explorer.ui.messages import worded_probe
    from explorer.ui.profile_dialog import ProfileDialog

    store = ProfileStore(secrets=SecretStore(MemoryKeyring()))
    dialog = ProfileDialog(store, test_connection=worded_probe)
    qtbot.addWidget(dialog)
    dialog.url_edit.setText("nonsense")
    dialog._on_test()
    assert dialog.test_result.text().startswith("먼저 고치세요: URL: ")
    dialog._test_failed(TransportError("connection refused by 127.0.0.1:1"))
    assert dialog.test_result.text() == (
        "실패: 이 주소에서 응답이 없습니다. 브로커가 실행 중인지, 호스트와 포트가 맞는지 "
        "확인하세요. (connection refused by 127.0.0.1:1)"
    )


def test_every_template_problem_is_worded_in_korean(korean: None) -> None:
    from explorer.ui.template_text import PROBLEMS
    from tests.unit.templates.test_problem_codes import CASES

    raised = {problem for _text, _variables, problem, _details in CASES}
    assert set(PROBLEMS) == raised | {"bad-name", "builtin-name"}
    for code, english in PROBLEMS.items():
        korean_text = QCoreApplication.translate("TemplateText", str(english))
        assert re.search("[가-힣]", korean_text), code


def test_a_template_mistake_reads_in_korean_in_the_composer_and_a_scenario(
    korean: None,
) -> None:
    from explorer.scenarios import ScenarioFileError, parse_scenario
    from explorer.scenarios.templating import check_templates, scenario_engine
    from explorer.templates import TemplateEngine
    from explorer.ui.scenario_text import file_problem_text

    with pytest.raises(TemplateError) as caught:
        TemplateEngine({"user": 1}).expand("{{ nope }}", field="body")
    assert template_error_text(caught.value).startswith(
        "템플릿 오류(본문, 1행, 4열): 'nope'은(는) 정의되지 않았습니다(변수: user, 내장: "
    )
    scenario = parse_scenario("name: x\nsteps:\n  - send: {destination: /q, body: '{{ nope }}'}\n")
    with pytest.raises(ScenarioFileError) as file_error:
        check_templates(scenario, scenario_engine(scenario))
    assert file_problem_text(file_error.value).startswith(
        "템플릿 오류(39열): 'nope'은(는) 정의되지 않았습니다(변수 없음, 내장: "
    )


def _stores(tmp_path: Path) -> list[ProfileStore]:
    """Profile files with each thing loading can find: broken, too new, a taken name, one
    and two profiles set aside."""
    files = {
        "broken": "{ not json",
        "newer": '{"schema": 99, "profiles": []}',
        "taken": '{"schema": 2, "profiles": [{"name": "Sandbox", "url": "stomp://h:61613"}]}',
        "one": '{"schema": 2, "profiles": [{"name": "a", "url": "nonsense://"}]}',
        "two": '{"schema": 2, "profiles": [{"name": "a", "url": "x://"}, {"name": "b"}]}',
    }
    stores = []
    for name, text in files.items():
        path = tmp_path / f"{name}.json"
        path.write_text(text, encoding="utf-8")
        store = ProfileStore(
            path, secrets=SecretStore(MemoryKeyring()), builtins=[sandbox_profile()]
        )
        stores.append(store)
    return stores


def test_the_profile_files_notes_read_as_the_command_line_in_english(tmp_path: Path) -> None:
    from explorer.ui.profile_exchange import LOAD_NOTES, load_note_text

    stores = _stores(tmp_path)
    kinds = {note.kind for store in stores for note in store.load_notes}
    assert kinds == set(LOAD_NOTES)
    for store in stores:
        assert [load_note_text(note) for note in store.load_notes] == store.load_warnings


def test_the_profile_files_notes_read_in_korean(korean: None, tmp_path: Path) -> None:
    from explorer.ui.profile_exchange import load_note_text

    for store in _stores(tmp_path):
        for note in store.load_notes:
            assert re.search("[가-힣]", load_note_text(note)), note.text
