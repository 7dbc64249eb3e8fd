#!/usr/bin/env bash
# Issue 13's ablation of the English name finder: every row trained with the seeds of SEEDS (three; a row tried
# on fewer shows the others as "not trained") on CoNLL-2003 train, early-stopped on dev, then scored on dev and test, and out of domain on WNUT-17 dev; writes
# eval/results/ner-ablation.md.
#
# Models are kept in $WORK (default work-dir/ner-ablation) and reused when the script runs again, so an
# interrupted run resumes where it stopped (each training also writes a checkpoint it can resume from). Each
# model's scores are recorded in eval/results/ner-ablation-runs.tsv (committed), and the table takes a model that
# is not in $WORK (another machine, a cleared work-dir) from that record, so it never loses a measured row.
# Trainings run one after the other: each takes one core (OMP_NUM_THREADS=1), and their times are reported.
#
# Usage (from the repository root; SEQNLP_DATA overrides ../shared/data):
#   eval/experiments/ner-ablation.sh                      trains what is missing (not in $WORK, nor recorded as
#                                                         trained from the current vectors), then writes the table
#   eval/experiments/ner-ablation.sh train CONFIG SEED    trains one model (to choose the order of a long run)
#   eval/experiments/ner-ablation.sh table                writes the table of the models trained so far
# Environment: SEQNLP (the command, default ./seqnlp), WORK, SEEDS (default "42 7 11"),
#   NEW_VECTORS (the vectors trained on every corpus plus Wikipedia, default the shipped 8-bit file; rows
#   recorded before 2026-12-07 used its float32 original, see models/vectors/README.md),
#   SUBWORD_VECTORS (for the sub-* rows: subword vectors of the same corpora, one epoch, made by
#   ./seqnlp train-vectors ../shared/data/corpus ../shared/data/ner-resources/enwiki-2015-wikiextractor \
#     --output work-dir/vectors/en-wiki-sub-100d.seqnlp --model sg --dim 100 --window 5 --negative 5 --sample 1e-4 \
#     --min-count 5 --max-vocab 300000 --epochs 1 --threads 2 --subwords 3,6).
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

data="${SEQNLP_DATA:-../shared/data}"
work="${WORK:-work-dir/ner-ablation}"
seeds="${SEEDS:-42 7 11}"
read -r -a seqnlp <<<"${SEQNLP:-./seqnlp}"
old_vectors=models/vectors/seqnlp-en-100d.bin
new_vectors="${NEW_VECTORS:-models/vectors/seqnlp-en-wiki-100d.int8}"
new_max_vocabulary=200000
# Subword vectors of the same corpora (the command in the header).
subword_vectors="${SUBWORD_VECTORS:-work-dir/vectors/en-wiki-sub-100d.seqnlp}"
# Chosen on CoNLL-2003 dev: the weight with the previous model (eval/results/ner-document-context.md), then weight
# and threshold with the "all" models (eval/experiments/ner-document-context-grid.sh).
document_weight=4
document_threshold=0.8
# What ships: the rows at most this much below the best CoNLL-2003 dev mean compete on WNUT-17 dev (the header of
# the results file gives the rule).
ship_margin=0.1
output=eval/results/ner-ablation.md
runs=eval/results/ner-ablation-runs.tsv
train="$data/ner/conll2003/train.txt"
dev="$data/ner/conll2003/dev.txt"
test="$data/ner/conll2003/test.txt"
# Out of domain: WNUT-17 dev (social media), its types scored as eval/results/ner-stanford-crf.md scores them.
wnut_dev="$data/ner/wnut17/dev.txt"
wnut_types=person,location,organization,corporation=organization,group=organization
lists="$data/ner-resources"

# Each step checks the files it reads, so that the table alone needs only the record.
require() {
  local file
  for file in "$@"; do
    [[ -f "$file" ]] || { echo "ner-ablation: missing $file" >&2; exit 1; }
  done
}
mkdir -p "$work"
train_dev="$work/train+dev.txt"

