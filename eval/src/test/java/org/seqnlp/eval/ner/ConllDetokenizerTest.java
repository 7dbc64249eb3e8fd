package org.seqnlp.eval.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.seqnlp.eval.ner.ConllDetokenizer.Layout;

class ConllDetokenizerTest {

  private final ConllDetokenizer detokenizer = new ConllDetokenizer();

  private static NameSample sample(String tokens, Span... names) {
    return new NameSample(tokens.split(" "), names, false);
  }

  private final List<NameSample> document = List.of(
      sample("\" Leeds ' coach Shu Kamo does n't believe it ( $ 7,400 ) .", new Span(1, 2, "organization"),
          new Span(4, 6, "person")),
      sample("It 's British Airways / American , \" he said : 2 - 1 ...", new Span(2, 4, "organization"),
          new Span(5, 6, "misc")));

  @Test
  void joinsTokensAsTextIsWritten() {
    ConllDetokenizer.Document text = detokenizer.rebuild(document, Layout.LINES);
    assertEquals("\"Leeds' coach Shu Kamo doesn't believe it ($7,400).\n"
        + "It's British Airways/American,\" he said: 2 - 1...", text.text());
    assertEquals(List.of(new Span(1, 6, "organization"), new Span(14, 22, "person"), new Span(57, 72, "organization"),
        new Span(73, 81, "misc")), text.entities());
    for (Span entity : text.entities()) {
      assertEquals(List.of("Leeds", "Shu Kamo", "British Airways", "American").get(text.entities().indexOf(entity)),
          entity.getCoveredText(text.text()).toString());
    }
  }

  @Test
  void runningTextJoinsSentencesWithASpace() {
    assertEquals("\"Leeds' coach Shu Kamo doesn't believe it ($7,400). It's British Airways/American,\" he said:"
        + " 2 - 1...", detokenizer.rebuild(document, Layout.RUNNING).text());
  }

  @Test
  void tokenizedTextKeepsEveryTokenApart() {
    ConllDetokenizer.Document text = detokenizer.rebuild(document, Layout.TOKENIZED);
    assertEquals("\" Leeds ' coach Shu Kamo does n't believe it ( $ 7,400 ) .\n"
        + "It 's British Airways / American , \" he said : 2 - 1 ...", text.text());
    assertEquals(new Span(16, 24, "person"), text.entities().get(1));
  }
}
