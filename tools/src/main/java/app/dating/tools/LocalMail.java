package app.dating.tools;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail server for a local run that has no SMTP server of its own ({@code SMTP_HOST} unset), so
 * that a newcomer can still verify an address: GreenMail's SMTP server (a Maven artifact), which
 * takes mail for any address, and a page that lists what it got, newest first, with the links
 * clickable ({@code /}, {@code ?to=address} for one recipient; {@code /text} the same as plain text
 * for curl). Both listen on the loopback address only. The mails live in memory until the server
 * stops. {@code platform start} runs it in the background and stops it by its PID with the rest.
 */
final class LocalMail implements AutoCloseable {
  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final GreenMail smtp;
  private final HttpServer web;

  private LocalMail(GreenMail smtp, HttpServer web) {
    this.smtp = smtp;
    this.web = web;
  }

  /** Starts both servers on 127.0.0.1 (port 0: any free port). */
  static LocalMail start(int smtpPort, int webPort) throws IOException {
    GreenMail smtp =
        new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
    LocalMail mail = new LocalMail(smtp, web);
    web.createContext("/", mail::serve);
    web.start();
    return mail;
  }

  /** {@code mail-start --smtp-port N --web-port N}: runs until the process is stopped. */
  static void run(Options options) throws Exception {
    int smtpPort = options.integer("smtp-port", "8025");
    int webPort = options.integer("web-port", "8026");
    LocalMail mail = start(smtpPort, webPort);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  mail.close();
                  stopped.countDown();
                }));
    System.out.println(
        "local mail: SMTP 127.0.0.1:"
            + mail.smtpPort()
            + ", mails at http://localhost:"
            + mail.webPort()
            + "/");
    System.out.flush();
    stopped.await();
  }

  int smtpPort() {
    return smtp.getSmtp().getPort();
  }

  int webPort() {
    return web.getAddress().getPort();
  }

  @Override
  public void close() {
    web.stop(0);
    smtp.stop();
  }

  /** One mail as the page shows it. */
  record Mail(Date received, String to, String subject, String text) {}

  /** The mails received so far, newest first, those to {@code to} only when it is given. */
  List<Mail> mails(Optional<String> to) {
    List<Mail> mails = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      try {
        String recipients =
            String.join(
                ", ",
                Arrays.stream(
                        Optional.ofNullable(message.getAllRecipients()).orElse(new Address[0]))
                    .map(Address::toString)
                    .toList());
        if (to.isPresent()
            && !recipients.toLowerCase(Locale.ROOT).contains(to.get().toLowerCase(Locale.ROOT))) {
          continue;
        }
        mails.add(
            new Mail(
                Optional.ofNullable(message.getReceivedDate()).orElse(message.getSentDate()),
                recipients,
                Optional.ofNullable(message.getSubject()).orElse(""),
                text(message.getContent())));
      } catch (MessagingException | IOException e) {
        mails.add(new Mail(null, "?", "(unreadable: " + e.getMessage() + ")", ""));
      }
    }
    Collections.reverse(mails);
    return mails;
  }

  private static String text(Object content) throws MessagingException, IOException {
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof Multipart multipart) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        if (part.isMimeType("text/plain") || part.isMimeType("multipart/*")) {
          text.append(text(part.getContent()));
        }
      }
      return text.toString();
    }
    return "(" + content.getClass().getSimpleName() + ")";
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("GET")
          || !(path.equals("/") || path.equals("/text"))) {
        respond(exchange, 404, "text/plain", "Not found: GET / or /text (?to=address)\n");
        return;
      }
      Optional<String> to =
          Optional.ofNullable(exchange.getRequestURI().getRawQuery())
              .flatMap(
                  query ->
                      Arrays.stream(query.split("&")).filter(p -> p.startsWith("to=")).findFirst())
              .map(p -> URLDecoder.decode(p.substring(3), StandardCharsets.UTF_8))
              .filter(s -> !s.isBlank());
      List<Mail> mails = mails(to);
      if (path.equals("/text")) {
        StringBuilder text = new StringBuilder();
        for (Mail mail : mails) {
          text.append("== ")
              .append(time(mail))
              .append(" to ")
              .append(mail.to())
              .append(": ")
              .append(mail.subject())
              .append("\n")
              .append(mail.text())
              .append("\n\n");
        }
        respond(exchange, 200, "text/plain; charset=utf-8", text.toString());
      } else {
        respond(exchange, 200, "text/html; charset=utf-8", page(mails, to));
      }
    }
  }

  private static String page(List<Mail> mails, Optional<String> to) {
    StringBuilder html =
        new StringBuilder(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>Local mail</title>"
                + "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}pre{white-space:pre-wrap;background:#f4f4f4;"
                + "padding:1em}</style></head><body><h1>Local mail</h1><p>What the platform mailed during this run, newest first"
                + to.map(t -> ", to " + escape(t)).orElse("")
                + " ("
                + mails.size()
                + "). Reload for new mail.</p>");
    for (Mail mail : mails) {
      html.append("<h2>")
          .append(escape(mail.subject()))
          .append("</h2><p>to ")
          .append(escape(mail.to()))
          .append(", ")
          .append(time(mail))
          .append("</p><pre>")
          .append(linked(mail.text()))
          .append("</pre>");
    }
    return html.append("</body></html>").toString();
  }

  private static String time(Mail mail) {
    return mail.received() == null ? "?" : TIME.format(mail.received().toInstant());
  }

  /** The text, escaped, with its links as anchors. */
  static String linked(String text) {
    StringBuilder out = new StringBuilder();
    Matcher link = LINK.matcher(text);
    int at = 0;
    while (link.find()) {
      out.append(escape(text.substring(at, link.start())));
      String url = escape(link.group());
      out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
      at = link.end();
    }
    return out.append(escape(text.substring(at))).toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange
        .getResponseHeaders()
        .set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
