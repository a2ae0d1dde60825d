package app.dating.api.http;

import app.dating.identity.boundary.Caller;
import app.dating.shared.config.ConfigKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client behind the reverse proxy. {@code X-Forwarded-For} is believed only when
 * the request comes from a trusted proxy, and then only up to the first address that is not itself a
 * trusted proxy (reading from the right), so a client cannot forge its address by sending the
 * header itself.
 */
@ApplicationScoped
public class ClientAddress {
  private final Set<String> trustedProxies;

  @Inject
  ClientAddress(
      @ConfigProperty(name = ConfigKeys.TRUSTED_PROXIES, defaultValue = "127.0.0.1,0:0:0:0:0:0:0:1,::1")
          List<String> trustedProxies) {
    this.trustedProxies = trustedProxies.stream().map(String::trim).collect(Collectors.toSet());
  }

  protected ClientAddress() {
    this.trustedProxies = Set.of();
  }

  /** Who is calling, as limits and the audit log need it: address behind the proxy, user agent. */
  public Caller caller(HttpServletRequest request) {
    return new Caller(of(request), request.getHeader("User-Agent"));
  }

  public String of(HttpServletRequest request) {
    return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
  }

  String resolve(String peer, String forwardedFor) {
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
