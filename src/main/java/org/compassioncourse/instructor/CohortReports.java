package org.compassioncourse.instructor;

import org.compassioncourse.account.AccountNames;
import org.compassioncourse.base.Percent;
import org.compassioncourse.base.LearnerSet;
import org.compassioncourse.cohort.CohortMembers;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.cohort.LearnerInMyCohort;
import org.compassioncourse.completion.CompletionFigures;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.progress.ReadingFigures;
import org.compassioncourse.quiz.LearningGain;
import org.compassioncourse.quiz.ResultFigures;
import org.compassioncourse.training.TrainingStanding;
import org.compassioncourse.training.TrainingStatus;
import org.compassioncourse.training.TrainingStatuses;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.text.Collator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The instructor's view of one of their cohorts: a page of learners at a time, filtered and sorted, plus summary
 * figures. Each module answers for the whole cohort from its own tables in one statement (the cohort its members, the
 * account module their names, progress their reading, quiz their counted results, completion their certificates), and
 * this puts the answers together. Only the instructor who owns the cohort gets in.
 */
@Service
@PreAuthorize("hasRole('INSTRUCTOR')")
public class CohortReports {

    /** Days without any activity after which a learner who has not finished counts as stuck. */
    public static final int STUCK_AFTER_DAYS = 14;

    /** Columns the grid may sort by. */
    public enum SortColumn {
        NAME, PERCENT, LAST_ACTIVE, PRE_TEST, FINAL
    }

    /** Names in the order a person expects (not by character code: "adam" before "Zoe", "Élodie" among the Es). */
    private static final Comparator<Object> NAMES = Collator.getInstance(Locale.ROOT);

    private final CohortService cohortService;
    private final CohortMembers members;
    private final AccountNames names;
    private final ReadingFigures reading;
    private final ResultFigures results;
    private final CompletionFigures completions;
    private final TrainingStatuses training;
    private final Course course;
    private final Clock clock;

    CohortReports(CohortService cohortService, CohortMembers members, AccountNames names, ReadingFigures reading,
                  ResultFigures results, CompletionFigures completions, TrainingStatuses training, Course course, Clock clock) {
        this.cohortService = cohortService;
        this.members = members;
        this.names = names;
        this.reading = reading;
        this.results = results;
        this.completions = completions;
        this.training = training;
        this.course = course;
        this.clock = clock;
    }

    /**
     * What the filters, sorts and summary need of one learner, put together from what each module answers for the whole
     * cohort at once (reading from progress, scores and the final's verdict from quiz).
     */
    private record Figures(long userId, int lessonsCompleted, @Nullable Instant lastActive, @Nullable Double preTest,
                           @Nullable Double finalScore, @Nullable Boolean finalPassed, @Nullable String currentLessonId) {
    }

    /** One page of the cohort's learners. */
    @Transactional(readOnly = true)
    public List<LearnerRow> learners(long cohortId, LearnerStatus status, SortColumn sort, boolean ascending, int offset, int limit) {
        return learners(cohortId, status, null, sort, ascending, offset, limit);
    }

