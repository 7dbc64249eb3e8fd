package org.seqnlp.io;

import java.io.IOException;

/**
 * Input that does not follow its format: a corpus, a data set or a model file. The message always
 * names the source, the position (line or byte offset) and the problem, in one line, so a command-line
 * tool can print it as it is; a problem longer than {@value PrintableText#MAX_MESSAGE_CHARS} characters (one
 * quoting the input) is shortened.
 */
public final class InputFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final long position;
  private final boolean byteOffset;
  private final String problem;

  private InputFormatException(String source, long position, boolean byteOffset, String problem,
      Throwable cause) {
    super(PrintableText.of(source) + (byteOffset ? ": byte " + position : ":" + position) + ": "
        + PrintableText.shortened(PrintableText.of(problem)),
        cause);
    this.source = source;
    this.position = position;
    this.byteOffset = byteOffset;
    this.problem = PrintableText.shortened(PrintableText.of(problem));
  }

  /** A problem on line {@code line} (1-based) of {@code source}. */
  public static InputFormatException atLine(String source, long line, String problem) {
    return new InputFormatException(source, line, false, problem, null);
  }

  /** A problem on line {@code line} (1-based) of {@code source}, caused by {@code cause}. */
  public static InputFormatException atLine(String source, long line, String problem, Throwable cause) {
    return new InputFormatException(source, line, false, problem, cause);
  }

  /** A problem at byte offset {@code offset} (0-based) of a binary {@code source}. */
  public static InputFormatException atByte(String source, long offset, String problem) {
    return new InputFormatException(source, offset, true, problem, null);
  }

  /** A problem at byte offset {@code offset} (0-based) of a binary {@code source}, caused by {@code cause}. */
  public static InputFormatException atByte(String source, long offset, String problem, Throwable cause) {
    return new InputFormatException(source, offset, true, problem, cause);
  }

  /** The file or resource name. */
  public String source() {
    return source;
  }

  /** The 1-based line number, or the 0-based byte offset when {@link #isByteOffset()}. */
  public long position() {
    return position;
  }

  public boolean isByteOffset() {
    return byteOffset;
  }

  /** The problem alone, without source and position. */
  public String problem() {
    return problem;
  }
}
