"""The per-profile "keep recording" setting (issue 15): saved, read back, read from files
written before it existed, and checked."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from explorer.profiles import Profile, ProfileFileError, validate
from explorer.profiles.model import RecordingSettings, profile_from_dict, profile_to_dict

BASE = Profile("ok", "stomp://localhost:61613")


def test_the_setting_round_trips_through_the_file_form(tmp_path: Path) -> None:
    profile = replace(
        BASE,
        recording=RecordingSettings(keep=True, folder=str(tmp_path), max_mb=512, max_days=7),
    )
    data = profile_to_dict(profile)
    assert data["recording"] == {
        "keep": True,
        "folder": str(tmp_path),
        "max_mb": 512,
        "max_days": 7,
    }
    assert profile_from_dict(data) == profile


def test_a_profile_written_before_the_setting_existed_does_not_record() -> None:
    data = profile_to_dict(BASE)
    del data["recording"]
    profile = profile_from_dict(data)
    assert profile.recording == RecordingSettings()
    assert not profile.recording.keep


def test_a_wrong_type_names_the_field() -> None:
    data = profile_to_dict(BASE)
    data["recording"] = {"keep": "yes"}
    with pytest.raises(ProfileFileError, match="'keep' has the wrong type"):
        profile_from_dict(data)


@pytest.mark.parametrize(
    ("recording", "field", "words"),
    [
        (RecordingSettings(max_mb=0), "recording.max_mb", "between 1 and"),
        (RecordingSettings(max_days=-1), "recording.max_days", "between 1 and"),
        (RecordingSettings(folder="a\x07b"), "recording.folder", "control character"),
    ],
)
def test_caps_a_capture_cannot_honour_are_refused(
    recording: RecordingSettings, field: str, words: str
) -> None:
    errors = validate(replace(BASE, recording=recording))
    assert [error.field for error in errors] == [field]
    assert words in errors[0].message


def test_a_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "not-a-folder"
    file.write_text("x")
    profile = replace(BASE, recording=RecordingSettings(keep=True, folder=str(file)))
    errors = validate(profile)
    assert [error.field for error in errors] == ["recording.folder"]
    # A folder that does not exist yet is fine: recording creates it.
    later = replace(BASE, recording=RecordingSettings(keep=True, folder=str(tmp_path / "new")))
    assert validate(later) == []
    assert validate(profile, check_files=False) == []
