#!/usr/bin/env bash
# Word-vector benchmark: our skip-gram trainer against fastText and gensim (Debian packages) on the
# same tokenised Gutenberg corpus with the same settings, all scored by our evaluator.
#
#   eval/bench/word-vectors.sh [results-file]
#
# Environment (defaults in brackets):
#   WORK        scratch directory outside the repository for the corpus and vectors [/tmp/wv-bench]
#   DATA        shared data directory [../shared/data relative to the repository]
#   EPOCHS      training epochs for every system [1]
#   MAX_BYTES   use only the first MAX_BYTES bytes (whole lines) of the tokenised corpus; 0 = all [0]
#   THREADS     worker threads for every system [2]
#   SYSTEMS     which systems to run, space-separated [ours ours-1-thread gensim gensim-1-thread fasttext]
#               (*-1-thread: on one thread, for the thread scaling)
#
# Settings for every system: skip-gram, 100 dimensions, window 5, 5 negative samples, sample 1e-4,
# min-count 5, start learning rate 0.025. Speed is corpus words x epochs / wall-clock seconds of the
# whole run (vocabulary pass included), measured one system after the other in this script; CPU
# seconds are reported too because the machine may be shared. The summary gives ours / gensim per
# CPU second and per wall second, and ours on THREADS threads against ours on one.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
results="${1:-$root/eval/results/word-vectors-bench.md}"
WORK="${WORK:-/tmp/wv-bench}"
DATA="${DATA:-$root/../shared/data}"
EPOCHS="${EPOCHS:-1}"
MAX_BYTES="${MAX_BYTES:-0}"
THREADS="${THREADS:-2}"
SYSTEMS="${SYSTEMS:-ours ours-1-thread gensim gensim-1-thread fasttext}"
mkdir -p "$WORK" "$(dirname "$results")"

