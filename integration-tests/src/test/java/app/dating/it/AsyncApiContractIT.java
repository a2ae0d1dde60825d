package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.chat.boundary.Ack;
import app.dating.chat.boundary.ChatFrames;
import app.dating.chat.boundary.ChatFrames.ErrorCode;
import app.dating.chat.boundary.ChatMessage;
import app.dating.chat.boundary.Receipt;
import app.dating.it.ChatContract.Direction;
import app.dating.it.Platform.Reply;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.ProblemType;
import app.dating.shared.problem.RateLimitedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The chat protocol's AsyncAPI document, as the platform serves it at {@code /asyncapi.yaml}: valid
 * by the pinned AsyncAPI CLI (which fails on a broken one), its examples valid by their own
 * schemas, every frame ChatFrames builds valid, and wrong frames refused by the checker the chat
 * tests use.
 */
class AsyncApiContractIT {
  private static final String ID = "0b7e4c1e-4a57-4d2b-9a0c-6a1c1a0b0c01";
  private static final String OTHER = "7a1d9e1f-3b68-4e3c-8b1d-7b2d2b1c1d03";

  @Test
  void theDocumentIsServedAsYamlNextToTheOpenApi() {
    Reply reply = Platform.get("/asyncapi.yaml");
    assertEquals(200, reply.status(), reply::toString);
    assertTrue(reply.contentType().startsWith("application/yaml"), reply.contentType());
    assertTrue(reply.body().startsWith("asyncapi: 3.0.0"), "an AsyncAPI 3.0 document");
  }

  @Test
  void theServedDocumentIsValidByTheAsyncApiCli() throws Exception {
    ContractTools.Run run = validate(Platform.get("/asyncapi.yaml").body());
    assertEquals(0, run.exitCode(), run::output);
  }

  @Test
  void theCliFailsOnABrokenDocument() throws Exception {
    String served = Platform.get("/asyncapi.yaml").body();
    String broken =
        served.replace(
            "- $ref: '#/channels/chat/messages/pong'", "- $ref: '#/channels/chat/messages/pongg'");
    assertNotEquals(served, broken);
    ContractTools.Run run = validate(broken);
    assertNotEquals(0, run.exitCode(), run::output);
    assertTrue(run.output().contains("#/channels/chat/messages/pongg"), run::output);
  }

