package io.listening.poller.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}: the folder under which the commands keep their state by default. */
public final class DataDirOption {

  @Option(
      names = "--data-dir",
      paramLabel = "dir",
      defaultValue = "data",
      description = "Folder of the platform's state; the state files' defaults live under it.")
  @Env("DATA_DIR")
  Path dataDir;

  public Path path() {
    return dataDir;
  }
}
