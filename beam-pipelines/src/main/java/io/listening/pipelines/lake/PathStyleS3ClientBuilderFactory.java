package io.listening.pipelines.lake;

import org.apache.beam.sdk.io.aws2.options.S3ClientBuilderFactory;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.aws2.s3.DefaultS3ClientBuilderFactory;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Beam's S3 client, configured as usual from {@code --awsRegion}, {@code --endpoint} and {@code
 * --awsCredentialsProvider}, but addressing buckets path-style ({@code http://host:port/bucket/key})
 * instead of as a host name ({@code http://bucket.host:port/key}).
 *
 * <p>Beam has no option for this, only the hook {@code --s3ClientFactoryClass}. An S3-compatible
 * server reached by a host name (MinIO, Ceph, moto on {@code localhost}) usually has no DNS entry
 * per bucket, so virtual-hosted requests would not resolve. Real AWS needs nothing of this, and the
 * SDK already addresses an endpoint given as an IP address path-style.
 *
 * <pre>
 * --s3ClientFactoryClass=io.listening.pipelines.lake.PathStyleS3ClientBuilderFactory
 * </pre>
 */
public final class PathStyleS3ClientBuilderFactory implements S3ClientBuilderFactory {

  @Override
  public S3ClientBuilder createBuilder(S3Options options) {
    return new DefaultS3ClientBuilderFactory().createBuilder(options).forcePathStyle(true);
  }
}