    /** One page of the cohort's learners whose activity matches {@code status} and, if given, whose training status is {@code trainingStatus}. */
    @Transactional(readOnly = true)
    public List<LearnerRow> learners(long cohortId, LearnerStatus status, @Nullable TrainingStatus trainingStatus, SortColumn sort,
                                     boolean ascending, int offset, int limit) {
        cohortService.requireOwnCohort(cohortId);
        Map<Long, AccountNames.Name> named = names.of(members.of(cohortId));
        List<Long> ids = present(members.ids(cohortId), named);
        Comparator<Figures> byName = Comparator.comparing((Figures f) -> named.get(f.userId()).displayName(), NAMES)
                .thenComparingLong(Figures::userId);
        List<Figures> page;
        Map<Long, CompletionFigures.Completed> completed;
        Map<Long, LocalDate> due;
        if (status == LearnerStatus.ALL && trainingStatus == null && sort == SortColumn.NAME) {
            // the page's default: sorted by name alone, so figures are needed only for the learners on the page
            List<Long> byNames = ids.stream().sorted(Comparator.comparing((Long id) -> named.get(id).displayName(), NAMES)
                    .thenComparing(Comparator.naturalOrder())).toList();
            if (!ascending) {
                byNames = byNames.reversed();
            }
            List<Long> pageIds = slice(byNames, offset, limit);
            LearnerSet onPage = LearnerSet.of(pageIds);
            page = figures(pageIds, onPage).values().stream().sorted(ascending ? byName : byName.reversed()).toList();
            completed = completions.of(onPage);
            due = training.dueDates(onPage);
        } else {
            LearnerSet cohort = members.of(cohortId);
            if (trainingStatus == null) {
                page = slice(matching(ids, cohort, status, null, Map.of(), Map.of()).sorted(order(sort, ascending, byName)).toList(), offset, limit);
                LearnerSet onPage = LearnerSet.of(page.stream().map(Figures::userId).toList());
                completed = completions.of(onPage);
                due = training.dueDates(onPage);
            } else {
                completed = completions.of(cohort);
                due = training.dueDates(cohort);
                page = slice(matching(ids, cohort, status, trainingStatus, completed, due).sorted(order(sort, ascending, byName)).toList(),
                        offset, limit);
            }
        }
        LocalDate today = training.today();
        return page.stream().map(f -> row(f, named.get(f.userId()), completed.get(f.userId()),
                standing(f, today, due, completed))).toList();
    }

    /** The cohort's learners matching both filters (the training status decided by its rule from the figures already read). */
    private java.util.stream.Stream<Figures> matching(List<Long> ids, LearnerSet cohort, LearnerStatus status,
                                                      @Nullable TrainingStatus trainingStatus,
                                                      Map<Long, CompletionFigures.Completed> completed, Map<Long, LocalDate> due) {
        Instant stuckBefore = stuckBefore();
        LocalDate today = training.today();
        return figures(ids, cohort).values().stream().filter(f -> matches(f, status, stuckBefore))
                .filter(f -> trainingStatus == null || standing(f, today, due, completed).status() == trainingStatus);
    }

    private TrainingStanding standing(Figures f, LocalDate today, Map<Long, LocalDate> due,
                                      Map<Long, CompletionFigures.Completed> completed) {
        return training.standing(today, due.get(f.userId()), f.lastActive() != null, completed.get(f.userId()));
    }

    /**
     * Every learner of the cohort by name, as the grid shows them, for the gradebook: each module asked once for the
     * whole cohort (paging through the grid would ask for everyone's names again on every page).
     */
    @Transactional(readOnly = true)
    public List<LearnerRow> everyLearnerByName(long cohortId) {
        cohortService.requireOwnCohort(cohortId);
        LearnerSet cohort = members.of(cohortId);
        Map<Long, AccountNames.Name> named = names.of(cohort);
        Map<Long, CompletionFigures.Completed> completed = completions.of(cohort);
        Map<Long, LocalDate> due = training.dueDates(cohort);
        LocalDate today = training.today();
        return figures(present(members.ids(cohortId), named), cohort).values().stream()
                .sorted(Comparator.comparing((Figures f) -> named.get(f.userId()).displayName(), NAMES).thenComparingLong(Figures::userId))
                .map(f -> row(f, named.get(f.userId()), completed.get(f.userId()), standing(f, today, due, completed))).toList();
    }

    /** The members whose names were read (an account erased between the two statements is left out, not a failure). */
    private static List<Long> present(List<Long> ids, Map<Long, AccountNames.Name> named) {
        return ids.stream().filter(named::containsKey).toList();
    }

