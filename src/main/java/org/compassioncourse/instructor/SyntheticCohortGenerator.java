package org.compassioncourse.instructor;

import org.compassioncourse.account.DemoAccountsCreated;
import org.compassioncourse.security.Role;
import org.compassioncourse.security.SignedInUser;
import org.compassioncourse.account.SyntheticAccounts;
import org.compassioncourse.cohort.SyntheticCohorts;
import org.compassioncourse.completion.RecordedCompletions;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.SyntheticProgress;
import org.compassioncourse.progress.SyntheticProgress.LessonRead;
import org.compassioncourse.progress.SyntheticProgress.SectionRead;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.CountedResults;
import org.compassioncourse.quiz.SyntheticAttempts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Makes synthetic cohorts for demos and benchmarks: invented learners with plausible reading progress and
 * pre-test/final attempts. Clearly apart from real data: the cohort name starts with "[Synthetic]", every
 * learner's email ends in "@synthetic.invalid", and nobody can log in as them (random unknown password).
 * Never available in the prod profile. It decides what to simulate; each module writes its own rows (account, cohort,
 * progress and quiz each have a {@code Synthetic…} bulk writer). On a fresh database the demo instructor gets one, so the reports have
 * something to show at once; instructors can add more from their page (outside prod).
 */
@Component
@Profile("!prod")
public class SyntheticCohortGenerator {

    public static final String NAME_PREFIX = "[Synthetic] ";
    public static final String EMAIL_DOMAIN = "@synthetic.invalid";
    /**
     * Synthetic cohorts' codes are lower case: typed or linked codes are read in upper case, so no real learner can
     * ever join one and mix into invented data.
     */
    public static final String CODE_PREFIX = "syn-";
    /** The most learners one request from the instructor's page may add (the benchmark makes larger ones directly). */
    public static final int MAX_FROM_PAGE = 5000;
    static final int DEMO_LEARNERS = 150;

    private static final Logger log = LoggerFactory.getLogger(SyntheticCohortGenerator.class);

    private final Course course;
    private final SignedInUser signedInUser;
    private final SyntheticAccounts accounts;
    private final SyntheticCohorts cohorts;
    private final SyntheticProgress progress;
    private final SyntheticAttempts attempts;
    private final CountedResults countedResults;
    private final RecordedCompletions completions;

    SyntheticCohortGenerator(Course course, SignedInUser signedInUser, SyntheticAccounts accounts, SyntheticCohorts cohorts,
                             SyntheticProgress progress, SyntheticAttempts attempts, CountedResults countedResults,
                             RecordedCompletions completions) {
        this.course = course;
        this.signedInUser = signedInUser;
        this.accounts = accounts;
        this.cohorts = cohorts;
        this.progress = progress;
        this.attempts = attempts;
        this.countedResults = countedResults;
        this.completions = completions;
    }

    /** Whether a cohort with this join code was made by the generator (and so cannot be joined). */
    public static boolean isSynthetic(String joinCode) {
        return joinCode.startsWith(CODE_PREFIX);
    }

    /** A synthetic cohort for the signed-in instructor, to try the reports on; returns its id. */
    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public long generateForMe(int learners) {
        if (learners < 1 || learners > MAX_FROM_PAGE) {
            throw new IllegalArgumentException("Choose between 1 and " + MAX_FROM_PAGE + " synthetic learners.");
        }
        return generate(signedInUser.require().accountId(), learners, System.nanoTime());
    }

    @EventListener
    @Transactional
    public void giveDemoInstructorACohort(DemoAccountsCreated created) {
        generate(created.instructorId(), DEMO_LEARNERS, 2024);
        log.info("Gave the demo instructor a synthetic cohort of {} learners", DEMO_LEARNERS);
    }

