package app.dating.tools.demo;

import app.dating.profiles.control.LocationGrid;
import app.dating.profiles.entity.Profile;
import app.dating.tools.demo.Catalogue.Interest;
import app.dating.tools.demo.Catalogue.Prompt;
import app.dating.tools.demo.Cities.City;
import app.dating.tools.demo.SyntheticUsers.Person;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The profile of a synthetic user: preferences around their own age, a position near a real city
 * (snapped to its {@link LocationGrid} cell centre), interests that depend on age, prompts, languages,
 * intent, height, a bio, recent activity and, optionally, photo rows. Stateless after construction,
 * so batches can be described on any thread.
 */
final class SyntheticProfiles {
  static final int OLDEST_LISTED = 70;
  /** A fixed sample content hash for demo photos: rows only, no files. */
  static final String PHOTO_HASH = "145d78565f2bfdf9f04d60dc64c520b15d62f0b580db4c7c9046969a5a6a0c8b";
  static final String PHOTO_SIZES = "1080,640,320";
  static final int ACTIVE_DAYS = 30;

  /** How an interest's popularity leans with age: positive = younger, negative = older. */
  private static final Map<String, Double> AGE_TILT =
      Map.ofEntries(
          Map.entry("anime", 1.0), Map.entry("video-games", 0.9), Map.entry("festivals", 0.9),
          Map.entry("hip-hop", 1.0), Map.entry("electronic-music", 0.8), Map.entry("gym", 0.6),
          Map.entry("climbing", 0.5), Map.entry("street-food", 0.5), Map.entry("fashion", 0.5),
          Map.entry("karaoke", 0.4), Map.entry("surfing", 0.4), Map.entry("vegan-food", 0.4),
          Map.entry("brunch", 0.3), Map.entry("series", 0.3), Map.entry("podcasts", 0.3),
          Map.entry("dancing", 0.3), Map.entry("football", 0.2), Map.entry("technology", 0.2),
          Map.entry("craft-beer", 0.2), Map.entry("trivia-nights", 0.2), Map.entry("travel", 0.1),
          Map.entry("gardening", -1.0), Map.entry("classical-music", -0.9), Map.entry("history", -0.7),
          Map.entry("jazz", -0.6), Map.entry("theatre", -0.6), Map.entry("wine", -0.5),
          Map.entry("volunteering", -0.5), Map.entry("diy", -0.5), Map.entry("museums", -0.4),
          Map.entry("hiking", -0.3), Map.entry("reading", -0.3), Map.entry("painting", -0.3),
          Map.entry("tennis", -0.3), Map.entry("cooking", -0.2), Map.entry("dogs", -0.2),
          Map.entry("meditation", -0.2), Map.entry("cycling", -0.2), Map.entry("skiing", -0.2),
          Map.entry("road-trips", -0.2), Map.entry("chess", -0.2));
  /** For interests added to the catalogue later: the lean of their category. */
  private static final Map<String, Double> CATEGORY_TILT =
      Map.of("Film and games", 0.3, "Music", 0.2, "Going out and travel", 0.2, "Home and life", -0.3,
          "Arts and culture", -0.2, "Mind and tech", -0.1);
  /** Overall popularity; 1 when not listed. */
  private static final Map<String, Double> POPULARITY =
      Map.ofEntries(
          Map.entry("travel", 3.0), Map.entry("movies", 2.5), Map.entry("cooking", 2.0),
          Map.entry("hiking", 2.0), Map.entry("coffee", 2.0), Map.entry("live-music", 2.0),
          Map.entry("reading", 2.0), Map.entry("series", 1.8), Map.entry("gym", 1.6),
          Map.entry("running", 1.5), Map.entry("photography", 1.5), Map.entry("dogs", 1.5),
          Map.entry("wine", 1.4), Map.entry("festivals", 1.3), Map.entry("yoga", 1.3),
          Map.entry("poetry", 0.5), Map.entry("astronomy", 0.6), Map.entry("chess", 0.6),
          Map.entry("karaoke", 0.7), Map.entry("singing", 0.7));

