package app.dating.ratelimit.boundary;

import java.util.Arrays;
import java.util.Locale;

/**
 * The subject of a per-client limit, made from the client's address: an IPv4 address as it is, an
 * IPv6 address by its /64 prefix. One IPv6 subscriber, host or virtual machine is usually given a
 * whole /64 (RFC 6177, SLAAC), and can pick any of its 2⁶⁴ addresses for each request: keyed by the
 * full address, a per-address limit would limit nobody. An IPv4-mapped IPv6 address counts as its
 * IPv4 address. Parsing is by hand: never a DNS lookup, whatever the text.
 */
public final class ClientKey {
  /** Longest text kept for what is not an address (a proxy's odd header), so keys stay short. */
  static final int MAX_OTHER = 64;

  private ClientKey() {}

  /** The key of {@code address}: {@code 203.0.113.9}, {@code 2001:db8:1:2::/64}, or the text. */
  public static String of(String address) {
    if (address == null || address.isBlank()) {
      return "unknown";
    }
    String text = address.strip();
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1);
    }
    int zone = text.indexOf('%');
    if (zone >= 0) {
      text = text.substring(0, zone);
    }
    if (text.indexOf(':') < 0) {
      int[] v4 = ipv4(text);
      return v4 != null ? dotted(v4) : other(address);
    }
    int[] groups = ipv6(text);
    if (groups == null) {
      return other(address);
    }
    if (groups[0] == 0
        && groups[1] == 0
        && groups[2] == 0
        && groups[3] == 0
        && groups[4] == 0
        && groups[5] == 0xffff) {
      return dotted(new int[] {groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff});
    }
    return String.format(
        Locale.ROOT, "%x:%x:%x:%x::/64", groups[0], groups[1], groups[2], groups[3]);
  }

  private static String other(String text) {
    String stripped = text.strip().toLowerCase(Locale.ROOT);
    return "other:"
        + (stripped.length() <= MAX_OTHER ? stripped : stripped.substring(0, MAX_OTHER));
  }

  private static String dotted(int[] octets) {
    return octets[0] + "." + octets[1] + "." + octets[2] + "." + octets[3];
  }

  /** The four octets of a dotted-quad address, or null. */
  private static int[] ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    int[] octets = new int[4];
    for (int i = 0; i < 4; i++) {
      if (parts[i].isEmpty()
          || parts[i].length() > 3
          || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      octets[i] = Integer.parseInt(parts[i]);
      if (octets[i] > 255) {
        return null;
      }
    }
    return octets;
  }

  /** The eight 16-bit groups of an IPv6 address (RFC 4291 text forms), or null. */
  private static int[] ipv6(String text) {
    int[] groups = new int[8];
    String[] halves = text.split("::", -1);
    if (halves.length > 2) {
      return null;
    }
    int[] head = ipv6Groups(halves[0], halves.length == 1);
    if (head == null) {
      return null;
    }
    if (halves.length == 1) {
      return head.length == 8 ? head : null;
    }
    int[] tail = ipv6Groups(halves[1], true);
    if (tail == null || head.length + tail.length > 7) {
      return null;
    }
    System.arraycopy(head, 0, groups, 0, head.length);
    System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
    return groups;
  }

  /** The groups of one side of "::" (an IPv4 tail, when allowed, counts as two), or null. */
  private static int[] ipv6Groups(String part, boolean mayEndInIpv4) {
    if (part.isEmpty()) {
      return new int[0];
    }
    String[] texts = part.split(":", -1);
    int[] groups = new int[texts.length + 1];
    int count = 0;
    for (int i = 0; i < texts.length; i++) {
      String group = texts[i];
      if (i == texts.length - 1 && mayEndInIpv4 && group.indexOf('.') >= 0) {
        int[] v4 = ipv4(group);
        if (v4 == null) {
          return null;
        }
        groups[count++] = v4[0] << 8 | v4[1];
        groups[count++] = v4[2] << 8 | v4[3];
        continue;
      }
      if (group.isEmpty() || group.length() > 4) {
        return null;
      }
      int value = 0;
      for (char c : group.toCharArray()) {
        int digit = c < 128 ? Character.digit(c, 16) : -1; // ASCII only
        if (digit < 0) {
          return null;
        }
        value = value << 4 | digit;
      }
      groups[count++] = value;
    }
    return count > 8 ? null : Arrays.copyOf(groups, count);
  }
}
