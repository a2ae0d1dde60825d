package app.dating.profiles.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** An interest of the seeded taxonomy. */
@Entity
@Immutable
@Table(name = "interest")
@NamedQuery(name = Interest.ALL, query = "select i from Interest i order by i.category, i.label")
@NamedQuery(name = Interest.BY_IDS, query = "select i from Interest i where i.id in :ids order by i.category, i.label")
public class Interest {
  public static final String ALL = "Interest.all";
  public static final String BY_IDS = "Interest.byIds";

  @Id private int id;

  @Column(nullable = false, length = 40)
  private String slug;

  @Column(nullable = false, length = 60)
  private String label;

  @Column(nullable = false, length = 40)
  private String category;

  protected Interest() {}

  public int id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String label() {
    return label;
  }

  public String category() {
    return category;
  }
}
