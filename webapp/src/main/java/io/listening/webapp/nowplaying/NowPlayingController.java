package io.listening.webapp.nowplaying;

import io.listening.events.UserIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The latest playback state of a user, from the poller's now-playing topic. */
@RestController
@RequestMapping("/api/users")
@Tag(name = "now playing", description = "What each user is playing, live from the poller")
class NowPlayingController {

  private final NowPlayingProperties properties;
  private final NowPlayingStates states;
  private final Clock clock;

  NowPlayingController(NowPlayingProperties properties, NowPlayingStates states, Clock clock) {
    this.properties = properties;
    this.states = states;
    this.clock = clock;
  }

  @GetMapping("/{userId}/now-playing")
  @Operation(summary = "What the user is playing now; progress advances while playing")
  @ApiResponse(responseCode = "200", description = "The user's latest playback state")
  @ApiResponse(
      responseCode = "400",
      description = "Malformed user id",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No playback state has been published for the user",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "503",
      description = "Now playing is not configured, or is still reading the topic",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  NowPlayingResponse nowPlaying(
      @Parameter(description = "The user: " + UserIds.RULE)
          @PathVariable
          @Pattern(regexp = UserIds.PATTERN, message = "must be " + UserIds.RULE)
          String userId) {
    if (!properties.enabled()) {
      throw new NowPlayingUnavailableException(NowPlayingUnavailableException.NOT_CONFIGURED);
    }
    PlaybackState state =
        states
            .find(userId)
            .orElseThrow(
                () ->
                    states.caughtUp()
                        ? new UnknownUserException(userId)
                        : new NowPlayingUnavailableException(
                            NowPlayingUnavailableException.CATCHING_UP));
    return NowPlayingResponse.of(state, clock.instant());
  }
}
