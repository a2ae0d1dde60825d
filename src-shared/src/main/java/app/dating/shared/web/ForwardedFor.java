package app.dating.shared.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address of a client behind reverse proxies, for the API and the chat socket alike. {@code
 * X-Forwarded-For} is believed only when the request comes from a trusted proxy ({@code
 * proxy.trusted}), and then only up to the first address that is not itself a trusted proxy
 * (reading from the right), so a client cannot forge its address by sending the header itself.
 */
public final class ForwardedFor {
  /** The default of {@code proxy.trusted}: this machine (Apache in front, on loopback). */
  public static final String DEFAULT_TRUSTED = "127.0.0.1,0:0:0:0:0:0:0:1,::1";

  private final Set<String> trustedProxies;

  public ForwardedFor(Collection<String> trustedProxies) {
    this.trustedProxies =
        trustedProxies.stream()
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  /** From the comma-separated list of {@code proxy.trusted}. */
  public static ForwardedFor of(String trustedProxies) {
    return new ForwardedFor(Arrays.asList(trustedProxies.split(",")));
  }

  /**
   * The client's address, given the connection's peer and its {@code X-Forwarded-For} (or null).
   */
  public String resolve(String peer, String forwardedFor) {
    if (!trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
      return peer;
    }
    List<String> hops =
        Arrays.stream(forwardedFor.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (int i = hops.size() - 1; i >= 0; i--) {
      if (!trustedProxies.contains(hops.get(i))) {
        return hops.get(i);
      }
    }
    return hops.isEmpty() ? peer : hops.get(0);
  }
}
