"""NLU quality on the held-out set (tests/nlu/): per-intent precision/recall/F1, confusion pairs, and how often
out-of-scope messages reach the fallback.

    .venv/bin/python -m bench.nlu_report [--model models/leerkoers.tar.gz] [--json results/nlu.json]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def held_out() -> list[tuple[str, str]]:
    data = yaml.safe_load((ROOT / "tests" / "nlu" / "heldout.yml").read_text(encoding="utf-8"))
    pairs = []
    for block in data["nlu"]:
        for line in block["examples"].splitlines():
            text = line.strip()[2:].strip() if line.strip().startswith("- ") else ""
            if text:
                pairs.append((re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text), block["intent"].split("/")[0]))
    return pairs


def out_of_scope() -> list[str]:
    lines = (ROOT / "tests" / "nlu" / "out_of_scope.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip()]


async def parse_all(model: Path, texts: list[str]) -> list[str]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    out = []
    for text in texts:
        result = await agent.parse_message(text)
        out.append((result.get("intent") or {}).get("name") or "")
    return out


def report(gold: list[str], predicted: list[str], oos_predicted: list[str]) -> dict:
    labels = sorted(set(gold))
    per_intent = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=False) if g == p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=False) if p == label and g != label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=False) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_intent[label] = {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
                             "support": tp + fn}
    confusions = collections.Counter((g, p) for g, p in zip(gold, predicted, strict=False) if g != p)
    fallback = sum(1 for p in oos_predicted if p == "nlu_fallback")
    handled = sum(1 for p in oos_predicted if p in ("nlu_fallback", "buiten_bereik"))
    return {
        "macro_f1": round(sum(v["f1"] for v in per_intent.values()) / len(per_intent), 3),
        "accuracy": round(sum(g == p for g, p in zip(gold, predicted, strict=False)) / len(gold), 3),
        "per_intent": per_intent,
        "confusions": [{"gold": g, "predicted": p, "count": n} for (g, p), n in confusions.most_common(15)],
        "oos_fallback_rate": round(fallback / len(oos_predicted), 3),
        "oos_fallback_or_out_of_scope_rate": round(handled / len(oos_predicted), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=str(ROOT / "models" / "leerkoers.tar.gz"))
    parser.add_argument("--json", default=None)
    args = parser.parse_args()
    pairs = held_out()
    oos = out_of_scope()
    predicted = asyncio.run(parse_all(Path(args.model), [t for t, _ in pairs] + oos))
    result = report([g for _, g in pairs], predicted[:len(pairs)], predicted[len(pairs):])
    print(f"\nheld-out examples: {len(pairs)}, out-of-scope: {len(oos)}")
    print(f"intent macro-F1: {result['macro_f1']}  accuracy: {result['accuracy']}")
    print(f"out-of-scope to fallback: {result['oos_fallback_rate']:.0%} "
          f"(fallback or 'buiten bereik': {result['oos_fallback_or_out_of_scope_rate']:.0%})\n")
    print("| intent | precision | recall | F1 | n |\n|---|---|---|---|---|")
    for label, v in sorted(result["per_intent"].items(), key=lambda kv: kv[1]["f1"]):
        print(f"| {label} | {v['precision']} | {v['recall']} | {v['f1']} | {v['support']} |")
    print("\nmost frequent confusions:")
    for c in result["confusions"]:
        print(f"  {c['gold']} -> {c['predicted']}: {c['count']}")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
