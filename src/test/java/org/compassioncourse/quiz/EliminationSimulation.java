package org.compassioncourse.quiz;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.Question;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Learners who know nothing answer at random, remember everything each result page shows them and use it, and retake
 * the final as often as allowed; on a course's real question bank, draw rule ({@link AssessmentDraw}), grading
 * ({@link Grading}) and result rule ({@link StudyAdvice}). Used by {@link EliminationSimulationTest} and the content lint.
 */
final class EliminationSimulation {

    static final int LEARNERS = 1000;

    private final Course course;

    EliminationSimulation(Course course) {
        this.course = course;
    }

    /** What a result page shows a learner whose key is still held back. */
    enum Disclosure { VERDICT_PER_QUESTION, ADVICE_PER_LESSON }

    /** How an attempt's questions are chosen. */
    enum DrawRule { AVOID_PRE_TEST_ONLY, LEAST_RECENTLY_SEEN }

    List<Question> pool() {
        return course.questions().stream().filter(q -> q.use() == Question.Use.ASSESSMENT).toList();
    }

    long slots() {
        return pool().stream().map(Question::blueprint).distinct().count();
    }

    double shareWhoPass(DrawRule rule, Disclosure disclosure, int finalAttempts, long seed) {
        Random random = new Random(seed);
        int passed = 0;
        for (int i = 0; i < LEARNERS; i++) {
            if (new Learner(random).passes(rule, disclosure, finalAttempts)) {
                passed++;
            }
        }
        return passed / (double) LEARNERS;
    }

    /** Knows nothing; guesses among the answers not yet ruled out, and repeats an answer it learned was right. */
    private final class Learner {
        private final Random random;
        private final Map<String, Answer> knownRight = new HashMap<>();
        private final Map<String, Set<Answer>> ruledOut = new HashMap<>();
        private final Map<String, Instant> lastSeen = new HashMap<>();
        private final Set<String> seenInPreTest = new HashSet<>();
        private Instant clock = Instant.EPOCH;

        Learner(Random random) {
            this.random = random;
        }

        boolean passes(DrawRule rule, Disclosure disclosure, int finalAttempts) {
            sit(rule, disclosure, true);
            for (int attempt = 0; attempt < finalAttempts; attempt++) {
                if (sit(rule, disclosure, false) >= course.passMark()) {
                    return true;
                }
            }
            return false;
        }

        /** One attempt: draw, answer, read the result page and remember what it shows. Returns the score. */
        private double sit(DrawRule rule, Disclosure disclosure, boolean preTest) {
            clock = clock.plusSeconds(3600);
            List<String> drawn = rule == DrawRule.LEAST_RECENTLY_SEEN ? AssessmentDraw.draw(pool(), lastSeen, random)
                    : drawAvoidingPreTest(preTest);
            Map<Question, Answer> given = new LinkedHashMap<>();
            Map<Question, Double> scores = new LinkedHashMap<>();
            for (String id : drawn) {
                Question question = course.question(id).orElseThrow();
                Answer answer = knownRight.containsKey(id) ? knownRight.get(id) : guess(question);
                given.put(question, answer);
                scores.put(question, Grading.grade(question, answer).score());
                lastSeen.put(id, clock);
                if (preTest) {
                    seenInPreTest.add(id);
                }
            }
            double total = scores.values().stream().mapToDouble(Double::doubleValue).sum();
            double percent = Math.round(total * 1000.0 / drawn.size()) / 10.0;
            if (disclosure == Disclosure.VERDICT_PER_QUESTION) {
                scores.forEach((question, score) -> learn(question, given.get(question), score >= 1.0));
            } else {
                learnFromAdvice(given, StudyAdvice.of(course, scores), total);
            }
            return percent;
        }

        /** The rule the course had before: fresh from the pre-test if possible, else any parallel question. */
        private List<String> drawAvoidingPreTest(boolean preTest) {
            Map<String, List<Question>> slots = new TreeMap<>();
            pool().forEach(q -> slots.computeIfAbsent(q.blueprint(), k -> new ArrayList<>()).add(q));
            List<String> drawn = new ArrayList<>();
            for (List<Question> slot : slots.values()) {
                List<Question> fresh = preTest ? slot : slot.stream().filter(q -> !seenInPreTest.contains(q.id())).toList();
                List<Question> from = fresh.isEmpty() ? slot : fresh;
                drawn.add(from.get(random.nextInt(from.size())).id());
            }
            Collections.shuffle(drawn, random);
            return drawn;
        }

        /**
         * Sound inferences from advice per lesson and the overall score: a score of 0 means every answer was wrong; a
         * secure lesson whose questions could not reach the pass mark with one answer wrong means all were right; a lesson
         * to revisit with one question means that answer was wrong.
         */
        private void learnFromAdvice(Map<Question, Answer> given, List<StudyAdvice.LessonAdvice> advice, double total) {
            if (total == 0) {
                given.forEach((question, answer) -> learn(question, answer, false));
                return;
            }
            for (StudyAdvice.LessonAdvice lesson : advice) {
                List<Question> inLesson = given.keySet().stream().filter(q -> q.lessonId().equals(lesson.lessonId())).toList();
                int n = inLesson.size();
                boolean oneWrongFails = (n - 1) * 100 < course.passMark() * n;
                if (lesson.secure() && oneWrongFails) {
                    inLesson.forEach(q -> learn(q, given.get(q), true));
                } else if (!lesson.secure() && n == 1) {
                    learn(inLesson.getFirst(), given.get(inLesson.getFirst()), false);
                }
            }
        }

        private void learn(Question question, Answer answer, boolean right) {
            if (right) {
                knownRight.put(question.id(), answer);
            } else {
                ruledOut.computeIfAbsent(question.id(), k -> new HashSet<>()).add(answer);
            }
        }

        private Answer guess(Question question) {
            Set<Answer> excluded = ruledOut.getOrDefault(question.id(), Set.of());
            List<Answer> small = smallAnswerSpace(question);
            if (small != null) {
                List<Answer> left = small.stream().filter(a -> !excluded.contains(a)).toList();
                return (left.isEmpty() ? small : left).get(random.nextInt((left.isEmpty() ? small : left).size()));
            }
            for (int tries = 0; tries < 100; tries++) {
                Answer answer = randomAnswer(question);
                if (!excluded.contains(answer)) {
                    return answer;
                }
            }
            return randomAnswer(question);
        }

        /** Every possible answer, where there are few (one option, true/false, a region); null otherwise. */
        private List<Answer> smallAnswerSpace(Question question) {
            return switch (question.body()) {
                case Question.Choice c when c.correct().size() == 1 && c.type() != org.compassioncourse.content.QuestionType.MULTIPLE_RESPONSE ->
                        c.options().stream().map(o -> (Answer) new Answer.Choices(Set.of(o.id()))).toList();
                case Question.TrueFalse t -> List.of(new Answer.TrueOrFalse(true), new Answer.TrueOrFalse(false));
                case Question.Hotspot h -> course.figures().stream().filter(f -> f.id().equals(h.figureId())).findFirst().orElseThrow()
                        .regionIds().stream().map(r -> (Answer) new Answer.Region(r)).toList();
                default -> null;
            };
        }

        private Answer randomAnswer(Question question) {
            return RandomAnswers.blind(question, random);
        }
    }
}
