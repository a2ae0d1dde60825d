package app.dating.tools;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs, with environment variables as fallbacks. */
record Options(Map<String, String> values) {

  static Options parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      values.put(args[i].substring(2), args[++i]);
    }
    return new Options(values);
  }

  String get(String name, String envFallback, String defaultValue) {
    String value = values.get(name);
    if (value == null && envFallback != null) {
      value = System.getenv(envFallback);
    }
    if (value == null || value.isBlank()) {
      if (defaultValue == null) {
        throw new IllegalArgumentException("--" + name + " is required");
      }
      return defaultValue;
    }
    return value;
  }

  String require(String name) {
    return get(name, null, null);
  }

  int integer(String name, String defaultValue) {
    return Integer.parseInt(get(name, null, defaultValue));
  }
}
