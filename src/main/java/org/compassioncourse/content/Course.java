package org.compassioncourse.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole course as loaded and validated from course-content/ at start-up: immutable, read by every
 * feature, never re-parsed per request.
 */
public record Course(String id, String title, String summary, String audience, double ceHours, int passMark,
                     int version, List<Lesson> lessons, Map<String, GlossaryTerm> glossary,
                     Map<String, Reference> references, Map<String, Region> regions, List<Figure> figures,
                     List<Question> questions, Map<QuizSettings.Kind, QuizSettings> quizzes, ReviewSettings review) {

    /** A course with the default spaced-review settings. */
    public Course(String id, String title, String summary, String audience, double ceHours, int passMark,
                  int version, List<Lesson> lessons, Map<String, GlossaryTerm> glossary,
                  Map<String, Reference> references, Map<String, Region> regions, List<Figure> figures,
                  List<Question> questions, Map<QuizSettings.Kind, QuizSettings> quizzes) {
        this(id, title, summary, audience, ceHours, passMark, version, lessons, glossary, references, regions, figures,
                questions, quizzes, ReviewSettings.DEFAULTS);
    }

    public Course {
        questions = List.copyOf(questions);
        quizzes = Map.copyOf(quizzes);
        lessons = List.copyOf(lessons);
        glossary = Map.copyOf(glossary);
        references = Map.copyOf(references);
        regions = Map.copyOf(regions);
        figures = List.copyOf(figures);
    }

    public Optional<Lesson> lesson(String lessonId) {
        return lessons.stream().filter(l -> l.id().equals(lessonId)).findFirst();
    }

    /** The title of a section, e.g. the one a question sends a learner back to; empty if there is no such section. */
    public String sectionTitle(String lessonId, String sectionId) {
        return lesson(lessonId).flatMap(l -> l.section(sectionId)).map(Section::title).orElse("");
    }

    /**
     * Where a learner is sent back to, naming the lesson too, e.g. "Lesson 3, In practice": every lesson has an
     * "In practice" section, so the bare section title would not say which. Empty if there is no such section.
     */
    public String sectionLabel(String lessonId, String sectionId) {
        return lesson(lessonId).flatMap(l -> l.section(sectionId).map(s -> "Lesson " + l.order() + ", " + s.title())).orElse("");
    }

    /** The lesson after the given one, if any. */
    public Optional<Lesson> lessonAfter(String lessonId) {
        for (int i = 0; i < lessons.size() - 1; i++) {
            if (lessons.get(i).id().equals(lessonId)) {
                return Optional.of(lessons.get(i + 1));
            }
        }
        return Optional.empty();
    }

    public Optional<Lesson> lessonBefore(String lessonId) {
        for (int i = 1; i < lessons.size(); i++) {
            if (lessons.get(i).id().equals(lessonId)) {
                return Optional.of(lessons.get(i - 1));
            }
        }
        return Optional.empty();
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public QuizSettings quiz(QuizSettings.Kind kind) {
        return quizzes.getOrDefault(kind, kind.defaults());
    }

    public int totalMinutes() {
        return lessons.stream().mapToInt(Lesson::minutes).sum();
    }
}
