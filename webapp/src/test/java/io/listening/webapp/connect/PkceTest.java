package io.listening.webapp.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PkceTest {

  @Test
  void theChallengeIsTheBase64urlSha256OfTheVerifierAsInRfc7636AppendixB() {
    assertThat(Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void verifiersAreFortyThreeUnreservedCharactersAndNeverRepeat() {
    String first = Pkce.newVerifier();
    String second = Pkce.newVerifier();

    assertThat(first).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(second).isNotEqualTo(first);
  }
}
