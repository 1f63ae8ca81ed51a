"""Facts read from sentences (issue 41, item 4), measured on tests/nlu/facts.yml.

    make nlu-report          # also prints this score
    python -m bench.facts_report [--json results/facts.json]

Every sentence names the facts it states; a fact it does not name must not be read. A sentence counts as right
when every fact is read as stated and nothing else is read. Plain Python: no model is needed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from bot.dutch.facts import Facts, extract

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = ROOT / "tests" / "nlu" / "facts.yml"
FIELDS = ("sector", "employees", "age", "payer", "employer_refuses", "zzp")
MIN_SENTENCES_RIGHT = 0.90  # tests/unit/test_fact_sentences.py holds the same target


def sentences() -> list[dict]:
    return yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))["sentences"]


def expected(item: dict) -> dict[str, object]:
    return {f: item.get(f, False if f in ("employer_refuses", "zzp") else None) for f in FIELDS}


def read(facts: Facts) -> dict[str, object]:
    return {"sector": facts.sector, "employees": facts.employees, "age": facts.age, "payer": facts.payer,
            "employer_refuses": facts.employer_refuses, "zzp": "zzp" in facts.purposes}


def report() -> dict:
    wrong, per_field = [], {f: 0 for f in FIELDS}
    items = sentences()
    for item in items:
        want, got = expected(item), read(extract(item["text"]))
        misses = {f: (want[f], got[f]) for f in FIELDS if want[f] != got[f]}
        for f in misses:
            per_field[f] += 1
        if misses:
            wrong.append({"text": item["text"], "misses": {f: {"stated": w, "read": g} for f, (w, g) in misses.items()}})
    return {"sentences": len(items), "right": len(items) - len(wrong),
            "share_right": round((len(items) - len(wrong)) / len(items), 3),
            "field_accuracy": {f: round(1 - per_field[f] / len(items), 3) for f in FIELDS}, "wrong": wrong}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    result = report()
    print(f"Feitenzinnen: {result['right']} van {result['sentences']} helemaal goed ({result['share_right']:.0%}); "
          "per feit: " + ", ".join(f"{f} {a:.0%}" for f, a in result["field_accuracy"].items()))
    for miss in result["wrong"]:
        print(f"  - {miss['text'][:90]!r}: " + "; ".join(
            f"{f} gezegd {m['stated']!r}, gelezen {m['read']!r}" for f, m in miss["misses"].items()))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 1 if args.check and result["share_right"] < MIN_SENTENCES_RIGHT else 0


if __name__ == "__main__":
    sys.exit(main())
