package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SeqNlpTest extends ToolTest {

  @TempDir
  Path directory;

  @Test
  void helpListsEverySubcommandAndExitsZero() {
    assertEquals(0, run("--help"));
    CommandLine commandLine = SeqNlp.newCommandLine();
    for (String name : commandLine.getSubcommands().keySet()) {
      assertTrue(out.toString().contains(name), "--help lists " + name);
    }
  }

  @Test
  void helpDocumentsTheExitCodes() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().contains("2   usage error, found before any work"), out.toString());
  }

  @Test
  void withoutTheTrainingJarHelpSaysWhereTheTrainingCommandsAre() {
    assertEquals(0, run("--help"));
    String help = out.toString().replaceAll("\\s+", " ");
    assertTrue(help.contains("Training the name finder (train-ner, compare-ner) needs DL4J and is in the"
        + " seqnlp-eval-training jar"), help);
    assertFalse(SeqNlp.newCommandLine().getSubcommands().containsKey("train-ner"));
  }

  @Test
  void versionNamesTheKernelsInUse() {
    assertEquals(0, run("--version"));
    assertTrue(out.toString().contains("kernels: SIMD kernels (Vector API"), out.toString());
  }

  @Test
  void everySubcommandsVersionOptionPrintsTheToolsVersion() {
    for (var subcommand : SeqNlp.newCommandLine().getSubcommands().entrySet()) {
      if (subcommand.getValue().getCommandSpec().findOption("--version") != null) {
        out.getBuffer().setLength(0);
        assertEquals(0, run(subcommand.getKey(), "--version"), subcommand.getKey());
        assertTrue(out.toString().startsWith("seqnlp "), subcommand.getKey() + ": " + out);
      }
    }
  }

  /** A full disk or a reader gone: picocli's writer swallows the failure, so the tool checks for it. */
  @Test
  void aFailedWriteToTheStandardOutputIsAFailure() {
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    assertEquals(SeqNlp.EXIT_FAILURE, SeqNlp.execute(full, errors, "--version"));
    assertEquals("seqnlp: error: standard output: cannot write: No space left on device",
        errors.toString(StandardCharsets.UTF_8).strip());
    errors.reset();
    assertEquals(SeqNlp.EXIT_FAILURE, SeqNlp.execute(full, errors, "expand", "--vectors",
        "../models/vectors/seqnlp-en-100d.bin", "king"));
    String printed = errors.toString(StandardCharsets.UTF_8).strip();
    assertEquals("seqnlp expand: error: standard output: cannot write: No space left on device",
        printed.substring(printed.lastIndexOf('\n') + 1), printed);
  }

  /** Output is UTF-8 whatever the platform's default, as input is read. */
  @Test
  void theStandardOutputIsUtf8WhateverTheDefaultCharset() throws IOException, InterruptedException {
    // In a JVM of its own whose default charset is ASCII, as under a C locale: this machine's is UTF-8 already.
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dfile.encoding=US-ASCII", "-cp", System.getProperty("java.class.path"), SeqNlp.class.getName(), "ner",
        "--model", "../models/ner/en-ner.bin", "--tokenized", "--output-format", "conll", writeTokens("Zürich"))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] printed = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue());
    assertTrue(new String(printed, StandardCharsets.UTF_8).startsWith("Zürich\t"),
        new String(printed, StandardCharsets.ISO_8859_1));
  }

  private String writeTokens(String tokens) throws IOException {
    return Files.writeString(directory.resolve("tokens.txt"), tokens + "\n").toString();
  }

  @Test
  void theExpansionLatencyBenchmarkIsASubcommand() {
    assertTrue(SeqNlp.newCommandLine().getSubcommands().containsKey("expansion-latency"));
  }

  @Test
  void everySubcommandHasHelp() {
    for (String name : SeqNlp.newCommandLine().getSubcommands().keySet()) {
      if (!name.equals("help")) {
        assertEquals(0, run(name, "--help"), name + " --help");
      }
    }
  }

  @Test
  void everySummaryInTheCommandListIsAWholeSentence() {
    // --help lists each subcommand with the first line of its description alone
    for (var subcommand : SeqNlp.newCommandLine().getSubcommands().entrySet()) {
      String[] description = subcommand.getValue().getCommandSpec().usageMessage().description();
      assertTrue(description.length > 0 && description[0].endsWith("."), subcommand.getKey() + ": " + description[0]);
    }
  }

  @Test
  void missingSubcommandIsAUsageError() {
    assertEquals(SeqNlp.EXIT_USAGE, run());
    assertEquals("seqnlp: a subcommand is required (see --help)", err.toString().strip());
  }

  @Test
  void unknownOptionIsAUsageErrorOnOneLine() {
    assertEquals(SeqNlp.EXIT_USAGE, run("--no-such-option"));
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertTrue(err.toString().startsWith("seqnlp: Unknown option: '--no-such-option'"), err.toString());
  }
}
