"""Tests for desktop.services.demo: the demo province, its history, documents and tracking."""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from datetime import UTC, date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.domain.errors import ValidationError
from desktop.domain.text import fold
from desktop.services import demo_data
from desktop.services.database import Database
from desktop.services.demo import DEMO_PROVINCE, DemoSummary, create_demo
from desktop.store import models

TODAY = date(2026, 11, 30)
# the audit chain hashes cover the timestamps, so they differ with them
TIMESTAMP_COLUMNS = {"created_at", "updated_at", "at", "added_at", "prev_hash", "row_hash"}


def _open(path: Path) -> Database:
    return Database.open(str(path))


def _sql(db: Database) -> sqlite3.Connection:
    conn = sqlite3.connect(db.location)
    conn.row_factory = sqlite3.Row
    return conn


def _dump(db: Database) -> dict[str, list[tuple]]:
    """Every table (timestamps left out), rows in primary-key order."""
    conn = sqlite3.connect(db.location)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]
        out = {}
        for table in tables:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                    if r[1] not in TIMESTAMP_COLUMNS]
            out[table] = conn.execute(
                f"SELECT {', '.join(cols)} FROM {table} ORDER BY {', '.join(cols)}").fetchall()
        return out
    finally:
        conn.close()


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory):
    db = _open(tmp_path_factory.mktemp("demo") / "t.sqlite3")
    calls: list[tuple[float, str]] = []
    summary = create_demo(db, orgs=300, documents=6, today=TODAY,
                          progress=lambda f, m: calls.append((f, m)))
    conn = _sql(db)
    yield db, summary, conn, calls
    conn.close()
    db.close()


# ------------------------------------------------------------------ organisations


def test_exact_counts_and_summary(small) -> None:
    _db, summary, conn, _ = small
    assert isinstance(summary, DemoSummary)
    assert summary.organisations == 300
    assert conn.execute("SELECT count(*) FROM organisations").fetchone()[0] == 300
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == summary.documents == 6
    assert conn.execute("SELECT count(*) FROM tracking").fetchone()[0] == summary.tracking_rows
    assert conn.execute("SELECT count(*) FROM tracking_reports").fetchone()[0] == summary.reports
    cells = conn.execute(
        "SELECT count(*) FROM organisations o JOIN org_kinds k ON k.id = o.kind_id "
        "WHERE k.is_party_cell AND o.valid_to IS NULL").fetchone()[0]
    assert summary.party_cells == cells > 200
    assert summary.reports > 0 and summary.seconds > 0


def test_tree_depth_top_and_keys_consistent(small) -> None:
    _db, _s, conn, _ = small
    rows = {r["id"]: r for r in conn.execute(
        "SELECT o.*, k.code AS kind FROM organisations o JOIN org_kinds k ON k.id = o.kind_id")}
    roots = [r for r in rows.values() if r["parent_id"] is None]
    assert len(roots) == 1
    root = roots[0]
    assert (root["kind"], root["depth"], root["top_id"]) == ("tinh_uy", 0, None)
    assert root["name"] == f"Tỉnh ủy {DEMO_PROVINCE}"
    for r in rows.values():
        assert r["search_key"] == fold(f"{r['name']} {r['short_name']} {r['code']}")
        if r is root:
            continue
        parent = rows[r["parent_id"]]
        assert parent["id"] < r["id"]  # parents are written first
        assert r["depth"] == parent["depth"] + 1
        assert r["top_id"] == (r["id"] if r["depth"] == 1 else parent["top_id"])
        # walk up: top is the ancestor directly under the root
        node = r
        while rows[node["parent_id"]]["parent_id"] is not None:
            node = rows[node["parent_id"]]
        assert node["id"] == r["top_id"]
    assert len({r["code"] for r in rows.values()}) == len(rows)

    depth1 = [r for r in rows.values() if r["depth"] == 1 and r["valid_to"] is None]
    kinds = Counter(r["kind"] for r in depth1)
    assert kinds["dang_bo_xa"] >= 5 and kinds["dang_bo_truc_thuoc"] >= 2
    assert kinds["ban_so_nganh"] >= 3 and kinds["doan_the"] >= 2 and kinds["bao_chi"] >= 1
    communes = [r for r in depth1 if r["kind"] == "dang_bo_xa"]
    assert all(r["valid_from"] == "2025-07-01" for r in communes)
    names = {r["name"] for r in communes}
    assert any(n.startswith("Đảng bộ phường ") for n in names)
    assert any(n.startswith("Đảng bộ xã ") for n in names)
    assert any(n.startswith("Đảng bộ đặc khu ") for n in names)


