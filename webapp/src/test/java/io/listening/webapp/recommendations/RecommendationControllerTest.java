package io.listening.webapp.recommendations;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
    when(service.recommend(new TrackId(TRACK), 10)).thenReturn(answer(TRACK, CacheStatus.MISS));

    mvc.perform(get("/api/recommendations/{id}", TRACK))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Cache", "miss"))
        .andExpect(jsonPath("$.track_id").value(TRACK))
        .andExpect(jsonPath("$.track_name").value("Never Gonna Give You Up"))
        .andExpect(jsonPath("$.artist_name").value("Rick Astley"))
        .andExpect(jsonPath("$.build_id").value("build-1"))
        .andExpect(jsonPath("$.cache").value("miss"))
        .andExpect(jsonPath("$.recommendations[0].track_id").value("2WfaOiMkCvy7F5fcp2zZ8L"))
        .andExpect(jsonPath("$.recommendations[0].score").value(1.0))
        .andExpect(jsonPath("$.recommendations[0].co_occurrences").value(8));
  }

  @Test
  void hitIsReportedInBodyAndHeader() throws Exception {
    when(service.recommend(new TrackId(TRACK), 10)).thenReturn(answer(TRACK, CacheStatus.HIT));

    mvc.perform(get("/api/recommendations/{id}", TRACK))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Cache", "hit"))
        .andExpect(jsonPath("$.cache").value("hit"));
  }

  @Test
  void limitDefaultsToTen() throws Exception {
    when(service.recommend(new TrackId(TRACK), 10)).thenReturn(answer(TRACK, CacheStatus.MISS));

    mvc.perform(get("/api/recommendations/{id}", TRACK)).andExpect(status().isOk());

    verify(service).recommend(new TrackId(TRACK), 10);
  }

  @Test
  void derivedTrackIdAndTheLargestLimitAreAccepted() throws Exception {
    String derived = "derived-0123456789abcdef0123456789abcdef";
    when(service.recommend(new TrackId(derived), 50)).thenReturn(answer(derived, CacheStatus.MISS));

    mvc.perform(get("/api/recommendations/{id}?limit=50", derived)).andExpect(status().isOk());

    verify(service).recommend(new TrackId(derived), 50);
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
    when(service.recommend(any(), anyInt()))
        .thenThrow(new TrackNotFoundException(new TrackId(TRACK)));

    mvc.perform(get("/api/recommendations/{id}", TRACK))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Track not found"))
        .andExpect(jsonPath("$.detail").value("Track " + TRACK + " is not in the warehouse"));
  }

  @Test
  void missingWarehouseGets503WithMessage() throws Exception {
    when(service.recommend(any(), eq(10)))
        .thenThrow(new WarehouseUnavailableException("No warehouse build yet."));

    mvc.perform(get("/api/recommendations/{id}", TRACK))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Warehouse unavailable"))
        .andExpect(jsonPath("$.detail").value("No warehouse build yet."))
        .andExpect(jsonPath("$.trace").doesNotExist());
  }

  private static RecommendationResponse answer(String trackId, CacheStatus cache) {
    return new RecommendationResponse(
        trackId,
        "Never Gonna Give You Up",
        "Rick Astley",
        "build-1",
        cache,
        List.of(new Recommendation("2WfaOiMkCvy7F5fcp2zZ8L", "Take On Me", "a-ha", 1.0, 8)));
  }
}
