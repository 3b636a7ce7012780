package io.listening.webapp.recommendations;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.listening.webapp.nowplaying.PlayNext;
import io.listening.webapp.warehouse.WarehouseUnavailableException;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The now-playing page's "play next": the first recommendations of {@code GET
 * /api/users/{userId}/recommendations}, from the same service, read back from the answer's bytes.
 * A listener or track the warehouse does not know, or no build, is nothing to suggest.
 */
@Component
class PlayNextRecommendations implements PlayNext {

  private static final Logger log = LoggerFactory.getLogger(PlayNextRecommendations.class);

  private final ListenerRecommendations recommendations;
  private final ObjectMapper json;

  PlayNextRecommendations(ListenerRecommendations recommendations, ObjectMapper json) {
    this.recommendations = recommendations;
    this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  @Override
  public List<Suggestion> forUser(String userId, int count) {
    try {
      byte[] body = recommendations.recommend(userId, count).recommendations().json();
      return json.readValue(body, RecommendationResponse.class).recommendations().stream()
          .map(
              track ->
                  new Suggestion(
                      track.trackId(), track.trackName(), track.artistName(), track.reason()))
          .toList();
    } catch (UserNotFoundException | TrackNotFoundException | WarehouseUnavailableException e) {
      return List.of();
    } catch (IOException e) {
      log.warn("Reading the recommendations for {} back failed: {}", userId, e.getMessage());
      return List.of();
    }
  }
}
