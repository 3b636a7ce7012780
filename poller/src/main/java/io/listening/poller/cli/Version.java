package io.listening.poller.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version Maven stamped into the jar's manifest. */
public final class Version implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Version.class.getPackage().getImplementationVersion();
    return new String[] {"poller " + (version == null ? "(not built as a jar)" : version)};
  }
}
