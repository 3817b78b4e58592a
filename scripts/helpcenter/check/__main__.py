import sys

from helpcenter.check.cli import main

sys.exit(main())
