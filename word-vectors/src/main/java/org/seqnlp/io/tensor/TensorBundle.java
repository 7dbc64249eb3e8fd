package org.seqnlp.io.tensor;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.seqnlp.io.InputFormatException;

/**
 * What a {@link TensorFile} holds: named float tensors, named byte tensors (8-bit weights), named string
 * lists (vocabularies, labels) and named text values (small metadata such as an architecture name or a
 * dimension), names unique across all four. A bundle read from a file remembers where each entry began, so that a
 * model loader that finds an entry unusable reports its byte offset.
 */
public final class TensorBundle {

  /** The largest magnitude of a value {@link #weights} accepts. */
  public static final float MAX_WEIGHT = 1e5f;

  private final Map<String, Tensor> tensors = new LinkedHashMap<>();
  private final Map<String, ByteTensor> byteTensors = new LinkedHashMap<>();
  private final Map<String, List<String>> stringLists = new LinkedHashMap<>();
  private final Map<String, String> texts = new LinkedHashMap<>();
  private final Map<String, Long> offsets = new HashMap<>();
  /** The entries a typed getter has handed out, for {@link #requireAllTaken}. */
  private final Set<String> taken = new HashSet<>();
  private String source = "tensor bundle";
  private long end;

  /** Adds {@code tensor} under its name. */
  public TensorBundle add(Tensor tensor) {
    requireNewName(tensor.name());
    tensors.put(tensor.name(), tensor);
    return this;
  }

  /** Adds {@code tensor} under its name. */
  public TensorBundle add(ByteTensor tensor) {
    requireNewName(tensor.name());
    byteTensors.put(tensor.name(), tensor);
    return this;
  }

  /** Adds a string list; the list is copied. */
  public TensorBundle addStrings(String name, List<String> strings) {
    requireNewName(name);
    stringLists.put(name, List.copyOf(strings));
    return this;
  }

  /** Adds a text value, e.g. metadata. */
  public TensorBundle addText(String name, String value) {
    requireNewName(name);
    texts.put(name, value);
    return this;
  }

  /**
   * Adds every entry of {@code other} with its name prefixed by {@code prefix}, so that one file can hold a bundle
   * of its own (a network inside a training state, say) beside other entries; {@link #part} takes it out again.
   */
  public TensorBundle addAll(String prefix, TensorBundle other) {
    other.tensors.values().forEach(t -> add(new Tensor(prefix + t.name(), t.shape(), t.values())));
    other.byteTensors.values().forEach(t -> add(new ByteTensor(prefix + t.name(), t.shape(), t.values())));
    other.stringLists.forEach((name, strings) -> addStrings(prefix + name, strings));
    other.texts.forEach((name, text) -> addText(prefix + name, text));
    return this;
  }

  /**
   * The entries whose names start with {@code prefix}, under their names without it, as {@link #addAll} added them;
   * errors about them name this bundle's source and their offsets in it. They count as taken here.
   */
  public TensorBundle part(String prefix) {
    TensorBundle part = new TensorBundle();
    part.source = source;
    part.end = end;
    tensors.forEach((name, t) -> {
      if (takeInto(part, prefix, name)) {
        part.tensors.put(name.substring(prefix.length()), new Tensor(name.substring(prefix.length()), t.shape(),
            t.values()));
      }
    });
    byteTensors.forEach((name, t) -> {
      if (takeInto(part, prefix, name)) {
        part.byteTensors.put(name.substring(prefix.length()), new ByteTensor(name.substring(prefix.length()),
            t.shape(), t.values()));
      }
    });
    stringLists.forEach((name, strings) -> {
      if (takeInto(part, prefix, name)) {
        part.stringLists.put(name.substring(prefix.length()), strings);
      }
    });
    texts.forEach((name, text) -> {
      if (takeInto(part, prefix, name)) {
        part.texts.put(name.substring(prefix.length()), text);
      }
    });
    return part;
  }

  /** Whether entry {@code name} belongs to the part under {@code prefix}; if so, takes it and gives its offset. */
  private boolean takeInto(TensorBundle part, String prefix, String name) {
    if (!name.startsWith(prefix)) {
      return false;
    }
    taken.add(name);
    Long offset = offsets.get(name);
    if (offset != null) {
      part.offsets.put(name.substring(prefix.length()), offset);
    }
    return true;
  }

