package io.listening.webapp.recommendations;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.listening.events.TrackIds;
import io.listening.webapp.warehouse.WarehouseUnavailableException;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(RecommendationController.class)
class RecommendationControllerTest {

  private static final String TRACK = "4uLU6hMCjMI75M1A2tKUQC";

  @Autowired private MockMvc mvc;

  @MockitoBean private RecommendationService service;

  @Test
  void answersSnakeCaseJsonWithCacheStatusInBodyAndHeader() throws Exception {
    when(service.recommend(query(TRACK, 10))).thenReturn(answer(TRACK, CacheStatus.MISS));

    mvc.perform(get("/api/recommendations/{id}", TRACK))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Cache", "miss"))
        .andExpect(jsonPath("$.track_id").value(TRACK))
        .andExpect(jsonPath("$.track_name").value("Never Gonna Give You Up"))
        .andExpect(jsonPath("$.artist_name").value("Rick Astley"))
        .andExpect(jsonPath("$.build_id").value("build-1"))
        .andExpect(jsonPath("$.cache").value("miss"))
        .andExpect(jsonPath("$.recommendations[0].track_id").value("2WfaOiMkCvy7F5fcp2zZ8L"))
        .andExpect(jsonPath("$.query_time_ms").value(1.5))
        .andExpect(jsonPath("$.recommendations[0].score").value(1.0))
        .andExpect(jsonPath("$.recommendations[0].components.user_transitions").value(0.75))
        .andExpect(jsonPath("$.recommendations[0].reason").value("You often play this after X"))
        .andExpect(jsonPath("$.recommendations[0].cold_start").value(false));
  }

  @Test
  void hitIsReportedInBodyAndHeader() throws Exception {
    when(service.recommend(query(TRACK, 10))).thenReturn(answer(TRACK, CacheStatus.HIT));

    mvc.perform(get("/api/recommendations/{id}", TRACK))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Cache", "hit"))
        .andExpect(jsonPath("$.cache").value("hit"));
  }

  @Test
  void limitDefaultsToTen() throws Exception {
    when(service.recommend(query(TRACK, 10))).thenReturn(answer(TRACK, CacheStatus.MISS));

    mvc.perform(get("/api/recommendations/{id}", TRACK)).andExpect(status().isOk());

    verify(service).recommend(query(TRACK, 10));
  }

