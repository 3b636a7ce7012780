package io.listening.pipelines.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3-compatible server the S3 tests write to (ops/test-s3.sh starts moto for them), read from
 * the environment. Region and credentials are not here: the tests take them, like the job, from the
 * AWS SDK's standard chain ({@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, ...).
 *
 * <ul>
 *   <li>{@code LISTENING_S3_TEST_ENDPOINT}: required, e.g. {@code http://localhost:15000}
 *   <li>{@code LISTENING_S3_TEST_LAKE}: the lake root the tests leave behind for the dbt check,
 *       default {@code s3://listening-s3-test/lake}
 * </ul>
 */
final class S3TestServer implements AutoCloseable {

  static final String ENDPOINT_VARIABLE = "LISTENING_S3_TEST_ENDPOINT";
  static final String LAKE_VARIABLE = "LISTENING_S3_TEST_LAKE";
  static final String DEFAULT_LAKE = "s3://listening-s3-test/lake";

  private final URI endpoint;
  private final String bucket;
  private final String prefix;
  private S3Client client;

  private S3TestServer(URI endpoint, String bucket, String prefix) {
    this.endpoint = endpoint;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  URI endpoint() {
    return endpoint;
  }

  static S3TestServer fromEnvironment() {
    String endpoint = System.getenv(ENDPOINT_VARIABLE);
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalStateException(
          ENDPOINT_VARIABLE + " is not set: the S3 tests need an S3-compatible server (ops/test-s3.sh starts one)");
    }
    URI lake = URI.create(System.getenv().getOrDefault(LAKE_VARIABLE, DEFAULT_LAKE));
    if (!"s3".equals(lake.getScheme()) || lake.getHost() == null) {
      throw new IllegalStateException(LAKE_VARIABLE + " must be s3://bucket/prefix, got " + lake);
    }
    return new S3TestServer(URI.create(endpoint), lake.getHost(), lake.getPath().replaceAll("^/+|/+$", ""));
  }

  /** The lake root as the job takes it: {@code s3://bucket/prefix}. */
  String lakeDir() {
    return "s3://" + bucket + "/" + prefix;
  }

  /** An empty lake: the bucket exists and holds nothing under the prefix. */
  void resetLake() {
    try {
      s3().headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      s3().createBucket(b -> b.bucket(bucket));
    }
    List<ObjectIdentifier> keys =
        objects().stream().map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
    if (!keys.isEmpty()) {
      s3().deleteObjects(d -> d.bucket(bucket).delete(Delete.builder().objects(keys).build()));
    }
  }

  /** Every object under the lake root, by key relative to the root, with its last modification. */
  Map<String, Instant> lakeObjects() {
    Map<String, Instant> objects = new TreeMap<>();
    for (S3Object object : objects()) {
      objects.put(object.key().substring(prefix.length() + 1), object.lastModified());
    }
    return objects;
  }

  /** Copies the lake into a local folder, so DuckDB (whose S3 extension is not here) can read it. */
  void download(Path folder) throws IOException {
    for (String key : lakeObjects().keySet()) {
      Path target = folder.resolve(key);
      Files.createDirectories(target.getParent());
      try (InputStream in =
          s3().getObject(g -> g.bucket(bucket).key(prefix + "/" + key), ResponseTransformer.toInputStream())) {
        Files.copy(in, target);
      }
    }
  }

  private List<S3Object> objects() {
    return s3().listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix + "/")).contents().stream().toList();
  }

  private synchronized S3Client s3() {
    if (client == null) {
      // Path-style, as the job is told to address this server (PathStyleS3ClientBuilderFactory).
      client = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).build();
    }
    return client;
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }
}
