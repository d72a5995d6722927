"""Helper process of ``test_kill``: imports everything once, then forks one writer per request.

stdin: one line per writer to start ("go RUN"); for each, stdout gets "pid N", then the writer's
"ok TAG" lines (printed and flushed after each commit returned), then "done" when the writer is
gone (killed by the test). Forking from a warm interpreter keeps a writer's start in
milliseconds, so hundreds of kills fit in a few seconds.
"""

from __future__ import annotations

import os
import sys

from desktop.services.database import Database
from desktop.store import models as m

ROWS_PER_TRANSACTION = 3


def writer(target: str, run: str) -> None:
    db = Database.open(target, actor="kill-test")
    i = 0
    while True:
        tag = f"{run}-{i}"
        with db.transaction() as s:
            for part in range(ROWS_PER_TRANSACTION):
                s.add(m.Organisation(name=f"K {tag} {part}", code=f"K{tag}-{part}"))
        sys.stdout.write(f"ok {tag}\n")
        sys.stdout.flush()
        i += 1


def warm_up() -> None:
    """Configure the mappers and fill the caches once, on a throw-away file, before forking."""
    import tempfile

    folder = tempfile.mkdtemp(prefix="theodoi-kill-")
    db = Database.open(os.path.join(folder, "warm.sqlite3"), actor="kill-test")
    with db.transaction() as s:
        s.add(m.Organisation(name="warm", code="warm"))
    db.close()


def main() -> None:
    target = sys.argv[1]
    warm_up()
    for line in sys.stdin:
        run = line.split()[1]
        pid = os.fork()
        if pid == 0:
            try:
                writer(target, run)
            finally:
                os._exit(1)
        sys.stdout.write(f"pid {pid}\n")
        sys.stdout.flush()
        os.waitpid(pid, 0)
        sys.stdout.write("done\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
