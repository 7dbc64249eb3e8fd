package org.seqnlp.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.seqnlp.io.NamedOutputStream;
import org.seqnlp.vectors.kernels.Vectorization;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code seqnlp} command-line tool. Exit codes: 0 on success; 2 on bad usage, found before any work
 * starts (an unknown option, a value out of its range, an output path that cannot be written or that
 * names an input); 1 on a failure while working (a malformed or unreadable input, an I/O error). Every
 * error is one line on stderr, {@code seqnlp <command>: error: <file>[:line | : byte N]: <problem>}
 * for failures; {@code -v} adds the stack trace.
 */
@Command(
    name = "seqnlp",
    mixinStandardHelpOptions = true,
    versionProvider = SeqNlp.Version.class,
    description = "Neural sequence models for Apache OpenNLP and Lucene/Solr.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:failure while working: a malformed or unreadable input, an I/O error",
        "2:usage error, found before any work: a bad option or value, an output path that cannot be"
            + " written or that names an input"},
    subcommands = {
        CommandLine.HelpCommand.class,
        TrainLmCommand.class,
        PerplexityCommand.class,
        SampleCommand.class,
        DataStatsCommand.class,
        EvalIrCommand.class,
        NerCommand.class,
        EvalNerCommand.class,
        EvalNerRawCommand.class,
        ScoreNerCommand.class,
        ExportModelCommand.class,
        ExpandCommand.class,
        TrainVectorsCommand.class,
        EvalVectorsCommand.class,
        ConvertVectorsCommand.class,
        ExpansionLatencyCommand.class,
    })
public final class SeqNlp implements Runnable {

  static final int EXIT_FAILURE = 1;
  /** How errors name the standard output. */
  static final String STANDARD_OUTPUT = "standard output";
  static final int EXIT_USAGE = 2;

  /** What {@code --help} says when no {@link SubcommandProvider} brought the training commands. */
  static final String WITHOUT_TRAINING_COMMANDS = "%nTraining the name finder (train-ner, compare-ner) needs DL4J"
      + " and is in the seqnlp-eval-training jar: ./seqnlp builds it when one of those commands is run.%n";

