"""Who is behind on what: the organisations × documents matrix with its filters and legend.

Filters: year of issue and document type (which columns), level of the tree (which rows; the
top-level organisations by default) and "Nơi nhận" group. The matrix is computed by
:func:`desktop.services.dashboard.lateness_matrix` on the task runner, never on the GUI
thread. Clicking a document cell, or Enter on it, emits :attr:`MatrixPanel.cell_activated`
with the document and the organisation, so the window can open that row in the grid.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QElapsedTimer, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_date
from desktop.domain.numbers import format_int
from desktop.services import documents, org_groups, vocab
from desktop.services.dashboard import LatenessMatrix, lateness_matrix
from desktop.services.database import Database
from desktop.services.ui_queries_dashboard import document_years, group_organisation_ids
from desktop.tasks.runner import TaskRunner
from desktop.ui.models.lateness_matrix_model import FIXED_COLUMNS, LatenessMatrixModel, legend
from desktop.ui.widgets.combo_fill import refill

DEPTHS = (1, 2, 3)


@dataclass(frozen=True)
class MatrixRequest:
    """What the filters ask for."""

    year: int | None = None
    type_code: str | None = None
    depth: int = 1
    group_id: int | None = None
    only_late: bool = False


def load_matrix(db: Database, request: MatrixRequest, as_of: date | None = None
                ) -> LatenessMatrix:
    """The matrix for ``request`` (runs on the worker thread)."""
    ids = None
    if request.year is not None or request.type_code:
        ids = [d.id for d in documents.list_documents(db, type_code=request.type_code,
                                                      year=request.year)]
    matrix = lateness_matrix(db, document_ids=ids, depth=request.depth, as_of=as_of,
                             only_late=request.only_late)
    if request.group_id is None:
        return matrix
    allowed = group_organisation_ids(db, request.group_id, request.depth)
    return LatenessMatrix(matrix.as_of, matrix.depth, matrix.columns,
                          [r for r in matrix.rows if r.organisation_id in allowed])


class MatrixPanel(QWidget):
    """Filters, the matrix and its legend."""

    cell_activated = Signal(int, int)  # document id, organisation id
    loaded = Signal()

    def __init__(self, db: Database, runner: TaskRunner, parent: QWidget | None = None,
                 *, as_of: date | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._as_of = as_of
        self._serial = 0
        self._filled = False
        self.matrix: LatenessMatrix | None = None
        self._last_emit: tuple[int, int] | None = None
        self._emit_clock = QElapsedTimer()

        self.year_combo = QComboBox()
        self.type_combo = QComboBox()
        self.depth_combo = QComboBox()
        self.group_combo = QComboBox()
        # the short lists keep their width (squeezed, "Tất cả các năm" read "Tất cả các r" at
        # 150 % scaling); the group names, long, give way down to a dozen letters
        for combo in (self.year_combo, self.type_combo, self.depth_combo):
            combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.group_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.group_combo.setMinimumContentsLength(12)
        self.only_late = QCheckBox(self.tr("&Only late organisations"))
        filters = QHBoxLayout()
        for text, combo in ((self.tr("&Year:"), self.year_combo),
                            (self.tr("&Type:"), self.type_combo),
                            (self.tr("&Level:"), self.depth_combo),
                            (self.tr("&Group:"), self.group_combo)):
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo)
        filters.addWidget(self.only_late)
        filters.addStretch(1)

        self.model = LatenessMatrixModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # most days late first
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(72)
        header.setHighlightSections(False)
        self.view.verticalHeader().setDefaultSectionSize(
            self.view.fontMetrics().height() + 8)
        self.view.setAccessibleName(self.tr("Organisations × documents"))
        self.status = QLabel()
        self.status.setWordWrap(True)

        # One wrapping label: the legend's seven entries in a row of widgets made the window
        # 1,368 px wide at least, more than the 1,366 px laptop screens of many offices.
        # Each entry is kept on one line (non-breaking spaces); lines break between entries.
        entries = [self.tr("Legend:")]
        for symbol, meaning, color in legend():
            entries.append(
                f'<span style="background-color:{color.name()}; color:#000000">'
                f"&nbsp;{html.escape(symbol)}&nbsp;</span>&nbsp;"
                + html.escape(meaning).replace(" ", "&nbsp;"))
        self.legend = QLabel(" &nbsp; ".join(entries))
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.status)

        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)

    # ------------------------------------------------------------------ filters

    def _fill_lists(self) -> bool:
        """Years, types and groups from the database, keeping the chosen ones; True when a
        chosen one is gone."""
        db = self._db
        lost = refill(self.year_combo, [(self.tr("All years"), None),
                                        *((str(y), y) for y in document_years(db))])
        lost = refill(self.type_combo, [(self.tr("All types"), None),
                                        *((t.name, t.code) for t in vocab.document_types(db))]
                      ) or lost
        return refill(self.group_combo, [(self.tr("All groups"), None),
                                         *((g.name, g.id) for g in org_groups.list_groups(db))]
                      ) or lost

    def refresh_lists(self) -> None:
        """Coming back to the page: lists edited elsewhere since are read again, and the
        matrix with them when what was chosen is gone."""
        if self._filled and self._fill_lists():
            self.reload()

    def _fill_filters(self) -> None:
        self._fill_lists()
        names = {1: self.tr("Top level"), 2: self.tr("Second level"),
                 3: self.tr("Third level")}
        for depth in DEPTHS:
            self.depth_combo.addItem(names[depth], depth)
        for combo in (self.year_combo, self.type_combo, self.depth_combo, self.group_combo):
            combo.currentIndexChanged.connect(self.reload)
        self.only_late.toggled.connect(self.reload)
        self._filled = True

    def request(self) -> MatrixRequest:
        return MatrixRequest(self.year_combo.currentData(), self.type_combo.currentData(),
                             self.depth_combo.currentData() or 1,
                             self.group_combo.currentData(), self.only_late.isChecked())

    # ------------------------------------------------------------------ loading

    def ensure_loaded(self) -> None:
        """Load once, the first time the matrix is shown."""
        if not self._filled:
            self._fill_filters()
            self.reload()

    def reload(self) -> None:
        if not self._filled:
            self._fill_filters()
        self._serial += 1
        serial, db, request, as_of = self._serial, self._db, self.request(), self._as_of
        self.status.setText(self.tr("Computing…"))
        self._runner.run(
            lambda _state: load_matrix(db, request, as_of),
            on_done=lambda result: self._loaded(serial, result),
            label=self.tr("Computing the matrix…"),
            show_progress=False,
            parent=self,
        )

    def _loaded(self, serial: int, matrix: LatenessMatrix) -> None:
        if serial != self._serial:
            return  # a newer request is on its way
        self.matrix = matrix
        self.model.set_matrix(matrix.columns, matrix.rows)
        header = self.view.horizontalHeader()
        width = self.view.fontMetrics().horizontalAdvance("M" * 22)
        header.resizeSection(0, max(width, 200))
        for col in (1, 2):
            text = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            header.resizeSection(col, self.view.fontMetrics().horizontalAdvance(text) + 32)
        metrics = header.fontMetrics()
        for n, column in enumerate(matrix.columns, start=FIXED_COLUMNS):
            header.resizeSection(n, max(48, metrics.horizontalAdvance(column.number_symbol) + 24))
        late = sum(1 for r in matrix.rows if r.overdue_documents)
        self.status.setText(
            self.tr("{orgs} organisations × {docs} documents as of {day}; "
                    "{late} organisations are late on at least one document.")
            .format(orgs=format_int(len(matrix.rows)), docs=format_int(len(matrix.columns)),
                    day=format_date(matrix.as_of), late=format_int(late)))
        self.loaded.emit()

    # ------------------------------------------------------------------ activation

    def _activated(self, index: QModelIndex) -> None:
        ids = self.model.ids_at(index) if index.column() >= FIXED_COLUMNS else None
        if ids is None:
            return
        # a double click is a click and an activation: open the row once
        if (ids == self._last_emit and self._emit_clock.isValid()
                and self._emit_clock.elapsed() < QApplication.doubleClickInterval()):
            return
        self._last_emit = ids
        self._emit_clock.start()
        self.cell_activated.emit(*ids)
