"""The Qt user interface: the main window shell, its pages, dialogs, item models and widgets.

Nothing here opens a database session: widgets call services and get plain DTOs back, and long
work goes through :mod:`desktop.tasks.runner`.
"""
