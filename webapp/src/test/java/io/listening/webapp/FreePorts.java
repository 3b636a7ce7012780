package io.listening.webapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports nothing listens on, for the servers a test starts for itself. */
final class FreePorts {

  private FreePorts() {}

  /** A port the system just handed out and closed again. */
  static int next() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
