package app.dating.tools.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The seeded catalogues (V10) as the database has them, so every generated reference exists. */
record Catalogue(List<Interest> interests, List<Prompt> prompts, Set<String> genders) {
  record Interest(int id, String slug, String label, String category) {}

  record Prompt(int id, String slug) {}

  static Catalogue load(Connection connection) throws SQLException {
    List<Interest> interests = new ArrayList<>();
    List<Prompt> prompts = new ArrayList<>();
    Set<String> genders = new TreeSet<>();
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("select id, slug, label, category from interest order by id")) {
        while (rows.next()) {
          interests.add(new Interest(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4)));
        }
      }
      try (ResultSet rows = statement.executeQuery("select id, slug from prompt order by id")) {
        while (rows.next()) {
          prompts.add(new Prompt(rows.getInt(1), rows.getString(2)));
        }
      }
      try (ResultSet rows = statement.executeQuery("select slug from gender order by position")) {
        while (rows.next()) {
          genders.add(rows.getString(1));
        }
      }
    }
    if (interests.size() < 8 || prompts.size() < 3 || !genders.containsAll(List.of("man", "woman", "non-binary"))) {
      throw new SQLException("the interest, prompt and gender catalogues are not seeded (is the schema migrated?)");
    }
    return new Catalogue(List.copyOf(interests), List.copyOf(prompts), Set.copyOf(genders));
  }
}
