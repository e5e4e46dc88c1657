package org.compassioncourse.quiz;

import org.compassioncourse.content.Question;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The draw for the pre-test and the final: one question per slot, the learner's unseen ones first. */
class AssessmentDrawTest {

    private static Question question(String id, String slot) {
        return new Question(id, "lesson", "section", 1, null, Question.Use.ASSESSMENT, slot, false, "Stem " + id, null,
                new Question.TrueFalse(true, "yes", "no"), "quizzes/x.yaml", 1);
    }

    private static final List<Question> POOL = List.of(
            question("a1", "a"), question("a2", "a"), question("a3", "a"), question("a4", "a"),
            question("b1", "b"), question("b2", "b"), question("b3", "b"), question("b4", "b"));

    @Test
    void everyAttemptDrawsOneQuestionPerSlot() {
        List<String> drawn = AssessmentDraw.draw(POOL, Map.of(), new Random(1));
        assertThat(drawn).hasSize(2);
        assertThat(drawn).anyMatch(id -> id.startsWith("a")).anyMatch(id -> id.startsWith("b"));
    }

    @Test
    void aLearnerSeesEveryQuestionOfASlotBeforeAnyComesBack() {
        Map<String, Instant> lastSeen = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Random random = new Random(7);
        for (int attempt = 1; attempt <= 4; attempt++) {
            for (String id : AssessmentDraw.draw(POOL, lastSeen, random)) {
                assertThat(seen.add(id)).as("attempt " + attempt + " repeats " + id).isTrue();
                lastSeen.put(id, Instant.ofEpochSecond(attempt));
            }
        }
        assertThat(seen).hasSize(8);
    }

    @Test
    void onceASlotIsExhaustedTheLeastRecentlySeenQuestionComesBackFirst() {
        Map<String, Instant> lastSeen = new HashMap<>(Map.of(
                "a1", Instant.ofEpochSecond(30), "a2", Instant.ofEpochSecond(10), "a3", Instant.ofEpochSecond(40), "a4", Instant.ofEpochSecond(20),
                "b1", Instant.ofEpochSecond(5), "b2", Instant.ofEpochSecond(50), "b3", Instant.ofEpochSecond(60), "b4", Instant.ofEpochSecond(70)));
        for (long seed = 0; seed < 20; seed++) {
            assertThat(AssessmentDraw.draw(POOL, lastSeen, new Random(seed))).containsExactlyInAnyOrder("a2", "b1");
        }
    }

    @Test
    void amongUnseenQuestionsTheChoiceIsRandom() {
        Set<String> firstSlotChoices = new HashSet<>();
        Random random = new Random(3);
        for (int attempt = 0; attempt < 200; attempt++) {
            AssessmentDraw.draw(POOL, Map.of("a1", Instant.EPOCH), random).stream()
                    .filter(id -> id.startsWith("a")).forEach(firstSlotChoices::add);
        }
        assertThat(firstSlotChoices).containsExactlyInAnyOrder("a2", "a3", "a4");
    }
}
