package app.dating.api.http;

import app.dating.identity.boundary.Caller;
import app.dating.shared.config.ConfigKeys;
import app.dating.shared.web.ForwardedFor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client behind the reverse proxy ({@link ForwardedFor}: {@code X-Forwarded-For}
 * is believed from trusted proxies only).
 */
@ApplicationScoped
public class ClientAddress {
  private final ForwardedFor forwardedFor;

  @Inject
  ClientAddress(
      @ConfigProperty(
              name = ConfigKeys.TRUSTED_PROXIES,
              defaultValue = ForwardedFor.DEFAULT_TRUSTED)
          List<String> trustedProxies) {
    this.forwardedFor = new ForwardedFor(trustedProxies);
  }

  protected ClientAddress() {
    this.forwardedFor = new ForwardedFor(List.of());
  }

  /** Who is calling, as limits and the audit log need it: address behind the proxy, user agent. */
  public Caller caller(HttpServletRequest request) {
    return new Caller(of(request), request.getHeader("User-Agent"));
  }

  public String of(HttpServletRequest request) {
    return forwardedFor.resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
  }
}
