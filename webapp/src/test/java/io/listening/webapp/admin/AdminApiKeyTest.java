package io.listening.webapp.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class AdminApiKeyTest {

  private final AdminApiKey key = new AdminApiKey(new AdminProperties("s3cret-key"));

  @Test
  void theConfiguredKeyPasses() {
    assertThatNoException().isThrownBy(() -> key.check("s3cret-key"));
  }

  @Test
  void noKeyIs401() {
    assertThatThrownBy(() -> key.check(null))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> {
              assertThat(e.getStatusCode().value()).isEqualTo(401);
              assertThat(e.getHeaders().getFirst("WWW-Authenticate")).contains("X-API-Key");
            });
  }

  @Test
  void aWrongKeyIs403WhateverItsLength() {
    for (String wrong : new String[] {"s3cret-ke", "s3cret-key ", "S3CRET-KEY", "x"}) {
      assertThatThrownBy(() -> key.check(wrong))
          .isInstanceOfSatisfying(
              ErrorResponseException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(403));
    }
  }

  @Test
  void withoutAConfiguredKeyEveryRequestIs403NamingTheVariable() {
    AdminApiKey off = new AdminApiKey(new AdminProperties(" "));

    assertThatThrownBy(() -> off.check(" "))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> {
              assertThat(e.getStatusCode().value()).isEqualTo(403);
              assertThat(e.getBody().getDetail()).contains("WEBAPP_ADMIN_API_KEY");
            });
  }

  @Test
  void propertiesNeverPrintTheKey() {
    assertThat(new AdminProperties("s3cret-key").toString()).doesNotContain("s3cret");
  }
}
