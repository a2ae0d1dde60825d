package app.dating.profiles.boundary;

import app.dating.profiles.entity.Prompt;

/** A prompt question of the catalogue; profiles answer it by id. */
public record PromptView(int id, String slug, String text) {

  static PromptView of(Prompt prompt) {
    return new PromptView(prompt.id(), prompt.slug(), prompt.text());
  }
}
