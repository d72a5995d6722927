"""Qt item models over the services' DTOs (each one passes pytest-qt's ``qtmodeltester``)."""
