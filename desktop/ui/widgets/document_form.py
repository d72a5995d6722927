"""The general fields of a document (type, number and symbol, date, issuing body, excerpt,
signer, marks, scope, parent, note), each with its error shown under it.

The "Số, ký hiệu" field takes "15-CT/TU" (or "15/QĐ-UBND" for a State body) or the number
alone; the line under it shows the number as it will be printed ("Số 15-CT/TU"), or why it
cannot be read in the issuing body's regime. Choosing another issuing body fills in its usual
signer unless the clerk has typed another.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ValidationError
from desktop.domain.text import clean_line, clean_text
from desktop.services.calendar import WorkCalendar, load_calendar
from desktop.services.database import Database
from desktop.services.document_lookup import IssuingBodyRow
from desktop.services.document_numbers import EXAMPLES, format_number_symbol
from desktop.services.ui_queries_documents import Problem
from desktop.services.vocab import DocumentTypeItem, VocabItem
from desktop.ui.dialogs.document_values import (
    DocumentValues,
    derived_symbol,
    split_number_text,
)
from desktop.ui.widgets.date_edit import DateEdit, ErrorLabel
from desktop.ui.widgets.parent_chooser import ParentChooser

#: service field name -> the form's own field (number and symbol share one field)
FIELD_ALIASES = {"symbol": "number"}


class ExcerptEdit(QPlainTextEdit):
    """Several lines to read a long excerpt; Tab moves on and Enter saves (an excerpt is one
    line of text: line breaks are never kept)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # the dialog's default button
            return
        super().keyPressEvent(event)


