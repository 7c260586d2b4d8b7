import sys

from citex.cli.main import main

sys.exit(main())
