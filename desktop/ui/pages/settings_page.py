"""Cài đặt: where the data lives, backups and checks, the language, and the editable lists.

"Sao lưu ngay", "Khôi phục…" (a verified restore that first keeps the current state; the program
then closes so it starts again on the restored data), "Thư mục sao lưu…" (stored in the
database, see ``services.backup``) and "Kiểm tra dữ liệu" (the full check, read-only, so running
it twice gives the same answer) run on the task runner.

The two lists (organisation kinds, document types; ``services.vocab``) are edited in place:
"Thêm…" (Insert), "Sửa…" (Enter, F2, a double click), "Xóa" (Delete), "Lên"/"Xuống"
(Ctrl+Up/Down), each acting on the list it sits under; the list keeps the entry just edited or
moved selected. A delete that the service would refuse (the entry is in use) shows why at once;
one it allows is confirmed first, as the recipient groups' delete is: nothing undoes it, and a
stray Delete on a list of short, similar names is easy. Other screens read the lists when they
are built, the document dialog each time it opens.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

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
from desktop.ui.dialogs.vocab_dialog import VocabDialog
from desktop.ui.forms.ui_settings_page import Ui_SettingsPage
from desktop.ui.pages.page import Page

_LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))  # each in its own language
# Which list a list action is for: the organisation kinds or the document types.
KINDS, TYPES = "kinds", "types"


class SettingsPage(Page):
    """Built from ``forms/settings_page.ui``; the lists are edited here (see the module)."""

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
        self.vocab_dialog: VocabDialog | None = None
        for which in (KINDS, TYPES):
            self._wire_list(which)

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
        for which in (KINDS, TYPES):
            self.fill_list(which)

    # ------------------------------------------------------------------ the lists

    def list_view(self, which: str) -> QListWidget:
        return self.ui.typesList if which == TYPES else self.ui.kindsList

    def _buttons(self, which: str) -> tuple[QPushButton, ...]:
        """Add, edit, delete, up, down of one list."""
        ui, prefix = self.ui, "type" if which == TYPES else "kind"
        return tuple(getattr(ui, f"{prefix}{name}Button")
                     for name in ("Add", "Edit", "Delete", "Up", "Down"))

    def _wire_list(self, which: str) -> None:
        view = self.list_view(which)
        add, edit, delete, up, down = self._buttons(which)
        add.clicked.connect(lambda: self.add_entry(which))
        edit.clicked.connect(lambda: self.edit_entry(which))
        delete.clicked.connect(lambda: self.delete_entry(which))
        up.clicked.connect(lambda: self.move_entry(which, -1))
        down.clicked.connect(lambda: self.move_entry(which, 1))
        view.activated.connect(lambda _index: self.edit_entry(which))  # Enter, double click
        view.currentRowChanged.connect(lambda _row: self._update_buttons(which))
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_Insert), lambda: self.add_entry(which)),
            (QKeySequence(Qt.Key.Key_F2), lambda: self.edit_entry(which)),
            (QKeySequence(QKeySequence.StandardKey.Delete), lambda: self.delete_entry(which)),
            (QKeySequence("Ctrl+Up"), lambda: self.move_entry(which, -1)),
            (QKeySequence("Ctrl+Down"), lambda: self.move_entry(which, 1)),
        ):
            shortcut = QShortcut(keys, view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self._update_buttons(which)

    def fill_list(self, which: str, select_id: int | None = None,
                  row: int | None = None) -> None:
        """Read one list again, selecting ``select_id`` (else the entry at ``row``, else the
        one selected before)."""
        view = self.list_view(which)
        if select_id is None and row is None:
            kept = self.current_entry(which)
            select_id = kept.id if kept is not None else None
        items = (vocab.document_types(self._db) if which == TYPES
                 else vocab.org_kinds(self._db))
        view.clear()
        for item in items:
            entry = QListWidgetItem(self._entry_text(item))
            entry.setData(Qt.ItemDataRole.UserRole, item)
            view.addItem(entry)
        ids = [item.id for item in items]
        if select_id in ids:
            row = ids.index(select_id)
        if row is not None and items:
            view.setCurrentRow(min(max(row, 0), len(items) - 1))
        self._update_buttons(which)

    def _entry_text(self, item: vocab.VocabItem) -> str:
        if isinstance(item, vocab.DocumentTypeItem):
            if item.trackable:
                return f"{item.name} ({item.code})"
            return self.tr("{name} ({code}), not tracked").format(name=item.name,
                                                                   code=item.code)
        if isinstance(item, vocab.OrgKindItem) and item.is_party_cell:
            return self.tr("{name} (party cell)").format(name=item.name)
        return item.name

    def current_entry(self, which: str) -> vocab.VocabItem | None:
        current = self.list_view(which).currentItem()
        return current.data(Qt.ItemDataRole.UserRole) if current is not None else None

    def _update_buttons(self, which: str) -> None:
        view = self.list_view(which)
        row, writable = view.currentRow(), not self._db.read_only
        add, edit, delete, up, down = self._buttons(which)
        add.setEnabled(writable)
        for button in (edit, delete):
            button.setEnabled(writable and row >= 0)
        up.setEnabled(writable and row > 0)
        down.setEnabled(writable and 0 <= row < view.count() - 1)

    def _writable(self) -> bool:
        if self._db.read_only:
            message.information(self, self._db.read_only_message())
        return not self._db.read_only

    def add_entry(self, which: str) -> VocabDialog | None:
        return self._open_vocab_dialog(which, None) if self._writable() else None

    def edit_entry(self, which: str) -> VocabDialog | None:
        item = self.current_entry(which)
        if item is None or not self._writable():
            return None
        return self._open_vocab_dialog(which, item)

    def _open_vocab_dialog(self, which: str, item: vocab.VocabItem | None) -> VocabDialog:
        if self.vocab_dialog is not None:
            self.vocab_dialog.deleteLater()
        dialog = VocabDialog(self._db, types=which == TYPES, item=item, parent=self)
        dialog.saved.connect(lambda saved: self._after_change(which, saved.id))
        dialog.rejected.connect(lambda: self.list_view(which).setFocus())
        self.vocab_dialog = dialog
        dialog.open()
        return dialog

    def _after_change(self, which: str, select_id: int | None = None,
                      row: int | None = None) -> None:
        self.fill_list(which, select_id, row)
        self.list_view(which).setFocus()

    def delete_entry(self, which: str) -> None:
        item = self.current_entry(which)
        if item is None or not self._writable():
            return
        row = self.list_view(which).currentRow()
        try:
            refusal = vocab.delete_refusal(self._db, item)
        except AppError as exc:
            self._failed(which, exc)
            return
        if refusal:
            message.warning(self, refusal)
            return
        answer = message.question(
            self, self.tr("Delete “{name}” from the list?").format(name=item.name),
            informative=self.tr("Nothing uses it yet. It can be added again later with "
                                "“Add…”."))
        if answer != message.Button.Yes:
            return
        try:
            vocab.delete(self._db, item)
        except AppError as exc:
            self._failed(which, exc)
            return
        self._after_change(which, row=row)

    def move_entry(self, which: str, step: int) -> None:
        item = self.current_entry(which)
        if item is None or not self._writable():
            return
        try:
            moved = vocab.move(self._db, item, step)
        except AppError as exc:
            self._failed(which, exc)
            return
        self._after_change(which, moved.id)

    def _failed(self, which: str, exc: AppError) -> None:
        """A refused write: the message, then the list as stored now."""
        message.warning(self, exc.message)
        self._after_change(which)

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
