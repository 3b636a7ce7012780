package io.listening.poller.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.listening.events.PlayEvent;
import io.listening.events.PlayEventValidator;
import io.listening.events.Topics;
import io.listening.events.TrackIds;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BasicExportMapperTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final BasicExportMapper mapper =
      new BasicExportMapper("alice", TestExports.CLOCK);

  @Test
  void mapsARecordToAPlayWithDerivedTrackIdAndOnlyTheFieldsTheExportKnows() {
    PlayEvent event =
        music(
            "{\"endTime\": \"2024-05-24 07:30\", \"artistName\": \"Xdinary Heroes\","
                + " \"trackName\": \"Freakin' Bad\", \"msPlayed\": 201000}");

    assertThat(event.eventType()).isEqualTo("play");
    assertThat(event.userId()).isEqualTo("alice");
    assertThat(event.trackId()).isEqualTo(TrackIds.derive("Xdinary Heroes", "Freakin' Bad"));
    assertThat(event.trackName()).isEqualTo("Freakin' Bad");
    assertThat(event.artistName()).isEqualTo("Xdinary Heroes");
    assertThat(event.msPlayed()).isEqualTo(201_000);
    assertThat(event.playedAt()).isEqualTo(Instant.parse("2024-05-24T07:30:00Z"));
    assertThat(event.source()).isEqualTo("spotify_export");
    assertThat(event.startedAt()).isNull();
    assertThat(event.albumName()).isNull();
    assertThat(event.durationMs()).isNull();
    assertThat(event.platform()).isNull();
    assertThat(event.deviceType()).isNull();
    assertThat(event.shuffle()).isNull();
    assertThat(event.reasonStart()).isNull();
    assertThat(event.reasonEnd()).isNull();
    assertThat(event.skipped()).isNull();
    assertThat(event.ingestedAt()).isNull();
    Instant now = TestExports.CLOCK.instant();
    assertThat(PlayEventValidator.violations(event.withIngestedAt(now), now)).isEmpty();
  }

  @Test
  void everyStreamIsAPlayWithTheTimeSpotifyReportsHoweverShort() {
    for (long msPlayed : new long[] {0, 1_500, 29_999, 30_000, 245_000}) {
      PlayEvent event = music(record("Daft Punk", "Voyager", msPlayed));

      assertThat(event.eventType()).as("type after %d ms", msPlayed).isEqualTo("play");
      assertThat(event.topic()).isEqualTo(Topics.PLAYS);
      assertThat(event.msPlayed()).isEqualTo(msPlayed);
      assertThat(event.skipped()).as("basic exports carry no skip flag").isNull();
    }
  }

  @Test
  void eventIdsAndDerivedTrackIdsAreStableAcrossRunsAndIgnoreCaseAndSpacing() {
    PlayEvent first = music(record("Daft Punk", "Digital Love", 30_000));
    PlayEvent again =
        ((MappedRecord.Music)
                new BasicExportMapper("alice", TestExports.CLOCK)
                    .map(tree(record("Daft Punk", "Digital Love", 30_000))))
            .event();
    PlayEvent otherSpelling = music(record(" daft punk ", "DIGITAL LOVE", 30_000));

    assertThat(again).isEqualTo(first);
    assertThat(otherSpelling.trackId()).isEqualTo(first.trackId());
    assertThat(first.trackId()).matches("derived-[0-9a-f]{32}");
    assertThat(first.eventId())
        .isEqualTo(
            ExportEvents.eventId(
                "alice", first.trackId(), Instant.parse("2024-05-24T08:45:00Z"), 30_000));
  }

  @Test
  void theSameMinuteWithAnotherPlayTimeIsAnotherEvent() {
    assertThat(music(record("Daft Punk", "Voyager", 1_000)).eventId())
        .isNotEqualTo(music(record("Daft Punk", "Voyager", 2_000)).eventId());
  }

  @Test
  void anotherUserGetsOtherEventIdsForTheSameRecord() {
    PlayEvent bob =
        ((MappedRecord.Music)
                new BasicExportMapper("bob", TestExports.CLOCK)
                    .map(tree(record("Daft Punk", "Voyager", 1_000))))
            .event();

    assertThat(bob.eventId()).isNotEqualTo(music(record("Daft Punk", "Voyager", 1_000)).eventId());
  }

  @Test
  void badRecordsAreRejectedWithTheFieldAndTheRuleAsReason() {
    assertThat(reason(record("Daft Punk", "One More Time", -5))).isEqualTo("msPlayed is negative");
    assertThat(reason(record("Daft Punk", "", 1_000))).isEqualTo("trackName is missing");
    assertThat(reason("{\"endTime\": \"2024-05-24 08:45\", \"trackName\": \"x\", \"msPlayed\": 1}"))
        .isEqualTo("artistName is missing");
    assertThat(
            reason(
                "{\"endTime\": \"2024-05-24 08:45\", \"artistName\": \"a\", \"trackName\": \"x\","
                    + " \"msPlayed\": \"lots\"}"))
        .isEqualTo("msPlayed is not a whole number");
    assertThat(
            reason(
                "{\"endTime\": \"24/05/2024 08:45\", \"artistName\": \"a\", \"trackName\": \"x\","
                    + " \"msPlayed\": 1}"))
        .isEqualTo("endTime is not 'YYYY-MM-DD HH:MM'");
    assertThat(
            reason(
                "{\"endTime\": \"2024-05-24 08:45\", \"artistName\": 7, \"trackName\": \"x\","
                    + " \"msPlayed\": 1}"))
        .isEqualTo("artistName is not a string");
    assertThat(reason("[1, 2]")).isEqualTo("record is not a JSON object");
    assertThat(reason(record("Daft Punk", "Voyager", 2L * 24 * 3600 * 1000)))
        .isEqualTo("breaks the event contract");
  }

  @Test
  void spotifysPlaceholderForUnidentifiedContentIsRejected() {
    assertThat(reason(record("Unknown Artist", "Unknown Track", 5_000)))
        .isEqualTo("unidentified track (Unknown Artist / Unknown Track)");
    assertThat(music(record("Unknown Brain", "Control", 34_097)).trackName()).isEqualTo("Control");
  }

  @Test
  void recordsNamingAPodcastAreEpisodesNotMusic() {
    MappedRecord mapped =
        mapper.map(
            tree(
                "{\"endTime\": \"2024-05-25 09:00\", \"podcastName\": \"Show\","
                    + " \"episodeName\": \"Ep 1\", \"msPlayed\": 1800000}"));

    assertThat(mapped).isEqualTo(new MappedRecord.NonMusic("podcast episode"));
  }

  @Test
  void podcastsInOlderMixedFilesCannotBeToldApartAndAreImportedLikeMusic() {
    PlayEvent event =
        music(record("Back Of The Grid | F1 Podcast", "Summer Break Inbox Special", 3_430_360));

    assertThat(event.eventType()).isEqualTo("play");
  }

  private PlayEvent music(String json) {
    MappedRecord mapped = mapper.map(tree(json));
    assertThat(mapped).isInstanceOf(MappedRecord.Music.class);
    return ((MappedRecord.Music) mapped).event();
  }

  private String reason(String json) {
    MappedRecord mapped = mapper.map(tree(json));
    assertThat(mapped).isInstanceOf(MappedRecord.Rejected.class);
    return ((MappedRecord.Rejected) mapped).reason();
  }

  private static String record(String artist, String track, long msPlayed) {
    return JSON.createObjectNode()
        .put("endTime", "2024-05-24 08:45")
        .put("artistName", artist)
        .put("trackName", track)
        .put("msPlayed", msPlayed)
        .toString();
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }
}
