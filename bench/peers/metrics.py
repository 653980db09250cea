#!/usr/bin/env python3
"""Accuracy and macro-F1 of sentiment predictions against a labelled TSV file.

  metrics.py score [--binary] GOLD.tsv PRED_DIR   -> one result row per system
  metrics.py table RESULTS.tsv                    -> the comparison table
  metrics.py from-json < SCORES.jsonl > PRED.tsv  -> `vigie score --json` lines
                                                     as label<TAB>compound

GOLD.tsv: text in the first column, label in the last (negative / neutral /
positive, or 0 / 1). PRED_DIR holds one SYSTEM.tsv per system with one
"label<TAB>score" line per non-empty gold line, the contract of `vigie score`.

3-class (default): the predicted label is the first column; accuracy and
macro-F1 over negative / neutral / positive.
--binary: gold neutral rows are skipped; the prediction is the sign of the
score (second column); a score of 0 is counted wrong. Macro-F1 over negative /
positive (a 0 counts as a miss for its gold class).

Result rows (tab-separated): file, mode, system, rows, accuracy, macro_f1.
The system named "vigie" is compared with every other system of its file.
from-json keeps the compound's full precision: the 4 decimals of the plain
`vigie score` output would turn a compound of -0.00004 into a wrong "0".
"""
import json
import os
import sys

GOLD_ALIASES = {"0": "negative", "1": "positive"}
CLASSES_3 = ("negative", "neutral", "positive")
CLASSES_2 = ("negative", "positive")


def read_gold(path):
    labels = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            label = line.split("\t")[-1].strip()
            labels.append(GOLD_ALIASES.get(label, label))
    return labels


def read_predictions(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 2:
                sys.exit(f"{path}:{n}:1: expected label<TAB>score")
            rows.append((cols[0], float(cols[1])))
    return rows


def sign_label(score):
    if score > 0:
        return "positive"
    if score < 0:
        return "negative"
    return None


def evaluate(gold, preds, binary):
    classes = CLASSES_2 if binary else CLASSES_3
    pairs = []
    for g, (label, score) in zip(gold, preds):
        if binary:
            if g == "neutral":
                continue
            pairs.append((g, sign_label(score)))
        else:
            pairs.append((g, label))
    correct = sum(1 for g, p in pairs if g == p)
    f1s = []
    for c in classes:
        tp = sum(1 for g, p in pairs if g == c and p == c)
        fp = sum(1 for g, p in pairs if g != c and p == c)
        fn = sum(1 for g, p in pairs if g == c and p != c)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * precision * recall / (precision + recall)
                   if precision + recall else 0.0)
    n = len(pairs)
    return n, (correct / n if n else 0.0), sum(f1s) / len(f1s)


def cmd_score(args):
    binary = False
    if args and args[0] == "--binary":
        binary = True
        args = args[1:]
    if len(args) != 2:
        sys.exit("usage: metrics.py score [--binary] GOLD.tsv PRED_DIR")
    gold_path, pred_dir = args
    gold = read_gold(gold_path)
    for label in set(gold):
        if label not in CLASSES_3:
            sys.exit(f"{gold_path}: unknown label '{label}'")
    systems = sorted(f[:-4] for f in os.listdir(pred_dir) if f.endswith(".tsv"))
    if not systems:
        sys.exit(f"{pred_dir}: no SYSTEM.tsv prediction file")
    for system in systems:
        path = os.path.join(pred_dir, system + ".tsv")
        preds = read_predictions(path)
        if len(preds) != len(gold):
            sys.exit(f"{path}: {len(preds)} predictions for {len(gold)} gold rows")
        n, acc, f1 = evaluate(gold, preds, binary)
        print("\t".join([os.path.basename(gold_path),
                         "binary" if binary else "3-class", system, str(n),
                         f"{acc:.3f}", f"{f1:.3f}"]))


def cmd_table(args):
    if len(args) != 1:
        sys.exit("usage: metrics.py table RESULTS.tsv")
    files = {}
    with open(args[0], encoding="utf-8") as f:
        for line in f:
            name, mode, system, n, acc, f1 = line.rstrip("\n").split("\t")
            files.setdefault(name, (mode, n, []))[2].append(
                (system, float(acc), float(f1)))
    print(f"{'file':<28} {'mode':<8} {'rows':>5} {'system':<10} "
          f"{'accuracy':>8} {'macro-F1':>8}")
    verdicts = []
    for name, (mode, n, rows) in files.items():
        rows.sort(key=lambda r: (r[0] != "vigie", r[0]))
        for system, acc, f1 in rows:
            f1_text = f"{f1:8.3f}" if mode == "3-class" else f"{'-':>8}"
            print(f"{name:<28} {mode:<8} {n:>5} {system:<10} {acc:8.3f} {f1_text}")
        vigie = [r for r in rows if r[0] == "vigie"]
        peers = [r for r in rows if r[0] != "vigie"]
        if not vigie or not peers:
            continue
        _, v_acc, v_f1 = vigie[0]
        best_acc = max(peers, key=lambda r: r[1])
        checks = [("accuracy", v_acc, best_acc[1], best_acc[0])]
        if mode == "3-class":
            best_f1 = max(peers, key=lambda r: r[2])
            checks.append(("macro-F1", v_f1, best_f1[2], best_f1[0]))
        beats = all(v > best for _, v, best, _ in checks)
        verdicts.append(beats)
        detail = "; ".join(
            f"{what} {v:.3f} vs best peer {best:.3f} ({who}): "
            f"{'above' if v > best else 'NOT above'}"
            for what, v, best, who in checks)
        print(f"  {name}: vigie {'beats' if beats else 'does NOT beat'} "
              f"every peer ({detail})")
    if verdicts:
        print(f"vigie beats every peer on {sum(verdicts)} of {len(verdicts)} files")


def cmd_from_json(args):
    if args:
        sys.exit("usage: metrics.py from-json < SCORES.jsonl > PRED.tsv")
    for n, line in enumerate(sys.stdin, 1):
        try:
            row = json.loads(line)
            print(f"{row['label']}\t{float(row['compound'])!r}")
        except (ValueError, KeyError, TypeError) as err:
            sys.exit(f"<stdin>:{n}:1: not a vigie score --json line ({err})")


COMMANDS = {"score": cmd_score, "table": cmd_table, "from-json": cmd_from_json}


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
