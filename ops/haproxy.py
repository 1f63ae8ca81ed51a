"""HAProxy in front of the Rasa servers: the configuration of deploy/haproxy, rendered and started.

The production layout on one machine (`make run-prod`, the production tests and `make bench`) runs Debian's
HAProxy with the configuration in `deploy/haproxy/haproxy.cfg.template`: one conversation per server (a hash on
the token's subject), sticky socket.io sessions, health checks on the readiness endpoint, fail-over, a body
size limit. See docs/production.md.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from string import Template

from bot.settings import PROJECT_ROOT, Settings

TEMPLATE = PROJECT_ROOT / "deploy" / "haproxy" / "haproxy.cfg.template"
MAX_BODY = 256 * 1024  # the same limit as the Rasa servers' SANIC_REQUEST_MAX_SIZE


def executable() -> str:
    found = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin:/usr/local/sbin")
    if not found:
        raise RuntimeError("HAProxy ontbreekt. Installeer het (Debian: sudo apt-get install haproxy) of gebruik "
                           "'make run-prod', dat het installeert wanneer het als root draait.")
    return found


def render(settings: Settings, servers: list[tuple[str, int]] | None = None) -> str:
    """The configuration for these Rasa servers (host, port); by default those of ``settings``."""
    servers = servers or [(settings.host, port) for port in settings.rasa_ports]
    rasa = "\n".join(f"    server rasa{i} {host}:{port} check" for i, (host, port) in enumerate(servers, 1))
    sockets = "\n".join(f"    server rasa{i} {host}:{port} check cookie r{i}" for i, (host, port) in enumerate(servers, 1))
    text = Template(TEMPLATE.read_text(encoding="utf-8")).safe_substitute(
        bind=f"{settings.host}:{settings.public_port}", max_body=str(MAX_BODY),
        errors=str(TEMPLATE.parent), stats_socket=str(stats_socket(settings)),
        rasa_servers=rasa, socket_servers=sockets)
    return text


def stats_socket(settings: Settings) -> Path:
    return settings.var_dir / "haproxy.sock"


def write(settings: Settings) -> Path:
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    path = settings.var_dir / "haproxy.cfg"
    path.write_text(render(settings), encoding="utf-8")
    check = subprocess.run([executable(), "-c", "-q", "-f", str(path)], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError(f"De HAProxy-configuratie is ongeldig: {check.stderr.strip() or check.stdout.strip()}")
    return path


def start(settings: Settings, log=None) -> subprocess.Popen:
    """HAProxy in the foreground (-db), as a child process of this one."""
    path = write(settings)
    return subprocess.Popen([executable(), "-db", "-f", str(path)], cwd=PROJECT_ROOT, stdout=log,
                            stderr=subprocess.STDOUT if log else None, start_new_session=True)


def command(settings: Settings, line: str) -> str:
    """One command on HAProxy's runtime API, for example ``show servers state rasa``."""
    import socket

    with socket.socket(socket.AF_UNIX) as s:
        s.settimeout(5)
        s.connect(str(stats_socket(settings)))
        s.sendall(line.encode() + b"\n")
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks).decode()
