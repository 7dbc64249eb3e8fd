package org.seqnlp.opennlp.namefind.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqnlp.opennlp.namefind.training.CapitalisedNames.LABELS;
import static org.seqnlp.opennlp.namefind.training.CapitalisedNames.PROBE;
import static org.seqnlp.opennlp.namefind.training.CapitalisedNames.sentences;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.tensor.TensorBundle;
import org.seqnlp.io.tensor.TensorFile;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetworkFormat;

/** A run started again with its checkpoint resumes after its last epoch, with every trained array's state. */
class TrainingRunStateTest {

  @TempDir
  Path directory;

  private static TrainingSettings settings(int epochs, int patience, int hidden, double averageDecay,
      Path checkpoint) {
    return settings(epochs, patience, hidden, averageDecay, checkpoint, List.of());
  }

  private static TrainingSettings settings(int epochs, int patience, int hidden, double averageDecay,
      Path checkpoint, List<Path> gazetteers) {
    TrainingSettings d = TrainingSettings.DEFAULTS;
    return new TrainingSettings(epochs, patience, 8, 8, 4, 6, d.maxWordChars(), hidden, 0.02, 0, d.gradientClip(),
        d.maxVocabulary(), d.embeddingBits(), d.seed(), checkpoint, gazetteers, false, averageDecay, 0, 0);
  }

  private static BatchTrainer batchTrainer(TrainingSettings settings, List<LabeledSentence> sentences) {
    Random random = new Random(settings.seed());
    TrainingVocabulary vocabulary = new TrainingVocabulary(sentences, null, settings.maxVocabulary());
    return new BatchTrainer(settings, LABELS, sentences, vocabulary, new GazetteerMatches(null, sentences),
        new TrainableTokenEncoder(vocabulary, null, settings, random), random);
  }

  /** The batches of {@code sentences} of one length, in order. */
  private static List<int[]> batches(List<LabeledSentence> sentences) {
    return new LengthBatches(sentences, 8, new Random(3)).shuffled();
  }

  /**
   * The state restores everything a step depends on: after it, a fresh trainer takes the next steps exactly as the
   * one that saved it (the last steps' weights and their moving average alike), which it would not with any of
   * Adam's moments, an average or the step count left at its start.
   */
  @Test
  void aRestoredTrainerStepsExactlyAsTheOneThatSavedIt() throws IOException {
    TrainingSettings settings = settings(1, 0, 8, 0.9, null);
    List<LabeledSentence> sentences = sentences(60, 2);
    List<int[]> batches = batches(sentences);
    BatchTrainer saving = batchTrainer(settings, sentences);
    for (int[] batch : batches.subList(0, 4)) {
      saving.train(batch);
    }
    TensorBundle state = new TensorBundle();
    saving.save(state);
    Path file = directory.resolve("state.bin");
    try (var out = Files.newOutputStream(file)) {
      TensorFile.write(state, out);
    }
    BatchTrainer restored = batchTrainer(settings, sentences);
    assertFalse(Arrays.equals(saving.network().emissions(PROBE), restored.network().emissions(PROBE)));
    restored.restore(TensorFile.read(file), saving.steps());
    assertEquals(4, restored.steps());
    for (int[] batch : batches.subList(4, batches.size())) {
      assertEquals(saving.train(batch), restored.train(batch), 0.0, "the loss of each next step");
    }
    assertArrayEquals(saving.network().emissions(PROBE), restored.network().emissions(PROBE));
    assertArrayEquals(saving.averagedNetwork().emissions(PROBE), restored.averagedNetwork().emissions(PROBE));
  }

  /**
   * Counts the epochs scored, with a score that rises every epoch so that each is the best so far; the process
   * "dies" at epoch {@code diesAt}: before that epoch's state is saved, as a killed process would.
   */
  private static final class CountingScore implements BiLstmCrfTrainer.DevelopmentScore {
    private final int diesAt;
    int scored;