def test_2025_history(small) -> None:
    _db, _s, conn, _ = small
    by_name = {r["name"]: r for r in conn.execute("SELECT * FROM organisations")}
    new_board = by_name["Ban Tuyên giáo và Dân vận Tỉnh ủy"]
    for old in ("Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy"):
        assert by_name[old]["merged_into_id"] == new_board["id"]
        assert by_name[old]["valid_to"] < new_board["valid_from"]
    merged_communes = conn.execute(
        "SELECT o.valid_to, t.valid_from, t.name FROM organisations o "
        "JOIN organisations t ON t.id = o.merged_into_id "
        "WHERE o.valid_to = '2025-06-30' AND o.name LIKE 'Đảng bộ xã %'").fetchall()
    assert len(merged_communes) >= 2
    assert all(r["valid_from"] == "2025-07-01" and r["name"].startswith("Đảng bộ xã ")
               for r in merged_communes)
    history = conn.execute("SELECT * FROM org_history").fetchall()
    assert len(history) == 1 and history[0]["reason"] == "rename"
    # ended organisations get no tracking row for documents issued after they ended
    assert conn.execute(
        "SELECT count(*) FROM tracking t JOIN organisations o ON o.id = t.organisation_id "
        "JOIN documents d ON d.id = t.document_id WHERE o.valid_to < d.issue_date"
    ).fetchone()[0] == 0


def test_denominators_coherent(small) -> None:
    _db, _s, conn, _ = small
    active_cells = {r["id"]: r["top_id"] for r in conn.execute(
        "SELECT o.id, o.top_id FROM organisations o JOIN org_kinds k ON k.id = o.kind_id "
        "WHERE k.is_party_cell AND o.valid_to IS NULL")}
    denoms: dict[int, list[sqlite3.Row]] = {}
    for r in conn.execute("SELECT * FROM org_denominators ORDER BY organisation_id, as_of"):
        denoms.setdefault(r["organisation_id"], []).append(r)
    cell_members = {}
    for cell in active_cells:
        (row,) = denoms[cell]
        assert row["party_cells"] == 1 and 5 <= row["party_members"] <= 60
        cell_members[cell] = row["party_members"]
    total = 0
    for top in [r[0] for r in conn.execute(
            "SELECT id FROM organisations WHERE depth = 1 AND valid_to IS NULL")]:
        early, late = denoms[top]
        assert early["as_of"] < late["as_of"]
        mine = [c for c, t in active_cells.items() if t == top]
        assert late["party_cells"] == len(mine)
        assert late["party_members"] == sum(cell_members[c] for c in mine)
        assert early["party_members"] <= late["party_members"]
        total += late["party_members"]
    assert total == sum(cell_members.values())
    assert 15 * len(active_cells) <= total <= 40 * len(active_cells)


def test_groups_cover_every_active_depth1_org_once(small) -> None:
    _db, _s, conn, _ = small
    groups = {r["id"]: r["name"] for r in conn.execute("SELECT * FROM org_groups")}
    assert set(groups.values()) == {name for name, _ in demo_data.GROUPS}
    members = Counter(r[0] for r in conn.execute("SELECT organisation_id FROM org_group_members"))
    depth1 = {r[0] for r in conn.execute(
        "SELECT id FROM organisations WHERE depth = 1 AND valid_to IS NULL")}
    assert set(members) == depth1
    assert set(members.values()) == {1}


