#!/usr/bin/env bash
# The English name finder against Stanford's CRF (english.conll.4class.distsim, the model the name-finder issue
# quotes at 89.09 on CoNLL-2003 test) on the same test sets: CoNLL-2003 test, and out of domain WNUT-17 dev and
# test scored on the types both share (person; location; corporation and group as organization). Writes
# eval/results/ner-stanford-crf.md.
#
# Stanford CoreNLP (GPL v3) is fetched from Maven Central into the local Maven repository by this script and run
# as its own program; no SeqNLP module depends on it or ships it. Its output is scored by `seqnlp score-ner`, the
# scorer of eval-ner (conlleval rules: exact span and type), which the script first checks on a fixed case of
# Stanford's IO labels and against eval-ner on our model's output of WNUT-17 test, converted to the file format
# score-ner reads (both must count the same), or the script stops.
#
# Usage (from the repository root): eval/experiments/ner-stanford-crf.sh [MODEL]   (default models/ner/en-ner.bin)
# Environment: SEQNLP (the command, default ./seqnlp), SEQNLP_DATA, WORK (default work-dir/ner-stanford-crf).
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

data="${SEQNLP_DATA:-../shared/data}"
work="${WORK:-work-dir/ner-stanford-crf}"
model="${1:-models/ner/en-ner.bin}"
read -r -a seqnlp <<<"${SEQNLP:-./seqnlp}"
version=4.5.7
classifier=edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz
output=eval/results/ner-stanford-crf.md
wnut_types=person,location,organization,corporation=organization,group=organization
for file in "$model" "$data/ner/conll2003/test.txt" "$data/ner/wnut17/dev.txt" "$data/ner/wnut17/test.txt"; do
  [[ -f "$file" ]] || { echo "ner-stanford-crf: missing $file" >&2; exit 1; }
done
mkdir -p "$work"

# Maven colours its output even in batch mode here: the escapes are stripped.
repository="$(mvn -B -q -N help:evaluate -Dexpression=settings.localRepository -DforceStdout | sed 's/\x1b\[[0-9;]*m//g')"
jars="$repository/edu/stanford/nlp/stanford-corenlp/$version"
for classifier_jar in "" ":jar:models"; do
  mvn -B -q -N dependency:get -Dartifact="edu.stanford.nlp:stanford-corenlp:$version$classifier_jar" -Dtransitive=false
done
classpath="$jars/stanford-corenlp-$version.jar:$jars/stanford-corenlp-$version-models.jar"

# "correct predicted reference" of a file of lines "token gold predicted" (blank line between sentences), by
# seqnlp score-ner, eval-ner's reader and scorer, from the gold and the predicted column. Arguments: the types scored
# (--score-types, as the reader names them: person for PER and so on, others lowercased), "io" when predictions carry no
# B-/I- prefix (Stanford's IO labels, given I- here: a run of one type is one name), and the file.
count() {
  local prefix='' base="${3%.*}"
  [[ "$2" == io ]] && prefix='I-'
  awk -F'\t' 'NF < 3 { print ""; next } { print $1 "\t" $2 }' "$3" >"$base.gold"
  awk -F'\t' -v p="$prefix" 'NF < 3 { print ""; next } { print $1 "\t" ($3 == "O" ? "O" : p $3) }' "$3" >"$base.predicted"
  "${seqnlp[@]}" score-ner --gold "$base.gold" --predicted "$base.predicted" --score-types "$1" \
    | awk '$1 == "overall" { print $5, $6, $7 }'
}

# "token<TAB>gold" lines of a CoNLL file, a blank line between sentences, no -DOCSTART- lines.
columns() {
  awk 'BEGIN { OFS = "\t" } /^-DOCSTART-/ { next } NF == 0 { print ""; next } { print $1, $NF }' "$1" | cat -s
}

# eval-ner's "correct predicted reference" of our model.
ours() {
  "${seqnlp[@]}" eval-ner --model "$model" --test "$1" "${@:2}" | awk '$1 == "overall" { print $5, $6, $7 }'
}

# "correct predicted reference" of a scoring command, stopping the script with one line unless it gave three numbers.
counts() {
  local result
  result="$("$@")"
  [[ "$result" =~ ^[0-9]+\ [0-9]+\ [0-9]+$ ]] || { echo "ner-stanford-crf: no counts from $1: '$result'" >&2; exit 1; }
  echo "$result"
}

# The checks of the scorer. Stanford's IO labels on a fixed case: a run of one type is one name, so the two persons
# "Bob" and "Cy" side by side count as one predicted name.
printf '%s\n' $'Ann\tB-person\tPERSON' $'Lee\tI-person\tPERSON' $'of\tO\tO' $'Acme\tB-corporation\tORGANIZATION' \
  $'Inc\tI-corporation\tORGANIZATION' $'Bob\tB-person\tPERSON' $'Cy\tB-person\tPERSON' >"$work/io-check.out"
