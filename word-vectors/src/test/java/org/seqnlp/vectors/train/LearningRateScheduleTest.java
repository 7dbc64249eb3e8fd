package org.seqnlp.vectors.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

  @Test
  void decaysLinearlyOverAllWordsDownToAFloor() {
    LearningRateSchedule schedule = new LearningRateSchedule(0.025, 1_000_000);
    assertEquals(0.025f, schedule.rate(0), 1e-9);
    assertEquals(0.0125f, schedule.rate(500_000), 1e-6);
    assertEquals(0.025f * 0.25f, schedule.rate(750_000), 1e-6);
    assertEquals(0.025f * 1e-4f, schedule.rate(1_000_000), 1e-9);
    assertEquals(0.025f * 1e-4f, schedule.rate(2_000_000), 1e-9);
  }

  @Test
  void rejectsNonPositiveStart() {
    assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(0, 10));
  }
}
