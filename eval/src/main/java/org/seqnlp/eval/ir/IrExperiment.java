package org.seqnlp.eval.ir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.seqnlp.eval.ir.ExpansionTiming.Latency;
import org.seqnlp.eval.ir.IrEvaluation.CollectionResult;
import org.seqnlp.io.OutputFiles;
import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.train.Word2VecSettings;

/**
 * The whole retrieval experiment behind {@code seqnlp eval-ir}: per collection, BM25 and query-time
 * expansion by our filter and by Lucene's {@code Word2VecSynonymFilter}, each with general vectors and
 * with vectors trained on the collection; then latency and throughput; then the markdown report.
 */
public final class IrExperiment {

  /** Label of the general vectors in tables. */
  public static final String GENERAL = "general";
  /** Label of the vectors trained on each collection's own documents. */
  public static final String OWN = "own-collection";
  /**
   * Settings of the latency and throughput measurements: Lucene's filter's defaults (5 synonyms,
   * minAcceptedSimilarity 0.8, i.e. cosine 0.6).
   */
  private static final ExpansionSettings TIMING_SETTINGS = new ExpansionSettings(5, 0.6f);
  /** Documents of the first collection indexed with each chain to measure indexing throughput. */
  private static final int THROUGHPUT_DOCUMENTS = 300;

  /**
   * What to run. {@code generalVectors} may be null (only own-collection vectors then), but not together
   * with {@code trainCollectionVectors} false.
   */
  public record Settings(Path data, Path generalVectors, List<StandardCollection> collections,
      List<ExpansionSettings> grid, List<Combination> combinations, float expansionWeight,
      boolean trainCollectionVectors, Word2VecSettings training, int trainingMinCount, int latencyRepetitions) {

    public Settings {
      if (generalVectors == null && !trainCollectionVectors) {
        throw new IllegalArgumentException("no vectors to expand with: give general vectors or train own vectors");
      }
      if (collections.isEmpty() || grid.isEmpty() || combinations.isEmpty()) {
        throw new IllegalArgumentException("need at least one collection, setting and combination");
      }
    }
  }

  private final Settings settings;
  private final Function<WordVectors, ExpansionMethod> ourMethod;

  /** @param ourMethod builds our expansion filter over a vector set */
  public IrExperiment(Settings settings, Function<WordVectors, ExpansionMethod> ourMethod) {
    this.settings = settings;
    this.ourMethod = ourMethod;
  }

  /** Runs everything and returns the report; {@code command} is written at its top. */
  public String run(String command) throws IOException {
    StringBuilder setup = new StringBuilder();
    Optional<VectorMethods> general = Optional.empty();
    if (settings.generalVectors() != null) {
      long start = System.nanoTime();
      WordVectors vectors = VectorFiles.read(settings.generalVectors());
      setup.append(String.format(Locale.ROOT, "- general vectors: `%s`, %,d words x %d dimensions, loaded in %.1f s%n",
          settings.generalVectors(), vectors.size(), vectors.dimension(), seconds(System.nanoTime() - start)));
      general = Optional.of(methods(GENERAL, vectors, setup));
    }

    IrEvaluation evaluation = new IrEvaluation(settings.grid(), settings.combinations(), settings.expansionWeight());
    List<CollectionResult> results = new ArrayList<>();
    List<TestCollection> collections = new ArrayList<>();
    VectorMethods timed = general.orElse(null);
    try (Progress progress = Progress.start("eval-ir", settings.collections().size(), "collections")) {
      for (StandardCollection name : settings.collections()) {
        TestCollection collection = name.readFromDataRoot(settings.data());
        collections.add(collection);
        Map<String, List<ExpansionMethod>> methods = new LinkedHashMap<>();
        general.ifPresent(vectors -> methods.put(GENERAL, vectors.both()));
        if (settings.trainCollectionVectors()) {
          long trainStart = System.nanoTime();
          WordVectors own = CollectionVectors.train(collection, RetrievalAnalyzer.baseline(), settings.training(),
              settings.trainingMinCount());
          setup.append(String.format(Locale.ROOT, "- %s own vectors: %,d words, trained in %.1f s%n",
              collection.name(), own.size(), seconds(System.nanoTime() - trainStart)));
          VectorMethods ownMethods = methods(collection.name() + " " + OWN, own, setup);
          methods.put(OWN, ownMethods.both());
          timed = timed == null ? ownMethods : timed;
        }
        results.add(evaluation.evaluate(collection, methods));
        progress.advance(1);
      }
    }
    String tables = new IrReport(results, SemanticExpansionMethod.NAME, LuceneWord2VecExpansion.NAME).tables();
    return header(command, setup) + tables + efficiency(collections, timed);
  }

  /** Both filters over one vector set; building Lucene's takes long enough to report. */
  private record VectorMethods(String label, ExpansionMethod ours, ExpansionMethod lucene) {
    List<ExpansionMethod> both() {
      return List.of(ours, lucene);
    }
  }

