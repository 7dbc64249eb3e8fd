#!/usr/bin/env bash
# GloVe at full scale beside skip-gram: GloVe trained on the whole of ../shared/data/corpus with the
# vocabulary of the shipped skip-gram vectors (min count 5, the 50,000 most frequent words, 100 dimensions),
# then both scored by `seqnlp eval-vectors`; writes eval/results/word-vectors-glove.md.
#
# Usage (from the repository root; SEQNLP_DATA overrides ../shared/data):
#   eval/experiments/glove-full-scale.sh
# Environment: SEQNLP (the command, default ./seqnlp), WORK (default work-dir/glove), EPOCHS (default 20),
#   THREADS (default 2).
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

data="${SEQNLP_DATA:-../shared/data}"
work="${WORK:-work-dir/glove}"
epochs="${EPOCHS:-20}"
threads="${THREADS:-2}"
read -r -a seqnlp <<<"${SEQNLP:-./seqnlp}"
skipgram=models/vectors/seqnlp-en-100d.bin
output=eval/results/word-vectors-glove.md
glove="$work/glove-en-100d.bin"
[[ -d "$data/corpus" ]] || { echo "glove-full-scale: missing $data/corpus" >&2; exit 1; }
mkdir -p "$work"

options=(--model glove --dim 100 --window 10 --x-max 100 --min-count 5 --max-vocab 50000 --epochs "$epochs"
  --threads "$threads" --format word2vec-binary)
load="$(cut -d' ' -f1-3 /proc/loadavg)"
start=$SECONDS
/usr/bin/time -f '%e %U %S' -o "$work/time" "${seqnlp[@]}" train-vectors "$data/corpus" -o "$glove" "${options[@]}" \
  2>"$work/train.log"
read -r wall user system <"$work/time"
"${seqnlp[@]}" eval-vectors "$glove" >"$work/glove.eval" 2>/dev/null
"${seqnlp[@]}" eval-vectors "$skipgram" >"$work/skipgram.eval" 2>/dev/null

row() { # row NAME EVAL-FILE: the summary line of eval-vectors as a table row
  awk -v name="$1" -F': ' '/^summary/ { n = split($2, f, " \\| "); printf "| %s | %s | %s | %s | %s |\n", name, f[1], f[2], f[3], f[4] }' "$2"
}

tmp="$(mktemp "$output.XXXXXX")"
{
  echo "# GloVe at full scale beside skip-gram"
  echo
  echo "Written by \`eval/experiments/glove-full-scale.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') (load average at start $load)."
  echo "GloVe: \`seqnlp train-vectors $data/corpus ${options[*]}\` (alpha 0.75, learning rate 0.05, AdaGrad; the"
  echo "co-occurrences weighted 1/distance within a line). $(tail -1 "$work/train.log")"
  printf 'Training took %.0f s wall, %.0f s CPU (co-occurrence counting included).\n' "$wall" "$(echo "$user + $system" | bc -l)"
  echo "Skip-gram: the shipped \`$skipgram\`, same corpus, vocabulary and dimensions (its card has the settings:"
  echo "window 5, 5 negative samples, 5 epochs). Both scored by \`seqnlp eval-vectors FILE\` (analogies by 3CosAdd among"
  echo "the 30,000 most frequent words; Spearman over covered pairs). No setting was tuned: GloVe's published defaults."
  echo
  echo "| vectors | analogy 3CosAdd (semantic / syntactic) | WordSim-353 | SimLex-999 | MEN |"
  echo "|---|---|---:|---:|---:|"
  row "GloVe, $epochs epochs" "$work/glove.eval"
  row "skip-gram (shipped)" "$work/skipgram.eval"
  echo
  echo "Nearest neighbours, GloVe:"
  echo
  echo '```'
  grep '^neighbours of' "$work/glove.eval"
  echo '```'
} >"$tmp"
mv "$tmp" "$output"
cat "$output"