  /** {@code asyncapi validate}, warnings failing too. */
  private static ContractTools.Run validate(String document) throws Exception {
    Path file = Files.createTempFile("asyncapi", ".yaml");
    try {
      Files.writeString(file, document, StandardCharsets.UTF_8);
      return ContractTools.run("asyncapi", "validate", file.toString(), "--fail-severity", "warn");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void everyFrameOfBothDirectionsIsThere() {
    ChatContract contract = ChatContract.served();
    assertEquals(
        Set.of("auth", "send", "sync", "typing", "delivered", "read", "ping"),
        contract.messages(Direction.CLIENT).keySet());
    assertEquals(
        Set.of(
            "ready",
            "ack",
            "message",
            "typing",
            "delivered",
            "read",
            "presence",
            "error",
            "pong",
            "synced"),
        contract.messages(Direction.SERVER).keySet());
    JsonNode codes = contract.document.at("/components/schemas/ErrorFrame/properties/code/enum");
    List<String> published = new ArrayList<>();
    codes.values().forEach(code -> published.add(code.asString()));
    assertEquals(
        Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList(),
        published,
        "the error codes ChatFrames may send, all published");
  }

  /** The CLI does not check examples against their payloads; this does. */
  @Test
  void everyExampleIsValidByItsSchema() {
    ChatContract contract = ChatContract.served();
    int examples = 0;
    for (Direction direction : Direction.values()) {
      for (ChatContract.Message message : contract.messages(direction).values()) {
        assertTrue(message.examples().size() > 0, "an example of " + message.key());
        for (JsonNode example : message.examples().values()) {
          assertEquals(
              List.of(),
              contract.violations(direction, example.path("payload").toString()),
              message.key() + " example " + example.path("name"));
          examples++;
        }
      }
    }
    assertTrue(examples >= 17, "examples checked: " + examples);
  }

  @Test
  void everyFrameChatFramesBuildsKeepsTheContract() {
    ChatContract contract = ChatContract.served();
    UUID conversation = UUID.fromString(ID);
    UUID me = UUID.randomUUID();
    UUID peer = UUID.fromString(OTHER);
    Instant at = Instant.parse("2026-12-04T20:29:28.123456Z");
    List<String> frames =
        List.of(
            ChatFrames.ready(me),
            ChatFrames.ack(new Ack(conversation, "c-1", 1, at, false, List.of(me, peer))),
            ChatFrames.ack(
                new Ack(
                    conversation,
                    "c-1",
                    1,
                    Instant.parse("2026-12-04T20:29:28Z"),
                    true,
                    List.of())),
            ChatFrames.message(
                new ChatMessage(conversation, 1, me, "c-1", "TEXT", "hi", null, null, at)),
            ChatFrames.message(
                new ChatMessage(conversation, 2, me, "c-2", "E2E", null, "AAECAw==", null, at)),
            ChatFrames.message(
                new ChatMessage(
                    conversation, 3, peer, "c_3", "PHOTO", null, null, UUID.randomUUID(), at)),
            ChatFrames.typing(conversation, peer),
            ChatFrames.receipt(new Receipt(conversation, me, peer, 3, 0), true),
            ChatFrames.receipt(new Receipt(conversation, me, peer, 3, 2), false),
            ChatFrames.presence(peer, true),
            ChatFrames.pong(),
            ChatFrames.synced(Optional.empty()),
            ChatFrames.synced(Optional.of("1")),
            ChatFrames.error(ErrorCode.MALFORMED, "This frame is not JSON.", null),
            ChatFrames.error(
                ErrorCode.UNKNOWN_TYPE, "Unknown frame type \"dance\".", "not a client id!"),
            ChatFrames.refusal(InvalidInputException.of("text", "At most 4000 characters."), "c-1"),
            ChatFrames.refusal(new RateLimitedException("Slow down.", Duration.ofMillis(1)), null),
            ChatFrames.refusal(
                new RateLimitedException("Too many typing frames.", Duration.ofSeconds(1)), null),
            ChatFrames.refusal(
                new RateLimitedException(ProblemType.DAILY_LIMIT, "Tomorrow.", Duration.ofHours(3)),
                "c"),
            ChatFrames.refusal(BusinessException.notFound("Conversation"), "c-1"),
            ChatFrames.refusal(BusinessException.conflict("unnamed"), "c-1"));
    frames.forEach(
        frame -> assertEquals(List.of(), contract.violations(Direction.SERVER, frame), frame));
    for (ErrorCode code : ErrorCode.values()) {
      String frame = ChatFrames.error(code, "d", "r");
      assertEquals(
          code == ErrorCode.RATE_LIMITED,
          !contract.violations(Direction.SERVER, frame).isEmpty(),
          "rate-limited alone needs retryAfter: " + frame);
    }
  }

  @Test
  void theCheckerRefusesWrongFrames() {
    ChatContract contract = ChatContract.served();
    String message =
        "{\"type\":\"message\",\"v\":1,\"conversation\":\""
            + ID
            + "\",\"seq\":1,\"sender\":\""
            + OTHER
            + "\",\"clientId\":\"m-1\",\"kind\":\"TEXT\",\"text\":\"hi\",\"at\":\"2026-12-04T20:29:28Z\"}";
    assertEquals(
        List.of(),
        contract.violations(Direction.SERVER, message),
        "the frame the wrong ones are made of");

    List<String> wrongFromTheServer =
        List.of(
            "not json",
            "[]",
            "{\"v\":1}",
            "{\"type\":\"welcome\",\"v\":1}",
            "{\"type\":\"auth\",\"token\":\"t\"}",
            message.replace("\"v\":1", "\"v\":2"),
            message.replace(",\"v\":1", ""),
            message.replace("\"seq\":1", "\"seq\":0"),
            message.replace("\"seq\":1", "\"seq\":\"1\""),
            message.replace(ID, "not-a-uuid"),
            message.replace("2026-12-04T20:29:28Z", "yesterday"),
            message.replace("\"kind\":\"TEXT\"", "\"kind\":\"PHOTO\""),
            message.replace("\"text\":\"hi\"", "\"text\":\"hi\",\"photo\":\"" + ID + "\""),
            message.replace("\"text\":\"hi\"", "\"text\":\"\""),
            message.replace("\"m-1\"", "\"m 1\""),
            message.replace("\"at\"", "\"extra\":true,\"at\""),
            "{\"type\":\"ack\",\"v\":1,\"conversation\":\""
                + ID
                + "\",\"clientId\":\"c\",\"at\":\"2026-12-04T20:29:28Z\","
                + "\"duplicate\":false}",
            "{\"type\":\"error\",\"v\":1,\"code\":\"oops\",\"detail\":\"d\"}",
            "{\"type\":\"error\",\"v\":1,\"code\":\"rate-limited\",\"detail\":\"d\"}",
            "{\"type\":\"error\",\"v\":1,\"code\":\"invalid\",\"detail\":\"d\",\"retryAfter\":3}",
            "{\"type\":\"error\",\"v\":1,\"code\":\"invalid\",\"detail\":\"d\",\"ref\":\"\",\"x\":1}",
            "{\"type\":\"presence\",\"v\":1,\"account\":\"" + ID + "\",\"online\":\"yes\"}");
    wrongFromTheServer.forEach(
        frame -> assertNotEquals(List.of(), contract.violations(Direction.SERVER, frame), frame));

    String send =
        "{\"type\":\"send\",\"conversation\":\"" + ID + "\",\"clientId\":\"m-1\",\"text\":\"hi\"}";
    assertEquals(List.of(), contract.violations(Direction.CLIENT, send));
    List<String> wrongFromAClient =
        List.of(
            send.replace("\"hi\"", "\"" + "x".repeat(4001) + "\""),
            send.replace("\"text\":\"hi\"", "\"ciphertext\":\"not base64!\""),
            send.replace("\"text\":\"hi\"", "\"photo\":\"" + ID + "\",\"text\":\"caption\""),
            send.replace(",\"text\":\"hi\"", ""),
            send.replace("m-1", "m".repeat(65)),
            "{\"type\":\"ready\",\"v\":1,\"account\":\"" + ID + "\"}",
            "{\"type\":\"read\",\"conversation\":\"" + ID + "\",\"upTo\":-1}",
            "{\"type\":\"sync\",\"conversations\":{\"not-an-id\":3}}",
            "{\"type\":\"ping\",\"v\":2}");
    wrongFromAClient.forEach(
        frame -> assertNotEquals(List.of(), contract.violations(Direction.CLIENT, frame), frame));
  }

  @Test
  void theCheckerFailsATestWhoseServerSendsAWrongFrame() {
    ChatContract contract = ChatContract.served();
    AssertionError failed =
        org.junit.jupiter.api.Assertions.assertThrows(
            AssertionError.class,
            () -> contract.check(Direction.SERVER, "{\"type\":\"pong\",\"v\":1,\"ref\":\"\"}"));
    assertTrue(failed.getMessage().contains("breaks the contract"), failed.getMessage());
    Set<String> types = new TreeSet<>(contract.messages(Direction.SERVER).keySet());
    assertTrue(types.contains("pong"));
  }
}
