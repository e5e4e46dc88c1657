package org.compassioncourse.quiz;

import org.compassioncourse.content.Question;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Which questions a pre-test or final attempt shows: one per blueprint slot. In each slot the learner gets a question
 * never shown to them in an earlier pre-test or final attempt; only when the slot is exhausted is one reused, the least
 * recently seen first. Ties are broken at random, and the drawn questions come in random order.
 */
final class AssessmentDraw {

    private AssessmentDraw() {
    }

    /**
     * @param pool     the assessment questions of the course
     * @param lastSeen for each question this learner has been shown in an assessment, when it was last shown
     */
    static List<String> draw(List<Question> pool, Map<String, Instant> lastSeen, Random random) {
        Map<String, List<Question>> slots = new TreeMap<>();
        pool.forEach(q -> slots.computeIfAbsent(q.blueprint(), k -> new ArrayList<>()).add(q));
        List<String> drawn = new ArrayList<>();
        for (List<Question> slot : slots.values()) {
            List<Question> candidates = new ArrayList<>(slot);
            // shuffle first, then a stable sort: questions seen equally long ago (or never) stay in random order
            Collections.shuffle(candidates, random);
            candidates.sort(Comparator.comparing((Question q) -> lastSeen.getOrDefault(q.id(), Instant.MIN)));
            drawn.add(candidates.getFirst().id());
        }
        Collections.shuffle(drawn, random);
        return drawn;
    }
}
