package app.dating.profiles.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A gender of the seeded catalogue; "other" is the self-described one (words in the profile). */
@Entity
@Immutable
@Table(name = "gender")
@NamedQuery(name = Gender.ALL, query = "select g from Gender g order by g.position")
public class Gender {
  public static final String ALL = "Gender.all";
  public static final int SLUG_MAX = 20;

  @Id
  @Column(length = SLUG_MAX)
  private String slug;

  @Column(nullable = false, length = 40)
  private String label;

  @Column(nullable = false)
  private short position;

  protected Gender() {}

  public String slug() {
    return slug;
  }

  public String label() {
    return label;
  }
}