  @Test
  void derivedTrackIdAndTheLargestLimitAreAccepted() throws Exception {
    String derived = "derived-0123456789abcdef0123456789abcdef";
    when(service.recommend(query(derived, 50))).thenReturn(answer(derived, CacheStatus.MISS));

    mvc.perform(get("/api/recommendations/{id}?limit=50", derived)).andExpect(status().isOk());

    verify(service).recommend(query(derived, 50));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not-a-track",
        "4uLU6hMCjMI75M1A2tKUQ", // 21 characters
        "4uLU6hMCjMI75M1A2tKUQCx", // 23 characters
        "4uLU6hMCjMI75M1A2tKU-C",
        "derived-0123456789ABCDEF0123456789ABCDEF", // upper-case hex
        "derived-0123456789abcdef",
        "spotify:track:4uLU6hMCjMI75M1A2tKUQC"
      })
  void malformedTrackIdGets400NamingTheParameterAndTheRule(String trackId) throws Exception {
    mvc.perform(get("/api/recommendations/{id}", trackId))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.title").value("Invalid request"))
        .andExpect(jsonPath("$.detail").value("trackId must be " + TrackIds.RULE));
    verifyNoInteractions(service);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "51", "-3"})
  void limitOutsideOneToFiftyGets400NamingTheParameterAndTheRule(String limit) throws Exception {
    mvc.perform(get("/api/recommendations/{id}?limit={limit}", TRACK, limit))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("limit must be between 1 and 50"));
    verifyNoInteractions(service);
  }

  @Test
  void everyBrokenParameterIsNamed() throws Exception {
    mvc.perform(get("/api/recommendations/{id}?limit=0", "not-a-track"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.detail")
                .value("trackId must be " + TrackIds.RULE + "; limit must be between 1 and 50"));
    verifyNoInteractions(service);
  }

  @Test
  void nonNumericLimitGets400ProblemDetail() throws Exception {
    mvc.perform(get("/api/recommendations/{id}?limit=ten", TRACK))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("limit")));
  }

  @Test
  void unknownTrackGets404WithMessage() throws Exception {
    when(service.recommend(any()))
        .thenThrow(new TrackNotFoundException(new TrackId(TRACK)));

    mvc.perform(get("/api/recommendations/{id}", TRACK))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Track not found"))
        .andExpect(jsonPath("$.detail").value("Track " + TRACK + " is not in the warehouse"));
  }

  @Test
  void missingWarehouseGets503WithMessage() throws Exception {
    when(service.recommend(any()))
        .thenThrow(new WarehouseUnavailableException("No warehouse build yet."));

    mvc.perform(get("/api/recommendations/{id}", TRACK))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Warehouse unavailable"))
        .andExpect(jsonPath("$.detail").value("No warehouse build yet."))
        .andExpect(jsonPath("$.trace").doesNotExist());
  }

  @Test
  void userIdAndRecentTracksReachTheService() throws Exception {
    String recent = "2WfaOiMkCvy7F5fcp2zZ8L,derived-0123456789abcdef0123456789abcdef";
    RecommendationQuery query =
        new RecommendationQuery(
            new TrackId(TRACK),
            "user-alice",
            List.of("2WfaOiMkCvy7F5fcp2zZ8L", "derived-0123456789abcdef0123456789abcdef"),
            10);
    when(service.recommend(query)).thenReturn(answer(TRACK, CacheStatus.MISS));

    mvc.perform(get("/api/recommendations/{id}?userId=user-alice&recent={recent}", TRACK, recent))
        .andExpect(status().isOk());

    verify(service).recommend(query);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-track", "2WfaOiMkCvy7F5fcp2zZ8L,,", "2WfaOiMkCvy7F5fcp2zZ8L;x"})
  void malformedRecentTracksGet400NamingTheRule(String recent) throws Exception {
    mvc.perform(get("/api/recommendations/{id}?recent={recent}", TRACK, recent))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("recent " + RecentTracks.RULE));
    verifyNoInteractions(service);
  }

  @Test
  void moreThanTenRecentTracksGet400() throws Exception {
    String eleven = String.join(",", java.util.Collections.nCopies(11, TRACK));
    mvc.perform(get("/api/recommendations/{id}?recent={recent}", TRACK, eleven))
        .andExpect(status().isBadRequest());
    verifyNoInteractions(service);
  }

  @ParameterizedTest
  @ValueSource(strings = {"user alice", "user/alice", "a'b"})
  void malformedUserIdGets400NamingTheRule(String userId) throws Exception {
    mvc.perform(get("/api/recommendations/{id}?userId={user}", TRACK, userId))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("userId " + RecommendationController.USER_ID_RULE));
    verifyNoInteractions(service);
  }

  @Test
  void unknownUserGets404WithMessage() throws Exception {
    when(service.recommend(any())).thenThrow(new UserNotFoundException("user-nobody"));

    mvc.perform(get("/api/recommendations/{id}?userId=user-nobody", TRACK))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("User not found"))
        .andExpect(jsonPath("$.detail").value("User user-nobody has no plays in the warehouse"));
  }

  private static RecommendationQuery query(String trackId, int limit) {
    return new RecommendationQuery(new TrackId(trackId), null, List.of(), limit);
  }

  /** An answer as the service gives it: a recommendation set's JSON less its closing brace. */
  private static RecommendationAnswer answer(String trackId, CacheStatus cache) {
    RecommendationSet set =
        new RecommendationSet(
            trackId,
            "Never Gonna Give You Up",
            "Rick Astley",
            null,
            List.of(),
            "build-1",
            List.of(
                new Recommendation(
                    "2WfaOiMkCvy7F5fcp2zZ8L",
                    "Take On Me",
                    "a-ha",
                    1.0,
                    java.util.Map.of("user_transitions", 0.75),
                    "You often play this after X",
                    false)));
    try {
      return new RecommendationAnswer(
          RecommendationAnswer.cachedForm(new ObjectMapper().writeValueAsBytes(set)), cache, 1.5);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
