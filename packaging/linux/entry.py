"""The bundle's entry script: what the `startpunt` console script runs."""

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
