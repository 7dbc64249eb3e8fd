package org.seqnlp.opennlp.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import opennlp.tools.util.ObjectStream;
import org.seqnlp.opennlp.formats.ConllNameSampleStream;
import org.seqnlp.opennlp.formats.OpenNlpNameSampleStream;
import org.seqnlp.opennlp.formats.PtbSentenceStream;
import org.seqnlp.opennlp.formats.TagScheme;
import org.seqnlp.opennlp.lm.CellType;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
import org.seqnlp.opennlp.lm.RnnLanguageModelTest;
import org.seqnlp.opennlp.lm.TokenUnit;
import org.seqnlp.opennlp.models.OpenNlpVersionExport;
import org.seqnlp.opennlp.namefind.ModelZips;
import org.seqnlp.opennlp.namefind.NameFinderModels;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetworkFormat;
import org.seqnlp.opennlp.namefind.network.RandomNetworks;
import org.seqnlp.vectors.CharacterNgrams;
import org.seqnlp.vectors.SubwordVectors;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.corpus.Corpus;
import org.seqnlp.vectors.corpus.Tokenizer;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.format.VectorFormat;

/** Every reader of untrusted files the project owns, each with small valid seeds: data, vectors and models. */
final class FuzzTargets {

  private FuzzTargets() {
  }

  static List<FuzzTarget> all() throws IOException {
    List<FuzzTarget> targets = new ArrayList<>();
    targets.add(new FuzzTarget("conll", ".txt", textSeeds(
        "-DOCSTART- -X- -X- O\n\nAcme NNP B-NP B-ORG\nhires VBZ B-VP O\nNorwegian JJ B-NP B-MISC\nbakers NNS I-NP O\n",
        "Tessa NNP B-NP B-PER\nMarlowe NNP I-NP I-PER\n\nOSLO NNP B-NP B-LOC\n2031-04-05 CD I-NP O\n",
        "Eldermoör B-LOC\nHaven I-LOC\n,\tO\n"),
        file -> drain(new ConllNameSampleStream(file, StandardCharsets.UTF_8, TagScheme.AUTO))));
    targets.add(new FuzzTarget("name-samples", ".txt", textSeeds(
        "<START:person> Tessa Marlowe <END> , 44 years old , will chair the club .\n",
        "Ms . <START:person> Marlowe <END> works for <START:organization> Acme Bakeries Ltd. <END> .\n\n"),
        file -> drain(new OpenNlpNameSampleStream(file, StandardCharsets.UTF_8))));
    targets.add(new FuzzTarget("ptb", ".txt", textSeeds(
        " the bakers sold bread \n a <unk> of N loaves went to the market \n"),
        file -> drain(new PtbSentenceStream(file, StandardCharsets.UTF_8))));
    targets.add(new FuzzTarget("corpus", ".txt", textSeeds("The cat sat on the mat.\nDon't stop; well-known!\n"),
        file -> Corpus.of(List.of(file), Tokenizer.lowercasing()).forEachSentence(words -> { })));
    targets.add(new FuzzTarget("corpus-gzip", ".txt.gz", List.of(gzip("The cat sat.\nA dog ran.\n")),
        file -> Corpus.of(List.of(file), Tokenizer.lowercasing()).forEachSentence(words -> { })));
    for (VectorFormat format : VectorFormat.values()) {
      targets.add(new FuzzTarget("vectors-" + format.id(), ".vec", List.of(vectorSeed(format)),
          file -> VectorFiles.read(file, format)));
    }
    // The checksum would stop nearly every mutant of the network file at its last bytes; with the checksum
    // made right again, the mutants reach the format's size checks and the network's shape checks.
    List<byte[]> networks =
        List.of(networkFile(RandomNetworks.create(5)), networkFile(RandomNetworks.create(5).withEmbeddingBits(8)));
    targets.add(new FuzzTarget("network-checksummed", ".bin", networks, file -> {
      fixChecksum(file);
      BiLstmCrfNetworkFormat.read(file);
    }));
    // The same for the seqnlp vector file, with a subword model's n-gram entries in 8 bits and in floats.
    targets.add(new FuzzTarget("vectors-seqnlp-checksummed", ".seqnlp",
        List.of(subwordSeed(VectorFormat.SEQNLP), subwordSeed(VectorFormat.SEQNLP_INT8)), file -> {
          fixChecksum(file);
          VectorFiles.read(file);
        }));
    targets.add(new FuzzTarget("name-finder-model", ".bin",
        List.of(ModelZips.of(RandomNetworks.create(3)), ModelZips.of(RandomNetworks.withGazetteer(3)),
            ModelZips.of(RandomNetworks.create(3).withEmbeddingBits(8))),
        NameFinderModels::load));
    targets.add(new FuzzTarget("model-export", ".bin", List.of(ModelZips.of(RandomNetworks.create(3))),
        file -> OpenNlpVersionExport.export(Files.readAllBytes(file), file.toString(), "1.9.4")));
    targets.add(new FuzzTarget("language-model", ".zip", List.of(languageModel()), RnnLanguageModel::load));
    targets.add(new FuzzTarget("vectors-detected-gzip", ".vec.gz", List.of(gzip(
        new String(vectorSeed(VectorFormat.WORD2VEC_TEXT), StandardCharsets.UTF_8))), VectorFiles::read));
    return targets;
  }

  private static List<byte[]> textSeeds(String... texts) {
    List<byte[]> seeds = new ArrayList<>();
    for (String text : texts) {
      seeds.add(text.getBytes(StandardCharsets.UTF_8));
    }
    return seeds;
  }

  private static void drain(ObjectStream<?> stream) throws IOException {
    try (stream) {
      while (stream.read() != null) {
        // reading is the test
      }
    }
  }

  private static byte[] vectorSeed(VectorFormat format) throws IOException {
    WordVectors vectors = new WordVectors(List.of("king", "queen", "man"), 3,
        new float[] {0.1f, -0.2f, 0.3f, 0.15f, -0.25f, 0.35f, 1f, 0f, -1f});
    Path file = Files.createTempFile("seqnlp-fuzz-seed", ".vec");
    try {
      VectorFiles.write(vectors, file, format);
      return Files.readAllBytes(file);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Makes the trailing CRC-32 of a tensor file right again, so that mutants reach the checks behind it. */
  private static void fixChecksum(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length >= 4) {
      CRC32 crc = new CRC32();
      crc.update(bytes, 0, bytes.length - 4);
      ByteBuffer.wrap(bytes, bytes.length - 4, 4).putInt((int) crc.getValue());
      Files.write(file, bytes);
    }
  }

  private static byte[] subwordSeed(VectorFormat format) throws IOException {
    float[] buckets = new float[7 * 3];
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = i / 10f - 1;
    }
    WordVectors vectors = new WordVectors(List.of("king", "queen"), 3, new float[] {0.1f, -0.2f, 0.3f, 1f, 0f, -1f},
        new SubwordVectors(new CharacterNgrams(2, 3, 7), 3, buckets));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    format.write(vectors, bytes);
    return bytes.toByteArray();
  }

  private static byte[] networkFile(BiLstmCrfNetwork network) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BiLstmCrfNetworkFormat.write(network, bytes);
    return bytes.toByteArray();
  }

  private static byte[] languageModel() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RnnLanguageModelTest.randomModel(CellType.LSTM, TokenUnit.WORD, List.of("the", "cat", "sat")).write(bytes);
    return bytes.toByteArray();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
