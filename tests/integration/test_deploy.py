"""The deployment files in deploy/: systemd units that systemd accepts, a HAProxy configuration HAProxy accepts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from bot.settings import PROJECT_ROOT, get_settings
from ops import haproxy

DEPLOY = PROJECT_ROOT / "deploy"


def test_systemd_units_are_valid_and_call_commands_that_exist(tmp_path):
    systemd_analyze = shutil.which("systemd-analyze")
    if systemd_analyze is None:
        pytest.fail("systemd-analyze is needed to check deploy/systemd (Debian: systemd)")
    env = tmp_path / "leerkoers.env"
    env.write_text((DEPLOY / "systemd" / "leerkoers.env.example").read_text())
    units = []
    for unit in sorted((DEPLOY / "systemd").iterdir()):
        if unit.suffix not in (".service", ".timer", ".target"):
            continue
        text = unit.read_text()
        for command in re.findall(r"^ExecStart=/opt/leerkoers/\.venv/bin/leerkoers (.+)$", text, re.M):
            args = command.replace("%i", "5005").split()
            help_run = subprocess.run([sys.executable, "-m", "ops.cli", *args[:1], "--help"], capture_output=True)
            assert help_run.returncode == 0, f"{unit.name}: 'leerkoers {args[0]}' does not exist"
        # the real paths of this checkout, so that systemd can check the programs exist
        text = text.replace("/opt/leerkoers", str(PROJECT_ROOT)).replace("/etc/leerkoers/leerkoers.env", str(env))
        text = text.replace("User=leerkoers", "User=root")
        name = unit.name.replace("@.service", "@5005.service")
        (tmp_path / name).write_text(text)
        units.append(name)
    assert {"leerkoers-rasa@5005.service", "leerkoers-actions.service", "leerkoers-backup.timer"} <= set(units)
    result = subprocess.run([systemd_analyze, "verify", "--man=no", *units], cwd=tmp_path, capture_output=True,
                            text=True)
    problems = [line for line in result.stderr.splitlines() if str(tmp_path) in line or "leerkoers" in line]
    assert result.returncode == 0 and not problems, result.stderr


def test_serve_refuses_to_start_without_the_shared_action_secret(monkeypatch):
    monkeypatch.delenv("LEERKOERS_ACTION_SECRET", raising=False)
    from ops import cli

    assert cli.main(["serve", "actions"]) == 2


@pytest.mark.parametrize("servers", [1, 3])
def test_the_haproxy_configuration_is_accepted(tmp_path, monkeypatch, servers):
    monkeypatch.setenv("LEERKOERS_MODE", "production")
    monkeypatch.setenv("LEERKOERS_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("LEERKOERS_RASA_REPLICAS", str(servers))
    path = haproxy.write(get_settings())  # runs `haproxy -c`
    text = path.read_text()
    assert len(re.findall(r"^\s+server rasa\d ", text, re.M)) == 2 * servers
    assert "${" not in text and "balance hash var(txn.who)" in text
    for code in (413, 502, 503, 504):
        body = (DEPLOY / "haproxy" / f"{code}.http").read_bytes()
        assert body.startswith(f"HTTP/1.1 {code} ".encode()) and b"\r\n\r\n[{\"text\": " in body


def test_a_bad_configuration_is_refused_before_start(tmp_path, monkeypatch):
    monkeypatch.setenv("LEERKOERS_VAR_DIR", str(tmp_path))
    monkeypatch.setattr(haproxy, "render", lambda settings: "frontend x\n    bind :notaport\n")
    with pytest.raises(RuntimeError, match="ongeldig"):
        haproxy.write(get_settings())


def test_the_kubernetes_example_parses_and_calls_commands_that_exist():
    import yaml

    docs = [d for d in yaml.safe_load_all((DEPLOY / "kubernetes" / "leerkoers.yaml").read_text()) if d]
    commands = []
    for doc in docs:
        spec = doc.get("spec", {})
        pod = spec.get("template", {}).get("spec", {})
        commands += [c["command"] for c in pod.get("containers", []) if "command" in c]
    assert len(commands) == 3
    for command in commands:
        assert command[0] == "/opt/leerkoers/.venv/bin/leerkoers"
        assert subprocess.run([sys.executable, "-m", "ops.cli", command[1], "--help"], capture_output=True).returncode == 0
