package org.seqnlp.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

/**
 * Text from untrusted input made safe to print on a terminal: control characters, invisible format
 * characters and bytes that are not UTF-8 are shown as escapes ({@code \x1b}, {@code \u200e},
 * {@code \xff}), so that an error message quoting a hostile file can neither move the cursor, change
 * colours nor hide what it quotes.
 */
public final class PrintableText {

  private PrintableText() {
  }

  /**
   * The length beyond which {@link #shortened} cuts a message, to three quarters of it: one quoting a whole line or
   * value of a hostile file could otherwise be megabytes long.
   */
  public static final int MAX_MESSAGE_CHARS = 1000;

  /** {@code text} with every non-printable character escaped. */
  public static String of(String text) {
    StringBuilder printable = new StringBuilder(text.length());
    text.codePoints().forEach(codePoint -> appendCodePoint(printable, codePoint));
    return printable.toString();
  }

  /**
   * {@code text} as it is when it has at most {@value #MAX_MESSAGE_CHARS} characters; else its start and its end,
   * which often says what was expected, around a note of how many characters were left out.
   */
  public static String shortened(String text) {
    if (text.length() <= MAX_MESSAGE_CHARS) {
      return text;
    }
    int headEnd = MAX_MESSAGE_CHARS / 2;
    int tailStart = text.length() - MAX_MESSAGE_CHARS / 4;
    if (Character.isHighSurrogate(text.charAt(headEnd - 1))) {
      headEnd--;
    }
    if (Character.isLowSurrogate(text.charAt(tailStart))) {
      tailStart++;
    }
    return text.substring(0, headEnd) + " [" + (tailStart - headEnd) + " characters left out] "
        + text.substring(tailStart);
  }

  /**
   * The UTF-8 text of {@code bytes[from, to)} with non-printable characters escaped and each byte
   * that is not part of valid UTF-8 shown as {@code \xNN}.
   */
  public static String of(byte[] bytes, int from, int to) {
    CharsetDecoder decoder = StrictUtf8.decoder();
    ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
    CharBuffer out = CharBuffer.allocate(to - from + 1);
    StringBuilder printable = new StringBuilder(to - from);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      out.flip();
      printable.append(of(out.toString()));
      out.clear();
      if (result.isError()) {
        for (int i = 0; i < result.length(); i++) {
          appendByte(printable, in.get());
        }
      } else if (!in.hasRemaining()) {
        return printable.toString();
      }
    }
  }

  private static void appendCodePoint(StringBuilder printable, int codePoint) {
    if (codePoint < 0x80 && codePoint >= 0x20 && codePoint != 0x7f) {
      printable.append((char) codePoint);
    } else if (codePoint < 0x100 && (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0))) {
      appendByte(printable, (byte) codePoint);
    } else if (isInvisible(codePoint)) {
      printable.append(String.format("\\u%04x", codePoint));
    } else {
      printable.appendCodePoint(codePoint);
    }
  }

  private static boolean isInvisible(int codePoint) {
    switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR:
        return true;
      default:
        return codePoint == 0xfffd;
    }
  }

  private static void appendByte(StringBuilder printable, byte b) {
    printable.append(String.format("\\x%02x", b & 0xff));
  }
}