  private VectorMethods methods(String label, WordVectors vectors, StringBuilder setup) throws IOException {
    LuceneWord2VecExpansion lucene = LuceneWord2VecExpansion.of(vectors);
    setup.append(String.format(Locale.ROOT,
        "- Lucene `Word2VecSynonymProvider` over the %s vectors (DL4J zip read + HNSW build): %.1f s%n", label,
        seconds(lucene.loadNanos())));
    return new VectorMethods(label, ourMethod.apply(vectors), lucene);
  }

  private String header(String command, StringBuilder setup) {
    Word2VecSettings t = settings.training();
    return "# Query expansion on the classic IR collections\n\n"
        + "Produced on " + LocalDate.now() + " by\n\n```\n" + command + "\n```\n\n"
        + "Index: title and text in one field; StandardTokenizer, lowercase, Lucene's English stop words, no "
        + "stemming; BM25 (k1 1.2, b 0.75). Every judged query; MAP over the top " + TopicScores.RANKING_DEPTH
        + ", nDCG@10 (linear gains; Cranfield gain = 5 - code) and recall@100, averaged over queries with at "
        + "least one relevant document. TIME qrels positions map to file records p (p <= 370) and p - 2 "
        + "(p >= 373); LISA judgements from LISARJ.NUM, repeated records 1998-2001 kept once.\n\n"
        + "Expansion at query time only, each term expanded by its nearest neighbours; settings tried: "
        + settings.grid() + " (k = maximum expansions, cos = minimum cosine; Lucene's threshold is set to "
        + "(1 + cos) / 2, the same cosine on its scale), each in every combination: "
        + settings.combinations().stream().map(c -> c.label(settings.expansionWeight())).toList()
        + ". Lucene's filter gives no weights (its synonyms have boost 1). Significance: paired two-sided "
        + "tests, randomisation with " + PairedComparison.PERMUTATIONS + " sign flips (seed fixed).\n\n"
        + (settings.trainCollectionVectors() ? String.format(Locale.ROOT,
            "Own-collection vectors: %s, %d dimensions, window %d, %d negative, sample %.0e, %d epochs, min count "
                + "%d, %d thread(s), seed %d, trained on the analysed documents (one document a sentence).%n%n",
            t.architecture(), t.dimension(), t.window(), t.negative(), t.sample(), t.epochs(),
            settings.trainingMinCount(), t.threads(), t.seed()) : "")
        + setup + "\n";
  }

  private String efficiency(List<TestCollection> collections, VectorMethods vectors) throws IOException {
    RetrievalAnalyzer baseline = RetrievalAnalyzer.baseline();
    List<String> terms = ExpansionTiming.queryTerms(collections, baseline);
    StringBuilder out = new StringBuilder("\n## Efficiency (" + vectors.label() + " vectors, " + TIMING_SETTINGS
        + ")\n\n");
    out.append("Latency: each distinct query term of the collections (").append(terms.size())
        .append(") analysed alone through the whole chain, fastest of ").append(settings.latencyRepetitions())
        .append(" repetitions per term, after a warm-up pass. The chain without expansion is the floor.\n\n");
    out.append("| chain | median µs/term | p90 | max |\n|---|---|---|---|\n");
    Map<String, RetrievalAnalyzer> chains = new LinkedHashMap<>();
    chains.put("baseline (no expansion)", baseline);
    for (ExpansionMethod method : vectors.both()) {
      chains.put(method.name(), RetrievalAnalyzer.followedBy(method.filter(TIMING_SETTINGS)));
    }
    for (Map.Entry<String, RetrievalAnalyzer> chain : chains.entrySet()) {
      Latency latency = ExpansionTiming.perTerm(chain.getValue(), terms, settings.latencyRepetitions());
      out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", chain.getKey(), latency.medianMicros(),
          latency.p90Micros(), latency.maxMicros()));
    }
    TestCollection first = collections.get(0);
    List<CollectionDocument> sample = first.documents().subList(0, Math.min(THROUGHPUT_DOCUMENTS,
        first.documents().size()));
    out.append("\nIndexing throughput with the chain at index time, first ").append(sample.size())
        .append(" documents of ").append(first.name()).append(":\n\n| chain | documents/s |\n|---|---|\n");
    for (Map.Entry<String, RetrievalAnalyzer> chain : chains.entrySet()) {
      ExpansionTiming.indexingDocumentsPerSecond(sample, chain.getValue()); // warm-up
      out.append(String.format(Locale.ROOT, "| %s | %.0f |%n", chain.getKey(),
          ExpansionTiming.indexingDocumentsPerSecond(sample, chain.getValue())));
    }
    out.append("\nQuery throughput (analysis + search, top 1000) is the queries/s column of each table above.\n");
    return out.toString();
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /** Writes {@code report} to {@code output} through a temporary file renamed over it. */
  public static void write(String report, Path output) throws IOException {
    OutputFiles.write(output, out -> out.write(report.getBytes(StandardCharsets.UTF_8)));
  }
}
