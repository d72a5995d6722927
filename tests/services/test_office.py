"""The office's own values: read, validated, stored with the body's version, used by the Word
outputs (both backends)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.domain.errors import ConflictError, ValidationError
from desktop.services.database import Database
from desktop.services.office import OfficeSettings, load_office, save_office
from desktop.services.report_common import office_values


def test_the_office_is_created_edited_and_printed(db: Database) -> None:
    empty = load_office(db)
    assert empty.body_id is None
    saved = save_office(db, replace(
        empty, superior_name="tỉnh ủy hà sơn", name="Ban Tuyên giáo\n\n  và Dân vận ",
        symbol="btgdvtu", place_name="Hà Sơn", regime="party",
        signer_authority="k/t trưởng ban", signer_title="phó trưởng ban",
        signer_name="Nguyễn Văn A", recipient_line_end=";", report_recipients="Như trên\nLưu VP"))
    assert saved.body_id is not None and saved.version is not None
    assert saved.superior_name == "TỈNH ỦY HÀ SƠN"
    assert saved.name == "BAN TUYÊN GIÁO\nVÀ DÂN VẬN" and saved.symbol == "BTGDVTU"
    with db.read() as s:
        office, _body = office_values(s)
    assert office.name_lines == ("BAN TUYÊN GIÁO", "VÀ DÂN VẬN")
    assert office.signer_authority == "K/T TRƯỞNG BAN" and office.recipient_line_end == ";"
    # a second edit with the version read; a stale one is refused and changes nothing
    again = save_office(db, replace(saved, place_name="Thành phố Hà Sơn"))
    assert again.place_name == "Thành phố Hà Sơn"
    with pytest.raises(ConflictError):
        save_office(db, replace(saved, place_name="Khác"))
    assert load_office(db).place_name == "Thành phố Hà Sơn"


@pytest.mark.parametrize(("change", "field"), [
    ({"name": "  "}, "name"),
    ({"symbol": "BAN TG/TU"}, "symbol"),
    ({"regime": "other"}, "regime"),
    ({"format_profile": "nope"}, "format_profile"),
    ({"recipient_last_end": "hết."}, "recipient_last_end"),
])
def test_bad_values_are_named_and_nothing_is_written(db: Database, change: dict[str, str],
                                                     field: str) -> None:
    good = OfficeSettings(name="VĂN PHÒNG", symbol="VPTU", regime="party")
    with pytest.raises(ValidationError) as caught:
        save_office(db, replace(good, **change))
    assert caught.value.field == field
    assert load_office(db).body_id is None
