package io.github.posa4j.leader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreUrlsTest {
  @Test
  void passwordsAndKeysInParametersAreMasked() {
    assertThat(StoreUrls.withoutSecrets("jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=***&ssl=true");
    assertThat(StoreUrls.withoutSecrets("jdbc:postgresql://db/app?PASSWORD=s3cret"))
        .isEqualTo("jdbc:postgresql://db/app?PASSWORD=***");
    assertThat(StoreUrls.withoutSecrets("jdbc:postgresql://db/app?sslpassword=a&sslkey=/k.pk8"))
        .isEqualTo("jdbc:postgresql://db/app?sslpassword=***&sslkey=***");
  }

  @Test
  void aPasswordInTheUserInfoIsMasked() {
    assertThat(StoreUrls.withoutSecrets("jdbc:postgresql://app:s3cret@db:5432/app"))
        .isEqualTo("jdbc:postgresql://app:***@db:5432/app");
  }

  @Test
  void urlsWithoutSecretsAreLeftAlone() {
    String url = "jdbc:postgresql://127.0.0.1:5432/app?user=app&ApplicationName=billing";
    assertThat(StoreUrls.withoutSecrets(url)).isEqualTo(url);
    assertThat(StoreUrls.withoutSecrets("zookeeper://10.0.0.1:2181,10.0.0.2:2181/posa4j"))
        .isEqualTo("zookeeper://10.0.0.1:2181,10.0.0.2:2181/posa4j");
    assertThat(StoreUrls.withoutSecrets("jdbc:postgresql://[::1]:5432/app")).isEqualTo("jdbc:postgresql://[::1]:5432/app");
  }
}
