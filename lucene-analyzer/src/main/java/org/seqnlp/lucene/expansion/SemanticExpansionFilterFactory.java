package org.seqnlp.lucene.expansion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.vectors.NeighbourLookup;
import org.seqnlp.vectors.SubwordNeighbours;
import org.seqnlp.vectors.format.VectorFormat;

/**
 * Factory for {@link SemanticExpansionFilter}.
 *
 * <pre class="prettyprint">
 * &lt;fieldType name="text_expanded" class="solr.TextField" synonymQueryStyle="as_distinct_terms"&gt;
 *   &lt;analyzer type="query"&gt;
 *     &lt;tokenizer name="standard"/&gt;
 *     &lt;filter name="lowercase"/&gt;
 *     &lt;filter name="semanticExpansion" vectors="vectors.bin" format="auto" maxExpansions="10"
 *             minSimilarity="0.4" expansionWeight="0.7" protected="protwords.txt" ignoreCase="false"
 *             neighbourTable="false" subwords="false"/&gt;
 *   &lt;/analyzer&gt;
 * &lt;/fieldType&gt;</pre>
 *
 * <ul>
 *   <li>{@code vectors} (required): the vector file. An absolute path is read from the file system and
 *       shared by all factories naming it; a factory informed again (Solr: a core reload) reads it again
 *       if it changed. A relative one is opened through the resource loader (Solr: the core's conf
 *       directory), else relative to the working directory. When system property {@value
 *       #VECTORS_DIRECTORY_PROPERTY} names a directory, a file read from the file system must lie inside it
 *       (after symbolic links): so that a configuration, such as a Solr configset anyone may upload, names
 *       no other file of the machine, as Solr's own loader refuses paths outside the core.
 *   <li>{@code format}: {@code auto} (default: detected from the content), {@code word2vec-text},
 *       {@code word2vec-binary}, {@code glove}, {@code dl4j-zip} (Lucene's Word2VecSynonymFilter model),
 *       {@code seqnlp} or {@code seqnlp-int8}.
 *   <li>{@code maxExpansions}: neighbours added per term, default {@value #DEFAULT_MAX_EXPANSIONS}.
 *   <li>{@code minSimilarity}: the least cosine similarity (true cosine, in (0, 1]) of an added
 *       neighbour, default {@value #DEFAULT_MIN_SIMILARITY}.
 *   <li>{@code expansionWeight}: the weight, in (0, 1], of a term's neighbours together relative to the
 *       term, shared among them in proportion to their cosine similarity and carried as their boosts;
 *       default {@value #DEFAULT_EXPANSION_WEIGHT}. The defaults were chosen for a field type with {@code
 *       synonymQueryStyle="as_distinct_terms"}, which adds each boosted neighbour beside the term.
 *   <li>{@code protected}: comma-separated word files of terms never expanded.
 *   <li>{@code ignoreCase}: look terms up (and match protected words) lowercased, leaving out neighbours
 *       that differ from the term or a more similar neighbour only in case; default false.
 *   <li>{@code neighbourTable}: precompute {@code maxExpansions} neighbours for the whole vocabulary
 *       when the factory is informed (minutes for large vocabularies, once per JVM and file) for
 *       constant-time lookups instead of a vocabulary scan per term; default false.
 *   <li>{@code subwords}: expand terms outside the vocabulary too, with the neighbours of their subword
 *       vector (a vocabulary scan per such term); needs a file with n-gram vectors ({@code train-vectors
 *       --subwords}, seqnlp format); default false.
 * </ul>
 *
 * @lucene.spi {@value #NAME}
 */
public final class SemanticExpansionFilterFactory extends TokenFilterFactory implements ResourceLoaderAware {

  /** SPI name. */
  public static final String NAME = "semanticExpansion";

  /** The system property naming the one directory whose vector files may be read from the file system. */
  public static final String VECTORS_DIRECTORY_PROPERTY = "seqnlp.vectors.dir";

