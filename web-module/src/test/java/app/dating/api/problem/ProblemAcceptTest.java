package app.dating.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemAcceptTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "application/problem+json, true",
        "'application/problem+json;q=0.9', true",
        "'application/json, application/problem+json', false",
        "'image/jpeg, application/problem+json', false",
        "*/*, false",
        "null, false",
        "'', false"
      })
  void onlyAClientThatAcceptsNothingButProblemsIsGivenJsonToo(String accept, boolean only) {
    assertEquals(only, ProblemAccept.acceptsOnlyProblems(accept));
  }
}
