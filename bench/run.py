"""Benchmark: simulated people completing the POP interview over the REST webhook.

    make bench                       # all levels: 1, 10, 50 and 100 concurrent conversations
    .venv/bin/python -m bench.run --levels 1,10 --skip-training

Measures, for the embedded default (SQLite, one Rasa server) and the production layout (PostgreSQL, Redis,
two Rasa servers behind one address), and for a minimal Rasa assistant (`rasa init`'s example bot) under the
same load: per-message latency p50/p95/p99, messages per second, errors and answers lost (compared with the
database); plus training time, start-up time and resident memory of each process. Prints a table and writes
results/bench-<time>.json so runs can be compared. Only traffic to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import FAILURE_REPLIES, percentile  # noqa: E402
from bot.settings import get_settings  # noqa: E402
from bot.storage import db  # noqa: E402
from ops import processes  # noqa: E402
from tests.helpers import POP  # noqa: E402

MINIMAL_MESSAGES = ["hi", "I am fine", "great", "yes", "bye"] * 4


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_level(url: str, users: int, script: list[str], prefix: str) -> dict:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()

    def person(i: int) -> None:
        nonlocal errors
        session = requests.Session()
        sender = f"{prefix}-{users}-{i}"
        for text in script:
            start = time.perf_counter()
            try:
                response = session.post(url, json={"sender": sender, "message": text}, timeout=120)
                replies = response.json() if response.status_code == 200 else []
                # An apology from the channel ("er ging iets mis", "te snel") is an error the person sees.
                ok = bool(replies) and not any(r.get("text") in FAILURE_REPLIES for r in replies)
            except requests.RequestException:
                ok = False
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                errors += 0 if ok else 1

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=users) as pool:
        list(pool.map(person, range(users)))
    duration = time.perf_counter() - started
    return {"users": users, "messages": len(latencies), "errors": errors, "seconds": round(duration, 2),
            "msg_per_s": round(len(latencies) / duration, 2), "p50_ms": round(percentile(latencies, 50) * 1000),
            "p95_ms": round(percentile(latencies, 95) * 1000), "p99_ms": round(percentile(latencies, 99) * 1000)}


def lost_answers(database_url: str, prefix: str, users: int) -> int:
    from sqlalchemy import func, select

    from bot.storage.db import session_scope
    from bot.storage.models import AnswerLog

    expected = users * len(POP)
    with session_scope(database_url) as s:
        stored = s.execute(select(func.count(func.distinct(AnswerLog.person_id + ":" + AnswerLog.question)))
                           .where(AnswerLog.person_id.like(f"{prefix}-{users}-%"))).scalar_one()
    return expected - stored


def pop_script() -> list[str]:
    return ["/start_pop"] + [text for _, text in POP]


def bench_layout(name: str, levels: list[int], env: dict[str, str], tmp: Path) -> dict:
    for key, value in env.items():
        os.environ[key] = value
    settings = get_settings()
    if settings.production:
        from ops.cli_admin import create_databases

        create_databases(settings)
    db.upgrade(settings.database_url)
    log = open(tmp / f"{name}.log", "w")
    started = time.perf_counter()
    if settings.production:
        cluster = processes.start_cluster(settings, log=log)
        url, procs = cluster.webhook, {"action": cluster.action, "proxy": cluster.proxy,
                                       **{f"rasa{i}": p for i, p in enumerate(cluster.rasas)}}
        stop = cluster.stop
    else:
        servers = processes.start_all(settings, log=log)
        url, procs, stop = servers.webhook, {"action": servers.action, "rasa": servers.rasa}, servers.stop
    first_answer(url)
    startup = time.perf_counter() - started
    result = {"layout": name, "startup_s": round(startup, 1), "levels": []}
    prefix = f"bench{uuid.uuid4().hex[:6]}"
    try:
        for users in levels:
            level = run_level(url, users, pop_script(), prefix)
            level["answers_lost"] = lost_answers(settings.database_url, prefix, users)
            result["levels"].append(level)
            print(f"  {name:<11} {users:>4} users: {level}", flush=True)
        result["rss_mb"] = {k: round(rss_mb(p.pid), 1) for k, p in procs.items()}
    finally:
        stop()
        log.close()
        db.dispose_all()
    return result


def bench_minimal(levels: list[int], tmp: Path, skip_training: bool) -> dict:
    """The same load against `rasa init`'s example assistant, on the same machine."""
    folder = tmp / "minimal"
    folder.mkdir(parents=True, exist_ok=True)  # rasa init wants an existing folder
    rasa = str(Path(sys.executable).parent / "rasa")
    subprocess.run([rasa, "init", "--no-prompt", "--init-dir", str(folder)], check=True, capture_output=True,
                   timeout=1200, cwd=folder)
    train_s = None
    if not skip_training:
        train_s = timed_training([rasa, "train", "--force", "--out", str(folder / "models")], folder, tmp / "cache-min")
    port = processes.free_port()
    model = sorted((folder / "models").glob("*.tar.gz"))[-1]
    started = time.perf_counter()
    log = open(tmp / "minimal.log", "w")
    proc = subprocess.Popen([rasa, "run", "--model", str(model), "--port", str(port), "--interface", "127.0.0.1"],
                            cwd=folder, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        processes.wait_for(f"http://127.0.0.1:{port}/", proc, timeout=400)
        url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
        first_answer(url, "hi")
        startup = time.perf_counter() - started
        result = {"layout": "minimal", "startup_s": round(startup, 1), "levels": []}
        if train_s is not None:
            result["train_s"] = train_s
        for users in levels:
            level = run_level(url, users, MINIMAL_MESSAGES, "min")
            result["levels"].append(level)
            print(f"  {'minimal':<11} {users:>4} users: {level}", flush=True)
        result["rss_mb"] = {"rasa": round(rss_mb(proc.pid), 1)}
        return result
    finally:
        processes.stop_process(proc)
        log.close()


def first_answer(url: str, text: str = "hallo") -> None:
    """Start-up ends when the first message is answered, as a person who opens the chat sees it."""
    response = requests.post(url, json={"sender": f"first-{uuid.uuid4().hex[:6]}", "message": text}, timeout=300)
    response.raise_for_status()


def timed_training(command: list[str], cwd: Path, cache: Path) -> float:
    """A full training as on a fresh clone: an empty Rasa training cache, so nothing is restored."""
    env = {**os.environ, "RASA_CACHE_DIRECTORY": str(cache)}
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=cwd, env=env, timeout=1800)
    return round(time.perf_counter() - started, 1)