def test_issuing_bodies_and_term(small) -> None:
    _db, _s, conn, _ = small
    bodies = {r["symbol"]: r for r in conn.execute("SELECT * FROM issuing_bodies")}
    assert set(bodies) == {"TU", "BTGDVTU", "VPTU", "UBND"}
    assert bodies["TU"]["superior_name"] == "" and bodies["TU"]["name"] == "TỈNH ỦY HÀ SƠN"
    assert bodies["BTGDVTU"]["superior_name"] == "TỈNH ỦY HÀ SƠN"
    assert bodies["BTGDVTU"]["is_own_office"] == 1
    assert sum(r["is_own_office"] for r in bodies.values()) == 1
    assert bodies["UBND"]["regime"] == "state"
    assert all(r["place_name"] == DEMO_PROVINCE for r in bodies.values())
    assert bodies["TU"]["signer_authority"] == "T/M BAN THƯỜNG VỤ"
    terms = conn.execute("SELECT * FROM party_terms").fetchall()
    assert [(t["name"], t["start_date"]) for t in terms] == [("Nhiệm kỳ 2025 - 2030",
                                                               "2025-10-01")]


# ------------------------------------------------------------------ documents


def test_documents(small) -> None:
    _db, _s, conn, _ = small
    docs = conn.execute(
        "SELECT d.*, t.code AS type_code, t.name AS type_name FROM documents d "
        "JOIN document_types t ON t.id = d.type_id ORDER BY d.id").fetchall()
    assert len(docs) == 6
    issue_dates = [d["issue_date"] for d in docs]
    assert issue_dates == sorted(issue_dates)
    assert min(issue_dates) >= "2025-05-30" and max(issue_dates) <= TODAY.isoformat()
    # most go down to every party cell, at least one to the directly subordinate bodies only
    assert 3 <= sum(d["scope"] == "chi_bo" for d in docs) < len(docs)
    assert any(d["parent_id"] is not None for d in docs)
    for d in docs:
        number_symbol = f"{d['number']}-{d['symbol']}"
        assert d["symbol"].startswith(d["type_code"] + "/")
        assert d["number_key"] == fold(number_symbol)
        assert d["search_key"] == fold(f"{number_symbol} {d['type_name']} {d['excerpt']}")
        assert d["excerpt"] and d["excerpt"][0].islower()
        assert d["signer_authority"] or d["signer_title"]
        if d["parent_id"] is not None:
            parent = docs[d["parent_id"] - 1]
            assert parent["issue_date"] <= d["issue_date"]
            assert f"{parent['number']}-{parent['symbol']}" in d["excerpt"]
        kinds = [r[0] for r in conn.execute(
            "SELECT kind FROM deadlines WHERE document_id = ? ORDER BY due_date", (d["id"],))]
        assert kinds[:2] == ["hoc_tap", "bao_cao_lan_dau"]
        lines = conn.execute("SELECT * FROM document_recipient_lines WHERE document_id = ? "
                             "ORDER BY position", (d["id"],)).fetchall()
        assert any(line["group_id"] for line in lines)
        assert lines[-1]["text"].startswith("- Lưu ") and lines[-1]["group_id"] is None
    assert conn.execute("SELECT count(*) FROM deadlines WHERE kind = 'bao_cao_dinh_ky'"
                        ).fetchone()[0] >= 1
    assert conn.execute("SELECT count(*) FROM number_sequences").fetchone()[0] >= 1


