package org.compassioncourse.instructor;

import org.compassioncourse.base.Percent;
import org.compassioncourse.base.LearnerSet;
import org.compassioncourse.cohort.CohortMembers;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.quiz.Grading;
import org.compassioncourse.quiz.StoredAnswers;
import org.compassioncourse.quiz.SubmittedResponses;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Item analysis of the pre-test or final assessment for one of the instructor's cohorts. The quiz module streams the
 * cohort's responses ordered by attempt ({@link SubmittedResponses}), folded here into {@link ItemStatistics} one
 * attempt at a time.
 */
@Service
@PreAuthorize("hasRole('INSTRUCTOR')")
public class ItemAnalysisService {

    private final CohortService cohortService;
    private final CohortMembers members;
    private final SubmittedResponses responses;
    private final Course course;

    ItemAnalysisService(CohortService cohortService, CohortMembers members, SubmittedResponses responses, Course course) {
        this.cohortService = cohortService;
        this.members = members;
        this.responses = responses;
        this.course = course;
    }

    /**
     * Statistics over every submitted attempt of the quiz by the cohort's learners, taken on the course's current
     * version: a question reworded in a new version is a new item, so older responses are not mixed in.
     */
    @Transactional(readOnly = true)
    public ItemStatistics.Report report(long cohortId, QuizSettings.Kind kind) {
        cohortService.requireOwnCohort(cohortId);
        return analyse(members.of(cohortId), kind);
    }

    /** How many submitted attempts of the cohort were taken on an earlier version of the course (left out of the report). */
    @Transactional(readOnly = true)
    public long attemptsOnEarlierVersions(long cohortId, QuizSettings.Kind kind) {
        cohortService.requireOwnCohort(cohortId);
        return responses.attemptsOnOtherVersions(kind, course.version(), members.of(cohortId));
    }

    /** Which pairs or items a matching, categorise or ordering answer placed correctly; empty for other types. */
    Map<String, Boolean> partsPlaced(String questionId, String stored) {
        return course.question(questionId).map(q -> partsPlaced(q, StoredAnswers.answer(stored))).orElse(Map.of());
    }