    /** One learner's row, as the cohort grid shows it, for the learner's own page (the same figures). */
    @Transactional(readOnly = true)
    public LearnerRow learner(LearnerInMyCohort learner) {
        List<Long> one = List.of(learner.userId());
        Figures figures = figures(one, LearnerSet.of(one)).get(learner.userId());
        Map<Long, CompletionFigures.Completed> completed = completions.of(LearnerSet.of(one));
        return row(figures, names.of(one).get(learner.userId()), completed.get(learner.userId()),
                standing(figures, training.today(), training.dueDates(LearnerSet.of(one)), completed));
    }

    private LearnerRow row(Figures f, AccountNames.Name name, CompletionFigures.@Nullable Completed completed, TrainingStanding standing) {
        String lessonId = f.currentLessonId();
        Double pre = f.preTest();
        Double fin = f.finalScore();
        return new LearnerRow(f.userId(), name.displayName(), name.email(), f.lessonsCompleted(),
                Percent.of(f.lessonsCompleted(), course.lessons().size()),
                lessonId, lessonId == null ? null : course.lesson(lessonId).map(Lesson::title).orElse(null),
                f.lastActive(), pre, fin, f.finalPassed(),
                pre == null || fin == null ? null : LearningGain.normalised(pre, fin).orElse(null),
                completed == null ? null : completed.completedAt(), completed == null ? null : completed.certificate(), standing);
    }

    /** How many of the cohort's learners match the filter. */
    @Transactional(readOnly = true)
    public int count(long cohortId, LearnerStatus status) {
        return count(cohortId, status, null);
    }

    /** How many of the cohort's learners match both filters. */
    @Transactional(readOnly = true)
    public int count(long cohortId, LearnerStatus status, @Nullable TrainingStatus trainingStatus) {
        cohortService.requireOwnCohort(cohortId);
        List<Long> ids = members.ids(cohortId);
        if (status == LearnerStatus.ALL && trainingStatus == null) {
            return ids.size();
        }
        LearnerSet cohort = members.of(cohortId);
        Map<Long, CompletionFigures.Completed> completed = trainingStatus == null ? Map.of() : completions.of(cohort);
        Map<Long, LocalDate> due = trainingStatus == null ? Map.of() : training.dueDates(cohort);
        return (int) matching(ids, cohort, status, trainingStatus, completed, due).count();
    }

    /** Summary figures for the top of the overview. */
    @Transactional(readOnly = true)
    public CohortOverview overview(long cohortId) {
        CohortSummary cohort = cohortService.requireOwnCohort(cohortId);
        Collection<Figures> all = figures(members.ids(cohortId), members.of(cohortId)).values();
        int lessons = course.lessons().size();
        DoubleSummaryStatistics finals = all.stream().filter(f -> f.finalScore() != null)
                .mapToDouble(f -> Objects.requireNonNull(f.finalScore())).summaryStatistics();
        return new CohortOverview(cohort.id(), cohort.name(), cohort.joinCode(), all.size(),
                all.stream().filter(f -> f.lastActive() != null).count(),
                all.stream().filter(f -> f.lessonsCompleted() >= lessons).count(),
                all.stream().filter(f -> Boolean.TRUE.equals(f.finalPassed())).count(),
                finals.getCount() == 0 ? null : finals.getAverage());
    }

    /** Completion by lesson, final score distribution and pre vs post means. */
    @Transactional(readOnly = true)
    public CohortCharts charts(long cohortId) {
        cohortService.requireOwnCohort(cohortId);
        LearnerSet cohort = members.of(cohortId);
        Map<String, Long> completed = reading.completedPerLesson(cohort);
        List<CohortCharts.LessonCount> funnel = course.lessons().stream()
                .map(l -> new CohortCharts.LessonCount(l.order(), l.title(), completed.getOrDefault(l.id(), 0L))).toList();
        long[] buckets = new long[10];
        double preSum = 0;
        double postSum = 0;
        long both = 0;
        for (ResultFigures.Results r : results.of(cohort).values()) {
            Double fin = r.finalScore();
            if (fin == null) {
                continue;
            }
            buckets[Math.min(9, Math.max(0, (int) Math.floor(fin / 10)))]++; // band 9 takes 90–100
            if (r.preTest() != null) {
                preSum += r.preTest();
                postSum += fin;
                both++;
            }
        }
        return new CohortCharts(funnel, buckets, both == 0 ? null : preSum / both, both == 0 ? null : postSum / both, both);
    }

