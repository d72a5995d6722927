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
import gc  # noqa: E402
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


def freeze_startup_heap() -> None:
    """Keep the objects made at start-up (modules, SQLAlchemy, the Qt wrappers: several
    hundred thousand) out of every later full garbage collection.

    Such a collection walks the whole heap while holding the interpreter lock, whichever
    thread sets it off: measured, a 65-70 ms stall of the GUI thread in the middle of undoing
    a 5,000-row bulk edit on the worker (the longest in the grid benchmark); frozen, 23 ms.
    ``gc.freeze`` only moves the objects to a permanent generation (constant time); what start-up
    leaves behind lives as long as the program anyway.
    """
    gc.freeze()


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


class RedactingFormatter(logging.Formatter):
    """Log lines without record contents: an exception is logged as its type and stack frames
    (its message can quote a name the clerk typed, and SQL errors carry their parameters);
    arguments that are exceptions become their type; the message boxes' texts are withheld."""

    _WITHHELD_LOGGERS = ("desktop.ui.dialogs.message",)

    def format(self, record: logging.LogRecord) -> str:
        record = logging.makeLogRecord(record.__dict__)  # never alter what other handlers see
        record.exc_text = None
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            if record.name in self._WITHHELD_LOGGERS:
                record.args = tuple("…" for _ in args)
            else:
                record.args = tuple(
                    type(a).__name__ if isinstance(a, BaseException) else a for a in args
                )
        return super().format(record)

    def formatException(self, ei: Any) -> str:  # noqa: N802 - logging's name
        import traceback

        _kind, value, tb = ei
        lines = ["Traceback (messages withheld: they may quote record contents):"]
        for frame in traceback.extract_tb(tb):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
        chain, seen = value, set()
        while chain is not None and id(chain) not in seen:
            seen.add(id(chain))
            lines.append(f"{type(chain).__module__}.{type(chain).__qualname__}")
            chain = chain.__cause__ or chain.__context__
        return "\n".join(lines)


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
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
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
            from desktop.ui.dialogs.crash_dialog import show_crash

            show_crash(parent_of(), value)
        except Exception:  # the error dialog itself must never take the program down
            log.exception("could not show the error")

    sys.excepthook = hook


def _check_before_open(target: str | None) -> bool:
    """Sweep our temporary files; check a SQLite file read-only before anything writes to it.

    A damaged file is never opened for writing: the clerk is offered the newest good backup
    (the damaged file is then kept aside, renamed with the time). Returns False to exit.
    """
    from desktop.domain.errors import AppError
    from desktop.services import integrity
    from desktop.store.engine import resolve_url, sqlite_path

    try:
        path = sqlite_path(resolve_url(target))
    except AppError:
        return True  # Database.open explains it
    if path is None or not path.exists():
        return True
    quick = path.stat().st_size <= integrity.QUICK_LIMIT_BYTES
    results, elapsed = _timed(lambda: integrity.check_file(path, quick=quick))
    log.info("start-up check in %.0f ms (%s)", elapsed, "full" if quick else "header")
    problems = [r for r in results if not r.ok]
    if not problems:
        return True
    return _offer_recovery(path, problems)


