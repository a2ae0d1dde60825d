package app.dating.tools.demo;

import java.util.List;
import java.util.SplittableRandom;

/** Small first-name lists from many cultures, some with accents, apostrophes or non-Latin scripts. */
final class FirstNames {
  private static final List<String> FEMALE =
      List.of(
          "Emma", "Olivia", "Charlotte", "Grace", "Chloé", "Léa", "Inès", "Renée", "Sofía", "Lucía",
          "Valentina", "Camila", "Ximena", "Giulia", "Chiara", "Francesca", "Hannah", "Lena", "Jana",
          "Freya", "Ingrid", "Astrid", "Zoë", "Siobhán", "Aoife", "Małgorzata", "Zofia", "Katarzyna",
          "Anastasia", "Daria", "Анна", "Eleni", "Ελένη", "Fatima", "Layla", "Noor", "Yasmin", "Elif",
          "Zeynep", "Ayşe", "Priya", "Ananya", "Aditi", "Meera", "Xiaoling", "Mei", "Yuna", "Sakura",
          "Aiko", "さくら", "Ji-woo", "Seo-yeon", "지우", "Amara", "Chiamaka", "Ngozi", "Adaeze", "Wanjiru",
          "Shirin", "Parisa", "Linh", "Thảo", "Maya", "Noa", "Tamar", "Ana", "Beatriz", "Mariana",
          "Kaia", "Leilani", "Imani", "Aaliyah", "D'Nisha");
  private static final List<String> MALE =
      List.of(
          "Liam", "Noah", "Oliver", "James", "Lucas", "Hugo", "Théo", "Mathis", "José", "Mateo",
          "Santiago", "Ángel", "Diego", "Lorenzo", "Matteo", "Giovanni", "Jonas", "Felix", "Jürgen",
          "Søren", "Björn", "Erik", "Oisín", "Cian", "Łukasz", "Mateusz", "Jakub", "Dmitri", "Ivan",
          "Алексей", "Nikos", "Γιώργος", "Omar", "Youssef", "Karim", "Hamza", "Emre", "Mehmet", "Arjun",
          "Rohan", "Vikram", "Aarav", "Wei", "Jun", "Hao", "Haruto", "Ren", "Sota", "健太", "Min-jun",
          "Do-yoon", "민준", "Chinedu", "Emeka", "Kwame", "Tunde", "Kofi", "Dariush", "Reza", "Minh",
          "Dũng", "Eitan", "Ariel", "João", "Tiago", "Rafael", "Kai", "Makoa", "Malik", "Jamal",
          "D'Andre");

  private FirstNames() {}

  static String pick(SplittableRandom random, boolean female) {
    List<String> names = female ? FEMALE : MALE;
    return names.get(random.nextInt(names.size()));
  }
}
