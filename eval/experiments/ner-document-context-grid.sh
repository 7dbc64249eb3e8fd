#!/usr/bin/env bash
# Chooses the document-context weight and threshold of the English name finder on CoNLL-2003 dev, for the
# models of one ablation configuration (eval/experiments/ner-ablation.sh, default "vec-gaz", the shipped one):
# every setting of the grid is scored on dev for each seed, the best dev mean is chosen, and only then are
# the chosen setting and the shipped one (weight 4, threshold 0.9) scored on test. Writes
# eval/results/ner-document-context-grid.md.
#
# Usage (from the repository root): eval/experiments/ner-document-context-grid.sh
# Environment: SEQNLP (the command, default ./seqnlp), WORK (the ablation's models, default
#   work-dir/ner-ablation), CONFIG, SEEDS (default "42 7 11"), WEIGHTS, THRESHOLDS; SEQNLP_DATA.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

data="${SEQNLP_DATA:-../shared/data}"
work="${WORK:-work-dir/ner-ablation}"
config="${CONFIG:-vec-gaz}"
seeds="${SEEDS:-42 7 11}"
weights="${WEIGHTS:-2 3 4 5 6 8}"
thresholds="${THRESHOLDS:-0.8 0.9 0.95}"
read -r -a seqnlp <<<"${SEQNLP:-./seqnlp}"
dev="$data/ner/conll2003/dev.txt"
test="$data/ner/conll2003/test.txt"
output=eval/results/ner-document-context-grid.md
for seed in $seeds; do
  [[ -f "$work/$config-$seed.bin" ]] || { echo "ner-document-context-grid: missing $work/$config-$seed.bin" >&2; exit 1; }
done

# The overall F1 of one model at one setting on one set, cached beside the model.
score() {
  local seed="$1" weight="$2" threshold="$3" set="$4" file
  file="$work/$config-$seed.ctx-$weight-$threshold.$(basename "$set" .txt).score"
  if [[ ! -f "$file" ]]; then
    "${seqnlp[@]}" eval-ner --model "$work/$config-$seed.bin" --test "$set" --document-context "$weight" \
      --document-threshold "$threshold" | awk '$1 == "overall" { print $4 }' >"$file.tmp"
    [[ -s "$file.tmp" ]] || { echo "ner-document-context-grid: no overall F1 for $file" >&2; exit 1; }
    mv "$file.tmp" "$file"
  fi
  cat "$file"
}

mean() { awk '{ s += $1 } END { printf "%.2f", s / NR }'; }

rows=() best="" best_mean=-1
for weight in $weights; do
  for threshold in $thresholds; do
    scores=()
    for seed in $seeds; do scores+=("$(score "$seed" "$weight" "$threshold" "$dev")"); done
    m="$(printf '%s\n' "${scores[@]}" | mean)"
    rows+=("| $weight | $threshold | $m | ${scores[*]} |")
    if awk -v a="$m" -v b="$best_mean" 'BEGIN { exit !(a > b) }'; then best="$weight $threshold" best_mean="$m"; fi
  done
done
read -r best_weight best_threshold <<<"$best"
test_row() {
  local scores=()
  for seed in $seeds; do scores+=("$(score "$seed" "$1" "$2" "$test")"); done
  echo "| $3 (weight $1, threshold $2) | $(printf '%s\n' "${scores[@]}" | mean) | ${scores[*]} |"
}

tmp="$(mktemp "$output.XXXXXX")"
{
  echo "# Document context: weight and threshold chosen on CoNLL-2003 dev for the \"$config\" models"
  echo
  echo "Written by \`eval/experiments/ner-document-context-grid.sh\` on $(date -u +%Y-%m-%d): the models of"
  echo "\`eval/experiments/ner-ablation.sh\` (configuration $config, seeds $seeds), re-scored with every setting"
  echo "below through \`eval-ner --document-context W --document-threshold P\` (no retraining). The choice is the best"
  echo "mean F1 on dev; test was scored only for the chosen setting and the one shipped (weight 4, threshold 0.9,"
  echo "chosen on dev with the previous model: eval/results/ner-document-context.md)."
  echo
  echo "Dev F1 (mean, then per seed in the order $seeds):"
  echo
  echo "| weight | threshold | dev F1 | per seed |"
  echo "|---:|---:|---:|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Chosen on dev: **weight $best_weight, threshold $best_threshold** (dev mean $best_mean)."
  echo
  echo "| test | F1 (mean) | per seed |"
  echo "|---|---:|---|"
  test_row 4 0.9 "as shipped"
  test_row "$best_weight" "$best_threshold" "chosen on dev"
} >"$tmp"
mv "$tmp" "$output"
echo "ner-document-context-grid: wrote $output" >&2