    CountingScore(int diesAt) {
      this.diesAt = diesAt;
    }

    @Override
    public double score(BiLstmCrfNetwork network) {
      if (++scored == diesAt) {
        throw new IllegalStateException("killed");
      }
      return scored;
    }
  }

  /** The state left by a run on {@code sentences(40, 1)} killed in epoch 2, checkpointed to {@code checkpoint}. */
  private static Path killedRunState(Path checkpoint) {
    trainUntilKilled(settings(3, 0, 8, 0, checkpoint), sentences(40, 1), 2);
    return TrainingRunState.fileFor(checkpoint);
  }

  /** Trains until the run is killed in epoch {@code diesAt}; leaves the state of the epoch before. */
  private static void trainUntilKilled(TrainingSettings settings, List<LabeledSentence> sentences, int diesAt) {
    assertThrows(IllegalStateException.class, () -> new BiLstmCrfTrainer(settings, false)
        .train(LABELS, sentences, null, new CountingScore(diesAt)));
  }

  @Test
  void anInterruptedRunResumesAfterItsLastEpochAndAnEndedOneDeletesItsState() throws IOException {
    Path checkpoint = directory.resolve("best.bin");
    List<LabeledSentence> sentences = sentences(60, 2);
    trainUntilKilled(settings(4, 0, 8, 0, checkpoint), sentences, 2);
    assertTrue(Files.exists(TrainingRunState.fileFor(checkpoint)));

    CountingScore resumed = new CountingScore(0);
    BiLstmCrfNetwork best = new BiLstmCrfTrainer(settings(3, 0, 8, 0, checkpoint), false)
        .train(LABELS, sentences, null, resumed);
    assertEquals(2, resumed.scored, "epochs 2 and 3 only: Epochs may change on resuming");
    assertArrayEquals(best.emissions(PROBE), BiLstmCrfNetworkFormat.read(checkpoint).emissions(PROBE));
    assertFalse(Files.exists(TrainingRunState.fileFor(checkpoint)), "the run ended");

    CountingScore afresh = new CountingScore(0);
    new BiLstmCrfTrainer(settings(3, 0, 8, 0, checkpoint), false).train(LABELS, sentences, null, afresh);
    assertEquals(3, afresh.scored, "the next run with the checkpoint, say the next fold, starts afresh");
  }

  /** A run killed in the epoch that would have stopped it resumes with its count of epochs without gain. */
  @Test
  void aResumedRunKeepsItsEarlyStoppingState() throws IOException {
    Path checkpoint = directory.resolve("early.bin");
    List<LabeledSentence> sentences = sentences(40, 5);
    List<Integer> scored = new ArrayList<>();
    BiLstmCrfTrainer.DevelopmentScore falling = network -> {
      scored.add(scored.size());
      if (scored.size() == 3) {
        throw new IllegalStateException("killed");
      }
      return -scored.size();
    };
    assertThrows(IllegalStateException.class, () -> new BiLstmCrfTrainer(settings(6, 2, 8, 0, checkpoint), false)
        .train(LABELS, sentences, null, falling));
    BiLstmCrfNetwork best = new BiLstmCrfTrainer(settings(6, 2, 8, 0, checkpoint), false)
        .train(LABELS, sentences, null, falling);
    assertEquals(4, scored.size(), "one epoch after epoch 2, the first without gain, and it stops");
    assertArrayEquals(best.emissions(PROBE), BiLstmCrfNetworkFormat.read(checkpoint).emissions(PROBE),
        "the best stays epoch 1's");
  }

