package app.dating.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A person's account: how they sign in and what they may do. The profile is another aggregate. */
@Entity
@Table(name = "account")
@NamedQuery(
    name = Account.BY_EMAIL,
    query = "select a from Account a where lower(a.email) = :email")
@NamedQuery(
    name = Account.DUE_FOR_ERASURE,
    query =
        "select a from Account a where a.status = app.dating.identity.entity.Account.Status.DELETED"
            + " and a.erasedAt is null and a.deletedAt < :before order by a.deletedAt")
public class Account {
  public static final String BY_EMAIL = "Account.byEmail";
  public static final String DUE_FOR_ERASURE = "Account.dueForErasure";
  public static final int EMAIL_MAX = 254;
  public static final int DISPLAY_NAME_MAX = 50;
  public static final int ADULT_AGE = 18;
  static final LocalDate ERASED_BIRTH_DATE = LocalDate.of(1900, 1, 1);

  /** How the account's address was proven. */
  public enum EmailProof {
    /** A link mailed to the address was followed (a verification link, or a reset link). */
    MAILED_LINK,
    /** An identity provider said it verified the address. */
    PROVIDER
  }

  /** Where an address released by an unproven claim goes (never deliverable: RFC 2606). */
  static final String RELEASED_DOMAIN = "@released.invalid";

  /** Lifecycle of an account. */
  public enum Status {
    ACTIVE,
    SUSPENDED,
    DELETED
  }

  @Id private UUID id;

  @Column(nullable = false, length = EMAIL_MAX)
  private String email;

  @Column(name = "email_verified", nullable = false)
  private boolean emailVerified;

  @Column(name = "email_proof", length = 16)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private EmailProof emailProof;

  @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX)
  private String displayName;

  @Column(name = "birth_date", nullable = false)
  private LocalDate birthDate;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(nullable = false, length = 16)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Status status;

  @Column(nullable = false, length = 100)
  private String roles;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @Column(name = "erased_at")
  private Instant erasedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Account() {}

  public Account(
      String email, String displayName, LocalDate birthDate, String passwordHash, Instant now) {
    this.id = UUID.randomUUID();
    this.email = normalizeEmail(email);
    this.displayName = Objects.requireNonNull(displayName).strip();
    this.birthDate = Objects.requireNonNull(birthDate);
    this.passwordHash = passwordHash;
    this.status = Status.ACTIVE;
    this.roles = Role.USER.name();
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * An account opened by signing in with an identity provider: no password, the provider's address,
   * verified only if the provider verified it (else it is an unproven claim: {@link
   * #holdsOnlyAnUnprovenClaim()}).
   */
  public static Account fromProvider(
      String email, boolean emailVerified, String displayName, LocalDate birthDate, Instant now) {
    Account account = new Account(email, displayName, birthDate, null, now);
    account.emailVerified = emailVerified;
    account.emailProof = emailVerified ? EmailProof.PROVIDER : null;
    return account;
  }

  /** Emails are compared and stored lower-cased and trimmed. */
  public static String normalizeEmail(String email) {
    return Objects.requireNonNull(email).strip().toLowerCase(Locale.ROOT);
  }

  public static boolean isAdult(LocalDate birthDate, LocalDate today) {
    return Period.between(birthDate, today).getYears() >= ADULT_AGE;
  }

  /** Whole years of age on {@code today}: what others see instead of the birth date. */
  public int ageOn(LocalDate today) {
    return ageOn(birthDate, today);
  }

  /** Whole years from a birth date to a day. */
  public static int ageOn(LocalDate birthDate, LocalDate today) {
    return Period.between(birthDate, today).getYears();
  }

  public boolean canSignIn() {
    return status == Status.ACTIVE && passwordHash != null;
  }

  /**
   * The account's own address was proven by a mailed link (verification or reset).
   *
   * @return whether this is the first proof of an address for this account: what was made for it
   *     before may be someone else's, who opened it with the address first
   */
  public boolean verifyEmail(Instant now) {
    boolean first = !emailVerified;
    emailVerified = true;
    emailProof = EmailProof.MAILED_LINK;
    updatedAt = now;
    return first;
  }

  /**
   * A new address, proven by a link sent to it, replaces the old one.
   *
   * @return whether the account had never proven an address before (as {@link #verifyEmail})
   */
  public boolean changeEmail(String provenEmail, Instant now) {
    boolean first = !emailVerified;
    email = normalizeEmail(provenEmail);
    emailVerified = true;
    emailProof = EmailProof.MAILED_LINK;
    updatedAt = now;
    return first;
  }

  /**
   * Whether the account holds its address only as an unproven claim: opened through a provider that
   * did not verify the address, with no password and no proof since. Such a claim never blocks the
   * address's owner ({@link #releaseAddress}).
   */
  public boolean holdsOnlyAnUnprovenClaim() {
    return status == Status.ACTIVE && !emailVerified && passwordHash == null;
  }

  /** Gives up an unproven address for its owner; the account keeps signing in with its provider. */
  public void releaseAddress(Instant now) {
    if (!holdsOnlyAnUnprovenClaim()) {
      throw new IllegalStateException("only an unproven claim on an address is released");
    }
    email = "unclaimed-" + id + RELEASED_DOMAIN;
    updatedAt = now;
  }

  /** Whether the address was proven by a link mailed to it (what the first admin needs). */
  public boolean emailProvenByMailedLink() {
    return emailVerified && emailProof == EmailProof.MAILED_LINK;
  }

  /** Replaces the roles; every account keeps {@link Role#USER}. */
  public void assignRoles(Set<Role> newRoles, Instant now) {
    EnumSet<Role> all = EnumSet.of(Role.USER);
    all.addAll(newRoles);
    roles = all.stream().map(Enum::name).collect(Collectors.joining(","));
    updatedAt = now;
  }

  /**
   * The owner asked for deletion: nothing works for the account any more; erasure follows later.
   */
  public void delete(Instant now) {
    status = Status.DELETED;
    deletedAt = now;
    updatedAt = now;
  }

  /** Erases the personal data of a deleted account; the id stays, so references still resolve. */
  public void erase(Instant now) {
    if (status != Status.DELETED) {
      throw new IllegalStateException("only deleted accounts are erased");
    }
    email = "erased-" + id + "@erased.invalid";
    displayName = "Deleted account";
    birthDate = ERASED_BIRTH_DATE;
    passwordHash = null;
    emailVerified = false;
    emailProof = null;
    erasedAt = now;
    updatedAt = now;
  }

  /** A new hash: after a password change, or the same password under new Argon2 parameters. */
  public void replacePasswordHash(String newHash, Instant now) {
    this.passwordHash = Objects.requireNonNull(newHash);
    this.updatedAt = now;
  }

  public Set<Role> roles() {
    return Arrays.stream(roles.split(","))
        .map(String::strip)
        .filter(r -> !r.isEmpty())
        .map(Role::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
  }

  public UUID id() {
    return id;
  }

  public String email() {
    return email;
  }

  public boolean emailVerified() {
    return emailVerified;
  }

  public String displayName() {
    return displayName;
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Status status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
