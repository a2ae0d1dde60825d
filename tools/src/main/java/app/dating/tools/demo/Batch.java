package app.dating.tools.demo;

import java.util.List;

/** The rows of one batch of users, table by table, in the order they must be copied (parents first). */
final class Batch {
  static final List<String> ACCOUNT =
      List.of("id", "email", "email_verified", "display_name", "birth_date", "password_hash", "status",
          "created_at", "updated_at");
  static final List<String> PROFILE =
      List.of("account_id", "gender", "wanted_genders", "age_min", "age_max", "max_distance_km", "intent",
          "bio", "job", "education", "height_cm", "languages", "visibility", "last_active_day", "cell_lat",
          "cell_lon", "updated_at");
  static final List<String> PROFILE_INTEREST = List.of("account_id", "interest_id");
  static final List<String> PROFILE_PROMPT = List.of("account_id", "position", "prompt_id", "answer");
  static final List<String> PHOTO =
      List.of("id", "account_id", "position", "status", "content_hash", "width", "height", "sizes",
          "created_at", "updated_at");

  final CopyTable account;
  final CopyTable profile;
  final CopyTable interests;
  final CopyTable prompts;
  final CopyTable photos;
  final int users;

  Batch(int users) {
    this.users = users;
    this.account = new CopyTable("account", ACCOUNT, users * 260);
    this.profile = new CopyTable("profile", PROFILE, users * 300);
    this.interests = new CopyTable("profile_interest", PROFILE_INTEREST, users * 6 * 42);
    this.prompts = new CopyTable("profile_prompt", PROFILE_PROMPT, users * 2 * 100);
    this.photos = new CopyTable("photo", PHOTO, 16);
  }

  List<CopyTable> tables() {
    return List.of(account, profile, interests, prompts, photos);
  }
}
