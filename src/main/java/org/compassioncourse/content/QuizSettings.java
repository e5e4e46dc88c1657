package org.compassioncourse.content;

/**
 * How one kind of quiz behaves, as set in course.yaml under 'quizzes'.
 *
 * @param maxAttempts how many attempts a learner may start (final assessment only); 0 = unlimited
 * @param opensAfter  what a learner must have done before the quiz opens (final assessment only)
 */
public record QuizSettings(CountingRule counts, FeedbackTiming feedback, int cooldownMinutes, int maxAttempts,
                           OpensAfter opensAfter) {

    public QuizSettings(CountingRule counts, FeedbackTiming feedback, int cooldownMinutes) {
        this(counts, feedback, cooldownMinutes, 0, OpensAfter.ANYTIME);
    }

    public boolean attemptsLimited() {
        return maxAttempts > 0;
    }

    /** When a quiz opens. */
    public enum OpensAfter {
        /** Once every lesson is completed (the final assessment's default). */
        ALL_LESSONS("all-lessons"),
        /** Once the pre-test is taken: a learner who knows the subject may test out without reading. */
        PRE_TEST("pre-test"),
        /** No condition (knowledge checks, the pre-test). */
        ANYTIME("anytime");

        private final String yamlName;

        OpensAfter(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    /** Which attempt counts when a learner has several. */
    public enum CountingRule {
        HIGHEST("highest"), FIRST("first"), LAST("last");

        private final String yamlName;

        CountingRule(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    /** When the key and the feedback are shown. */
    public enum FeedbackTiming {
        AFTER_EACH_ANSWER("after-each-answer"), AFTER_SUBMISSION("after-submission"),
        /** Once the learner has passed the final assessment; until then only right or wrong, per question. */
        AFTER_PASSING("after-passing"), NEVER("never");

        private final String yamlName;

        FeedbackTiming(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    /** The kinds of quiz and their settings when course.yaml says nothing. */
    public enum Kind {
        KNOWLEDGE_CHECK("knowledge-check", new QuizSettings(CountingRule.HIGHEST, FeedbackTiming.AFTER_EACH_ANSWER, 0)),
        PRE_TEST("pre-test", new QuizSettings(CountingRule.FIRST, FeedbackTiming.AFTER_SUBMISSION, 0)),
        FINAL_ASSESSMENT("final-assessment", new QuizSettings(CountingRule.HIGHEST, FeedbackTiming.AFTER_SUBMISSION, 60, 0,
                OpensAfter.ALL_LESSONS));

        private final String yamlName;
        private final QuizSettings defaults;

        Kind(String yamlName, QuizSettings defaults) {
            this.yamlName = yamlName;
            this.defaults = defaults;
        }

        public String yamlName() {
            return yamlName;
        }

        public QuizSettings defaults() {
            return defaults;
        }
    }
}
