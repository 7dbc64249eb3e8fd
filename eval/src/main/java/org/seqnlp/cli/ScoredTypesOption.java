package org.seqnlp.cli;

import org.seqnlp.eval.ner.ScoredTypes;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --score-types} option of the commands that score a name finder on test data. */
final class ScoredTypesOption {

  @Option(names = "--score-types", paramLabel = "LIST",
      description = {"Score only these entity types, e.g. person,location,organization,corporation=organization:"
          + " TYPE keeps a type, TEST_TYPE=TYPE renames a type of the test data first; spans of other types leave"
          + " the test data and the predictions (default: every type)."})
  String list;

  /** The parsed list, or {@link ScoredTypes#ALL} without the option; a bad list is a usage error of {@code spec}. */
  ScoredTypes get(CommandLine.Model.CommandSpec spec) {
    if (list == null) {
      return ScoredTypes.ALL;
    }
    try {
      return ScoredTypes.parse(list);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--score-types: " + e.getMessage());
    }
  }
}
