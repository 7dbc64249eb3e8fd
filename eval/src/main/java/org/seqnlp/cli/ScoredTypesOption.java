package org.seqnlp.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import opennlp.tools.namefind.NameSample;
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

  /**
   * Checks the scored types against the names of {@code testData}'s {@code samples}, renamed as scored: none of them
   * there is a usage error of {@code spec} (the scores would be a table of zeros), some missing a warning naming them.
   */
  static void requireIn(CommandLine.Model.CommandSpec spec, ScoredTypes types, List<NameSample> samples,
      Object testData) {
    Set<String> missing = types.missingFrom(samples.stream()
        .flatMap(sample -> Arrays.stream(types.labelled(sample.getNames()))));
    if (missing.isEmpty()) {
      return;
    }
    String problem = "--score-types: no name of type " + String.join(", ", missing) + " in " + testData;
    if (missing.size() == types.size()) {
      throw new CommandLine.ParameterException(spec.commandLine(), problem);
    }
    spec.commandLine().getErr().printf("%s: warning: %s%n", spec.qualifiedName(), problem);
  }

  /**
   * Warns of each LABEL=TYPE whose label none of {@code samples}, those of every file renamed ({@code files}),
   * has: a label misspelt, whose names would otherwise go unscored without a word.
   */
  static void warnOfUnusedRenames(CommandLine.Model.CommandSpec spec, ScoredTypes types, List<NameSample> samples,
      String files) {
    Set<String> unused = types.unusedRenamesIn(samples.stream().flatMap(sample -> Arrays.stream(sample.getNames())));
    if (!unused.isEmpty()) {
      spec.commandLine().getErr().printf("%s: warning: --score-types: no name labelled %s in %s, so nothing is"
          + " renamed from it%n", spec.qualifiedName(), String.join(", ", unused), files);
    }
  }

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
