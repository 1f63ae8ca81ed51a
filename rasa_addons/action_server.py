"""The action server, closed: loopback by default, and every call must carry the shared secret.

Rasa's own `python -m rasa_sdk` listens on 0.0.0.0 and runs any action for anyone who can reach it, for any
conversation id. Here the Rasa servers send the secret in the header `X-Leerkoers-Action-Secret`
(endpoints.yml); a call without it gets 401 and runs nothing. Errors never echo the request (it holds what
people typed). Only `/health` is open, and says nothing but "ok".

    python -m rasa_addons.action_server --port 5055      # LEERKOERS_ACTION_SECRET and _HOST from the environment
"""

from __future__ import annotations

import argparse
import hmac
import logging
import sys

from rasa_sdk import utils
from rasa_sdk.endpoint import create_app as rasa_sdk_app
from sanic import Sanic, response
from sanic.request import Request

from bot.dutch import scope
from bot.settings import ACTION_SECRET_HEADER, get_settings

logger = logging.getLogger(__name__)
OPEN_PATHS = ("/health",)


def create_app(secret: str) -> Sanic:
    if not secret:
        raise ValueError("the action server needs a secret (LEERKOERS_ACTION_SECRET)")
    app = rasa_sdk_app("actions", cors_origins=None)
    app.config.REQUEST_MAX_SIZE = 2 * 1024 * 1024  # a tracker, not an upload

    @app.on_request
    async def authenticate(request: Request):
        if request.path in OPEN_PATHS:
            return None
        given = request.headers.get(ACTION_SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            logger.warning("action server: call without the right secret refused (%s)", request.path)
            return response.json({"error": "niet toegestaan"}, status=401)
        return None

    async def quiet_errors(request: Request, exception: Exception):
        status = getattr(exception, "status_code", 500)
        if status >= 500:
            logger.error("action failed: %s", type(exception).__name__)
        return response.json({"error": "de actie is mislukt"}, status=status)

    app.error_handler.add(Exception, quiet_errors)
    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--logging-config-file", default=None)
    args = parser.parse_args(argv)
    settings = get_settings()
    if not settings.action_secret:
        print("LEERKOERS_ACTION_SECRET ontbreekt: start de actieserver met `leerkoers run`, of zet een geheim "
              "dat ook in de omgeving van de Rasa-servers staat.", file=sys.stderr)
        return 2
    utils.configure_file_logging(logging.getLogger("rasa_sdk"), None, logging.INFO, args.logging_config_file)
    logging.basicConfig(level=logging.INFO)
    app = create_app(settings.action_secret)
    scope.warm_up()  # facts are read from sentences' parses (bot/dutch/scope.py)
    port = args.port or settings.action_port
    logger.info("action server on %s:%s (secret required)", settings.action_host, port)
    app.run(settings.action_host, port, workers=1, access_log=False, motd=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
