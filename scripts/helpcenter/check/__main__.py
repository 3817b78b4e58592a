"""`python -m helpcenter.check`, which `scripts/check` runs: see helpcenter.check.cli."""

import sys

from helpcenter.check.cli import main

sys.exit(main())
