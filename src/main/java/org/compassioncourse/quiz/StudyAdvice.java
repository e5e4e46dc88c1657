package org.compassioncourse.quiz;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.Question;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an assessment result shows while the key is held back: per lesson, whether the learner's answers on it reached
 * the pass mark ("secure") or the lesson is one to revisit, with the lesson's objectives. Never a verdict per question:
 * a lesson is judged on all its questions together, so a result cannot be used to eliminate wrong options one by one.
 */
public final class StudyAdvice {

    /** One lesson of the course as a result page advises it. */
    public record LessonAdvice(String lessonId, int lessonOrder, String lessonTitle, boolean secure, List<String> objectives) {
    }

    private StudyAdvice() {
    }

    /** @param scores the score (0–1) of each question of the attempt that is still in the course */
    static List<LessonAdvice> of(Course course, Map<Question, Double> scores) {
        Map<String, double[]> perLesson = new LinkedHashMap<>();
        scores.forEach((question, score) -> {
            double[] sumAndCount = perLesson.computeIfAbsent(question.lessonId(), k -> new double[2]);
            sumAndCount[0] += score;
            sumAndCount[1]++;
        });
        List<LessonAdvice> advice = new ArrayList<>();
        perLesson.forEach((lessonId, sumAndCount) -> course.lesson(lessonId).ifPresent(lesson -> {
            boolean secure = sumAndCount[0] * 100 >= course.passMark() * sumAndCount[1];
            advice.add(new LessonAdvice(lesson.id(), lesson.order(), lesson.title(), secure, lesson.objectives()));
        }));
        advice.sort(Comparator.comparingInt(LessonAdvice::lessonOrder));
        return List.copyOf(advice);
    }

    /** The lessons to revisit, in course order. */
    public static List<LessonAdvice> toRevisit(List<LessonAdvice> advice) {
        return advice.stream().filter(a -> !a.secure()).toList();
    }
}
