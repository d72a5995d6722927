"""Pure-Python domain layer: value objects, validation and Vietnamese text helpers (no Qt)."""
