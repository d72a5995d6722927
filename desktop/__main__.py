"""``python -m desktop``: start the desktop application."""

import sys

from desktop.app import main

sys.exit(main())