  private static final Map<String, List<String>> ANSWERS =
      Map.ofEntries(
          Map.entry("perfect-sunday", List.of("Long brunch, longer walk.", "Farmers' market, then a nap.",
              "Coffee, crossword, no alarms.", "A lake, a book and nowhere to be.")),
          Map.entry("green-flag", List.of("You text back.", "Kind to waiters.", "Curious about everything.",
              "You laugh at your own jokes.")),
          Map.entry("simple-pleasures", List.of("Fresh bread.", "Clean sheets.", "The first coffee.",
              "Rain on the window.")),
          Map.entry("two-truths-and-a-lie", List.of("I've met a president, I can juggle, I hate cheese.",
              "I speak four languages, I ran a marathon, I've never seen Star Wars.",
              "I was on TV, I grew up on a farm, I'm afraid of ducks.")),
          Map.entry("geek-out-on", List.of("Maps.", "Sourdough hydration.", "Old synthesizers.",
              "Space missions.", "Fonts.")),
          Map.entry("best-travel-story", List.of("Missed a night train, found a wedding.",
              "Lost in Lisbon without a phone.", "Hitchhiked across Iceland.")),
          Map.entry("unpopular-opinion", List.of("Pineapple belongs on pizza.", "Mornings are great.",
              "Sequels are often better.", "Cats are overrated.")),
          Map.entry("first-date-idea", List.of("Find the best ice cream in town.", "Lose at bowling.",
              "Walk until we find a good bar.", "Cook something ambitious.")),
          Map.entry("dealbreaker", List.of("Rude to strangers.", "No sense of humour.", "Never reads.",
              "Smoking.")),
          Map.entry("learning-right-now", List.of("Italian.", "The guitar, badly.", "Bouldering.",
              "To say no.", "Pottery.")),
          Map.entry("comfort-food", List.of("Ramen.", "Mac and cheese.", "My grandmother's soup.",
              "Dumplings.", "Pancakes.")),
          Map.entry("life-goal", List.of("Visit every continent.", "Open a small café.",
              "Run a marathon.", "Build a cabin.")),
          Map.entry("way-to-my-heart", List.of("Good playlists.", "Snacks.", "Bad puns.",
              "Remembering the little things.")),
          Map.entry("friends-describe-me", List.of("Loyal and loud.", "The planner.", "Calm in a crisis.",
              "Always late, always fun.")),
          Map.entry("typical-weeknight", List.of("Gym, dinner, a series.", "Cooking for friends.",
              "Reading on the sofa.", "Climbing, then pizza.")));
  private static final List<String> ANY_ANSWER = List.of("Ask me!", "Let's talk about it.", "Hard to choose.");

  private static final List<String> JOBS =
      List.of("Software engineer", "Teacher", "Nurse", "Designer", "Architect", "Doctor", "Lawyer",
          "Chef", "Barista", "Journalist", "Photographer", "Accountant", "Project manager", "Student",
          "Physiotherapist", "Marketing manager", "Data analyst", "Carpenter", "Electrician",
          "Researcher", "Pharmacist", "Sales manager", "Musician", "Social worker", "Consultant",
          "Pilot", "Translator", "Entrepreneur", "Civil servant", "Vet");
  private static final List<String> EDUCATION =
      List.of("BSc Computer Science", "MA History", "MSc Economics", "BA Design", "MD", "LLM",
          "BSc Nursing", "MA Education", "Apprenticeship", "PhD Biology", "BA Journalism",
          "MSc Engineering", "BA Languages", "MBA", "High school");
  private static final List<String> SECOND_LANGUAGES = List.of("fr", "de", "es", "it", "pt", "nl", "pl", "sv");