def training_time(tmp: Path) -> float:
    return timed_training([str(Path(sys.executable).parent / "leerkoers"), "rasa", "train", "--force", "--domain", "domain",
                           "--out", str(tmp / "models")], ROOT, tmp / "cache")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--levels", default="1,10,50,100")
    parser.add_argument("--skip-training", action="store_true", help="do not measure training time")
    parser.add_argument("--skip-production", action="store_true")
    parser.add_argument("--skip-season", action="store_true", help="leave out the POP season (bench/season.py)")
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="leerkoers-bench-"))
    results: dict = {"time": time.strftime("%Y-%m-%d %H:%M:%S"), "levels": levels, "layouts": []}
    if not args.skip_training:
        results["train_s"] = training_time(tmp)
        print(f"training: {results['train_s']} s", flush=True)
    base = {"LEERKOERS_RATE_LIMIT": "100000", "LEERKOERS_ACTION_URL": ""}
    os.environ.pop("LEERKOERS_ACTION_URL", None)
    default_env = {**base, "LEERKOERS_MODE": "development", "LEERKOERS_VAR_DIR": str(tmp / "default"),
                   "LEERKOERS_DATABASE_URL": f"sqlite:///{tmp / 'default' / 'leerkoers.db'}",
                   "LEERKOERS_TRACKER_DB": str(tmp / "default" / "tracker.db"),
                   "LEERKOERS_RASA_PORT": str(processes.free_port()), "LEERKOERS_ACTION_PORT": str(processes.free_port())}
    os.environ.pop("LEERKOERS_ACTION_URL", None)
    results["layouts"].append(bench_layout("default", levels, {k: v for k, v in default_env.items() if v}, tmp))
    if not args.skip_production:
        name = f"lk_bench_{uuid.uuid4().hex[:6]}"
        base_port = processes.free_port()
        prod_env = {**base, "LEERKOERS_MODE": "production", "LEERKOERS_VAR_DIR": str(tmp / "prod"),
                    "LEERKOERS_DATABASE_URL": f"postgresql://postgres@127.0.0.1:5432/{name}",
                    "LEERKOERS_TRACKER_PG_DB": f"{name}_tracker", "LEERKOERS_REDIS_DB": "8",
                    "LEERKOERS_RASA_PORT": str(base_port), "LEERKOERS_RASA_REPLICAS": "2",
                    "LEERKOERS_PUBLIC_PORT": str(processes.free_port()),
                    "LEERKOERS_ACTION_PORT": str(processes.free_port())}
        results["layouts"].append(bench_layout("production", levels, {k: v for k, v in prod_env.items() if v}, tmp))
    results["layouts"].append(bench_minimal(levels, tmp, args.skip_training))
    if not args.skip_season:
        from bench import season

        results["season"] = season.bench([1, 2, 3], [18, 36], tmp)
    print_table(results)
    if results.get("season"):
        season.print_table(results["season"])
    out = ROOT / "results" / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print(f"\nresults written to {out}")
    lost = sum(level.get("answers_lost", 0) for layout in results["layouts"] for level in layout["levels"])
    lost += sum(row["answers_lost"] for row in results.get("season", []))
    errors = sum(level["errors"] for layout in results["layouts"] for level in layout["levels"])
    return 0 if lost == 0 and errors == 0 else 1