    /** Creates a cohort owned by the instructor with the given number of synthetic learners; returns its id. */
    @Transactional
    public long generate(long instructorId, int learners, long seed) {
        Random random = new Random(seed);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String code = CODE_PREFIX + UUID.randomUUID().toString().substring(0, 8);
        long cohortId = cohorts.create(instructorId, NAME_PREFIX + learners + " learners", code, now);

        Map<String, List<Question>> slots = new TreeMap<>();
        course.questions().stream().filter(q -> q.use() == Question.Use.ASSESSMENT)
                .forEach(q -> slots.computeIfAbsent(q.blueprint(), k -> new ArrayList<>()).add(q));
        String batch = Long.toString(seed, 36) + "-" + UUID.randomUUID().toString().substring(0, 8);
        // numbers padded to one width ("007" of 150), so a name-sorted list reads 1, 2, 3 rather than 1, 10, 100
        String numbered = "Synthetic learner %0" + String.valueOf(learners).length() + "d";
        List<SyntheticAccounts.NewAccount> invented = new ArrayList<>(learners);
        for (int i = 0; i < learners; i++) {
            invented.add(new SyntheticAccounts.NewAccount("learner-" + batch + "-" + i + EMAIL_DOMAIN,
                    String.format(java.util.Locale.ROOT, numbered, i + 1), Role.LEARNER));
        }
        // a random password nobody knows: no one can log in as an invented learner
        List<Long> userIds = accounts.create(invented, UUID.randomUUID().toString(), now);
        cohorts.addMembers(cohortId, userIds, now);
        for (long userId : userIds) {
            double ability = random.nextGaussian();
            // a cohort some weeks in: about two in five have read every lesson (so the final's reports have data), the
            // rest are spread along the course
            int lessonsRead = random.nextDouble() < 0.4 ? course.lessons().size() : random.nextInt(course.lessons().size());
            List<LessonRead> lessons = new ArrayList<>();
            List<SectionRead> sections = new ArrayList<>();
            // lessons are read in order, each opened up to two days after the one before, all before now: the lesson
            // opened last is the one a learner is on, as for real learners
            Instant next = now.minus(lessonsRead * 3L * 24 + random.nextInt(10 * 24), ChronoUnit.HOURS);
            Instant preTestAt = next.minus(1 + random.nextInt(48), ChronoUnit.HOURS); // before lesson 1, as the course page offers it
            for (int l = 0; l < lessonsRead; l++) {
                Lesson lesson = course.lessons().get(l);
                // every lesson before the last one read is finished; the last one is finished or part-read
                boolean finished = l < lessonsRead - 1 || random.nextDouble() < 0.8;
                int reached = finished ? lesson.sections().size() : 1 + random.nextInt(lesson.sections().size());
                Instant opened = next;
                Instant at = opened;
                for (int k = 0; k < reached; k++) {
                    at = opened.plus(k * (2 + random.nextInt(6)), ChronoUnit.MINUTES);
                    sections.add(new SectionRead(userId, lesson.id(), lesson.sections().get(k).id(), at));
                }
                lessons.add(new LessonRead(userId, lesson.id(), lesson.sections().get(reached - 1).id(), opened, at,
                        finished ? at.plus(1, ChronoUnit.MINUTES) : null));
                next = at.plus(1 + random.nextInt(48), ChronoUnit.HOURS);
            }
            progress.write(lessons, sections);
            attempt(userId, QuizSettings.Kind.PRE_TEST, null, draw(slots, random), ability - 0.8, random, preTestAt);
            // the knowledge check of each lesson finished, as the course offers it (every check question of the lesson)
            for (LessonRead lesson : lessons) {
                if (lesson.completedAt() != null) {
                    String lessonId = lesson.lessonId();
                    List<String> checks = course.questions().stream()
                            .filter(q -> q.use() == Question.Use.KNOWLEDGE_CHECK && q.lessonId().equals(lessonId)).map(Question::id).toList();
                    if (!checks.isEmpty()) {
                        attempt(userId, QuizSettings.Kind.KNOWLEDGE_CHECK, lessonId, checks, ability, random, lesson.completedAt());
                    }
                }
            }
            // the final opens only once every lesson is completed (opensAfter: all-lessons), so only those learners take
            // it, after their last lesson; a retake waits out the cool-down and stays within the attempts allowed
            Instant lastLessonDone = lessonsRead == course.lessons().size() && lessons.stream().allMatch(l -> l.completedAt() != null)
                    ? lessons.getLast().completedAt() : null;
            if (lastLessonDone != null) {
                Instant firstTry = noLaterThan(lastLessonDone.plus(30 + random.nextInt(48 * 60), ChronoUnit.MINUTES), now.minus(6, ChronoUnit.HOURS));
                if (!firstTry.isAfter(lastLessonDone)) {
                    firstTry = lastLessonDone.plus(1, ChronoUnit.MINUTES);
                }
                double percent = attempt(userId, QuizSettings.Kind.FINAL_ASSESSMENT, null, draw(slots, random), ability + 0.6, random, firstTry);
                // some who failed try again (the course allows more than one attempt), so the counting rule matters
                QuizSettings finalRules = course.quiz(QuizSettings.Kind.FINAL_ASSESSMENT);
                if (percent < course.passMark() && random.nextBoolean() && (!finalRules.attemptsLimited() || finalRules.maxAttempts() > 1)) {
                    long coolDown = finalRules.cooldownMinutes();
                    attempt(userId, QuizSettings.Kind.FINAL_ASSESSMENT, null, draw(slots, random), ability + 0.8, random,
                            firstTry.plus(coolDown + 30 + random.nextInt(4 * 60), ChronoUnit.MINUTES));
                }
            }
        }
        // attempts written here directly get their counted result from the one rule, as submitted ones do
        countedResults.backfill();
        // and those who completed the course get their completion recorded by the one completion rule
        completions.recordMissing(cohortId);
        return cohortId;
    }