def test_recipients_follow_scope(small) -> None:
    _db, _s, conn, _ = small
    for d in conn.execute("SELECT * FROM documents"):
        groups = [r[0] for r in conn.execute(
            "SELECT group_id FROM document_recipient_lines WHERE document_id = ? "
            "AND group_id IS NOT NULL", (d["id"],))]
        tops = {r[0] for r in conn.execute(
            f"SELECT organisation_id FROM org_group_members WHERE group_id IN "
            f"({', '.join('?' * len(groups))})", groups)}
        got = {r[0] for r in conn.execute(
            "SELECT organisation_id FROM tracking WHERE document_id = ?", (d["id"],))}
        if d["scope"] == "chi_bo":
            expected = {r["id"] for r in conn.execute(
                "SELECT id, top_id FROM organisations WHERE depth >= 1 "
                "AND (valid_from IS NULL OR valid_from <= :d) "
                "AND (valid_to IS NULL OR valid_to >= :d)", {"d": d["issue_date"]})
                if r["top_id"] in tops}
        else:
            expected = tops
        assert got == expected


# ------------------------------------------------------------------ tracking


def test_no_tracking_date_before_issue_or_after_today(small) -> None:
    _db, _s, conn, _ = small
    today = TODAY.isoformat()
    for col in ("sent_date", "received_date", "study_date", "study_end_date", "plan_date"):
        bad = conn.execute(
            f"SELECT count(*) FROM tracking t JOIN documents d ON d.id = t.document_id "
            f"WHERE t.{col} < d.issue_date OR t.{col} > ?", (today,)).fetchone()[0]
        assert bad == 0, col
    for col in ("report_date", "received_date"):
        bad = conn.execute(
            f"SELECT count(*) FROM tracking_reports r JOIN tracking t ON t.id = r.tracking_id "
            f"JOIN documents d ON d.id = t.document_id "
            f"WHERE r.{col} IS NULL OR r.{col} < d.issue_date OR r.{col} > ?",
            (today,)).fetchone()[0]
        assert bad == 0, col
    assert conn.execute(
        "SELECT count(*) FROM reminders m JOIN tracking t ON t.id = m.tracking_id "
        "JOIN documents d ON d.id = t.document_id "
        "WHERE m.sent_date < d.issue_date OR m.sent_date > ?", (today,)).fetchone()[0] == 0
    # each step after the one before
    assert conn.execute(
        "SELECT count(*) FROM tracking WHERE received_date < sent_date OR study_date < "
        "received_date OR study_end_date < study_date OR (received_date IS NOT NULL AND "
        "sent_date IS NULL) OR (study_date IS NOT NULL AND received_date IS NULL)"
    ).fetchone()[0] == 0
    assert conn.execute(
        "SELECT count(*) FROM tracking_reports WHERE received_date < report_date"
    ).fetchone()[0] == 0


def test_counts_within_totals(small) -> None:
    _db, _s, conn, _ = small
    assert conn.execute(
        "SELECT count(*) FROM tracking WHERE cells_held > cells_total "
        "OR members_attending > members_total").fetchone()[0] == 0
    assert conn.execute(
        "SELECT count(*) FROM tracking WHERE study_date IS NOT NULL AND members_total > 0 "
        "AND (cells_held IS NULL OR members_attending IS NULL)").fetchone()[0] == 0
    # totals are the denominators as of the document's date
    rows = conn.execute(
        "SELECT t.cells_total, t.members_total, t.organisation_id, d.issue_date "
        "FROM tracking t JOIN documents d ON d.id = t.document_id").fetchall()
    for r in rows:
        denom = conn.execute(
            "SELECT party_cells, party_members FROM org_denominators WHERE organisation_id = ? "
            "AND as_of <= ? ORDER BY as_of DESC LIMIT 1",
            (r["organisation_id"], r["issue_date"])).fetchone()
        assert denom is not None
        assert (r["cells_total"], r["members_total"]) == tuple(denom)


