package app.dating.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /bench/bare-insert} answers {@code {"id":"<uuid>"}} once the row is committed. One
 * instance for the application, like the platform's hot resources. Off (404) unless {@code
 * platform.diagnostics=true}, should the WAR ever run on a server without diagnostics.
 */
@ApplicationScoped
@Path("bare-insert")
@Produces(MediaType.APPLICATION_JSON)
public class BareInsertResource {
  @Inject BareInsert bareInsert;

  @Inject
  @ConfigProperty(name = BenchTable.DIAGNOSTICS, defaultValue = "false")
  boolean enabled;

  public record BareRow(UUID id) {}

  @POST
  public BareRow insert() {
    if (!enabled) {
      throw new NotFoundException();
    }
    return new BareRow(bareInsert.insertOne());
  }
}
