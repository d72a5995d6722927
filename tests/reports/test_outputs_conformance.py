"""The four outputs on the ket-qua engine — công văn đôn đốc, annual report, tracking
register, outgoing register — written through the registry (``report_outputs``), read back
and checked against the Party and the State profiles (``conformance.py``); the figures they
print against the statistics; the reminders and the outgoing register entry of the công văn."""

from __future__ import annotations

import re
from datetime import date

import pytest
from docx import Document
from sqlalchemy import func, select

from desktop.domain.errors import ValidationError
from desktop.domain.numbers import format_int
from desktop.reports.docx_base import style_id
from desktop.reports.profiles import load_profile
from desktop.services.report_ket_qua import KetQuaOptions, gather_ket_qua
from desktop.services.report_outputs import OUTPUTS, ReportRequest, export, preview
from desktop.services.stats import document_stats
from desktop.store import models as m

from . import conformance as cf
from . import report_support as rs

DAY = rs.TODAY
LATE = 3


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("outputs")
    db = rs.demo_db(folder / "demo.sqlite3")
    doc_id = rs.make_late(db, "06-KL/TU", LATE)
    yield db, folder, doc_id
    db.close()


def _count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)))


@pytest.fixture(scope="module", params=["party-36", "state-30"])
def written(request: pytest.FixtureRequest, demo):  # type: ignore[no-untyped-def]
    """Every output written once for the profile; the reminders counted before and after."""
    db, folder, doc_id = demo
    profile = request.param
    number = "7" if profile == "party-36" else "8"
    out = folder / profile
    out.mkdir()
    before = _count(db, m.Reminder)
    base = dict(report_date=DAY, profile=profile)
    files = {
        "don-doc": export(db, ReportRequest("don-doc", document_id=doc_id, number=number,
                                            **base), out / "dd.docx"),
        "per-org": export(db, ReportRequest("don-doc", document_id=doc_id, number=number,
                                            letters="per-org", **base), out / "po.docx"),
        "per-org-files": export(db, ReportRequest("don-doc", document_id=doc_id, number=number,
                                                  letters="per-org-files", **base),
                                out / "thu-muc"),
        "hang-nam": export(db, ReportRequest("hang-nam", year=2026, number="3", **base),
                           out / "hn.docx"),
        "so-theo-doi": export(db, ReportRequest("so-theo-doi", document_id=doc_id, **base),
                              out / "std.docx"),
        "so-van-ban-di": export(db, ReportRequest(
            "so-van-ban-di", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
            **base), out / "svbd.docx"),
    }
    return load_profile(profile), files, _count(db, m.Reminder) - before


def test_don_doc_is_a_cong_van_with_the_list_attached(written, demo) -> None:  # type: ignore[no-untyped-def]
    profile, files, _ = written
    db, _, doc_id = demo
    path = files["don-doc"].paths[0]
    doc = Document(str(path))
    cf.check_sections(doc, profile, [False, False], [False, True])
    cf.check_fonts_and_styles(doc, path, profile, ("letter_excerpt", "salutation"))
    cf.check_clean_xml(path)
    left, _right = cf.check_header_table(doc.tables[0], profile)
    # a State công văn has no type abbreviation (NĐ 30: "Số: 1234/SNV-VP")
    symbol = "Số 07-CV/BTGDVTU" if profile.regime == "party" else "Số: 08/BTGDVTU"
    assert symbol in left
    excerpt = [p for p in doc.tables[0].rows[0].cells[0].paragraphs
               if p.style.name == style_id("letter_excerpt")]
    start = "về việc đôn đốc" if profile.regime == "party" else "V/v đôn đốc"
    assert excerpt and excerpt[0].text.startswith(start)
    salutation = [p.text for p in doc.paragraphs if p.style.name == style_id("salutation")]
    assert salutation == ["Kính gửi: Các đơn vị có tên trong danh sách kèm theo."]
    assert not [p for p in doc.paragraphs if p.style.name == style_id("type_title")]
    assert cf.check_signature(doc.tables[1], profile)[-1] == "Phạm Thị Thanh Hương"
    data, _ = gather_ket_qua(db, doc_id, KetQuaOptions(report_date=DAY))
    text = rs.all_text(doc).replace("\n", " ")
    assert (f"đã nhận được báo cáo của {data.reported}/{data.must_report} đơn vị; còn "
            f"0{LATE} đơn vị quá hạn") in text
    rows = cf.check_data_table(doc.tables[2], 1, LATE)
    assert [r[1] for r in rows] == [p.name for p in data.pending][:LATE]
    assert all(int(r[3]) > 0 for r in rows)


