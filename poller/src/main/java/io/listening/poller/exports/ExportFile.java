package io.listening.poller.exports;

import java.io.IOException;
import java.io.InputStream;

/**
 * One listening-history file of an export, in a folder or inside a zip.
 *
 * @param name path inside the export (folder or zip), for messages
 * @param format how its records are mapped
 * @param size bytes, uncompressed; -1 when unknown
 * @param content opens the bytes; may be called more than once
 */
record ExportFile(String name, ExportFormat format, long size, Content content) {

  interface Content {
    InputStream open() throws IOException;
  }

  InputStream open() throws IOException {
    return content.open();
  }

  /** The file name without folders: what the checkpoint and the summary show. */
  String baseName() {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1);
  }
}