# The 17 lists of eval/results/ner-gazetteers.md: no GeoNames alternate names (noisy), no sports lists.
gazetteers=("$lists/geonames-locations/loc-cities.txt.gz" "$lists/geonames-locations/loc-countries.txt.gz"
  "$lists/geonames-locations/loc-admin1-regions.txt.gz" "$lists/geonames-locations/loc-admin2-districts.txt.gz"
  "$lists/naturalearth-physical" "$lists/misc-demonyms-languages" "$lists/us-person-names" "$lists/us-legislators"
  "$lists/nsi-brands-operators" "$lists/crossref-funders" "$lists/hipo-universities" "$lists/sec-company-tickers")
sports=("$lists/openfootball-clubs" "$lists/openfootball-worldcup-players")

# The training configurations: name, then the train-ner options that differ from the shipped model's.
config_options() {
  case "$1" in
    today) echo --vectors "$old_vectors" ;;
    gaz) echo --vectors "$old_vectors" --gazetteers "${gazetteers[@]}" ;;
    vec) echo --vectors "$new_vectors" --max-vocabulary "$new_max_vocabulary" --embedding-bits 8 ;;
    vec-gaz) echo --vectors "$new_vectors" --max-vocabulary "$new_max_vocabulary" --embedding-bits 8 \
      --gazetteers "${gazetteers[@]}" ;;
    vec-gaz-sports) echo --vectors "$new_vectors" --max-vocabulary "$new_max_vocabulary" --embedding-bits 8 \
      --gazetteers "${gazetteers[@]}" "${sports[@]}" ;;
    vec-gaz-full) config_options vec-gaz ;;
    vec-gaz-lr001) echo "$(config_options vec-gaz)" --learning-rate 0.001 ;;
    vec-gaz-h128) echo "$(config_options vec-gaz)" --hidden 128 ;;
    vec-gaz-frozen) echo "$(config_options vec-gaz)" --freeze-vectors ;;
    vec-gaz-starts-frozen) echo "$(config_options vec-gaz-frozen)" --sentence-start-copies "$sentence_start_copies" ;;
    vec-gaz-h128-frozen) echo "$(config_options vec-gaz)" --hidden 128 --freeze-vectors ;;
    vec-gaz-h128-lower-frozen) echo "$(config_options vec-gaz-h128-frozen)" --lowercase-copies "$lowercase_copies" ;;
    vec-gaz-h128-lower10-frozen) echo "$(config_options vec-gaz-h128-frozen)" --lowercase-copies "$lowercase_copies_small" ;;
    vec-gaz-h128-lower10-starts-frozen) echo "$(config_options vec-gaz-h128-lower10-frozen)" \
      --sentence-start-copies "$sentence_start_copies" ;;
    vec-gaz-h128-lower10-chars100-frozen) echo "$(config_options vec-gaz-h128-lower10-frozen)" \
      --char-filters "$char_filters" ;;
    sub-gaz-frozen) echo --vectors "$subword_vectors" --max-vocabulary "$new_max_vocabulary" --embedding-bits 8 \
      --gazetteers "${gazetteers[@]}" --freeze-vectors ;;
    sub-gaz-frozen-init) echo "$(config_options sub-gaz-frozen)" --subword-vectors ;;
    *-avg) echo "$(config_options "${1%-avg}")" --average-decay "$average_decay" ;;
    *) echo "ner-ablation: unknown configuration $1" >&2; exit 1 ;;
  esac
}