def test_stages_overdue_reports_and_reminders(small) -> None:
    _db, _s, conn, _ = small
    today = TODAY.isoformat()
    overdue = conn.execute(
        "SELECT count(*) FROM tracking t JOIN deadlines dl ON dl.document_id = t.document_id "
        "AND dl.kind = 'hoc_tap' WHERE dl.due_date < ? AND t.study_date IS NULL",
        (today,)).fetchone()[0]
    assert overdue > 0
    statuses = Counter(r[0] for r in conn.execute("SELECT status FROM tracking_reports"))
    assert statuses["dung_han"] > statuses["qua_han"] > 0
    assert set(statuses) <= {"dung_han", "qua_han", "tra_lai"}
    # every report answers a deadline of its own document
    assert conn.execute(
        "SELECT count(*) FROM tracking_reports r JOIN tracking t ON t.id = r.tracking_id "
        "LEFT JOIN deadlines dl ON dl.id = r.deadline_id "
        "WHERE dl.id IS NULL OR dl.document_id <> t.document_id").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM reminders").fetchone()[0] > 0
    # the newest document is barely under way, the oldest mostly done
    newest, oldest = (conn.execute(
        f"SELECT id FROM documents ORDER BY issue_date {order}, id {order} LIMIT 1"
    ).fetchone()[0] for order in ("DESC", "ASC"))

    def share(doc: int, col: str) -> float:
        n, done = conn.execute(f"SELECT count(*), count({col}) FROM tracking "
                               "WHERE document_id = ?", (doc,)).fetchone()
        return done / n

    assert share(newest, "study_date") < 0.2
    assert share(oldest, "study_date") > 0.9
    roles = {r[0] for r in conn.execute("SELECT DISTINCT received_confirmed_by FROM tracking")}
    assert roles - {""} <= set(demo_data.RECEIPT_ROLES_COMMITTEE + demo_data.RECEIPT_ROLES_CELL)


def test_one_audit_row_and_timestamps_read_back(small) -> None:
    db, summary, conn, _ = small
    audit = conn.execute("SELECT * FROM audit_log").fetchall()
    assert len(audit) == 1
    assert (audit[0]["action"], audit[0]["entity"]) == ("bulk", "demo")
    assert audit[0]["summary"].startswith("Tạo dữ liệu mẫu: ")
    with db.read() as s:
        tracking = s.scalars(select(models.Tracking).limit(1)).one()
        org = s.scalars(select(models.Organisation).limit(1)).one()
        assert tracking.created_at.tzinfo is not None
        assert tracking.created_at == org.created_at
        assert tracking.created_at.astimezone(UTC).date() == date.today()
        assert tracking.version == 1


def test_progress_reported(small) -> None:
    _db, _s, _conn, calls = small
    fractions = [f for f, _ in calls]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(fractions) >= 5
    assert all(isinstance(m, str) and m for _, m in calls)


def test_refused_on_non_empty_database(small) -> None:
    db, _s, _conn, _ = small
    before = _dump(db)
    with pytest.raises(ValidationError) as err:
        create_demo(db, orgs=300, documents=6, today=TODAY)
    assert "trống" in str(err.value)
    assert _dump(db) == before


@pytest.mark.parametrize(("which", "code"), [("kind", "bao_chi"), ("type", "KH")])
def test_refused_when_a_catalogue_entry_it_needs_was_deleted(
    tmp_path: Path, which: str, code: str
) -> None:
    from desktop.services import vocab

    db = _open(tmp_path / "x.sqlite3")
    try:
        items = vocab.org_kinds(db) if which == "kind" else vocab.document_types(db)
        vocab.delete(db, next(i for i in items if i.code == code))
        before = _dump(db)
        with pytest.raises(ValidationError) as err:
            create_demo(db, orgs=300, documents=6, today=TODAY)
        assert f"«{code}»" in str(err.value) and "chưa có gì thay đổi" in str(err.value)
        assert _dump(db) == before
    finally:
        db.close()


def test_deterministic(tmp_path: Path) -> None:
    dumps = []
    for name in ("a", "b"):
        db = _open(tmp_path / f"{name}.sqlite3")
        try:
            create_demo(db, orgs=300, documents=6, today=TODAY)
            dumps.append(_dump(db))
        finally:
            db.close()
    assert dumps[0] == dumps[1]
    assert dumps[0]["tracking"]
    other = _open(tmp_path / "c.sqlite3")
    try:
        create_demo(other, orgs=300, documents=6, today=TODAY, seed=7)
        assert _dump(other)["tracking"] != dumps[0]["tracking"]
    finally:
        other.close()


