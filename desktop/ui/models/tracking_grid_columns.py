"""The tracking grid's columns: what each shows, what an edit of it writes, and the text of a cell.

:func:`tracking_columns` is the table, in the grid's order; :func:`display` is a cell's text as
painted (dates and numbers formatted, enums by label, the organisation indented by depth) and
:func:`edit_text` the text an editor opens with, which :class:`Column`'s ``field`` takes back.
Kept apart from :class:`~desktop.ui.models.tracking_grid_model.TrackingGridModel` so the model
is only about rows (fetching, caching, blocks, editing). The headers keep the
``TrackingGridModel`` translation context.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.dates import format_date
from desktop.domain.enums import Channel, PlanStatus, ReportStatus, StudyForm
from desktop.domain.numbers import format_int, format_percent
from desktop.services.tracking_grid import TrackingRowDTO


@dataclass(frozen=True, slots=True)
class Column:
    """``key``: the DTO attribute shown; ``field``: what an edit writes (``report.x`` for the
    latest report's field, ``""`` read-only); ``kind``: date | int | enum | text | computed."""

    key: str
    header: str
    field: str
    kind: str
    sort_key: str
    enum: type | None = None


def tracking_columns() -> tuple[Column, ...]:
    """The grid's columns, in order (headers translated when called)."""
    return (
        Column(
            "org_name",
            QCoreApplication.translate("TrackingGridModel", "Organisation"),
            "",
            "computed",
            "org",
        ),
        Column(
            "group_name",
            QCoreApplication.translate("TrackingGridModel", "Group"),
            "",
            "computed",
            "top",
        ),
        Column(
            "sent_date",
            QCoreApplication.translate("TrackingGridModel", "Sent on"),
            "sent_date",
            "date",
            "sent_date",
        ),
        Column(
            "sent_channel",
            QCoreApplication.translate("TrackingGridModel", "Sent by"),
            "sent_channel",
            "enum",
            "sent_channel",
            Channel,
        ),
        Column(
            "received_date",
            QCoreApplication.translate("TrackingGridModel", "Received on"),
            "received_date",
            "date",
            "received_date",
        ),
        Column(
            "study_date",
            QCoreApplication.translate("TrackingGridModel", "Studied on"),
            "study_date",
            "date",
            "study_date",
        ),
        Column(
            "study_form",
            QCoreApplication.translate("TrackingGridModel", "Form"),
            "study_form",
            "enum",
            "study_form",
            StudyForm,
        ),
        Column(
            "study_sessions",
            QCoreApplication.translate("TrackingGridModel", "Sessions"),
            "study_sessions",
            "int",
            "study_sessions",
        ),
        Column(
            "cells_held",
            QCoreApplication.translate("TrackingGridModel", "Cells held"),
            "cells_held",
            "int",
            "cells_held",
        ),
        Column(
            "cells_total",
            QCoreApplication.translate("TrackingGridModel", "Cells total"),
            "cells_total",
            "int",
            "cells_total",
        ),
        Column(
            "members_attending",
            QCoreApplication.translate("TrackingGridModel", "Members attending"),
            "members_attending",
            "int",
            "members_attending",
        ),
        Column(
            "members_total",
            QCoreApplication.translate("TrackingGridModel", "Members total"),
            "members_total",
            "int",
            "members_total",
        ),
        Column(
            "members_percent",
            QCoreApplication.translate("TrackingGridModel", "%"),
            "",
            "computed",
            "members_percent",
        ),
        Column(
            "non_members",
            QCoreApplication.translate("TrackingGridModel", "Non-members"),
            "non_members",
            "int",
            "non_members",
        ),
        Column(
            "plan_number",
            QCoreApplication.translate("TrackingGridModel", "Plan no."),
            "plan_number",
            "text",
            "plan_number",
        ),
        Column(
            "plan_date",
            QCoreApplication.translate("TrackingGridModel", "Plan date"),
            "plan_date",
            "date",
            "plan_date",
        ),
        Column(
            "plan_status",
            QCoreApplication.translate("TrackingGridModel", "Plan status"),
            "plan_status",
            "enum",
            "plan_status",
            PlanStatus,
        ),
        Column(
            "report_number",
            QCoreApplication.translate("TrackingGridModel", "Report no."),
            "report.number",
            "text",
            "report_number",
        ),
        Column(
            "report_received_date",
            QCoreApplication.translate("TrackingGridModel", "Report received"),
            "report.received_date",
            "date",
            "report_received_date",
        ),
        Column(
            "report_status",
            QCoreApplication.translate("TrackingGridModel", "Report"),
            "report.status",
            "enum",
            "report_status",
            ReportStatus,
        ),
        Column(
            "status_label",
            QCoreApplication.translate("TrackingGridModel", "Status"),
            "",
            "computed",
            "status",
        ),
        Column(
            "days_overdue",
            QCoreApplication.translate("TrackingGridModel", "Days overdue"),
            "",
            "computed",
            "days_overdue",
        ),
        Column(
            "note", QCoreApplication.translate("TrackingGridModel", "Note"), "note", "text", "note"
        ),
    )


def _value(dto: TrackingRowDTO, key: str) -> Any:
    if key == "members_percent":
        return dto.members_percent
    return getattr(dto, key)


def display(dto: TrackingRowDTO, column: Column) -> str:
    value = _value(dto, column.key)
    if value is None or value == "":
        return ""
    if column.key == "members_percent":
        return format_percent(value)
    if column.key == "days_overdue":
        return format_int(value) if value else ""
    if column.key == "org_name":
        return "    " * max(0, dto.depth - 1) + value
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, int):
        return format_int(value)
    if column.enum is not None:
        try:
            return column.enum(value).label  # type: ignore[misc]
        except ValueError:
            return str(value)
    return str(value)


def edit_text(dto: TrackingRowDTO, column: Column) -> str:
    value = _value(dto, column.key)
    if value is None:
        return ""
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, int) and column.kind == "int":
        return str(value)
    return str(value)
