"""Entry point of the frozen `haichi-desktop` window program (desktop.app), built without a console."""

import os
import sys

# A windowed Windows program has no console: give print() and tracebacks somewhere harmless to go.
if sys.stdout is None:
    sys.stdout = open(os.devnull, "w", encoding="utf-8")
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w", encoding="utf-8")

from desktop.app import main  # noqa: E402 - after the streams exist

if __name__ == "__main__":
    sys.exit(main())
