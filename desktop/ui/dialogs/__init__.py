"""Dialogs of the application, and the one wrapper every message box goes through."""
