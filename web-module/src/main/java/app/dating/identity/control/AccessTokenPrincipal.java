package app.dating.identity.control;

import app.dating.shared.json.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.CallerPrincipal;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified access token as MicroProfile JWT presents one: {@code getClaim} gives {@code Long} for
 * the time claims, {@code Set<String>} for {@code groups} and {@code aud}, {@code String} for text
 * claims and JSON-P values for the rest (so {@code iat_ms} is a {@code JsonNumber}, as before).
 */
public final class AccessTokenPrincipal extends CallerPrincipal implements JsonWebToken {
  private static final long serialVersionUID = 1L;
  private static final Set<String> TIMES = Set.of(Claims.exp.name(), Claims.iat.name(), Claims.nbf.name(), Claims.auth_time.name());
  private static final Set<String> SETS = Set.of(Claims.groups.name(), Claims.aud.name());

  private final String rawToken;
  private final transient Map<String, Object> claims;

  AccessTokenPrincipal(String rawToken, Map<String, Object> claims) {
    super(name(claims));
    this.rawToken = rawToken;
    this.claims = claims;
  }

  private static String name(Map<String, Object> claims) {
    Object upn = claims.get("upn");
    return String.valueOf(upn instanceof String ? upn : claims.get("sub"));
  }

  @Override
  public String getName() {
    return super.getName();
  }

  @Override
  public Set<String> getClaimNames() {
    Set<String> names = new LinkedHashSet<>(claims.keySet());
    names.add(Claims.raw_token.name());
    return names;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getClaim(String name) {
    if (Claims.raw_token.name().equals(name)) {
      return (T) rawToken;
    }
    Object value = claims.get(name);
    if (value == null) {
      return null;
    }
    if (TIMES.contains(name)) {
      return (T) (Long) (value instanceof Date d ? d.getTime() / 1000 : ((Number) value).longValue());
    }
    if (SETS.contains(name)) {
      Set<String> set = new LinkedHashSet<>();
      if (value instanceof Collection<?> c) {
        c.forEach(v -> set.add(String.valueOf(v)));
      } else {
        set.add(String.valueOf(value));
      }
      return (T) set;
    }
    if (value instanceof String s) {
      return (T) s;
    }
    return (T) json(value);
  }

  private static JsonValue json(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return JsonP.value(((Number) value).longValue());
    }
    if (value instanceof Number n) {
      return JsonP.value(n.doubleValue());
    }
    if (value instanceof String s) {
      return JsonP.value(s);
    }
    if (value instanceof Date d) {
      return JsonP.value(d.getTime() / 1000);
    }
    if (value instanceof List<?> list) {
      JsonArrayBuilder array = JsonP.array();
      list.forEach(v -> array.add(json(v)));
      return array.build();
    }
    if (value instanceof Map<?, ?> map) {
      JsonObjectBuilder object = JsonP.object();
      map.forEach((k, v) -> object.add(String.valueOf(k), json(v)));
      return object.build();
    }
    return JsonP.value(String.valueOf(value));
  }

  @Override
  public Set<String> getGroups() {
    Set<String> groups = getClaim(Claims.groups.name());
    return groups == null ? Set.of() : groups;
  }
}
