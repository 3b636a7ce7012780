package io.listening.webapp.recommendations;

import io.listening.webapp.nowplaying.NowPlayingStates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Recommendations for a listener rather than a track: after the track on their player now, else
 * after their latest play in the warehouse, with their latest plays before it as the recent
 * tracks. Answered by {@link RecommendationService}, so the cache and the ranking are the
 * track endpoint's.
 */
@Service
class ListenerRecommendations {

  private final NowPlayingStates nowPlaying;
  private final ListenerHistory history;
  private final RecommendationService recommendations;

  ListenerRecommendations(
      NowPlayingStates nowPlaying,
      ListenerHistory history,
      RecommendationService recommendations) {
    this.nowPlaying = nowPlaying;
    this.history = history;
    this.recommendations = recommendations;
  }

  /** One answer and the seed it followed. */
  record Answer(Seed seed, RecommendationAnswer recommendations) {}

  /**
   * @throws UserNotFoundException if nothing plays for the user and the warehouse has no plays of
   *     theirs
   * @throws TrackNotFoundException if no build knows the seed (a race with a new build)
   */
  Answer recommend(String userId, int limit) {
    Optional<String> playing = nowPlaying.currentTrackId(userId);
    List<String> latest = history.latestTracks(userId, RecentTracks.MAX + 1);
    boolean personal = !latest.isEmpty();
    String user = personal ? userId : null;
    if (playing.isPresent()) {
      String track = playing.get();
      List<String> recent = before(latest, track);
      try {
        RecommendationAnswer answer =
            recommendations.recommend(
                new RecommendationQuery(new TrackId(track), user, recent, limit));
        return new Answer(
            new Seed(
                track,
                Seed.Source.NOW_PLAYING,
                recent,
                personal,
                personal
                    ? "The track on the player now, after the latest plays in the warehouse"
                    : "The track on the player now; the warehouse has no plays of this listener"
                        + " yet, so the answer is everyone's"),
            answer);
      } catch (TrackNotFoundException e) {
        if (!personal) {
          throw e;
        }
        return latestPlay(userId, latest, limit, "the track on the player now is not in the"
            + " warehouse yet");
      }
    }
    if (!personal) {
      throw new UserNotFoundException(userId);
    }
    return latestPlay(userId, latest, limit, "nothing is playing now");
  }

  private Answer latestPlay(String userId, List<String> latest, int limit, String why) {
    String track = latest.get(0);
    List<String> recent = latest.subList(1, latest.size());
    RecommendationAnswer answer =
        recommendations.recommend(
            new RecommendationQuery(new TrackId(track), userId, recent, limit));
    return new Answer(
        new Seed(
            track,
            Seed.Source.LATEST_PLAY,
            recent,
            true,
            "The latest play in the warehouse, since " + why),
        answer);
  }

  /** {@code latest} without {@code track}, at most {@link RecentTracks#MAX}. */
  private static List<String> before(List<String> latest, String track) {
    List<String> recent = new ArrayList<>(latest);
    recent.remove(track);
    return List.copyOf(recent.subList(0, Math.min(RecentTracks.MAX, recent.size())));
  }
}