# The -avg configurations keep a moving average of the weights: decay 0.998 per step, an average over some 500 steps
# (one epoch at batch size 32), set before any run and not tuned; the training log scores both on dev every epoch.
average_decay=0.998
# The -starts- configurations train each sentence, with this probability, a second time from a lower-case word,
# capitalised (train-ner --sentence-start-copies; sentences without such a word get no copy): set before any run and
# not tuned.
sentence_start_copies=0.25
# The -lower- configurations train each sentence that lower-casing changes, with this probability, a second time in
# lower case (train-ner --lowercase-copies), for text that does not capitalise names, as social media often does
# not (a quarter of the names WNUT-17 dev scores start in lower case): set before any run and not tuned.
lowercase_copies=0.25
# The -lower10- configurations take a share of 0.1 instead, set after the 0.25 row lost 0.18 on CoNLL-2003 dev (more than
# the rule's margin) and before any run of it: does a smaller share keep CoNLL-2003 and part of the gain out of domain?
lowercase_copies_small=0.1
# The -lower10-starts- configuration adds sentence-start copies (share $sentence_start_copies, above) to the shipped
# row (set after that row shipped, before any run of this one): the lower-case copies gained recall out of domain and
# lost precision (WNUT-17 test), and the sentence-start copies had cut false names on capitalised first words of
# posts. Lower-case copies are drawn from the sentence-start copies too, so this row has more of them than 0.1 alone.
# The -chars100- configuration doubles the character CNN's filters (50, the first model's setting, never varied) on the
# shipped row, set after that row shipped and before any run of this one: out of domain, more names are outside the
# vectors (new, misspelt or lower-case words), where only the characters speak for a word.
char_filters=100

# What a configuration trains on: train with early stopping on dev, or (the -full configurations) train and
# dev together for a fixed number of epochs, the median best epoch of the vec-gaz seeds on dev (7, 10, 11).
full_epochs=10
data_options() {
  case "$1" in
    *-full) echo --train "$train_dev" --epochs "$full_epochs" --patience 0 ;;
    *) echo --train "$train" --dev "$dev" --epochs 30 --patience 4 ;;
  esac
}

# The rows: label | configuration | document context (on/off).
rows=(
  "previous settings (the model shipped until 2026-12-06)|today|off"
  "+ gazetteers|gaz|off"
  "+ vectors with Wikipedia, 200k words (8-bit)|vec|off"
  "+ document context|today|on"
  "all: vectors + gazetteers + document context|vec-gaz|on"
  "all, with the two sports lists as well|vec-gaz-sports|on"
  "all, trained on train + dev for $full_epochs epochs (no dev score)|vec-gaz-full|on"
  "all, Adam learning rate 0.001 instead of 0.003|vec-gaz-lr001|on"
  "all, BiLSTM 2 x 128 instead of 2 x 100|vec-gaz-h128|on"
  "all, words with a vector keep it (--freeze-vectors)|vec-gaz-frozen|on"
  "all, BiLSTM 2 x 128 and words with a vector keep it|vec-gaz-h128-frozen|on"
  "all, BiLSTM 2 x 128, moving average of the weights (decay $average_decay)|vec-gaz-h128-avg|on"
  "all, words with a vector keep it, moving average of the weights|vec-gaz-frozen-avg|on"
  "the same with subword vectors (1 epoch) in place of the vectors|sub-gaz-frozen-avg|on"
  "the same, and training words outside the vectors start from their subword vector|sub-gaz-frozen-init-avg|on"
  "all, words with a vector keep it, moving average, and sentence-start copies (--sentence-start-copies $sentence_start_copies)|vec-gaz-starts-frozen-avg|on"
  "all, moving average of the weights (embeddings learnt, BiLSTM 2 x 100)|vec-gaz-avg|on"
  "all, BiLSTM 2 x 128, words with a vector keep it, moving average of the weights|vec-gaz-h128-frozen-avg|on"
  "the same, and lower-case copies (--lowercase-copies $lowercase_copies)|vec-gaz-h128-lower-frozen-avg|on"
  "the same, and lower-case copies (--lowercase-copies $lowercase_copies_small)|vec-gaz-h128-lower10-frozen-avg|on"
  "the same (lower-case copies $lowercase_copies_small), and sentence-start copies (--sentence-start-copies $sentence_start_copies)|vec-gaz-h128-lower10-starts-frozen-avg|on"
  "the same (lower-case copies $lowercase_copies_small), and $char_filters character filters instead of 50 (--char-filters $char_filters)|vec-gaz-h128-lower10-chars100-frozen-avg|on"
)

