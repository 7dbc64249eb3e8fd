package org.seqnlp.eval.ir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.seqnlp.eval.ir.CrossValidation.Fold;
import org.seqnlp.eval.ir.ExpansionTiming.Latency;
import org.seqnlp.eval.ir.IrReport.CollectionInfo;
import org.seqnlp.eval.ir.IrReport.Row;
import org.seqnlp.eval.ir.IrReport.VectorRows;
import org.seqnlp.io.OutputFiles;
import org.seqnlp.lucene.corpus.StandardEnglishAnalyzer;
import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.JoinedVectors;
import org.seqnlp.vectors.NearestNeighbours;
import org.seqnlp.vectors.VectorEnsemble;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.kernels.Vectorization;
import org.seqnlp.vectors.train.Word2VecSettings;

/**
 * The whole retrieval experiment behind {@code seqnlp eval-ir}: per collection, BM25, BM25 with RM3,
 * and our expansion at every setting of the grid, with general vectors and with vectors trained on the
 * collection; settings chosen by {@link CrossValidation}; then, at the chosen settings and at the
 * factory's defaults, expansion with RM3, expansion through {@code SynonymQuery}, and Lucene's {@code
 * Word2VecSynonymFilter}; then latency and throughput; then the markdown report.
 */
public final class IrExperiment {

  /** Label of the general vectors in tables. */
  public static final String GENERAL = "general";
  /** Label of the vectors trained on each collection's own documents. */
  public static final String OWN = "own-collection";
  /** Label of those vectors joined with the general ones ({@link Settings#joinGeneral}). */
  public static final String OWN_JOINED = "own-collection joined";
  /** Documents of the first collection indexed with each chain to measure indexing throughput. */
  private static final int THROUGHPUT_DOCUMENTS = 100;
  /** Documents indexed first to warm the chain up; the latency pass has already compiled most of it. */
  private static final int WARM_UP_DOCUMENTS = 20;

  /**
   * What to run. {@code generalVectors} may be null (only own-collection vectors then), but not together
   * with {@code trainCollectionVectors} false. {@code joinGeneral} joins the own-collection vectors with the
   * general ones as {@code train-vectors --join} does. {@code vectorCache}, if not null, keeps the own-collection
   * vectors between runs (before they are joined). {@code stemming} ends every analysis, the index's and the
   * queries' (after the expansion filter); the own-collection vectors are trained on the unstemmed terms, which the
   * filter looks up.
   */
  public record Settings(Path data, Path generalVectors, List<StandardCollection> collections,
      List<QuerySettings> grid, boolean trainCollectionVectors, Word2VecSettings training, int trainingMinCount,
      int trainingEnsemble, CollectionVectors.TrainingText trainingText, boolean joinGeneral, Path vectorCache,
      int latencyRepetitions, Stemming stemming) {

    public Settings {
      if (generalVectors == null && !trainCollectionVectors) {
        throw new IllegalArgumentException("no vectors to expand with: give general vectors or train own vectors");
      }
      if (collections.size() < 2) {
        throw new IllegalArgumentException("cross-validation needs at least two collections");
      }
      if (grid.isEmpty()) {
        throw new IllegalArgumentException("need at least one setting in the grid");
      }
      if (joinGeneral && (generalVectors == null || !trainCollectionVectors)) {
        throw new IllegalArgumentException("joining needs both the general vectors and own vectors");
      }
      if (trainCollectionVectors) {
        VectorEnsemble.check(trainingEnsemble, training.dimension(), training.seed());
      }
      Objects.requireNonNull(trainingText, "trainingText");
      Objects.requireNonNull(stemming, "stemming");
      grid = List.copyOf(grid);
    }
  }

  /** Our filter and Lucene's over one vector set; {@code timed} scans the vocabulary on every lookup. */
  private record VectorSet(String label, ExpansionMethod ours, ExpansionMethod lucene, ExpansionMethod timed) {}

  /** A collection's index and vector sets, kept until the settings are chosen. */
  private record Prepared(IrEvaluation evaluation, List<VectorSet> vectorSets, TopicScores bm25, TopicScores rm3) {}

  private final Settings settings;
  private final StringBuilder setup = new StringBuilder();
  /** The general vectors, kept for joining when {@link Settings#joinGeneral}. */
  private WordVectors generalWords;

