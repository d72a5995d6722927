"""Dashboard data: per-document progress from the statistics, and the organisations ×
documents matrix agreeing cell by cell with the grid's rows, sorted by lateness."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.errors import ValidationError
from desktop.services.dashboard import document_progress, lateness_matrix
from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.services.documents import list_documents
from desktop.services.stats import document_stats
from desktop.services.tracking_grid import TrackingFilter, fetch_rows, row_ids

TODAY = date(2026, 11, 30)


@pytest.fixture
def demo(db: Database) -> Database:
    create_demo(db, orgs=400, documents=4, today=TODAY)
    return db


def test_document_progress(demo: Database) -> None:
    for doc in list_documents(demo):
        progress = document_progress(demo, doc.id, TODAY)
        assert progress.stats == document_stats(demo, doc.id, TODAY)
        assert progress.overdue == progress.stats.totals.overdue
        assert sum(progress.by_status.values()) == progress.stats.totals.recipients


@pytest.mark.parametrize("depth", [1, 2])
def test_matrix_cells_agree_with_the_grid(demo: Database, depth: int) -> None:
    matrix = lateness_matrix(demo, depth=depth, as_of=TODAY)
    docs = list_documents(demo)
    assert [c.document_id for c in matrix.columns] == [d.id for d in docs]
    cells = {(doc_id, cell.tracking_id): (cell.status, cell.days_overdue)
             for row in matrix.rows for doc_id, cell in row.cells.items()}
    grid = {}
    for doc in docs:
        ids = row_ids(demo, doc.id, TrackingFilter(depth=depth), as_of=TODAY)
        grid.update({(doc.id, r.id): (r.status, r.days_overdue)
                     for r in fetch_rows(demo, ids, TODAY)})
    assert cells == grid and cells
    for row in matrix.rows:
        late = [c for c in row.cells.values() if c.overdue]
        assert row.overdue_documents == len(late)
        assert row.overdue_days == sum(c.days_overdue for c in late)
    keys = [(-r.overdue_days, -r.overdue_documents) for r in matrix.rows]
    assert keys == sorted(keys) and matrix.rows[0].overdue_days > 0


def test_matrix_options(demo: Database) -> None:
    docs = list_documents(demo)
    chosen = [d.id for d in reversed(docs)][:3]
    matrix = lateness_matrix(demo, document_ids=chosen, as_of=TODAY, sort_by="documents",
                             only_late=True)
    assert [c.document_id for c in matrix.columns] == chosen
    assert matrix.rows and all(r.overdue_documents for r in matrix.rows)
    keys = [(-r.overdue_documents, -r.overdue_days) for r in matrix.rows]
    assert keys == sorted(keys)
    by_name = lateness_matrix(demo, as_of=TODAY, sort_by="name")
    assert by_name.rows[0].name.startswith("Ban")  # "Ban …" sorts before "Báo …", "Đảng bộ …"
    assert lateness_matrix(demo, document_ids=[], as_of=TODAY).rows == []
    # drilling down: the party cells under one top-level organisation
    top = fetch_rows(demo, row_ids(demo, docs[-1].id, TrackingFilter(depth=2), as_of=TODAY)[:1],
                     TODAY)[0].top_id
    under = lateness_matrix(demo, depth=2, top_id=top, as_of=TODAY)
    expected = {r.organisation_id for d in docs for r in fetch_rows(
        demo, row_ids(demo, d.id, TrackingFilter(depth=2, top_id=top), as_of=TODAY), TODAY)}
    assert under.rows and {r.organisation_id for r in under.rows} == expected
    with pytest.raises(ValidationError, match="Không sắp xếp được theo «late»"):
        lateness_matrix(demo, sort_by="late")