  private static final Profile.Intent[] INTENTS = Profile.Intent.values();
  /** Share of each intent in percent, in the order of {@link Profile.Intent}. */
  private static final int[] INTENT_SHARES = {30, 22, 14, 10, 6, 18};
  private static final int[] DISTANCES = {10, 15, 20, 25, 30, 40, 50, 60, 75, 80, 100};
  private static final int[] DISTANCE_WEIGHTS = {4, 6, 10, 14, 14, 12, 16, 8, 6, 4, 6};

  private final List<City> cities;
  private final double[] cityCumulative;
  private final List<Interest> interests;
  private final List<Prompt> prompts;
  /** Cumulative interest weights per age 18..70. */
  private final double[][] interestCumulative;
  private final int photos;

  SyntheticProfiles(Catalogue catalogue, List<City> cities, int photos) {
    this.cities = List.copyOf(cities);
    this.cityCumulative = new double[cities.size()];
    double sum = 0;
    for (int i = 0; i < cities.size(); i++) {
      sum += cities.get(i).millions();
      cityCumulative[i] = sum;
    }
    this.interests = catalogue.interests();
    this.prompts = catalogue.prompts();
    this.interestCumulative = new double[OLDEST_LISTED + 1][];
    for (int age = 18; age <= OLDEST_LISTED; age++) {
      double[] cumulative = new double[interests.size()];
      double total = 0;
      for (int i = 0; i < interests.size(); i++) {
        total += interestWeight(interests.get(i), age);
        cumulative[i] = total;
      }
      interestCumulative[age] = cumulative;
    }
    this.photos = photos;
  }

  /** The relative chance that a person of {@code age} lists an interest. */
  static double interestWeight(Interest interest, int age) {
    double tilt = AGE_TILT.getOrDefault(interest.slug(), CATEGORY_TILT.getOrDefault(interest.category(), 0.0));
    return POPULARITY.getOrDefault(interest.slug(), 1.0) * Math.exp(tilt * (35 - age) / 12.0);
  }

  void describe(Person person, SplittableRandom random, SyntheticUsers users, Batch batch) {
    City city = pick(cities, cityCumulative, random);
    LocationGrid.Cell cell = position(city, random);
    String gender = person.gender();
    int[] chosen = interests(person.age(), random);
    LocalDate today = users.today();
    long daysSinceJoined = ChronoUnit.DAYS.between(LocalDate.ofInstant(person.createdAt(), users.zone()), today);
    int inactiveDays = (int) Math.min(Math.max(daysSinceJoined, 0), (long) (ACTIVE_DAYS * Math.pow(random.nextDouble(), 2.2)));
    String job = random.nextInt(100) < 80 ? JOBS.get(random.nextInt(JOBS.size())) : null;
    if (person.age() < 23 && job != null && random.nextInt(100) < 60) {
      job = "Student";
    }
    batch.profile.add()
        .put("account_id", person.id())
        .put("gender", gender)
        .put("wanted_genders", wantedGenders(gender, random))
        .put("age_min", ageMin(person.age(), gender, random))
        .put("age_max", ageMax(person.age(), gender, random))
        .put("max_distance_km", pick(DISTANCES, DISTANCE_WEIGHTS, random))
        .put("intent", intent(person.age(), random))
        .put("bio", bio(city, job, chosen, random))
        .put("job", job)
        .put("education", random.nextInt(100) < 65 ? EDUCATION.get(random.nextInt(EDUCATION.size())) : null)
        .put("height_cm", height(gender, random))
        .put("languages", languages(city, random))
        .put("visibility", visibility(random))
        .put("last_active_day", today.minusDays(inactiveDays))
        .put("cell_lat", cell.centreLatitude())
        .put("cell_lon", cell.centreLongitude())
        .put("updated_at", person.updatedAt());
    batch.profile.end();
    for (int index : chosen) {
      batch.interests.add().put("account_id", person.id()).put("interest_id", interests.get(index).id());
      batch.interests.end();
    }
    int answered = pick(new int[] {0, 1, 2, 3}, new int[] {15, 25, 30, 30}, random);
    int[] promptIndexes = distinct(answered, prompts.size(), random);
    for (int position = 1; position <= answered; position++) {
      Prompt prompt = prompts.get(promptIndexes[position - 1]);
      List<String> answers = ANSWERS.getOrDefault(prompt.slug(), ANY_ANSWER);
      batch.prompts.add()
          .put("account_id", person.id())
          .put("position", position)
          .put("prompt_id", prompt.id())
          .put("answer", answers.get(random.nextInt(answers.size())));
      batch.prompts.end();
    }
    long sinceJoined = Duration.between(person.createdAt(), users.now()).toMillis();
    for (int position = 0; position < photos; position++) {
      var uploaded = person.createdAt().plusMillis(random.nextLong(sinceJoined + 1));
      batch.photos.add()
          .put("id", SyntheticUsers.uuid(random))
          .put("account_id", person.id())
          .put("position", position)
          .put("status", "READY")
          .put("content_hash", PHOTO_HASH)
          .put("width", 3024)
          .put("height", 4032)
          .put("sizes", PHOTO_SIZES)
          .put("created_at", uploaded)
          .put("updated_at", uploaded);
      batch.photos.end();
    }
  }

