package org.seqnlp.opennlp.formats;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which entity types a CoNLL reader produces, and under which names. A tag's type label becomes the
 * type of an OpenNLP span: the four CoNLL labels take OpenNLP's names ({@code PER} → {@code person},
 * {@code LOC} → {@code location}, {@code ORG} → {@code organization}, {@code MISC} → {@code misc}, as in
 * OpenNLP's CoNLL readers); any other label is lowercased ({@code corporation}, {@code creative-work},
 * ...) unless {@link #rename renamed}. {@link #only} keeps some names and drops the others' spans, like
 * the {@code types} flags of OpenNLP's readers.
 *
 * <p>Instances are immutable.
 */
public final class EntityTypes {

  /** Every type, under its default name. */
  public static final EntityTypes ALL = new EntityTypes(Map.of(
      "PER", "person", "LOC", "location", "ORG", "organization", "MISC", "misc"), null);

  private final Map<String, String> names;
  private final Set<String> kept;

  private EntityTypes(Map<String, String> names, Set<String> kept) {
    this.names = names;
    this.kept = kept;
  }

  /** These types, with {@code label} named {@code name}. */
  public EntityTypes rename(String label, String name) {
    Map<String, String> renamed = new HashMap<>(names);
    renamed.put(Objects.requireNonNull(label, "label"), Objects.requireNonNull(name, "name"));
    return new EntityTypes(Map.copyOf(renamed), kept);
  }

  /** These types, keeping only spans named one of {@code names} (after renaming). */
  public EntityTypes only(Collection<String> names) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("keeping no entity type at all leaves no entity to read");
    }
    return new EntityTypes(this.names, Set.copyOf(names));
  }

  /** See {@link #only(Collection)}. */
  public EntityTypes only(String... names) {
    return only(Set.of(names));
  }

  /** The span type for the tag type {@code label}. */
  public String name(String label) {
    String name = names.get(label);
    return name != null ? name : label.toLowerCase(Locale.ROOT);
  }

  /** Whether spans named {@code name} are kept. */
  public boolean keeps(String name) {
    return kept == null || kept.contains(name);
  }
}