  // Inherited, so that it may follow the subcommand as well as precede it.
  @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
      description = "Log progress details, including DL4J/ND4J messages, and print an error's stack trace.")
  boolean verbose;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  public static void main(String[] args) {
    // the descriptors themselves: System.out is a PrintStream, which swallows a failed write
    System.exit(execute(new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err), args));
  }

  /** Held so that its level stays set: the JDK keeps loggers only weakly. */
  private static final Logger LUCENE_VECTORIZATION_LOG = Logger.getLogger("org.apache.lucene.internal.vectorization");

  /**
   * Runs the tool as {@link #main} does, writing to {@link System#out} and {@link System#err} (so that a caller may
   * redirect them), and returns the exit code instead of exiting.
   */
  public static int execute(String... args) {
    return execute(System.out, System.err, args);
  }

  /** Runs the tool with {@code stdout} and {@code stderr} as its standard output and error. */
  static int execute(OutputStream stdout, OutputStream stderr, String... args) {
    // The logging backend reads its levels once, when the first logger is created: set them first.
    boolean verbose = Arrays.stream(args).anyMatch(a -> a.equals("-v") || a.equals("--verbose"));
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    System.setProperty("org.slf4j.simpleLogger.log.org.seqnlp", verbose ? "debug" : "info");
    // Lucene warns on every JDK before 20 that its vectorized code is off: true, but nothing a user of a
    // command can act on, and two lines of noise above the command's output.
    LUCENE_VECTORIZATION_LOG.setLevel(verbose ? Level.INFO : Level.SEVERE);
    NamedOutputStream output = new NamedOutputStream(stdout, STANDARD_OUTPUT);
    CommandLine commandLine = newCommandLine();
    // UTF-8 whatever the locale: input is read as UTF-8, and under a C locale the JDK's default would print every
    // other character as '?'.
    commandLine.setOut(new PrintWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), true));
    commandLine.setErr(new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true));
    try {
      int exitCode = commandLine.execute(args);
      commandLine.getOut().flush();
      // picocli's writer swallows a failed write: without this, a full disk would end in success and half a file
      IOException failure = output.failure();
      if (failure == null && stdout instanceof PrintStream printStream && printStream.checkError()) {
        failure = new FileSystemException(STANDARD_OUTPUT, null, "cannot write");
      }
      if (failure != null && exitCode == 0) {
        commandLine.getErr().println(commandName(commandLine) + ": error: " + ErrorMessages.describe(failure));
        return EXIT_FAILURE;
      }
      return exitCode;
    } catch (OutOfMemoryError e) {
      // picocli passes Errors through; this one has a remedy the user can apply.
      commandLine.getErr().println(commandName(commandLine) + ": error: " + ErrorMessages.describe(e));
      return EXIT_FAILURE;
    }
  }

  /** The command that ran, as its errors name it ({@code seqnlp ner}), or {@code seqnlp} before one was parsed. */
  private static String commandName(CommandLine commandLine) {
    CommandLine.ParseResult parsed = commandLine.getParseResult();
    if (parsed == null) {
      return commandLine.getCommandSpec().qualifiedName();
    }
    while (parsed.hasSubcommand()) {
      parsed = parsed.subcommand();
    }
    return parsed.commandSpec().qualifiedName();
  }

  static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new SeqNlp());
    boolean provided = false;
    for (SubcommandProvider provider : ServiceLoader.load(SubcommandProvider.class)) {
      provider.subcommands().forEach(commandLine::addSubcommand);
      provided = true;
    }
    if (!provided) {
      commandLine.getCommandSpec().usageMessage().footer(WITHOUT_TRAINING_COMMANDS);
    }
    // Every subcommand's --help lists -V, which prints its own command's version: the tool's.
    Version version = new Version();
    commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
    // Enum options are documented in lowercase (--format conll03); accept any case.
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    // picocli's own conversion names the JDK's exception class in its message.
    commandLine.registerConverter(Charset.class, name -> {
      try {
        return Charset.forName(name);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("no character encoding named '" + name + "' (e.g. UTF-8,"
            + " ISO-8859-1)");
      }
    });
    // Path.of("") is the working directory, so an empty value would be read or written as that directory.
    commandLine.registerConverter(Path.class, value -> {
      if (value.isEmpty()) {
        throw new CommandLine.TypeConversionException("an empty path names no file");
      }
      try {
        return Path.of(value);
      } catch (InvalidPathException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    });
    commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
      cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": error: " + ErrorMessages.describe(exception));
      if (isVerbose(parseResult)) {
        exception.printStackTrace(cmd.getErr());
      }
      return EXIT_FAILURE;
    });
    commandLine.setParameterExceptionHandler((exception, args) -> {
      PrintWriter err = exception.getCommandLine().getErr();
      String command = exception.getCommandLine().getCommandSpec().qualifiedName();
      if (exception.getCause() instanceof IOException file) {
        // A file named on the command line cannot be used (OutputPaths): a file error, found before any work.
        err.println(command + ": error: " + ErrorMessages.describe(file));
      } else {
        err.println(command + ": " + ErrorMessages.printable(String.valueOf(exception.getMessage())) + " (see --help)");
      }
      return EXIT_USAGE;
    });
    return commandLine;
  }

  /** Whether -v was given, before the subcommand or after it. */
  private static boolean isVerbose(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult command = parsed; command != null; command = command.subcommand()) {
      if (command.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  /** The version, and which kernels train vectors and search neighbours, so users can check SIMD is on. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = SeqNlp.class.getPackage().getImplementationVersion();
      return new String[] {"seqnlp " + (version == null ? "(development build)" : version),
          "kernels: " + Vectorization.describe()};
    }
  }
}
