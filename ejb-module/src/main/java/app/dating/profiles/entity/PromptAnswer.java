package app.dating.profiles.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** The answer to one prompt of the catalogue; its position is the index in the profile's list. */
@Embeddable
public class PromptAnswer {
  @Column(name = "prompt_id", nullable = false)
  private int promptId;

  @Column(nullable = false, length = Profile.ANSWER_MAX)
  private String answer;

  protected PromptAnswer() {}

  public PromptAnswer(int promptId, String answer) {
    this.promptId = promptId;
    this.answer = Objects.requireNonNull(answer);
  }

  public int promptId() {
    return promptId;
  }

  public String answer() {
    return answer;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PromptAnswer other && promptId == other.promptId && answer.equals(other.answer);
  }

  @Override
  public int hashCode() {
    return Objects.hash(promptId, answer);
  }
}
