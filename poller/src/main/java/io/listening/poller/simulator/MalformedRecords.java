package io.listening.poller.simulator;

import io.listening.events.PlayEvent;
import io.listening.events.PlayEventCodec;

/**
 * Deliberately broken records, one of each kind in turn, so a simulated stream exercises every
 * dead-letter path of the pipeline: unreadable JSON, a wrong type, a broken business rule.
 */
final class MalformedRecords {

  private MalformedRecords() {}

  static String corrupt(PlayEvent event, long sequence) {
    String json = PlayEventCodec.encode(event);
    return switch ((int) (sequence % 3)) {
      case 0 -> json.substring(0, json.length() / 2);
      case 1 -> json.replace("\"ms_played\":" + event.msPlayed(), "\"ms_played\":\"lots\"");
      default -> json.replace("\"ms_played\":" + event.msPlayed(), "\"ms_played\":-1");
    };
  }
}
