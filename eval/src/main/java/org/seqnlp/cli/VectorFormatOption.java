package org.seqnlp.cli;

import org.seqnlp.vectors.format.VectorFormat;
import picocli.CommandLine;

/**
 * The value of a vector-format option, read alike by every command: a format's id in any case, or, for a file that
 * is read, {@value #AUTO} (or the option left out) to detect the format from the file's content.
 */
final class VectorFormatOption {

  static final String AUTO = "auto";

  private VectorFormatOption() {}

  /** The format {@code value} names, or null to detect it: {@code value} is null or {@value #AUTO}. */
  static VectorFormat toRead(CommandLine.Model.CommandSpec spec, String option, String value) {
    return value == null || value.equalsIgnoreCase(AUTO) ? null : toWrite(spec, option, value);
  }

  /** The format {@code value} names. */
  static VectorFormat toWrite(CommandLine.Model.CommandSpec spec, String option, String value) {
    try {
      return VectorFormat.forId(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage(), e);
    }
  }
}