    /**
     * An item's breakdown as the instructor reads it, one line per option, pair or item with the key marked ✓:
     * how often each option was chosen (choice, true/false), or the share of learners who placed each pair or item
     * correctly (matching, categorise, ordering). Built here so that answer keys reach views only as these lines.
     */
    public List<String> breakdown(ItemStatistics.ItemStat item) {
        Question question = course.question(item.questionId()).orElse(null);
        if (question == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        switch (question.body()) {
            case Question.Choice choice -> {
                if (!item.optionCounts().isEmpty()) {
                    choice.options().forEach(option -> lines.add(shorten(withoutFullStop(option.text()), 50)
                            + (choice.correct().contains(option.id()) ? " ✓" : "") + ": " + item.optionCounts().getOrDefault(option.id(), 0L)));
                }
            }
            case Question.TrueFalse trueFalse -> {
                if (!item.optionCounts().isEmpty()) {
                    lines.add("True" + (trueFalse.answer() ? " ✓" : "") + ": " + item.optionCounts().getOrDefault("true", 0L));
                    lines.add("False" + (trueFalse.answer() ? "" : " ✓") + ": " + item.optionCounts().getOrDefault("false", 0L));
                }
            }
            case Question.Matching matching -> matching.pairs().forEach(pair -> lines.add(shorten(pair.left(), 30) + " → "
                    + shorten(withoutFullStop(pair.right()), 30) + " ✓: " + placed(item, pair.id())));
            case Question.Categorise categorise -> categorise.items().forEach(i -> lines.add(shorten(i.text(), 40) + " → "
                    + categorise.categories().stream().filter(c -> c.id().equals(i.category())).map(Question.Category::label)
                    .findFirst().orElse(i.category()) + " ✓: " + placed(item, i.id())));
            case Question.Ordering ordering -> {
                for (int n = 0; n < ordering.items().size(); n++) {
                    Question.Item i = ordering.items().get(n);
                    lines.add((n + 1) + ". " + shorten(withoutFullStop(i.text()), 45) + " ✓: " + placed(item, i.id()));
                }
            }
            case Question.Hotspot hotspot -> {
                // each region of the figure with how often it was clicked, the asked-for one marked
                if (!item.optionCounts().isEmpty()) {
                    course.figures().stream().filter(f -> f.id().equals(hotspot.figureId())).flatMap(f -> f.regionIds().stream())
                            .forEach(region -> lines.add(java.util.Optional.ofNullable(course.regions().get(region))
                                    .map(org.compassioncourse.content.Region::name).orElse(region)
                                    + (region.equals(hotspot.answerRegion()) ? " ✓" : "") + ": " + item.optionCounts().getOrDefault(region, 0L)));
                }
            }
        }
        // the two kinds of no answer, named as everywhere else (Answer.NoAnswer)
        for (org.compassioncourse.quiz.Answer.NoAnswer which : org.compassioncourse.quiz.Answer.NoAnswer.values()) {
            if (item.count(which) > 0) {
                lines.add(which.label() + ": " + item.count(which));
            }
        }
        return lines;
    }

    /** An option that is a sentence loses its full stop before the count: "ventral striatum: 83", not "striatum.: 83". */
    static String withoutFullStop(String text) {
        String stripped = text.strip();
        return stripped.endsWith(".") && !stripped.endsWith("..") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    private static String placed(ItemStatistics.ItemStat item, String part) {
        return Percent.format(item.partsPlacedCorrectly().getOrDefault(part, 0.0)) + " placed correctly";
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(text.lastIndexOf(' ', max), max / 2)) + "…";
    }

    /** The same analysis over any set of learners (benchmarks; callers check who may see them). */
    ItemStatistics.Report analyse(LearnerSet learners, QuizSettings.Kind kind) {
        return analyse(List.of(learners), kind);
    }

    /** The same analysis over several sets of learners that share no one (several cohorts), read one set at a time. */
    ItemStatistics.Report analyse(List<LearnerSet> sets, QuizSettings.Kind kind) {
        ItemStatistics statistics = new ItemStatistics();
        List<ItemStatistics.Response> attempt = new ArrayList<>();
        long[] current = {-1};
        // each question looked up once per analysis (the course's list is searched linearly)
        Map<String, java.util.Optional<Question>> questions = new java.util.HashMap<>();
        for (LearnerSet learners : sets) {
            responses.read(kind, course.version(), learners, response -> {
                if (response.attemptId() != current[0]) {
                    statistics.add(attempt);
                    attempt.clear();
                    current[0] = response.attemptId();
                }
                String questionId = response.questionId();
                java.util.Optional<Question> question = questions.computeIfAbsent(questionId, course::question);
                String slot = question.map(Question::blueprint).orElse(questionId);
                org.compassioncourse.quiz.Answer answer = response.answer();
                attempt.add(new ItemStatistics.Response(questionId, slot == null ? questionId : slot, response.score(),
                        chosenOptions(answer), question.map(q -> partsPlaced(q, answer)).orElse(Map.of()), answer.noAnswer()));
            });
        }
        statistics.add(attempt);
        return statistics.report();
    }

    /** The option ids an answer chose (choice and true/false questions) or the region it clicked (hotspot); empty for other types. */
    static java.util.Set<String> chosenOptions(org.compassioncourse.quiz.Answer answer) {
        return switch (answer) {
            case org.compassioncourse.quiz.Answer.Choices choices -> choices.optionIds();
            case org.compassioncourse.quiz.Answer.TrueOrFalse trueOrFalse -> java.util.Set.of(String.valueOf(trueOrFalse.value()));
            case org.compassioncourse.quiz.Answer.Region region -> java.util.Set.of(region.regionId());
            default -> java.util.Set.of();
        };
    }

    private static Map<String, Boolean> partsPlaced(Question question, org.compassioncourse.quiz.Answer answer) {
        return question.body() instanceof Question.Matching || question.body() instanceof Question.Categorise
                || question.body() instanceof Question.Ordering ? Grading.grade(question, answer).partsCorrect() : Map.of();
    }
}
