package org.seqnlp.opennlp.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Deterministic mutations of a valid input, the kinds that break parsers: flipped bits, bytes set to
 * boundary values, big-endian integers overwritten with huge or negative sizes, truncation, repeated and
 * deleted chunks. Zip inputs are also mutated inside: one entry's uncompressed bytes are mutated and the
 * zip rebuilt, so that the parsers behind the zip layer see the damage, not just the zip CRC check.
 */
final class Mutator {

  private static final int[] INTERESTING_INTS = {0, -1, 1, 0x7fffffff, 0x80000000, 0x7ffffff0, 65535, 65536,
      1 << 24, 1 << 30, 500_000_000};
  private static final byte[] INTERESTING_BYTES = {0, (byte) 0xff, 0x7f, (byte) 0x80, '\n', ' ', '\t', '-', '9'};

  private final Random random;

  Mutator(long seed) {
    this.random = new Random(seed);
  }

  byte[] mutate(byte[] input) throws IOException {
    if (isZip(input) && random.nextInt(3) > 0) {
      return mutateInsideZip(input);
    }
    byte[] out = input;
    int rounds = 1 + random.nextInt(3);
    for (int i = 0; i < rounds; i++) {
      out = mutateBytes(out);
    }
    return out;
  }

  private byte[] mutateBytes(byte[] input) {
    if (input.length == 0) {
      return new byte[] {INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)]};
    }
    byte[] out = input.clone();
    int at = random.nextInt(input.length);
    switch (random.nextInt(7)) {
      case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
      case 1 -> out[at] = INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
      case 2 -> {
        if (input.length >= 4) {
          int position = random.nextInt(input.length - 3);
          ByteBuffer.wrap(out, position, 4).putInt(INTERESTING_INTS[random.nextInt(INTERESTING_INTS.length)]);
        }
      }
      case 3 -> out = Arrays.copyOf(input, at);
      case 4 -> {
        int length = Math.min(input.length - at, 1 + random.nextInt(64));
        out = new byte[input.length + length];
        System.arraycopy(input, 0, out, 0, at + length);
        System.arraycopy(input, at, out, at + length, input.length - at);
      }
      case 5 -> {
        int length = Math.min(input.length - at, 1 + random.nextInt(64));
        out = new byte[input.length - length];
        System.arraycopy(input, 0, out, 0, at);
        System.arraycopy(input, at + length, out, at, input.length - at - length);
      }
      default -> {
        byte[] digits = Integer.toString(INTERESTING_INTS[random.nextInt(INTERESTING_INTS.length)]).getBytes();
        System.arraycopy(digits, 0, out, at, Math.min(digits.length, input.length - at));
      }
    }
    return out;
  }

  private byte[] mutateInsideZip(byte[] zip) throws IOException {
    List<ZipEntry> entries = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.add(new ZipEntry(entry.getName()));
        contents.add(in.readAllBytes());
      }
    }
    if (entries.isEmpty()) {
      return mutateBytes(zip);
    }
    int victim = random.nextInt(entries.size());
    contents.set(victim, mutateBytes(contents.get(victim)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length + 64);
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (int i = 0; i < entries.size(); i++) {
        out.putNextEntry(entries.get(i));
        out.write(contents.get(i));
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static boolean isZip(byte[] input) {
    return input.length > 4 && input[0] == 'P' && input[1] == 'K' && input[2] == 3 && input[3] == 4;
  }
}
