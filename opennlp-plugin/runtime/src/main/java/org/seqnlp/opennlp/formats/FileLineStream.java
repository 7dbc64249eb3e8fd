package org.seqnlp.opennlp.formats;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import opennlp.tools.util.ObjectStream;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.LineReader;

/** The lines of a file as an OpenNLP stream that can be reset, keeping line numbers for errors. */
final class FileLineStream implements ObjectStream<String> {

  private final Path file;
  private final Charset charset;
  private LineReader reader;

  FileLineStream(Path file, Charset charset) throws IOException {
    this.file = file;
    this.charset = charset;
    this.reader = LineReader.open(file, charset);
  }

  @Override
  public String read() throws IOException {
    return reader.readLine();
  }

  /** The number (1-based) of the line last read. */
  long lineNumber() {
    return reader.lineNumber();
  }

  /** An error about the line last read. */
  InputFormatException error(String problem) {
    return reader.error(problem);
  }

  /** An error about line {@code line}. */
  InputFormatException error(long line, String problem) {
    return InputFormatException.atLine(reader.source(), line, problem);
  }

  @Override
  public void reset() throws IOException {
    reader.close();
    reader = LineReader.open(file, charset);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
