package org.seqnlp.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.seqnlp.io.OutputFiles;
import picocli.CommandLine;

/**
 * The check every writing command makes before it starts work: an output path that cannot be written
 * or that names one of the inputs is a usage error (exit code 2), so a run is never lost at its end and
 * an input never overwritten.
 */
final class OutputPaths {

  private OutputPaths() {
  }

  /**
   * Checks {@code output} with {@link OutputFiles#checkWritable} against {@code inputs} (null entries,
   * options not given, are skipped).
   *
   * @throws CommandLine.ParameterException naming the output and the problem
   */
  static void check(CommandLine.Model.CommandSpec spec, Path output, Path... inputs) {
    check(spec, output, Arrays.asList(inputs));
  }

  /**
   * Refuses an {@code output} inside {@code directory}, whose files the command reads (a file written there could
   * replace one of them, or be read as one next time); a missing directory passes.
   */
  static void checkNotInside(CommandLine.Model.CommandSpec spec, Path output, Path directory) {
    checkNotInside(spec, output, directory, file -> true);
  }

  /**
   * As {@link #checkNotInside(CommandLine.Model.CommandSpec, Path, Path)} for a command that reads only the files
   * of {@code directory} that {@code read} accepts. Both places an output has are checked: the path as named (a
   * link there is read through) and the file it leads to.
   */
  static void checkNotInside(CommandLine.Model.CommandSpec spec, Path output, Path directory, Predicate<Path> read) {
    try {
      if (!Files.isDirectory(directory)) {
        return;
      }
      Path inside = directory.toRealPath();
      for (Path place : OutputFiles.places(output)) {
        if (place.getParent() != null && place.getParent().startsWith(inside) && read.test(place)) {
          throw new IOException(output + ": is inside " + directory + ", whose files this command reads; write it"
              + " elsewhere");
        }
      }
    } catch (IOException e) {
      // With the cause, reported as check() reports an output that is an input.
      throw new CommandLine.ParameterException(spec.commandLine(), ErrorMessages.describe(e), e);
    }
  }

  /**
   * Creates {@code directory} if it is missing, for a command that writes files into it later on.
   *
   * @throws CommandLine.ParameterException when it cannot be created or written in
   */
  static void createWritableDirectory(CommandLine.Model.CommandSpec spec, Path directory) {
    try {
      if (Files.exists(directory) && !Files.isDirectory(directory)) {
        throw new FileSystemException(directory.toString(), null, "is a file, not a directory");
      }
      Files.createDirectories(directory);
      if (!Files.isWritable(directory)) {
        throw new AccessDeniedException(directory.toString(), null, "permission denied (cannot write in it)");
      }
    } catch (IOException e) {
      // With the cause, reported as an output that is an input is.
      throw new CommandLine.ParameterException(spec.commandLine(), ErrorMessages.describe(e), e);
    }
  }

  /** As {@link #check(CommandLine.Model.CommandSpec, Path, Path...)} for a list of inputs. */
  static void check(CommandLine.Model.CommandSpec spec, Path output, List<Path> inputs) {
    List<Path> given = new ArrayList<>(inputs);
    given.removeIf(Objects::isNull);
    try {
      OutputFiles.checkWritable(output, given.toArray(new Path[0]));
    } catch (IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
