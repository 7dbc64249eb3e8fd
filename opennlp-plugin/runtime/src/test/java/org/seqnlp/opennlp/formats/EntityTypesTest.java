package org.seqnlp.opennlp.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTypesTest {

  @Test
  void conllLabelsTakeOpenNlpNamesOthersAreLowercased() {
    assertEquals("person", EntityTypes.ALL.name("PER"));
    assertEquals("location", EntityTypes.ALL.name("LOC"));
    assertEquals("organization", EntityTypes.ALL.name("ORG"));
    assertEquals("misc", EntityTypes.ALL.name("MISC"));
    assertEquals("creative-work", EntityTypes.ALL.name("creative-work"));
    assertEquals("gpe", EntityTypes.ALL.name("GPE"));
    assertTrue(EntityTypes.ALL.keeps("anything"));
  }

  @Test
  void renameAndKeepOnlyReturnNewInstances() {
    EntityTypes types = EntityTypes.ALL.rename("corporation", "organization").only(List.of("organization"));
    assertEquals("organization", types.name("corporation"));
    assertTrue(types.keeps("organization"));
    assertFalse(types.keeps("person"));
    assertEquals("corporation", EntityTypes.ALL.name("corporation"));
    assertTrue(EntityTypes.ALL.keeps("person"));
  }

  @Test
  void keepingNothingIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> EntityTypes.ALL.only(List.of()));
  }
}
