package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SeqNlpTest extends ToolTest {

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
