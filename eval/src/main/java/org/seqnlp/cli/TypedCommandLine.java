package org.seqnlp.cli;

import java.util.stream.Collectors;
import picocli.CommandLine;

/** The command line as typed, for the reports that record how they were produced. */
final class TypedCommandLine {

  private TypedCommandLine() {
  }

  /** {@code seqnlp} and the arguments; empty ones and ones with whitespace are quoted. */
  static String of(CommandLine.Model.CommandSpec spec) {
    return "seqnlp " + spec.commandLine().getParseResult().originalArgs().stream()
        .map(arg -> arg.isEmpty() || arg.chars().anyMatch(Character::isWhitespace) ? "'" + arg + "'" : arg)
        .collect(Collectors.joining(" "));
  }
}