  /** A Gaussian offset from the centre (wider for the suburbs), snapped to its grid cell. */
  static LocationGrid.Cell position(City city, SplittableRandom random) {
    double sigma = city.coreSigmaKm() * (random.nextDouble() < Cities.SUBURBS ? Cities.SUBURB_FACTOR : 1.0);
    double northKm = gaussian(random) * sigma;
    double eastKm = gaussian(random) * sigma;
    double kmPerDegree = Math.toRadians(LocationGrid.EARTH_RADIUS_KM);
    double latitude = city.latitude() + northKm / kmPerDegree;
    double longitude = city.longitude() + eastKm / (kmPerDegree * Math.cos(Math.toRadians(latitude)));
    return LocationGrid.cellOf(latitude, longitude);
  }

  /** Most want the other binary gender; about 8% the same one, about 5% everyone. */
  private static String wantedGenders(String gender, SplittableRandom random) {
    int share = random.nextInt(100);
    if (gender.equals(SyntheticUsers.NON_BINARY)) {
      return share < 35 ? "{man,non-binary,other,woman}"
          : share < 55 ? "{non-binary,woman}"
          : share < 75 ? "{man,non-binary}"
          : share < 88 ? "{woman}" : "{man}";
    }
    if (share < 5) {
      return "{man,non-binary,other,woman}";
    }
    boolean same = share < 13;
    boolean man = gender.equals(SyntheticUsers.MAN);
    return man == same ? "{man}" : "{woman}";
  }

  /** Around their own age: men about −5, women about −3, with a little spread; within 18..99. */
  private static int ageMin(int age, String gender, SplittableRandom random) {
    int below = gender.equals(SyntheticUsers.WOMAN) ? 3 : 5;
    return clamp(age - below + random.nextInt(-2, 3), 18, age);
  }

  /** Men about +8, women about +10; never below the own age, at most 99. */
  private static int ageMax(int age, String gender, SplittableRandom random) {
    int above = gender.equals(SyntheticUsers.WOMAN) ? 10 : 8;
    return clamp(age + above + random.nextInt(-2, 3), Math.max(age, 18), 99);
  }

  /** Younger people are a little more open to short term; older a little more to long term. */
  private static String intent(int age, SplittableRandom random) {
    int[] shares = INTENT_SHARES.clone();
    if (age < 26) {
      shares[3] += 6;
      shares[5] += 6;
    } else if (age > 35) {
      shares[0] += 10;
      shares[4] += 3;
    }
    return pick(INTENTS, shares, random).name();
  }

  private static Integer height(String gender, SplittableRandom random) {
    if (random.nextInt(100) < 10) {
      return null;
    }
    double mean = gender.equals(SyntheticUsers.MAN) ? 179 : gender.equals(SyntheticUsers.WOMAN) ? 166 : 172;
    double sd = gender.equals(SyntheticUsers.MAN) ? 7 : 6.5;
    return clamp((int) Math.round(mean + gaussian(random) * sd), 145, 215);
  }

