package io.listening.webapp.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecommendationAnswerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] SET =
      "{\"track_id\":\"a\",\"recommendations\":[]}".getBytes(StandardCharsets.UTF_8);

  @Test
  void theBodyIsTheCachedSetFollowedByThePerRequestFields() throws Exception {
    RecommendationAnswer answer =
        new RecommendationAnswer(RecommendationAnswer.cachedForm(SET), CacheStatus.HIT, 0.1234);

    JsonNode body = JSON.readTree(answer.json());

    assertThat(body.get("track_id").asText()).isEqualTo("a");
    assertThat(body.get("recommendations").isArray()).isTrue();
    assertThat(body.get("cache").asText()).isEqualTo("hit");
    assertThat(body.get("query_time_ms").asDouble()).isEqualTo(0.123);
    assertThat(body.size()).isEqualTo(4);
  }

  @Test
  void anExtraFieldGoesBeforeTheCacheField() throws Exception {
    RecommendationAnswer answer =
        new RecommendationAnswer(RecommendationAnswer.cachedForm(SET), CacheStatus.MISS, 2);

    String body =
        new String(
            answer.json("\"seed\":{\"source\":\"history\"}".getBytes(StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8);

    assertThat(body)
        .isEqualTo(
            "{\"track_id\":\"a\",\"recommendations\":[],\"seed\":{\"source\":\"history\"},"
                + "\"cache\":\"miss\",\"query_time_ms\":2.0}");
  }

  @Test
  void onlyTheCachedFormPassesTheCheapCheck() {
    assertThat(RecommendationAnswer.isCachedForm(RecommendationAnswer.cachedForm(SET))).isTrue();
    assertThat(RecommendationAnswer.isCachedForm(SET)).isFalse();
    assertThat(RecommendationAnswer.isCachedForm("[]".getBytes(StandardCharsets.UTF_8))).isFalse();
  }
}
