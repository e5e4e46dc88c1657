package org.compassioncourse.quiz;

import java.util.List;

/**
 * What a learner is shown about one answered question once feedback is allowed: the score, the key, why each
 * choice is right or wrong, where the course teaches it and the work it rests on.
 *
 * @param sectionTitle where the course teaches it, with its lesson ("Lesson 3, In practice")
 */
public record QuestionFeedback(String questionId, double score, boolean correct, String key, List<Line> lines,
                               String lessonId, String sectionId, String sectionTitle, String citation) {

    /**
     * Feedback on one part of the answer (an option, pair, item or region).
     *
     * @param note in words what the symbol shows, e.g. "a right answer, your choice" or "you placed this differently"
     * @param right whether the learner got this part right (chose an option of the key or left out one that is not;
     *              placed a pair, item or step where it belongs; clicked the region asked for)
     * @param chosen whether this part is what the learner chose (an option, True/False, the region clicked); false for
     *               placements, which are judged rather than chosen
     */
    public record Line(String part, String note, boolean right, String text, boolean chosen) {

        /** A placement (pair, item, step) or a note about the answer: nothing chosen on this line. */
        public Line(String part, String note, boolean right, String text) {
            this(part, note, right, text, false);
        }
    }
}