  /** The city's languages (most speak the main one), English for most, sometimes one more. */
  private static String languages(City city, SplittableRandom random) {
    StringBuilder codes = new StringBuilder("{").append(city.languages().get(0));
    for (String other : city.languages().subList(1, city.languages().size())) {
      if (random.nextInt(100) < 40) {
        codes.append(',').append(other);
      }
    }
    if (!city.languages().contains("en") && random.nextInt(100) < 75) {
      codes.append(",en");
    }
    if (random.nextInt(100) < 25) {
      String extra = SECOND_LANGUAGES.get(random.nextInt(SECOND_LANGUAGES.size()));
      if (!city.languages().contains(extra)) {
        codes.append(',').append(extra);
      }
    }
    return codes.append('}').toString();
  }

  /** About 85% discoverable, 10% paused, 5% hidden. */
  private static String visibility(SplittableRandom random) {
    int share = random.nextInt(100);
    return (share < 85 ? Profile.Visibility.DISCOVERABLE : share < 95 ? Profile.Visibility.PAUSED : Profile.Visibility.HIDDEN).name();
  }

  private String bio(City city, String job, int[] chosen, SplittableRandom random) {
    String first = label(chosen[0]);
    String second = label(chosen[1]);
    String third = label(chosen[2]);
    return switch (random.nextInt(7)) {
      case 0 -> null;
      case 1 -> (job == null ? "Dreamer" : job) + " by day, " + first + " enthusiast by night.";
      case 2 -> "Happiest with " + first + ", " + second + " and good company.";
      case 3 -> city.name() + "-based. Into " + first + " and " + second + ". Say hi!";
      case 4 -> "Probably thinking about " + first + " right now.";
      case 5 -> "New in " + city.name() + ". Who shows me around? Bonus points for " + first + ".";
      default -> "Ask me about " + first + ", " + second + " or " + third + ".";
    };
  }

  private String label(int index) {
    return interests.get(index).label().toLowerCase(Locale.ROOT);
  }

  /** 3–8 distinct interests, drawn by the weights of the person's age. */
  private int[] interests(int age, SplittableRandom random) {
    int count = 3 + Math.min(random.nextInt(6), random.nextInt(6));
    double[] cumulative = interestCumulative[clamp(age, 18, OLDEST_LISTED)];
    double total = cumulative[cumulative.length - 1];
    int[] chosen = new int[count];
    int found = 0;
    while (found < count) {
      int index = search(cumulative, random.nextDouble() * total);
      boolean repeated = false;
      for (int i = 0; i < found; i++) {
        repeated |= chosen[i] == index;
      }
      if (!repeated) {
        chosen[found++] = index;
      }
    }
    return chosen;
  }

  private static int[] distinct(int count, int of, SplittableRandom random) {
    int[] all = new int[of];
    for (int i = 0; i < of; i++) {
      all[i] = i;
    }
    for (int i = 0; i < count; i++) {
      int j = random.nextInt(i, of);
      int swap = all[i];
      all[i] = all[j];
      all[j] = swap;
    }
    return java.util.Arrays.copyOf(all, count);
  }

  private static int search(double[] cumulative, double value) {
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (cumulative[middle] <= value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private static <T> T pick(List<T> items, double[] cumulative, SplittableRandom random) {
    return items.get(search(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]));
  }

  private static int pick(int[] values, int[] weights, SplittableRandom random) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int draw = random.nextInt(total);
    for (int i = 0; i < values.length; i++) {
      draw -= weights[i];
      if (draw < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  private static <T> T pick(T[] values, int[] weights, SplittableRandom random) {
    int[] indexes = new int[values.length];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = i;
    }
    return values[pick(indexes, weights, random)];
  }

  /** A standard normal draw (Box–Muller; one of the pair is dropped to keep it stateless). */
  private static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }
}
