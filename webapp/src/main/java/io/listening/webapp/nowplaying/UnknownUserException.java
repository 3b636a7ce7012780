package io.listening.webapp.nowplaying;

import io.listening.webapp.system.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No playback state has been published for the user: a 404 problem detail. */
class UnknownUserException extends ErrorResponseException {

  UnknownUserException(String userId) {
    super(
        HttpStatus.NOT_FOUND,
        Problems.detail(
            HttpStatus.NOT_FOUND,
            "Unknown user",
            "No playback state has been published for user " + userId),
        null);
  }
}
