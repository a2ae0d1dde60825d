package app.dating.profiles.boundary;

import app.dating.profiles.entity.Profile;
import app.dating.profiles.entity.PromptAnswer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The owner's answer to a prompt of the catalogue (plain text, line breaks allowed). */
public record ProfilePrompt(
    @NotNull Integer promptId, @NotBlank @Size(max = Profile.ANSWER_MAX) String answer) {

  static ProfilePrompt of(PromptAnswer answer) {
    return new ProfilePrompt(answer.promptId(), answer.answer());
  }
}
