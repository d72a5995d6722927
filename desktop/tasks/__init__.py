"""Background work: one serialised worker thread for the database and a progress/cancel token.

Importing this package (the lowest layer that uses Qt) applies :mod:`desktop.tasks.pyside_guard`.
"""

from desktop.tasks.pyside_guard import protect_singletons

protect_singletons()
