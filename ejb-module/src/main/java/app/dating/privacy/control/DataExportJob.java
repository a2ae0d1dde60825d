package app.dating.privacy.control;

import app.dating.identity.boundary.PersonalDataExport;
import app.dating.identity.entity.Account;
import app.dating.jobs.control.JobHandler;
import app.dating.jobs.entity.JobType;
import app.dating.notifications.control.Mailer;
import app.dating.privacy.entity.DataExport;
import app.dating.shared.config.ConfigKeys;
import app.dating.shared.json.JsonP;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The background job that builds a data export: every component adds its part ({@link
 * PersonalDataExport}), the parts go into a ZIP ({@code export.json}, the photo files, a README),
 * and the owner gets a mail that it is ready to download, once, for {@code
 * privacy.export-lifetime}.
 */
@ApplicationScoped
public class DataExportJob implements JobHandler {
  private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withFormatting(true));
  static final String README =
      """
      Your data from the dating platform
      ==================================

      export.json    everything kept about you: your account, sign-in sessions and security events,
                     sign-in providers, profile, the location cell kept (about 1 km across, never the
                     position your device sent), your photos, swipes, matches, blocks and reports,
                     entitlements, and your conversations with every message (end-to-end encrypted
                     ones as stored: the platform cannot read them; your devices can).
      photos/        the photos you uploaded, at the largest size kept, without metadata.

      What other people did (who liked or blocked you) is their data and is not included.
      """;

  @PersistenceContext EntityManager em;
  @Inject Event<PersonalDataExport> assemble;
  @Inject Mailer mailer;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = ConfigKeys.PUBLIC_URL, defaultValue = "http://localhost:8080")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "privacy.export-lifetime", defaultValue = "PT24H")
  Duration lifetime;

  public static String payload(UUID exportId) {
    return JsonP.object().add("exportId", exportId.toString()).build().toString();
  }

  @Override
  public JobType type() {
    return JobType.DATA_EXPORT;
  }

  @Override
  public void handle(String payload) {
    UUID id = UUID.fromString(JsonP.readObject(payload).getString("exportId"));
    DataExport export = em.find(DataExport.class, id);
    if (export == null || export.status() != DataExport.Status.PENDING) {
      return; // done by an earlier attempt, or the account is gone
    }
    Account account = em.find(Account.class, export.accountId());
    if (account == null || account.status() != Account.Status.ACTIVE) {
      em.remove(export);
      return;
    }
    PersonalDataExport parts = new PersonalDataExport(export.accountId());
    assemble.fire(parts);
    Instant now = clock.instant();
    export.ready(zip(parts, now), now, lifetime);
    mailer.send(
        account.email(),
        "Your data export is ready",
        "Hello "
            + account.displayName()
            + ",\n\n"
            + "the copy of your data you asked for is ready. Download it, once, within "
            + lifetime.toHours()
            + " hours, signed in:\n\n"
            + publicUrl
            + "/data-export/"
            + export.id()
            + "\n\n"
            + "If you did not ask for it, change your password: someone may be signed in as you.\n");
  }

  static byte[] zip(PersonalDataExport parts, Instant now) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      Map<String, Object> document = new java.util.LinkedHashMap<>();
      document.put("exportedAt", now.toString());
      document.put("accountId", parts.accountId().toString());
      document.putAll(parts.sections());
      entry(zip, "export.json", JSON.toJson(document).getBytes(StandardCharsets.UTF_8));
      entry(zip, "README.txt", README.getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, byte[]> file : parts.files().entrySet()) {
        entry(zip, file.getKey(), file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }
}
