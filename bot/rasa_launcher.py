"""Start Rasa's command line, keeping a --logging-config-file in force.

Rasa 3.6 applies the logging file and then always installs its coloured console logging on top of it, so the
structured (JSON) production logs would be lost. This launcher turns only that last step off when a logging
configuration file is given; everything else is Rasa's own `rasa` command.
"""

from __future__ import annotations

import sys


def main() -> None:
    if "--logging-config-file" in sys.argv:
        import rasa.utils.io

        rasa.utils.io.configure_colored_logging = lambda *_args, **_kwargs: None
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
