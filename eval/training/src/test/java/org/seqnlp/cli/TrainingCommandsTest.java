package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The training commands join the tool when this jar is on the classpath, and the launcher, which builds and
 * runs them apart from the light tool, knows every one of them.
 */
class TrainingCommandsTest extends ToolTest {

  private static final Path LAUNCHER = Path.of("../../seqnlp");

  private static List<String> names() {
    return new TrainingCommands().subcommands().stream()
        .map(command -> command.getClass().getAnnotation(CommandLine.Command.class).name()).toList();
  }

  @Test
  void helpListsTheTrainingCommandsAndNoLongerSaysWhereToGetThem() {
    assertEquals(0, run("--help"));
    for (String name : names()) {
      assertTrue(SeqNlp.newCommandLine().getSubcommands().containsKey(name), name);
      assertTrue(out.toString().contains(name), "--help lists " + name);
    }
    assertFalse(out.toString().replaceAll("\\s+", " ").contains("seqnlp-eval-training jar"), out.toString());
  }

  @Test
  void theHelpOfTheToolWithoutThemNamesEveryOne() {
    for (String name : names()) {
      assertTrue(SeqNlp.WITHOUT_TRAINING_COMMANDS.contains(name), name);
    }
  }

  @Test
  void theLauncherRunsEveryTrainingCommandWithTheTrainingJars() throws IOException {
    Matcher routed = Pattern.compile("\\n\\s*([a-z|-]+)\\)\\s*# the training commands").matcher(Files.readString(LAUNCHER));
    assertTrue(routed.find(), "the launcher's case of the training commands");
    assertEquals(List.copyOf(names()), List.of(routed.group(1).split("\\|")));
  }
}
