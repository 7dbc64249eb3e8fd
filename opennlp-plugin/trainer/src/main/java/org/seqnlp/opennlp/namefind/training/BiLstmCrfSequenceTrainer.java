package org.seqnlp.opennlp.namefind.training;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.SequenceTrainer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.Sequence;
import opennlp.tools.ml.model.SequenceClassificationModel;
import opennlp.tools.ml.model.SequenceStream;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingConfiguration;
import opennlp.tools.util.TrainingParameters;
import org.seqnlp.io.OutputFiles;
import org.seqnlp.io.tensor.TensorFile;
import org.seqnlp.opennlp.formats.ConllNameSampleStream;
import org.seqnlp.opennlp.formats.TagScheme;
import org.seqnlp.opennlp.namefind.BiLstmCrfSequenceModel;
import org.seqnlp.opennlp.namefind.EntityScores;
import org.seqnlp.opennlp.namefind.gazetteer.GazetteerFiles;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork;
import org.seqnlp.opennlp.settings.TypedParameters;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.format.VectorFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenNLP's entry point to BiLSTM-CRF training: name this class in the {@code Algorithm} training
 * parameter and {@code NameFinderME.train} (or {@code opennlp TokenNameFinderTrainer}) hands it the
 * name samples and stores the returned {@link BiLstmCrfSequenceModel} in a normal
 * {@code TokenNameFinderModel}.
 *
 * <p>Training parameters (all optional): those of {@link TrainingSettings} (read by {@link
 * TrainingSettings#from}, defaults {@link TrainingSettings#DEFAULTS}; {@value TrainingSettings#GAZETTEERS}
 * are name lists typed by their file names as {@link GazetteerFiles} reads them, whose compiled lists travel
 * inside the model), {@value #WORD_VECTORS} (word-vector file, any format {@code VectorFiles} detects),
 * {@value #SUBWORD_VECTORS} ({@code true}: training words outside the vectors' vocabulary start from the
 * subword vector of a file that holds n-gram vectors; default {@code false}, random as without it) and
 * {@value #DEV_DATA} (CoNLL column file for early stopping) in {@value #DEV_DATA_ENCODING} (a charset name;
 * default UTF-8).
 * OpenNLP's own {@code Iterations} and {@code Cutoff} do not apply. The trained model's manifest records
 * the training wall time under {@value #TRAINING_SECONDS_MANIFEST_ENTRY} and, with gazetteers, the lists
 * under {@value #GAZETTEER_FILES_MANIFEST_ENTRY} and the attributions their licences require under
 * {@value #GAZETTEER_ATTRIBUTIONS_MANIFEST_ENTRY}.
 *
 * <p>OpenNLP instantiates this class three times while checking the parameters, so the constructor
 * does nothing.
 */
public final class BiLstmCrfSequenceTrainer implements SequenceTrainer {

  public static final String WORD_VECTORS = "WordVectors";
  public static final String SUBWORD_VECTORS = "SubwordVectors";
  public static final String DEV_DATA = "DevData";
  public static final String DEV_DATA_ENCODING = "DevDataEncoding";

  /**
   * The manifest entry of a trained model that holds the training wall time in seconds, so an
   * evaluation that loads the model can still report what training it cost.
   */
  public static final String TRAINING_SECONDS_MANIFEST_ENTRY = "SeqNLP-Training-Seconds";
  /** The manifest entry listing the gazetteer files a model was trained with (folder/file, comma-separated). */
  public static final String GAZETTEER_FILES_MANIFEST_ENTRY = "SeqNLP-Gazetteer-Files";
  /** The manifest entry with the attributions the licences of those files require ("; "-separated). */
  public static final String GAZETTEER_ATTRIBUTIONS_MANIFEST_ENTRY = "SeqNLP-Gazetteer-Attributions";

  private static final Logger LOG = LoggerFactory.getLogger(BiLstmCrfSequenceTrainer.class);

  private TrainingParameters parameters = new TrainingParameters();
  /** OpenNLP copies these entries into the manifest of the model it builds around ours. */
  private Map<String, String> reportMap = new HashMap<>();

  @Override
  public void init(TrainingParameters parameters, Map<String, String> reportMap) {
    this.parameters = parameters;
    if (reportMap != null) {
      this.reportMap = reportMap;
    }
  }

  @Override
  public void init(TrainingParameters parameters, Map<String, String> reportMap,
      TrainingConfiguration configuration) {
    init(parameters, reportMap);
  }

  @Override
  public <T> SequenceClassificationModel train(SequenceStream<T> events) throws IOException {
    long started = System.nanoTime();
    TrainingSettings settings = TrainingSettings.from(parameters).validate();
    List<String> unread = unreadParameters(parameters);
    if (!unread.isEmpty()) {
      // A misspelt key would otherwise train for an hour at the default it meant to change.
      LOG.warn("the BiLSTM-CRF trainer does not read these training parameters, which have no effect: {}",
          String.join(", ", unread));
    }
    // A missing or untyped list, or a checkpoint that cannot be written, fails here, not after the vectors are read
    // or an epoch is trained.
    List<Path> gazetteerFiles = GazetteerFiles.listFiles(settings.gazetteers());
    if (settings.checkpoint() != null) {
      List<Path> inputs = new ArrayList<>(gazetteerFiles);
      for (String input : new String[] {parameters.getStringParameter(DEV_DATA, null),
          parameters.getStringParameter(WORD_VECTORS, null)}) {
        if (input != null) {
          inputs.add(Path.of(input));
        }
      }
      try {
        OutputFiles.checkWritable(settings.checkpoint(), inputs.toArray(new Path[0]));
        OutputFiles.checkWritable(TrainingRunState.fileFor(settings.checkpoint()), inputs.toArray(new Path[0]));
      } catch (IOException e) {
        throw new IOException(TrainingSettings.CHECKPOINT + ": " + e.getMessage(), e);
      }
    }
    List<String[]> tokens = new ArrayList<>();
    List<String[]> outcomes = new ArrayList<>();
    // with it even when every training token is in a name, so that the model can leave a token out of names
    TreeSet<String> labels = new TreeSet<>(List.of(BioCodec.OTHER));
    Sequence<T> sequence;
    while ((sequence = events.read()) != null) {
      if (!(sequence.getSource() instanceof NameSample sample)) {
        throw new IllegalArgumentException("the BiLSTM-CRF trainer trains name finders only, got "
            + (sequence.getSource() == null ? "no samples" : sequence.getSource().getClass().getName()));
      }
      Event[] sentenceEvents = sequence.getEvents();
      String[] sentenceOutcomes = new String[sentenceEvents.length];
      for (int i = 0; i < sentenceEvents.length; i++) {
        sentenceOutcomes[i] = sentenceEvents[i].getOutcome();
        labels.add(sentenceOutcomes[i]);
      }
      requireTokens(sample.getSentence(), tokens.size() + 1);
      tokens.add(sample.getSentence());
      outcomes.add(sentenceOutcomes);
    }
    List<String> labelList = List.copyOf(labels);
    if (typesOf(labelList).isEmpty()) {
      // caught here rather than by OpenNLP, which refuses the model only after every epoch has run
      throw new IllegalArgumentException("the training samples hold no names (" + tokens.size() + " sentences),"
          + " so there is nothing to learn; are they read in the right format?");
    }
    List<LabeledSentence> sentences = new ArrayList<>(tokens.size());
    for (int s = 0; s < tokens.size(); s++) {
      int[] indices = new int[tokens.get(s).length];
      for (int t = 0; t < indices.length; t++) {
        indices[t] = labelList.indexOf(outcomes.get(s)[t]);
      }
      sentences.add(new LabeledSentence(tokens.get(s), indices));
    }
    List<NameSample> devSamples = developmentData(parameters);
    if (devSamples != null) {
      requireSharedTypes(devSamples, typesOf(labelList), parameters.getStringParameter(DEV_DATA, null));
    }
    BiLstmCrfTrainer.DevelopmentScore development = devSamples == null ? null
        : developmentF1(devSamples, labelList);
    WordVectors vectors = readVectors(settings);
    BiLstmCrfNetwork network = new BiLstmCrfTrainer(settings, true)
        .train(labelList, sentences, vectors, development);
    reportMap.put(TRAINING_SECONDS_MANIFEST_ENTRY,
        String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
    reportMap.putAll(gazetteerManifestEntries(gazetteerFiles));
    return new BiLstmCrfSequenceModel(network);
  }

  /** The samples of {@value #DEV_DATA} in {@value #DEV_DATA_ENCODING}, or null without development data. */
  static List<NameSample> developmentData(TrainingParameters parameters) throws IOException {
    String devData = parameters.getStringParameter(DEV_DATA, null);
    if (devData == null) {
      return null;
    }
    String encoding = parameters.getStringParameter(DEV_DATA_ENCODING, StandardCharsets.UTF_8.name());
    Charset charset;
    try {
      charset = Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(DEV_DATA_ENCODING + ": unknown character encoding '" + encoding + "'", e);
    }
    return ConllNameSampleStream.readAll(Path.of(devData), charset, TagScheme.AUTO);
  }

  /**
   * The keys of {@code parameters} this trainer does not read, sorted: OpenNLP's other trainers' or misspelt.
   * Left out are those OpenNLP itself sets or reads: {@code NameFinderME.train} adds its perceptron's
   * iterations and cutoff to every training, and {@code NameFinderME} reads the beam size.
   */
  static List<String> unreadParameters(TrainingParameters parameters) {
    Set<String> read = new HashSet<>(TrainingSettings.KEYS);
    read.addAll(List.of(WORD_VECTORS, SUBWORD_VECTORS, DEV_DATA, DEV_DATA_ENCODING, TrainingParameters.ALGORITHM_PARAM,
        TrainingParameters.TRAINER_TYPE_PARAM, TrainingParameters.ITERATIONS_PARAM, TrainingParameters.CUTOFF_PARAM,
        BeamSearch.BEAM_SIZE_PARAMETER));
    return parameters.getObjectSettings().keySet().stream().filter(key -> !read.contains(key)).sorted().toList();
  }

  /**
   * Refuses a token the vocabulary cannot hold, naming the sample (from 1) and the token (from 1): before training,
   * as a token longer than the model format stores would fail the save after the whole run.
   */
  private static void requireTokens(String[] sentence, int sample) {
    for (int t = 0; t < sentence.length; t++) {
      if (sentence[t] == null || sentence[t].isEmpty()) {
        throw new IllegalArgumentException("name sample " + sample + ", token " + (t + 1) + ": "
            + (sentence[t] == null ? "no token (null)" : "an empty token") + ", which the name finder cannot learn"
            + " from");
      }
      int bytes = sentence[t].getBytes(StandardCharsets.UTF_8).length;
      if (bytes > TensorFile.MAX_STRING_BYTES) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "name sample %,d, token %,d: a token of %,d"
            + " bytes ('%s...') is longer than the %,d bytes a model stores", sample, t + 1, bytes,
            sentence[t].substring(0, 20), TensorFile.MAX_STRING_BYTES));
      }
    }
  }

  /**
   * Refuses development data without a name of a type the model learns: every epoch would score 0, the first would
   * be kept, and training would stop after {@code Patience} epochs without a word (as with OpenNLP-format training
   * types such as PER against CoNLL development data's person).
   */
  private static void requireSharedTypes(List<NameSample> devSamples, Set<String> trainedTypes, String devData) {
    Set<String> devTypes = new TreeSet<>();
    for (NameSample sample : devSamples) {
      for (Span name : sample.getNames()) {
        devTypes.add(name.getType());
      }
    }
    if (devTypes.isEmpty()) {
      throw new IllegalArgumentException(DEV_DATA + " " + devData + ": no names, so every epoch would score 0");
    }
    if (devTypes.stream().noneMatch(trainedTypes::contains)) {
      throw new IllegalArgumentException(DEV_DATA + " " + devData + ": its names are of the types " + devTypes
          + ", none of which the training data has (" + new TreeSet<>(trainedTypes) + "), so every epoch would"
          + " score 0");
    }
  }

  /**
   * The manifest entries that record the name lists {@code listFiles} (as {@link GazetteerFiles#listFiles}
   * gives them) and the attributions their licences require; none without lists. Also used when a model is
   * made from a checkpoint, so that it carries the same entries as the trained one.
   */
  public static Map<String, String> gazetteerManifestEntries(List<Path> listFiles) {
    Map<String, String> entries = new LinkedHashMap<>();
    if (!listFiles.isEmpty()) {
      entries.put(GAZETTEER_FILES_MANIFEST_ENTRY, listFiles.stream()
          .map(BiLstmCrfSequenceTrainer::folderAndName).collect(Collectors.joining(", ")));
      List<String> attributions = GazetteerAttributions.of(listFiles);
      if (!attributions.isEmpty()) {
        entries.put(GAZETTEER_ATTRIBUTIONS_MANIFEST_ENTRY, String.join("; ", attributions));
      }
    }
    return entries;
  }

  /**
   * The vectors of {@value #WORD_VECTORS}, with their n-gram vectors only when {@value #SUBWORD_VECTORS} is true;
   * the settings that need vectors fail without them instead of doing nothing.
   */
  private WordVectors readVectors(TrainingSettings settings) throws IOException {
    String vectorFile = parameters.getStringParameter(WORD_VECTORS, null);
    boolean subwords = TypedParameters.bool(parameters, SUBWORD_VECTORS, false);
    if (vectorFile == null) {
      if (settings.freezeVectors()) {
        throw new IllegalArgumentException(TrainingSettings.FREEZE_VECTORS + "=true needs " + WORD_VECTORS
            + ", the vectors to keep");
      }
      if (subwords) {
        throw new IllegalArgumentException(SUBWORD_VECTORS + "=true needs " + WORD_VECTORS + ", a file with n-gram"
            + " vectors");
      }
      return null;
    }
    WordVectors vectors = VectorFiles.read(Path.of(vectorFile));
    if (subwords && vectors.subwords().isEmpty()) {
      throw new IllegalArgumentException(SUBWORD_VECTORS + "=true needs n-gram vectors, which " + vectorFile
          + " does not hold: train it with train-vectors --subwords, in the seqnlp format");
    }
    return subwords ? vectors : vectors.withoutSubwords();
  }

  /** A list file as its folder and name: what identifies it without the paths of the machine it was on. */
  private static String folderAndName(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null || parent.getFileName() == null ? file.getFileName().toString()
        : parent.getFileName() + "/" + file.getFileName();
  }

  /** The entity types of BIO outcomes such as {@code person-start}, {@code person-cont} and {@code other}. */
  static Set<String> typesOf(List<String> labels) {
    Set<String> types = new HashSet<>();
    for (String label : labels) {
      if (label.endsWith("-" + BioCodec.START)) {
        types.add(label.substring(0, label.length() - BioCodec.START.length() - 1));
      }
    }
    return types;
  }

  /**
   * Entity F1 on {@code samples} over the types the model learns (those of {@code labels}, the BIO outcomes of
   * training: names of other types in the dev file, e.g. with OpenNLP's {@code -types per}, would count as
   * misses), decoding outcomes with the BIO codec that OpenNLP's {@code NameSampleSequenceStream} encodes
   * training outcomes with.
   */
  static BiLstmCrfTrainer.DevelopmentScore developmentF1(List<NameSample> samples, List<String> labels) {
    BioCodec codec = new BioCodec();
    Set<String> types = typesOf(labels);
    String identity = digest(samples);
    return new BiLstmCrfTrainer.DevelopmentScore() {
      @Override
      public double score(BiLstmCrfNetwork network) {
        BiLstmCrfSequenceModel model = new BiLstmCrfSequenceModel(network);
        EntityScores scores = new EntityScores();
        for (NameSample sample : samples) {
          List<String> predicted = model.tag(sample.getSentence()).getOutcomes();
          Span[] learnt = Arrays.stream(sample.getNames()).filter(name -> types.contains(name.getType()))
              .toArray(Span[]::new);
          scores.add(learnt, codec.decode(predicted));
        }
        return scores.overall().f1();
      }

      @Override
      public String identity() {
        return identity;
      }
    };
  }

  /** The number of samples and a CRC-32 of their tokens and names. */
  private static String digest(List<NameSample> samples) {
    CRC32 crc = new CRC32();
    for (NameSample sample : samples) {
      crc.update(String.join(" ", sample.getSentence()).getBytes(StandardCharsets.UTF_8));
      for (Span name : sample.getNames()) {
        crc.update((name.getStart() + ":" + name.getEnd() + ":" + name.getType()).getBytes(StandardCharsets.UTF_8));
      }
      crc.update('\n');
    }
    return samples.size() + " sentences, CRC-32 " + Long.toHexString(crc.getValue());
  }
}
