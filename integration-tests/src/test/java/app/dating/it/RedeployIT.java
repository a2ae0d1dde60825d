package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.dating.it.Platform.Reply;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An operator redeploys the running platform ({@code platform deploy}): browser sessions and photo
 * uploads still work. Both broke once only after a redeploy (Payara's MP-JWT role filter; ImageIO's
 * JVM-wide plugin registry holding the undeployed copy's plugins).
 */
class RedeployIT {

  @Test
  void browserSessionsAndPhotosWorkAfterRedeploys() throws Exception {
    for (int i = 0; i < 2; i++) {
      redeploy();
    }
    Api.Account account = Api.register();
    Api browser = new Api();
    Reply session = browser.post("/api/v1/auth/session", "{\"email\":\"" + account.email() + "\",\"password\":\"" + Api.PASSWORD + "\"}");
    assertEquals(200, session.status(), session::toString);
    browser.cookie(session.header("Set-Cookie").split(";")[0], session.json().getString("csrfToken"));
    Reply me = browser.get("/api/v1/me");
    assertEquals(200, me.status(), me::toString);

    Reply upload = PhotosIT.upload(new Api().bearer(account.accessToken()), "after.jpg",
        app.dating.tools.SamplePhotos.jpeg(app.dating.tools.SamplePhotos.photoLike(300, 200, 7), 0.9f), "image/jpeg");
    assertEquals(202, upload.status(), upload::toString);
    assertEquals("READY", PhotosIT.awaitProcessed(new Api().bearer(account.accessToken()), upload.json().getString("id")).getString("status"));
  }

  private static void redeploy() throws Exception {
    ProcessBuilder deploy = new ProcessBuilder(Platform.ROOT.resolve("payara-config/bin/platform").toString(), "deploy")
        .redirectErrorStream(true)
        .redirectOutput(Path.of(System.getProperty("it.platform.home"), "redeploy-it.log").toFile());
    deploy.environment().put("PLATFORM_HOME", System.getProperty("it.platform.home"));
    deploy.environment().put("PAYARA_PORT_BASE", String.valueOf(Platform.HTTP_PORT - 80));
    Process process = deploy.start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("platform deploy took over 3 minutes");
    }
    assertEquals(0, process.exitValue(), "platform deploy failed; see redeploy-it.log");
  }
}
