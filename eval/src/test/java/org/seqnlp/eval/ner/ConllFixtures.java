package org.seqnlp.eval.ner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.seqnlp.opennlp.formats.ConllNameSampleStream;
import org.seqnlp.opennlp.formats.TagScheme;

/** Small synthetic CoNLL-2003 files for the name-finder tests, and a name finder trained on them without DL4J. */
public final class ConllFixtures {

  private ConllFixtures() {
  }

  /** Sentences from templates in CoNLL-2003 columns (IOB1 tags), one document. */
  public static Path conllFile(Path file, int sentences, long seed) throws IOException {
    String[][] people = {{"John", "Smith"}, {"Maria", "Garcia"}, {"Wei", "Zhang"}, {"Olga"}};
    String[][] places = {{"Paris"}, {"New", "York"}, {"Berlin"}, {"Lagos"}};
    String[][] templates = {{"PER", "visited", "LOC", "on", "Monday", "."}, {"PER", "flew", "to", "LOC", "."},
        {"the", "mayor", "of", "LOC", "met", "PER", "."}};
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>(List.of("-DOCSTART- -X- O O", ""));
    for (int s = 0; s < sentences; s++) {
      for (String slot : templates[random.nextInt(templates.length)]) {
        String[][] fillers = slot.equals("PER") ? people : slot.equals("LOC") ? places : null;
        if (fillers == null) {
          lines.add(slot + " XX O O");
        } else {
          for (String token : fillers[random.nextInt(fillers.length)]) {
            lines.add(token + " NNP I-NP I-" + slot);
          }
        }
      }
      lines.add("");
    }
    return Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /** The sentences of a CoNLL file, read as the commands read it. */
  public static List<NameSample> samples(Path file) throws IOException {
    return ConllNameSampleStream.readAll(file, StandardCharsets.UTF_8, TagScheme.AUTO);
  }

  /**
   * OpenNLP's own {@code NameFinderME} trained on {@code samples} as {@code opennlp TokenNameFinderTrainer}
   * trains it without {@code -params} (no parameters: {@code NameFinderME.train} fills in its perceptron
   * defaults), in a second.
   */
  public static TokenNameFinderModel nameFinderMe(List<NameSample> samples) throws IOException {
    return NameFinderME.train("eng", null, ObjectStreamUtils.createObjectStream(samples),
        new TrainingParameters(), new TokenNameFinderFactory());
  }
}
