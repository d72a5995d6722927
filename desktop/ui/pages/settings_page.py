"""Cài đặt: where the data lives, the language of the program, and the editable lists."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from desktop import config
from desktop.domain.numbers import format_int
from desktop.services import vocab
from desktop.services.database import Database
from desktop.ui import i18n
from desktop.ui.forms.ui_settings_page import Ui_SettingsPage
from desktop.ui.pages.page import Page

_LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))  # each in its own language


class SettingsPage(Page):
    """Built from ``forms/settings_page.ui``; read-only lists for now."""

    settings_key = "settings_page"

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        for code, name in _LANGUAGES:
            self.ui.languageCombo.addItem(name, code)
        current = self.ui.languageCombo.findData(i18n.saved_language())
        self.ui.languageCombo.setCurrentIndex(max(current, 0))
        self.ui.languageCombo.currentIndexChanged.connect(self._language_changed)
        self.ui.logValue.setText(str(config.log_dir()))

    def page_shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        info = vocab.database_info(self._db)
        self.ui.locationValue.setText(info.location)
        self.ui.backendValue.setText(
            self.tr("SQLite file on this computer") if info.dialect == "sqlite"
            else self.tr("PostgreSQL server shared by the office")
        )
        self.ui.revisionValue.setText(info.revision or self.tr("(empty)"))
        self.ui.contentsValue.setText(
            self.tr("{orgs} organisations, {docs} documents").format(
                orgs=format_int(info.organisations), docs=format_int(info.documents))
        )
        self.ui.kindsList.clear()
        self.ui.kindsList.addItems([item.name for item in vocab.org_kinds(self._db)])
        self.ui.typesList.clear()
        self.ui.typesList.addItems(
            [f"{item.name} ({item.code})" for item in vocab.document_types(self._db)]
        )

    def _language_changed(self, index: int) -> None:
        code = self.ui.languageCombo.itemData(index)
        i18n.save_language(code)
        self.ui.languageNote.setText(
            self.tr("Saved. The program will be in {language} the next time it starts.").format(
                language=self.ui.languageCombo.itemText(index))
        )

    def save_state(self, settings: QSettings) -> None:
        """Nothing to remember beyond the language, which is saved when it changes."""
