"""The pages of the main window, each created the first time the clerk visits it."""
