package org.seqnlp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InputFormatExceptionTest {

  @Test
  void namesSourceAndPosition() {
    assertEquals("model.bin: byte 12: bad magic", InputFormatException.atByte("model.bin", 12, "bad magic").getMessage());
    assertEquals("train.txt:3: unknown tag", InputFormatException.atLine("train.txt", 3, "unknown tag").getMessage());
  }

  @Test
  void neverEchoesRawBytesOrLineBreaks() {
    InputFormatException e = InputFormatException.atByte("v.bin", 40, "record of word '\u0000\u001b[2J\ufffd\nX'");
    assertEquals("v.bin: byte 40: record of word '\\x00\\x1b[2J\\ufffd\\x0aX'", e.getMessage());
    assertEquals("record of word '\\x00\\x1b[2J\\ufffd\\x0aX'", e.problem());
  }

  @Test
  void keepsPrintableTextOfAnyScript() {
    assertEquals("f: byte 0: word 'Coruña 東京 😀'", InputFormatException.atByte("f", 0, "word 'Coruña 東京 😀'").getMessage());
  }
}
