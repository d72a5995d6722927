"""Cài đặt: where the data lives, backups and checks, the language, and the editable lists.

"Sao lưu ngay", "Khôi phục…" (a verified restore that first keeps the current state; the program
then closes so it starts again on the restored data), "Thư mục sao lưu…" (stored in the
database, see ``services.backup``) and "Kiểm tra dữ liệu" (the full check, read-only, so running
it twice gives the same answer) run on the task runner.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QWidget

from desktop import config
from desktop.domain.errors import AppError
from desktop.domain.numbers import format_int
from desktop.services import backup, vocab
from desktop.services.database import Database
from desktop.tasks.runner import TaskRunner
from desktop.ui import i18n
from desktop.ui.dialogs import file_dialogs, message
from desktop.ui.dialogs.calendar_dialog import CalendarDialog
from desktop.ui.dialogs.office_dialog import OfficeDialog
from desktop.ui.forms.ui_settings_page import Ui_SettingsPage
from desktop.ui.pages.page import Page

_LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))  # each in its own language


class SettingsPage(Page):
    """Built from ``forms/settings_page.ui``; read-only lists for now."""

    settings_key = "settings_page"

    def __init__(
        self, db: Database, parent: QWidget | None = None, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        for code, name in _LANGUAGES:
            self.ui.languageCombo.addItem(name, code)
        current = self.ui.languageCombo.findData(i18n.saved_language())
        self.ui.languageCombo.setCurrentIndex(max(current, 0))
        self.ui.languageCombo.currentIndexChanged.connect(self._language_changed)
        self.ui.logValue.setText(str(config.log_dir()))
        self.ui.backupNowButton.clicked.connect(self.backup_now)
        self.ui.restoreButton.clicked.connect(self.restore)
        self.ui.backupFolderButton.clicked.connect(self.choose_backup_folder)
        self.ui.checkButton.clicked.connect(self.check_data)
        # the office's own values, printed by every Word output
        self.office_button = QPushButton(self.tr("The &office (header, symbol, signer)…"))
        self.office_button.setToolTip(self.tr("What the Word reports print in their header "
                                              "and signature block"))
        self.office_button.clicked.connect(self.edit_office)
        self.calendar_button = QPushButton(self.tr("Working &calendar (days off, make-up "
                                                   "days)…"))
        self.calendar_button.setToolTip(self.tr("The holidays working-day deadlines count "
                                                "with; check each new year"))
        self.calendar_button.clicked.connect(self.edit_calendar)
        self.ui.dataLayout.addRow(self.office_button)
        self.ui.dataLayout.addRow(self.calendar_button)
        self.office_dialog: OfficeDialog | None = None
        self.calendar_dialog: CalendarDialog | None = None
        for button in (self.ui.backupNowButton, self.ui.restoreButton, self.ui.backupFolderButton):
            button.setEnabled(not db.read_only)

    def edit_calendar(self) -> CalendarDialog:
        if self.calendar_dialog is not None:
            self.calendar_dialog.deleteLater()
        self.calendar_dialog = CalendarDialog(self._db, self)
        self.calendar_dialog.open()
        return self.calendar_dialog

    def edit_office(self) -> OfficeDialog:
        if self.office_dialog is not None:
            self.office_dialog.deleteLater()
        self.office_dialog = OfficeDialog(self._db, self)
        self.office_dialog.open()
        return self.office_dialog

    def page_shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        info = vocab.database_info(self._db)
        self.ui.locationValue.setText(info.location)
        self.ui.backendValue.setText(
            self.tr("SQLite file on this computer")
            if info.dialect == "sqlite"
            else self.tr("PostgreSQL server shared by the office")
        )
        self.ui.revisionValue.setText(info.revision or self.tr("(empty)"))
        self.ui.contentsValue.setText(
            self.tr("{orgs} organisations, {docs} documents").format(
                orgs=format_int(info.organisations), docs=format_int(info.documents)
            )
        )
        self.ui.backupFolderValue.setText(
            self.tr("Backups are kept in: {folder}").format(
                folder=str(backup.backup_folder(self._db))
            )
        )
        self.ui.kindsList.clear()
        self.ui.kindsList.addItems([item.name for item in vocab.org_kinds(self._db)])
        self.ui.typesList.clear()
        self.ui.typesList.addItems(
            [f"{item.name} ({item.code})" for item in vocab.document_types(self._db)]
        )

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        if self._runner is None:  # no runner (a test of the page alone): run here
            try:
                done(fn())
            except AppError as exc:
                message.error(self, exc.message)
            return
        self._runner.run(
            lambda _state: fn(), on_done=done, parent=self, label=self.tr("Backups and checks")
        )

    def backup_now(self) -> None:
        def done(result: Any) -> None:
            self.ui.safetyResult.setText(
                self.tr("Backed up and verified: {path}").format(path=str(result.path))
            )

        self._run(lambda: backup.make_backup(self._db, "manual"), done)

    def choose_backup_folder(self) -> None:
        chosen = (
            QFileDialog.getExistingDirectory(
                self, self.tr("Folder for backups"), str(backup.backup_folder(self._db))
            )
            if message._interactive
            else ""
        )
        if not chosen:
            return
        try:
            backup.set_backup_folder(self._db, Path(chosen))
        except AppError as exc:
            message.error(self, exc.message)
        self.refresh()

    def restore(self) -> None:
        paths = file_dialogs.open_files(
            self,
            self.tr("Restore from a backup"),
            self.tr("Backups (*.sqlite3 *.pgdump)"),
            "restore",
        )
        if not paths:
            return
        answer = message.question(
            self,
            self.tr(
                "Replace the data with the backup {name}? The current data is backed up first; "
                "the program closes afterwards and opens the restored data the next time it "
                "starts."
            ).format(name=Path(paths[0]).name),
        )
        if answer != message.Button.Yes:
            return

        def done(result: Any) -> None:
            message.information(
                self,
                self.tr(
                    "The data was restored. The state before the restore was kept as {path}. "
                    "The program will now close; start it again."
                ).format(path=str(result.previous)),
            )
            QApplication.quit()

        self._run(lambda: backup.restore(self._db, Path(paths[0])), done)

    def check_data(self) -> None:
        from desktop.services.integrity import check

        def done(results: Any) -> None:
            bad = [r for r in results if not r.ok]
            lines = [f"{'✔' if r.ok else '✘'} {r.name}: {r.detail}" for r in results]
            summary = (
                self.tr("The data is intact.")
                if not bad
                else self.tr(
                    "{count} checks failed: back up the file and contact the person "
                    "who supports the program."
                ).format(count=len(bad))
            )
            self.ui.safetyResult.setText("\n".join([summary, *lines]))

        self._run(lambda: check(self._db, full=True), done)

    def _language_changed(self, index: int) -> None:
        code = self.ui.languageCombo.itemData(index)
        i18n.save_language(code)
        self.ui.languageNote.setText(
            self.tr("Saved. The program will be in {language} the next time it starts.").format(
                language=self.ui.languageCombo.itemText(index)
            )
        )

    def save_state(self, settings: QSettings) -> None:
        """Nothing to remember beyond the language, which is saved when it changes."""