@pytest.mark.parametrize(("orgs", "documents"), [(30, 1), (50, 50), (3000, 5)])
def test_other_sizes(tmp_path: Path, orgs: int, documents: int) -> None:
    db = _open(tmp_path / "t.sqlite3")
    try:
        summary = create_demo(db, orgs=orgs, documents=documents, today=TODAY)
        conn = _sql(db)
        try:
            assert conn.execute("SELECT count(*) FROM organisations").fetchone()[0] == orgs
            assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == documents
            assert summary.tracking_rows == conn.execute(
                "SELECT count(*) FROM tracking").fetchone()[0] > 0
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            conn.close()
        print(f"\n{orgs} tổ chức × {documents} văn bản: {summary}")
    finally:
        db.close()


@pytest.mark.parametrize("orgs", [29, 100_001])
def test_refuses_bad_sizes(tmp_path: Path, orgs: int) -> None:
    db = _open(tmp_path / "t.sqlite3")
    try:
        with pytest.raises(ValidationError):
            create_demo(db, orgs=orgs, today=TODAY)
        with db.read() as s:
            assert s.scalar(select(models.Organisation.id).limit(1)) is None
    finally:
        db.close()


@pytest.mark.slow
def test_stress_size(tmp_path: Path) -> None:
    db = _open(tmp_path / "t.sqlite3")
    try:
        started = time.perf_counter()
        summary = create_demo(db, orgs=20_000, documents=50, today=TODAY)
        elapsed = time.perf_counter() - started
        conn = _sql(db)
        try:
            assert conn.execute("SELECT count(*) FROM organisations").fetchone()[0] == 20_000
            assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 50
            assert conn.execute("SELECT count(*) FROM tracking").fetchone()[0] \
                == summary.tracking_rows > 300_000
            members = conn.execute(
                "SELECT sum(party_members) FROM org_denominators d JOIN organisations o "
                "ON o.id = d.organisation_id WHERE o.depth = 1 AND d.as_of = ?",
                (demo_data.DENOM_LATE.isoformat(),)).fetchone()[0]
            assert 250_000 <= members <= 600_000
        finally:
            conn.close()
        print(f"\n20.000 tổ chức × 50 văn bản: {summary.tracking_rows} dòng theo dõi, "
              f"{summary.reports} báo cáo, {elapsed:.1f} s")
        assert elapsed < 60
    finally:
        db.close()


def test_app_can_add_rows_after_the_demo(db: Database) -> None:
    """Runs on SQLite and PostgreSQL (conftest ``db``): ids written explicitly by the bulk
    inserts must not collide with the ids the ORM hands out afterwards (PostgreSQL sequences)."""
    create_demo(db, orgs=60, documents=3, today=TODAY)
    with db.transaction() as s:
        org = models.Organisation(name="Chi bộ thôn Mới", short_name="thôn Mới", depth=2)
        s.add(org)
        s.flush()
        doc = models.Document(type_id=1, number="99", symbol="CT/TU", issue_date=TODAY)
        s.add(doc)
        s.flush()
        s.add(models.Deadline(document_id=doc.id, kind="hoc_tap", due_date=TODAY))
        s.add(models.Tracking(document_id=doc.id, organisation_id=org.id))
        s.add(models.OrgGroup(name="Nhóm mới"))
        s.add(models.IssuingBody(name="BAN TỔ CHỨC", symbol="BTCTU"))
        s.add(models.DocumentRecipientLine(document_id=doc.id, position=1, text="- Lưu VT."))
        s.add(models.OrgDenominator(organisation_id=org.id, as_of=TODAY, party_members=9))
        s.add(models.PartyTerm(name="Nhiệm kỳ 2030 - 2035", start_date=date(2030, 10, 1)))
        s.flush()
        assert org.id == 61
