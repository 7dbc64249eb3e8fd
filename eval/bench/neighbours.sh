#!/usr/bin/env bash
# Neighbour-search benchmark: `seqnlp expansion-latency` on 100,000 random words x 100 dimensions (the
# issue's yardstick, and the hardest case for the code scan's bound), on the shipped English vectors and on
# the first 100,000 words of the shipped vectors with Wikipedia (the yardstick with real vectors): the
# plain-Java scan against the SIMD code scan and the neighbour table built both ways, in one JVM per space
# so that each ratio comes from one run. Where the machine has 512-bit vectors, the random case runs again
# with the kernels narrowed to 256 bits (-Dseqnlp.vectorBits=256), the width of machines without AVX-512,
# and with the JIT held to AVX2 instructions (-XX:UseAVX=2), as on such machines.
#
#   eval/bench/neighbours.sh [results-file]
#
# Environment: TERMS query terms timed per method [1000]; WORDS random words [100000].
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
results="${1:-$root/eval/results/neighbours-bench.md}"
TERMS="${TERMS:-1000}"
WORDS="${WORDS:-100000}"
seqnlp=("$root/seqnlp")
shipped="$root/models/vectors/seqnlp-en-100d.bin"
wiki="$root/models/vectors/seqnlp-en-wiki-100d.int8"


run() { # run TITLE OPTIONS...: one fenced block with the command and its report
  local title=$1
  shift
  echo
  echo "## $title"
  echo
  echo "Load average at start $(cut -d' ' -f1 /proc/loadavg). Command: \`${SEQNLP_JAVA_OPTS:+SEQNLP_JAVA_OPTS=\"$SEQNLP_JAVA_OPTS\" }./seqnlp expansion-latency ${*//"$root"\//}\`"
  echo
  echo '```'
  "${seqnlp[@]}" expansion-latency "$@" 2>/dev/null
  echo '```'
}

# Builds the tool first, so that the build is not timed, and names the kernels it runs.
kernels="$("${seqnlp[@]}" --version 2>/dev/null | sed -n 's/^kernels: //p')"
random_case=(--words "$WORDS" --dimension 100 --load-dimension 0 --terms "$TERMS")
random_title="$WORDS random words x 100 dimensions, at the command's defaults (3 neighbours, cosine >= 0.1)"

{
  echo "# Neighbour-search benchmark"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') by \`eval/bench/neighbours.sh\` on $(nproc) cores"
  echo "($(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1))."
  echo "Kernels: $kernels."
  echo "CPU time per term is the expanding thread's; table builds are timed in process CPU seconds (all"
  echo "threads, the JIT's included) and wall seconds on all cores."
  run "$random_title" "${random_case[@]}"
  if [[ "$kernels" == *512-bit* ]]; then
    SEQNLP_JAVA_OPTS="${SEQNLP_JAVA_OPTS:+$SEQNLP_JAVA_OPTS }-Dseqnlp.vectorBits=256" run "$random_title, kernels narrowed to 256 bits" "${random_case[@]}"
    SEQNLP_JAVA_OPTS="${SEQNLP_JAVA_OPTS:+$SEQNLP_JAVA_OPTS }-XX:UseAVX=2" run "$random_title, the JIT held to AVX2" "${random_case[@]}"
  fi
  run "The shipped English vectors, at the filter's defaults" --vectors "$shipped" --load-dimension 0 \
    --terms "$TERMS" --max-expansions 10 --min-similarity 0.4
  run "The first $WORDS words of the English vectors with Wikipedia, at the filter's defaults" --vectors "$wiki" \
    --words "$WORDS" --load-dimension 0 --terms "$TERMS" --max-expansions 10 --min-similarity 0.4
} > "$results.tmp"
mv "$results.tmp" "$results"
cat "$results"
