"""Initial schema: organisations, groups, issuing bodies, documents, tracking, registers, audit.

Also seeds the editable vocabularies (organisation kinds, document types) and the working-day
calendar (public holidays and make-up days, 2025–2030).

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


ORG_KINDS = [
    ("tinh_uy", "Tỉnh ủy", 0, False),
    ("dang_bo_truc_thuoc", "Đảng bộ trực thuộc", 10, False),
    ("dang_bo_xa", "Đảng bộ xã, phường, đặc khu", 20, False),
    ("dang_bo_co_so", "Đảng bộ cơ sở", 30, False),
    ("chi_bo_co_so", "Chi bộ cơ sở", 40, True),
    ("chi_bo_truc_thuoc", "Chi bộ trực thuộc", 50, True),
    ("ban_so_nganh", "Ban, sở, ngành", 60, False),
    ("doan_the", "Đoàn thể", 70, False),
    ("bao_chi", "Cơ quan báo chí", 80, False),
    ("khac", "Khác", 90, False),
]

DOCUMENT_TYPES = [
    ("CT", "Chỉ thị", 10, True),
    ("NQ", "Nghị quyết", 20, True),
    ("KL", "Kết luận", 30, True),
    ("QĐi", "Quy định", 40, True),
    ("QĐ", "Quyết định", 50, True),
    ("KH", "Kế hoạch", 60, True),
    ("HD", "Hướng dẫn", 70, True),
    ("CTr", "Chương trình", 80, True),
    ("CV", "Công văn", 90, True),
    ("BC", "Báo cáo", 100, False),
    ("TB", "Thông báo", 110, True),
    ("TTr", "Tờ trình", 120, False),
]


# Public holidays and make-up working days (desktop.services.calendar), editable per year.
# 2025 and 2026 follow the notices for cán bộ, công chức, viên chức: Tết Ất Tỵ 25/01–02/02/2025;
# 30/4–4/5/2025 with Friday 02/05 exchanged for Saturday 26/04; Quốc khánh 30/8–2/9/2025;
# Tết Dương lịch 1–4/01/2026 (VPCP 12729/VPCP-KGVX, Friday 02/01 exchanged for Saturday
# 10/01); Tết Bính Ngọ 14/02–22/02/2026; Quốc khánh 29/8–2/9/2026 (Monday 31/08 exchanged for
# Saturday 22/08). 2027–2030 are the statutory days of Bộ luật Lao động 2019 Điều 112 only:
# the lunar dates (Tết, 10/3 âm lịch) computed for UTC+7, Tết as the last day of the lunar year
# and mùng 1–4, the second Quốc khánh day on the side that joins the weekend, and a weekday off
# for a holiday that falls on a weekend. They MUST be checked each year against the Thủ
# tướng's notice (which usually moves Tết days and exchanges days) and edited in the program.
CALENDAR_DAYS = [
    ("2025-01-01", "holiday", "Tết Dương lịch"),  # thứ Tư
    ("2025-01-27", "holiday", "Tết Nguyên đán (28 tháng Chạp)"),  # thứ Hai
    ("2025-01-28", "holiday", "Tết Nguyên đán (29 tháng Chạp)"),  # thứ Ba
    ("2025-01-29", "holiday", "Tết Nguyên đán (mùng 1)"),  # thứ Tư
    ("2025-01-30", "holiday", "Tết Nguyên đán (mùng 2)"),  # thứ Năm
    ("2025-01-31", "holiday", "Tết Nguyên đán (mùng 3)"),  # thứ Sáu
    ("2025-04-07", "holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),  # thứ Hai
    ("2025-04-26", "workday", "Làm bù cho ngày nghỉ 02/05/2025"),  # thứ Bảy
    ("2025-04-30", "holiday", "Ngày Chiến thắng"),  # thứ Tư
    ("2025-05-01", "holiday", "Ngày Quốc tế Lao động"),  # thứ Năm
    ("2025-05-02", "holiday", "Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)"),  # thứ Sáu
    ("2025-09-01", "holiday", "Quốc khánh (ngày liền trước)"),  # thứ Hai
    ("2025-09-02", "holiday", "Quốc khánh"),  # thứ Ba
    ("2026-01-01", "holiday", "Tết Dương lịch"),  # thứ Năm
    ("2026-01-02", "holiday", "Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)"),  # thứ Sáu
    ("2026-01-10", "workday", "Làm bù cho ngày nghỉ 02/01/2026"),  # thứ Bảy
    ("2026-02-16", "holiday", "Tết Nguyên đán (29 tháng Chạp)"),  # thứ Hai
    ("2026-02-17", "holiday", "Tết Nguyên đán (mùng 1)"),  # thứ Ba
    ("2026-02-18", "holiday", "Tết Nguyên đán (mùng 2)"),  # thứ Tư
    ("2026-02-19", "holiday", "Tết Nguyên đán (mùng 3)"),  # thứ Năm
    ("2026-02-20", "holiday", "Tết Nguyên đán (mùng 4)"),  # thứ Sáu
    ("2026-04-26", "holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),  # Chủ nhật
    ("2026-04-27", "holiday", "Nghỉ bù Giỗ Tổ Hùng Vương"),  # thứ Hai
    ("2026-04-30", "holiday", "Ngày Chiến thắng"),  # thứ Năm
    ("2026-05-01", "holiday", "Ngày Quốc tế Lao động"),  # thứ Sáu
    ("2026-08-22", "workday", "Làm bù cho ngày nghỉ 31/08/2026"),  # thứ Bảy
    ("2026-08-31", "holiday", "Nghỉ hoán đổi (làm bù thứ Bảy 22/08/2026)"),  # thứ Hai
    ("2026-09-01", "holiday", "Quốc khánh (ngày liền trước)"),  # thứ Ba
    ("2026-09-02", "holiday", "Quốc khánh"),  # thứ Tư
    ("2027-01-01", "holiday", "Tết Dương lịch"),  # thứ Sáu
    ("2027-02-05", "holiday", "Tết Nguyên đán (29 tháng Chạp)"),  # thứ Sáu
    ("2027-02-06", "holiday", "Tết Nguyên đán (mùng 1)"),  # thứ Bảy
    ("2027-02-07", "holiday", "Tết Nguyên đán (mùng 2)"),  # Chủ nhật
    ("2027-02-08", "holiday", "Tết Nguyên đán (mùng 3)"),  # thứ Hai
    ("2027-02-09", "holiday", "Tết Nguyên đán (mùng 4)"),  # thứ Ba
    ("2027-02-10", "holiday", "Nghỉ bù Tết Nguyên đán"),  # thứ Tư
    ("2027-02-11", "holiday", "Nghỉ bù Tết Nguyên đán"),  # thứ Năm
    ("2027-04-16", "holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),  # thứ Sáu
    ("2027-04-30", "holiday", "Ngày Chiến thắng"),  # thứ Sáu
    ("2027-05-01", "holiday", "Ngày Quốc tế Lao động"),  # thứ Bảy
    ("2027-05-03", "holiday", "Nghỉ bù Ngày Quốc tế Lao động"),  # thứ Hai
    ("2027-09-02", "holiday", "Quốc khánh"),  # thứ Năm
    ("2027-09-03", "holiday", "Quốc khánh (ngày liền sau)"),  # thứ Sáu
    ("2028-01-01", "holiday", "Tết Dương lịch"),  # thứ Bảy
    ("2028-01-03", "holiday", "Nghỉ bù Tết Dương lịch"),  # thứ Hai
    ("2028-01-25", "holiday", "Tết Nguyên đán (29 tháng Chạp)"),  # thứ Ba
    ("2028-01-26", "holiday", "Tết Nguyên đán (mùng 1)"),  # thứ Tư
    ("2028-01-27", "holiday", "Tết Nguyên đán (mùng 2)"),  # thứ Năm
    ("2028-01-28", "holiday", "Tết Nguyên đán (mùng 3)"),  # thứ Sáu
    ("2028-01-29", "holiday", "Tết Nguyên đán (mùng 4)"),  # thứ Bảy
    ("2028-01-31", "holiday", "Nghỉ bù Tết Nguyên đán"),  # thứ Hai
    ("2028-04-04", "holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),  # thứ Ba
    ("2028-04-30", "holiday", "Ngày Chiến thắng"),  # Chủ nhật
    ("2028-05-01", "holiday", "Ngày Quốc tế Lao động"),  # thứ Hai
    ("2028-05-02", "holiday", "Nghỉ bù Ngày Chiến thắng"),  # thứ Ba
    ("2028-09-01", "holiday", "Quốc khánh (ngày liền trước)"),  # thứ Sáu
    ("2028-09-02", "holiday", "Quốc khánh"),  # thứ Bảy
    ("2028-09-04", "holiday", "Nghỉ bù Quốc khánh"),  # thứ Hai
    ("2029-01-01", "holiday", "Tết Dương lịch"),  # thứ Hai
    ("2029-02-12", "holiday", "Tết Nguyên đán (29 tháng Chạp)"),  # thứ Hai
    ("2029-02-13", "holiday", "Tết Nguyên đán (mùng 1)"),  # thứ Ba
    ("2029-02-14", "holiday", "Tết Nguyên đán (mùng 2)"),  # thứ Tư
    ("2029-02-15", "holiday", "Tết Nguyên đán (mùng 3)"),  # thứ Năm
    ("2029-02-16", "holiday", "Tết Nguyên đán (mùng 4)"),  # thứ Sáu
    ("2029-04-23", "holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),  # thứ Hai
    ("2029-04-30", "holiday", "Ngày Chiến thắng"),  # thứ Hai
    ("2029-05-01", "holiday", "Ngày Quốc tế Lao động"),  # thứ Ba
    ("2029-09-02", "holiday", "Quốc khánh"),  # Chủ nhật
    ("2029-09-03", "holiday", "Quốc khánh (ngày liền sau)"),  # thứ Hai
    ("2029-09-04", "holiday", "Nghỉ bù Quốc khánh"),  # thứ Ba
    ("2030-01-01", "holiday", "Tết Dương lịch"),  # thứ Ba
    ("2030-02-01", "holiday", "Tết Nguyên đán (29 tháng Chạp)"),  # thứ Sáu
    ("2030-02-02", "holiday", "Tết Nguyên đán (mùng 1)"),  # thứ Bảy
    ("2030-02-03", "holiday", "Tết Nguyên đán (mùng 2)"),  # Chủ nhật
    ("2030-02-04", "holiday", "Tết Nguyên đán (mùng 3)"),  # thứ Hai
    ("2030-02-05", "holiday", "Tết Nguyên đán (mùng 4)"),  # thứ Ba
    ("2030-02-06", "holiday", "Nghỉ bù Tết Nguyên đán"),  # thứ Tư
    ("2030-02-07", "holiday", "Nghỉ bù Tết Nguyên đán"),  # thứ Năm
    ("2030-04-12", "holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),  # thứ Sáu
    ("2030-04-30", "holiday", "Ngày Chiến thắng"),  # thứ Ba
    ("2030-05-01", "holiday", "Ngày Quốc tế Lao động"),  # thứ Tư
    ("2030-09-02", "holiday", "Quốc khánh"),  # thứ Hai
    ("2030-09-03", "holiday", "Quốc khánh (ngày liền sau)"),  # thứ Ba
]


def _seed() -> None:
    kinds = sa.table(
        "org_kinds",
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("sort_order", sa.Integer),
        sa.column("is_party_cell", sa.Boolean),
    )
    op.bulk_insert(
        kinds,
        [{"code": c, "name": n, "sort_order": o, "is_party_cell": p} for c, n, o, p in ORG_KINDS],
    )
    types = sa.table(
        "document_types",
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("sort_order", sa.Integer),
        sa.column("trackable", sa.Boolean),
    )
    op.bulk_insert(
        types,
        [{"code": c, "name": n, "sort_order": o, "trackable": t} for c, n, o, t in DOCUMENT_TYPES],
    )
    days = sa.table(
        "calendar_days",
        sa.column("day", sa.Date),
        sa.column("kind", sa.String),
        sa.column("name", sa.String),
    )
    op.bulk_insert(
        days,
        [{"day": date.fromisoformat(d), "kind": k, "name": n} for d, k, n in CALENDAR_DAYS],
    )


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("entity", sa.String(length=60), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_entity", ["entity", "entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)

    op.create_table(
        "document_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("trackable", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_types")),
        sa.UniqueConstraint("code", name=op.f("uq_document_types_code")),
    )
    op.create_table(
        "issuing_bodies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("superior_name", sa.String(length=300), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("symbol", sa.String(length=40), nullable=False),
        sa.Column("place_name", sa.String(length=120), nullable=False),
        sa.Column("regime", sa.String(length=10), nullable=False),
        sa.Column("format_profile", sa.String(length=60), nullable=False),
        sa.Column("signer_authority", sa.String(length=120), nullable=False),
        sa.Column("signer_title", sa.String(length=120), nullable=False),
        sa.Column("signer_name", sa.String(length=120), nullable=False),
        sa.Column("is_own_office", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issuing_bodies")),
        sa.UniqueConstraint("symbol", name=op.f("uq_issuing_bodies_symbol")),
    )
    op.create_table(
        "org_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("short_name", sa.String(length=120), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_groups")),
        sa.UniqueConstraint("name", name=op.f("uq_org_groups_name")),
    )
    op.create_table(
        "org_kinds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("is_party_cell", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_kinds")),
        sa.UniqueConstraint("code", name=op.f("uq_org_kinds_code")),
    )
    op.create_table(
        "party_terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_party_terms")),
    )
    op.create_table(
        "calendar_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.CheckConstraint(
            "kind IN ('holiday', 'workday')", name=op.f("ck_calendar_days_kind")
        ),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_days")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("type_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("symbol", sa.String(length=60), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=True),
        sa.Column("issuing_body_id", sa.Integer(), nullable=True),
        sa.Column("excerpt", sa.Text(), nullable=False),
        sa.Column("signer_authority", sa.String(length=120), nullable=False),
        sa.Column("signer_title", sa.String(length=120), nullable=False),
        sa.Column("signer_name", sa.String(length=120), nullable=False),
        sa.Column("urgency", sa.String(length=20), nullable=False),
        sa.Column("confidentiality", sa.String(length=20), nullable=False),
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("number_key", sa.String(length=80), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["issuing_body_id"],
            ["issuing_bodies.id"],
            name=op.f("fk_documents_issuing_body_id_issuing_bodies"),
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["documents.id"], name=op.f("fk_documents_parent_id_documents")
        ),
        sa.ForeignKeyConstraint(
            ["type_id"], ["document_types.id"], name=op.f("fk_documents_type_id_document_types")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_issue_date"), ["issue_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_number_key"), ["number_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "number_sequences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("issuing_body_id", sa.Integer(), nullable=False),
        sa.Column("type_id", sa.Integer(), nullable=False),
        sa.Column("period_key", sa.String(length=40), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["issuing_body_id"],
            ["issuing_bodies.id"],
            name=op.f("fk_number_sequences_issuing_body_id_issuing_bodies"),
        ),
        sa.ForeignKeyConstraint(
            ["type_id"],
            ["document_types.id"],
            name=op.f("fk_number_sequences_type_id_document_types"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_number_sequences")),
        sa.UniqueConstraint(
            "issuing_body_id",
            "type_id",
            "period_key",
            name=op.f("uq_number_sequences_issuing_body_id_type_id_period_key"),
        ),
    )
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("short_name", sa.String(length=120), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=True),
        sa.Column("kind_id", sa.Integer(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("top_id", sa.Integer(), nullable=True),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("renamed_from_id", sa.Integer(), nullable=True),
        sa.Column("search_key", sa.String(length=600), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "parent_id IS NULL OR parent_id <> id", name=op.f("ck_organisations_not_own_parent")
        ),
        sa.CheckConstraint(
            "valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from",
            name=op.f("ck_organisations_valid_range"),
        ),
        sa.ForeignKeyConstraint(
            ["kind_id"], ["org_kinds.id"], name=op.f("fk_organisations_kind_id_org_kinds")
        ),
        sa.ForeignKeyConstraint(
            ["merged_into_id"],
            ["organisations.id"],
            name=op.f("fk_organisations_merged_into_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["organisations.id"],
            name=op.f("fk_organisations_parent_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["renamed_from_id"],
            ["organisations.id"],
            name=op.f("fk_organisations_renamed_from_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["top_id"], ["organisations.id"], name=op.f("fk_organisations_top_id_organisations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisations")),
        sa.UniqueConstraint("code", name=op.f("uq_organisations_code")),
    )
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisations_parent_id"), ["parent_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_organisations_search_key"), ["search_key"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_organisations_top_id"), ["top_id"], unique=False)

    op.create_table(
        "deadlines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("period", sa.String(length=40), nullable=False),
        sa.Column("depth", sa.Integer(), nullable=True),
        sa.Column("working_days", sa.Integer(), nullable=True),
        sa.Column("counted_from", sa.String(length=10), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "counted_from IS NULL OR counted_from IN ('issue', 'receipt')",
            name=op.f("ck_deadlines_counted_from"),
        ),
        sa.CheckConstraint(
            "working_days IS NULL OR working_days > 0",
            name=op.f("ck_deadlines_working_days_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_deadlines_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deadlines")),
    )
    with op.batch_alter_table("deadlines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deadlines_document_id"), ["document_id"], unique=False)

    op.create_table(
        "document_recipient_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_recipient_lines_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["org_groups.id"],
            name=op.f("fk_document_recipient_lines_group_id_org_groups"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_document_recipient_lines_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_recipient_lines")),
    )
    with op.batch_alter_table("document_recipient_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_document_recipient_lines_document_id"), ["document_id"], unique=False
        )

    op.create_table(
        "org_denominators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("party_cells", sa.Integer(), nullable=True),
        sa.Column("party_members", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "party_cells IS NULL OR party_cells >= 0", name=op.f("ck_org_denominators_cells_nonneg")
        ),
        sa.CheckConstraint(
            "party_members IS NULL OR party_members >= 0",
            name=op.f("ck_org_denominators_members_nonneg"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_org_denominators_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_denominators")),
        sa.UniqueConstraint(
            "organisation_id", "as_of", name=op.f("uq_org_denominators_organisation_id_as_of")
        ),
    )
    op.create_table(
        "org_group_members",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["org_groups.id"],
            name=op.f("fk_org_group_members_group_id_org_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_org_group_members_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("group_id", "organisation_id", name=op.f("pk_org_group_members")),
    )
    with op.batch_alter_table("org_group_members", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_org_group_members_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "org_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("short_name", sa.String(length=120), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("kind_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["kind_id"], ["org_kinds.id"], name=op.f("fk_org_history_kind_id_org_kinds")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_org_history_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["organisations.id"], name=op.f("fk_org_history_parent_id_organisations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_history")),
    )
    with op.batch_alter_table("org_history", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_org_history_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "outgoing_register",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("issuing_body_id", sa.Integer(), nullable=False),
        sa.Column("type_id", sa.Integer(), nullable=False),
        sa.Column("period_key", sa.String(length=40), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("symbol", sa.String(length=60), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=False),
        sa.Column("excerpt", sa.Text(), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_outgoing_register_document_id_documents"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["issuing_body_id"],
            ["issuing_bodies.id"],
            name=op.f("fk_outgoing_register_issuing_body_id_issuing_bodies"),
        ),
        sa.ForeignKeyConstraint(
            ["type_id"],
            ["document_types.id"],
            name=op.f("fk_outgoing_register_type_id_document_types"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outgoing_register")),
        sa.UniqueConstraint(
            "issuing_body_id",
            "type_id",
            "period_key",
            "number",
            name=op.f("uq_outgoing_register_issuing_body_id_type_id_period_key_number"),
        ),
    )
    op.create_table(
        "tracking",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("sent_date", sa.Date(), nullable=True),
        sa.Column("sent_channel", sa.String(length=20), nullable=False),
        sa.Column("received_date", sa.Date(), nullable=True),
        sa.Column("received_confirmed_by", sa.String(length=120), nullable=False),
        sa.Column("study_date", sa.Date(), nullable=True),
        sa.Column("study_end_date", sa.Date(), nullable=True),
        sa.Column("study_form", sa.String(length=20), nullable=False),
        sa.Column("study_sessions", sa.Integer(), nullable=True),
        sa.Column("cells_held", sa.Integer(), nullable=True),
        sa.Column("cells_total", sa.Integer(), nullable=True),
        sa.Column("members_attending", sa.Integer(), nullable=True),
        sa.Column("members_total", sa.Integer(), nullable=True),
        sa.Column("non_members", sa.Integer(), nullable=True),
        sa.Column("plan_number", sa.String(length=60), nullable=False),
        sa.Column("plan_date", sa.Date(), nullable=True),
        sa.Column("plan_status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "cells_held IS NULL OR cells_held >= 0", name=op.f("ck_tracking_cells_held_nonneg")
        ),
        sa.CheckConstraint(
            "cells_total IS NULL OR cells_total >= 0", name=op.f("ck_tracking_cells_total_nonneg")
        ),
        sa.CheckConstraint(
            "members_attending IS NULL OR members_attending >= 0",
            name=op.f("ck_tracking_members_nonneg"),
        ),
        sa.CheckConstraint(
            "members_total IS NULL OR members_total >= 0",
            name=op.f("ck_tracking_members_total_nonneg"),
        ),
        sa.CheckConstraint(
            "non_members IS NULL OR non_members >= 0", name=op.f("ck_tracking_non_members_nonneg")
        ),
        sa.CheckConstraint(
            "study_sessions IS NULL OR study_sessions >= 0",
            name=op.f("ck_tracking_sessions_nonneg"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_tracking_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_tracking_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracking")),
        sa.UniqueConstraint(
            "document_id", "organisation_id", name=op.f("uq_tracking_document_id_organisation_id")
        ),
    )
    with op.batch_alter_table("tracking", schema=None) as batch_op:
        batch_op.create_index(
            "ix_tracking_stats",
            [
                "document_id", "organisation_id", "received_date", "study_date", "plan_date",
                "plan_status", "cells_held", "cells_total", "members_attending", "members_total",
            ],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_tracking_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("tracking_id", sa.Integer(), nullable=True),
        sa.Column("rel_path", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("original_name", sa.String(length=300), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_attachments_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tracking_id"],
            ["tracking.id"],
            name=op.f("fk_attachments_tracking_id_tracking"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attachments_document_id"), ["document_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_attachments_tracking_id"), ["tracking_id"], unique=False
        )

    op.create_table(
        "reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tracking_id", sa.Integer(), nullable=False),
        sa.Column("sent_date", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("outgoing_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["outgoing_id"],
            ["outgoing_register.id"],
            name=op.f("fk_reminders_outgoing_id_outgoing_register"),
        ),
        sa.ForeignKeyConstraint(
            ["tracking_id"],
            ["tracking.id"],
            name=op.f("fk_reminders_tracking_id_tracking"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminders")),
    )
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reminders_tracking_id"), ["tracking_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reminders_outgoing_id"), ["outgoing_id"], unique=False)

    op.create_table(
        "tracking_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tracking_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("deadline_id", sa.Integer(), nullable=True),
        sa.Column("period", sa.String(length=40), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("report_date", sa.Date(), nullable=True),
        sa.Column("received_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deadline_id"],
            ["deadlines.id"],
            name=op.f("fk_tracking_reports_deadline_id_deadlines"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_tracking_reports_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tracking_id"],
            ["tracking.id"],
            name=op.f("fk_tracking_reports_tracking_id_tracking"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracking_reports")),
    )
    with op.batch_alter_table("tracking_reports", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tracking_reports_tracking_id"), ["tracking_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_tracking_reports_deadline_id"), ["deadline_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_tracking_reports_document_id"), ["document_id"], unique=False
        )
    _seed()


def downgrade() -> None:
    with op.batch_alter_table("tracking_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tracking_reports_document_id"))
        batch_op.drop_index(batch_op.f("ix_tracking_reports_deadline_id"))
        batch_op.drop_index(batch_op.f("ix_tracking_reports_tracking_id"))

    op.drop_table("tracking_reports")
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reminders_outgoing_id"))
        batch_op.drop_index(batch_op.f("ix_reminders_tracking_id"))

    op.drop_table("reminders")
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachments_tracking_id"))
        batch_op.drop_index(batch_op.f("ix_attachments_document_id"))

    op.drop_table("attachments")
    with op.batch_alter_table("tracking", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tracking_organisation_id"))
        batch_op.drop_index("ix_tracking_stats")

    op.drop_table("tracking")
    op.drop_table("outgoing_register")
    with op.batch_alter_table("org_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_org_history_organisation_id"))

    op.drop_table("org_history")
    with op.batch_alter_table("org_group_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_org_group_members_organisation_id"))

    op.drop_table("org_group_members")
    op.drop_table("org_denominators")
    with op.batch_alter_table("document_recipient_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_recipient_lines_document_id"))

    op.drop_table("document_recipient_lines")
    with op.batch_alter_table("deadlines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deadlines_document_id"))

    op.drop_table("deadlines")
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisations_top_id"))
        batch_op.drop_index(batch_op.f("ix_organisations_search_key"))
        batch_op.drop_index(batch_op.f("ix_organisations_parent_id"))

    op.drop_table("organisations")
    op.drop_table("number_sequences")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_parent_id"))
        batch_op.drop_index(batch_op.f("ix_documents_number_key"))
        batch_op.drop_index(batch_op.f("ix_documents_issue_date"))

    op.drop_table("documents")
    op.drop_table("settings")
    op.drop_table("calendar_days")
    op.drop_table("party_terms")
    op.drop_table("org_kinds")
    op.drop_table("org_groups")
    op.drop_table("issuing_bodies")
    op.drop_table("document_types")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))
        batch_op.drop_index("ix_audit_entity")

    op.drop_table("audit_log")
