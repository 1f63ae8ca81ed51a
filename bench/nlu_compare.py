"""Training NLU pipelines to choose one: Rasa's k-fold cross-validation on data/nlu and the comparison of pipeline
variants of docs/nlu.md (`make nlu-compare`); the held-out scores come from bench/nlu_report.py."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from bench.nlu_report import MODEL, ROOT, evaluate, print_report, write_json


def train_nlu(config: Path, out: Path, name: str) -> tuple[Path, float]:
    started = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "rasa"), "train", "nlu", "--config", str(config),
                    "--nlu", str(ROOT / "data" / "nlu"), "--out", str(out), "--fixed-model-name", name],
                   check=True, capture_output=True, cwd=ROOT, timeout=3600)
    return out / f"{name}.tar.gz", time.perf_counter() - started


def cross_validation(folds: int, work: Path) -> dict:
    """Rasa's own k-fold cross-validation of the intent classifier on data/nlu."""
    out = work / "cv"
    config = work / "config-cv.yml"
    base = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    config.write_text(yaml.safe_dump(_pipeline(base, "huidig"), allow_unicode=True), encoding="utf-8")
    subprocess.run([str(Path(sys.executable).parent / "rasa"), "test", "nlu", "--nlu", str(ROOT / "data" / "nlu"),
                    "--config", str(config), "--cross-validation", "--folds", str(folds),
                    "--out", str(out), "--no-plot"], check=True, capture_output=True, cwd=ROOT, timeout=7200)
    report = json.loads(next(out.rglob("intent_report.json")).read_text())
    per_intent = {k: round(v["f1-score"], 3) for k, v in report.items() if isinstance(v, dict) and "support" in v
                  and k not in ("micro avg", "macro avg", "weighted avg")}
    return {"folds": folds, "macro_f1": round(report["macro avg"]["f1-score"], 3),
            "accuracy": round(report.get("accuracy", report.get("micro avg", {}).get("f1-score", 0.0)), 3),
            "weakest": sorted(per_intent.items(), key=lambda kv: kv[1])[:5]}


def _pipeline(config: dict, change: str) -> dict:
    """A variant of config.yml's pipeline, for the comparison and the cross-validation.

    Without the ResponseSelector: it only picks the answer within the faq intent, is the same in every variant,
    and would double the training time of each run.
    """
    config = json.loads(json.dumps(config))
    config["pipeline"] = [s for s in config["pipeline"] if s["name"] != "ResponseSelector"]
    steps = config["pipeline"]
    diet = next(s for s in steps if s["name"] == "DIETClassifier")
    if change == "zonder spaCy":
        steps[:] = [{"name": "WhitespaceTokenizer"}] + [s for s in steps if not s["name"].startswith("Spacy")]
    elif change == "DIET van vroeger (2 x 256, 80 epochs)":
        for key in ("number_of_transformer_layers", "transformer_size", "entity_recognition"):
            diet.pop(key, None)
        diet["epochs"] = 80
    elif change == "DIET zonder transformer (50 epochs)":
        diet.update(number_of_transformer_layers=0, epochs=50)
    elif change in ("DIET 20 epochs", "DIET 35 epochs", "DIET 90 epochs"):
        diet["epochs"] = int(change.split()[1])
    elif change == "fallback bij 0.45":
        next(s for s in steps if s["name"] == "FallbackClassifier")["threshold"] = 0.45
    elif change == "met woordparen":
        next(s for s in steps if s["name"] == "CountVectorsFeaturizer" and "analyzer" not in s)["max_ngram"] = 2
    elif change == "logistische regressie in plaats van DIET":
        steps[steps.index(diet)] = {"name": "LogisticRegressionClassifier", "max_iter": 1000}
    return config


VARIANTS = ["huidig (config.yml)", "DIET 35 epochs", "DIET 90 epochs", "fallback bij 0.45", "zonder spaCy",
            "DIET van vroeger (2 x 256, 80 epochs)", "DIET zonder transformer (50 epochs)", "DIET 20 epochs",
            "logistische regressie in plaats van DIET"]


def compare(work: Path) -> list[dict]:
    base = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    rows = []
    for i, variant in enumerate(VARIANTS):
        config = work / f"config-{i}.yml"
        config.write_text(yaml.safe_dump(_pipeline(base, variant), allow_unicode=True), encoding="utf-8")
        model, seconds = train_nlu(config, work / "models", f"variant-{i}")
        result = evaluate(model)
        rows.append({"variant": variant, "train_s": round(seconds, 1),
                     "model_mb": round(model.stat().st_size / 1e6, 1), "macro_f1": result["macro_f1"],
                     "min_intent_f1": min(v["f1"] for v in result["per_intent"].values()),
                     "voices_f1": result["voices"]["macro_f1"],
                     "fallback": result["in_scope_fallback"]["rate"],
                     "voices_fallback": result["voices"]["in_scope_fallback"]["rate"],
                     "out_of_scope": result["out_of_scope"]["fallback_rate"],
                     "entity_f1": result["entities"]["f1"], "parse_ms": result["parse_ms"]["mean"]})
        print(f"  {variant}: {rows[-1]}", flush=True)
    return rows


def print_comparison(rows: list[dict]) -> None:
    print("\n| pipeline | macro-F1 | laagste intent-F1 | fallback | stemmen macro-F1 | stemmen fallback | "
          "buiten bereik -> fallback | entiteit-F1 | training (s) | model (MB) | parse (ms) |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['variant']} | {r['macro_f1']} | {r['min_intent_f1']} | {r['fallback']:.1%} | {r['voices_f1']} | "
              f"{r['voices_fallback']:.1%} | {r['out_of_scope']:.0%} | {r['entity_f1']} | {r['train_s']} | "
              f"{r['model_mb']} | {r['parse_ms']} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=str(MODEL))
    parser.add_argument("--json", default=None, help="also write the results to this file")
    parser.add_argument("--cross-validation", type=int, default=5, metavar="FOLDS")
    args = parser.parse_args()
    output: dict = {"held_out": evaluate(Path(args.model))}
    print_report(output["held_out"])
    work = Path(tempfile.mkdtemp(prefix="leerkoers-nlu-"))
    try:
        print(f"\n{args.cross_validation}-fold cross-validation on data/nlu (trains {args.cross_validation} "
              "models)...", flush=True)
        output["cross_validation"] = cv = cross_validation(args.cross_validation, work)
        print(f"cross-validation intent macro-F1: {cv['macro_f1']}  accuracy: {cv['accuracy']}  "
              f"weakest: {cv['weakest']}")
        print("\ncomparing pipelines (each is trained once)...", flush=True)
        output["comparison"] = compare(work)
        print_comparison(output["comparison"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    write_json(args.json, output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
