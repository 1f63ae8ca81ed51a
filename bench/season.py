"""POP season: a gemeente of 800 employees, 10 % of whom prepare their POP in the same hour.

    .venv/bin/python -m bench.season                  # 1, 2 and 3 Rasa servers, the hour compressed 18x and 36x
    .venv/bin/python -m bench.season --servers 2 --compress 12

Each of the 80 people starts at a random moment of the hour and sends 30-40 messages with 20-90 s of think
time in between: the POP questions, a look at what they filled in, a funding question, a pause and a resume,
sometimes a second learning goal, a download and a goodbye. The hour is compressed (18x: 200 seconds, about 13
messages per second on average; 36x: 100 seconds, about 27 per second) to find where the production layout
(HAProxy, PostgreSQL, Redis, N Rasa servers) saturates on this machine. Reported per run: completed interviews,
p50/p95 latency, errors and answers lost (compared with the database).
"""

from __future__ import annotations

import argparse
import random
import threading
import time
import uuid
from pathlib import Path

import requests
from sqlalchemy import func, select

from bench.common import FAILURE_REPLIES, percentile
from tests.helpers import POP

EMPLOYEES, SHARE, HOUR = 800, 0.10, 3600.0
THINK = (20.0, 90.0)  # seconds between two messages of one person, uncompressed
SECOND_GOAL = ["Ik wil beter leren plannen", "voor het einde van het jaar", "Mijn projecten lopen op tijd",
               "loopbaan", "Een cursus timemanagement"]


def script(rng: random.Random) -> list[str]:
    """One person's messages: the POP answers of tests/helpers.py with what people also do in between."""
    messages = [rng.choice(["hallo", "goedemorgen", "hoi"]), "/start_pop", "help"]
    for key, text in POP:
        if key == "doel_nog_een" and rng.random() < 0.5:
            messages += ["ja", *SECOND_GOAL]
        messages.append(text)
        if key == "pop_team":
            messages.append("wat heb ik tot nu toe ingevuld?")
        elif key == "pop_sterk":
            messages += ["ik moet even weg, ik ga later verder", "ga verder met mijn pop"]
        elif key == "pop_wens_loopbaan":
            messages.append("welke subsidies passen bij mij?")
        elif key == "pop_ambitie_kort" and rng.random() < 0.5:
            messages.append("wat is een POP eigenlijk?")
    messages += ["laat zien wat ik heb ingevuld", "download mijn pop als pdf", rng.choice(["bedankt!", "dank je wel"]),
                 "tot ziens"]
    return messages


def run(url: str, database_url: str, compress: float, seed: int = 7) -> dict:
    rng = random.Random(seed)
    people = int(EMPLOYEES * SHARE)
    hour = HOUR / compress
    prefix = f"season{uuid.uuid4().hex[:6]}"
    plans = [(f"{prefix}-{i}", rng.uniform(0, hour * 0.7), script(rng),
              [rng.uniform(*THINK) / compress for _ in range(60)]) for i in range(people)]
    latencies: list[float] = []
    errors = [0]
    finished: set[str] = set()
    lock = threading.Lock()
    started = time.monotonic()

    def person(sender: str, arrival: float, messages: list[str], thinks: list[float]) -> None:
        session = requests.Session()
        time.sleep(max(0.0, arrival - (time.monotonic() - started)))
        for n, text in enumerate(messages):
            if n:
                time.sleep(thinks[n % len(thinks)])
            t0 = time.perf_counter()
            try:
                response = session.post(url, json={"sender": sender, "message": text}, timeout=120)
                replies = response.json() if response.status_code == 200 else []
                ok = bool(replies) and not any(r.get("text") in FAILURE_REPLIES for r in replies)
                done = any("Klaar!" in (r.get("text") or "") for r in replies)
            except (requests.RequestException, ValueError):
                ok, done = False, False
            with lock:
                latencies.append(time.perf_counter() - t0)
                errors[0] += 0 if ok else 1
                if done:
                    finished.add(sender)

    threads = [threading.Thread(target=person, args=plan, daemon=True) for plan in plans]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    duration = time.monotonic() - started
    return {"compress": compress, "people": people, "messages": len(latencies),
            "offered_msg_per_s": round(sum(len(p[2]) for p in plans) / hour, 1),
            "seconds": round(duration, 1), "completed": len(finished), "errors": errors[0],
            "answers_lost": _lost(database_url, prefix, people),
            "p50_ms": round(percentile(latencies, 50) * 1000), "p95_ms": round(percentile(latencies, 95) * 1000),
            "p99_ms": round(percentile(latencies, 99) * 1000)}


