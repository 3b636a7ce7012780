package io.listening.poller.exports;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies a file's content: size and SHA-256. The same file imported from a folder or from
 * the zip, or under another name, has the same fingerprint.
 */
record Fingerprint(long size, String sha256) {

  static Fingerprint of(ExportFile file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
    long size = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = file.open()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
        size += n;
      }
    }
    return new Fingerprint(size, HexFormat.of().formatHex(digest.digest()));
  }
}