model_of() { echo "$work/$1-$2.bin"; }

train_model() {
  local config="$1" seed="$2" model
  model="$(model_of "$config" "$seed")"
  [[ -f "$model" ]] && return
  if [[ "$config" == sub-* && ! -f "$subword_vectors" ]]; then
    echo "ner-ablation: missing $subword_vectors (SUBWORD_VECTORS; its command is in this script's header)" >&2
    exit 1
  fi
  require "$train" "$dev" "$old_vectors" "$new_vectors"
  if [[ ! -f "$train_dev" ]]; then
    cat "$train" "$dev" >"$train_dev.tmp"
    mv "$train_dev.tmp" "$train_dev"
  fi
  local options data
  read -r -a options <<<"$(config_options "$config")"
  read -r -a data <<<"$(data_options "$config")"
  echo "ner-ablation: training $config, seed $seed ($(date -u +%H:%M) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  local start=$SECONDS
  OMP_NUM_THREADS=1 "${seqnlp[@]}" -v train-ner "${data[@]}" \
    --seed "$seed" --checkpoint "$work/$config-$seed.checkpoint" --output "$model" "${options[@]}" \
    >"$work/$config-$seed.log" 2>&1
  echo $((SECONDS - start)) >"$work/$config-$seed.seconds"
  vectors_of "$config" >"$work/$config-$seed.vectors"
}

# The overall F1 of one model on one set, cached beside the model; WNUT-17 dev without document context (each post
# stands alone) and with its types scored as in the Stanford comparison.
context_key() {
  if [[ "$1" == on ]]; then echo "on-$document_weight-$document_threshold"; else echo off; fi
}
score() {
  local config="$1" seed="$2" context="$3" set="$4" file
  local key name extra=()
  key="$(context_key "$context")"
  if [[ "$context" == on ]]; then
    extra=(--document-context "$document_weight" --document-threshold "$document_threshold")
  fi
  name="$(basename "$set" .txt)"
  if [[ "$set" == "$wnut_dev" ]]; then
    # The scored types are part of the cache name, so that other types are never read from an old file.
    key=off name="wnut17-dev-$(printf '%s' "$wnut_types" | cksum | cut -d' ' -f1)"
    extra=(--document-context 0 --score-types "$wnut_types")
  fi
  file="$work/$config-$seed.$key.$name.score"
  if [[ ! -f "$file" ]]; then
    require "$set"
    "${seqnlp[@]}" eval-ner --model "$(model_of "$config" "$seed")" --test "$set" "${extra[@]}" >"$file.tmp" ||
      { echo "ner-ablation: eval-ner failed on $(model_of "$config" "$seed") with $set" >&2; exit 1; }
    awk '$1 == "overall" { print $4 }' "$file.tmp" >"$file.f1"
    [[ -s "$file.f1" ]] || { echo "ner-ablation: no overall F1 in $file.tmp" >&2; exit 1; }
    mv "$file.f1" "$file"
    rm "$file.tmp"
  fi
  cat "$file"
}

