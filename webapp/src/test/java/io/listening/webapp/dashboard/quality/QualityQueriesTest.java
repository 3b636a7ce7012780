package io.listening.webapp.dashboard.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.dashboard.FixtureWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QualityQueriesTest {

  @RegisterExtension final FixtureWarehouse fixture = new FixtureWarehouse();

  @Test
  void failingChecksComeFirstAndDeadLettersByCount() {
    QualityQueries.Quality quality = new QualityQueries(fixture.warehouse()).quality();
    assertThat(quality.build().buildId()).isEqualTo("build-dashboard");
    assertThat(quality.checks()).extracting(QualityQueries.Check::status).containsExactly("fail", "pass");
    assertThat(quality.deadLetters())
        .extracting(QualityQueries.DeadLetters::count)
        .containsExactly(3L, 1L);
  }
}
