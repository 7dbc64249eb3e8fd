package org.seqnlp.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code seqnlp} command-line tool. Exit codes: 0 on success, 2 on bad usage, 1 on failure; every
 * error is one line on stderr.
 */
@Command(
    name = "seqnlp",
    mixinStandardHelpOptions = true,
    versionProvider = SeqNlp.Version.class,
    description = "Neural sequence models for Apache OpenNLP and Lucene/Solr.",
    subcommands = {
        CommandLine.HelpCommand.class,
        TrainLmCommand.class,
        PerplexityCommand.class,
        SampleCommand.class,
        DataStatsCommand.class,
        EvalIrCommand.class,
        TrainNerCommand.class,
        NerCommand.class,
        EvalNerCommand.class,
        EvalNerRawCommand.class,
        CompareNerCommand.class,
        ExpandCommand.class,
        TrainVectorsCommand.class,
        EvalVectorsCommand.class,
    })
public final class SeqNlp implements Runnable {

  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;

  @Option(names = {"-v", "--verbose"}, description = "Log progress details, including DL4J/ND4J messages.")
  boolean verbose;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the tool as {@link #main} does, returning the exit code instead of exiting. */
  public static int execute(String... args) {
    // The logging backend reads its levels once, when the first logger is created: set them first.
    boolean verbose = Arrays.stream(args).anyMatch(a -> a.equals("-v") || a.equals("--verbose"));
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    System.setProperty("org.slf4j.simpleLogger.log.org.seqnlp", verbose ? "debug" : "info");
    return newCommandLine().execute(args);
  }

  static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new SeqNlp());
    // Enum options are documented in lowercase (--format conll03); accept any case.
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
      cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": error: " + oneLine(exception));
      if (parseResult.hasMatchedOption("--verbose")) {
        exception.printStackTrace(cmd.getErr());
      }
      return EXIT_FAILURE;
    });
    commandLine.setParameterExceptionHandler((exception, args) -> {
      PrintWriter err = exception.getCommandLine().getErr();
      err.println(exception.getCommandLine().getCommandSpec().qualifiedName() + ": "
          + exception.getMessage() + " (see --help)");
      return EXIT_USAGE;
    });
    return commandLine;
  }

  private static String oneLine(Throwable exception) {
    String message = exception.getMessage();
    if (message == null || message.isBlank()) {
      message = exception.getClass().getSimpleName();
    }
    return message.replace('\n', ' ').strip();
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = SeqNlp.class.getPackage().getImplementationVersion();
      return new String[] {"seqnlp " + (version == null ? "(development build)" : version)};
    }
  }
}
