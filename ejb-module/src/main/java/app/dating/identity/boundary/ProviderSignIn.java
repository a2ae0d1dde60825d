package app.dating.identity.boundary;

import app.dating.cache.boundary.SharedCache;
import app.dating.identity.control.AuditLog;
import app.dating.identity.control.ExternalIdentity;
import app.dating.identity.control.FirstAdmin;
import app.dating.identity.control.PasswordHasher;
import app.dating.identity.control.ProviderTokens;
import app.dating.identity.control.ProviderTokens.AuthorizationRequest;
import app.dating.identity.entity.Account;
import app.dating.identity.entity.AuditEvent.Action;
import app.dating.identity.entity.ExternalLink;
import app.dating.identity.entity.IdentityProvider;
import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter;
import app.dating.shared.json.JsonP;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.CommittedRefusal;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.ProblemType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign in with Google, Apple or Facebook. A provider's person signs into the account linked to
 * them; a new person gets a new account (adults only). A provider identity is never attached to an
 * existing account by email alone: only when the provider says the address is verified and the
 * person proves the account with its password, or links it while signed in.
 */
@Stateless
public class ProviderSignIn {
  static final RateLimit PROVIDER_PER_IP = new RateLimit("provider-ip", 30, Duration.ofMinutes(5));

