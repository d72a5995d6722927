"""The workflow columns shared by the statistics tables: labels, values and cell texts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from desktop.domain.numbers import format_int, format_percent, percent
from desktop.services.dto import StageCounts


@dataclass(frozen=True, slots=True)
class StageColumn:
    """One statistics column: its header, its part and the total it is a share of."""

    key: str
    part: Callable[[StageCounts], int]
    total: Callable[[StageCounts], int]
    alarm: bool = False  # a non-zero value is bad news (shown in red)

    @property
    def title(self) -> str:
        return stage_title(self.key)

    @property
    def short_title(self) -> str:
        """For narrow tables (the full title goes in the tooltip)."""
        return stage_short_title(self.key)

    def count_text(self, counts: StageCounts) -> str:
        return format_int(self.part(counts))

    def ratio_text(self, counts: StageCounts) -> str:
        """"35.599 (99,16%)"; just the count when there is no total."""
        part, total = self.part(counts), self.total(counts)
        share = percent(part, total)
        if share is None or self.key == "recipients":
            return format_int(part)
        return f"{format_int(part)} ({format_percent(share)})"

    def fraction(self, counts: StageCounts) -> float | None:
        share = percent(self.part(counts), self.total(counts))
        return None if share is None else share / 100


def stage_title(key: str) -> str:
    titles = {
        "recipients": QCoreApplication.translate("StageColumns", "Recipients"),
        "received": QCoreApplication.translate("StageColumns", "Received"),
        "discussed": QCoreApplication.translate("StageColumns", "Studied"),
        "planned": QCoreApplication.translate("StageColumns", "Planned"),
        "reported": QCoreApplication.translate("StageColumns", "Reported"),
        "overdue": QCoreApplication.translate("StageColumns", "Overdue"),
        "cells": QCoreApplication.translate("StageColumns", "Party cells studied"),
        "members": QCoreApplication.translate("StageColumns", "Members attending"),
    }
    return titles[key]


def stage_short_title(key: str) -> str:
    titles = {
        "recipients": QCoreApplication.translate("StageColumns", "Recipients", "short"),
        "received": QCoreApplication.translate("StageColumns", "Received", "short"),
        "discussed": QCoreApplication.translate("StageColumns", "Studied", "short"),
        "planned": QCoreApplication.translate("StageColumns", "Planned", "short"),
        "reported": QCoreApplication.translate("StageColumns", "Reported", "short"),
        "overdue": QCoreApplication.translate("StageColumns", "Overdue", "short"),
        "cells": QCoreApplication.translate("StageColumns", "Party cells studied", "short"),
        "members": QCoreApplication.translate("StageColumns", "Members attending", "short"),
    }
    return titles[key]


def _recipients(c: StageCounts) -> int:
    return c.recipients


STAGES: tuple[StageColumn, ...] = (
    StageColumn("recipients", _recipients, _recipients),
    StageColumn("received", lambda c: c.received, _recipients),
    StageColumn("discussed", lambda c: c.discussed, _recipients),
    StageColumn("planned", lambda c: c.planned, _recipients),
    StageColumn("reported", lambda c: c.reported, lambda c: c.must_report or c.recipients),
    StageColumn("overdue", lambda c: c.overdue, _recipients, alarm=True),
)
ATTENDANCE: tuple[StageColumn, ...] = (
    StageColumn("cells", lambda c: c.cells_held, lambda c: c.cells_total),
    StageColumn("members", lambda c: c.members_attending, lambda c: c.members_total),
)
