"""Integrity check of a database: storage, schema, and the invariants the services rely on."""

from __future__ import annotations

from sqlalchemy import text

from desktop.services.database import Database
from desktop.services.dto import CheckResult
from desktop.store.migrations import HEAD
from desktop.store.schema import current_revision

# (name, SQL counting violations, explanation in Vietnamese)
_INVARIANTS: list[tuple[str, str, str]] = [
    (
        "Cấp trên của đơn vị",
        "SELECT count(*) FROM organisations o LEFT JOIN organisations p ON p.id = o.parent_id "
        "WHERE o.parent_id IS NOT NULL AND (p.id IS NULL OR o.depth <> p.depth + 1)",
        "đơn vị có cấp trên không tồn tại hoặc sai cấp",
    ),
    (
        "Đơn vị cấp 1 của mỗi đơn vị",
        "SELECT count(*) FROM organisations o LEFT JOIN organisations p ON p.id = o.parent_id "
        "WHERE (o.depth = 1 AND o.top_id IS DISTINCT FROM o.id) "
        "OR (o.depth > 1 AND o.top_id IS DISTINCT FROM p.top_id) "
        "OR (o.depth = 0 AND o.top_id IS NOT NULL)",
        "đơn vị ghi sai đơn vị trực thuộc cấp tỉnh",
    ),
    (
        "Báo cáo thuộc đúng văn bản",
        "SELECT count(*) FROM tracking_reports r JOIN tracking t ON t.id = r.tracking_id "
        "WHERE r.document_id <> t.document_id",
        "báo cáo ghi sai văn bản so với dòng theo dõi của nó",
    ),
    (
        "Số chi bộ đã tổ chức",
        "SELECT count(*) FROM tracking WHERE cells_held > cells_total",
        "dòng theo dõi có số chi bộ đã tổ chức lớn hơn tổng số chi bộ",
    ),
    (
        "Số đảng viên tham gia",
        "SELECT count(*) FROM tracking WHERE members_attending > members_total",
        "dòng theo dõi có số đảng viên tham gia lớn hơn tổng số đảng viên",
    ),
    (
        "Ngày theo dõi sau ngày ban hành",
        "SELECT count(*) FROM tracking t JOIN documents d ON d.id = t.document_id "
        "WHERE d.issue_date IS NOT NULL AND (t.received_date < d.issue_date "
        "OR t.study_date < d.issue_date OR t.sent_date < d.issue_date)",
        "dòng theo dõi có ngày trước ngày ban hành văn bản",
    ),
]


def check(db: Database) -> list[CheckResult]:
    """Run every check; never writes."""
    results: list[CheckResult] = []
    revision = current_revision(db.engine)
    results.append(
        CheckResult(
            "Phiên bản lược đồ",
            revision == HEAD,
            f"{revision} (chương trình cần {HEAD})" if revision != HEAD else f"{revision}",
        )
    )
    with db.engine.connect() as conn:
        if db.dialect == "sqlite":
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
            results.append(CheckResult("Tệp SQLite", rows == ["ok"], "; ".join(rows[:5])))
            fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            results.append(
                CheckResult(
                    "Khóa ngoại",
                    not fk,
                    "ok" if not fk else f"{len(fk)} dòng trỏ tới dữ liệu không tồn tại",
                )
            )
        for name, sql, meaning in _INVARIANTS:
            if db.dialect == "sqlite":
                sql = sql.replace("IS DISTINCT FROM", "IS NOT")
            bad = int(conn.execute(text(sql)).scalar() or 0)
            results.append(CheckResult(name, bad == 0, "ok" if bad == 0 else f"{bad} {meaning}"))
    return results
