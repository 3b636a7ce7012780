package io.listening.poller.exports;

import com.fasterxml.jackson.databind.JsonNode;
import io.listening.events.TrackIds;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Maps records of the "Extended streaming history" files ({@code Streaming_History_Audio_*.json},
 * {@code endsong_N.json}, ...).
 *
 * <p>The track id comes from {@code spotify_track_uri} (derived from artist and track name for
 * local files, which have none); {@code played_at} is {@code ts}; album, platform, shuffle, the
 * start and end reasons and Spotify's own {@code skipped} flag (null in older records) are copied.
 * {@code started_at} stays null: {@code ts - ms_played} would be wrong whenever the play was
 * paused. Records without track metadata but with episode or audiobook fields are podcasts and
 * audiobooks and are kept out of music plays.
 */
final class ExtendedExportMapper implements RecordMapper {

  private static final String[] EPISODE_FIELDS = {
    "episode_name", "episode_show_name", "spotify_episode_uri"
  };
  private static final String[] AUDIOBOOK_FIELDS = {
    "audiobook_title", "audiobook_uri", "audiobook_chapter_uri", "audiobook_chapter_title"
  };

  private final ExportEvents events;

  ExtendedExportMapper(String userId, Clock clock) {
    this.events = new ExportEvents(userId, clock);
  }

  @Override
  public MappedRecord map(JsonNode record) {
    if (!record.isObject()) {
      return MappedRecord.Rejected.because("record is not a JSON object");
    }
    try {
      String track = RecordFields.optionalText(record, "master_metadata_track_name");
      if (track == null) {
        if (RecordFields.hasAny(record, EPISODE_FIELDS)) {
          return new MappedRecord.NonMusic("podcast episode");
        }
        if (RecordFields.hasAny(record, AUDIOBOOK_FIELDS)) {
          return new MappedRecord.NonMusic("audiobook chapter");
        }
        return MappedRecord.Rejected.because("master_metadata_track_name is missing");
      }
      String artist = RecordFields.requiredText(record, "master_metadata_album_artist_name");
      long msPlayed = RecordFields.requiredCount(record, "ms_played");
      Instant playedAt = ts(RecordFields.requiredText(record, "ts"));
      String trackId =
          TrackIds.fromTrackUri(RecordFields.optionalText(record, "spotify_track_uri"));
      return events.music(
          trackId != null ? trackId : TrackIds.derive(artist, track),
          track,
          artist,
          RecordFields.optionalText(record, "master_metadata_album_album_name"),
          msPlayed,
          playedAt,
          RecordFields.optionalText(record, "platform"),
          RecordFields.optionalBoolean(record, "shuffle"),
          RecordFields.optionalText(record, "reason_start"),
          RecordFields.optionalText(record, "reason_end"),
          RecordFields.optionalBoolean(record, "skipped"));
    } catch (RecordFields.Invalid e) {
      return e.rejection();
    }
  }

  private static Instant ts(String value) throws RecordFields.Invalid {
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new RecordFields.Invalid(
          "ts is not an ISO-8601 instant", "ts is not an ISO-8601 instant: '" + value + "'");
    }
  }
}
