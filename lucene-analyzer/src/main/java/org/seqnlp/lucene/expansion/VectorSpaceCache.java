package org.seqnlp.lucene.expansion;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.util.ResourceLoader;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.format.VectorFormat;

/**
 * Loads each vector file once per JVM and shares it among every factory (so every filter and thread)
 * that names it: vector files are hundreds of megabytes, and Solr creates a factory per field type and
 * per core.
 *
 * <p>Files are keyed by their real path and format (as given or detected) and reloaded when their modification
 * time, size or identity changes. The identity (device and inode where the file system has them) catches a file
 * replaced by a rename, the safe way to update vectors under a running Solr, even when the new file has the same
 * size and a modification time within the file system's resolution of the old one's; so a core or
 * collection reload after such an update loads the new vectors.
 * Resources that only a {@link ResourceLoader} can open (class path, ZooKeeper) are keyed by loader and
 * name and never reloaded. Entries hold their vectors weakly: the factories using a space keep it alive,
 * and once none does the garbage collector may take it, so a reloaded or abandoned file is not kept
 * forever. Two threads asking for the same file at the same time load it once.
 */
final class VectorSpaceCache {

  private static final ConcurrentHashMap<Object, Slot> SLOTS = new ConcurrentHashMap<>();

  private VectorSpaceCache() {}

  /**
   * The space of {@code file}, loading it if no live entry matches its current modification time, size
   * and identity.
   *
   * @param format the format, or null to detect it
   */
  static VectorSpace forFile(Path file, VectorFormat format) throws IOException {
    Path realPath = file.toRealPath();
    // detected before the key is made, so that a factory naming the file's format and one leaving it to be
    // detected share one space
    VectorFormat read = format != null ? format : VectorFiles.detect(realPath);
    return inSlot(new FileKey(realPath, read), slot -> {
      BasicFileAttributes attributes = Files.readAttributes(realPath, BasicFileAttributes.class);
      VectorSpace cached = slot.space.get();
      if (cached != null && attributes.lastModifiedTime().equals(slot.modified)
          && attributes.size() == slot.size && Objects.equals(attributes.fileKey(), slot.identity)) {
        return cached;
      }
      WordVectors vectors = VectorFiles.read(realPath, read);
      VectorSpace loaded = new VectorSpace(realPath.toString(), vectors);
      slot.fill(loaded);
      slot.modified = attributes.lastModifiedTime();
      slot.size = attributes.size();
      slot.identity = attributes.fileKey();
      return loaded;
    });
  }

  /**
   * The space of resource {@code name} of {@code loader}, loading it on the first request.
   *
   * @param format the format, or null to detect it
   * @throws NotOpened when the loader cannot open the resource, with the loader's error as cause; any other
   *     exception is an error while reading it
   */
  static VectorSpace forResource(ResourceLoader loader, String name, VectorFormat format) throws IOException {
    return inSlot(new ResourceKey(loader, name, format), slot -> {
      VectorSpace cached = slot.space.get();
      if (cached != null) {
        return cached;
      }
      InputStream opened;
      try {
        opened = loader.openResource(name);
      } catch (IOException notFound) {
        throw new NotOpened(name, notFound);
      }
      try (InputStream in = opened) {
        WordVectors vectors = format == null ? VectorFiles.read(in, name) : VectorFiles.read(in, name, format);
        VectorSpace loaded = new VectorSpace(name, vectors);
        slot.fill(loaded);
        return loaded;
      }
    });
  }

  /** What is done with a slot under its lock. */
  private interface SlotWork {
    VectorSpace apply(Slot slot) throws IOException;
  }

  /**
   * Runs {@code work} under the lock of the cache's slot for {@code key}; a slot that a failed {@code work}
   * leaves empty is dropped, so that failed loads leave no entries behind.
   */
  private static VectorSpace inSlot(Object key, SlotWork work) throws IOException {
    while (true) {
      Slot slot = slot(key);
      synchronized (slot) {
        if (!claim(key, slot)) {
          continue;
        }
        boolean done = false;
        try {
          VectorSpace space = work.apply(slot);
          done = true;
          return space;
        } finally {
          // Also after an Error, such as running out of memory on a large file.
          if (!done && !slot.loaded) {
            SLOTS.remove(key, slot);
          }
          slot.loading = false;
        }
      }
    }
  }

  /** The resource loader could not open a resource: it may not have it, which is for the caller to judge. */
  static final class NotOpened extends IOException {
    private static final long serialVersionUID = 1L;

    NotOpened(String name, IOException cause) {
      super(name + ": " + cause.getMessage(), cause);
    }
  }

  /**
   * Under {@code slot}'s lock: marks it as in use, so that {@link #slot} leaves it in the cache, and tells
   * whether it is still the cache's slot for {@code key}. A thread that waited for the lock may find it gone,
   * taken out by a load that failed or as collected; it then takes the cache's current slot, so that its own
   * load is kept for the next caller.
   */
  private static boolean claim(Object key, Slot slot) {
    boolean[] claimed = {false};
    // Under the map's lock for the key, as the removal of collected slots is, so that none is removed once claimed.
    SLOTS.computeIfPresent(key, (k, current) -> {
      if (current == slot) {
        slot.loading = true;
        claimed[0] = true;
      }
      return current;
    });
    return claimed[0];
  }

  /** Entries in the cache, for tests. */
  static int size() {
    return SLOTS.size();
  }

  /**
   * The slot for {@code key}, after dropping slots whose vectors were collected and that no thread has
   * claimed. Dropping and {@link #claim} both hold the map's lock for the key, so a claimed slot stays; a
   * slot dropped just as another thread fetched it is noticed by that thread's claim.
   */
  private static Slot slot(Object key) {
    for (Object cached : SLOTS.keySet()) {
      SLOTS.computeIfPresent(cached, (k, slot) -> slot.isCollected() ? null : slot);
    }
    return SLOTS.computeIfAbsent(key, k -> new Slot());
  }

  /** A cache entry; loading into it is guarded by the slot, reading whether it was collected is not. */
  private static final class Slot {
    volatile WeakReference<VectorSpace> space = new WeakReference<>(null);
    volatile boolean loaded;
    /** Whether a thread holds the slot's lock to read or load it: then it is not taken for collected. */
    volatile boolean loading;
    FileTime modified;
    long size;
    Object identity;

    void fill(VectorSpace loaded) {
      space = new WeakReference<>(loaded);
      this.loaded = true;
    }

    boolean isCollected() {
      return loaded && !loading && space.get() == null;
    }
  }

  private record FileKey(Path realPath, VectorFormat format) {}

  /** Identifies a resource by loader identity, holding the loader weakly so that it can be unloaded. */
  private static final class ResourceKey {
    private final WeakReference<ResourceLoader> loader;
    private final int loaderIdentity;
    private final String name;
    private final VectorFormat format;

    ResourceKey(ResourceLoader loader, String name, VectorFormat format) {
      this.loader = new WeakReference<>(loader);
      this.loaderIdentity = System.identityHashCode(loader);
      this.name = name;
      this.format = format;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ResourceKey key && loader.get() != null && loader.get() == key.loader.get()
          && name.equals(key.name) && format == key.format;
    }

    @Override
    public int hashCode() {
      return Objects.hash(loaderIdentity, name, format);
    }
  }
}
