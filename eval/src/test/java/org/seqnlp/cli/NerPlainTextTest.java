package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seqnlp ner} on plain text with the shipped English model and OpenNLP's English text models. */
class NerPlainTextTest extends ToolTest {

  private static final String MODEL = "../models/ner/en-ner.bin";
  private static final String CHECK = "Dr. Smith went to Washington. He met Apple's chief Tim Cook.\n";

  @TempDir
  Path directory;

  private int runWithStdin(String stdin, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return run(args);
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void theIssuesCheckSplitsTwoSentencesAndKeepsDrAndApostropheSAsTokens() {
    assertEquals(0, runWithStdin(CHECK, "ner", "--model", MODEL), err.toString());
    assertEquals(List.of("Dr. <START:person> Smith <END> went to <START:location> Washington <END> .",
        "He met <START:person> Apple <END> 's chief <START:person> Tim Cook <END> ."),
        out.toString().lines().toList());
    assertEquals("", err.toString());
  }

  @Test
  void jsonOffsetsPointIntoTheOriginalInputOfEachFile() throws IOException {
    String first = "Dr. Smith went to Washington.\r\nHe met Apple's chief Tim Cook.\r\n\r\n  Tim Cook left Paris.\n";
    Path firstFile = Files.writeString(directory.resolve("first.txt"), first);
    Path secondFile = Files.writeString(directory.resolve("second.txt"), "\"Angela Merkel\" arrived.");
    assertEquals(0, run("ner", "--model", MODEL, "--output-format", "json", firstFile.toString(),
        secondFile.toString()), err.toString());
    List<String> lines = out.toString().lines().toList();
    assertEquals(4, lines.size(), out.toString());
    // Line ends count one character each, as text read with universal newlines has them.
    String normalised = first.replace("\r\n", "\n");
    assertTrue(lines.get(1).startsWith("{\"input\":\"" + firstFile + "\",\"document\":0,\"sentence\":1,\"start\":30,"
        + "\"end\":60,\"text\":\"He met Apple's chief Tim Cook.\""), lines.get(1));
    assertEquals("He met Apple's chief Tim Cook.", normalised.substring(30, 60));
    assertTrue(lines.get(1).contains("{\"text\":\"Apple\",\"start\":37,\"end\":42},{\"text\":\"'s\",\"start\":42,\"end\":44}"),
        lines.get(1));
    assertTrue(lines.get(1).contains("{\"type\":\"person\",\"tokenStart\":5,\"tokenEnd\":7,\"start\":51,\"end\":59,"
        + "\"text\":\"Tim Cook\",\"probability\":"), lines.get(1));
    assertTrue(lines.get(2).startsWith("{\"input\":\"" + firstFile + "\",\"document\":1,\"sentence\":0,\"start\":64,"
        + "\"end\":84,\"text\":\"Tim Cook left Paris.\""), lines.get(2));
    assertEquals("Tim Cook left Paris.", normalised.substring(64, 84));
    assertTrue(lines.get(3).startsWith("{\"input\":\"" + secondFile + "\",\"document\":0,\"sentence\":0,\"start\":0,"
        + "\"end\":24,\"text\":\"\\\"Angela Merkel\\\" arrived.\",\"tokens\":[{\"text\":\"\\\"\",\"start\":0,\"end\":1},"),
        lines.get(3));
    assertTrue(lines.get(3).contains("\"names\":[{\"type\":\"person\",\"tokenStart\":1,\"tokenEnd\":3,\"start\":1,"
        + "\"end\":14,\"text\":\"Angela Merkel\""), lines.get(3));
  }

  @Test
  void jsonOffsetsCountUtf16CodeUnitsAsJavaStringsDo() {
    String text = "\uD83D\uDE00 Tim Cook left Paris.\n";
    assertEquals(0, runWithStdin(text, "ner", "--model", MODEL, "--output-format", "json"), err.toString());
    String line = out.toString().strip();
    assertTrue(line.contains("\"start\":3,\"end\":11,\"text\":\"Tim Cook\""), line);
    assertEquals("Tim Cook", text.substring(3, 11));
  }

  @Test
  void markupAndConllSeparateDocuments() {
    String input = "Tim Cook left.\n\nAngela Merkel arrived.\n";
    assertEquals(0, runWithStdin(input, "ner", "--model", MODEL), err.toString());
    assertEquals("<START:person> Tim Cook <END> left .\n\n<START:person> Angela Merkel <END> arrived .\n",
        out.toString().replace(System.lineSeparator(), "\n"));
    out.getBuffer().setLength(0);
    assertEquals(0, runWithStdin(input, "ner", "--model", MODEL, "--output-format", "conll"), err.toString());
    assertEquals("Tim\tB-person\nCook\tI-person\nleft\tO\n.\tO\n\n-DOCSTART-\tO\n\n"
        + "Angela\tB-person\nMerkel\tI-person\narrived\tO\n.\tO\n\n", out.toString());
  }

  @Test
  void paragraphsKeepSentencesWithinALine() {
    String input = "SOCCER - JAPAN GET LUCKY WIN\nAL-AIN, United Arab Emirates 1996-12-06\n";
    assertEquals(0, runWithStdin(input, "ner", "--model", MODEL), err.toString());
    assertEquals(1, out.toString().lines().count(), out.toString());
    out.getBuffer().setLength(0);
    assertEquals(0, runWithStdin(input, "ner", "--model", MODEL, "--paragraphs"), err.toString());
    List<String> lines = out.toString().lines().toList();
    assertEquals(2, lines.size(), out.toString());
    assertTrue(lines.get(0).startsWith("SOCCER - "), lines.get(0));
    assertTrue(lines.get(1).endsWith("United Arab Emirates <END> 1996-12-06"), lines.get(1));
  }

  @Test
  void sentencesAreTokenisedButNotSplit() {
    assertEquals(0, runWithStdin(CHECK, "ner", "--model", MODEL, "--sentences"), err.toString());
    List<String> lines = out.toString().lines().toList();
    assertEquals(1, lines.size(), out.toString());
    assertTrue(lines.get(0).startsWith("Dr. <START:person> Smith <END> went to"), lines.get(0));
    // Both sentences on the one line, clitic split. Apple's label depends on its context, which differs from the
    // quick start's one sentence a line (checked above), so this mode's test leaves it to the model.
    assertTrue(lines.get(0).matches(".*Washington <END> \\. He met (<START:\\w+> )?Apple( <END>)? 's chief.*"),
        lines.get(0));
  }

  @Test
  void tokenizedLinesAreSplitAtWhitespaceOnly() {
    assertEquals(0, runWithStdin("He met Apple's  chief Tim Cook .\n", "ner", "--model", MODEL, "--tokenized",
        "--output-format", "conll"), err.toString());
    assertTrue(out.toString().startsWith("He\tO\nmet\tO\nApple's\t"), out.toString());
  }

  @Test
  void invalidUtf8IsOneLineNamingTheInputAndLine() throws IOException {
    Path file = Files.write(directory.resolve("latin1.txt"), "Tim Cook left.\n\nJos\u00e9 arrived.\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(1, run("ner", "--model", MODEL, file.toString()));
    assertEquals("seqnlp ner: error: " + file + ":3: not valid UTF-8 text (is the file in another encoding, such as"
        + " ISO-8859-1?)", err.toString().strip());
  }

  @Test
  void aDocumentBeyondTheLimitAsksForBlankLines() throws IOException {
    String line = "word ".repeat(1 << 18) + "\n";
    Path file = directory.resolve("long.txt");
    Files.writeString(file, line.repeat(NerCommand.MAX_DOCUMENT_CHARS / line.length() + 1));
    assertEquals(1, run("ner", "--model", MODEL, file.toString()));
    assertEquals("seqnlp ner: error: " + file + ":13: document longer than 16,777,216 characters (end documents"
        + " with a blank line, or give --sentences)", err.toString().strip());
    err.getBuffer().setLength(0);
    // with --sentences, only the second pass reads a document whole
    assertEquals(1, run("ner", "--model", MODEL, "--sentences", "--passes", "2", file.toString()));
    assertEquals("seqnlp ner: error: " + file + ":13: document longer than 16,777,216 characters (end documents"
        + " with a blank line, or give --passes 1)", err.toString().strip());
  }

  /** A reader such as {@code head} that has gone, or a full disk: tagging stops there, not at the input's end. */
  @Test
  void taggingStopsWhenTheOutputCannotBeWritten() throws IOException {
    Path file = Files.writeString(directory.resolve("many.txt"), "Tim Cook met Angela Merkel in Berlin .\n"
        .repeat(2000));
    int[] attempts = new int[1];
    OutputStream gone = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        attempts[0]++;
        throw new IOException("Broken pipe");
      }
    };
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    assertEquals(1, SeqNlp.execute(gone, errors, "ner", "--model", MODEL, "--tokenized", file.toString()));
    assertEquals("seqnlp ner: error: standard output: cannot write (the disk is full, or its reader has stopped"
        + " reading); tagging stopped", errors.toString(StandardCharsets.UTF_8).strip());
    assertTrue(attempts[0] < 200, attempts[0] + " writes tried of 2,000 sentences");
  }

