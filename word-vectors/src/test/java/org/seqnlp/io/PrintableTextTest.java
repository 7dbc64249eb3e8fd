package org.seqnlp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrintableTextTest {

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