    /** The earlier of the two: a synthetic event never lies in the future. */
    private static Instant noLaterThan(Instant wanted, Instant noLaterThan) {
        return wanted.isAfter(noLaterThan) ? noLaterThan : wanted;
    }

    private static List<String> draw(Map<String, List<Question>> slots, Random random) {
        List<String> drawn = new ArrayList<>();
        slots.values().forEach(slot -> drawn.add(slot.get(random.nextInt(slot.size())).id()));
        return drawn;
    }

    /** A submitted attempt at the questions; returns its score. */
    private double attempt(long userId, QuizSettings.Kind kind, @Nullable String lessonId, List<String> drawn, double ability,
                           Random random, Instant at) {
        long seed = random.nextLong();
        List<SyntheticAttempts.Answered> answers = new ArrayList<>();
        for (String id : drawn) {
            Question question = course.question(id).orElseThrow();
            double difficulty = (Math.abs(id.hashCode()) % 100) / 50.0 - 1.0;
            boolean right = random.nextDouble() < 1 / (1 + Math.exp(-(ability - difficulty) * 1.7));
            Answer answer = answerFor(course, question, right, random);
            answers.add(new SyntheticAttempts.Answered(id, answer, at, 10_000 + random.nextInt(50_000)));
        }
        return attempts.submitted(userId, kind, lessonId, seed, at.minus(20, ChronoUnit.MINUTES), at, answers);
    }

    /**
     * A plausible answer to the question: the key when {@code right}, otherwise a typical mistake (a wrong option,
     * swapped pairs, one item in the wrong category, the order reversed, a neighbouring region).
     */
    static Answer answerFor(Course course, Question question, boolean right, Random random) {
        return switch (question.body()) {
            case Question.TrueFalse tf -> new Answer.TrueOrFalse(right == tf.answer());
            case Question.Choice choice -> {
                List<String> wrong = choice.options().stream().map(Question.Option::id).filter(o -> !choice.correct().contains(o)).toList();
                yield new Answer.Choices(right || wrong.isEmpty() ? Set.copyOf(choice.correct())
                        : Set.of(wrong.get(random.nextInt(wrong.size()))));
            }
            case Question.Matching matching -> {
                List<String> ids = matching.pairs().stream().map(Question.Pair::id).sorted().toList();
                Map<String, String> rightByLeft = new TreeMap<>();
                for (int i = 0; i < ids.size(); i++) {
                    rightByLeft.put(ids.get(i), right ? ids.get(i) : ids.get((i + 1) % ids.size()));
                }
                yield new Answer.Matches(rightByLeft);
            }
            case Question.Categorise categorise -> {
                Map<String, String> categoryByItem = new TreeMap<>();
                categorise.items().forEach(item -> categoryByItem.put(item.id(), item.category()));
                if (!right) {
                    Question.Item first = categorise.items().getFirst();
                    categorise.categories().stream().map(Question.Category::id).filter(c -> !c.equals(first.category()))
                            .findFirst().ifPresent(other -> categoryByItem.put(first.id(), other));
                }
                yield new Answer.Categories(categoryByItem);
            }
            case Question.Ordering ordering -> {
                List<String> ids = new ArrayList<>(ordering.items().stream().map(Question.Item::id).toList());
                if (!right) {
                    Collections.reverse(ids);
                }
                yield new Answer.Order(ids);
            }
            case Question.Hotspot hotspot -> {
                List<String> wrong = course.figures().stream().filter(f -> f.id().equals(hotspot.figureId()))
                        .flatMap(f -> f.regionIds().stream()).filter(r -> !r.equals(hotspot.answerRegion())).toList();
                yield new Answer.Region(right || wrong.isEmpty() ? hotspot.answerRegion() : wrong.get(random.nextInt(wrong.size())));
            }
        };
    }
}
