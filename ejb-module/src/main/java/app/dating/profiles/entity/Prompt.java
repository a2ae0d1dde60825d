package app.dating.profiles.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A question of the seeded prompt catalogue. */
@Entity
@Immutable
@Table(name = "prompt")
@NamedQuery(name = Prompt.ALL, query = "select p from Prompt p order by p.id")
public class Prompt {
  public static final String ALL = "Prompt.all";

  @Id private int id;

  @Column(nullable = false, length = 40)
  private String slug;

  @Column(nullable = false, length = 200)
  private String text;

  protected Prompt() {}

  public int id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String text() {
    return text;
  }
}
