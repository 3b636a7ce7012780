package io.listening.poller.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** An address where no broker listens, for the tests of a stopped Kafka. */
public final class NoKafka {

  private NoKafka() {}

  /** 127.0.0.1 and a port that was free a moment ago: connections to it are refused. */
  public static String address() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "127.0.0.1:" + socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