  public IrExperiment(Settings settings) {
    this.settings = settings;
  }

  /** The markdown report and its headline figures for the terminal. */
  public record Outcome(String report, String headline) {}

  /** Runs everything; {@code command} is written at the top of the report. */
  public Outcome run(String command) throws IOException {
    VectorSet general = null;
    if (settings.generalVectors() != null) {
      long start = System.nanoTime();
      WordVectors vectors = VectorFiles.read(settings.generalVectors());
      setup.append(String.format(Locale.ROOT, "- general vectors: `%s`, %,d words x %d dimensions, loaded in %.1f s%n",
          settings.generalVectors(), vectors.size(), vectors.dimension(), seconds(System.nanoTime() - start)));
      if (settings.joinGeneral()) {
        int ownDimension = settings.training().dimension() * settings.trainingEnsemble();
        try {
          JoinedVectors.check(ownDimension, vectors);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("own vectors of " + ownDimension + " dimensions cannot be joined with "
              + settings.generalVectors() + ": " + e.getMessage(), e);
        }
        generalWords = vectors;
      }
      general = vectorSet(GENERAL, GENERAL, vectors);
    }
    GridScores grid = new GridScores(settings.grid());
    List<Prepared> prepared = new ArrayList<>();
    try {
      try (Progress progress = Progress.start("eval-ir grid", settings.collections().size(), "collections")) {
        for (StandardCollection name : settings.collections()) {
          prepared.add(prepare(name.readFromDataRoot(settings.data()), general, grid));
          progress.advance(1);
        }
      }
      List<Fold> folds = new CrossValidation(grid).leaveOneCollectionOut();
      Map<String, List<Fold>> foldsAlone = new LinkedHashMap<>();
      for (String vectors : grid.vectors()) {
        foldsAlone.put(vectors, new CrossValidation(grid, List.of(vectors)).leaveOneCollectionOut());
      }
      IrReport report = report(prepared, grid, folds, foldsAlone);
      List<TestCollection> read = prepared.stream().map(p -> p.evaluation().collection()).toList();
      VectorSet timed = general != null ? general : prepared.get(0).vectorSets().get(0);
      return new Outcome(header(command) + report.tables() + efficiency(read, timed), report.headline());
    } finally {
      for (Prepared p : prepared) {
        p.evaluation().close();
      }
    }
  }

  private Prepared prepare(TestCollection collection, VectorSet general, GridScores grid) throws IOException {
    List<VectorSet> vectorSets = new ArrayList<>();
    if (general != null) {
      vectorSets.add(general);
    }
    if (settings.trainCollectionVectors()) {
      String label = settings.joinGeneral() ? OWN_JOINED : OWN;
      vectorSets.add(vectorSet(label, collection.name() + " " + label, ownVectors(collection)));
    }
    IrEvaluation evaluation = new IrEvaluation(collection, settings.stemming());
    TopicScores bm25 = evaluation.bm25();
    grid.addBaseline(collection.name(), bm25);
    for (VectorSet vectors : vectorSets) {
      for (QuerySettings setting : settings.grid()) {
        grid.add(collection.name(), vectors.label(), setting, evaluation.expanded(vectors.ours(), setting));
      }
    }
    return new Prepared(evaluation, vectorSets, bm25, evaluation.rm3());
  }

  private WordVectors ownVectors(TestCollection collection) throws IOException {
    long start = System.nanoTime();
    WordVectors own;
    String how;
    if (settings.vectorCache() != null) {
      Path cached = CollectionVectors.cacheFile(settings.vectorCache(), collection, settings.trainingText(),
          settings.training(), settings.trainingMinCount(), settings.trainingEnsemble());
      boolean hit = Files.isRegularFile(cached);
      own = CollectionVectors.trainOrRead(cached, collection, settings.trainingText(), settings.training(),
          settings.trainingMinCount(), settings.trainingEnsemble());
      how = hit ? "read from `" + cached + "` (trained by an earlier run)" : "trained and kept in `" + cached + "`";
    } else {
      own = CollectionVectors.train(collection, settings.trainingText(), settings.training(),
          settings.trainingMinCount(), settings.trainingEnsemble());
      how = "trained";
    }
    String joined = "";
    if (generalWords != null) {
      joined = String.format(Locale.ROOT, ", joined with the general vectors (which hold %,d of them)",
          JoinedVectors.shared(own.words(), generalWords));
      own = JoinedVectors.join(own, generalWords);
    }
    setup.append(String.format(Locale.ROOT, "- %s own vectors: %,d words, %s%s: %d dimensions, in %.1f s%n",
        collection.name(), own.size(), how, joined, own.dimension(), seconds(System.nanoTime() - start)));
    return own;
  }

