package io.github.posa4j.leader;

import java.util.regex.Pattern;

/** Store URLs as they may be shown in logs, exception messages and MBeans: with their secrets masked. */
final class StoreUrls {
  /** A query or property parameter that carries a secret, e.g. PostgreSQL's {@code password=...}. */
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile("(?i)([?&;](?:password|passwd|pwd|secret|sslpassword|sslkey|token)=)[^&;]*");
  /** The password of {@code scheme://user:password@host}. */
  private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/@:?]*:)[^/@?]*@");

  private StoreUrls() {}

  /** {@code url} with every password and key it carries replaced by {@code ***}. */
  static String withoutSecrets(String url) {
    if (url == null) {
      return null;
    }
    String masked = SECRET_PARAMETER.matcher(url).replaceAll("$1***");
    return USER_INFO_PASSWORD.matcher(masked).replaceAll("$1***@");
  }
}
