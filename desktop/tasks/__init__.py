"""Background work: one serialised worker thread for the database and a progress/cancel token."""
