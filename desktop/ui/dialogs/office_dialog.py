"""Thông tin cơ quan: the header lines, symbol, place, format and signer every Word output
prints, edited by the clerk (:mod:`desktop.services.office`).

The preview under the fields shows the header block as it will print (superior body, own name
lines, "Số: …-BC/<symbol>"), so a clerk sees a typo before printing. A refused value is named
under the form and its field gets the focus; nothing is saved until "Lưu".
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import AppError, ValidationError
from desktop.services.database import Database
from desktop.services.office import OfficeSettings, load_office, save_office
from desktop.ui.dialogs import message
from desktop.ui.dialogs.report_dialog import PROFILES
from desktop.ui.widgets.date_edit import ErrorLabel
from desktop.ui.widgets.screen_fit import resize_to_fit

_LINES = ("superior_name", "symbol", "drafting_unit", "place_name", "signer_authority",
          "signer_title", "signer_name", "name_in_text", "recipient_line_end",
          "recipient_last_end")


class OfficeDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(self.tr("The office"))
        self.values = load_office(db)
        self.edits: dict[str, QLineEdit] = {name: QLineEdit() for name in _LINES}
        self.name_edit = QPlainTextEdit()
        self.name_edit.setTabChangesFocus(True)
        self.name_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 16)
        self.recipients_edit = QPlainTextEdit()
        self.recipients_edit.setTabChangesFocus(True)
        self.recipients_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        self.regime = QComboBox()
        self.regime.addItem(self.tr("Party"), "party")
        self.regime.addItem(self.tr("State"), "state")
        self.profile = QComboBox()
        for key, label in PROFILES:
            self.profile.addItem(label, key)
        self.edits["symbol"].setPlaceholderText("BTGDVTU")
        self.edits["drafting_unit"].setPlaceholderText(
            self.tr("e.g. VP: a State công văn is numbered “Số: 15/UBND-VP”"))
        self.edits["name_in_text"].setPlaceholderText(
            self.tr("empty: from the name lines (e.g. “Ban Tuyên giáo và Dân vận Tỉnh ủy”)"))
        self.edits["recipient_line_end"].setPlaceholderText(self.tr("empty: the format's (;)"))
        self.edits["recipient_last_end"].setPlaceholderText(self.tr("empty: the format's (.)"))
        self.recipients_edit.setPlaceholderText(self.tr("one recipient a line; empty: the "
                                                        "usual ones"))
        self.preview = QLabel()
        self.preview.setTextFormat(self.preview.textFormat().PlainText)
        self.preview.setStyleSheet("QLabel { font-family: 'Times New Roman', serif; }")
        self.error = ErrorLabel()

        form = QFormLayout()
        self.fields: dict[str, QWidget] = {**self.edits, "name": self.name_edit,
                                            "report_recipients": self.recipients_edit,
                                            "regime": self.regime,
                                            "format_profile": self.profile}
        for key, text in (
            ("superior_name", self.tr("&Superior body:")),
            ("name", self.tr("Office &name (a line each):")),
            ("symbol", self.tr("S&ymbol:")),
            ("drafting_unit", self.tr("Drafting &unit (State letters):")),
            ("place_name", self.tr("&Place name:")),
            ("regime", self.tr("&Regime:")),
            ("format_profile", self.tr("&Format:")),
            ("signer_authority", self.tr("Signing a&uthority:")),
            ("signer_title", self.tr("Signer's &title:")),
            ("signer_name", self.tr("Si&gner:")),
            ("name_in_text", self.tr("Name in sen&tences:")),
            ("recipient_line_end", self.tr("“Nơi nhận” line &end:")),
            ("recipient_last_end", self.tr("“Nơi nhận” &last line end:")),
            ("report_recipients", self.tr("Report's “Nơi nhận” &lines:")),
        ):
            label = QLabel(text)
            label.setBuddy(self.fields[key])
            form.addRow(label, self.fields[key])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert save is not None and cancel is not None
        save.setText(self.tr("&Save"))
        cancel.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("The header will print as:")))
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._show(self.values)
        for edit in (*self.edits.values(),):
            edit.textChanged.connect(self._update_preview)
        self.name_edit.textChanged.connect(self._update_preview)
        self._update_preview()
        resize_to_fit(self, 640, self.sizeHint().height())
    def _show(self, values: OfficeSettings) -> None:
        for key, edit in self.edits.items():
            edit.setText(getattr(values, key))
        self.name_edit.setPlainText(values.name)
        self.recipients_edit.setPlainText(values.report_recipients)
        self.regime.setCurrentIndex(max(self.regime.findData(values.regime), 0))
        self.profile.setCurrentIndex(max(self.profile.findData(values.format_profile), 0))

    def entered(self) -> OfficeSettings:
        return replace(
            self.values, **{key: edit.text() for key, edit in self.edits.items()},
            name=self.name_edit.toPlainText(),
            report_recipients=self.recipients_edit.toPlainText(),
            regime=str(self.regime.currentData()),
            format_profile=str(self.profile.currentData() or ""))

    def _update_preview(self) -> None:
        v = self.entered()
        lines = [v.superior_name.upper(), *[x.upper() for x in v.name.splitlines() if x.strip()],
                 "*", f"Số: … -BC/{v.symbol.upper().replace(' ', '')}"]
        self.preview.setText("\n".join(x for x in lines if x.strip()))

    def save(self) -> None:
        try:
            self.values = save_office(self._db, self.entered())
        except ValidationError as exc:
            self.error.show_message(exc.message)
            field = self.fields.get(exc.field or "")
            if field is not None:
                field.setFocus()
            return
        except AppError as exc:
            message.error(self, exc.message, title=self.tr("The office was not saved"))
            return
        self.accept()
