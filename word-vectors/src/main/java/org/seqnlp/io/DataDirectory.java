package org.seqnlp.io;

import java.nio.file.Path;

/**
 * Where the shared data sets are: the system property {@value #PROPERTY} if set (the build sets it for
 * tests), else the environment variable {@value #ENVIRONMENT_VARIABLE}, else {@code ../shared/data}
 * relative to the working directory, which is right when working from the repository root.
 */
public final class DataDirectory {

  public static final String PROPERTY = "seqnlp.data";
  public static final String ENVIRONMENT_VARIABLE = "SEQNLP_DATA";
  public static final Path DEFAULT = Path.of("..", "shared", "data");

  private DataDirectory() {
  }

  /** The data directory; it may not exist, which callers that need the data should check. */
  public static Path resolve() {
    return resolve(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT_VARIABLE));
  }

  static Path resolve(String property, String environment) {
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    if (environment != null && !environment.isBlank()) {
      return Path.of(environment);
    }
    return DEFAULT;
  }
}