  /** Stopped between writing an improved checkpoint and its state, a run puts the state's best network back. */
  @Test
  void aResumedRunRewritesItsCheckpointWithTheBestNetworkOfItsState() throws IOException {
    Path checkpoint = directory.resolve("ahead.bin");
    List<LabeledSentence> sentences = sentences(40, 3);
    trainUntilKilled(settings(4, 0, 8, 0, checkpoint), sentences, 2);
    BiLstmCrfNetwork saved = BiLstmCrfNetworkFormat.fromBundle(
        TensorFile.read(TrainingRunState.fileFor(checkpoint)).part("best/"));
    BiLstmCrfNetwork other = new BiLstmCrfTrainer(settings(1, 0, 8, 0, null), false)
        .train(LABELS, sentences(40, 9), null, null);
    try (var out = Files.newOutputStream(checkpoint)) {
      BiLstmCrfNetworkFormat.write(other, out);
    }
    trainUntilKilled(settings(4, 0, 8, 0, checkpoint), sentences, 1);
    assertArrayEquals(saved.emissions(PROBE), BiLstmCrfNetworkFormat.read(checkpoint).emissions(PROBE));
  }

  /**
   * Saving the state leaves the run alone: with a moving average over many steps and many words, whose rows catch
   * up at different steps, a run with a checkpoint ends with the same bits as one without.
   */
  @Test
  void savingTheStateDoesNotChangeTheRun() throws IOException {
    Random random = new Random(4);
    List<LabeledSentence> sentences = new ArrayList<>();
    for (int s = 0; s < 150; s++) {
      String[] tokens = new String[4];
      int[] labels = new int[4];
      for (int t = 0; t < 4; t++) {
        boolean name = random.nextInt(4) == 0;
        tokens[t] = (name ? "Name" : "w") + random.nextInt(400);
        labels[t] = name ? 1 : 0;
      }
      sentences.add(new LabeledSentence(tokens, labels));
    }
    BiLstmCrfNetwork without = new BiLstmCrfTrainer(settings(3, 0, 8, 0.999, null), false)
        .train(LABELS, sentences, null, null);
    BiLstmCrfNetwork with = new BiLstmCrfTrainer(settings(3, 0, 8, 0.999, directory.resolve("bits.bin")), false)
        .train(LABELS, sentences, null, null);
    assertArrayEquals(without.emissions(PROBE), with.emissions(PROBE));
  }

  @Test
  void theStateOfAnotherRunIsRefusedNamingTheDifference() throws IOException {
    Path checkpoint = directory.resolve("run.bin");
    List<LabeledSentence> sentences = sentences(40, 1);
    killedRunState(checkpoint);
    IllegalArgumentException hidden = assertThrows(IllegalArgumentException.class,
        () -> new BiLstmCrfTrainer(settings(2, 0, 9, 0, checkpoint), false).train(LABELS, sentences, null, null));
    assertTrue(hidden.getMessage().contains("Hidden was 8, is 9"), hidden.getMessage());
    assertTrue(hidden.getMessage().endsWith("delete it to start afresh, or give another Checkpoint"),
        hidden.getMessage());
    IllegalArgumentException data = assertThrows(IllegalArgumentException.class,
        () -> new BiLstmCrfTrainer(settings(2, 0, 8, 0, checkpoint), false)
            .train(LABELS, sentences(40, 2), null, null));
    assertTrue(data.getMessage().contains("training-sentences was 40 sentences, CRC-32 "), data.getMessage());
  }

