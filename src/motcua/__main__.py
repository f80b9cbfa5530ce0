"""``python -m motcua``: run the command line."""

import sys

from motcua.cli import main

sys.exit(main())
