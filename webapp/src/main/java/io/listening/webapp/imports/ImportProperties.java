package io.listening.webapp.imports;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Browser imports.
 *
 * @param bootstrapServers where the importer publishes ({@code WEBAPP_KAFKA_BOOTSTRAP_SERVERS}, else
 *     {@code KAFKA_BOOTSTRAP_SERVERS}); empty turns importing off
 * @param dataDir the platform's data folder ({@code DATA_DIR}): uploads wait in {@code
 *     imports/uploads/} while they are imported, and the checkpoints are {@code
 *     import-checkpoints/<user>.json}, the same as {@code poller import}'s, so either resumes the
 *     other
 * @param maxUploadSize the largest file the page accepts ({@code WEBAPP_IMPORT_MAX_UPLOAD_SIZE})
 * @param maxUncompressedSize the most a zip may say its entries hold together ({@code
 *     WEBAPP_IMPORT_MAX_UNCOMPRESSED_SIZE}): a guard against zip bombs
 * @param kafkaTimeout how long to wait for Kafka before giving up ({@code KAFKA_TIMEOUT_MS}'s role)
 */
@Validated
@ConfigurationProperties("listening.imports")
record ImportProperties(
    @Nullable String bootstrapServers,
    @NotNull Path dataDir,
    @NotNull DataSize maxUploadSize,
    @NotNull DataSize maxUncompressedSize,
    @NotNull Duration kafkaTimeout) {

  /** As {@code poller import} creates them when missing. */
  static final int PARTITIONS = 3;

  static final short REPLICATION_FACTOR = 1;

  boolean enabled() {
    return bootstrapServers != null && !bootstrapServers.isBlank();
  }

  Path uploads() {
    return dataDir.resolve("imports").resolve("uploads");
  }
}
