package io.listening.poller.exports;

import com.fasterxml.jackson.databind.JsonNode;
import io.listening.events.TrackIds;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Maps records of the basic "Account data" files: {@code {"endTime": "2024-05-24 07:30",
 * "artistName", "trackName", "msPlayed"}}.
 *
 * <p>These records carry no Spotify id, so the track id is derived from artist and track name;
 * {@code played_at} is {@code endTime} (UTC, minute resolution) and every other optional field is
 * null, {@code skipped} included: these files carry no skip flag. Older {@code
 * StreamingHistoryN.json} files mix podcast episodes in as ordinary records (show name as artist,
 * episode title as track) and nothing in a record tells them apart reliably, so they are imported
 * like music. Records that do name a podcast ({@code podcastName}/{@code episodeName}, as in {@code
 * StreamingHistory_podcast_N.json}) are kept out. Spotify's placeholder for content it could not
 * identify ("Unknown Artist" / "Unknown Track") is rejected: it names no track.
 */
final class BasicExportMapper implements RecordMapper {

  static final String UNKNOWN_ARTIST = "Unknown Artist";
  static final String UNKNOWN_TRACK = "Unknown Track";
  private static final DateTimeFormatter END_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

  private final ExportEvents events;

  BasicExportMapper(String userId, Clock clock) {
    this.events = new ExportEvents(userId, clock);
  }

  /** For podcast-only files: every record is an episode. */
  static RecordMapper nonMusic() {
    return record ->
        record.isObject()
            ? new MappedRecord.NonMusic("podcast episode")
            : MappedRecord.Rejected.because("record is not a JSON object");
  }

  @Override
  public MappedRecord map(JsonNode record) {
    if (!record.isObject()) {
      return MappedRecord.Rejected.because("record is not a JSON object");
    }
    if (RecordFields.hasAny(record, "podcastName", "episodeName")) {
      return new MappedRecord.NonMusic("podcast episode");
    }
    try {
      String artist = RecordFields.requiredText(record, "artistName");
      String track = RecordFields.requiredText(record, "trackName");
      long msPlayed = RecordFields.requiredCount(record, "msPlayed");
      Instant playedAt = endTime(RecordFields.requiredText(record, "endTime"));
      if (artist.equals(UNKNOWN_ARTIST) && track.equals(UNKNOWN_TRACK)) {
        return MappedRecord.Rejected.because("unidentified track (Unknown Artist / Unknown Track)");
      }
      return events.music(
          TrackIds.derive(artist, track),
          track,
          artist,
          null,
          msPlayed,
          playedAt,
          null,
          null,
          null,
          null,
          null);
    } catch (RecordFields.Invalid e) {
      return e.rejection();
    }
  }

  private static Instant endTime(String value) throws RecordFields.Invalid {
    try {
      return LocalDateTime.parse(value.strip(), END_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new RecordFields.Invalid(
          "endTime is not 'YYYY-MM-DD HH:MM'",
          "endTime is not 'YYYY-MM-DD HH:MM': '" + value + "'");
    }
  }
}
