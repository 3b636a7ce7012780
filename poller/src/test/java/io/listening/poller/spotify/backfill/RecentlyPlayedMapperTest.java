package io.listening.poller.spotify.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.listening.events.EventTypes;
import io.listening.events.PlayEvent;
import io.listening.events.PlayEventValidator;
import io.listening.events.Sources;
import io.listening.events.TrackIds;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import se.michaelthelin.spotify.model_objects.specification.AlbumSimplified;
import se.michaelthelin.spotify.model_objects.specification.ArtistSimplified;
import se.michaelthelin.spotify.model_objects.specification.Context;
import se.michaelthelin.spotify.model_objects.specification.PlayHistory;
import se.michaelthelin.spotify.model_objects.specification.Track;

class RecentlyPlayedMapperTest {

  private static final Instant PLAYED_AT = Instant.parse("2025-01-02T10:03:00Z");
  private final RecentlyPlayedMapper mapper = new RecentlyPlayedMapper("alice");

  private static PlayHistory item(String id, int durationMs, Instant playedAt) {
    Track track =
        new Track.Builder()
            .setId(id)
            .setName("Never Gonna Give You Up")
            .setArtists(
                new ArtistSimplified.Builder().setName("Rick Astley").build(),
                new ArtistSimplified.Builder().setName("Featured Singer").build())
            .setAlbum(new AlbumSimplified.Builder().setName("Whenever").build())
            .setDurationMs(durationMs)
            .build();
    return new PlayHistory.Builder()
        .setTrack(track)
        .setPlayedAt(playedAt == null ? null : Date.from(playedAt))
        .setContext(new Context.Builder().setUri("spotify:album:6N9PS4QXF1D0OWPk0Sxtb4").build())
        .build();
  }

  @Test
  void itemBecomesAPlayEndingAtPlayedAtWithTheTrackLengthAsListeningTime() {
    PlayEvent event = mapper.toEvent(item("4uLU6hMCjMI75M1A2tKUQC", 213_000, PLAYED_AT));

    assertThat(event.eventType()).isEqualTo(EventTypes.PLAY);
    assertThat(event.userId()).isEqualTo("alice");
    assertThat(event.trackId()).isEqualTo("4uLU6hMCjMI75M1A2tKUQC");
    assertThat(event.artistName()).isEqualTo("Rick Astley");
    assertThat(event.albumName()).isEqualTo("Whenever");
    assertThat(event.durationMs()).isEqualTo(213_000L);
    assertThat(event.msPlayed()).isEqualTo(213_000);
    assertThat(event.playedAt()).isEqualTo(PLAYED_AT);
    assertThat(event.startedAt()).isNull();
    assertThat(event.deviceType()).isNull();
    assertThat(event.contextUri()).isEqualTo("spotify:album:6N9PS4QXF1D0OWPk0Sxtb4");
    assertThat(event.source()).isEqualTo(Sources.SPOTIFY_RECENTLY_PLAYED);
    assertThat(PlayEventValidator.violations(event.withIngestedAt(PLAYED_AT), PLAYED_AT)).isEmpty();
  }

  @Test
  void sameItemAlwaysGetsTheSameId() {
    assertThat(mapper.toEvent(item("4uLU6hMCjMI75M1A2tKUQC", 213_000, PLAYED_AT)).eventId())
        .isEqualTo(mapper.toEvent(item("4uLU6hMCjMI75M1A2tKUQC", 213_000, PLAYED_AT)).eventId())
        .isNotEqualTo(
            mapper
                .toEvent(item("4uLU6hMCjMI75M1A2tKUQC", 213_000, PLAYED_AT.plusSeconds(1)))
                .eventId());
  }

  @Test
  void localFileWithoutSpotifyIdGetsADerivedId() {
    PlayEvent event = mapper.toEvent(item(null, 213_000, PLAYED_AT));

    assertThat(event.trackId())
        .isEqualTo(TrackIds.derive("Rick Astley", "Never Gonna Give You Up"));
  }

  @Test
  void aShortTrackIsStillAPlayAndNothingClaimsItWasSkipped() {
    PlayEvent event = mapper.toEvent(item("4uLU6hMCjMI75M1A2tKUQC", 25_000, PLAYED_AT));

    assertThat(event.eventType()).isEqualTo(EventTypes.PLAY);
    assertThat(event.msPlayed()).isEqualTo(25_000);
    assertThat(event.skipped()).isNull();
  }

  @Test
  void itemWithoutPlayedAtIsNotGuessed() {
    assertThat(mapper.toEvent(item("4uLU6hMCjMI75M1A2tKUQC", 213_000, null))).isNull();
    assertThat(mapper.toEvent(null)).isNull();
  }
}