# The record of one model: configuration, seed, how it was scored (document context; WNUT-17 types), the vectors
# file it was trained from, dev, test and WNUT-17 dev F1, training seconds and model bytes. A model scored with
# other settings than the script's current ones is not taken from the record.
runs_header="config	seed	context	wnut17_types	vectors	dev	test	wnut17_dev	seconds	bytes"
recorded() {
  local config="$1" seed="$2" context="$3"
  [[ -f "$runs" ]] || return 0
  # A model trained from the configuration's current vectors comes first, one trained from other vectors after it.
  awk -F'\t' -v c="$config" -v s="$seed" -v x="$context" -v w="$wnut_types" -v v="$(vectors_of "$config")" \
    'NR > 1 && $1 == c && $2 == s && $3 == x && $4 == w { print ($5 == v ? 0 : 1) "\t" $0 }' "$runs" |
    sort -s -k1,1n | head -n 1 | cut -f2-
}
record() {
  local line="$1" tmp
  # Ten fields, none empty: a failed score must never replace a measured one.
  awk -F'\t' 'NF != 10 { exit 1 } { for (i = 1; i <= NF; i++) if ($i == "") exit 1 }' <<<"$line" ||
    { echo "ner-ablation: incomplete record: $line" >&2; exit 1; }
  tmp="$(mktemp "$runs.XXXXXX")"
  # A model's line is replaced where it stands, so that the committed file only changes where a figure does.
  { [[ -f "$runs" ]] && cat "$runs" || echo "$runs_header"; } |
    awk -F'\t' -v line="$line" 'BEGIN { split(line, f, "\t"); k = f[1] "\t" f[2] "\t" f[3] "\t" f[4] "\t" f[5] }
      NR > 1 && $1 "\t" $2 "\t" $3 "\t" $4 "\t" $5 == k { print line; done = 1; next }
      { print } END { if (!done) print line }' >"$tmp"
  mv "$tmp" "$runs"
}

