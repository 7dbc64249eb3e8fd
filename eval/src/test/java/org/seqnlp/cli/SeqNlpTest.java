package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SeqNlpTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = SeqNlp.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void helpListsEverySubcommandAndExitsZero() {
    assertEquals(0, run("--help"));
    CommandLine commandLine = SeqNlp.newCommandLine();
    for (String name : commandLine.getSubcommands().keySet()) {
      assertTrue(out.toString().contains(name), "--help lists " + name);
    }
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
