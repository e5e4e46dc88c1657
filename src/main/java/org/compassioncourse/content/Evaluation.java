package org.compassioncourse.content;

import java.util.List;
import java.util.Optional;

/**
 * The course evaluation from evaluation.yaml, with one Likert item per lesson objective already expanded. A course
 * without evaluation.yaml has no items: learners then need no evaluation before their certificate.
 *
 * @param scale the Likert points, lowest first (stored as 1..n)
 */
public record Evaluation(List<String> scale, List<Item> items) {

    public Evaluation {
        scale = List.copyOf(scale);
        items = List.copyOf(items);
    }

    public static Evaluation none() {
        return new Evaluation(List.of(), List.of());
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public Optional<Item> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** A Likert statement (agree/disagree) or a free-text question. */
    public enum Kind {
        LIKERT, TEXT
    }

    /**
     * One question of the evaluation.
     *
     * @param group the heading it is shown under: its lesson for an objective statement, the course for the rest
     */
    public record Item(String id, Kind kind, String text, boolean required, String group) {
    }

    /** The heading of evaluation.yaml's own items, after the lessons' objectives. */
    public static final String ABOUT_THE_COURSE = "About the course";

    /** The heading of one lesson's objective statements. */
    public static String lessonGroup(int number, String lessonTitle) {
        return "Lesson " + number + ": " + lessonTitle;
    }
}
