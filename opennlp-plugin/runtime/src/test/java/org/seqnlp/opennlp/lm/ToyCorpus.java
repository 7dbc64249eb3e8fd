package org.seqnlp.opennlp.lm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A tiny predictable language: "the ANIMAL VERB the THING", written to a file for training tests. */
public final class ToyCorpus {

  private static final String[] ANIMALS = {"cat", "dog", "bird"};
  private static final String[] VERBS = {"sees", "likes", "finds"};
  private static final String[] THINGS = {"ball", "tree", "house"};

  private ToyCorpus() {
  }

  public static Path write(Path directory, String name, int sentences, long seed) throws IOException {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < sentences; i++) {
      lines.add("the " + ANIMALS[random.nextInt(3)] + " " + VERBS[random.nextInt(3)] + " the "
          + THINGS[random.nextInt(3)]);
    }
    return Files.write(directory.resolve(name), lines);
  }
}