  /** The gazetteers are the run's by their lists: moved, or given file by file, they resume; changed, they do not. */
  @Test
  void gazetteersAreComparedByTheirListsNotTheirPaths() throws IOException {
    Path first = Files.createDirectories(directory.resolve("lists"));
    Files.writeString(first.resolve("per-people.txt"), "Anna\nPeter\n");
    Files.writeString(first.resolve("loc-cities.txt"), "Oslo\nBerlin\n");
    Path checkpoint = directory.resolve("listed.bin");
    List<LabeledSentence> sentences = sentences(40, 6);
    trainUntilKilled(settings(3, 0, 8, 0, checkpoint, List.of(first)), sentences, 2);
    Path moved = Files.createDirectories(directory.resolve("moved"));
    Files.copy(first.resolve("per-people.txt"), moved.resolve("per-people.txt"));
    Files.copy(first.resolve("loc-cities.txt"), moved.resolve("loc-cities.txt"));
    CountingScore resumed = new CountingScore(0);
    new BiLstmCrfTrainer(settings(3, 0, 8, 0, checkpoint,
        List.of(moved.resolve("per-people.txt"), moved.resolve("loc-cities.txt"))), false)
        .train(LABELS, sentences, null, resumed);
    assertEquals(2, resumed.scored, "resumed after epoch 1");

    trainUntilKilled(settings(3, 0, 8, 0, checkpoint, List.of(first)), sentences, 2);
    Files.writeString(moved.resolve("loc-cities.txt"), "Oslo\nParis\n");
    IllegalArgumentException changed = assertThrows(IllegalArgumentException.class,
        () -> new BiLstmCrfTrainer(settings(3, 0, 8, 0, checkpoint, List.of(moved)), false)
            .train(LABELS, sentences, null, new CountingScore(0)));
    assertTrue(changed.getMessage().contains("gazetteer was 4 entries, CRC-32 "), changed.getMessage());
  }

  /** A state whose best network has other labels than the run's (a forged or mixed-up file) is refused. */
  @Test
  void aBestNetworkWithOtherLabelsIsRefused() throws IOException {
    Path checkpoint = directory.resolve("labels.bin");
    List<LabeledSentence> sentences = sentences(40, 1);
    Path state = killedRunState(checkpoint);
    TensorBundle saved = TensorFile.read(state);
    TensorBundle forged = new TensorBundle();
    saved.texts().forEach(forged::addText);
    saved.stringLists().forEach((name, strings) -> forged.addStrings(name,
        name.equals("best/labels") ? List.of("other", "person-start") : strings));
    saved.tensors().values().forEach(forged::add);
    saved.byteTensors().values().forEach(forged::add);
    try (var out = Files.newOutputStream(state)) {
      TensorFile.write(forged, out);
    }
    InputFormatException e = assertThrows(InputFormatException.class, () -> new BiLstmCrfTrainer(
        settings(3, 0, 8, 0, checkpoint), false).train(LABELS, sentences, null, new CountingScore(0)));
    assertTrue(e.getMessage().contains("the best network's labels [other, person-start] are not the run's"),
        e.getMessage());
  }

  @Test
  void aDamagedStateIsAnErrorNamingTheFile() throws IOException {
    Path checkpoint = directory.resolve("damaged.bin");
    List<LabeledSentence> sentences = sentences(40, 1);
    Path state = killedRunState(checkpoint);
    byte[] bytes = Files.readAllBytes(state);
    Files.write(state, Arrays.copyOf(bytes, bytes.length / 2));
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> new BiLstmCrfTrainer(settings(2, 0, 8, 0, checkpoint), false).train(LABELS, sentences, null, null));
    assertTrue(e.getMessage().startsWith(state + ": byte "), e.getMessage());
    assertTrue(e.getMessage().endsWith("; delete it to start afresh"), e.getMessage());
  }

  @Test
  void theIdentityLeavesOutWhatAResumedRunMayChange() {
    Map<String, String> identity = TrainingRunState.identity(settings(5, 3, 8, 0, directory.resolve("c.bin")),
        LABELS, sentences(10, 1), null, null, null);
    assertFalse(identity.containsKey(TrainingSettings.EPOCHS));
    assertFalse(identity.containsKey(TrainingSettings.PATIENCE));
    assertFalse(identity.containsKey(TrainingSettings.CHECKPOINT));
    assertEquals("8", identity.get(TrainingSettings.HIDDEN));
    assertEquals(identity, TrainingRunState.identity(settings(9, 0, 8, 0, directory.resolve("other.bin")), LABELS,
        sentences(10, 1), null, null, null));
  }
}