io_check="$(counts count "$wnut_types" io "$work/io-check.out")"
[[ "$io_check" == "2 3 4" ]] || { echo "ner-stanford-crf: the scorer counts $io_check on the IO case, not 2 3 4" >&2; exit 1; }
# Our model's WNUT-17 test output, scored here and by eval-ner.
wnut_test="$data/ner/wnut17/test.txt"
columns "$wnut_test" >"$work/wnut-test.tsv"
awk 'NF == 0 { if (n) print line; line = ""; n = 0; next } { line = (n ? line " " : "") $1; n++ } END { if (n) print line }' \
  "$work/wnut-test.tsv" >"$work/wnut-test.tokens"
"${seqnlp[@]}" ner --model "$model" --tokenized --document-context 0 --output-format conll "$work/wnut-test.tokens" \
  | cut -f2 | paste "$work/wnut-test.tsv" - | awk -F'\t' 'NF < 3 || $1 == "" { print ""; next } { print }' \
  >"$work/ours-wnut-test.out"
here="$(counts count "$wnut_types" prefixed "$work/ours-wnut-test.out")"
there="$(counts ours "$wnut_test" --document-context 0 --score-types "$wnut_types")"
if [[ "$here" != "$there" ]]; then
  echo "ner-stanford-crf: the scorer counts $here on our WNUT-17 test output, eval-ner $there" >&2
  exit 1
fi

f1() {
  awk -v c="$1" -v p="$2" -v r="$3" 'BEGIN { printf "%.2f / %.2f / **%.2f**", 100 * c / p, 100 * c / r, 200 * c / (p + r) }'
}

rows=()
for set in conll2003/test wnut17/dev wnut17/test; do
  file="$data/ner/$set.txt"
  name="${set//\//-}"
  columns "$file" >"$work/$name.tsv"
  java -mx3g -cp "$classpath" edu.stanford.nlp.ie.crf.CRFClassifier -loadClassifier "$classifier" \
    -testFile "$work/$name.tsv" >"$work/stanford-$name.out" 2>"$work/stanford-$name.log"
  if [[ "$set" == conll2003/* ]]; then
    types="every type (person, location, organization, misc)"
    stanford_counts="$(counts count person,location,organization,misc io "$work/stanford-$name.out")"
    seqnlp_counts="$(counts ours "$file")"
  else
    types="person, location, organization (corporation and group)"
    stanford_counts="$(counts count "$wnut_types" io "$work/stanford-$name.out")"
    seqnlp_counts="$(counts ours "$file" --score-types "$wnut_types")"
  fi
  read -r -a stanford <<<"$stanford_counts"
  read -r -a ours_counts <<<"$seqnlp_counts"
  rows+=("| $set | $types | ${stanford[2]} | $(f1 "${stanford[@]}") | $(f1 "${ours_counts[@]}") |")
done

{
  echo "# The English name finder against Stanford's CRF"
  echo
  echo "Written by \`eval/experiments/ner-stanford-crf.sh $model\` on $(date -u +%Y-%m-%d)."
  echo
  echo "- Stanford: CoreNLP $version, \`CRFClassifier\` with \`$classifier\` (trained on CoNLL-2003 with distributional"
  echo "  similarity clusters), each sentence tagged on its own, as its \`-testFile\` reads blank-line separated input."
  echo "- SeqNLP: \`$model\` through \`seqnlp eval-ner\` (\`NameFinderME.find\`, the model's document context; in WNUT-17"
  echo "  every sentence is a document of its own)."
  echo "- Scores: entity-level exact match of span and type, precision / recall / F1 in percent. WNUT-17 (posts from"
  echo "  social media) is out of domain for both: its types person and location are scored as they are, corporation"
  echo "  and group as organization; product and creative-work, and both models' misc, are left out"
  echo "  (\`--score-types $wnut_types\`)."
  echo "- Stanford's output is scored by \`seqnlp score-ner\`, eval-ner's scorer, checked on a fixed case of Stanford's"
  echo "  IO labels and against \`eval-ner\`: it counted exactly what \`eval-ner\` counts on our"
  read -r correct predicted reference <<<"$here"
  echo "  model's WNUT-17 test output in this run ($correct correct of $predicted predicted and $reference in the data)."
  echo
  echo "| test set | types scored | entities | Stanford CRF P / R / F1 | SeqNLP P / R / F1 |"
  echo "|---|---|---:|---|---|"
  printf '%s\n' "${rows[@]}"
} >"$output.tmp"
mv "$output.tmp" "$output"
cat "$output"
