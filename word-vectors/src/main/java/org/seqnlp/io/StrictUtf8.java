package org.seqnlp.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding that refuses malformed bytes: {@code new String(bytes, UTF_8)} would replace them with
 * U+FFFD, so that two different broken words became one string and a damaged file read as a valid one.
 */
public final class StrictUtf8 {

  private StrictUtf8() {}

  /** A new decoder that reports malformed and unmappable input instead of replacing it. */
  public static CharsetDecoder decoder() {
    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** The text of {@code bytes[from, to)}. */
  public static String decode(byte[] bytes, int from, int to) throws CharacterCodingException {
    return decode(ByteBuffer.wrap(bytes, from, to - from));
  }

  /** Whether {@code bytes[from, to)} starts with the UTF-8 byte-order mark, which some editors write. */
  public static boolean startsWithByteOrderMark(byte[] bytes, int from, int to) {
    return to - from >= 3 && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB
        && bytes[from + 2] == (byte) 0xBF;
  }

  /** The text of the remaining bytes of {@code bytes}. */
  public static String decode(ByteBuffer bytes) throws CharacterCodingException {
    return decoder().decode(bytes).toString();
  }
}