  @Test
  void anotherLanguagesModelWarnsAboutTheEnglishTextModels() {
    assertEquals(0, runWithStdin("Jos\u00e9 Mar\u00eda Aznar viaj\u00f3 a Barcelona.\n", "ner", "--model",
        "../models/ner/es-ner.bin"), err.toString());
    assertEquals("seqnlp ner: warning: the name finder is for 'spa' text, the sentence and tokenizer models for"
        + " 'en' (give --sentence-model and --tokenizer-model for 'spa')", err.toString().strip());
    assertTrue(out.toString().contains("<START:location> Barcelona <END> ."), out.toString());
  }

  @Test
  void textModelsCanBeGivenAsFilesAndMustBeOfTheirKind() {
    assertEquals(1, runWithStdin(CHECK, "ner", "--model", MODEL, "--tokenizer-model", MODEL));
    assertTrue(err.toString().startsWith("seqnlp ner: error: " + MODEL + ": byte 0: not a readable OpenNLP model: "),
        err.toString());
    err.getBuffer().setLength(0);
    assertEquals(1, runWithStdin(CHECK, "ner", "--model", MODEL, "--sentence-model", "missing.bin"));
    assertEquals("seqnlp ner: error: missing.bin: no such sentence model file", err.toString().strip());
  }

  @Test
  void modesAndModelOptionsThatDoNotGoTogetherAreUsageErrors() {
    assertEquals(2, run("ner", "--model", MODEL, "--sentences", "--tokenized"));
    assertTrue(err.toString().contains("give one of --paragraphs, --sentences and --tokenized"), err.toString());
    assertEquals(2, run("ner", "--model", MODEL, "--paragraphs", "--sentences"));
    assertEquals(2, run("ner", "--model", MODEL, "--sentences", "--sentence-model", MODEL));
    assertTrue(err.toString().contains("--sentence-model is not used with --sentences"), err.toString());
    assertEquals(2, run("ner", "--model", MODEL, "--tokenized", "--tokenizer-model", MODEL));
    assertTrue(err.toString().contains("--tokenizer-model is not used with --tokenized"), err.toString());
  }

  @Test
  void jsonStringsEscapeQuotesBackslashesAndControlCharacters() {
    StringBuilder json = new StringBuilder();
    NerOutput.quote(json, "a\"b\\c\nd\re\tf\u0001g\u2028h\u00e9\uD83D\uDE00");
    assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u2028h\u00e9\uD83D\uDE00\"", json.toString());
  }
}
