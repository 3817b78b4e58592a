"""`python -m helpcenter.bench`: see helpcenter.bench.run."""

import sys

from helpcenter.bench.run import main

sys.exit(main())