  /** Both filters over one vector set; building Lucene's takes long enough to report. */
  private VectorSet vectorSet(String label, String description, WordVectors vectors) throws IOException {
    LuceneWord2VecExpansion lucene = LuceneWord2VecExpansion.of(vectors);
    setup.append(String.format(Locale.ROOT,
        "- Lucene `Word2VecSynonymProvider` over the %s vectors (DL4J zip read + HNSW build): %.1f s%n", description,
        seconds(lucene.loadNanos())));
    NearestNeighbours search = new NearestNeighbours(vectors);
    int capacity = settings.grid().stream().mapToInt(s -> s.expansion().maxExpansions()).max().orElseThrow();
    capacity = Math.max(capacity, ExpansionSettings.FACTORY_DEFAULTS.maxExpansions());
    return new VectorSet(label, new SemanticExpansionMethod(new MemoizedNeighbours(search, capacity)), lucene,
        new SemanticExpansionMethod(search));
  }

  /**
   * Scores, on every collection, RM3 and per vector set expansion at the cross-validated settings (alone
   * and with RM3), at the settings cross-validated for that vector set alone, at the factory defaults in
   * each synonym query style, and Lucene's filter at its defaults.
   */
  private IrReport report(List<Prepared> prepared, GridScores grid, List<Fold> folds,
      Map<String, List<Fold>> foldsAlone) throws IOException {
    Row bm25 = new Row("BM25", null);
    Row rm3 = new Row("BM25 + RM3", null);
    Map<String, VectorRows> byVectors = new LinkedHashMap<>();
    ExpansionSettings defaults = ExpansionSettings.FACTORY_DEFAULTS;
    List<CollectionInfo> collections = new ArrayList<>();
    try (Progress progress = Progress.start("eval-ir chosen settings", prepared.size(), "collections")) {
      for (int c = 0; c < prepared.size(); c++) {
        Prepared p = prepared.get(c);
        IrEvaluation evaluation = p.evaluation();
        collections.add(new CollectionInfo(evaluation.collection().name(), evaluation.index().documentCount(),
            evaluation.index().indexingNanos()));
        QuerySettings chosen = folds.get(c).choice().settings();
        bm25.scores().add(p.bm25());
        rm3.scores().add(p.rm3());
        for (VectorSet vectors : p.vectorSets()) {
          VectorRows rows = byVectors.computeIfAbsent(vectors.label(), label -> new VectorRows(label,
              new Row(label + " / seqnlp, cross-validated settings", null),
              new Row(label + " / seqnlp + RM3, cross-validated settings", rm3),
              new Row(label + " / seqnlp, settings cross-validated for these vectors alone", null),
              defaultRows(label, defaults),
              new Row(label + " / lucene-w2v, its defaults (k=5, cos>=0.60), " + QuerySettings.LUCENE_DEFAULTS.style(),
                  null)));
          rows.crossValidated().scores().add(grid.scores(evaluation.collection().name(), vectors.label(), chosen));
          rows.crossValidatedWithRm3().scores().add(evaluation.expandedWithRm3(vectors.ours(), chosen));
          rows.crossValidatedAlone().scores().add(grid.scores(evaluation.collection().name(), vectors.label(),
              foldsAlone.get(vectors.label()).get(c).choice().settings()));
          for (SynonymQueryStyle style : SynonymQueryStyle.values()) {
            rows.defaults().get(style.ordinal()).scores().add(evaluation.expanded(vectors.ours(),
                new QuerySettings(defaults, style)));
          }
          rows.lucene().scores().add(evaluation.expanded(vectors.lucene(), QuerySettings.LUCENE_DEFAULTS));
        }
        progress.advance(1);
      }
    }
    return new IrReport(collections, bm25, rm3, List.copyOf(byVectors.values()), grid, folds, foldsAlone,
        settings.stemming() == Stemming.NONE);
  }

