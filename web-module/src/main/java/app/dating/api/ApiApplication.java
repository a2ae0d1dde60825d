package app.dating.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The versioned JSON API. A CDI bean too: MicroProfile JWT needs that on Payara (see README). */
@ApplicationPath("/api/v1")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "dating")
@DeclareRoles({"USER", "MODERATOR", "ADMIN"})
@OpenAPIDefinition(
    info =
        @Info(
            title = "Dating platform API",
            version = "1",
            description =
                "JSON API for the mobile apps and the website. Every error is an RFC 9457"
                    + " problem (application/problem+json) with a stable type URI."))
public class ApiApplication extends Application {

  /** Multipart bodies (photo uploads as {@code EntityPart}). Roles are checked by {@code RolesCheck}. */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.provider.classnames", "org.glassfish.jersey.media.multipart.MultiPartFeature");
  }
}
