"""Start and stop the action server and the Rasa server as child processes."""

from __future__ import annotations

import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.settings import PROJECT_ROOT, Settings, get_settings, process_environment

BIN = Path(sys.executable).parent


_HANDED_OUT: set[int] = set()


def _first_ephemeral_port() -> int:
    """The start of the range the system gives to outgoing connections (Linux: 32768)."""
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def _bindable(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port(count: int = 1) -> int:
    """A free port (the first of ``count`` in a row) for a server that tests or the demo start.

    Taken below the range of outgoing connections: a server binds its port only after loading its model
    (Rasa: 20 seconds), and a port from that range can meanwhile be taken by any client connection (to the
    database, to Redis, a readiness check), after which Sanic logs "Unable to start server" and exits with 0.
    """
    high = min(_first_ephemeral_port(), 65536) - count
    rng = random.Random()
    for _ in range(500):
        first = rng.randint(12000, max(high, 12001))
        ports = range(first, first + count)
        if not _HANDED_OUT.intersection(ports) and all(_bindable(p) for p in ports):
            _HANDED_OUT.update(ports)
            return first
    raise RuntimeError("geen vrije poort gevonden")


def port_in_use(host: str, port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex((host, port)) == 0


_GENERATED_SECRET: list[str] = []


def action_secret(settings: Settings) -> str:
    """The shared secret between the Rasa servers and the action server: configured, or one per launch."""
    if settings.action_secret:
        return settings.action_secret
    if not _GENERATED_SECRET:
        _GENERATED_SECRET.append(secrets.token_urlsafe(32))
    return _GENERATED_SECRET[0]


def runtime_env(settings: Settings, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = process_environment()
    env.update({
        "LEERKOERS_ACTION_URL": settings.action_url,
        "LEERKOERS_ACTION_SECRET": action_secret(settings),
        "LEERKOERS_ACTION_HOST": settings.action_host,
        "LEERKOERS_TRACKER_DB": settings.tracker_db,
        "LEERKOERS_DATABASE_URL": settings.database_url,
        "LEERKOERS_VAR_DIR": str(settings.var_dir),
        "LEERKOERS_CORS_ORIGINS": settings.cors_origins,
        "LEERKOERS_MODE": settings.mode,
        **settings.tracker_pg,
        **settings.redis,
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        # Sanic reads SANIC_* settings: a chat message is small; bigger bodies are refused before any parsing
        "SANIC_REQUEST_MAX_SIZE": str(256 * 1024),
        # no access log: the addresses of requests hold download links, and a client like rasa-webchat its token
        "SANIC_ACCESS_LOG": "False",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "PYTHONWARNINGS": "ignore",
    })
    env.update(extra or {})
    return env


def model_path(settings: Settings) -> Path:
    return settings.model_dir / "leerkoers.tar.gz"


def wait_for(url: str, proc: subprocess.Popen, timeout: float = 240.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"het proces stopte onverwacht (code {proc.returncode}) voordat {url} bereikbaar was")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} werd niet bereikbaar binnen {timeout:.0f} seconden")


@dataclass
class Servers:
    settings: Settings
    action: subprocess.Popen
    rasa: subprocess.Popen

    @property
    def rasa_url(self) -> str:
        return f"http://{self.settings.host}:{self.settings.rasa_port}"

    @property
    def webhook(self) -> str:
        return f"{self.rasa_url}/webhooks/rest/webhook"

    def stop(self) -> None:
        for proc in (self.rasa, self.action):
            stop_process(proc)


def stop_process(proc: subprocess.Popen, timeout: float = 20.0) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def action_command(settings: Settings) -> list[str]:
    return [str(BIN / "python"), "-m", "rasa_addons.action_server", "--port", str(settings.action_port),
            *(["--logging-config-file", "logging.prod.yml"] if settings.production else [])]


def start_action_server(settings: Settings, log=None, extra_env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(action_command(settings), cwd=PROJECT_ROOT, env=runtime_env(settings, extra_env),
                            stdout=log, stderr=subprocess.STDOUT if log else None, start_new_session=True)


def _cors_args(settings: Settings) -> list[str]:
    args = []
    for origin in settings.cors_origins.split(","):
        if origin.strip():
            args += ["--cors", origin.strip()]
    return args


def rasa_command(settings: Settings, port: int | None = None) -> list[str]:
    return [str(BIN / "python"), "-m", "rasa_addons.launcher", "run", "--model", str(model_path(settings)),
            "--port", str(port or settings.rasa_port),
            "--interface", settings.host, "--credentials", "credentials.yml", "--endpoints", settings.endpoints_file,
            *_cors_args(settings), *(["--logging-config-file", "logging.prod.yml"] if settings.production else [])]


def start_rasa_server(settings: Settings, log=None, extra_env: dict[str, str] | None = None,
                      port: int | None = None) -> subprocess.Popen:
    return subprocess.Popen(rasa_command(settings, port), cwd=PROJECT_ROOT, env=runtime_env(settings, extra_env),
                            stdout=log, stderr=subprocess.STDOUT if log else None, start_new_session=True)


def start_all(settings: Settings | None = None, log=None, extra_env: dict[str, str] | None = None) -> Servers:
    settings = settings or get_settings()
    # Both start at once: the Rasa server does not call the action server while it loads its model.
    action = start_action_server(settings, log, extra_env)
    rasa = start_rasa_server(settings, log, extra_env)
    try:
        wait_for(settings.action_url.rsplit("/", 1)[0] + "/health", action)
        wait_for(f"http://{settings.host}:{settings.rasa_port}/", rasa)
    except BaseException:
        stop_process(rasa)
        stop_process(action)
        raise
    return Servers(settings, action, rasa)


@contextmanager
def running(settings: Settings | None = None, log=None, extra_env: dict[str, str] | None = None) -> Iterator[Servers]:
    servers = start_all(settings, log, extra_env)
    try:
        yield servers
    finally:
        servers.stop()


@dataclass
class Cluster:
    """Production layout on one machine: action server, N Rasa servers and HAProxy in front."""

    settings: Settings
    action: subprocess.Popen
    rasas: list[subprocess.Popen]
    proxy: subprocess.Popen

    @property
    def url(self) -> str:
        return f"http://{self.settings.host}:{self.settings.public_port}"

    @property
    def webhook(self) -> str:
        return f"{self.url}/webhooks/rest/webhook"

    def rasa_url(self, index: int) -> str:
        return f"http://{self.settings.host}:{self.settings.rasa_ports[index]}"

    def stop(self) -> None:
        for proc in [self.proxy, *self.rasas, self.action]:
            stop_process(proc)

    def revive(self, log=None) -> list[str]:
        """Start again what stopped (as systemd's Restart=on-failure does); HAProxy lets it in once it is ready."""
        revived = []
        for i, proc in enumerate(self.rasas):
            if proc.poll() is not None:
                self.rasas[i] = start_rasa_server(self.settings, log, port=self.settings.rasa_ports[i])
                revived.append(f"Rasa-server {self.settings.rasa_ports[i]}")
        if self.action.poll() is not None:
            self.action = start_action_server(self.settings, log)
            revived.append("action server")
        return revived


def start_proxy(settings: Settings, log=None) -> subprocess.Popen:
    """HAProxy with the configuration of deploy/haproxy (ops/haproxy.py)."""
    from ops import haproxy

    return haproxy.start(settings, log)


def start_cluster(settings: Settings, log=None, extra_env: dict[str, str] | None = None) -> Cluster:
    action = start_action_server(settings, log, extra_env)
    rasas: list[subprocess.Popen] = []
    proxy = None
    try:
        rasas = [start_rasa_server(settings, log, extra_env, port=port) for port in settings.rasa_ports]
        wait_for(settings.action_url.rsplit("/", 1)[0] + "/health", action)
        for proc, port in zip(rasas, settings.rasa_ports, strict=False):
            wait_for(f"http://{settings.host}:{port}/", proc, timeout=400)
        proxy = start_proxy(settings, log)
        wait_for(f"http://{settings.host}:{settings.public_port}/proxy-health", proxy)
    except BaseException:
        for proc in [proxy, *rasas, action]:
            if proc is not None:
                stop_process(proc)
        raise
    return Cluster(settings, action, rasas, proxy)
