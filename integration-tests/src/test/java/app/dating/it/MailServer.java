package app.dating.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A real SMTP server (GreenMail) for the whole test run, on the port the platform is configured to
 * send to (SMTP_PORT in the pom): started before the first test class, stopped after the last.
 */
public class MailServer implements LauncherSessionListener {
  static final int PORT = Integer.getInteger("it.smtp.port", 13025);
  private static GreenMail server;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (server != null) {
      server.stop();
    }
  }

  /** The mails that arrived for {@code address}, waiting up to {@code timeout} for at least one. */
  static List<MimeMessage> awaitMailTo(String address, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      List<MimeMessage> mails = Arrays.stream(server.getReceivedMessages())
          .filter(mail -> recipientIs(mail, address))
          .toList();
      if (!mails.isEmpty()) {
        return mails;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no mail to " + address + " within " + timeout);
  }

  /** The mails that have arrived for {@code address} so far. */
  static List<MimeMessage> receivedBy(String address) {
    return Arrays.stream(server.getReceivedMessages()).filter(mail -> recipientIs(mail, address)).toList();
  }

  private static boolean recipientIs(MimeMessage mail, String address) {
    try {
      return Arrays.stream(mail.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
    } catch (jakarta.mail.MessagingException e) {
      return false;
    }
  }
}
