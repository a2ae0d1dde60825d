package app.dating.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The local mail server of `platform start` without SMTP_HOST: a mail sent to it can be read. */
class LocalMailTest {

  private static void send(int port, String to, String subject, String text) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.host", "127.0.0.1");
    properties.setProperty("mail.smtp.port", Integer.toString(port));
    MimeMessage message = new MimeMessage(Session.getInstance(properties));
    message.setFrom(new InternetAddress("no-reply@dating.invalid"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    message.setSubject(subject, "UTF-8");
    message.setText(text, "UTF-8");
    Transport.send(message);
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aVerificationMailCanBeReadAndItsLinkFollowed() throws Exception {
    try (LocalMail mail = LocalMail.start(0, 0)) {
      String link = "http://localhost:8080/verify-email?token=abc_DEF-123";
      send(
          mail.smtpPort(),
          "new@example.invalid",
          "Confirm your address",
          "Hi <Sasha>,\nfollow " + link + " to confirm.");
      send(mail.smtpPort(), "other@example.invalid", "Something else", "not for Sasha");

      HttpResponse<String> page = get(mail.webPort(), "/?to=new%40example.invalid");
      assertEquals(200, page.statusCode());
      assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
      assertTrue(page.body().contains("<a href=\"" + link + "\">"), page.body());
      assertTrue(page.body().contains("Hi &lt;Sasha&gt;"), "escaped: " + page.body());
      assertFalse(page.body().contains("not for Sasha"), "only the mails to that address");

      HttpResponse<String> text = get(mail.webPort(), "/text");
      assertTrue(
          text.body().indexOf("Something else") < text.body().indexOf("Confirm your address"),
          "newest first: " + text.body());
      assertEquals(404, get(mail.webPort(), "/etc/passwd").statusCode());
    }
  }
}