class DocumentForm(QWidget):
    """Fields of the "Thông tin chung" tab."""

    body_changed = Signal()
    date_changed = Signal(object)

    def __init__(
        self, db: Database, bodies: list[IssuingBodyRow], types: list[VocabItem],
        parent: QWidget | None = None, *, today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._bodies = {b.id: b for b in bodies}
        self._last_body: IssuingBodyRow | None = None
        self._last_symbol = ""  # the symbol the type and body gave before the last change
        self.errors: dict[str, ErrorLabel] = {}
        self.fields: dict[str, QWidget] = {}
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.type_combo = QComboBox()
        self._untracked = {t.code for t in types
                           if isinstance(t, DocumentTypeItem) and not t.trackable}
        for t in types:
            self.type_combo.addItem(f"{t.name} ({t.code})", t.code)
        self.body_combo = QComboBox()
        for b in bodies:
            self.body_combo.addItem(f"{b.name} ({b.symbol})", b.id)
        self.number_edit = QLineEdit()
        self.number_edit.setMaxLength(80)
        self.number_hint = QLabel()
        self.number_hint.setEnabled(False)  # greyed: a hint, not a field
        self.date_edit = DateEdit(today=today)
        self.excerpt_edit = ExcerptEdit()
        self.authority_edit = QLineEdit()
        self.authority_edit.setPlaceholderText(self.tr("e.g. T/M BAN THƯỜNG VỤ"))
        self.title_edit = QLineEdit()
        self.name_edit = QLineEdit()
        for edit in (self.authority_edit, self.title_edit, self.name_edit):
            edit.setMaxLength(120)
        self.urgency_combo = self._choices([
            ("thuong", self.tr("Normal")), ("khan", self.tr("Urgent")),
            ("thuong_khan", self.tr("Very urgent")), ("hoa_toc", self.tr("Express"))])
        self.confidentiality_combo = self._choices([
            ("thuong", self.tr("Not classified")), ("mat", self.tr("Confidential")),
            ("toi_mat", self.tr("Secret")), ("tuyet_mat", self.tr("Top secret"))])
        self.scope_combo = self._choices([
            ("cap_truc_thuoc", self.tr("To the directly subordinate organisations")),
            ("chi_bo", self.tr("Down to every party cell")),
            ("dang_vien", self.tr("Down to every party member"))])
        self.parent_chooser = ParentChooser(db)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 12)

        self._row(form, "type_code", self.tr("&Type:"), self.type_combo)
        self._row(form, "issuing_body_id", self.tr("Issuing &body:"), self.body_combo)
        self._row(form, "number", self.tr("&Number, symbol:"), self.number_edit,
                  extra=self.number_hint)
        self._row(form, "issue_date", self.tr("&Date of issue:"), self.date_edit)
        self._row(form, "excerpt", self.tr("&Excerpt:"), self.excerpt_edit)
        self._row(form, "signer_authority", self.tr("Signing &authority:"), self.authority_edit)
        self._row(form, "signer_title", self.tr("Signer's t&itle:"), self.title_edit)
        self._row(form, "signer_name", self.tr("Signer's na&me:"), self.name_edit)
        self._row(form, "urgency", self.tr("&Urgency:"), self.urgency_combo)
        self._row(form, "confidentiality", self.tr("C&onfidentiality:"),
                  self.confidentiality_combo)
        self._row(form, "scope", self.tr("Dissemination &scope:"), self.scope_combo)
        self._row(form, "parent_id", self.tr("Im&plements:"), self.parent_chooser)
        self._row(form, "note", self.tr("Remar&ks:"), self.note_edit)
        self.date_edit.error.hide()  # the row's own error label shows the date's problems
        self.errors["issue_date"] = self.date_edit.error

        self.body_combo.currentIndexChanged.connect(self._body_changed)
        self.type_combo.currentIndexChanged.connect(lambda _i: self._type_changed())
        self.number_edit.textChanged.connect(lambda _t: self._number_changed())
        self.number_edit.editingFinished.connect(self._number_finished)
        self.date_edit.date_changed.connect(self.date_changed)
        self._body_changed()

    def _choices(self, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        for value, label in items:
            combo.addItem(label, value)
        return combo

    def _row(self, form: QFormLayout, key: str, text: str, widget: QWidget,
             extra: QWidget | None = None) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if extra is not None:
            column.addWidget(extra)
        if key == "issue_date":
            error = self.date_edit.error
        else:
            error = ErrorLabel()
            column.addWidget(error)
        self.errors[key] = error
        self.fields[key] = widget
        form.addRow(label, box)

    # ------------------------------------------------------------------ issuing body, number

    def work_calendar(self) -> WorkCalendar:
        """The working-day calendar the document's deadlines are counted in (a service call:
        one small query; the deadlines table calls it once)."""
        return load_calendar(self._db)

    def body(self) -> IssuingBodyRow | None:
        body_id = self.body_combo.currentData()
        return self._bodies.get(body_id) if body_id is not None else None

    def regime(self) -> str:
        body = self.body()
        return body.regime if body is not None else "party"

    def _body_changed(self, _index: int = -1) -> None:
        body = self.body()
        previous = self._last_body
        typed = (self.authority_edit.text(), self.title_edit.text(), self.name_edit.text())
        usual = ((previous.signer_authority, previous.signer_title, previous.signer_name)
                 if previous is not None else ("", "", ""))
        if body is not None and (not any(typed) or typed == usual):
            self.authority_edit.setText(body.signer_authority)
            self.title_edit.setText(body.signer_title)
            self.name_edit.setText(body.signer_name)
        self._last_body = body
        self.number_edit.setPlaceholderText(
            self.tr("e.g. {example} (or the number alone)").format(
                example=EXAMPLES.get(self.regime(), EXAMPLES["party"])))
        self._type_changed()
        self.body_changed.emit()

    def _derived(self) -> tuple[str, str]:
        """(the symbol the current type and body give, the separator after the number)."""
        body = self.body()
        regime = self.regime()
        symbol = derived_symbol(self.type_combo.currentData() or "",
                                body.symbol if body is not None else "", regime)
        return symbol, "/" if regime == "state" else "-"

    def type_is_tracked(self) -> bool:
        """False for a type whose documents are only filed (Báo cáo, Tờ trình…)."""
        return self.type_combo.currentData() not in self._untracked

    def _type_changed(self) -> None:
        """A number written with the symbol the old type and body gave follows the new ones
        ("05-KL/TU" becomes "05-KH/TU" when the type becomes Kế hoạch)."""
        symbol, sep = self._derived()
        text = clean_line(self.number_edit.text())
        old = self._last_symbol
        for old_sep in ("-", "/"):
            number, found, rest = text.partition(old_sep)
            if old and found and number.isdigit() and rest == old and symbol:
                self.number_edit.setText(f"{number}{sep}{symbol}")
                break
        self._last_symbol = symbol
        self._number_changed()

    def number_symbol(self) -> tuple[str, str]:
        """(number, symbol) from the field; ValidationError when it cannot be read."""
        body = self.body()
        return split_number_text(self.number_edit.text(), self.regime(),
                                 self.type_combo.currentData() or "",
                                 body.symbol if body is not None else "")

    def _number_changed(self) -> None:
        try:
            number, symbol = self.number_symbol()
        except ValidationError:
            number = ""
        if number:
            self.number_hint.setText(self.tr("Printed as: {text}").format(
                text=format_number_symbol(number, symbol, self.regime(), prefix=True)))
            if self.errors["number"].isVisible():
                self.errors["number"].clear_message()
        else:
            self.number_hint.clear()
        self.number_hint.setVisible(bool(number))

    def _number_finished(self) -> None:
        if not clean_line(self.number_edit.text()):
            return
        try:
            self.number_symbol()
        except ValidationError as exc:
            self.errors["number"].show_message(exc.message)

    # ------------------------------------------------------------------ values

    def set_values(self, v: DocumentValues, *, exact: bool = False) -> None:
        """Show ``v``; ``exact`` (a saved document): an empty signer stays empty instead of
        taking the issuing body's usual one."""
        self._select(self.type_combo, v.type_code)
        if v.issuing_body_id is not None:
            self._select(self.body_combo, v.issuing_body_id)
        self.number_edit.setText(v.number_text)
        self._last_symbol = self._derived()[0]
        self.date_edit.set_date(v.issue_date)
        self.excerpt_edit.setPlainText(v.excerpt)
        if v.has_signer or exact:
            self.authority_edit.setText(v.signer_authority)
            self.title_edit.setText(v.signer_title)
            self.name_edit.setText(v.signer_name)
        self._select(self.urgency_combo, v.urgency)
        self._select(self.confidentiality_combo, v.confidentiality)
        self._select(self.scope_combo, v.scope)
        self.parent_chooser.set_ref(v.parent)
        self.note_edit.setPlainText(v.note)
        self._number_changed()

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def values(self) -> dict[str, object]:
        """The fields as DocumentInput keywords (number and symbol excepted)."""
        ref = self.parent_chooser.ref()
        return {
            "type_code": self.type_combo.currentData() or "",
            "issue_date": self.date_edit.date(),
            "issuing_body_id": self.body_combo.currentData(),
            "excerpt": clean_line(self.excerpt_edit.toPlainText()),
            "signer_authority": clean_line(self.authority_edit.text()),
            "signer_title": clean_line(self.title_edit.text()),
            "signer_name": clean_line(self.name_edit.text()),
            "urgency": self.urgency_combo.currentData(),
            "confidentiality": self.confidentiality_combo.currentData(),
            "scope": self.scope_combo.currentData(),
            "parent_id": ref.id if ref is not None else None,
            "note": clean_text(self.note_edit.toPlainText()),
        }

    def local_problems(self) -> list[Problem]:
        """What can be told without the database: the number field and the date."""
        problems: list[Problem] = []
        try:
            self.number_symbol()
        except ValidationError as exc:
            problems.append(Problem("number", exc.message))
        date_problem = self.date_edit.problem()
        if date_problem:
            problems.append(Problem("issue_date", date_problem))
        return problems

    # ------------------------------------------------------------------ errors

    def clear_problems(self) -> None:
        for error in self.errors.values():
            error.clear_message()

    def show_problem(self, problem: Problem) -> QWidget | None:
        """Put the message under its field; the field (None when the form has no such one)."""
        key = FIELD_ALIASES.get(problem.field, problem.field)
        error = self.errors.get(key)
        if error is None:
            return None
        shown = error.text()
        if problem.message not in shown:
            error.show_message(f"{shown}\n{problem.message}" if shown else problem.message)
        return self.fields[key]

    def focus_chain(self) -> list[QWidget]:
        """The fields in the order Tab visits them (a compound field as a whole: its focus
        proxy takes the focus)."""
        return [self.type_combo, self.body_combo, self.number_edit, self.date_edit,
                self.excerpt_edit, self.authority_edit, self.title_edit, self.name_edit,
                self.urgency_combo, self.confidentiality_combo, self.scope_combo,
                self.parent_chooser, self.note_edit]
