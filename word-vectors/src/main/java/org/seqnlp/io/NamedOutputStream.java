package org.seqnlp.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;

/**
 * An output stream whose failures name where it writes: the system's own message ("No space left on device")
 * names no file. The first failure is also kept, for a {@link java.io.PrintWriter} on top, which swallows it and
 * would otherwise let a command end with success and half its output.
 */
public final class NamedOutputStream extends FilterOutputStream {

  private final String destination;
  private volatile IOException failure;

  /** @param destination the file's path, or a name such as "standard output" */
  public NamedOutputStream(OutputStream out, String destination) {
    super(out);
    this.destination = destination;
  }

  /** The first failure to write, naming the destination, or null. */
  public IOException failure() {
    return failure;
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw named(e);
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    try {
      out.write(bytes, offset, length);
    } catch (IOException e) {
      throw named(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      throw named(e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      out.close();
    } catch (IOException e) {
      throw named(e);
    }
  }

  private IOException named(IOException e) {
    IOException named = e instanceof FileSystemException ? e
        : new FileSystemException(destination, null, "cannot write: "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    if (named != e) {
      named.initCause(e);
    }
    if (failure == null) {
      failure = named;
    }
    return named;
  }
}
