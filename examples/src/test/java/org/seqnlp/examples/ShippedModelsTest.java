package org.seqnlp.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
import org.seqnlp.opennlp.models.SeqNlpModels;
import org.seqnlp.vectors.NearestNeighbours;
import org.seqnlp.vectors.Neighbour;
import org.seqnlp.vectors.WordVectors;

/**
 * Loads every shipped model from its Maven artifact ({@code org.seqnlp:seqnlp-models-*}, test
 * dependencies of this module) in one line, as models/README.md shows, and checks that it works.
 */
class ShippedModelsTest {

  @Test
  void nameFindersFromTheirJars() throws IOException {
    TokenNameFinderModel english = SeqNlpModels.nameFinder("en");
    assertEquals(List.of("person Angela Merkel", "location Paris"),
        names(english, "Angela Merkel arrived in Paris on Tuesday ."));
    assertEquals(List.of("person José María Aznar", "location Barcelona"),
        names(SeqNlpModels.nameFinder("es"), "José María Aznar viajó a Barcelona ."));
    assertEquals(List.of("person Wim Kok", "location Amsterdam"),
        names(SeqNlpModels.nameFinder("nl"), "Wim Kok sprak dinsdag in Amsterdam ."));
  }

  @Test
  void languageModelsFromTheirJars(@TempDir Path directory) throws IOException {
    RnnLanguageModel words = SeqNlpModels.languageModel("ptb-word");
    Path text = Files.writeString(directory.resolve("text.txt"), "the company said it will sell the unit\n");
    Path reversed = Files.writeString(directory.resolve("reversed.txt"), "unit the sell will it said company the\n");
    double perplexity = words.perplexity(text, false).value();
    assertTrue(perplexity > 1 && perplexity < 1000, "perplexity " + perplexity);
    assertTrue(words.perplexity(reversed, false).value() > 10 * perplexity);

    RnnLanguageModel characters = SeqNlpModels.languageModel("ptb-char");
    assertArrayEquals(new String[] {"n"}, Arrays.copyOf(characters.predictNextTokens("t", "h", "e", " ", "c",
        "o", "m", "p", "a"), 1));
  }

  @Test
  void wordVectorsFromTheirJar() throws IOException {
    WordVectors vectors = SeqNlpModels.wordVectors("en");
    assertEquals(50_000, vectors.size());
    // The card's first neighbour of "france".
    List<Neighbour> nearest = new NearestNeighbours(vectors).nearest("france", 1, 0f);
    assertEquals("spain", nearest.get(0).word());
  }

  /** "type name" for each name in {@code sentence}, whose tokens are separated by spaces. */
  private static List<String> names(TokenNameFinderModel model, String sentence) {
    String[] tokens = sentence.split(" ");
    Span[] spans = new NameFinderME(model).find(tokens);
    String[] texts = Span.spansToStrings(spans, tokens);
    return IntStream.range(0, spans.length).mapToObj(i -> spans[i].getType() + " " + texts[i]).toList();
  }
}
