"""Composition root of the desktop application: ``theodoi`` and ``python -m desktop``.

Order of start-up: arguments, logging to a rotating file, QApplication, translators, the
database (opened and migrated; an error is shown in Vietnamese and the program exits with 1),
the task runner, then the main window with only its first page. Heavy modules (python-docx,
openpyxl, Alembic) are never imported here; start-up time is measured with the hidden option
``--quit-after-show`` (or ``THEODOI_QUIT_AFTER_SHOW=1``), which prints the milliseconds from
process start to the main window's first paint and exits with 0.
"""

from __future__ import annotations

import time

_MODULE_STARTED = time.perf_counter()

import argparse  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger("desktop")

QUIT_AFTER_SHOW_ENV = "THEODOI_QUIT_AFTER_SHOW"
LAUNCH_TIME_ENV = "THEODOI_LAUNCH_TIME"  # time.time() of the launch, set by a benchmark
EXIT_OK, EXIT_FAILED = 0, 1


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options; anything else (``-style fusion``…) is left for Qt."""
    parser = argparse.ArgumentParser(prog="theodoi", add_help=True,
                                     description="Theo dõi Chỉ thị")
    parser.add_argument("--db", metavar="TỆP_HOẶC_URL",
                        help="tệp SQLite hoặc postgresql+psycopg://… (mặc định: biến THEODOI_DB, "
                        "nếu không có thì tệp dữ liệu của người dùng)")
    parser.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--selftest", action="store_true",
                        help="tự kiểm tra bản cài đặt trong một thư mục tạm (không đụng tới "
                        "dữ liệu) rồi thoát: 0 là đạt")
    return parser.parse_known_args(list(argv))


def setup_logging() -> None:
    """Log to a rotating file in the data folder (stderr when that folder cannot be written)."""
    from logging.handlers import RotatingFileHandler

    from desktop import config

    root = logging.getLogger()
    if any(getattr(h, "_theodoi", False) for h in root.handlers):
        return
    handler: logging.Handler
    try:
        folder = config.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(folder / "theodoi.log", maxBytes=1_000_000, backupCount=5,
                                      encoding="utf-8", delay=True)
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._theodoi = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def process_age_ms() -> float:
    """Milliseconds since the process started (interpreter start-up included where possible)."""
    launch = os.environ.get(LAUNCH_TIME_ENV)
    if launch:
        try:
            return (time.time() - float(launch)) * 1000
        except ValueError:
            pass
    if sys.platform.startswith("linux"):
        try:
            with open("/proc/self/stat", encoding="ascii") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: start time
            return (time.clock_gettime(time.CLOCK_BOOTTIME) - started) * 1000
        except (OSError, ValueError, IndexError, AttributeError):
            pass
    return (time.perf_counter() - _MODULE_STARTED) * 1000


def _report_first_paint(app: QApplication, window: QWidget) -> None:
    """Print the time to the first paint of ``window``, then quit (for the start-up benchmark)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__(window)
            self.done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                QTimer.singleShot(0, self.report)  # after this paint has been completed
            return False

        def report(self) -> None:
            elapsed = process_age_ms()
            log.info("main window painted %.0f ms after process start", elapsed)
            if sys.stdout is not None:
                print(f"{elapsed:.0f}", flush=True)
            app.exit(EXIT_OK)

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    QTimer.singleShot(10_000, watcher.report)  # never hang a benchmark


def _install_excepthook(parent_of: Any) -> None:
    """An unexpected error in a slot is logged and explained; the program keeps running."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, tb: Any) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, value, tb)
            return
        log.error("unexpected error", exc_info=(kind, value, tb))
        try:
            from desktop.ui.dialogs import message

            message.show_exception(parent_of(), value)
        except Exception:  # the error dialog itself must never take the program down
            log.exception("could not show the error")

    sys.excepthook = hook


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.selftest:
        from desktop import selftest

        return selftest.run()
    quit_after_show = args.quit_after_show or os.environ.get(QUIT_AFTER_SHOW_ENV) == "1"
    setup_logging()

    from PySide6.QtWidgets import QApplication

    from desktop import config

    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    assert isinstance(app, QApplication)
    app.setOrganizationName(config.ORG_NAME)
    app.setApplicationName(config.APP_NAME)
    app.setApplicationDisplayName(config.APP_DISPLAY_NAME)

    from desktop.ui import i18n

    i18n.install(app, i18n.saved_language())

    from desktop.domain.errors import AppError
    from desktop.services.database import Database
    from desktop.ui.dialogs import message

    try:
        db = Database.open(args.db)
    except AppError as exc:
        log.warning("database not opened: %s", exc.message)
        message.error(None, exc.message)
        return EXIT_FAILED
    except Exception as exc:  # a bug or an unexpected driver error: explain, log, exit
        log.exception("database not opened")
        message.show_exception(None, exc)
        return EXIT_FAILED

    from desktop.tasks.runner import TaskRunner
    from desktop.ui.main_window import MainWindow

    runner = TaskRunner(error_handler=lambda exc, parent: message.show_exception(parent, exc))
    window = MainWindow(db, runner)
    _install_excepthook(lambda: QApplication.activeWindow() or window)
    window.show()
    if quit_after_show:
        _report_first_paint(app, window)
    log.info("started with %s", db.location)
    try:
        code = app.exec()
    finally:
        runner.shutdown()
        db.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