missing=()
command -v fasttext >/dev/null || missing+=(fasttext)
/usr/bin/python3 -c 'import gensim' 2>/dev/null || missing+=(python3-gensim)
if ((${#missing[@]})); then
  echo "installing ${missing[*]}" >&2
  apt-get install -y "${missing[@]}" >&2
fi

# Tokenised once as in shared/notes/wordvec-findings.md: lowercase, letters and apostrophes kept (curly
# apostrophes straightened, apostrophes at word edges dropped), one paragraph a line.
full="$WORK/gutenberg.tok.txt"
if [[ ! -s "$full" ]]; then
  echo "tokenising the Gutenberg corpus into $full" >&2
  zcat "$DATA/corpus/gutenberg-en/gutenberg-en.txt.gz" | perl -CSD -pe '
    $_ = lc; s/\x{2019}/\x27/g; s/[^a-z\x27\n]+/ /g; s/(^|\s)\x27+/$1/g; s/\x27+(?=\s|$)//g;
    s/ +/ /g; s/^ //; s/ $//mg;' | grep -v '^$' > "$full.tmp"
  mv "$full.tmp" "$full"
fi
corpus="$full"
if ((MAX_BYTES > 0)); then
  corpus="$WORK/gutenberg.tok.$MAX_BYTES.txt"
  head -c "$MAX_BYTES" "$full" | sed '$d' > "$corpus"
fi
words=$(wc -w < "$corpus")
echo "corpus $corpus: $words words, $EPOCHS epoch(s), $THREADS threads" >&2

seqnlp=("$root/seqnlp")
timed() { # timed NAME COMMAND...: runs COMMAND, leaving "wall user sys" seconds in $WORK/NAME.time
  local name=$1
  shift
  /usr/bin/time -f '%e %U %S' -o "$WORK/$name.time" "$@" > "$WORK/$name.log" 2>&1
}

train_ours() { # train_ours NAME THREADS
  timed "$1" "${seqnlp[@]}" train-vectors "$corpus" -o "$WORK/$1.bin" --model sg --dim 100 --window 5 \
    --negative 5 --sample 1e-4 --min-count 5 --epochs "$EPOCHS" --learning-rate 0.025 --threads "$2"
  echo "$WORK/$1.bin"
}

run_ours() {
  train_ours ours "$THREADS"
}

run_ours-1-thread() {
  train_ours ours-1-thread 1
}

train_gensim() { # train_gensim NAME THREADS
  timed "$1" /usr/bin/python3 -c '
import sys
from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence
corpus, output, epochs, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
model = Word2Vec(LineSentence(corpus), sg=1, vector_size=100, window=5, negative=5, sample=1e-4,
                 min_count=5, alpha=0.025, workers=threads, epochs=epochs)
model.wv.save_word2vec_format(output, binary=True)
' "$corpus" "$WORK/$1.bin" "$EPOCHS" "$2"
  echo "$WORK/$1.bin"
}

run_gensim() {
  train_gensim gensim "$THREADS"
}

run_gensim-1-thread() {
  train_gensim gensim-1-thread 1
}

run_fasttext() {
  timed fasttext fasttext skipgram -input "$corpus" -output "$WORK/fasttext" -dim 100 -ws 5 -neg 5 \
    -t 1e-4 -minCount 5 -epoch "$EPOCHS" -lr 0.025 -thread "$THREADS" -minn 0 -maxn 0 -verbose 1
  echo "$WORK/fasttext.vec"
}

# Builds the tool first so that the build is not timed.
"${seqnlp[@]}" --version >/dev/null

{
  echo "# Word-vector benchmark"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') by \`eval/bench/word-vectors.sh\` (EPOCHS=$EPOCHS MAX_BYTES=$MAX_BYTES"
  echo "THREADS=$THREADS) on $(nproc) cores, load average at start $(cut -d' ' -f1 /proc/loadavg)."
  echo "Corpus: \`$(basename "$corpus")\`, $words words (Gutenberg, lowercased, letters and apostrophes)."
  echo "Settings for all: skip-gram, 100 dims, window 5, negative 5, sample 1e-4, min-count 5, lr 0.025."
  echo "Quality by \`seqnlp eval-vectors\` (3CosAdd over the 30,000 most frequent words; Spearman)."
  echo "Ours ran on $("${seqnlp[@]}" --version 2>/dev/null | sed -n 's/^kernels: //p')."
  echo
  echo "| system | wall s | CPU s | words/s (wall) | words per CPU s | analogy 3CosAdd (sem / syn) | WS353 | SimLex | MEN | load at start |"
  echo "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|"
} > "$results.tmp"

declare -A rate cpu_rate
for system in $SYSTEMS; do
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "training $system" >&2
  vectors=$("run_$system")
  read -r wall user sys < "$WORK/$system.time"
  summary=$("${seqnlp[@]}" eval-vectors "$vectors" --data "$DATA" | sed -n 's/^summary[^:]*: //p')
  rate[$system]=$(echo "$words * $EPOCHS / $wall" | bc -l)
  cpu_rate[$system]=$(echo "$words * $EPOCHS / ($user + $sys)" | bc -l)
  printf '| %s | %.0f | %.0f | %.0f | %.0f | %s | %s |\n' "$system" "$wall" "$(echo "$user + $sys" | bc -l)" \
    "${rate[$system]}" "${cpu_rate[$system]}" "$summary" "$load" >> "$results.tmp"
done

{
  echo
  if [[ -n "${rate[ours]:-}" && -n "${rate[gensim]:-}" ]]; then
    printf 'Ours / gensim: %.2f per CPU second, %.2f per wall-clock second (target >= 1, goal 1.5).\n' \
      "$(echo "${cpu_rate[ours]} / ${cpu_rate[gensim]}" | bc -l)" "$(echo "${rate[ours]} / ${rate[gensim]}" | bc -l)"
  fi
  if [[ -n "${rate[ours]:-}" && -n "${rate[fasttext]:-}" ]]; then
    printf 'Ours / fastText: %.2f per CPU second, %.2f per wall-clock second.\n' \
      "$(echo "${cpu_rate[ours]} / ${cpu_rate[fasttext]}" | bc -l)" "$(echo "${rate[ours]} / ${rate[fasttext]}" | bc -l)"
  fi
  for system in ours gensim; do
    if [[ -n "${rate[$system]:-}" && -n "${rate[$system-1-thread]:-}" ]]; then
      printf 'Thread scaling, %s on %s threads / on 1: %.2fx words per wall-clock second, %.2fx words per CPU second.\n' \
        "$system" "$THREADS" "$(echo "${rate[$system]} / ${rate[$system-1-thread]}" | bc -l)" \
        "$(echo "${cpu_rate[$system]} / ${cpu_rate[$system-1-thread]}" | bc -l)"
    fi
  done
} >> "$results.tmp"
mv "$results.tmp" "$results"
cat "$results"
