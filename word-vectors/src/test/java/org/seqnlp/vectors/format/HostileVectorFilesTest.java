package org.seqnlp.vectors.format;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;

/**
 * Tiny files whose headers claim huge matrices, where the reader cannot compare the claim with the file
 * size (gzip, zip entries): they must fail on the missing rows, not allocate what the header claims.
 */
class HostileVectorFilesTest {

  @TempDir
  Path directory;

  @Test
  void gzipHeaderClaimingTwoBillionValues() throws IOException {
    Path file = directory.resolve("huge.bin.gz");
    Files.write(file, gzip("500000000 4\n"));
    InputFormatException e = assertThrows(InputFormatException.class, () -> VectorFiles.read(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
  }

  @Test
  void gzipHeaderClaimingOneHugeRow() throws IOException {
    Path file = directory.resolve("wide.txt.gz");
    Files.write(file, gzip("1 100000000\nword 0.5\n"));
    InputFormatException e = assertThrows(InputFormatException.class, () -> VectorFiles.read(file));
    assertTrue(e.getMessage().contains("100000000 dimensions"), e.getMessage());
  }

  @Test
  void dl4jZipHeaderClaimingHugeMatrix() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(Dl4jZipFormat.VECTORS_ENTRY));
      zip.write("130000 16384\n".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
    Path file = directory.resolve("model.zip");
    Files.write(file, bytes.toByteArray());
    assertThrows(InputFormatException.class, () -> VectorFiles.read(file));
  }

  @Test
  void dl4jZipWhoseRowsInflateAThousandfold() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(Dl4jZipFormat.VECTORS_ENTRY));
      zip.write("5000 1000\n".getBytes(StandardCharsets.US_ASCII));
      String zeros = " 0".repeat(1000) + "\n";
      for (int i = 0; i < 5000; i++) {
        zip.write(("w" + i + zeros).getBytes(StandardCharsets.US_ASCII));
      }
      zip.closeEntry();
    }
    Path file = directory.resolve("bomb.zip");
    Files.write(file, bytes.toByteArray());
    InputFormatException e = assertThrows(InputFormatException.class, () -> VectorFiles.read(file));
    assertTrue(e.getMessage().startsWith(file + "!syn0.txt: byte "), e.getMessage());
    assertTrue(e.getMessage().contains("the entry inflates to more than 100 times its compressed size"),
        e.getMessage());
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
    return bytes.toByteArray();
  }
}