  /**
   * The defaults, {@value #DEFAULT_MAX_EXPANSIONS} neighbours of cosine at least {@value
   * #DEFAULT_MIN_SIMILARITY} weighing {@value #DEFAULT_EXPANSION_WEIGHT} of their term, are the setting
   * {@code seqnlp eval-ir} chooses on all five IR collections for the shipped and the collection-trained
   * vectors together, queried as distinct terms (see eval/results/ir.md, where each collection is also
   * scored at the setting chosen on the other four).
   */
  public static final int DEFAULT_MAX_EXPANSIONS = 10;
  public static final float DEFAULT_MIN_SIMILARITY = 0.4f;
  public static final float DEFAULT_EXPANSION_WEIGHT = 0.7f;

  private static final String AUTO_FORMAT = "auto";

  private final String vectorsName;
  private final VectorFormat format;
  private final int maxExpansions;
  private final float minSimilarity;
  private final float expansionWeight;
  private final String protectedFiles;
  private final boolean ignoreCase;
  private final boolean neighbourTable;
  private final boolean subwords;

  /** Held only to keep the space in {@link VectorSpaceCache}, which holds it weakly, while this factory lives. */
  private VectorSpace space;
  private NeighbourLookup neighbours;
  private CharArraySet unexpanded;

  public SemanticExpansionFilterFactory(Map<String, String> args) {
    super(args);
    vectorsName = require(args, "vectors");
    if (vectorsName.isBlank()) {
      // found here, with the other arguments, rather than when the core loads the file
      throw new IllegalArgumentException("Configuration Error: 'vectors' names no file");
    }
    format = getFormat(args, "format");
    maxExpansions = getStrictInt(args, "maxExpansions", DEFAULT_MAX_EXPANSIONS);
    minSimilarity = getStrictFloat(args, "minSimilarity", DEFAULT_MIN_SIMILARITY);
    expansionWeight = getStrictFloat(args, "expansionWeight", DEFAULT_EXPANSION_WEIGHT);
    SemanticExpansionFilter.checkOptions(maxExpansions, minSimilarity, expansionWeight);
    protectedFiles = get(args, "protected");
    ignoreCase = getStrictBoolean(args, "ignoreCase", false);
    neighbourTable = getStrictBoolean(args, "neighbourTable", false);
    subwords = getStrictBoolean(args, "subwords", false);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
  }

  /** Default ctor for compatibility with SPI. */
  public SemanticExpansionFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public void inform(ResourceLoader loader) throws IOException {
    space = load(loader);
    neighbours = neighbourTable ? space.table(maxExpansions) : space.search();
    if (subwords) {
      if (space.search().vectors().subwords().isEmpty()) {
        throw new IllegalArgumentException(NAME + ": subwords=\"true\" needs n-gram vectors, which '" + vectorsName
            + "' does not hold (train-vectors --subwords writes them in the seqnlp format)");
      }
      neighbours = new SubwordNeighbours(neighbours, space.search());
    }
    unexpanded = protectedFiles == null ? CharArraySet.EMPTY_SET : getWordSet(loader, protectedFiles, ignoreCase);
  }

  @Override
  public TokenStream create(TokenStream input) {
    if (neighbours == null) {
      throw new IllegalStateException(NAME + ": inform(ResourceLoader) must be called before create()");
    }
    return new SemanticExpansionFilter(input, neighbours, maxExpansions, minSimilarity, expansionWeight,
        unexpanded, ignoreCase);
  }

