package org.compassioncourse.content;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads course.yaml: the course's identity, its quiz settings, its certificate block and its review settings. */
final class CourseFileReader {

    static final String FILE = "course.yaml";
    private static final Set<String> COURSE_KEYS = Set.of("id", "title", "summary", "audience", "ceHours", "passMark", "version", "quizzes", "certificate", "review", "validity");
    private static final Set<String> VALIDITY_KEYS = Set.of("validFor", "renewalWindow", "renewal");
    private static final Set<String> REVIEW_KEYS = Set.of("desiredRetention", "sessionSize");
    private static final Set<String> CERTIFICATE_KEYS = Set.of("provider", "accreditation", "contact");

    /** What course.yaml says, once every required field is there. */
    record CourseHeader(String id, String title, String summary, String audience, double ceHours,
                        int passMark, int version, Map<QuizSettings.Kind, QuizSettings> quizzes,
                        @Nullable CertificateSettings certificate, ReviewSettings review,
                        CompletionValidity validity) {
    }

    private CourseFileReader() {
    }

    /** The header, or null when course.yaml is unreadable or incomplete (the problems are reported). */
    static @Nullable CourseHeader read(ContentFiles files) {
        YamlDocument yaml = new YamlDocument(FILE, 0, files.problems());
        Optional<YamlDocument.Mapping> map = files.read(FILE).flatMap(yaml::parse).flatMap(root -> yaml.mapping(root, FILE));
        if (map.isEmpty()) {
            return null;
        }
        YamlDocument.Mapping course = map.get().allowOnly(COURSE_KEYS);
        String id = course.id();
        String title = course.string("title", true);
        String summary = course.string("summary", true);
        String audience = course.string("audience", true);
        Double ceHours = course.number("ceHours", 0, 100);
        Integer passMark = course.has("passMark") ? course.integer("passMark", 1, 100) : Integer.valueOf(80);
        Integer version = course.integer("version", 1, Integer.MAX_VALUE);
        Map<QuizSettings.Kind, QuizSettings> quizzes = readQuizSettings(course);
        CertificateSettings certificate = null;
        if (course.has("certificate")) {
            YamlDocument.Mapping block = course.mapping("certificate", true);
            if (block == null) {
                return null;
            }
            block.allowOnly(CERTIFICATE_KEYS);
            // every field is required: a CE certificate with a blank accreditation line would claim what nobody granted
            String provider = block.string("provider", true);
            String accreditation = block.string("accreditation", true);
            String contact = block.string("contact", true);
            if (provider == null || accreditation == null || contact == null) {
                return null;
            }
            certificate = new CertificateSettings(provider, accreditation, contact);
        }
        if (id == null || title == null || summary == null || audience == null || ceHours == null || passMark == null || version == null) {
            return null;
        }
        CompletionValidity validity = readValidity(course);
        if (validity == null) {
            return null;
        }
        return new CourseHeader(id, title, summary, audience, ceHours, passMark, version, quizzes, certificate,
                readReviewSettings(course), validity);
    }

    /**
     * 'validity: { validFor: P2Y, renewalWindow: P60D, renewal: final }': how long a completion stays valid, when renewal
     * opens and what it asks; absent, completions never expire. Null (with the problem reported) when it is wrong.
     */
    private static @Nullable CompletionValidity readValidity(YamlDocument.Mapping course) {
        if (!course.has("validity")) {
            return CompletionValidity.FOREVER;
        }
        YamlDocument.Mapping block = course.mapping("validity", true);
        if (block == null) {
            return null;
        }
        block.allowOnly(VALIDITY_KEYS);
        if (!block.has("validFor")) {
            block.problemAt("validity", "validity needs validFor, an ISO-8601 period such as P2Y (leave the block out if completions never expire)");
            return null;
        }
        Period validFor = period(block, "validFor");
        Period window = block.has("renewalWindow") ? period(block, "renewalWindow") : CompletionValidity.DEFAULT_RENEWAL_WINDOW;
        CompletionValidity.Renewal renewal = block.has("renewal")
                ? block.oneOf("renewal", CompletionValidity.Renewal.values(), CompletionValidity.Renewal::yamlName)
                : CompletionValidity.Renewal.FINAL;
        if (validFor == null || window == null || renewal == null) {
            return null;
        }
        // compared on a fixed day: a window as long as the validity would open renewal on the day of completion
        LocalDate day = LocalDate.of(2000, 1, 1);
        if (!day.plus(window).isBefore(day.plus(validFor))) {
            block.problemAt("renewalWindow", "renewalWindow (" + window + ") must be shorter than validFor (" + validFor + ")");
            return null;
        }
        return new CompletionValidity(validFor, window, renewal);
    }

