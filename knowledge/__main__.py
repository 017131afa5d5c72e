import signal
import sys

from .cli import main

# Piping into `head` must end quietly, not with a traceback.
if hasattr(signal, "SIGPIPE"):
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
sys.exit(main())