  private VectorSpace load(ResourceLoader loader) throws IOException {
    Path path = asPath(vectorsName);
    if (path != null && path.isAbsolute()) {
      // Checked first, so that nobody learns from the errors which files exist outside the directory.
      requireAllowed(path);
      if (!Files.isRegularFile(path)) {
        throw new IOException(NAME + ": vectors file '" + vectorsName + "' "
            + (Files.isDirectory(path) ? "is a directory" : "does not exist"));
      }
      return VectorSpaceCache.forFile(path, format);
    }
    try {
      return VectorSpaceCache.forResource(loader, vectorsName, format);
    } catch (VectorSpaceCache.NotOpened notFound) {
      // Whether the working directory's file is allowed is said before whether it exists, which stays unknown.
      if (path != null && !isAllowed(path)) {
        throw new IOException(NAME + ": vectors file '" + vectorsName + "' not found by the resource loader, and"
            + " in the working directory it would be outside " + System.getProperty(VECTORS_DIRECTORY_PROPERTY)
            + ", the directory that system property " + VECTORS_DIRECTORY_PROPERTY + " allows", notFound.getCause());
      }
      if (path != null && Files.isRegularFile(path)) {
        return VectorSpaceCache.forFile(path, format);
      }
      throw new IOException(NAME + ": vectors file '" + vectorsName
          + "' not found by the resource loader nor in the working directory", notFound.getCause());
    } catch (InputFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException(NAME + ": cannot read vectors file '" + vectorsName + "': " + e.getMessage(), e);
    }
  }

  /** Refuses {@code file} when {@value #VECTORS_DIRECTORY_PROPERTY} is set and the file lies outside it. */
  private void requireAllowed(Path file) throws IOException {
    if (!isAllowed(file)) {
      throw new IOException(NAME + ": vectors file '" + vectorsName + "' is outside "
          + System.getProperty(VECTORS_DIRECTORY_PROPERTY) + ", the directory that system property "
          + VECTORS_DIRECTORY_PROPERTY + " allows");
    }
  }

  /** Whether {@code file} may be read: {@value #VECTORS_DIRECTORY_PROPERTY} is not set, or the file lies in it. */
  private static boolean isAllowed(Path file) throws IOException {
    String allowed = System.getProperty(VECTORS_DIRECTORY_PROPERTY);
    if (allowed == null) {
      return true;
    }
    Path directory = asPath(allowed);
    if (directory == null || !Files.isDirectory(directory)) {
      throw new IOException(NAME + ": system property " + VECTORS_DIRECTORY_PROPERTY + " names no directory: '"
          + allowed + "'");
    }
    return realPath(file).startsWith(directory.toRealPath());
  }

  /**
   * {@code file} with symbolic links resolved as opening it would resolve them ({@code link/..} is the link
   * target's parent), also when it does not exist: then its nearest existing ancestor is resolved, so that a
   * missing file inside the directory, reached through a link, is not taken for one outside.
   */
  private static Path realPath(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    if (Files.exists(absolute)) {
      return absolute.toRealPath();
    }
    Path existing = absolute.getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing == null ? absolute.normalize()
        : existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
  }

  private static Path asPath(String name) {
    try {
      return Path.of(name);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** The format named by {@code name}, or null for {@value #AUTO_FORMAT} (the default). */
  private VectorFormat getFormat(Map<String, String> args, String name) {
    String value = get(args, name, AUTO_FORMAT);
    if (value.equalsIgnoreCase(AUTO_FORMAT)) {
      return null;
    }
    try {
      return VectorFormat.forId(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " must be " + AUTO_FORMAT + " or a vector format: " + e.getMessage(),
          e);
    }
  }

  /** Like {@code getInt}, but names the argument when the value is not an integer. */
  private int getStrictInt(Map<String, String> args, String name, int defaultValue) {
    String value = get(args, name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, got '" + value + "'", e);
    }
  }

  /** Like {@code getFloat}, but names the argument when the value is not a number. */
  private float getStrictFloat(Map<String, String> args, String name, float defaultValue) {
    String value = get(args, name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Float.parseFloat(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got '" + value + "'", e);
    }
  }

  /** Like {@code getBoolean}, but rejects values other than true and false instead of reading them as false. */
  private boolean getStrictBoolean(Map<String, String> args, String name, boolean defaultValue) {
    String value = get(args, name);
    if (value == null) {
      return defaultValue;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
    }
  }
}
