"""Every vocabulary member has its own Vietnamese label, even when codes repeat across enums."""

from __future__ import annotations

from enum import StrEnum

import pytest

from desktop.domain import enums

VOCABULARIES = [v for v in vars(enums).values()
                if isinstance(v, type) and issubclass(v, StrEnum) and v.__module__ == enums.__name__
                and list(v)]


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_every_member_has_a_label(vocabulary: type[StrEnum]) -> None:
    for member in vocabulary:
        assert isinstance(member.label, str)  # type: ignore[attr-defined]


def test_same_code_in_two_vocabularies_keeps_two_labels() -> None:
    assert enums.StudyForm.OTHER == enums.DeadlineKind.OTHER == "khac"
    assert enums.StudyForm.OTHER.label == "Hình thức khác"
    assert enums.DeadlineKind.OTHER.label == "Hạn khác"