    /** A positive ISO-8601 period (P2Y, P18M, P60D, P1Y6M), or null with the problem reported at its line. */
    private static @Nullable Period period(YamlDocument.Mapping block, String key) {
        String text = block.string(key, true);
        if (text == null) {
            return null;
        }
        try {
            Period period = Period.parse(text.strip());
            if (period.isNegative() || period.isZero()) {
                block.problemAt(key, key + " must be longer than zero, e.g. P2Y or P60D; was " + text);
                return null;
            }
            return period;
        } catch (DateTimeParseException notAPeriod) {
            block.problemAt(key, key + " must be an ISO-8601 period such as P2Y (two years), P18M or P60D; was '" + text + "'");
            return null;
        }
    }

    /** 'review: { desiredRetention: 0.9, sessionSize: 10 }', each optional; problems name file and line. */
    private static ReviewSettings readReviewSettings(YamlDocument.Mapping course) {
        YamlDocument.Mapping block = course.has("review") ? course.mapping("review", true) : null;
        if (block == null) {
            return ReviewSettings.DEFAULTS;
        }
        block.allowOnly(REVIEW_KEYS);
        // below 0.7 cards fall due so late that most are forgotten; above 0.97 reviews pile up daily
        Double retention = block.has("desiredRetention") ? block.number("desiredRetention", 0.7, 0.97) : null;
        Integer size = block.has("sessionSize") ? block.integer("sessionSize", 1, 100) : null;
        return new ReviewSettings(retention != null ? retention : ReviewSettings.DEFAULTS.desiredRetention(),
                size != null ? size : ReviewSettings.DEFAULTS.sessionSize());
    }

    private static Map<QuizSettings.Kind, QuizSettings> readQuizSettings(YamlDocument.Mapping course) {
        Map<QuizSettings.Kind, QuizSettings> result = new EnumMap<>(QuizSettings.Kind.class);
        YamlDocument.Mapping quizzes = course.has("quizzes") ? course.mapping("quizzes", true) : null;
        if (quizzes == null) {
            return result;
        }
        Set<String> kinds = new HashSet<>();
        for (QuizSettings.Kind kind : QuizSettings.Kind.values()) {
            kinds.add(kind.yamlName());
        }
        quizzes.allowOnly(kinds);
        for (QuizSettings.Kind kind : QuizSettings.Kind.values()) {
            YamlDocument.Mapping settings = quizzes.has(kind.yamlName()) ? quizzes.mapping(kind.yamlName(), true) : null;
            if (settings == null) {
                continue;
            }
            boolean isFinal = kind == QuizSettings.Kind.FINAL_ASSESSMENT;
            // attempt limits and opening rules make sense only for the graded final assessment
            settings.allowOnly(isFinal ? Set.of("counts", "feedback", "cooldownMinutes", "maxAttempts", "opensAfter")
                    : Set.of("counts", "feedback", "cooldownMinutes"));
            QuizSettings defaults = kind.defaults();
            QuizSettings.CountingRule counts = settings.has("counts")
                    ? settings.oneOf("counts", QuizSettings.CountingRule.values(), QuizSettings.CountingRule::yamlName)
                    : defaults.counts();
            QuizSettings.FeedbackTiming feedback = settings.has("feedback")
                    ? settings.oneOf("feedback", QuizSettings.FeedbackTiming.values(), QuizSettings.FeedbackTiming::yamlName)
                    : defaults.feedback();
            Integer cooldown = settings.has("cooldownMinutes") ? settings.integer("cooldownMinutes", 0, 60 * 24 * 365)
                    : Integer.valueOf(defaults.cooldownMinutes());
            Integer maxAttempts = isFinal && settings.has("maxAttempts") ? settings.integer("maxAttempts", 1, 100)
                    : Integer.valueOf(defaults.maxAttempts());
            QuizSettings.OpensAfter opensAfter = isFinal && settings.has("opensAfter")
                    ? settings.oneOf("opensAfter", new QuizSettings.OpensAfter[] {QuizSettings.OpensAfter.ALL_LESSONS,
                    QuizSettings.OpensAfter.PRE_TEST}, QuizSettings.OpensAfter::yamlName)
                    : defaults.opensAfter();
            if (counts != null && feedback != null && cooldown != null && maxAttempts != null && opensAfter != null) {
                result.put(kind, new QuizSettings(counts, feedback, cooldown, maxAttempts, opensAfter));
            }
        }
        return result;
    }
}
