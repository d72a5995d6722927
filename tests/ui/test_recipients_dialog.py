"""The "Nơi nhận" dialog on the 400-organisation demo: the sample directive's block pasted and
matched exactly as the service matches it, a text line mapped to a candidate by keyboard, the
lines saved with the document; groups and organisations ticked from lists; the model."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.services.database import Database
from desktop.services.document_register import RecipientLineInput, get_document
from desktop.services.documents import find_document
from desktop.services.org_groups import list_groups
from desktop.services.recipients import (
    match_recipient_lines,
    printed_lines,
    split_recipient_block,
)
from desktop.tasks.runner import TaskRunner
from desktop.ui.dialogs.document_dialog import DocumentDialog
from desktop.ui.dialogs.recipients_dialog import RecipientsDialog
from desktop.ui.models.recipient_match_model import (
    RecipientMatchModel,
    entries_from_matches,
    entries_from_rows,
    lines_for,
)

from . import documents_support
from .conftest import DEMO_TODAY, type_text
from .documents_support import (
    SAMPLE_BLOCK,
    SAMPLE_LINES,
    activate,
    key,
)

# the fixtures, found by pytest under these names
demo400_template = documents_support.demo400_template
docs_db = documents_support.docs_db

CTRL = Qt.KeyboardModifier.ControlModifier


def _rows(model: RecipientMatchModel) -> list[tuple[object, ...]]:
    return [(e.line, e.part, e.label, e.kind, e.target_id, e.name, e.reason)
            for e in model.entries()]


def test_the_sample_block_pasted_matched_mapped_and_saved(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner
) -> None:
    dialog = DocumentDialog(docs_db, runner, today=DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.number_edit.setText("15-CT/TU")
    dialog.form.date_edit.set_date(DEMO_TODAY)
    dialog.form.excerpt_edit.setPlainText("về định hướng chia sẻ thông tin trên mạng xã hội")
    assert dialog.recipients_summary.text() == (
        "Chưa có nơi nhận: văn bản này chưa theo dõi đơn vị nào.")
    dialog.tabs.setCurrentIndex(2)
    dialog.recipients_button.click()
    rd = dialog.recipients_dialog
    assert rd is not None and rd.isVisible()
    assert rd.windowTitle() == "Nơi nhận (tính theo ngày 30/11/2026)"
    rd.tabs.setCurrentIndex(1)
    QApplication.clipboard().setText(SAMPLE_BLOCK)
    rd.paste_edit.setFocus()
    rd.paste_edit.paste()
    activate(qtbot, rd)
    key(qtbot, Qt.Key.Key_Return, CTRL, rd.paste_edit)  # Đối chiếu
    qtbot.waitUntil(lambda: rd.model.rowCount() > 0, timeout=10_000)

    # what the table shows is what the service gives
    expected = match_recipient_lines(docs_db, split_recipient_block(SAMPLE_BLOCK),
                                     as_of=DEMO_TODAY)
    assert _rows(rd.model) == [
        (x.line_index, x.part_index, x.label, x.kind, x.group_id or x.organisation_id,
         x.matched_name, x.reason) for x in expected]
    assert printed_lines(expected) == SAMPLE_LINES
    m = rd.model
    shown = [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]
    dang_bo = next(r for r in shown if r[0] == "- Các đảng bộ trực thuộc Tỉnh ủy;")
    assert dang_bo == ["- Các đảng bộ trực thuộc Tỉnh ủy;", "Nhóm",
                       "Các đảng bộ trực thuộc Tỉnh ủy", "Trùng tên nhóm"]
    assert shown[4][:3] == ["    ↳ BTV Tỉnh Đoàn", "Đơn vị", "Tỉnh đoàn"]
    assert rd.totals_label.text() == "4 nhóm, 2 đơn vị, 5 dòng chỉ in"

    # "Công an tỉnh" stays printed text; the clerk maps it to a suggested organisation
    police_row = next(r for r, x in enumerate(expected) if x.label == "Công an tỉnh")
    assert shown[police_row][1] == "Chỉ in"
    candidate = next(c for c in expected[police_row].candidates if "Công an" in c.name)
    rd.table.setFocus()
    rd.table.setCurrentIndex(m.index(police_row, RecipientMatchModel.RESULT))
    key(qtbot, Qt.Key.Key_F2, widget=rd.table)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    options = [combo.itemText(i) for i in range(combo.count())]
    assert options[-1] == "Bỏ qua (chỉ in)"
    assert f"Đơn vị: {candidate.name}" in options
    combo.setCurrentIndex(options.index(f"Đơn vị: {candidate.name}"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: m.entry_at(police_row).kind == "organisation")
    assert m.entry_at(police_row).target_id == candidate.id
    assert m.index(police_row, RecipientMatchModel.REASON).data() == "Người dùng chọn"
    assert rd.totals_label.text() == "4 nhóm, 3 đơn vị, 5 dòng chỉ in"
    rd.ok_button.click()
    assert dialog.recipients_summary.text() == "Nơi nhận: 4 nhóm, 3 đơn vị, 5 dòng chỉ in"

    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    saved = get_document(docs_db, find_document(docs_db, "15-CT/TU").id)
    stored = [(x.text, x.group_id, x.organisation_id) for x in saved.recipient_lines]
    assert [t for t, _, _ in stored if t] == SAMPLE_LINES  # printed once each, in order
    by_label = {x.label: x for x in expected}
    assert stored[5:9] == [
        (SAMPLE_LINES[5], by_label["Các ban, sở, ngành"].group_id, None),
        ("", by_label["đoàn thể CT-XH của tỉnh"].group_id, None),
        (SAMPLE_LINES[6], None, by_label["Hội Nhà báo tỉnh"].organisation_id),
        ("", None, candidate.id),
    ]
    assert stored[2] == (SAMPLE_LINES[2], None, by_label["BTV Tỉnh Đoàn"].organisation_id)
    assert saved.tracking_rows > 0 and dialog.sync_result is not None
    assert dialog.sync_result.recipients == saved.tracking_rows


def test_groups_and_organisations_ticked_from_lists(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner
) -> None:
    rd = RecipientsDialog(docs_db, runner, DEMO_TODAY)
    qtbot.addWidget(rd)
    rd.show()
    chooser = rd.chooser
    groups = list_groups(docs_db, DEMO_TODAY)
    assert [chooser.groups.item(i).text() for i in range(chooser.groups.count())] == [
        f"{g.name} — {g.active_members} đơn vị" for g in groups]
    chooser.groups.item(0).setCheckState(Qt.CheckState.Checked)
    chooser.search.setFocus()
    type_text(chooser.search, "xã hòa bình")
    chooser.search.returnPressed.emit()
    assert chooser.results.count() >= 1
    assert QApplication.focusWidget() is chooser.results or not rd.isActiveWindow()
    hoa_binh = next(chooser.results.item(i) for i in range(chooser.results.count())
                    if chooser.results.item(i).text().startswith("Đảng bộ xã Hòa Bình —"))
    hoa_binh.setCheckState(Qt.CheckState.Checked)
    assert [chooser.chosen.item(i).text() for i in range(chooser.chosen.count())] == [
        f"Nhóm: {groups[0].name}", "Đơn vị: Đảng bộ xã Hòa Bình"]
    assert rd.totals_label.text() == "1 nhóm, 1 đơn vị"
    chooser.groups.item(0).setCheckState(Qt.CheckState.Unchecked)  # untick: the line goes
    assert [x.text for x in rd.model.lines()] == ["- Đảng bộ xã Hòa Bình;"]
    activate(qtbot, rd)
    chooser.chosen.setFocus()
    chooser.chosen.setCurrentRow(0)
    key(qtbot, Qt.Key.Key_Delete)
    assert rd.model.rowCount() == 0
    assert hoa_binh.checkState() == Qt.CheckState.Unchecked


def test_stored_lines_come_back_as_they_were(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner
) -> None:
    detail = get_document(docs_db, find_document(docs_db, "09-KH/TU").id)
    entries = entries_from_rows(detail.recipient_lines)
    rd = RecipientsDialog(docs_db, runner, detail.issue_date or DEMO_TODAY, entries)
    qtbot.addWidget(rd)
    rd.show()
    assert rd.tabs.currentIndex() == 1
    assert rd.paste_edit.toPlainText().splitlines() == [
        x.text for x in detail.recipient_lines if x.text]
    assert rd.model.lines() == [RecipientLineInput(x.text, x.group_id, x.organisation_id)
                                for x in detail.recipient_lines]
    # an organisation ticked in the list goes before the closing "Lưu …" line
    rd.chooser.search.setText("tinh doan")
    rd.chooser.find("tinh doan")
    results = rd.chooser.results
    next(results.item(i) for i in range(results.count())
         if results.item(i).text().startswith("Tỉnh đoàn")).setCheckState(Qt.CheckState.Checked)
    assert [x.text for x in rd.model.lines()][-2:] == ["- Tỉnh đoàn;", "- Lưu Văn phòng Tỉnh ủy."]


def test_recipient_match_model(qtmodeltester: ModelTester, docs_db: Database) -> None:
    matches = match_recipient_lines(docs_db, split_recipient_block(SAMPLE_BLOCK),
                                    as_of=date(2026, 11, 30))
    model = RecipientMatchModel()
    model.set_entries(entries_from_matches(matches))
    qtmodeltester.check(model, force_py=True)
    row = next(r for r, x in enumerate(matches) if x.label == "Các đảng bộ trực thuộc Tỉnh ủy")
    index = model.index(row, RecipientMatchModel.RESULT)
    assert model.setData(index, "text")  # skip: printed only
    assert model.index(row, RecipientMatchModel.RESULT).data() == "Chỉ in"
    assert model.setData(index, f"group:{matches[row].group_id}")  # back to the match
    assert model.entry_at(row).reason == "Trùng tên nhóm"
    assert not model.setData(index, "organisation:999999")  # not offered
    assert lines_for(model.entries()) == lines_for(entries_from_matches(matches))
    qtmodeltester.check(model, force_py=True)


def test_organisations_of_the_same_name_say_where_they_belong(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner
) -> None:
    from desktop.services import organisations

    rd = RecipientsDialog(docs_db, runner, DEMO_TODAY)
    qtbot.addWidget(rd)
    rd.show()
    chooser = rd.chooser
    chooser.find("chi bo van phong")
    found = organisations.search(docs_db, "chi bo van phong", DEMO_TODAY)
    twins = [o for o in found if o.name == "Chi bộ Văn phòng"]
    assert len(twins) > 1
    parents = organisations.names(docs_db, {o.parent_id for o in twins}, DEMO_TODAY)
    shown = [chooser.results.item(i).text() for i in range(chooser.results.count())]
    for org in twins:
        assert f"{org.name} — {org.kind}, thuộc {parents[org.parent_id]}" in shown
    assert len(set(shown)) == len(shown)  # each line tells one organisation from the others
