"""Entry point of the frozen console program (``theodoi-cli.exe``)."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
