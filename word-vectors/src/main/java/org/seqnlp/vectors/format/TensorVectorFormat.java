package org.seqnlp.vectors.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.tensor.Int8Rows;
import org.seqnlp.io.tensor.Tensor;
import org.seqnlp.io.tensor.TensorBundle;
import org.seqnlp.io.tensor.TensorFile;
import org.seqnlp.vectors.CharacterNgrams;
import org.seqnlp.vectors.SubwordVectors;
import org.seqnlp.vectors.WordVectors;

/**
 * SeqNLP's own vector file, a {@link TensorFile}: the only format that holds the n-gram vectors of a
 * subword model, and the only one with 8-bit rows. Entries:
 *
 * <pre>
 * text "format" = "seqnlp-vectors", text "precision" = "float32" or "int8", text "dimension"
 * subword models: texts "subword-min-n", "subword-max-n", "subword-buckets" ({@link CharacterNgrams})
 * string list "words"
 * float32: tensors "vectors" [words, dimension], "ngram-vectors" [buckets, dimension] (subword models)
 * int8: the same names as {@link Int8Rows}: byte tensors plus float tensors "vectors-scales" [words]
 *       and "ngram-vectors-scales" [buckets]
 * </pre>
 *
 * <p>The rows of a subword model are its words' final vectors (each the mean of the word's own row and its
 * n-grams' rows, as fastText composes them), so that every other format can take them as they are.
 */
final class TensorVectorFormat {

  /** How the rows are stored. */
  enum Precision {
    FLOAT32, INT8;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final String FORMAT = "format";
  static final String FORMAT_ID = "seqnlp-vectors";
  static final String PRECISION = "precision";
  private static final String DIMENSION = "dimension";
  private static final String MIN_N = "subword-min-n";
  private static final String MAX_N = "subword-max-n";
  private static final String BUCKETS = "subword-buckets";
  private static final String WORDS = "words";
  private static final String VECTORS = "vectors";
  private static final String NGRAM_VECTORS = "ngram-vectors";

  private TensorVectorFormat() {}

  /** The precision named by the first bytes of a file, or null when they do not name one. */
  static Precision precisionOf(byte[] sample, int length) {
    Map<String, String> texts = TensorFile.leadingTexts(sample, length);
    return FORMAT_ID.equals(texts.get(FORMAT)) && Precision.INT8.id().equals(texts.get(PRECISION))
        ? Precision.INT8 : Precision.FLOAT32;
  }

  static void write(WordVectors vectors, OutputStream out, Precision precision) throws IOException {
    int dimension = vectors.dimension();
    TensorBundle bundle = new TensorBundle().addText(FORMAT, FORMAT_ID).addText(PRECISION, precision.id())
        .addText(DIMENSION, Integer.toString(dimension));
    vectors.subwords().ifPresent(subwords -> bundle
        .addText(MIN_N, Integer.toString(subwords.ngrams().minN()))
        .addText(MAX_N, Integer.toString(subwords.ngrams().maxN()))
        .addText(BUCKETS, Integer.toString(subwords.ngrams().buckets())));
    List<String> words = new ArrayList<>(vectors.size());
    float[] rows = new float[vectors.size() * dimension];
    for (int row = 0; row < vectors.size(); row++) {
      words.add(vectors.word(row));
      System.arraycopy(vectors.vector(row), 0, rows, row * dimension, dimension);
    }
    bundle.addStrings(WORDS, words);
    add(bundle, VECTORS, rows, vectors.size(), dimension, precision);
    vectors.subwords().ifPresent(subwords -> add(bundle, NGRAM_VECTORS, subwords.copyOfMatrix(),
        subwords.ngrams().buckets(), dimension, precision));
    TensorFile.write(bundle, out);
  }

  private static void add(TensorBundle bundle, String name, float[] rows, int count, int dimension,
      Precision precision) {
    if (precision == Precision.INT8) {
      Int8Rows.quantize(rows, count, dimension).addTo(bundle, name);
    } else {
      bundle.add(new Tensor(name, new int[] {count, dimension}, rows));
    }
  }

  /** @param fileBytes the input's size when known, else -1 ({@link TensorFile#MAX_FILE_BYTES} then bounds it) */
  static WordVectors read(InputStream in, String source, long fileBytes) throws IOException {
    TensorBundle bundle = TensorFile.read(in, source, fileBytes < 0 ? TensorFile.MAX_FILE_BYTES : fileBytes);
    if (!bundle.texts().containsKey(FORMAT) || !FORMAT_ID.equals(bundle.text(FORMAT))) {
      throw bundle.fail(FORMAT, "a SeqNLP tensor file, but not of word vectors (no text '" + FORMAT + "' = '"
          + FORMAT_ID + "')");
    }
    Precision precision = precision(bundle);
    int dimension = bundle.integer(DIMENSION, 1, VectorHeader.MAX_DIMENSION);
    List<String> words = bundle.strings(WORDS);
    float[] rows = rows(bundle, VECTORS, words.size(), dimension, precision);
    SubwordVectors subwords = null;
    // any one part of a subword model means one, whose other parts must then be there too
    if (Stream.of(MIN_N, MAX_N, BUCKETS, NGRAM_VECTORS).anyMatch(bundle::contains)) {
      CharacterNgrams ngrams = ngrams(bundle);
      subwords = new SubwordVectors(ngrams, dimension,
          rows(bundle, NGRAM_VECTORS, ngrams.buckets(), dimension, precision));
    }
    bundle.requireAllTaken("a word-vector file");
    try {
      return new WordVectors(words, dimension, rows, subwords);
    } catch (IllegalArgumentException e) {
      throw bundle.fail(WORDS, e.getMessage());
    }
  }

  private static Precision precision(TensorBundle bundle) throws InputFormatException {
    String id = bundle.text(PRECISION);
    for (Precision precision : Precision.values()) {
      if (precision.id().equals(id)) {
        return precision;
      }
    }
    throw bundle.fail(PRECISION, "unknown precision '" + id + "', expected float32 or int8");
  }

  private static CharacterNgrams ngrams(TensorBundle bundle) throws InputFormatException {
    int minN = bundle.integer(MIN_N, 1, CharacterNgrams.MAX_N);
    int maxN = bundle.integer(MAX_N, 1, CharacterNgrams.MAX_N);
    int buckets = bundle.integer(BUCKETS, 1, CharacterNgrams.MAX_BUCKETS);
    try {
      return new CharacterNgrams(minN, maxN, buckets);
    } catch (IllegalArgumentException e) {
      throw bundle.fail(MAX_N, e.getMessage());
    }
  }

  /** The {@code count x dimension} rows stored as {@code name} (finite, as the tensor file holds only such). */
  private static float[] rows(TensorBundle bundle, String name, int count, int dimension, Precision precision)
      throws InputFormatException {
    if (precision == Precision.INT8) {
      return Int8Rows.from(bundle, name, count, dimension).dequantize();
    }
    return bundle.tensor(name, count, dimension).values();
  }

  /** Checks that {@code word} can be stored: at most {@link VectorFormat#MAX_WORD_BYTES}, whole UTF-16 pairs. */
  static String requireWritable(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isHighSurrogate(word.charAt(i)) && i + 1 < word.length()
          && Character.isLowSurrogate(word.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(word.charAt(i))) {
        throw new IllegalArgumentException("cannot write a word holding half a UTF-16 surrogate pair, at " + i);
      }
    }
    return TextVectorWriter.requireLength(word);
  }
}
