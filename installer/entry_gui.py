"""Entry point of the frozen window program (``theodoi.exe``)."""

import sys

from desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