def test_one_letter_per_organisation_each_with_its_own_numbering(written) -> None:  # type: ignore[no-untyped-def]
    profile, files, _ = written
    path = files["per-org"].paths[0]
    doc = Document(str(path))
    cf.check_sections(doc, profile, [False] * LATE, [True] * LATE)
    cf.check_clean_xml(path)
    salutations = [p.text for p in doc.paragraphs if p.style.name == style_id("salutation")]
    assert len(salutations) == LATE and len(set(salutations)) == LATE
    assert len(doc.tables) == 2 * LATE  # a header and a signature per letter
    folder = files["per-org-files"].paths
    assert len(folder) == LATE and all(p.parent.name == "thu-muc" for p in folder)
    for one, salutation in zip(folder, salutations, strict=True):
        single = Document(str(one))
        assert [p.text for p in single.paragraphs
                if p.style.name == style_id("salutation")] == [salutation]
        assert one.name.startswith("CongVanDonDoc_06-KL-TU_")


def test_reminders_and_the_outgoing_entry_are_recorded_once(written, demo) -> None:  # type: ignore[no-untyped-def]
    profile, files, added = written
    db, _, doc_id = demo
    assert added == LATE  # three exports of the same numbered letter: recorded once
    with db.read() as s:
        entry = s.scalars(select(m.OutgoingEntry).where(
            m.OutgoingEntry.number == (7 if profile.regime == "party" else 8))).one()
        assert entry.document_id == doc_id and entry.issue_date == DAY
        assert entry.symbol == ("CV/BTGDVTU" if profile.regime == "party" else "BTGDVTU")
        reminders = s.scalars(select(m.Reminder).where(m.Reminder.outgoing_id == entry.id)).all()
        assert len(reminders) == LATE and {r.sent_date for r in reminders} == {DAY}
    assert "đã vào sổ văn bản đi" in files["don-doc"].summary
    rows = cf.check_data_table(Document(str(files["so-van-ban-di"].paths[0])).tables[1], 1,
                               1 if profile.regime == "party" else 2)
    assert rows[-1][1] == ("07-CV/BTGDVTU" if profile.regime == "party" else "08/BTGDVTU")


