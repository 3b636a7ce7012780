package io.listening.poller.exports;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The kinds of listening-history file found in a Spotify data export, recognised by file name. */
enum ExportFormat {

  /**
   * "Account data": {@code StreamingHistoryN.json} (music and podcasts mixed, indistinguishable)
   * and {@code StreamingHistory_music_N.json} (music only).
   */
  BASIC(Pattern.compile("streaminghistory(_music_)?\\d+\\.json")),

  /**
   * "Account data" podcast or audiobook files, {@code StreamingHistory_podcast_N.json}: no music.
   */
  BASIC_NON_MUSIC(Pattern.compile("streaminghistory_(podcast|audiobook)_\\d+\\.json")),

  /**
   * "Extended streaming history": {@code Streaming_History_Audio_*.json}, {@code
   * Streaming_History_Video_*.json} and the older {@code endsong_N.json} / {@code endvideo.json}.
   */
  EXTENDED(
      Pattern.compile(
          "(streaming_history_(audio|video)_.*|endsong(_\\d+)?|endvideo(_\\d+)?)\\.json"));

  private final Pattern fileName;

  ExportFormat(Pattern fileName) {
    this.fileName = fileName;
  }

  /** The format of a file by its name (without folders), or empty for any other file. */
  static Optional<ExportFormat> of(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.startsWith("._")) {
      return Optional.empty();
    }
    for (ExportFormat format : values()) {
      if (format.fileName.matcher(name).matches()) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  RecordMapper mapper(String userId, Clock clock) {
    return switch (this) {
      case BASIC -> new BasicExportMapper(userId, clock);
      case BASIC_NON_MUSIC -> BasicExportMapper.nonMusic();
      case EXTENDED -> new ExtendedExportMapper(userId, clock);
    };
  }
}
