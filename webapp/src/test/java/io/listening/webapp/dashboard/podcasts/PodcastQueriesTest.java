package io.listening.webapp.dashboard.podcasts;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.webapp.dashboard.DashboardFilter;
import io.listening.webapp.dashboard.FixtureWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PodcastQueriesTest {

  @RegisterExtension final FixtureWarehouse fixture = new FixtureWarehouse();

  @Test
  void podcastsAreReadApartFromMusic() {
    PodcastQueries.Podcasts podcasts = new PodcastQueries(fixture.warehouse()).podcasts(DashboardFilter.everything());
    assertThat(podcasts.listeningMs()).isEqualTo(1_800_000);
    assertThat(podcasts.shows()).isEqualTo(1);
    assertThat(podcasts.top()).extracting(PodcastQueries.Show::name).containsExactly("Lex Fridman Podcast");
    assertThat(new PodcastQueries(fixture.warehouse()).podcasts(DashboardFilter.everything().withUser("bob")).top()).isEmpty();
  }
}
