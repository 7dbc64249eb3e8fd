package org.seqnlp.cli;

import java.util.List;

/** The name-finder training commands, which need DL4J: added to {@code seqnlp} when this jar is on its classpath. */
public final class TrainingCommands implements SubcommandProvider {

  @Override
  public List<Object> subcommands() {
    return List.of(new TrainNerCommand(), new CompareNerCommand());
  }
}
