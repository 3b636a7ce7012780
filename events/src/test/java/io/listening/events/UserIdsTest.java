package io.listening.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserIdsTest {

  @Test
  void namesEmailsAndSpotifyHandlesAreUserIds() {
    assertThat(UserIds.isValid("alice")).isTrue();
    assertThat(UserIds.isValid("alice.smith@example.org")).isTrue();
    assertThat(UserIds.isValid("jürgen_42+music")).isTrue();
  }

  @Test
  void idsThatAreUnsafeAsFileNamesOrEmptyAreRefused() {
    assertThat(UserIds.isValid(null)).isFalse();
    assertThat(UserIds.isValid("")).isFalse();
    assertThat(UserIds.isValid(".hidden")).isFalse();
    assertThat(UserIds.isValid("../etc")).isFalse();
    assertThat(UserIds.isValid("a/b")).isFalse();
    assertThat(UserIds.isValid("with space")).isFalse();
    assertThat(UserIds.isValid("x".repeat(129))).isFalse();
    assertThat(UserIds.isValid("x".repeat(128))).isTrue();
  }
}