def _timed(fn: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = fn()
    return result, (time.perf_counter() - started) * 1000


def _offer_recovery(path: Any, problems: list[Any], parent: Any = None) -> bool:
    """Ask to restore the newest good backup; True when the database was restored."""
    from PySide6.QtCore import QCoreApplication

    from desktop.domain.errors import AppError
    from desktop.services import backup, integrity
    from desktop.ui.dialogs import message

    log.warning("database damaged: %s", "; ".join(p.name for p in problems))
    folder = backup.backup_folder_of_file(path)
    newest = backup.newest_good_backup(folder, path.stem)
    text = integrity.damaged_message(path, problems)
    if newest is None:
        message.error(parent, text, informative=QCoreApplication.translate(
            "Recovery", "No good backup was found in {folder}. The file was left as it is; "
            "ask the person who supports the program for help.").format(folder=str(folder)))
        return False
    answer = message.question(parent, text, informative=QCoreApplication.translate(
        "Recovery", "Restore the newest good backup, {name}? The damaged file is kept aside "
        "under a new name.").format(name=newest.name))
    if answer != message.Button.Yes:
        return False
    try:
        result = backup.restore_file(path, newest, folder=folder)
    except AppError as exc:
        message.error(parent, exc.message)
        return False
    message.information(parent, QCoreApplication.translate(
        "Recovery", "The data was restored from {name}. The damaged file was kept as {aside}."
    ).format(name=newest.name, aside=str(result.previous)))
    return True


class _Safety:
    """The GUI side of data safety: read-only notice, background check, automatic backups."""

    def __init__(self, app: Any, window: Any, db: Any, runner: Any) -> None:
        from PySide6.QtCore import QCoreApplication, QTimer
        from PySide6.QtWidgets import QLabel

        from desktop.services import backup

        self.window, self.db, self.runner = window, db, runner
        translate = QCoreApplication.translate
        self.status = QLabel()
        window.statusBar().addPermanentWidget(self.status)
        if db.read_only:
            self.show_read_only()
        self.timer = QTimer(window)
        self.timer.setInterval(int(backup.AUTO_INTERVAL.total_seconds() * 1000))
        self.timer.timeout.connect(self.auto_backup)
        if not db.read_only:
            self.timer.start()
        if db.location_warning:
            from desktop.ui.dialogs import message

            QTimer.singleShot(0, lambda: message.warning(window, db.location_warning))
        self._translate = translate

    def show_read_only(self) -> None:
        from PySide6.QtCore import QCoreApplication

        self.status.setText(QCoreApplication.translate("Safety", "Read-only"))
        self.status.setToolTip(self.db.read_only_message())
        self.window.statusBar().showMessage(self.db.read_only_message())

    def check_in_background(self, path: Any) -> None:
        """A large file: quick_check on a thread of its own, on its own read-only connection,
        while writes wait for it. Not on the TaskRunner: the first page's reads go on at
        once instead of queueing behind a check of a few seconds; closing the program
        interrupts the check (:meth:`on_exit`)."""
        import threading

        from PySide6.QtCore import QObject, Signal

        from desktop.services import integrity

        class _Bridge(QObject):
            done = Signal(object)

        self._bridge = _Bridge(self.window)
        self._bridge.done.connect(self._check_finished)
        self._cancel = threading.Event()
        cancel, bridge = self._cancel, self._bridge

        def work() -> None:
            try:
                results: Any = integrity.check_file(path, cancel=cancel)
            except Exception as exc:  # reported in the GUI thread
                results = exc
            if not cancel.is_set():
                bridge.done.emit(results)

        self.db.hold_writes()
        self._check_thread = threading.Thread(target=work, name="theodoi-start-check",
                                              daemon=True)
        self._check_thread.start()

    def _check_finished(self, results: Any) -> None:
        if isinstance(results, BaseException):
            log.warning("start-up check failed: %s", type(results).__name__)
            self.db.release_writes()
            return
        self._checked(results)

    def _checked(self, results: list[Any]) -> None:
        problems = [r for r in results if not r.ok]
        self.db.release_writes(damaged=bool(problems))
        if problems:
            self.timer.stop()
            self.show_read_only()
            from desktop.services import integrity
            from desktop.ui.dialogs import message

            message.error(self.window, integrity.damaged_message(self.db_path(), problems))

    def db_path(self) -> Any:
        from desktop.store.engine import sqlite_path

        return sqlite_path(self.db.engine.url.render_as_string(hide_password=False))

    def auto_backup(self) -> None:
        from desktop.services import backup

        self.runner.run(lambda _state: backup.backup_if_changed(self.db, "auto"),
                        on_error=self._backup_failed, show_progress=False, label="backup")

    def _backup_failed(self, exc: BaseException) -> None:
        from desktop.domain.errors import AppError

        log.warning("automatic backup failed: %s", type(exc).__name__)
        text = exc.message if isinstance(exc, AppError) else str(type(exc).__name__)
        self.window.statusBar().showMessage(text, 60_000)

    def stop_check(self) -> None:
        """Interrupt a start-up check still running (the program is closing)."""
        thread = getattr(self, "_check_thread", None)
        if thread is not None and thread.is_alive():
            self._cancel.set()
            thread.join(timeout=2)

    def on_exit(self) -> None:
        from desktop.domain.errors import AppError
        from desktop.services import backup

        self.timer.stop()
        if getattr(self, "_check_thread", None) is not None and self._check_thread.is_alive():
            return  # not checked yet: no backup of a file that may be damaged
        if self.db.read_only:
            return
        try:
            backup.backup_if_changed(self.db, "exit")
        except AppError as exc:
            log.warning("backup on exit failed: %s", type(exc).__name__)


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

    if not _check_before_open(args.db):
        return EXIT_FAILED
    try:
        db = Database.open(args.db)
    except AppError as exc:
        log.warning("database not opened: %s", type(exc).__name__)
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
    safety = _Safety(app, window, db, runner)
    _sweep_temporary_files(db)
    path = safety.db_path()
    if path is not None and not db.read_only:
        from desktop.services import integrity

        if path.stat().st_size > integrity.QUICK_LIMIT_BYTES:
            safety.check_in_background(path)
    window.show()
    freeze_startup_heap()
    if quit_after_show:
        _report_first_paint(app, window)
    log.info("started with %s", db.location)
    try:
        code = app.exec()
    finally:
        safety.stop_check()
        runner.shutdown()
        if not quit_after_show:
            safety.on_exit()
        db.close()
    return code


def _sweep_temporary_files(db: Any) -> None:
    """Temporary files of a killed program (our prefix), once this program holds the file."""
    if db.read_only:
        return
    from desktop import config
    from desktop.services import backup

    path = db.location
    folders = [config.data_dir()]
    from pathlib import Path

    if Path(path).is_file():
        folders += [Path(path).parent, Path(path).parent / "backups"]
    try:
        folders.append(backup.backup_folder(db))
    except Exception:  # a damaged settings table must not stop the start
        log.warning("backup folder unknown at start")
    removed = backup.sweep_temporary_files(*dict.fromkeys(folders))
    if removed:
        log.info("removed %d temporary files left by a previous run", removed)


if __name__ == "__main__":
    sys.exit(main())
