package org.seqnlp.eval.ner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.seqnlp.opennlp.namefind.EntityScores;

class RawTextReportTest {

  @Test
  void tablesGiveEachSettingsScoresAndItsDifferenceToGoldTokens() {
    EntityScores gold = new EntityScores();
    gold.add(new Span[] {new Span(0, 5, "person"), new Span(9, 14, "location")},
        new Span[] {new Span(0, 5, "person"), new Span(9, 14, "location")});
    EntityScores raw = new EntityScores();
    raw.add(new Span[] {new Span(0, 5, "person"), new Span(9, 14, "location")},
        new Span[] {new Span(0, 5, "person"), new Span(9, 13, "location")});
    String markdown = new RawTextReport(List.of(
        new RawTextEvaluation.Result(RawTextEvaluation.Setting.GOLD_TOKENS, 2, 10, 2, gold),
        new RawTextEvaluation.Result(RawTextEvaluation.Setting.DOCUMENT_LINES, 1, 1234, 1, raw)),
        "seqnlp eval-ner-raw --model m --test t", ZonedDateTime.of(2026, 12, 6, 5, 30, 0, 0, ZoneOffset.UTC),
        List.of("Name finder: `m`")).markdown();
    assertTrue(markdown.contains("Produced on 2026-12-06 05:30 UTC by\n\n```\nseqnlp eval-ner-raw --model m --test t\n```"
        + "\n\n- Name finder: `m`\n"), markdown);
    assertTrue(markdown.contains("| gold sentences and tokens (seqnlp ner --tokenized) | 2 | 10 | 2 of 2 (100.00%) |"
        + " 100.00 | 100.00 | 100.00 | – |\n"), markdown);
    assertTrue(markdown.contains("| sentence detector and tokenizer, one CoNLL sentence a line (seqnlp ner) | 1 |"
        + " 1,234 | 1 of 2 (50.00%) | 50.00 | 50.00 | 50.00 | -50.00 |\n"), markdown);
    assertTrue(markdown.contains("| location | 1 | 100.00 | 0.00 |\n| person | 1 | 100.00 | 100.00 |\n"), markdown);
  }
}