    /**
     * Each of {@code ids}' figures, from one question to the progress module and one to the quiz module, which both
     * take the same learners as {@code same} (the cohort's sub-select, or the ids themselves for a page).
     */
    private Map<Long, Figures> figures(List<Long> ids, LearnerSet same) {
        Map<Long, ReadingFigures.Reading> read = reading.of(same);
        Map<Long, ResultFigures.Results> scored = results.of(same);
        Map<Long, Figures> figures = new LinkedHashMap<>();
        for (Long id : ids) {
            ReadingFigures.Reading r = read.get(id);
            ResultFigures.Results q = scored.get(id);
            figures.put(id, new Figures(id, r == null ? 0 : r.lessonsCompleted(),
                    lastActive(r == null ? null : r.lastVisit(), q == null ? null : q.lastSubmitted()),
                    q == null ? null : q.preTest(), q == null ? null : q.finalScore(), q == null ? null : q.finalPassed(),
                    r == null ? null : r.currentLessonId()));
        }
        return figures;
    }

    /** "Last active": the latest of opening a lesson and submitting a quiz; null if the learner has done neither. */
    static @Nullable Instant lastActive(@Nullable Instant lastVisit, @Nullable Instant lastSubmitted) {
        if (lastVisit == null || lastSubmitted == null) {
            return lastVisit == null ? lastSubmitted : lastVisit;
        }
        return lastVisit.isAfter(lastSubmitted) ? lastVisit : lastSubmitted;
    }

    private Instant stuckBefore() {
        return clock.instant().minus(Duration.ofDays(STUCK_AFTER_DAYS));
    }

    private boolean matches(Figures f, LearnerStatus status, Instant stuckBefore) {
        int lessons = course.lessons().size();
        Instant active = f.lastActive();
        return switch (status) {
            case ALL -> true;
            case NOT_STARTED -> active == null;
            case IN_PROGRESS -> active != null && !active.isBefore(stuckBefore) && f.lessonsCompleted() < lessons;
            case STUCK -> active != null && active.isBefore(stuckBefore) && f.lessonsCompleted() < lessons;
            case READ_EVERY_LESSON -> f.lessonsCompleted() >= lessons;
            case PASSED -> Boolean.TRUE.equals(f.finalPassed());
        };
    }

    /** The grid's order: the chosen column (missing values last either way), then name, then user id. */
    private static Comparator<Figures> order(SortColumn sort, boolean ascending, Comparator<Figures> byName) {
        Comparator<Figures> column = switch (sort) {
            case NAME -> (a, b) -> 0;
            case PERCENT -> nullsLast(f -> f.lessonsCompleted(), ascending);
            case LAST_ACTIVE -> nullsLast(Figures::lastActive, ascending);
            case PRE_TEST -> nullsLast(Figures::preTest, ascending);
            case FINAL -> nullsLast(Figures::finalScore, ascending);
        };
        return sort == SortColumn.NAME ? (ascending ? byName : byName.reversed()) : column.thenComparing(byName);
    }

    private static <T extends Comparable<? super T>> Comparator<Figures> nullsLast(Function<Figures, @Nullable T> key, boolean ascending) {
        Comparator<T> natural = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        return Comparator.comparing(key, Comparator.nullsLast(natural));
    }

    private static <T> List<T> slice(List<T> all, int offset, int limit) {
        return all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
    }
}
