package org.seqnlp.cli;

import org.seqnlp.eval.ner.ScoredTypes;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --score-types} option of the commands that score names against test data. */
final class ScoredTypesOption {

  @Option(names = "--score-types", paramLabel = "LIST",
      description = {"Score only these entity types, e.g. person,location,organization,corporation=organization:"
          + " TYPE keeps a type, LABEL=TYPE renames a type of the test data first (score-ner: of both files);"
          + " types as the reader names them (PER, LOC, ORG and MISC are person, location, organization and misc,"
          + " other labels lowercased); spans of other types leave the test data and the predictions (default: every"
          + " type)."})
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
