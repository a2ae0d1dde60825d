package app.dating.it;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A real OpenID Connect server (mock-oauth2-server) standing in for Google and Apple: it publishes
 * JWKS and issues RS256-signed ID tokens under the issuers {@code /google} and {@code /apple}, at
 * the port the platform is configured with (see this module's pom).
 */
public class OidcServer implements LauncherSessionListener {
  static final int PORT = Integer.getInteger("it.oidc.port", 18090);
  static MockOAuth2Server server;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    server = new MockOAuth2Server();
    server.start(PORT);
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (server != null) {
      server.shutdown();
    }
  }
}
