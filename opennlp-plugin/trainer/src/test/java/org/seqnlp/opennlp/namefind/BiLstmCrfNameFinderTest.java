package org.seqnlp.opennlp.namefind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import java.nio.charset.StandardCharsets;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderEvaluator;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Sequence;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.seqnlp.io.InputFormatException;

class BiLstmCrfNameFinderTest {

  private static final List<NameSample> HELD_OUT = SyntheticNames.samples(60, 99);

  private static TokenNameFinderModel reloaded() throws IOException {
    return new TokenNameFinderModel(new ByteArrayInputStream(SyntheticNames.serializedModel()));
  }

  @Test
  void nameFinderMeTagsWithTheReloadedModelAndFillsProbabilities() throws IOException {
    TokenNameFinderModel model = reloaded();
    assertInstanceOf(BiLstmCrfSequenceModel.class, model.getNameFinderSequenceModel());
    NameFinderME finder = new NameFinderME(model);
    EntityScores scores = new EntityScores();
    for (NameSample sample : HELD_OUT) {
      Span[] found = finder.find(sample.getSentence());
      scores.add(sample.getNames(), found);
      double[] probabilities = finder.probs();
      assertEquals(sample.getSentence().length, probabilities.length);
      for (double p : probabilities) {
        assertTrue(p > 0 && p <= 1 + 1e-9, "probability " + p);
      }
      for (Span span : found) {
        assertTrue(span.getProb() > 0, "span probability of " + span);
      }
    }
    assertTrue(scores.overall().f1() > 0.9, "held-out F1 " + scores.overall().f1());
  }

  @Test
  void manifestNamesOurSerializer() throws IOException {
    TokenNameFinderModel model = reloaded();
    assertEquals(BiLstmCrfModelSerializer.class.getName(),
        model.getManifestProperty("serializer-class-nameFinder.model"));
  }

  @Test
  void stockEvaluatorAgreesWithEntityScores() throws IOException {
    TokenNameFinderModel model = reloaded();
    TokenNameFinderEvaluator evaluator = new TokenNameFinderEvaluator(new NameFinderME(model));
    evaluator.evaluate(ObjectStreamUtils.createObjectStream(HELD_OUT));
    NameFinderME finder = new NameFinderME(model);
    EntityScores scores = new EntityScores();
    for (NameSample sample : HELD_OUT) {
      if (sample.isClearAdaptiveDataSet()) {
        finder.clearAdaptiveData();
      }
      scores.add(sample.getNames(), finder.find(sample.getSentence()));
    }
    assertEquals(evaluator.getFMeasure().getPrecisionScore(), scores.overall().precision(), 1e-12);
    assertEquals(evaluator.getFMeasure().getRecallScore(), scores.overall().recall(), 1e-12);
    assertEquals(evaluator.getFMeasure().getFMeasure(), scores.overall().f1(), 1e-12);
  }

  @Test
  void eightThreadsSharingOneModelGetTheResultsOfOne() throws Exception {
    TokenNameFinderModel model = reloaded();
    List<String> expected = tagAll(new NameFinderME(model));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> tagAll(new NameFinderME(model))));
      }
      for (Future<List<String>> result : results) {
        assertEquals(expected, result.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  private static List<String> tagAll(NameFinderME finder) {
    List<String> results = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      for (NameSample sample : HELD_OUT) {
        Span[] spans = finder.find(sample.getSentence());
        results.add(java.util.Arrays.toString(spans) + java.util.Arrays.toString(finder.probs()));
      }
    }
    return results;
  }

  @Test
  void batchTaggingEqualsOneSentenceAtATime() throws IOException {
    BiLstmCrfSequenceModel model = (BiLstmCrfSequenceModel) reloaded().getNameFinderSequenceModel();
    List<String[]> sentences = HELD_OUT.stream().map(NameSample::getSentence).toList();
    List<Sequence> batched = model.tagAll(sentences, 2);
    for (int i = 0; i < sentences.size(); i++) {
      Sequence single = model.tag(sentences.get(i));
      assertEquals(single.getOutcomes(), batched.get(i).getOutcomes());
      assertArrayEquals(single.getProbs(), batched.get(i).getProbs());
    }
  }

  @Test
  void corruptedNetworkFailsWithAClearError() throws IOException {
    byte[] corrupted = replaceNetworkEntry(SyntheticNames.serializedModel(), network -> {
      network[network.length / 2] ^= 0x55;
      return network;
    });
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> new TokenNameFinderModel(new ByteArrayInputStream(corrupted)));
    assertTrue(e.getMessage().contains("nameFinder.model"), e.getMessage());
  }

  @Test
  void hostileSizesAreRejectedBeforeAllocating() throws IOException {
    byte[] hostile = replaceNetworkEntry(SyntheticNames.serializedModel(), network -> {
      // The shape of the word embeddings (rank, then two dimensions) follows the entry's name.
      byte[] name = "word-embeddings".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      int at = indexOf(network, name) + name.length;
      java.nio.ByteBuffer.wrap(network, at, 12).putInt(2).putInt(130_000).putInt(16_384);
      return network;
    });
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> new TokenNameFinderModel(new ByteArrayInputStream(hostile)));
    assertTrue(e.getMessage().contains("tensor 'word-embeddings' declares shape [130000, 16384]"), e.getMessage());
  }

  @Test
  void truncatedNetworkFailsWithAClearError() throws IOException {
    byte[] truncated = replaceNetworkEntry(SyntheticNames.serializedModel(),
        network -> java.util.Arrays.copyOf(network, network.length / 3));
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> new TokenNameFinderModel(new ByteArrayInputStream(truncated)));
    assertTrue(e.getMessage().contains("file ends inside entry"), e.getMessage());
  }

  /** Where {@code needle} first stands in {@code haystack}: one byte is one char in ISO-8859-1. */
  private static int indexOf(byte[] haystack, byte[] needle) {
    int at = new String(haystack, StandardCharsets.ISO_8859_1).indexOf(new String(needle, StandardCharsets.ISO_8859_1));
    assertTrue(at >= 0, "not found");
    return at;
  }

  /** Rewrites the model zip with the network entry changed by {@code change}. */
  private static byte[] replaceNetworkEntry(byte[] modelZip, java.util.function.UnaryOperator<byte[]> change)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(modelZip));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        byte[] content = readAll(in);
        if (entry.getName().equals("nameFinder.model")) {
          content = change.apply(content);
        }
        zip.putNextEntry(new ZipEntry(entry.getName()));
        zip.write(content);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }
}
