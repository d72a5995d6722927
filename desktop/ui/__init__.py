"""The Qt user interface: the main window shell, its pages, dialogs, item models and widgets.

Nothing here opens a database session: widgets call services and get plain DTOs back, and long
work goes through :mod:`desktop.tasks.runner`. Importing this package applies
:mod:`desktop.tasks.pyside_guard` (a workaround for a PySide6 6.12.0 bug on Python 3.11).
"""

from desktop.tasks.pyside_guard import protect_singletons

protect_singletons()
