package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.dating.it.People.Person;
import java.sql.Connection;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * What erasure and retention leave of conversations: nothing once both members are gone or the
 * retention after the match ended is over (the data key goes, and the messages with it), unless a
 * report between the two is still open; an erased person's read states and report comments go at
 * once.
 */
class ChatErasureIT {

  private static String conversation(Person one, Person other) {
    String match = People.match(one, other);
    assertEquals(
        201,
        one.api()
            .post(
                "/api/v1/conversations/" + match + "/messages",
                "{\"clientId\":\"e-1\",\"text\":\"hi\"}")
            .status());
    assertEquals(
        201,
        other
            .api()
            .post(
                "/api/v1/conversations/" + match + "/messages",
                "{\"clientId\":\"e-2\",\"text\":\"hey\"}")
            .status());
    assertEquals(
        200, other.api().post("/api/v1/conversations/" + match + "/read", "{\"upTo\":1}").status());
    return match;
  }

  private static long count(String sql, String parameter) throws Exception {
    try (Connection db = Database.connect()) {
      return Long.parseLong(Database.string(db, sql, parameter));
    }
  }

  private static long messages(String match) throws Exception {
    return count("select count(*) from message where conversation_id = ?::uuid", match);
  }

  private static long conversations(String match) throws Exception {
    return count("select count(*) from conversation where match_id = ?::uuid", match);
  }

  private static void delete(Person person) {
    assertEquals(
        204,
        person
            .api()
            .delete("/api/v1/me", "{\"currentPassword\":\"" + Api.PASSWORD + "\"}")
            .status());
  }

  private static void await(String what, Callable<Boolean> condition) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      if (condition.call()) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(what + " within 30 s");
  }

  @Test
  void whenBothMembersAreErasedTheirConversationIsShredded() throws Exception {
    double[] place = People.somewhereEmpty();
    Person ann = People.open("woman", place[0], place[1]);
    Person bo = People.open("man", place[0], place[1] + 0.01);
    Person cy = People.open("man", place[0], place[1] + 0.02);
    String match = conversation(ann, bo);
    assertEquals(
        201,
        ann.api()
            .post(
                "/api/v1/reports",
                "{\"accountId\":\""
                    + cy.id()
                    + "\",\"reason\":\"SPAM\",\"comment\":\"in Ann's words\"}")
            .status());
    delete(ann);
    delete(bo);
    await("the conversation shredded", () -> conversations(match) == 0);
    assertEquals(0, messages(match));
    assertEquals(
        0, count("select count(*) from read_state where conversation_id = ?::uuid", match));
    assertEquals(
        0,
        count(
            "select count(*) from report where reporter_id = ?::uuid and comment is not null",
            ann.id()),
        "an erased person's words in the reports they made");
    assertEquals(
        1,
        count("select count(*) from report where reporter_id = ?::uuid", ann.id()),
        "the report stays");
  }

  @Test
  void whenOneMemberIsErasedTheOtherKeepsTheConversationUntilTheRetentionEnds() throws Exception {
    double[] place = People.somewhereEmpty();
    Person dee = People.open("woman", place[0], place[1]);
    Person eli = People.open("man", place[0], place[1] + 0.01);
    String match = conversation(eli, dee);
    delete(dee);
    await(
        "Dee's read state erased",
        () -> count("select count(*) from read_state where account_id = ?::uuid", dee.id()) == 0);
    assertEquals(1, conversations(match), "kept for the retention period, for moderation");
    assertEquals(2, messages(match));
  }

  @Test
  void anEndedMatchsConversationIsShreddedWhenTheRetentionIsOverUnlessAReportIsOpen()
      throws Exception {
    double[] place = People.somewhereEmpty();
    Person fay = People.open("woman", place[0], place[1]);
    Person gus = People.open("man", place[0], place[1] + 0.01);
    Person hal = People.open("man", place[0], place[1] + 0.02);
    Person ida = People.open("woman", place[0], place[1] + 0.03);
    String ended = conversation(fay, gus);
    String reported = conversation(hal, ida);
    assertEquals(
        201,
        ida.api()
            .post(
                "/api/v1/reports", "{\"accountId\":\"" + hal.id() + "\",\"reason\":\"HARASSMENT\"}")
            .status());
    assertEquals(204, fay.api().delete("/api/v1/matches/" + ended).status());
    assertEquals(204, ida.api().delete("/api/v1/matches/" + reported).status());
    // As if both ended over 30 days ago (CHAT_RETENTION_AFTER_END's default).
    for (String match : new String[] {ended, reported}) {
      Database.update(
          "update match set ended_at = now() - interval '31 days' where id = ?::uuid", match);
    }
    await("the ended conversation shredded", () -> conversations(ended) == 0);
    assertEquals(0, messages(ended));
    assertEquals(1, conversations(reported), "an open report between the two keeps it");
    assertEquals(2, messages(reported));
  }
}