def print_table(results: dict) -> None:
    minimal = {lv["users"]: lv for lv in results["layouts"][-1]["levels"]}
    print("\n| layout | users | messages | msg/s | p50 ms | p95 ms | p99 ms | errors | answers lost | p95 / minimal |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for layout in results["layouts"]:
        for lv in layout["levels"]:
            ratio = lv["p95_ms"] / max(1, minimal.get(lv["users"], {}).get("p95_ms", 0) or 1)
            print(f"| {layout['layout']} | {lv['users']} | {lv['messages']} | {lv['msg_per_s']} | {lv['p50_ms']} | "
                  f"{lv['p95_ms']} | {lv['p99_ms']} | {lv['errors']} | {lv.get('answers_lost', '-')} | "
                  f"{ratio:.2f} |")
    print()
    for layout in results["layouts"]:
        extra = f", training {layout['train_s']} s" if "train_s" in layout else ""
        print(f"{layout['layout']}: start-up {layout['startup_s']} s{extra}, memory (MB) {layout.get('rss_mb')}")
    if "train_s" in results:
        print(f"Leerkoers model training: {results['train_s']} s")
    print("\n| measure (default layout vs minimal, same run) | Leerkoers | minimal | ratio | target | met |")
    print("|---|---|---|---|---|---|")
    for row in ratio_rows(results):
        print("| " + " | ".join(str(cell) for cell in row) + " |")


def ratio_rows(results: dict) -> list[tuple]:
    """The targets of the "Lean and fast" issue, each with its ratio to the minimal assistant."""
    ours, minimal = results["layouts"][0], results["layouts"][-1]
    at10 = {layout["layout"]: next((lv for lv in layout["levels"] if lv["users"] == 10), None)
            for layout in (ours, minimal)}
    rows = []

    def add(label, mine, theirs, target, ok):
        if mine is None or not theirs:
            return
        rows.append((label, mine, theirs, f"{mine / theirs:.2f}", target, "yes" if ok(mine, theirs) else "NO"))

    add("training (s)", results.get("train_s"), minimal.get("train_s"), "≤ 150 s", lambda m, _: m <= 150)
    add("start-up to a first answer (s)", ours["startup_s"], minimal["startup_s"], "≤ 20 s", lambda m, _: m <= 20)
    add("Rasa server memory (MB)", ours.get("rss_mb", {}).get("rasa"), minimal.get("rss_mb", {}).get("rasa"),
        "≤ 1.15×", lambda m, t: m <= 1.15 * t)
    if at10[ours["layout"]] and at10["minimal"]:
        mine, theirs = at10[ours["layout"]], at10["minimal"]
        add("messages per second, 10 users", mine["msg_per_s"], theirs["msg_per_s"], "≥ 0.8×",
            lambda m, t: m >= 0.8 * t)
        add("p95 latency, 10 users (ms)", mine["p95_ms"], theirs["p95_ms"], "≤ 1.2×", lambda m, t: m <= 1.2 * t)
    return rows


if __name__ == "__main__":
    sys.exit(main())
