#!/usr/bin/env bash
# Model quality side by side: icp's classifier against the pandas + scikit-learn pipeline of
# ../shared/bench/sklearn_baseline.py, on the same train/test splits, held-out AUC and AUPRC.
# usage (from the project root): tests/quality/compare-sklearn.sh [SPLIT-NAME-FILTER]
# needs: apt-get install -y python3-sklearn python3-pandas   (uses /usr/bin/python3)
set -euo pipefail
bench=${BENCH:-../shared/bench}
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
dotnet build -c Release pipeline/IcpScoring.Cli -v q -nologo >/dev/null
icp="dotnet pipeline/IcpScoring.Cli/bin/Release/net10.0/icp.dll"
py=/usr/bin/python3

# Splits: the shipped labeled prospects 80/20 (seeded), and the benchmark generator's data.
$py - "$w" <<'PY'
import csv, random, sys
w = sys.argv[1]
rows = list(csv.reader(open('data-samples/labeled/prospects.csv', encoding='utf-8')))
head, data = rows[0], rows[1:]
idx = list(range(len(data))); random.Random(7).shuffle(idx)
cut = int(len(data) * 0.8)
for name, part in (('ds-train.csv', idx[:cut]), ('ds-test.csv', idx[cut:])):
    with open(f'{w}/{name}', 'w', newline='', encoding='utf-8') as f:
        out = csv.writer(f); out.writerow(head); [out.writerow(data[i]) for i in part]
PY
$py "$bench/gen_export.py" labeled 20000 "$w/g0-train.csv" --seed 2 --noise 0
$py "$bench/gen_export.py" labeled 5000 "$w/g0-test.csv" --seed 3 --noise 0
$py "$bench/gen_export.py" labeled 20000 "$w/gn-train.csv" --seed 2
$py "$bench/gen_export.py" labeled 5000 "$w/gn-test.csv" --seed 3
$py "$bench/gen_export.py" labeled 400 "$w/gs-train.csv" --seed 4
# Real-looking job titles, titles only, three tasks (tests/quality/titles/gen_titles.py).
$py tests/quality/titles/gen_titles.py "$w/titles" --seed 17 --rows 500

printf '%-46s %7s %7s   %7s %7s   %s\n' "train -> test" "icp AUC" "sk AUC" "icp AP" "sk AP" "icp trainer"
only=${1:-}
run() { # name train test
  [[ -z "$only" || "$1" == *"$only"* ]] || return 0
  local m="$w/models-$1"
  $icp train "$2" --models-dir "$m" --promote always --json >"$w/train.json"
  $icp evaluate "$3" --models-dir "$m" --json >"$w/eval.json"
  local sk; sk=$($py "$bench/sklearn_baseline.py" "$2" - - --eval "$3" 2>&1 | sed -n 's/^heldout AUC \([0-9.]*\) AUPRC \([0-9.]*\)/\1 \2/p')
  $py - "$w/eval.json" "$w/train.json" "$1" $sk <<'PY'
import json, sys
e = json.load(open(sys.argv[1])); t = json.load(open(sys.argv[2]))
name, sk_auc, sk_ap = sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
ok = "ok" if e["auc"] >= sk_auc and e["auprc"] >= sk_ap else "BEHIND"
print(f'{name:<46} {e["auc"]:7.4f} {sk_auc:7.4f}   {e["auprc"]:7.4f} {sk_ap:7.4f}   {t["trainer"]} {ok}')
PY
}
run "samples 2,400 -> 600 (3% noise)" "$w/ds-train.csv" "$w/ds-test.csv"
run "samples small 300 -> 600" data-samples/labeled/prospects-small.csv "$w/ds-test.csv"
run "gen_export 20,000 -> 5,000 --noise 0" "$w/g0-train.csv" "$w/g0-test.csv"
run "gen_export 20,000 -> 5,000 (4% noise)" "$w/gn-train.csv" "$w/gn-test.csv"
run "gen_export 400 -> 5,000 (4% noise)" "$w/gs-train.csv" "$w/gn-test.csv"
run "titles: marketing/sales buyer 500 -> 500" "$w/titles/buyer-train.csv" "$w/titles/buyer-test.csv"
run "titles: senior decision-maker 500 -> 500" "$w/titles/senior-train.csv" "$w/titles/senior-test.csv"
run "titles: finance function 500 -> 500" "$w/titles/finance-train.csv" "$w/titles/finance-test.csv"
