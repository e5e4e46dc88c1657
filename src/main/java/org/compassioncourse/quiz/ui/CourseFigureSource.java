package org.compassioncourse.quiz.ui;

import org.compassioncourse.content.BrainFigures;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Figure;
import org.compassioncourse.quiz.QuestionPaper;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Hotspot figures from the course: the inline markup (nothing highlighted) and the regions by name. */
class CourseFigureSource implements QuestionInput.FigureSource {

    private final Course course;

    CourseFigureSource(Course course) {
        this.course = course;
    }

    /**
     * The figure as a question shows it: without {@code <title>} elements or title attributes, whose hover
     * tooltips would name the regions and so give the answer away (lessons and the glossary keep them). The
     * regions' aria-labels go too (on an SVG shape without its title they are not allowed, and the labelled
     * drop-down beside the figure is the accessible way to answer); the figure as a whole is named by an
     * aria-label instead of its title.
     */
    @Override
    public String svg(String figureId) {
        return figure(figureId).map(f -> withoutTitles(BrainFigures.inline(f, List.of()), f.title())).orElse("");
    }

    static String withoutTitles(String svg, String figureTitle) {
        return svg.replaceAll("(?s)<title\\b[^>]*>.*?</title>", "")
                .replaceAll("<title\\b[^>]*/>", "")
                .replaceAll("\\s(?:xlink:)?title=\"[^\"]*\"", "")
                .replaceAll("\\saria-label(?:ledby)?=\"[^\"]*\"", "")
                .replaceFirst("<svg\\b", "<svg aria-label=\"" + figureTitle.replace("\"", "&quot;").replace("$", "\\$") + "\"");
    }

    @Override
    public List<QuestionPaper.Choice> regions(String figureId) {
        return figure(figureId).map(f -> f.regionIds().stream()
                        .map(id -> new QuestionPaper.Choice(id, course.regions().get(id).name()))
                        .sorted(Comparator.comparing(QuestionPaper.Choice::text)).toList())
                .orElse(List.of());
    }

    private Optional<Figure> figure(String figureId) {
        return course.figures().stream().filter(f -> f.id().equals(figureId)).findFirst();
    }
}
