package io.listening.poller.exports;

import io.listening.events.UserIds;
import java.nio.file.Path;

/**
 * What to import and for whom; read from the options and {@code IMPORT_*} variables by {@link
 * ImportCommand}.
 *
 * @param path the export: a folder, the downloaded .zip, or one .json file
 * @param userId whose history it is; basic exports carry no user name
 * @param checkpoint the progress file
 */
public record ImportConfig(Path path, String userId, Path checkpoint) {

  public ImportConfig {
    // The id also names the checkpoint file, which the rule keeps safe.
    if (!UserIds.isValid(userId)) {
      throw new IllegalArgumentException("user must be " + UserIds.RULE + ", got '" + userId + "'");
    }
  }

  /** The checkpoint's default place: one file per user under the data folder. */
  public static Path defaultCheckpoint(Path dataDir, String userId) {
    return dataDir.resolve("import-checkpoints").resolve(userId + ".json");
  }
}