def test_preview_writes_nothing_and_a_used_number_is_refused(demo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, _, doc_id = demo
    before = (_count(db, m.Reminder), _count(db, m.OutgoingEntry))
    lines = preview(db, ReportRequest("don-doc", document_id=doc_id, report_date=DAY))
    assert lines[0].startswith(f"16/19 đơn vị đã báo cáo; {LATE} đơn vị sẽ nhận công văn: ")
    assert (_count(db, m.Reminder), _count(db, m.OutgoingEntry)) == before
    other = rs.document_id(db, "01-CT/TU")
    rs.make_late(db, "01-CT/TU", 1)
    with pytest.raises(ValidationError, match="đã vào sổ văn bản đi"):
        export(db, ReportRequest("don-doc", document_id=other, report_date=DAY, number="7"),
               tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()
    assert (_count(db, m.Reminder), _count(db, m.OutgoingEntry)) == before


def test_annual_report_sections_and_summary_table(written, demo) -> None:  # type: ignore[no-untyped-def]
    profile, files, _ = written
    db, _, _ = demo
    path = files["hang-nam"].paths[0]
    doc = Document(str(path))
    cf.check_sections(doc, profile, [False, True], [False, True])
    cf.check_fonts_and_styles(doc, path, profile)
    cf.check_clean_xml(path)
    left, _ = cf.check_header_table(doc.tables[0], profile)
    assert left[-1] == ("Số 03-BC/BTGDVTU" if profile.regime == "party" else
                        "Số: 03/BC-BTGDVTU")
    cf.check_signature(doc.tables[1], profile)
    stats = [document_stats(db, rs.document_id(db, n), DAY).totals
             for n in ("10-KH/TU", "06-KL/TU", "01-CT/TU")]
    rows = cf.check_data_table(doc.tables[2], 2, len(stats) + 1)
    total = rows[-1]
    assert total[1] == "Tổng cộng"
    assert total[2:9] == [format_int(sum(getattr(t, f) for t in stats)) for f in (
        "recipients", "received", "discussed", "planned", "must_report", "reported",
        "overdue")]
    headings = [p.text for p in doc.paragraphs if p.style.name == style_id("heading2")]
    assert [h[:18] for h in headings] == [
        "1. Chỉ thị số 01-C", "2. Kết luận số 06-", "3. Kế hoạch số 10-"]


def test_tracking_register_is_a_landscape_table(written, demo) -> None:  # type: ignore[no-untyped-def]
    profile, files, _ = written
    db, _, doc_id = demo
    path = files["so-theo-doi"].paths[0]
    doc = Document(str(path))
    cf.check_sections(doc, profile, [True], [False])
    cf.check_fonts_and_styles(doc, path, profile)
    cf.check_clean_xml(path)
    left, right = cf.check_header_table(doc.tables[0], profile)
    assert not [x for x in left if x.startswith("Số")]  # a register has no number
    totals = document_stats(db, doc_id, DAY).totals
    rows = cf.check_data_table(doc.tables[1], 2, totals.recipients)
    late = [r[-1] for r in rows if re.search(r"quá hạn \d+ ngày$", r[-1])]
    assert len(late) == totals.overdue
    assert rows[0][0] == "1"


def test_registry_names_and_refusals(demo) -> None:  # type: ignore[no-untyped-def]
    db, _, doc_id = demo
    assert list(OUTPUTS) == ["ket-qua", "don-doc", "hang-nam", "so-theo-doi", "so-van-ban-di"]
    req = ReportRequest("ket-qua", document_id=doc_id, report_date=date(2026, 11, 30))
    assert OUTPUTS["ket-qua"].default_name(req, "15-CT/TU") == "BaoCao_15-CT-TU_30-11-2026.docx"
    files = ReportRequest("don-doc", document_id=doc_id, report_date=date(2026, 11, 30),
                          letters="per-org-files")
    assert OUTPUTS["don-doc"].default_name(files, "15/QĐ-UBND") == \
        "CongVanDonDoc_15-QD-UBND_30-11-2026"
    assert OUTPUTS["don-doc"].is_folder(files) and not OUTPUTS["ket-qua"].is_folder(req)
    assert OUTPUTS["hang-nam"].default_name(ReportRequest("hang-nam", year=2025), "") == \
        "BaoCaoNam_2025.docx"
    for bad, field in ((ReportRequest("so-theo-doi"), "document"),
                       (ReportRequest("so-van-ban-di", period_start=date(2026, 2, 1),
                                      period_end=date(2026, 1, 1)), "period"),
                       (ReportRequest("hang-nam", year=1990, report_date=DAY), "year"),
                       (ReportRequest("khong-co"), "output")):
        with pytest.raises(ValidationError) as info:
            preview(db, bad)
        assert info.value.field == field


@pytest.mark.parametrize("name", ["don-doc", "don-doc-don-vi", "hang-nam", "so-theo-doi",
                                  "so-van-ban-di"])
def test_shipped_templates_are_what_the_generator_makes(name: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.reports.make_templates import TEMPLATES, build_template, write_reproducibly
    from desktop.reports.templates import default_template

    fresh = tmp_path / f"{name}.docx"
    write_reproducibly(build_template(TEMPLATES[name], name), fresh)
    assert fresh.read_bytes() == default_template(name).read_bytes()
    assert [p.text for p in Document(str(fresh)).paragraphs] == [t for _, t in TEMPLATES[name]]


def test_numbers_and_symbols_of_each_regime() -> None:
    from desktop.reports.blocks import number_line
    from desktop.reports.profiles import load_profile

    party, state = load_profile("party-36"), load_profile("state-30")
    assert number_line(party, "15", "BC", "BTGDVTU") == "Số 15-BC/BTGDVTU"
    assert number_line(party, "7", "CV", "BTGDVTU") == "Số 07-CV/BTGDVTU"
    assert number_line(state, "5", "BC", "UBND") == "Số: 05/BC-UBND"
    assert number_line(state, "1234", "CV", "SNV", "VP") == "Số: 1234/SNV-VP"
    assert number_line(state, "12", "CV", "UBND") == "Số: 12/UBND"
