package io.listening.recommender.ranking;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Where a ranker's input comes from: the gold recommendation models of one warehouse build. The
 * limits below are part of the answer, so both implementations share them.
 */
public interface GoldEvidence {

  /** Followers kept per source track and relation, the strongest first: more than any answer needs. */
  int FOLLOWERS_PER_TRACK = 50;

  /** The seed artist's popular tracks kept for the fallback. */
  int ARTIST_TRACKS = 20;

  /**
   * Everyone's popular tracks kept for the fallback: enough that a heavy listener's discovery
   * answer still has ten they never played.
   */
  int POPULAR_TRACKS = 200;

  /** The artist of a music track gold knows (empty string when unknown); empty if no such track. */
  Optional<String> seedArtist(String trackId) throws SQLException;

  /** The listener's tracks and artist affinity; empty maps when gold has no plays of theirs. */
  ListenerProfile profile(String userId) throws SQLException;

  /**
   * The evidence for {@code seedTrackId} with {@code recent} (latest first) for {@code userId}
   * (null: nobody in particular).
   */
  SeedEvidence read(String seedTrackId, String seedArtistKey, String userId, List<String> recent)
      throws SQLException;
}