  private void requireNewName(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty entry name");
    }
    if (contains(name)) {
      throw new IllegalArgumentException("entry '" + name + "' added twice");
    }
  }

  /** Whether an entry of any kind is named {@code name}. */
  public boolean contains(String name) {
    return tensors.containsKey(name) || byteTensors.containsKey(name) || stringLists.containsKey(name)
        || texts.containsKey(name);
  }

  /** Records where an entry began in {@code source}; used by the reader. */
  void located(String name, long offset) {
    offsets.put(name, offset);
  }

  /** Records the source and where its entries ended; used by the reader. */
  void readFrom(String source, long end) {
    this.source = source;
    this.end = end;
  }

  /** The tensors by name, in file order. */
  public Map<String, Tensor> tensors() {
    return Collections.unmodifiableMap(tensors);
  }

  /** The byte tensors by name, in file order. */
  public Map<String, ByteTensor> byteTensors() {
    return Collections.unmodifiableMap(byteTensors);
  }

  /** The string lists by name, in file order. */
  public Map<String, List<String>> stringLists() {
    return Collections.unmodifiableMap(stringLists);
  }

  /** The text values by name, in file order. */
  public Map<String, String> texts() {
    return Collections.unmodifiableMap(texts);
  }

  /** The tensor {@code name}, which must have the given shape. */
  public Tensor tensor(String name, int... shape) throws InputFormatException {
    Tensor tensor = tensors.get(name);
    if (tensor == null) {
      throw missing("tensor", name);
    }
    requireShape("tensor", name, tensor.shape(), shape);
    taken.add(name);
    return tensor;
  }

  /**
   * The tensor {@code name} as a network's weights: as {@link #tensor}, and no value above {@value #MAX_WEIGHT} in
   * magnitude. Trained weights stay far below (the shipped models' below 10); values that are finite but huge pass
   * the reader's check and then overflow a network's sums, or swamp every other term in them, so that a model
   * would tag or score on without a word.
   */
  public Tensor weights(String name, int... shape) throws InputFormatException {
    Tensor tensor = tensor(name, shape);
    float[] values = tensor.values();
    for (int i = 0; i < values.length; i++) {
      if (Math.abs(values[i]) > MAX_WEIGHT) {
        throw fail(name, "tensor '" + name + "': value " + (i + 1) + " is " + values[i] + ", beyond the "
            + (long) MAX_WEIGHT + " in magnitude that no trained weight reaches (a damaged or hand-made model?)");
      }
    }
    return tensor;
  }

  /** The byte tensor {@code name}, which must have the given shape. */
  public ByteTensor byteTensor(String name, int... shape) throws InputFormatException {
    ByteTensor tensor = byteTensors.get(name);
    if (tensor == null) {
      throw missing("byte tensor", name);
    }
    requireShape("byte tensor", name, tensor.shape(), shape);
    taken.add(name);
    return tensor;
  }

  private void requireShape(String kind, String name, int[] actual, int[] expected) throws InputFormatException {
    if (!Arrays.equals(actual, expected)) {
      throw fail(name, kind + " '" + name + "' has shape " + Arrays.toString(actual) + ", expected "
          + Arrays.toString(expected));
    }
  }

  /** The string list {@code name}. */
  public List<String> strings(String name) throws InputFormatException {
    List<String> strings = stringLists.get(name);
    if (strings == null) {
      throw missing("string list", name);
    }
    taken.add(name);
    return strings;
  }

  /** The text value {@code name}. */
  public String text(String name) throws InputFormatException {
    String text = texts.get(name);
    if (text == null) {
      throw missing("text value", name);
    }
    taken.add(name);
    return text;
  }

  /** The text value {@code name} as a whole number in {@code min .. max}. */
  public int integer(String name, int min, int max) throws InputFormatException {
    String text = text(name);
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the range
    }
    throw fail(name, name + " '" + text + "' is not a whole number in " + min + ".." + max);
  }

  /**
   * Fails at the first entry, in file order, that no typed getter ({@link #tensor}, {@link #byteTensor}, {@link
   * #strings}, {@link #text}) has handed out. A loader calls it once it has taken all it uses, so that an entry it
   * does not know, written by another version or for another kind of model, is an error rather than ignored.
   *
   * @param what the kind of file the loader reads, for the message
   */
  public void requireAllTaken(String what) throws InputFormatException {
    String first = null;
    for (Map<String, ?> entries : List.of(tensors, byteTensors, stringLists, texts)) {
      for (String name : entries.keySet()) {
        if (!taken.contains(name) && (first == null || offsetOf(name) < offsetOf(first))) {
          first = name;
        }
      }
    }
    if (first != null) {
      throw fail(first, "entry '" + first + "' is not part of " + what);
    }
  }

  /** An error about entry {@code name}, at the byte offset where it began. */
  public InputFormatException fail(String name, String problem) {
    return InputFormatException.atByte(source, offsetOf(name), problem);
  }

  private long offsetOf(String name) {
    return offsets.getOrDefault(name, end);
  }

  private InputFormatException missing(String kind, String name) {
    return InputFormatException.atByte(source, end, "no " + kind + " '" + name + "'");
  }
}
