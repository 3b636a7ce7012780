package io.listening.webapp.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Read-only access to the DuckDB file dbt publishes (data contract section 3).
 *
 * <p>dbt builds a new file and renames it over the published one. This class keeps one read-only
 * connection per published file (a snapshot) and hands each read a short-lived duplicate of it,
 * which costs well under a millisecond where opening the file costs 10 to 20. At most once per
 * {@link WarehouseProperties#checkInterval} it compares the file's inode, modification time and
 * size with the snapshot's; when they differ it waits for the reads in flight, closes the snapshot
 * and opens the new file. Between checks a request uses the snapshot in memory and makes no file
 * system call, which matters on the cache-hit path: its one warehouse call is {@link
 * #currentBuild}.
 *
 * <p>Closing the old snapshot before opening the new file is required, not tidiness: DuckDB caches
 * open databases by path inside a process, so opening the path again while any connection to the
 * old file is still open silently returns the old database.
 */
@Component
public class Warehouse implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(Warehouse.class);

  private final Path path;
  private final long checkIntervalNanos;
  private final LongSupplier nanoTime;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  // When the file was last looked at (nanoTime); requests race to set it, and a lost race only
  // means one more look. Starts due, so the first request looks.
  private volatile long lastChecked;
  private volatile boolean neverChecked = true;

  // Guarded by lock: current is read under the read lock, replaced under the write lock; volatile
  // for currentBuild, which reads only its build and takes no lock.
  private volatile @Nullable Snapshot current;
  private @Nullable FileVersion unreadableVersion;
  private @Nullable String unavailableReason;

  @Autowired
  Warehouse(WarehouseProperties properties) {
    this(properties, System::nanoTime);
  }

  Warehouse(WarehouseProperties properties, LongSupplier nanoTime) {
    this.path = properties.path().toAbsolutePath().normalize();
    this.checkIntervalNanos = properties.checkInterval().toNanos();
    this.nanoTime = nanoTime;
    log.info(
        "Reading the warehouse from {}, looking for a new build at most every {} ms",
        path,
        properties.checkInterval().toMillis());
  }

  /**
   * A file beside the published warehouse, such as the data-quality DAG's check results
   * (docs/data-contracts.md, section 3).
   */
  public Path sibling(String fileName) {
    return path.resolveSibling(fileName);
  }

  /**
   * The build currently published; throws {@link WarehouseUnavailableException} if there is none.
   * Cheap (a volatile read, and a file status check once per check interval), but the next {@link
   * #read} may already see a newer build: to answer numbers together with a build id, take the
   * build the read is given.
   */
  public WarehouseBuild currentBuild() {
    boolean check = checkDue();
    Snapshot snapshot = current;
    if (!check && snapshot != null) {
      // No lock: the build is a value, whatever happens to the snapshot's connection meanwhile.
      return snapshot.build();
    }
    return withSnapshot(check, Snapshot::build);
  }

  /**
   * Runs {@code reader} on a read-only connection to the currently published build, and gives it
   * that build: whatever the reader returns comes from the build it was given.
   *
   * @throws WarehouseUnavailableException if no build is published or the read fails
   */
  public <T> T read(WarehouseReader<T> reader) {
    return withSnapshot(snapshot -> read(snapshot, reader));
  }

  /**
   * Runs {@code reader} on {@code build} if that is still the published build, for callers that
   * chose the build before reading (a cache key names it).
   *
   * @throws WarehouseBuildChangedException if another build has been published since
   * @throws WarehouseUnavailableException if no build is published or the read fails
   */
  public <T> T read(WarehouseBuild build, WarehouseReader<T> reader) {
    return withSnapshot(
        snapshot -> {
          if (!snapshot.build().equals(build)) {
            throw new WarehouseBuildChangedException(build, snapshot.build());
          }
          return read(snapshot, reader);
        });
  }

  private static <T> T read(Snapshot snapshot, WarehouseReader<T> reader) {
    try (Connection connection = snapshot.connection().duplicate()) {
      return reader.read(connection, snapshot.build());
    } catch (SQLException e) {
      // Logged here, the one place both the API and the dashboard pass through.
      log.error("Reading warehouse build {} failed", snapshot.build().buildId(), e);
      throw new WarehouseUnavailableException("Reading the warehouse failed.", e);
    }
  }

  private <T> T withSnapshot(Function<Snapshot, T> action) {
    return withSnapshot(checkDue(), action);
  }

  private <T> T withSnapshot(boolean checkDue, Function<Snapshot, T> action) {
    // Until a build is open every request looks at the file: a request racing the first one's open
    // would otherwise find nothing open yet and answer 503 although a build is published.
    boolean check = checkDue || current == null;
    Optional<FileVersion> published = check ? FileVersion.of(path) : Optional.empty();
    lock.readLock().lock();
    try {
      if (check && !isCurrent(published)) {
        lock.readLock().unlock();
        lock.writeLock().lock();
        try {
          Optional<FileVersion> latest = FileVersion.of(path); // another thread may have reopened
          if (!isCurrent(latest)) {
            reopen(latest);
          }
        } finally {
          lock.readLock().lock(); // downgrade: keep the snapshot open while the action runs
          lock.writeLock().unlock();
        }
      }
      Snapshot snapshot = current;
      if (snapshot == null) {
        throw new WarehouseUnavailableException(
            Objects.requireNonNullElse(unavailableReason, "The warehouse is not open"));
      }
      return action.apply(snapshot);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Whether this request looks at the file: once per check interval, the first always. */
  private boolean checkDue() {
    long now = nanoTime.getAsLong();
    if (!neverChecked && now - lastChecked < checkIntervalNanos) {
      return false;
    }
    lastChecked = now;
    neverChecked = false;
    return true;
  }

  private boolean isCurrent(Optional<FileVersion> published) {
    if (current != null) {
      return published.isPresent() && current.version().equals(published.get());
    }
    return published.isPresent() && published.get().equals(unreadableVersion);
  }

  private void reopen(Optional<FileVersion> published) {
    closeCurrent();
    unreadableVersion = null;
    if (published.isEmpty()) {
      markUnavailable(
          "No warehouse build yet: nothing has been published. Run the dbt build to publish one.",
          "the file does not exist");
      return;
    }
    try {
      current = Snapshot.open(path, published.get());
      unavailableReason = null;
      log.info(
          "Opened warehouse build {} built at {} from {}",
          current.build().buildId(),
          current.build().builtAt(),
          path);
    } catch (SQLException e) {
      unreadableVersion = published.get();
      markUnavailable(
          "The published warehouse cannot be read; waiting for the next dbt build.",
          e.getMessage());
    }
  }

  /**
   * Records why reads fail. {@code reason} goes to clients and leaves out the server's paths; the
   * log line, written once per distinct reason rather than once per request, names the file.
   */
  private void markUnavailable(String reason, @Nullable String detail) {
    if (!reason.equals(unavailableReason)) {
      log.warn("Warehouse {} is unavailable: {}", path, detail);
    }
    unavailableReason = reason;
  }

  private void closeCurrent() {
    Snapshot snapshot = current;
    current = null;
    if (snapshot != null) {
      snapshot.close();
    }
  }

  @Override
  public void destroy() {
    lock.writeLock().lock();
    try {
      closeCurrent();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * What identifies one published file: a rename gives a new inode, a rewrite a new time or size.
   */
  private record FileVersion(@Nullable Object fileKey, FileTime lastModified, long size) {

    static Optional<FileVersion> of(Path path) {
      try {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return Optional.of(
            new FileVersion(
                attributes.fileKey(), attributes.lastModifiedTime(), attributes.size()));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw new WarehouseUnavailableException("The published warehouse cannot be read.", e);
      }
    }
  }

  private record Snapshot(FileVersion version, DuckDBConnection connection, WarehouseBuild build) {

    static Snapshot open(Path path, FileVersion version) throws SQLException {
      Properties properties = new Properties();
      properties.setProperty("duckdb.read_only", "true");
      DuckDBConnection connection =
          DriverManager.getConnection("jdbc:duckdb:" + path, properties)
              .unwrap(DuckDBConnection.class);
      try {
        return new Snapshot(version, connection, readBuild(connection));
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    }

    private static WarehouseBuild readBuild(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement();
          ResultSet row =
              statement.executeQuery("select build_id, built_at from gold.build_info")) {
        if (!row.next()) {
          throw new SQLException("gold.build_info has no row");
        }
        String buildId = row.getString("build_id");
        if (buildId == null) {
          throw new SQLException("gold.build_info has a null build_id");
        }
        return new WarehouseBuild(buildId, WarehouseColumns.instant(row, "built_at"));
      }
    }

    void close() {
      try {
        connection.close();
      } catch (SQLException e) {
        log.warn("Closing the warehouse build {} failed: {}", build.buildId(), e.getMessage());
      }
    }
  }
}
