"""`python -m helpcenter.build`, which `scripts/build` runs."""

import sys

from helpcenter.build.site import main

sys.exit(main())
