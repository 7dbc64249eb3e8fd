package org.seqnlp.opennlp.namefind;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import opennlp.tools.ml.model.SequenceClassificationModel;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.BeamSearchContextGenerator;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.Sequence;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.SequenceValidator;
import opennlp.tools.util.model.SerializableArtifact;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork;
import org.seqnlp.opennlp.namefind.network.Tagging;

/**
 * A BiLSTM-CRF network as OpenNLP's {@link SequenceClassificationModel}: {@code NameFinderME} calls
 * {@link #bestSequence} with the tokens and gets the CRF's Viterbi labels (the outcomes of the name
 * finder's sequence codec) with each label's marginal probability, which {@code NameFinderME.probs()}
 * then reports.
 *
 * <p>The name finder's feature generators are not used: the network computes its own features. Stored
 * in a {@code TokenNameFinderModel} zip by {@link BiLstmCrfModelSerializer}.
 *
 * <p>The sequence validator is not used either. The CRF's learnt transition scores make outcome sequences
 * that OpenNLP's codec forbids (a type's {@code -cont} after another type or first) rare, not impossible,
 * mostly where document context adds to the emissions. {@code NameFinderME} turns them into spans as
 * leniently as it turns any model's outcomes, so {@code find} still returns well-formed spans. A sentence
 * longer than {@link BiLstmCrfNetwork#MAX_SENTENCE_TOKENS} tokens is tagged in pieces of that many, so
 * that {@code find} never refuses a sentence, as {@code NameFinderME}'s other models never do. A model
 * with {@link DocumentContext} gets the document memory of each {@code NameFinderME} through the context
 * generator argument (see {@link DocumentContextFactory}).
 *
 * <p>Immutable and thread-safe: one instance (one loaded {@code TokenNameFinderModel}) serves any
 * number of threads, each with its own {@code NameFinderME}; what a document teaches lives in the
 * finder's memory, never here.
 */
public final class BiLstmCrfSequenceModel implements SequenceClassificationModel, SerializableArtifact {

  private final BiLstmCrfNetwork network;
  private final String[] outcomes;

  public BiLstmCrfSequenceModel(BiLstmCrfNetwork network) {
    this.network = Objects.requireNonNull(network, "network");
    this.outcomes = network.labels().toArray(new String[0]);
  }

  public BiLstmCrfNetwork network() {
    return network;
  }

  /**
   * Refuses a model whose manifest names another codec than {@link BioCodec} for a network of ours, whose labels
   * are BIO's: OpenNLP would load it, and another codec finds no names, or wrong ones, in BIO labels.
   *
   * @throws InvalidFormatException naming the manifest entry and the codec
   */
  static void requireBioCodec(Object sequenceModel, SequenceCodec<String> codec) throws InvalidFormatException {
    if (sequenceModel instanceof BiLstmCrfSequenceModel && !(codec instanceof BioCodec)) {
      throw new InvalidFormatException("manifest.properties: sequenceCodecImplName is "
          + (codec == null ? "missing" : codec.getClass().getName()) + ", but a SeqNLP name finder's labels are BIO"
          + " labels, which only " + BioCodec.class.getName() + " turns into names");
    }
  }

  /**
   * A {@code TokenNameFinderModel} around this model, as {@code NameFinderME.train} would build it with
   * default factory settings: for networks trained outside OpenNLP, e.g. a training checkpoint. The
   * outcomes must be those of the BIO codec ({@code type-start}, {@code type-cont}, {@code other}).
   */
  public TokenNameFinderModel toNameFinderModel(String language) {
    return toNameFinderModel(language, Map.of());
  }

  /** {@link #toNameFinderModel(String)} with {@code manifestEntries} added to the model's manifest. */
  public TokenNameFinderModel toNameFinderModel(String language, Map<String, String> manifestEntries) {
    return new TokenNameFinderModel(language, this, null, Map.of(), manifestEntries, new BioCodec(),
        new TokenNameFinderFactory());
  }

  /** The best outcome sequence of one sentence. */
  public Sequence tag(String[] tokens) {
    return asSequence(decodeInPieces(tokens, null));
  }

