import sys

from mcsp_rules.cli import main

sys.exit(main())
