package app.dating.chat.boundary;

import app.dating.chat.control.MessageCipher;
import app.dating.chat.control.MessageCipher.DataKey;
import app.dating.chat.control.PhotoAttachments;
import app.dating.chat.entity.Conversation;
import app.dating.chat.entity.Message;
import app.dating.events.boundary.DomainEvent;
import app.dating.events.boundary.Events;
import app.dating.identity.boundary.PersonalDataExport;
import app.dating.identity.entity.Account;
import app.dating.matching.entity.Match;
import app.dating.platform.control.GroupCommit.Outcome;
import app.dating.shared.json.JsonP;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The chat service. A message is stored, with the next sequence number of its conversation (the
 * conversation's row is locked, so numbers are gap-free and in commit order), before it is
 * acknowledged; the client's id makes a resend a duplicate, never a second message. Only the two
 * people of an active match read or write their conversation. A message stored while its recipient
 * has no socket open anywhere also publishes {@link DomainEvent#MESSAGE_FOR_OFFLINE} (for push
 * notifications), without its content.
 */
@Stateless
public class Chat {

  @PersistenceContext EntityManager em;

  @Inject MessageCipher cipher;

  @Inject PhotoAttachments photos;

  @Inject PresenceStore presenceStore;

  @Inject Events events;

  @Inject Clock clock;

  /**
   * Stores messages in one transaction (see {@link ChatWriter}), each as {@link #store} would: in
   * order within each conversation, the conversations in id order (so two writers lock rows in the
   * same order). A message refused for itself (no such conversation, a photo not ready) gets its
   * refusal and the others are stored; an unexpected failure rolls back all, and the caller stores
   * them one by one (each a batch of one).
   */
  public List<Outcome<Ack>> storeAll(List<Draft> drafts) {
    List<Integer> order =
        IntStream.range(0, drafts.size())
            .boxed()
            .sorted(Comparator.comparing(i -> drafts.get(i).conversationId()))
            .toList();
    List<Outcome<Ack>> stored = new ArrayList<>(Collections.nCopies(drafts.size(), null));
    Map<Draft.Key, Ack> storedNow = new HashMap<>();
    for (int i : order) {
      try {
        stored.set(i, Outcome.of(store(drafts.get(i), storedNow)));
      } catch (BusinessException e) {
        stored.set(i, Outcome.refusal(e));
      }
    }
    return stored;
  }

  /**
   * Stores a message with the next sequence number of its conversation, or acknowledges the earlier
   * one with its client id (also one stored a moment ago in this transaction: {@code storedNow}).
   */
  private Ack store(Draft draft, Map<Draft.Key, Ack> storedNow) {
    UUID sender = draft.sender();
    UUID conversationId = draft.conversationId();
    Match match = activeMatchOf(sender, conversationId);
    if (draft.kind() == Message.Kind.PHOTO) {
      photos.requireSendable(
          sender,
          conversationId,
          UUID.fromString(new String(draft.plain(), StandardCharsets.UTF_8)));
    }
    UUID recipient = match.other(sender);
    // Asked before the conversation's row is locked: a round trip to Redis need not hold up other
    // senders.
    boolean recipientOffline = !presenceStore.isOnline(recipient);
    Conversation conversation = lockedConversation(match.id());
    List<UUID> members = List.of(sender, recipient);
    Ack now = storedNow.get(draft.key());
    if (now != null) {
      return new Ack(conversationId, draft.clientId(), now.seq(), now.at(), true, members);
    }
    // Messages of this transaction are not flushed yet (they go as one JDBC batch at commit); those
    // are in
    // storedNow.
    Optional<Message> earlier =
        em.createNamedQuery(Message.BY_CLIENT_ID, Message.class)
            .setParameter("conversation", conversationId)
            .setParameter("sender", sender)
            .setParameter("clientId", draft.clientId())
            .setFlushMode(FlushModeType.COMMIT)
            .getResultStream()
            .findFirst();
    if (earlier.isPresent()) {
      return new Ack(
          conversationId,
          draft.clientId(),
          earlier.get().seq(),
          earlier.get().createdAt(),
          true,
          members);
    }
    Instant at = clock.instant();
    long seq = conversation.next(at, match.isUserA(sender));
    byte[] body =
        draft.kind() == Message.Kind.E2E
            ? draft.plain()
            : cipher.encrypt(key(conversation), conversationId, seq, draft.plain());
    em.persist(new Message(conversationId, seq, sender, draft.clientId(), draft.kind(), body, at));
    if (recipientOffline) {
      events.publish(
          DomainEvent.MESSAGE_FOR_OFFLINE,
          offlinePayload(recipient, sender, conversationId, seq, draft.kind()));
    }
    Ack ack = new Ack(conversationId, draft.clientId(), seq, at, false, members);
    storedNow.put(draft.key(), ack);
    return ack;
  }

  /**
   * What notifications need to tell the recipient: who wrote where, never what (no text, ciphertext
   * or photo).
   */
  private static JsonObject offlinePayload(
      UUID recipient, UUID sender, UUID conversationId, long seq, Message.Kind kind) {
    return JsonP.object()
        .add("recipient", recipient.toString())
        .add("sender", sender.toString())
        .add("conversation", conversationId.toString())
        .add("seq", seq)
        .add("kind", kind.name())
        .build();
  }

  /**
   * Messages after {@code after}, up to {@code upTo}, oldest first (sync after a reconnect, or
   * paging forward).
   */
  public List<ChatMessage> after(UUID me, UUID conversationId, long after, long upTo, int limit) {
    activeMatchOf(me, conversationId);
    return read(
        conversationId,
        em.createNamedQuery(Message.AFTER, Message.class)
            .setParameter("conversation", conversationId)
            .setParameter("after", after)
            .setParameter("upTo", upTo)
            .setMaxResults(limit)
            .getResultList());
  }

  /** Messages before {@code before}, newest first (paging back through history). */
  public List<ChatMessage> before(UUID me, UUID conversationId, long before, int limit) {
    activeMatchOf(me, conversationId);
    return read(
        conversationId,
        em.createNamedQuery(Message.BEFORE, Message.class)
            .setParameter("conversation", conversationId)
            .setParameter("before", before)
            .setMaxResults(limit)
            .getResultList());
  }

  /** The caller's conversations, most recent first, with unread counts and the last message. */
  public List<ConversationView> conversations(UUID me) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select cast(m.id as varchar), cast(case when m.user_a = ?1 then m.user_b else m.user_a end as varchar),"
                    + " coalesce(c.last_seq, 0),"
                    + " greatest(coalesce(mine.read_up_to, 0), coalesce(case when m.user_a = ?1 then c.a_sent_up_to else c.b_sent_up_to end, 0)),"
                    + " greatest(coalesce(theirs.read_up_to, 0), coalesce(case when m.user_a = ?1 then c.b_sent_up_to else c.a_sent_up_to end, 0))"
                    + " from match m"
                    + " left join conversation c on c.match_id = m.id"
                    + " left join read_state mine on mine.conversation_id = m.id and mine.account_id = ?1"
                    + " left join read_state theirs on theirs.conversation_id = m.id and theirs.account_id <> ?1"
                    + " where (m.user_a = ?1 or m.user_b = ?1) and m.ended_at is null"
                    + " order by coalesce(c.last_message_at, m.created_at) desc limit 200")
            .setParameter(1, me)
            .getResultList();
    List<UUID> people = rows.stream().map(row -> UUID.fromString((String) row[1])).toList();
    Map<UUID, String> names =
        people.isEmpty()
            ? Map.of()
            : em.createQuery("select a from Account a where a.id in :ids", Account.class)
                .setParameter("ids", people)
                .getResultStream()
                .collect(java.util.stream.Collectors.toMap(Account::id, Account::displayName));
    List<ConversationView> views = new ArrayList<>();
    for (Object[] row : rows) {
      UUID id = UUID.fromString((String) row[0]);
      UUID person = UUID.fromString((String) row[1]);
      long lastSeq = ((Number) row[2]).longValue();
      long read = ((Number) row[3]).longValue();
      ChatMessage last =
          lastSeq == 0
              ? null
              : read(id, List.of(em.find(Message.class, new Message.Key(id, lastSeq)))).get(0);
      views.add(
          new ConversationView(
              id,
              person,
              names.get(person),
              lastSeq,
              Math.max(0, lastSeq - read),
              read,
              ((Number) row[4]).longValue(),
              last));
    }
    return views;
  }

  /**
   * Records that {@code me} received ({@code read} false) or read the conversation up to {@code
   * upTo}.
   */
  public Receipt receipt(UUID me, UUID conversationId, long upTo, boolean read) {
    Match match = activeMatchOf(me, conversationId);
    Optional<Conversation> conversation =
        Optional.ofNullable(em.find(Conversation.class, conversationId));
    long last = conversation.map(Conversation::lastSeq).orElse(0L);
    if (upTo < 0 || upTo > last) {
      throw InvalidInputException.of(
          "upTo", "Must be between 0 and the conversation's last sequence number (" + last + ").");
    }
    long[] state = advance(conversationId, me, upTo, read ? upTo : 0);
    long sent = conversation.map(c -> c.sentUpTo(match.isUserA(me))).orElse(0L);
    return new Receipt(
        conversationId, me, match.other(me), Math.max(state[0], sent), Math.max(state[1], sent));
  }

  /** Whether {@code me} may write to the conversation now (typing indicators ask this). */
  public UUID peerIn(UUID me, UUID conversationId) {
    return activeMatchOf(me, conversationId).other(me);
  }

  /**
   * The active conversations of {@code me}, for a reconnecting client: each with its last sequence
   * number.
   */
  public Map<UUID, Long> lastSequences(UUID me) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select cast(m.id as varchar), coalesce(c.last_seq, 0) from match m left join conversation c on c.match_id = m.id"
                    + " where (m.user_a = ?1 or m.user_b = ?1) and m.ended_at is null")
            .setParameter(1, me)
            .getResultList();
    Map<UUID, Long> last = new java.util.HashMap<>();
    rows.forEach(r -> last.put(UUID.fromString((String) r[0]), ((Number) r[1]).longValue()));
    return last;
  }

  /** The people {@code me} has an active match with: whom presence changes concern. */
  public List<UUID> peers(UUID me) {
    @SuppressWarnings("unchecked")
    List<String> ids =
        em.createNativeQuery(
                "select cast(case when m.user_a = ?1 then m.user_b else m.user_a end as varchar) from match m"
                    + " where (m.user_a = ?1 or m.user_b = ?1) and m.ended_at is null")
            .setParameter(1, me)
            .getResultList();
    return ids.stream().map(UUID::fromString).toList();
  }

  /** One of a person's conversations in their data export. */
  public record ExportedConversation(UUID id, UUID with, List<ChatMessage> messages) {}

  /**
   * The chat part of a data export: every conversation the person was in, ended ones too, with
   * every message (decrypted; end-to-end ones as stored, which the server cannot read), and the
   * presence setting.
   */
  public void export(@Observes PersonalDataExport export) {
    UUID me = export.accountId();
    @SuppressWarnings("unchecked")
    List<Object[]> conversations =
        em.createNativeQuery(
                "select c.match_id, case when m.user_a = ?1 then m.user_b else m.user_a end from conversation c"
                    + " join match m on m.id = c.match_id where m.user_a = ?1 or m.user_b = ?1 order by m.created_at")
            .setParameter(1, me)
            .getResultList();
    export.section(
        "conversations",
        conversations.stream()
            .map(
                row -> {
                  UUID id = (UUID) row[0];
                  List<Message> messages =
                      em.createNamedQuery(Message.AFTER, Message.class)
                          .setParameter("conversation", id)
                          .setParameter("after", 0L)
                          .setParameter("upTo", Long.MAX_VALUE)
                          .getResultList();
                  return new ExportedConversation(id, (UUID) row[1], read(id, messages));
                })
            .toList());
    export.section("chatSettings", Map.of("hidePresence", hidesPresence(me)));
  }

  /** Whether {@code me} hides when they are online. */
  public boolean hidesPresence(UUID me) {
    @SuppressWarnings("unchecked")
    List<Boolean> hidden =
        em.createNativeQuery("select hide_presence from chat_settings where account_id = ?1")
            .setParameter(1, me)
            .getResultList();
    return !hidden.isEmpty() && Boolean.TRUE.equals(hidden.get(0));
  }

  public void hidePresence(UUID me, boolean hide) {
    em.createNativeQuery(
            "insert into chat_settings (account_id, hide_presence) values (?1, ?2)"
                + " on conflict (account_id) do update set hide_presence = excluded.hide_presence")
        .setParameter(1, me)
        .setParameter(2, hide)
        .executeUpdate();
  }

  /** The presence of a match, unless they hide it (then unknown); strangers get not found. */
  public PresenceView presence(UUID me, UUID other) {
    if (!peers(me).contains(other)) {
      throw BusinessException.notFound("Conversation");
    }
    if (hidesPresence(other)) {
      return new PresenceView(other, null, null);
    }
    return new PresenceView(
        other, presenceStore.isOnline(other), presenceStore.lastSeen(other).orElse(null));
  }

  private Match activeMatchOf(UUID me, UUID conversationId) {
    return Optional.ofNullable(conversationId == null ? null : em.find(Match.class, conversationId))
        .filter(m -> m.isOpenTo(me))
        .orElseThrow(() -> BusinessException.notFound("Conversation"));
  }

  /** The conversation's row, locked for this transaction; made on the first message. */
  private Conversation lockedConversation(UUID matchId) {
    Conversation conversation =
        em.find(Conversation.class, matchId, LockModeType.PESSIMISTIC_WRITE);
    if (conversation != null) {
      return conversation;
    }
    DataKey key = cipher.newDataKey();
    em.createNativeQuery(
            "insert into conversation (match_id, data_key_id, data_key) values (?1, ?2, ?3) on conflict do nothing")
        .setParameter(1, matchId)
        .setParameter(2, key.masterKeyId())
        .setParameter(3, key.wrapped())
        .executeUpdate();
    return em.find(Conversation.class, matchId, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * Moves a member's receipts forward (never back); returns {delivered, read}. (What they sent
   * counts as read too: the conversation row keeps that, see {@link Conversation#sentUpTo}.)
   */
  private long[] advance(UUID conversationId, UUID member, long delivered, long read) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "insert into read_state (conversation_id, account_id, delivered_up_to, read_up_to) values (?1, ?2, ?3, ?4)"
                        + " on conflict (conversation_id, account_id) do update set"
                        + " delivered_up_to = greatest(read_state.delivered_up_to, excluded.delivered_up_to, excluded.read_up_to),"
                        + " read_up_to = greatest(read_state.read_up_to, excluded.read_up_to)"
                        + " returning delivered_up_to, read_up_to")
                .setParameter(1, conversationId)
                .setParameter(2, member)
                .setParameter(3, Math.max(delivered, read))
                .setParameter(4, read)
                .getSingleResult();
    return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
  }

  private List<ChatMessage> read(UUID conversationId, List<Message> messages) {
    if (messages.isEmpty()) {
      return List.of();
    }
    Conversation conversation = em.find(Conversation.class, conversationId);
    DataKey key = key(conversation);
    return messages.stream()
        .map(
            m -> {
              if (m.kind() == Message.Kind.E2E) {
                return new ChatMessage(
                    conversationId,
                    m.seq(),
                    m.senderId(),
                    m.clientId(),
                    m.kind().name(),
                    null,
                    Base64.getEncoder().encodeToString(m.body()),
                    null,
                    m.createdAt());
              }
              String plain =
                  new String(
                      cipher.decrypt(key, conversationId, m.seq(), m.body()),
                      StandardCharsets.UTF_8);
              if (m.kind() == Message.Kind.PHOTO) {
                return new ChatMessage(
                    conversationId,
                    m.seq(),
                    m.senderId(),
                    m.clientId(),
                    m.kind().name(),
                    null,
                    null,
                    UUID.fromString(plain),
                    m.createdAt());
              }
              return new ChatMessage(
                  conversationId,
                  m.seq(),
                  m.senderId(),
                  m.clientId(),
                  m.kind().name(),
                  plain,
                  null,
                  null,
                  m.createdAt());
            })
        .toList();
  }

  private static DataKey key(Conversation conversation) {
    return new DataKey(conversation.dataKeyId(), conversation.dataKey());
  }
}