  /** One row of the factory defaults per synonym query style, in the order of the styles. */
  private static List<Row> defaultRows(String label, ExpansionSettings defaults) {
    List<Row> rows = new ArrayList<>();
    for (SynonymQueryStyle style : SynonymQueryStyle.values()) {
      rows.add(new Row(label + " / seqnlp, factory defaults (" + defaults + "), " + style, null));
    }
    return List.copyOf(rows);
  }

  private String header(String command) {
    Word2VecSettings t = settings.training();
    return "# Query expansion on the classic IR collections\n\n"
        + "Produced on " + LocalDate.now() + " by\n\n```\n" + command + "\n```\n\n"
        + "Measured on a shared, loaded machine (times and queries/s are indicative only).\n\n"
        + "Index: title and text in one field; StandardTokenizer, lowercase, Lucene's English stop words, "
        + (settings.stemming() == Stemming.NONE ? "no stemming"
            : "Porter's stemmer (`PorterStemFilter`, as Solr's `text_en`), also at the end of every query analyzer, "
                + "after the expansion filter, so that neighbours are stemmed as terms are, and then Lucene's "
                + "`RemoveDuplicatesTokenFilter`, which drops a neighbour stemmed into its term or into another "
                + "neighbour (the issue's targets are set for the index without stemming, and are not checked here)")
        + "; BM25 (k1 1.2, b 0.75). Every judged query; MAP over the top " + TopicScores.RANKING_DEPTH
        + ", nDCG@10 (linear gains; Cranfield gain = 5 - code) and recall@100, averaged over queries with at "
        + "least one relevant document. TIME qrels positions map to file records p (p <= 370) and p - 2 "
        + "(p >= 373); LISA judgements from LISARJ.NUM, repeated records 1998-2001 kept once.\n\n"
        + "Expansion at query time only, by the `semanticExpansion` filter at the end of the query analyzer "
        + "(`SemanticExpansionAnalyzer`): at most k neighbours of cosine at least cos per term, together "
        + "weighing w of the term, shared in proportion to cosine. Queried as Solr's standard parser queries a "
        + "field type with `synonymQueryStyle` `as_same_term` (Solr's default; Lucene's `QueryBuilder`: one "
        + "`SynonymQuery` per term and its neighbours) or `as_distinct_terms` (`DistinctTermsQueryBuilder`: "
        + "the term's own clause plus one boosted clause per neighbour). The grid: " + settings.grid().size()
        + " settings, every combination of k " + values(settings.grid(), s -> s.expansion().maxExpansions())
        + ", cos " + values(settings.grid(), s -> s.expansion().minCosine()) + ", w "
        + values(settings.grid(), s -> s.expansion().expansionWeight()) + " and style "
        + values(settings.grid(), QuerySettings::style) + ".\n\n"
        + "RM3 as Anserini's `Rm3Reranker` at its defaults: " + Rm3Feedback.FEEDBACK_DOCUMENTS + " feedback "
        + "documents, " + Rm3Feedback.FEEDBACK_TERMS + " terms, original query weight "
        + Rm3Feedback.ORIGINAL_QUERY_WEIGHT + "; feedback terms appear in at most 10% of the documents. "
        + "Expansion + RM3: the first search is the expanded query, and the expansions are added beside the "
        + "query's terms by their boosts, as in the expanded query, so the terms keep their RM3 weight. "
        + "Significance: paired two-sided tests, randomisation with "
        + PairedComparison.PERMUTATIONS + " sign flips (seed fixed); Wilcoxon's p exact, ties at their average "
        + "rank.\n\n"
        + (settings.trainCollectionVectors() ? String.format(Locale.ROOT,
            "Own-collection vectors: %s, %d dimensions, window %d, %d negative, sample %.0e, %d epochs, min count "
                + "%d, %d thread(s), %s, trained on %s by %s "
                + "(another SIMD width adds the sums in another order and trains slightly different vectors).%n%n",
            t.architecture(), t.dimension(), t.window(), t.negative(), t.sample(), t.epochs(),
            settings.trainingMinCount(), t.threads(), seeds(t.seed()), describeTrainingText(), Vectorization.describe())
            + (settings.joinGeneral() ? "Then joined with the general vectors, as `train-vectors --join` writes them:"
                + " each word's unit vector beside its unit vector from the general vectors (zeros where they lack the"
                + " word), so that between two words they hold a cosine is the mean of the two spaces', between two"
                + " they lack the collection's, and between one of each the collection's / sqrt(2).\n\n" : "") : "")
        + setup + "\n";
  }

