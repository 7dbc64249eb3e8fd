#!/usr/bin/env bash
# Throughput of the Spark job on local[2] against seqnlp ner on one thread, in one run on the same documents:
# the first LINES non-blank paragraphs of BBC News (../shared/data/corpus/bbc-news, one document a line).
# Each tool runs twice, on one document and on all of them, so that the difference gives the tagging rate
# without JVM start, model loading and Spark's start. Prints uptime before and after: the figures are only
# comparable within one run.
#
#   examples/spark/bench.sh [LINES]      (default 3000; from the checkout's root)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${SEQNLP_DATA:-$root/../shared/data}"
corpus="$data/corpus/bbc-news/bbc-news.txt.gz"
lines="${1:-3000}"
model="$root/models/ner/en-ner.bin"
[[ -f "$corpus" ]] || { echo "bench.sh: $corpus: no such file (set SEQNLP_DATA)" >&2; exit 1; }

cd "$root"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./seqnlp --version >/dev/null                      # builds the command-line tool if needed
# Maven prints its errors on stdout: show them when the build fails.
mvn -B -q package -DskipTests -pl examples/spark -am > "$work/build.log" \
  || { cat "$work/build.log" >&2; echo "bench.sh: the Spark module did not build" >&2; exit 1; }
classpath="examples/spark/target/classes:$(cat examples/spark/target/classpath.txt)"
# awk stops reading early: zcat's broken pipe is expected.
{ zcat "$corpus" || true; } | awk -v lines="$lines" 'NF { print; if (++taken == lines) exit }' > "$work/all.txt"
head -n 1 "$work/all.txt" > "$work/one.txt"
for input in all one; do
  # seqnlp ner ends a document at a blank line: one after each line gives it the job's documents.
  sed 's/$/\n/' "$work/$input.txt" > "$work/$input-blank-lines.txt"
done

milliseconds() { echo $(( $(date +%s%N) / 1000000 )); }
tokens() { grep -o '{"text":' "$@" | wc -l; }   # token objects, in seqnlp ner's JSON and in the job's

run_cli() {
  SEQNLP_NO_BUILD=1 ./seqnlp ner --model "$model" --output-format json "$work/$1-blank-lines.txt" > "$work/cli-$1.jsonl"
}
run_spark() {
  # The log is kept in the work directory, which goes at exit: show its end when the job fails.
  java -Dspark.master='local[2]' -Dspark.ui.enabled=false -Dspark.driver.host=127.0.0.1 \
    -Dspark.driver.bindAddress=127.0.0.1 -Dspark.log.level=WARN -cp "$classpath" \
    org.seqnlp.examples.spark.SparkNameTaggingJob --model "$model" --input "$work/$1.txt" --output "$work/spark-$1" \
    2> "$work/spark-$1.log" || { tail -n 20 "$work/spark-$1.log" >&2; echo "bench.sh: the Spark job failed" >&2; return 1; }
}

echo "before: $(uptime)"
declare -A took
for tool in cli spark; do
  for input in one all; do
    start=$(milliseconds); "run_$tool" "$input"; took[$tool-$input]=$(( $(milliseconds) - start ))
  done
done
echo "after:  $(uptime)"

cli_tokens=$(tokens "$work/cli-all.jsonl"); spark_tokens=$(tokens "$work"/spark-all/part-*.json)
cli_one=$(tokens "$work/cli-one.jsonl")
[[ "$cli_tokens" == "$spark_tokens" ]] || { echo "bench.sh: seqnlp ner gave $cli_tokens tokens, the job $spark_tokens" >&2; exit 1; }
awk -v lines="$(wc -l < "$work/all.txt")" -v tokens="$cli_tokens" -v one="$cli_one" \
    -v c1="${took[cli-one]}" -v ca="${took[cli-all]}" -v s1="${took[spark-one]}" -v sa="${took[spark-all]}" 'BEGIN {
  c1 /= 1000; ca /= 1000; s1 /= 1000; sa /= 1000
  printf "%d documents, %d tokens (the same in both outputs)\n", lines, tokens
  printf "%-34s %10s %10s %12s\n", "", "seqnlp ner", "Spark", "Spark / CLI"
  printf "%-34s %10.1f %10.1f %12.2f\n", "seconds, one document", c1, s1, s1 / c1
  printf "%-34s %10.1f %10.1f %12.2f\n", "seconds, all documents", ca, sa, sa / ca
  cr = tokens / ca; sr = tokens / sa
  printf "%-34s %10.0f %10.0f %12.2f\n", "tokens/s, end to end", cr, sr, sr / cr
  cr = (tokens - one) / (ca - c1); sr = (tokens - one) / (sa - s1)
  printf "%-34s %10.0f %10.0f %12.2f\n", "tokens/s, without start-up", cr, sr, sr / cr
  printf "%-34s %10.0f %10.0f %12.2f\n", "tokens/s per core, without start-up", cr, sr / 2, sr / 2 / cr
}'
