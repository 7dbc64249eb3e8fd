package org.seqnlp.eval.vectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.seqnlp.io.LineReader;

/**
 * An analogy test set in the format of word2vec's {@code questions-words.txt}: lines
 * {@code : section-name} open a section, every other line is {@code a b c d}, read "a is to b as c is
 * to d".
 */
public final class AnalogyTest {

  /** In the Google set the first five sections (capitals, currencies, cities, family) are semantic. */
  public static final int GOOGLE_SEMANTIC_SECTIONS = 5;

  /** One question; the words as written in the file. */
  public record Question(String a, String b, String c, String expected) {
  }

  /** A named group of questions. */
  public record Section(String name, List<Question> questions) {
  }

  private final List<Section> sections;
  private final int semanticSections;

  public AnalogyTest(List<Section> sections, int semanticSections) {
    this.sections = List.copyOf(sections);
    this.semanticSections = semanticSections;
  }

  /** Reads the Google analogy set (its first five sections semantic, the others syntactic). */
  public static AnalogyTest readGoogle(Path file) throws IOException {
    List<Section> sections = new ArrayList<>();
    try (LineReader reader = LineReader.open(file, StandardCharsets.UTF_8)) {
      String name = null;
      List<Question> questions = null;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        line = line.strip();
        if (line.isEmpty()) {
          continue;
        }
        if (line.startsWith(":")) {
          if (name != null) {
            sections.add(new Section(name, questions));
          }
          name = line.substring(1).strip();
          questions = new ArrayList<>();
        } else {
          String[] words = line.split("\\s+");
          if (words.length != 4) {
            throw reader.error("expected 4 words, found " + words.length);
          }
          if (questions == null) {
            throw reader.error("question before the first ': section' line");
          }
          questions.add(new Question(words[0], words[1], words[2], words[3]));
        }
      }
      if (name != null) {
        sections.add(new Section(name, questions));
      }
      if (sections.isEmpty()) {
        throw reader.error("no analogy sections found");
      }
    }
    return new AnalogyTest(sections, GOOGLE_SEMANTIC_SECTIONS);
  }

  public List<Section> sections() {
    return sections;
  }

  /** Whether section {@code index} is semantic (the others are syntactic). */
  public boolean isSemantic(int index) {
    return index < semanticSections;
  }

  public int questionCount() {
    return sections.stream().mapToInt(section -> section.questions().size()).sum();
  }
}
