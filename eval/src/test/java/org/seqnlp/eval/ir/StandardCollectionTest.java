package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;

class StandardCollectionTest {

  @TempDir
  Path dir;

  private void write(String name, String... lines) throws IOException {
    Files.writeString(dir.resolve(name), String.join("\r\n", lines) + "\r\n", StandardCharsets.ISO_8859_1);
  }

  @Test
  void cisiTakesTitleAndAbstractAndQueryTextFromW() throws IOException {
    write("CISI.ALL", ".I 1", ".T", "Title one", ".A", "Author, A.", ".W", "abstract one", ".X", "1\t5\t1",
        ".I 2", ".T", "Title two", ".W", "abstract", "two");
    write("CISI.QRY", ".I 1", ".T", "Paper title", ".A", "Someone", ".W", "what is text?", ".B", "1970",
        ".I 2", ".W", "unjudged query");
    write("CISI.REL", "     1      2\t0\t0.000000");
    TestCollection cisi = StandardCollection.CISI.read(dir);
    assertEquals(List.of(new CollectionDocument("1", "Title one abstract one"),
        new CollectionDocument("2", "Title two abstract\ntwo")), cisi.documents());
    assertEquals(new Topic("1", "what is text?"), cisi.topics().get(0));
    assertEquals(Map.of("2", 1), cisi.judgements().gains("1"));
    assertEquals(List.of(cisi.topics().get(0)), cisi.evaluatedTopics(), "unjudged queries are not evaluated");
  }

  @Test
  void judgementForUnknownDocumentNamesFileAndLine() throws IOException {
    write("CISI.ALL", ".I 1", ".W", "text");
    write("CISI.QRY", ".I 1", ".W", "query");
    write("CISI.REL", "1 1 0 0.0", "1 7 0 0.0");
    InputFormatException e = assertThrows(InputFormatException.class, () -> StandardCollection.CISI.read(dir));
    assertEquals(dir.resolve("CISI.REL") + ":2: judgement for document 7, which the collection does not have",
        e.getMessage());
  }

  @Test
  void smartRecordsRejectTextOutsideAField() throws IOException {
    write("CISI.ALL", ".I 1", "stray text");
    InputFormatException e = assertThrows(InputFormatException.class, () -> StandardCollection.CISI.read(dir));
    assertEquals(2, e.position());
    assertTrue(e.problem().contains("before the first field marker"), e.getMessage());
  }

  @Test
  void aRecordIdSeenAgainIsAnError() throws IOException {
    write("CISI.ALL", ".I 1", ".W", "text", ".I 2", ".W", "more", ".I 1", ".W", "again");
    InputFormatException e = assertThrows(InputFormatException.class, () -> StandardCollection.CISI.read(dir));
    assertEquals(7, e.position());
    assertEquals("record id 1 again, first on line 1", e.problem());
  }

  @Test
  void missingFileIsReportedByName() {
    IOException e = assertThrows(IOException.class, () -> StandardCollection.MED.read(dir));
    assertTrue(e.getMessage().contains("MED.ALL"), e.getMessage());
  }

  @Test
  void cranfieldNumbersQueriesByPositionAndInvertsGrades() throws IOException {
    write("cran.all.1400", ".I 1", ".T", "wing", ".A", "x", ".B", "y", ".W", "wing flow", ".A", "more", ".W", "second w",
        ".I 2", ".T", ".A", ".B", ".W");
    write("cran.qry", ".I 001", ".W", "first", ".I 004", ".W", "second");
    Files.writeString(dir.resolve("cranqrel"), "1 1 1\n2 1 4\n2 2 -1");
    TestCollection cran = StandardCollection.CRAN.read(dir);
    assertEquals("wing wing flow\nmore\nsecond w", cran.documents().get(0).text(),
        "a marker the record already has, .A inside the abstract as in doc 240 or a repeated .W, continues it");
    assertEquals("", cran.documents().get(1).text());
    assertEquals(List.of(new Topic("1", "first"), new Topic("2", "second")), cran.topics());
    assertEquals(Map.of("1", 4), cran.judgements().gains("1"));
    assertEquals(Map.of("1", 1, "2", 0), cran.judgements().gains("2"));
    assertEquals(2, cran.judgements().relevantPairs());
  }

  @Test
  void cranfieldRejectsUnknownGrade() throws IOException {
    write("cran.all.1400", ".I 1", ".W", "text");
    write("cran.qry", ".I 001", ".W", "q");
    Files.writeString(dir.resolve("cranqrel"), "1 1 7\n");
    InputFormatException e = assertThrows(InputFormatException.class, () -> StandardCollection.CRAN.read(dir));
    assertEquals("expected a relevance code 1-4 or -1, found '7'", e.problem());
  }

  @Test
  void medlineReadsTrecLayout() throws IOException {
    write("MED.ALL", ".I 1", ".W", "  the lens.  ", ".I 2", ".W", "blood");
    write("MED.QRY", ".I 1", ".W", " lens");
    Files.writeString(dir.resolve("MED.REL"), "1 0 2 1\n");
    TestCollection med = StandardCollection.MED.read(dir);
    assertEquals("the lens.", med.documents().get(0).text());
    assertEquals(Map.of("2", 1), med.judgements().gains("1"));
  }

