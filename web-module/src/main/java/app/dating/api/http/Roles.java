package app.dating.api.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a resource (class or method; the method's wins): any of these roles, as carried by
 * the access token's {@code groups} or the browser session. Enforced by {@link RolesCheck}.
 *
 * <p>Not {@code @RolesAllowed}: on JAX-RS resources Payara 6 enforces that with its MicroProfile JWT
 * filter whenever Jersey starts during a deployment (so after a redeploy, not after a fresh start),
 * and that filter demands a container login, which a browser session (authenticated by {@code
 * SessionCookies}) never has: every cookie request got 401. One annotation of our own, checked by
 * one filter against the request's security context, behaves the same every time.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Roles {
  String[] value();
}