def _lost(database_url: str, prefix: str, people: int) -> int:
    from bot.storage.db import session_scope
    from bot.storage.models import AnswerLog

    with session_scope(database_url) as s:
        stored = s.execute(select(func.count(func.distinct(AnswerLog.person_id + ":" + AnswerLog.question)))
                           .where(AnswerLog.person_id.like(f"{prefix}-%"))).scalar_one()
    return people * len({key for key, _ in POP}) - stored


def saturated(row: dict) -> bool:
    """Where the layout stops keeping up: p95 above 2 s, or any error."""
    return row["p95_ms"] > 2000 or row["errors"] > 0


def bench(servers: list[int], compressions: list[float], tmp: Path) -> list[dict]:
    import os

    from bot.settings import get_settings
    from bot.storage import db
    from ops import processes
    from ops.cli_admin import create_databases

    rows = []
    for n in servers:
        name = f"lk_season_{uuid.uuid4().hex[:6]}"
        os.environ.update({
            "LEERKOERS_MODE": "production", "LEERKOERS_VAR_DIR": str(tmp / f"season{n}"),
            "LEERKOERS_DATABASE_URL": f"postgresql://postgres@127.0.0.1:5432/{name}",
            "LEERKOERS_TRACKER_PG_DB": f"{name}_tracker", "LEERKOERS_REDIS_DB": "9",
            "LEERKOERS_RASA_PORT": str(processes.free_port()), "LEERKOERS_RASA_REPLICAS": str(n),
            "LEERKOERS_PUBLIC_PORT": str(processes.free_port()), "LEERKOERS_ACTION_PORT": str(processes.free_port()),
            "LEERKOERS_RATE_LIMIT": "100000"})
        os.environ.pop("LEERKOERS_ACTION_URL", None)
        settings = get_settings()
        for port in settings.rasa_ports:
            if processes.port_in_use(settings.host, port):
                raise RuntimeError(f"poort {port} is bezet")
        create_databases(settings)
        db.upgrade(settings.database_url)
        settings.var_dir.mkdir(parents=True, exist_ok=True)
        with open(settings.var_dir / "cluster.log", "w") as log:
            cluster = processes.start_cluster(settings, log=log)
            try:
                for compress in compressions:
                    row = {"servers": n, **run(cluster.webhook, settings.database_url, compress)}
                    rows.append(row)
                    print(f"  season {n} server(s), {compress:g}x: {row}", flush=True)
            finally:
                cluster.stop()
                db.dispose_all()
                _drop(name, f"{name}_tracker")
    return rows


def _drop(*names: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine("postgresql://postgres@127.0.0.1:5432/postgres", future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def print_table(rows: list[dict]) -> None:
    print("\n| Rasa servers | hour compressed | offered msg/s | messages | completed | p50 ms | p95 ms | errors "
          "| answers lost | keeps up |\n|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['servers']} | {r['compress']:g}× | {r['offered_msg_per_s']} | {r['messages']} | "
              f"{r['completed']}/{r['people']} | {r['p50_ms']} | {r['p95_ms']} | {r['errors']} | {r['answers_lost']} | "
              f"{'no' if saturated(r) else 'yes'} |")


def main() -> int:
    import json
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--servers", default="1,2,3")
    parser.add_argument("--compress", default="18,36")
    parser.add_argument("--json", default=None)
    args = parser.parse_args()
    rows = bench([int(x) for x in args.servers.split(",")], [float(x) for x in args.compress.split(",")],
                 Path(tempfile.mkdtemp(prefix="leerkoers-season-")))
    print_table(rows)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2))
    return 0 if all(r["answers_lost"] == 0 for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