# The vectors file a configuration trains from, as the record names it.
vectors_of() {
  local options i
  read -r -a options <<<"$(config_options "$1")"
  for ((i = 0; i < ${#options[@]} - 1; i++)); do
    [[ "${options[i]}" == --vectors ]] && { basename "${options[i + 1]}"; return; }
  done
  echo -
}

# The vectors file a trained model was trained from, as train_model wrote it down ("unknown" for a model without).
trained_from() {
  cat "$work/$1-$2.vectors" 2>/dev/null || echo unknown
}

# "mean (min-max)" of the numbers on standard input.
summary() {
  awk '$1 == "-" { skip = 1 } { s += $1; if (NR == 1 || $1 < lo) lo = $1; if (NR == 1 || $1 > hi) hi = $1 }
    END { if (skip) print "-"; else printf "%.2f (%.2f-%.2f)", s / NR, lo, hi }'
}

join() {
  local first="$1"
  shift
  printf '%s' "$first" "${@/#/ / }"
}

mode="${1:-all}"
if [[ "$mode" == train ]]; then
  [[ $# -eq 3 ]] || { echo "usage: $0 train CONFIG SEED" >&2; exit 2; }
  config_options "$2" >/dev/null
  train_model "$2" "$3"
  exit
fi
[[ "$mode" == all || "$mode" == table ]] || { echo "usage: $0 [train CONFIG SEED | table]" >&2; exit 2; }

table="$(mktemp)"
candidates="$(mktemp)"
trap 'rm -f "$table" "$candidates"' EXIT
for row in "${rows[@]}"; do
  IFS='|' read -r label config context <<<"$row"
  devs=() seeds_scored=() tests=() wnuts=() seconds=() sizes=() vectors=() dev_cells=() test_cells=() wnut_cells=()
  key="$(context_key "$context")"
  for seed in $seeds; do
    # "all" trains what is neither in $WORK nor recorded as trained from the configuration's current vectors.
    if [[ "$mode" == all && ! -f "$(model_of "$config" "$seed")" &&
      "$(recorded "$config" "$seed" "$key" | cut -f5)" != "$(vectors_of "$config")" ]]; then
      train_model "$config" "$seed"
    fi
    if [[ -f "$(model_of "$config" "$seed")" ]]; then
      dev_f1=-
      if [[ "$config" != *-full ]]; then
        dev_f1="$(score "$config" "$seed" "$context" "$dev")"
      fi
      test_f1="$(score "$config" "$seed" "$context" "$test")"
      wnut_f1="$(score "$config" "$seed" "$context" "$wnut_dev")"
      second="$(cat "$work/$config-$seed.seconds" 2>/dev/null || echo 0)"
      size="$(stat -c %s "$(model_of "$config" "$seed")")"
      record "$(printf '%s\t' "$config" "$seed" "$key" "$wnut_types" "$(trained_from "$config" "$seed")" "$dev_f1" \
        "$test_f1" "$wnut_f1" "$second" "$size" | sed 's/\t$//')"
    fi
    IFS=$'\t' read -r _ _ _ _ vector dev_f1 test_f1 wnut_f1 second size <<<"$(recorded "$config" "$seed" "$key")"
    if [[ -z "${dev_f1:-}" ]]; then
      # Kept in the per-seed columns, so that every figure stays under its seed.
      dev_cells+=("not trained")
      test_cells+=("not trained")
      wnut_cells+=("not trained")
      continue
    fi
    devs+=("$dev_f1")
    seeds_scored+=("$seed")
    tests+=("$test_f1")
    wnuts+=("$wnut_f1")
    dev_cells+=("$dev_f1")
    test_cells+=("$test_f1")
    wnut_cells+=("$wnut_f1")
    seconds+=("$second")
    sizes+=("$size")
    vectors+=("$vector")
  done
  # The rule below weighs only rows with a dev score for every seed.
  if [[ ${#devs[@]} -eq $(wc -w <<<"$seeds") && "${devs[0]}" != - ]]; then
    paste <(printf '%s\n' "${devs[@]}") <(printf '%s\n' "${wnuts[@]}") <(printf '%s\n' "${seeds_scored[@]}") |
      sed "s|^|$config, document context $context\t|" >>"$candidates"
  fi
  if [[ ${#devs[@]} -eq 0 ]]; then
    printf '| %s | not trained yet | | | | | | | | |\n' "$label" >>"$table"
    continue
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %.1f | %s |\n' "$label" \
    "$(printf '%s\n' "${devs[@]}" | summary)" "$(printf '%s\n' "${tests[@]}" | summary)" \
    "$(printf '%s\n' "${wnuts[@]}" | summary)" \
    "$(join "${dev_cells[@]}")" "$(join "${test_cells[@]}")" "$(join "${wnut_cells[@]}")" \
    "$(printf '%s\n' "${seconds[@]}" | awk '{ s += $1 } END { printf "%.0f", s / NR }')" \
    "$(printf '%s\n' "${sizes[@]}" | awk '{ s += $1 } END { print s / NR / 1e6 }')" \
    "$(printf '%s\n' "${vectors[@]}" | awk '!seen[$0]++' | paste -sd, - | sed 's/,/, /g')" >>"$table"
done

tmp="$(mktemp "$output.XXXXXX")"
{
  echo "# Name finder ablation on CoNLL-2003 English"
  echo
  echo "Written by \`eval/experiments/ner-ablation.sh\` on $(date -u +%Y-%m-%d) (seeds $seeds; models in \`$work\`)."
  echo "Every model, unless its row says otherwise: BiLSTM 2 x 100, char CNN 50 filters, Adam 0.003, dropout 0.5, at"
  echo "most 30 epochs, early stopping on dev F1 with patience 4; settings were chosen on dev only. F1 as mean (min-max)"
  echo "of the seeds trained; per seed in the order $seeds. Training seconds on one core"
  echo "of a 2-core machine shared with other jobs. The gazetteer rows use 17 lists, without the two sports lists and"
  echo "the GeoNames alternate names; the row \"with the two sports lists\" adds them. Document context: weight"
  echo "$document_weight, threshold $document_threshold, one pass (eval/results/ner-document-context-grid.md). Rows without vectors use"
  echo "models/vectors/seqnlp-en-100d.bin. The rows after the sports row try to go further than \"all\": training on"
  echo "train and dev together for a fixed number of epochs, $full_epochs (the median best epoch of the \"all\" seeds on dev;"
  echo "no model selection, so no dev score; trained on dev, it cannot be chosen on dev, so it could not decide what"
  echo "ships), a lower Adam learning rate, a larger BiLSTM, word embeddings kept at their vectors, and a moving"
  echo "average of the weights (decay $average_decay per step, set before the runs; the average is what each epoch scores,"
  echo "checkpoints and keeps), and copies of training sentences, each drawn with probability $sentence_start_copies, that start at"
  echo "one of their lower-case words outside names, capitalised (\`--sentence-start-copies $sentence_start_copies\`, set before the"
  echo "runs; sentences without such a word get none), and lower-case copies of training sentences, each drawn with"
  echo "probability $lowercase_copies from the sentences that lower-casing changes (\`--lowercase-copies $lowercase_copies\`, set before"
  echo "the runs; a copy has no gazetteer matches, as lower-case text has none). Two rows try subword vectors (one seed). WNUT-17 dev"
  echo "(social media, out of domain) is scored as in eval/results/ner-stanford-crf.md: person, location, corporation"
  echo "and group as organization, each post alone (so without document context, and the same for rows that differ"
  echo "only by it). What ships: among the rows whose CoNLL-2003 dev mean over all seeds is at most $ship_margin below the"
  echo "best (a margin set with the rule, then the smallest spread between a row's seeds), the one with the best WNUT-17 dev"
  echo "mean, as the issue asks for quality out of domain too; then its best CoNLL-2003 dev seed."
  echo
  echo "Each model's figures are recorded in \`$runs\`, which keeps the rows whose models are no longer in"
  echo "\`$work\`. Records taken over from the table on 2026-12-07 carry their row's mean training seconds and model"
  echo "size (per-seed values were not kept then). The last column names the vectors file the row's seeds trained from:"
  echo "\`en-wiki-100d.bin\` is the float32 original of \`models/vectors/seqnlp-en-wiki-100d.int8\` (not shipped; the"
  echo "work-dir that held it was cleared on 2026-12-07), \`seqnlp-en-wiki-100d.int8\` the shipped 8-bit file itself."
  echo
  echo "| configuration | dev F1 | test F1 | WNUT-17 dev F1 | dev per seed | test per seed | WNUT-17 dev per seed | training s | model MB | vectors |"
  echo "|---|---:|---:|---:|---|---|---|---:|---:|---|"
  cat "$table"
  echo
  # The rule of the paragraph above, applied to the table: a line per model with its row (configuration and
  # document context), dev, WNUT-17 dev and seed. Means are compared as the table prints them, to two decimals; a
  # tie goes to the earlier row, and between seeds to the first in SEEDS.
  awk -F'\t' -v margin="$ship_margin" '
    { n[$1]++; dev[$1] += $2; wnut[$1] += $3; if (!($1 in top) || $2 > top[$1]) { top[$1] = $2; seed[$1] = $4 }
      if (!($1 in order)) { order[$1] = ++rows; name[rows] = $1 } }
    END {
      if (!rows) { print "The rule has no row with every seed scored yet."; exit }
      for (r in n) {
        dev[r] = sprintf("%.2f", dev[r] / n[r]) + 0; wnut[r] = sprintf("%.2f", wnut[r] / n[r]) + 0
        if (best == "" || dev[r] > best) best = dev[r]
      }
      for (i = 1; i <= rows; i++) { r = name[i]
        if (dev[r] >= best - margin - 1e-9 && (pick == "" || wnut[r] > wnut[pick] + 1e-9)) pick = r }
      printf "The rule picks, on the record as it stands: `%s` (dev mean %.2f, %.2f below the best; WNUT-17 dev mean %.2f), seed %s (dev %s).\n",
        pick, dev[pick], best - dev[pick], wnut[pick], seed[pick], top[pick]
    }' "$candidates"
} >"$tmp"
mv "$tmp" "$output"
echo "ner-ablation: wrote $output" >&2
