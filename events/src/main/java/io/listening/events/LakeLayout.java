package io.listening.events;

/**
 * Where the batch pipeline puts things under the lake root, and the globs readers use (see
 * docs/data-contracts.md, section 2). Readers glob exact depths, never {@code **}, so Beam's
 * staging area and temporary files are never read.
 */
public final class LakeLayout {

  /** Valid events, in Hive-style hour partitions. */
  public static final String PLAYS_DIR = "plays";

  /** Rejected records with their reason, one folder per batch. */
  public static final String DEAD_LETTER_DIR = "dead_letter";

  /**
   * What a batch wrote before it is published, one folder per batch; readers never look there, and
   * a batch that failed or was killed leaves its files there until it runs again.
   */
  public static final String STAGING_DIR = "_staging";

  /** One JSON manifest per batch. */
  public static final String MANIFESTS_DIR = "_manifests";

  public static final String PLAYS_GLOB = PLAYS_DIR + "/year=*/month=*/day=*/hour=*/*.parquet";
  public static final String DEAD_LETTER_GLOB = DEAD_LETTER_DIR + "/batch=*/*.parquet";
  public static final String MANIFESTS_GLOB = MANIFESTS_DIR + "/*.json";

  private LakeLayout() {}
}
