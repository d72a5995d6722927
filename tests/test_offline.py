"""The program works offline: the test session refuses any connection to another machine
(tests/conftest.py), so a feature that reached for the network fails its own tests."""

from __future__ import annotations

import socket
import urllib.request

import pytest


def test_a_connection_to_another_machine_is_refused() -> None:
    # NetworkAccessError of tests/conftest.py (an AssertionError: the test fails)
    with pytest.raises(AssertionError, match="network access at run time"):
        urllib.request.urlopen("http://example.org/", timeout=2)
    with pytest.raises(AssertionError, match="network access at run time"):
        socket.create_connection(("192.0.2.10", 80), timeout=2)


def test_this_machine_stays_reachable() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    try:
        client = socket.create_connection(server.getsockname(), timeout=2)
        client.close()
    finally:
        server.close()
