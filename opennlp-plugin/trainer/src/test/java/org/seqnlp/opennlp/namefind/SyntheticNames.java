package org.seqnlp.opennlp.namefind;

import org.seqnlp.opennlp.namefind.training.BiLstmCrfSequenceTrainer;
import org.seqnlp.opennlp.namefind.training.TrainingSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import opennlp.tools.util.ext.ExtensionLoader;

/**
 * Name samples made from templates and name lists, and one small model trained on them through
 * OpenNLP's own {@code NameFinderME.train}, shared by the tests of this package.
 */
final class SyntheticNames {

  private static final String[][] PEOPLE = {{"John", "Smith"}, {"Maria", "Garcia"}, {"Wei", "Zhang"},
      {"Anna", "Kowalski"}, {"Peter"}, {"Olga", "Ivanova"}, {"Ahmed", "Hassan"}, {"Laura", "Bianchi"}};
  private static final String[][] PLACES = {{"Paris"}, {"New", "York"}, {"Berlin"}, {"Tokyo"}, {"Lagos"},
      {"Buenos", "Aires"}, {"Oslo"}};
  private static final String[][] ORGANIZATIONS = {{"Acme", "Corp"}, {"United", "Nations"}, {"Siemens"},
      {"Red", "Cross"}, {"Reuters"}};
  private static final String[][] TEMPLATES = {
      {"PER", "visited", "LOC", "on", "Monday", "."},
      {"PER", "works", "for", "ORG", "in", "LOC", "."},
      {"ORG", "opened", "an", "office", "in", "LOC", "."},
      {"the", "spokesman", "of", "ORG", ",", "PER", ",", "said", "nothing", "."},
      {"PER", "and", "PER", "met", "in", "LOC", "yesterday", "."},
      {"shares", "of", "ORG", "fell", "sharply", "."}};

  private static TokenNameFinderModel model;

  private SyntheticNames() {
  }

  static List<NameSample> samples(int count, long seed) {
    Random random = new Random(seed);
    List<NameSample> samples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<String> tokens = new ArrayList<>();
      List<Span> names = new ArrayList<>();
      for (String slot : TEMPLATES[random.nextInt(TEMPLATES.length)]) {
        String[][] fillers = switch (slot) {
          case "PER" -> PEOPLE;
          case "LOC" -> PLACES;
          case "ORG" -> ORGANIZATIONS;
          default -> null;
        };
        if (fillers == null) {
          tokens.add(slot);
          continue;
        }
        String[] name = fillers[random.nextInt(fillers.length)];
        names.add(new Span(tokens.size(), tokens.size() + name.length, typeOf(slot)));
        tokens.addAll(List.of(name));
      }
      samples.add(new NameSample(tokens.toArray(new String[0]), names.toArray(new Span[0]), false));
    }
    return samples;
  }

  private static String typeOf(String slot) {
    return switch (slot) {
      case "PER" -> "person";
      case "LOC" -> "location";
      default -> "organization";
    };
  }

  static TrainingParameters parameters() {
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(TrainingParameters.ALGORITHM_PARAM, BiLstmCrfSequenceTrainer.class.getName());
    parameters.put(TrainingSettings.EPOCHS, 12);
    parameters.put(TrainingSettings.HIDDEN, 16);
    parameters.put(TrainingSettings.WORD_DIMENSION, 16);
    parameters.put(TrainingSettings.CHAR_DIMENSION, 8);
    parameters.put(TrainingSettings.CHAR_FILTERS, 12);
    parameters.put(TrainingSettings.LEARNING_RATE, 0.01);
    parameters.put(TrainingSettings.BATCH_SIZE, 8);
    return parameters;
  }

  /** A model trained once per test JVM through {@code NameFinderME.train}. */
  static synchronized TokenNameFinderModel model() {
    if (model == null) {
      ExtensionLoader.registerAllowedPackage("org.seqnlp.");
      try {
        model = NameFinderME.train("eng", null, ObjectStreamUtils.createObjectStream(samples(300, 1)),
            parameters(), new TokenNameFinderFactory());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return model;
  }

  static byte[] serializedModel() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      model().serialize(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