  /**
   * The best outcome sequence of one sentence of a document, decoded with what {@code memory} holds of the
   * document's earlier sentences (see {@link DocumentMemory}); the memory keeps the result until it is
   * committed.
   */
  public Sequence tag(String[] tokens, DocumentMemory memory) {
    Tagging tagging = decodeInPieces(tokens, memory);
    memory.decoded(tokens, tagging);
    return asSequence(tagging);
  }

  /**
   * {@code tokens} decoded at most {@link BiLstmCrfNetwork#MAX_SENTENCE_TOKENS} at a time, the network's
   * bound on its memory, with the bias of {@code memory} if it is not null. A name across the cut between
   * two pieces is found as two names.
   */
  private Tagging decodeInPieces(String[] tokens, DocumentMemory memory) {
    int piece = BiLstmCrfNetwork.MAX_SENTENCE_TOKENS;
    if (tokens.length <= piece) {
      return decode(tokens, memory);
    }
    int[] labels = new int[tokens.length];
    double[] probabilities = new double[tokens.length];
    for (int from = 0; from < tokens.length; from += piece) {
      Tagging part = decode(Arrays.copyOfRange(tokens, from, Math.min(tokens.length, from + piece)), memory);
      System.arraycopy(part.labels(), 0, labels, from, part.labels().length);
      System.arraycopy(part.probabilities(), 0, probabilities, from, part.probabilities().length);
    }
    return new Tagging(labels, probabilities);
  }

  private Tagging decode(String[] tokens, DocumentMemory memory) {
    if (memory == null) {
      return network.tag(tokens);
    }
    float[] emissions = tokens.length == 0 ? new float[0] : network.emissions(tokens);
    memory.bias(tokens, emissions);
    return network.decode(emissions, tokens.length);
  }

  private Sequence asSequence(Tagging tagging) {
    Sequence sequence = new Sequence();
    for (int t = 0; t < tagging.labels().length; t++) {
      sequence.add(outcomes[tagging.labels()[t]], tagging.probabilities()[t]);
    }
    return sequence;
  }

  /**
   * Tags many sentences at once, spread over {@code threads} threads (1: the calling thread only);
   * results are in input order. Each sentence is tagged alone, without the document context a model may carry:
   * that needs the sentences of a document in order, through one {@code NameFinderME}.
   */
  public List<Sequence> tagAll(List<String[]> sentences, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (threads == 1 || sentences.size() < 2) {
      return sentences.stream().map(this::tag).toList();
    }
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
    try {
      return pool.submit(() -> sentences.parallelStream().map(this::tag).toList()).join();
    } finally {
      pool.shutdown();
    }
  }

  /**
   * The CRF's best sequence; when {@code cg} is the {@link DocumentContextGenerator} of a {@code NameFinderME}
   * whose model has document context, decoded with its document memory.
   */
  @Override
  public <T> Sequence bestSequence(T[] sequence, Object[] additionalContext, BeamSearchContextGenerator<T> cg,
      SequenceValidator<T> validator) {
    return cg instanceof DocumentContextGenerator document && sequence instanceof String[] tokens
        ? tag(tokens, document.memory()) : tag(asTokens(sequence));
  }

  /** Returns the single best sequence: the CRF decodes exactly, there is no beam of alternatives. */
  @Override
  public <T> Sequence[] bestSequences(int numSequences, T[] sequence, Object[] additionalContext,
      double minSequenceScore, BeamSearchContextGenerator<T> cg, SequenceValidator<T> validator) {
    return new Sequence[] {bestSequence(sequence, null, cg, validator)};
  }

  /** Returns the single best sequence: the CRF decodes exactly, there is no beam of alternatives. */
  @Override
  public <T> Sequence[] bestSequences(int numSequences, T[] sequence, Object[] additionalContext,
      BeamSearchContextGenerator<T> cg, SequenceValidator<T> validator) {
    return new Sequence[] {bestSequence(sequence, null, cg, validator)};
  }

  @Override
  public String[] getOutcomes() {
    return outcomes.clone();
  }

  @Override
  public Class<?> getArtifactSerializerClass() {
    return BiLstmCrfModelSerializer.class;
  }

  private static <T> String[] asTokens(T[] sequence) {
    String[] tokens = new String[sequence.length];
    for (int i = 0; i < sequence.length; i++) {
      tokens[i] = String.valueOf(sequence[i]);
    }
    return tokens;
  }
}
