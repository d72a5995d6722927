"""The main window: a shell that composes the pages, the navigation and the status bar.

Only the first page is built at start-up; the others are created the first time the clerk
visits them, so start-up costs the same however much data there is. While the database is
empty a welcome page replaces the pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QMenu, QWidget

from desktop import config
from desktop.services import vocab
from desktop.services.database import Database
from desktop.tasks.runner import TaskRunner
from desktop.ui.dialogs.forms_files import FormsFiles
from desktop.ui.dialogs.org_files import OrgFiles
from desktop.ui.forms.ui_main_window import Ui_MainWindow
from desktop.ui.icons import icon
from desktop.ui.pages.page import Page
from desktop.ui.pages.welcome_page import DemoBuilder

if TYPE_CHECKING:
    from desktop.ui.dialogs.forms_import_dialog import FormsImported

PAGE_KEYS = ("documents", "organisations", "tracking", "reports", "settings")
_GROUP = "main_window"


class MainWindow(QMainWindow):
    """Navigation on the left (also Ctrl+1…Ctrl+5 and the Go menu), pages on the right."""

    def __init__(
        self, db: Database, runner: TaskRunner, *, demo_builder: DemoBuilder | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._demo_builder = demo_builder
        self._pages: dict[str, Page] = {}
        self._document_id: int | None = None
        self.welcome: QWidget | None = None

        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle(config.APP_DISPLAY_NAME)
        self.setWindowIcon(icon("app"))
        self._actions: dict[str, QAction] = dict(zip(PAGE_KEYS, (
            self.ui.actionDocuments, self.ui.actionOrganisations, self.ui.actionTracking,
            self.ui.actionReports, self.ui.actionSettings,
        ), strict=True))
        labels = {
            "documents": self.tr("Documents"),
            "organisations": self.tr("Organisations"),
            "tracking": self.tr("Tracking"),
            "reports": self.tr("Reports"),
            "settings": self.tr("Settings"),
        }
        for number, key in enumerate(PAGE_KEYS, start=1):
            action = self._actions[key]
            action.setIcon(icon(key))
            action.triggered.connect(lambda _checked=False, k=key: self.show_page(k))
            item = QListWidgetItem(icon(key), labels[key])
            item.setToolTip(f"{labels[key]} (Ctrl+{number})")
            width = self.ui.navigation.fontMetrics().horizontalAdvance(labels[key]) + 64
            item.setSizeHint(QSize(width, 40))
            self.ui.navigation.addItem(item)
        self.ui.actionQuit.triggered.connect(self.close)
        # The page has the shortcut (Ctrl+Shift+O); the menu reaches it from any page.
        self.import_docx_action = QAction(self.tr("&Import a document from Word…"), self)
        self.import_docx_action.triggered.connect(self._import_docx)
        self.ui.menuFile.insertAction(self.ui.actionQuit, self.import_docx_action)
        self.org_files = OrgFiles(db, runner, self, shortcuts=True)  # Ctrl+I, Ctrl+E
        self.org_files.imported.connect(self._organisations_imported)
        self.ui.menuFile.insertActions(self.ui.actionQuit, self.org_files.actions())
        self.word_action = QAction(self.tr("Export a &Word document…"), self)
        self.word_action.setShortcut(QKeySequence("Ctrl+Shift+W"))
        self.word_action.triggered.connect(self.open_report_dialog)
        self.ui.menuFile.insertAction(self.ui.actionQuit, self.word_action)
        self.ui.menuFile.insertSeparator(self.ui.actionQuit)
        # Ctrl+Shift+G, Ctrl+Shift+I, Ctrl+Shift+T
        self.forms_files = FormsFiles(db, runner, self, document_id=lambda: self._document_id,
                                      shortcuts=True)
        self.forms_files.imported.connect(self._forms_imported)
        self.ui.menuFile.insertActions(self.ui.actionQuit, self.forms_files.actions())
        self.ui.menuFile.insertSeparator(self.ui.actionQuit)
        # Edit: Undo/Redo of the tracking grid's edits; until the grid exists there is
        # nothing to undo, so the menu shows them disabled
        self.edit_menu = QMenu(self.tr("&Edit"), self)
        self.ui.menubar.insertMenu(self.ui.menuGo.menuAction(), self.edit_menu)
        for text, keys in ((self.tr("&Undo"), QKeySequence(QKeySequence.StandardKey.Undo)),
                           (self.tr("&Redo"), QKeySequence("Ctrl+Y"))):
            stand_in = self.edit_menu.addAction(text)
            stand_in.setShortcut(keys)
            stand_in.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # shown, never fired
            stand_in.setEnabled(False)
        self.ui.navigation.currentRowChanged.connect(self._navigation_changed)
        self.ui.splitter.setStretchFactor(1, 1)
        # the page labels are never cut: a wide page takes its room from itself, not from them
        widest = max(self.ui.navigation.sizeHintForColumn(0), 0)
        self.ui.navigation.setMinimumWidth(widest + 2 * self.ui.navigation.frameWidth() + 8)
        self.ui.splitter.setCollapsible(0, False)

        self.location_label = QLabel(self.tr("Data: {location}").format(location=db.location))
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ui.statusbar.addPermanentWidget(self.location_label, 1)

        self._restore_window()
        if vocab.is_empty(db):
            self._show_welcome()
        else:
            self.show_page(self._saved_page())

    # ------------------------------------------------------------------ pages

    @property
    def current_key(self) -> str | None:
        current = self.ui.pages.currentWidget()
        return next((k for k, p in self._pages.items() if p is current), None)

    def page(self, key: str) -> Page:
        """The page ``key``, created on first use."""
        page = self._pages.get(key)
        if page is None:
            page = self._create_page(key)
            self._pages[key] = page
            self.ui.pages.addWidget(page)
            page.restore_state(QSettings())
        return page

    def show_page(self, key: str) -> None:
        if self.welcome is not None:
            return
        page = self.page(key)
        self.ui.pages.setCurrentWidget(page)
        row = PAGE_KEYS.index(key)
        if self.ui.navigation.currentRow() != row:
            self.ui.navigation.setCurrentRow(row)  # comes back here through the signal
        if key in ("reports", "tracking"):
            page.show_document(self._document_id)  # type: ignore[attr-defined]
        page.page_shown()
        # Ctrl+3 or a jump from another page: the keys go on in the page's list or grid (the
        # navigation list keeps the focus while the clerk walks it with the arrow keys)
        target = page.work_widget()
        if target is not None and not self.ui.navigation.hasFocus():
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _navigation_changed(self, row: int) -> None:
        if 0 <= row < len(PAGE_KEYS) and self.current_key != PAGE_KEYS[row]:
            self.show_page(PAGE_KEYS[row])

    def _create_page(self, key: str) -> Page:
        db, runner = self._db, self._runner
        if key == "documents":
            from desktop.ui.pages.documents_page import DocumentsPage

            documents = DocumentsPage(db, runner)
            documents.document_selected.connect(self._document_selected)
            return documents
        if key == "organisations":
            from desktop.ui.pages.organisations_page import OrganisationsPage

            return OrganisationsPage(db, runner)
        if key == "tracking":
            from desktop.ui.pages.tracking_page import TrackingPage

            tracking = TrackingPage(db, runner)
            tracking.document_activated.connect(self._document_activated)
            tracking.grid.document_opened.connect(self._document_selected)
            # the Edit menu takes the grid's own Undo/Redo (Ctrl+Z, Ctrl+Y), in place of the
            # disabled stand-ins it had until now (two actions on one key would fire neither)
            self.edit_menu.clear()
            self.edit_menu.addActions([tracking.grid.undo_action, tracking.grid.redo_action])
            return tracking
        if key == "reports":
            from desktop.ui.pages.reports_page import ReportsPage

            reports = ReportsPage(db, runner)
            reports.cell_activated.connect(self.show_tracking_row)  # a matrix cell
            return reports
        if key == "settings":
            from desktop.ui.pages.settings_page import SettingsPage

            return SettingsPage(db, runner=runner)  # backup, restore, check: off the GUI thread
        raise KeyError(key)

    def _import_docx(self) -> None:
        if self.welcome is None:
            self.show_page("documents")
            self.page("documents").import_docx()  # type: ignore[attr-defined]

    def _organisations_imported(self, _result: object) -> None:
        if self.welcome is not None:
            self._leave_welcome()
        elif "organisations" in self._pages:
            self._pages["organisations"].reload_all()  # type: ignore[attr-defined]

    def _forms_imported(self, done: FormsImported) -> None:
        """One undo step on the tracking grid (Ctrl+Z undoes the whole import)."""
        if "tracking" in self._pages:
            grid = self._pages["tracking"].grid  # type: ignore[attr-defined]
            grid.push_undo(done.result.undo, done.document_id)

    def _document_selected(self, document_id: int) -> None:
        self._document_id = document_id

    def open_report_dialog(self) -> object:
        """The Word export dialog, from the Reports page (on its chosen document)."""
        self.show_page("reports")
        return self.page("reports").open_report_dialog()  # type: ignore[attr-defined]

    def show_tracking_row(self, document_id: int, organisation_id: int) -> None:
        """Open the tracking grid of ``document_id`` on ``organisation_id``'s row."""
        self._document_id = document_id
        self.show_page("tracking")
        self.page("tracking").show_row(document_id, organisation_id)  # type: ignore[attr-defined]

    def _document_activated(self, document_id: int) -> None:
        self._document_id = document_id
        self.show_page("reports")

    # ------------------------------------------------------------------ first run

    def _show_welcome(self) -> None:
        from desktop.ui.pages.welcome_page import WelcomePage

        self.welcome = WelcomePage(self._db, self._runner, self._demo_builder)
        self.welcome.demo_created.connect(self._leave_welcome)
        self.ui.pages.addWidget(self.welcome)
        self.ui.pages.setCurrentWidget(self.welcome)
        self.ui.navigation.hide()
        for action in self._actions.values():
            action.setEnabled(False)

    def _leave_welcome(self) -> None:
        welcome, self.welcome = self.welcome, None
        self.ui.navigation.show()
        for action in self._actions.values():
            action.setEnabled(True)
        self.show_page("documents")
        if welcome is not None:
            self.ui.pages.removeWidget(welcome)
            # Drop the connection first: a deleted child must not hold the last reference to
            # this window (PySide would then delete the window, and the child, twice).
            welcome.demo_created.disconnect(self._leave_welcome)
            welcome.deleteLater()

    # ------------------------------------------------------------------ layout memory

    def _saved_page(self) -> str:
        key = QSettings().value(f"{_GROUP}/page", "documents")
        return key if key in PAGE_KEYS else "documents"

    def _restore_window(self) -> None:
        settings = QSettings()
        geometry = settings.value(f"{_GROUP}/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            state = settings.value(f"{_GROUP}/state")
            if isinstance(state, QByteArray):
                self.restoreState(state)
        else:  # first start: fill a laptop screen, leave a big one some room
            screen = QGuiApplication.primaryScreen()
            available = screen.availableGeometry() if screen is not None else None
            self.resize(1240, 760)
            if available is not None and (available.width() < 1400 or available.height() < 860):
                self.setGeometry(available)  # also right where no window manager maximises
                self.setWindowState(Qt.WindowState.WindowMaximized)
        splitter = settings.value(f"{_GROUP}/splitter")
        if not (isinstance(splitter, QByteArray) and self.ui.splitter.restoreState(splitter)):
            self.ui.splitter.setSizes([190, max(self.width() - 190, 400)])

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue(f"{_GROUP}/geometry", self.saveGeometry())
        settings.setValue(f"{_GROUP}/state", self.saveState())
        settings.setValue(f"{_GROUP}/splitter", self.ui.splitter.saveState())
        if self.current_key is not None:
            settings.setValue(f"{_GROUP}/page", self.current_key)
        for page in self._pages.values():
            page.save_state(settings)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)