  private String describeTrainingText() {
    return switch (settings.trainingText()) {
      case ANALYSED -> "the analysed documents, one document a sentence, as `train-vectors --index"
          + " --standard-analysis` reads a stored field";
      case STORED -> "the documents' text as `train-vectors --index` reads a stored field (each document one"
          + " sentence, split into words and lowercased by its tokenizer: stop words kept, numbers dropped, hyphens"
          + " and apostrophes inside words kept)";
    };
  }

  /** The seed of the own vectors, or of the trainings of their ensemble. */
  private String seeds(long seed) {
    int ensemble = settings.trainingEnsemble();
    return ensemble == 1 ? "seed " + seed : VectorEnsemble.describe(ensemble, seed) + ", each word's unit vectors side"
        + " by side as `train-vectors --ensemble " + ensemble + "` writes them, so that a cosine is the mean of the"
        + " trainings'";
  }

  private static <T> String values(List<QuerySettings> grid, Function<QuerySettings, T> value) {
    return grid.stream().map(value).distinct().map(String::valueOf).toList().toString();
  }

  private String efficiency(List<TestCollection> collections, VectorSet vectors) throws IOException {
    List<String> terms;
    try (StandardEnglishAnalyzer words = new StandardEnglishAnalyzer()) {
      terms = ExpansionTiming.queryTerms(collections, words);
    }
    StringBuilder out = new StringBuilder("\n## Efficiency (" + vectors.label() + " vectors)\n\n");
    out.append("Latency: each distinct query term of the collections (").append(terms.size())
        .append(") analysed alone through the whole chain, fastest of ").append(settings.latencyRepetitions())
        .append(" repetitions per term, after a warm-up pass. The chain without expansion is the floor; ours at the "
            + "factory defaults (an exact scan per term), Lucene's at its defaults")
        .append(settings.stemming() == Stemming.NONE ? "" : "; each chain ends with Porter's stemmer and"
            + " `RemoveDuplicatesTokenFilter`")
        .append(".\n\n");
    out.append("| chain | median µs/term | p90 | max |\n|---|---|---|---|\n");
    Map<String, Analyzer> chains = new LinkedHashMap<>();
    Stemming stemming = settings.stemming();
    chains.put("baseline (no expansion)", stemming.after(new StandardEnglishAnalyzer()));
    chains.put(vectors.timed().name(), stemming.after(vectors.timed().analyzer(ExpansionSettings.FACTORY_DEFAULTS)));
    chains.put(vectors.lucene().name(), stemming.after(vectors.lucene().analyzer(ExpansionSettings.LUCENE_DEFAULTS)));
    for (Map.Entry<String, Analyzer> chain : chains.entrySet()) {
      Latency latency = ExpansionTiming.perTerm(chain.getValue(), terms, settings.latencyRepetitions());
      out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", chain.getKey(), latency.medianMicros(),
          latency.p90Micros(), latency.maxMicros()));
    }
    TestCollection first = collections.get(0);
    List<CollectionDocument> sample = first.documents().subList(0, Math.min(THROUGHPUT_DOCUMENTS,
        first.documents().size()));
    out.append("\nIndexing throughput with the chain at index time, first ").append(sample.size())
        .append(" documents of ").append(first.name()).append(":\n\n| chain | documents/s |\n|---|---|\n");
    for (Map.Entry<String, Analyzer> chain : chains.entrySet()) {
      ExpansionTiming.indexingDocumentsPerSecond(sample.subList(0, Math.min(WARM_UP_DOCUMENTS, sample.size())),
          chain.getValue());
      out.append(String.format(Locale.ROOT, "| %s | %.0f |%n", chain.getKey(),
          ExpansionTiming.indexingDocumentsPerSecond(sample, chain.getValue())));
    }
    out.append("\nQuery throughput (analysis + search, top 1000) is the queries/s column of each table above.\n");
    for (Analyzer chain : chains.values()) {
      chain.close();
    }
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
