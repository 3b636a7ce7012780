package io.listening.poller.exports;

import io.listening.events.UserIds;
import io.listening.poller.Settings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * What to import and for whom. From {@code --name=value} arguments, else {@code IMPORT_*}
 * environment variables.
 *
 * @param path the export: a folder, the downloaded .zip, or one .json file ({@code --path})
 * @param userId whose history it is; basic exports carry no user name ({@code --user})
 * @param checkpoint the progress file ({@code --checkpoint}, default {@code
 *     $DATA_DIR/import-checkpoints/<user>.json}, {@code DATA_DIR} defaulting to {@code data})
 */
record ImportConfig(Path path, String userId, Path checkpoint) {

  ImportConfig {
    // The id also names the checkpoint file, which the rule keeps safe.
    if (!UserIds.isValid(userId)) {
      throw new IllegalArgumentException("user must be " + UserIds.RULE + ", got '" + userId + "'");
    }
  }

  static ImportConfig from(Map<String, String> env, Map<String, String> args) {
    Settings s = new Settings(env, args, "IMPORT_");
    String path = required(s, "path", "the export folder or .zip file");
    String user = required(s, "user", "the id of the person whose export this is");
    String checkpoint = s.raw("checkpoint");
    String dataDir = env.getOrDefault("DATA_DIR", "data");
    return new ImportConfig(
        Path.of(path),
        user,
        checkpoint == null || checkpoint.isBlank()
            ? Path.of(dataDir.isBlank() ? "data" : dataDir, "import-checkpoints", user + ".json")
            : Path.of(checkpoint));
  }

  private static String required(Settings s, String name, String what) {
    String value = s.raw(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "--"
              + name
              + " (or IMPORT_"
              + name.toUpperCase(Locale.ROOT).replace('-', '_')
              + ") is required: "
              + what);
    }
    return value.strip();
  }
}
