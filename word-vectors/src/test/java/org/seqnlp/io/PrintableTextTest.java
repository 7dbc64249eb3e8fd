package org.seqnlp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrintableTextTest {

  @Test
  void longTextKeepsItsStartAndEndAroundANoteOfWhatWasLeftOut() {
    String limit = "x".repeat(PrintableText.MAX_MESSAGE_CHARS);
    assertEquals(limit, PrintableText.shortened(limit));
    String text = "unknown tag '" + "y".repeat(5_000_000) + "' (expected O, B-type or I-type)";
    String shortened = PrintableText.shortened(text);
    assertEquals(text.substring(0, 500) + " [" + (text.length() - 750) + " characters left out] "
        + text.substring(text.length() - 250), shortened);
    assertTrue(shortened.endsWith("' (expected O, B-type or I-type)"), shortened);
    String pairs = "a" + "\uD83D\uDE00".repeat(1_000) + "b";  // a pair across both cuts
    String cut = PrintableText.shortened(pairs);
    assertEquals(cut.codePoints().count(), cut.codePoints().filter(c -> c == 0x1F600 || c < 0x80).count(),
        "no half of a pair is left: " + cut);
  }

  @Test
  void inputFormatErrorsQuotingAHugeValueStayShort() {
    InputFormatException e = InputFormatException.atLine("f.txt", 2, "'" + "z".repeat(1 << 20) + "' is not a number");
    assertTrue(e.getMessage().length() < 1100, "length " + e.getMessage().length());
    assertTrue(e.getMessage().startsWith("f.txt:2: 'zzz"), e.getMessage());
    assertTrue(e.getMessage().endsWith("' is not a number"), e.getMessage());
    assertEquals(e.getMessage(), "f.txt:2: " + e.problem());
  }

  @Test
  void printableTextIsUnchanged() {
    assertEquals("Ærøskøbing 日本語 don't", PrintableText.of("Ærøskøbing 日本語 don't"));
  }

  @Test
  void controlAndInvisibleCharactersAreEscaped() {
    assertEquals("a\\x1b[31mb\\x00c\\x7f\\x85\\u200e\\ufffd", PrintableText.of("a\u001b[31mb\u0000c\u007f\u0085\u200e\ufffd"));
  }

  @Test
  void bytesThatAreNotUtf8AreShownAsHex() {
    byte[] bytes = {'o', 'k', (byte) 0xff, (byte) 0xfe, ' ', (byte) 0xc3, (byte) 0xa9, 0x01, (byte) 0xc3};
    assertEquals("ok\\xff\\xfe é\\x01\\xc3", PrintableText.of(bytes, 0, bytes.length));
    assertEquals("é", PrintableText.of("é".getBytes(StandardCharsets.UTF_8), 0, 2));
  }
}