  @Test
  void medlineRejectsShortJudgementLine() throws IOException {
    write("MED.ALL", ".I 1", ".W", "text");
    write("MED.QRY", ".I 1", ".W", "q");
    Files.writeString(dir.resolve("MED.REL"), "1 0\n");
    InputFormatException e = assertThrows(InputFormatException.class, () -> StandardCollection.MED.read(dir));
    assertEquals(1, e.position());
  }

  @Test
  void lisaSkipsRecordsWithoutAHeaderAndRepeatsAndReadsWrappedJudgements() throws IOException {
    String end = "*".repeat(44);
    write("LISA0.001", "Document    1", "A TITLE", "ON TWO LINES.", "     ", "ABSTRACT ONE.", end,
        "Document    2", "SECOND.", "     ", "FIRST PART", end, "A FRAGMENT OF NO DOCUMENT.", end);
    write("LISA0.501", "Document    2", "SECOND.", "     ", "REPEATED", end, "Document    3", "THIRD.", end);
    write("LISA.QUE", "1", "I AM INTERESTED IN", "TITLES. #", "2", "SECOND QUERY #");
    write("LISARJ.NUM", "           1           3           1", "           2           3",
        "           2           1           3");
    TestCollection lisa = StandardCollection.LISA.read(dir);
    assertEquals(List.of("1", "2", "3"), lisa.documents().stream().map(CollectionDocument::id).toList());
    assertEquals("A TITLE\nON TWO LINES.\n\nABSTRACT ONE.", lisa.documents().get(0).text());
    assertEquals("SECOND.\n\nFIRST PART", lisa.documents().get(1).text());
    assertEquals(List.of(new Topic("1", "I AM INTERESTED IN\nTITLES."), new Topic("2", "SECOND QUERY")),
        lisa.topics());
    assertEquals(Map.of("1", 1, "2", 1, "3", 1), lisa.judgements().gains("1"));
    assertEquals(Map.of("3", 1), lisa.judgements().gains("2"));
  }

  @Test
  void lisaReportsTruncatedJudgementList() throws IOException {
    write("LISA0.001", "Document 1", "T.", "", "A.", "*".repeat(44));
    write("LISA.QUE", "1", "Q #");
    write("LISARJ.NUM", "1 3 1");
    InputFormatException e = assertThrows(InputFormatException.class, () -> StandardCollection.LISA.read(dir));
    assertEquals("query 1 announces 3 relevant documents but the file ends first", e.problem());
  }

  @Test
  void lisaReportsUnterminatedQuery() throws IOException {
    write("LISA0.001", "Document 1", "T.", "", "A.", "*".repeat(44));
    write("LISA.QUE", "1", "Q #", "2", "no end");
    write("LISARJ.NUM", "1 1 1");
    InputFormatException e = assertThrows(InputFormatException.class, () -> StandardCollection.LISA.read(dir));
    assertEquals(3, e.position());
  }

  /** A TIME file of {@code records} documents and a qrels line per position given. */
  private void writeTime(int records, String qrels) throws IOException {
    StringBuilder all = new StringBuilder();
    for (int r = 1; r <= records; r++) {
      all.append("*TEXT ").append(100 + r).append(" 01/04/63 PAGE 020\n\nTEXT OF RECORD ").append(r).append(" .\n\n");
    }
    Files.writeString(dir.resolve("TIME.ALL"), all + "*STOP\n");
    Files.writeString(dir.resolve("TIME.QUE"), "*FIND      1\n\n KENNEDY\n\nAND DIEM .\n\n*STOP\n");
    Files.writeString(dir.resolve("TIME.REL"), qrels);
  }

  @Test
  void timeMapsQrelsPositionsAcrossTheLostHeaders() throws IOException {
    writeTime(423, "1  2 370 373 425\n\n");
    TestCollection time = StandardCollection.TIME.read(dir);
    assertEquals(423, time.documents().size());
    assertEquals(new CollectionDocument("2", "TEXT OF RECORD 2 ."), time.documents().get(1));
    assertEquals(new Topic("1", "KENNEDY\nAND DIEM ."), time.topics().get(0));
    assertEquals(Map.of("2", 1, "370", 1, "371", 1, "423", 1), time.judgements().gains("1"));
  }

  @Test
  void timeRejectsPositionsInTheGapAndPastTheEnd() throws IOException {
    writeTime(423, "1 371\n");
    assertTrue(assertThrows(InputFormatException.class, () -> StandardCollection.TIME.read(dir)).problem()
        .contains("lost two record headers"));
    writeTime(400, "1 425\n");
    assertEquals("document position 425 maps to record 423 but the collection has 400 records",
        assertThrows(InputFormatException.class, () -> StandardCollection.TIME.read(dir)).problem());
  }

  @Test
  void timeRequiresStop() throws IOException {
    writeTime(3, "1 1\n");
    Files.writeString(dir.resolve("TIME.QUE"), "*FIND 1\nQUERY\n");
    InputFormatException e = assertThrows(InputFormatException.class, () -> StandardCollection.TIME.read(dir));
    assertEquals("file ends without *STOP", e.problem());
  }

  @Test
  void namedIgnoresCase() {
    assertEquals(StandardCollection.LISA, StandardCollection.named("lisa"));
  }
}
