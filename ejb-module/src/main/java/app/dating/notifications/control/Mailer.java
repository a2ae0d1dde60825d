package app.dating.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends plain-text email through the SMTP server of the configuration ({@code smtp.*}). Called from
 * background jobs, so a failure is retried by the jobs queue rather than slowing a request.
 */
@ApplicationScoped
public class Mailer {
  @Inject
  @ConfigProperty(name = "smtp.host", defaultValue = "localhost")
  String host;

  @Inject
  @ConfigProperty(name = "smtp.port", defaultValue = "25")
  int port;

  @Inject
  @ConfigProperty(name = "smtp.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "smtp.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "smtp.starttls", defaultValue = "false")
  boolean startTls;

  @Inject
  @ConfigProperty(name = "mail.from", defaultValue = "Dating <no-reply@dating.invalid>")
  String from;

  public void send(String to, String subject, String text) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", host);
    properties.put("mail.smtp.port", String.valueOf(port));
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "10000");
    properties.put("mail.smtp.starttls.enable", String.valueOf(startTls));
    properties.put("mail.smtp.starttls.required", String.valueOf(startTls));
    Authenticator authenticator = null;
    if (username.isPresent()) {
      properties.put("mail.smtp.auth", "true");
      authenticator = new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return new PasswordAuthentication(username.get(), password.orElse(""));
        }
      };
    }
    try {
      MimeMessage message = new MimeMessage(Session.getInstance(properties, authenticator));
      message.setFrom(new InternetAddress(from));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      message.setSubject(subject, "UTF-8");
      message.setText(text, "UTF-8");
      Transport.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("mail to " + to + " not sent: " + e.getMessage(), e);
    }
  }
}
