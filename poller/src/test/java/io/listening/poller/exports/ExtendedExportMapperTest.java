package io.listening.poller.exports;

import static io.listening.poller.exports.BasicExportMapperTest.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.listening.events.PlayEvent;
import io.listening.events.PlayEventValidator;
import io.listening.events.TrackIds;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExtendedExportMapperTest {

  private final ExtendedExportMapper mapper =
      new ExtendedExportMapper("alice", TestExports.CLOCK);

  @Test
  void mapsATrackWithItsSpotifyIdAlbumPlatformShuffleAndReasons() {
    PlayEvent event = music(track());

    assertThat(event.eventType()).isEqualTo("play");
    assertThat(event.userId()).isEqualTo("alice");
    assertThat(event.trackId()).isEqualTo("1IT0WQk5J8NsaeII8ktdlZ");
    assertThat(event.trackName()).isEqualTo("King For A Day");
    assertThat(event.artistName()).isEqualTo("Pierce The Veil");
    assertThat(event.albumName()).isEqualTo("Collide With The Sky");
    assertThat(event.msPlayed()).isEqualTo(212_024);
    assertThat(event.playedAt()).isEqualTo(Instant.parse("2024-12-07T18:42:32Z"));
    assertThat(event.platform()).isEqualTo("ios");
    assertThat(event.shuffle()).isTrue();
    assertThat(event.reasonStart()).isEqualTo("playbtn");
    assertThat(event.reasonEnd()).isEqualTo("trackdone");
    assertThat(event.source()).isEqualTo("spotify_export");
    assertThat(event.startedAt()).isNull();
    assertThat(event.durationMs()).isNull();
    assertThat(event.deviceType()).isNull();
    assertThat(event.contextUri()).isNull();
    Instant now = TestExports.CLOCK.instant();
    assertThat(PlayEventValidator.violations(event.withIngestedAt(now), now)).isEmpty();
  }

  @Test
  void everyStreamIsAPlayCarryingSpotifysOwnSkippedFlagAsIs() {
    PlayEvent shortNotSkipped = music(track().put("ms_played", 5_888).put("skipped", false));
    PlayEvent longSkipped = music(track().put("ms_played", 45_000).put("skipped", true));
    PlayEvent olderRecord = music(track().put("ms_played", 1_000).putNull("skipped"));
    ObjectNode withoutTheField = track();
    withoutTheField.remove("skipped");

    assertThat(shortNotSkipped.eventType()).isEqualTo("play");
    assertThat(shortNotSkipped.msPlayed()).isEqualTo(5_888);
    assertThat(shortNotSkipped.skipped()).isFalse();
    assertThat(longSkipped.eventType()).isEqualTo("play");
    assertThat(longSkipped.skipped()).isTrue();
    assertThat(olderRecord.eventType()).isEqualTo("play");
    assertThat(olderRecord.skipped()).isNull();
    assertThat(music(withoutTheField).skipped()).isNull();
  }

  @Test
  void aSkippedFlagThatIsNotABooleanRejectsTheRecordNamingTheField() {
    MappedRecord mapped = mapper.map(track().put("skipped", "yes"));

    assertThat(mapped)
        .isEqualTo(
            new MappedRecord.Rejected(
                "skipped is not true or false", "skipped is not true or false: \"yes\""));
  }

  @Test
  void unknownOptionalFieldsStayNull() {
    ObjectNode old = track();
    old.putNull("shuffle");
    old.putNull("master_metadata_album_album_name");
    old.remove("reason_start");
    old.remove("platform");

    PlayEvent event = music(old);

    assertThat(event.shuffle()).isNull();
    assertThat(event.albumName()).isNull();
    assertThat(event.reasonStart()).isNull();
    assertThat(event.platform()).isNull();
  }

  @Test
  void localFilesWithoutASpotifyIdGetADerivedTrackId() {
    PlayEvent event =
        music(
            track()
                .put("spotify_track_uri", "spotify:local:Me::Home+Recording:180")
                .put("master_metadata_track_name", "Home Recording")
                .put("master_metadata_album_artist_name", "Me"));

    assertThat(event.trackId()).isEqualTo(TrackIds.derive("Me", "Home Recording"));
  }

  @Test
  void podcastEpisodesAndAudiobookChaptersAreKeptOutOfMusic() {
    ObjectNode episode = withoutTrack();
    episode.put("episode_name", "Travis Scott - Hell of a night");
    episode.put("spotify_episode_uri", "spotify:episode:7ra0tk3EWo7ZsBPxFIucfS");
    ObjectNode chapter = withoutTrack();
    chapter.put("audiobook_title", "Animal Farm");
    chapter.put("audiobook_chapter_uri", "spotify:episode:6vo6o6vDXpkSNnni89TxRN");

    assertThat(mapper.map(episode)).isEqualTo(new MappedRecord.NonMusic("podcast episode"));
    assertThat(mapper.map(chapter)).isEqualTo(new MappedRecord.NonMusic("audiobook chapter"));
  }

  @Test
  void aRecordWithNeitherTrackNorEpisodeIsRejected() {
    assertThat(reason(withoutTrack())).isEqualTo("master_metadata_track_name is missing");
  }

  @Test
  void wrongTypesAndBadValuesAreRejectedWithTheFieldAsReason() {
    assertThat(reason(track().put("shuffle", "yes"))).isEqualTo("shuffle is not true or false");
    assertThat(reason(track().put("ts", "yesterday"))).isEqualTo("ts is not an ISO-8601 instant");
    assertThat(reason(track().put("ms_played", -1))).isEqualTo("ms_played is negative");
    assertThat(reason(track().put("ms_played", 1.5))).isEqualTo("ms_played is not a whole number");
    assertThat(reason(track().putNull("master_metadata_album_artist_name")))
        .isEqualTo("master_metadata_album_artist_name is missing");
    assertThat(reason(track().put("ts", "2999-01-01T00:00:00Z")))
        .isEqualTo("breaks the event contract");
  }

  @Test
  void theSamePlayLoggedTwiceGetsOneEventId() {
    PlayEvent first = music(track().put("offline_timestamp", 1533590000L));
    PlayEvent second = music(track().put("offline_timestamp", 1532891138368L).put("offline", true));

    assertThat(second.eventId()).isEqualTo(first.eventId());
  }

  private PlayEvent music(ObjectNode record) {
    MappedRecord mapped = mapper.map(record);
    assertThat(mapped).isInstanceOf(MappedRecord.Music.class);
    return ((MappedRecord.Music) mapped).event();
  }

  private String reason(ObjectNode record) {
    MappedRecord mapped = mapper.map(record);
    assertThat(mapped).isInstanceOf(MappedRecord.Rejected.class);
    return ((MappedRecord.Rejected) mapped).reason();
  }

  private static ObjectNode track() {
    return (ObjectNode)
        tree(
            """
            {"ts": "2024-12-07T18:42:32Z", "platform": "ios", "ms_played": 212024,
             "conn_country": "US", "master_metadata_track_name": "King For A Day",
             "master_metadata_album_artist_name": "Pierce The Veil",
             "master_metadata_album_album_name": "Collide With The Sky",
             "spotify_track_uri": "spotify:track:1IT0WQk5J8NsaeII8ktdlZ",
             "episode_name": null, "episode_show_name": null, "spotify_episode_uri": null,
             "audiobook_title": null, "audiobook_uri": null, "audiobook_chapter_uri": null,
             "audiobook_chapter_title": null, "reason_start": "playbtn", "reason_end": "trackdone",
             "shuffle": true, "skipped": false, "offline": false,
             "offline_timestamp": 1733593010, "incognito_mode": false}
            """);
  }

  private static ObjectNode withoutTrack() {
    ObjectNode record = track();
    record.putNull("master_metadata_track_name");
    record.putNull("master_metadata_album_artist_name");
    record.putNull("master_metadata_album_album_name");
    record.putNull("spotify_track_uri");
    return record;
  }
}