  /** How long a browser may take at the provider between authorize and callback. */
  static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);

  @PersistenceContext EntityManager em;

  @Inject ProviderTokens tokens;

  @Inject Sessions sessions;

  @Inject PasswordHasher hasher;

  @Inject FirstAdmin firstAdmin;

  @Inject AuditLog audit;

  @Inject RateLimiter limiter;

  @Inject SharedCache cache;

  @Inject Clock clock;

  /**
   * What a person may add on first sign-in (the provider does not tell), or to prove an existing
   * account.
   */
  public record Details(LocalDate birthDate, String displayName, String password) {}

  /** An app's sign-in with a provider's ID token (or a classic Facebook access token). */
  public TokenPair signIn(
      IdentityProvider provider,
      String idToken,
      String facebookAccessToken,
      String nonce,
      Details details,
      Caller caller) {
    limiter.consume(PROVIDER_PER_IP, caller.ip());
    ExternalIdentity identity =
        idToken != null
            ? tokens.verifyIdToken(provider, idToken, nonce, details.displayName())
            : tokens.verifyFacebookAccessToken(facebookAccessToken);
    return sessions.start(resolve(identity, details, caller));
  }

  /**
   * Where to send a browser to sign in with a provider, and the state it must bring back; the nonce
   * and the PKCE verifier stay on the server.
   */
  public record Authorization(URI url, String state) {}

  /** Starts a browser's sign-in: where to send it, and the state it must bring back. */
  public Authorization authorize(
      IdentityProvider provider, String redirectUri, LocalDate birthDate, Caller caller) {
    limiter.consume(PROVIDER_PER_IP, caller.ip());
    AuthorizationRequest request = tokens.authorization(provider, redirectUri);
    cache.put(
        "oauth-flow:" + request.state(),
        JsonP.object()
            .add("provider", provider.name())
            .add("nonce", request.nonce())
            .add("verifier", request.codeVerifier())
            .add("redirect", redirectUri)
            .add("birthDate", birthDate == null ? "" : birthDate.toString())
            .build()
            .toString(),
        FLOW_LIFETIME);
    return new Authorization(request.url(), request.state());
  }

  /**
   * Ends a browser's sign-in: the state is spent once, the code traded (with the PKCE verifier) for
   * a verified identity.
   */
  public WebSignIn callback(IdentityProvider provider, String state, String code, Caller caller) {
    limiter.consume(PROVIDER_PER_IP, caller.ip());
    JsonObject flow =
        cache
            .take("oauth-flow:" + state)
            .map(json -> JsonP.readObject(json))
            .filter(f -> f.getString("provider").equals(provider.name()))
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "state", "This sign-in has expired or was already used; start again."));
    ExternalIdentity identity =
        tokens.exchangeCode(
            provider,
            code,
            flow.getString("verifier"),
            flow.getString("redirect"),
            flow.getString("nonce"));
    String birthDate = flow.getString("birthDate");
    Details details =
        new Details(birthDate.isEmpty() ? null : LocalDate.parse(birthDate), null, null);
    return sessions.startWeb(resolve(identity, details, caller));
  }

  /** Links a provider identity to the signed-in account. */
  public List<LinkedIdentity> link(
      UUID accountId,
      IdentityProvider provider,
      String idToken,
      String facebookAccessToken,
      String nonce,
      Caller caller) {
    limiter.consume(PROVIDER_PER_IP, caller.ip());
    ExternalIdentity identity =
        idToken != null
            ? tokens.verifyIdToken(provider, idToken, nonce)
            : tokens.verifyFacebookAccessToken(facebookAccessToken);
    Optional<ExternalLink> existing = find(identity);
    if (existing.isPresent() && !existing.get().accountId().equals(accountId)) {
      throw BusinessException.conflict(
          "This " + provider.displayName() + " account is linked to another account.");
    }
    if (existing.isEmpty()) {
      attach(identity, accountId, caller);
    }
    return identities(accountId);
  }

  /** Unlinks a provider; refused when it is the account's only way to sign in. */
  public void unlink(UUID accountId, IdentityProvider provider, Caller caller) {
    Account account = em.find(Account.class, accountId);
    List<ExternalLink> links = links(accountId);
    ExternalLink link =
        links.stream()
            .filter(l -> l.provider() == provider)
            .findFirst()
            .orElseThrow(() -> BusinessException.notFound(provider.displayName() + " sign-in"));
    if (account.passwordHash() == null && links.size() == 1) {
      throw BusinessException.conflict(
          "This is your only way to sign in; set a password or link another provider first.");
    }
    em.remove(link);
    audit.record(Action.IDENTITY_UNLINKED, true, accountId, null, caller, provider.name());
  }

  /** A provider sign-in of the account, as its owner sees it. */
  public record LinkedIdentity(String provider, String email, Instant linkedAt) {}

  public List<LinkedIdentity> identities(UUID accountId) {
    return links(accountId).stream()
        .map(l -> new LinkedIdentity(l.provider().configKey(), l.email(), l.linkedAt()))
        .toList();
  }

  private Account resolve(ExternalIdentity identity, Details details, Caller caller) {
    Optional<ExternalLink> link = find(identity);
    if (link.isPresent()) {
      Account account =
          Optional.ofNullable(em.find(Account.class, link.get().accountId()))
              .filter(a -> a.status() == Account.Status.ACTIVE)
              .orElseThrow(
                  () ->
                      new BusinessException(
                          ProblemType.UNAUTHORIZED, "This account cannot sign in."));
      audit.record(Action.LOGIN, true, account.id(), null, caller, identity.provider().name());
      firstAdmin.promoteIfDue(account, caller);
      return account;
    }
    if (identity.email() == null) {
      throw InvalidInputException.of(
          "email",
          identity.provider().displayName()
              + " did not share an email address; allow it, or sign up with email.");
    }
    String email = Account.normalizeEmail(identity.email());
    Optional<Account> sameEmail =
        em.createNamedQuery(Account.BY_EMAIL, Account.class)
            .setParameter("email", email)
            .getResultStream()
            .findFirst();
    if (sameEmail.isPresent()) {
      return linkByProof(sameEmail.get(), identity, details, caller);
    }
    if (details.birthDate() == null) {
      throw InvalidInputException.of("birthDate", "Your birth date is needed to open an account.");
    }
    if (!Account.isAdult(details.birthDate(), LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
      throw InvalidInputException.of(
          "birthDate", "You must be at least " + Account.ADULT_AGE + " years old.");
    }
    String name =
        Optional.ofNullable(identity.name())
            .or(() -> Optional.ofNullable(details.displayName()))
            .map(
                n ->
                    n.length() > Account.DISPLAY_NAME_MAX
                        ? n.substring(0, Account.DISPLAY_NAME_MAX)
                        : n)
            .orElse(email.substring(0, email.indexOf('@')));
    Account account =
        Account.fromProvider(
            email, identity.emailVerified(), name, details.birthDate(), clock.instant());
    em.persist(account);
    audit.record(Action.REGISTER, true, account.id(), null, caller, identity.provider().name());
    attach(identity, account.id(), caller);
    return account;
  }

  /**
   * An account with the provider's address exists: link only with a verified address and the
   * account's password.
   */
  private Account linkByProof(
      Account account, ExternalIdentity identity, Details details, Caller caller) {
    boolean proven =
        identity.emailVerified()
            && account.status() == Account.Status.ACTIVE
            && details.password() != null
            && account.passwordHash() != null
            && hasher.verify(account.passwordHash(), details.password().toCharArray());
    if (!proven) {
      audit.record(
          Action.IDENTITY_LINKED,
          false,
          account.id(),
          null,
          caller,
          identity.provider().name() + ": not proven");
      throw new CommittedRefusal(
          ProblemType.CONFLICT,
          "An account with this email address exists. Sign in to it and link "
              + identity.provider().displayName()
              + " in your settings, or send its password with this sign-in.");
    }
    attach(identity, account.id(), caller);
    audit.record(Action.LOGIN, true, account.id(), null, caller, identity.provider().name());
    return account;
  }

  private void attach(ExternalIdentity identity, UUID accountId, Caller caller) {
    if (links(accountId).stream().anyMatch(l -> l.provider() == identity.provider())) {
      throw BusinessException.conflict(
          "Another "
              + identity.provider().displayName()
              + " account is linked already; unlink it first.");
    }
    em.persist(
        new ExternalLink(
            identity.provider(), identity.subject(), accountId, identity.email(), clock.instant()));
    audit.record(Action.IDENTITY_LINKED, true, accountId, null, caller, identity.provider().name());
  }

  private Optional<ExternalLink> find(ExternalIdentity identity) {
    return Optional.ofNullable(
        em.find(ExternalLink.class, new ExternalLink.Key(identity.provider(), identity.subject())));
  }

  private List<ExternalLink> links(UUID accountId) {
    return em.createNamedQuery(ExternalLink.OF_ACCOUNT, ExternalLink.class)
        .setParameter("account", accountId)
        .getResultList();
  }
}
