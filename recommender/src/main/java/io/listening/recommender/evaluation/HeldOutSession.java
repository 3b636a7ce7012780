package io.listening.recommender.evaluation;

import java.util.List;

/** The counted plays of one listening session that fall into a held-out period, in order. */
record HeldOutSession(String userId, String sessionId, List<String> trackIds) {

  HeldOutSession {
    trackIds = List.copyOf(trackIds);
  }
}
