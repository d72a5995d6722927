"""Small reusable widgets (search box, progress bars in table cells)."""
