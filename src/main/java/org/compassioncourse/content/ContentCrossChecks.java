package org.compassioncourse.content;

import org.compassioncourse.content.LessonFileReader.Located;
import org.compassioncourse.content.LessonFileReader.ParsedLesson;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks across files, once each file has been read on its own: lesson ids and orders unique, what a lesson names
 * or links to exists, every region drawn, and the item-writing rules on the question bank. A check against a file
 * that could not be read is skipped: its absence is already reported, and knock-on errors would only bury it.
 */
final class ContentCrossChecks {

    private final ContentFiles files;

    ContentCrossChecks(ContentFiles files) {
        this.files = files;
    }

    /** Every region in regions.yaml is drawn in some figure (checked only when every figure could be read). */
    void regionsDrawn(Map<String, Region> regions, List<Figure> figures) {
        Set<String> drawn = new HashSet<>();
        figures.forEach(figure -> drawn.addAll(figure.regionIds()));
        regions.keySet().stream().filter(id -> !drawn.contains(id)).forEach(id ->
                files.problem(IdListReader.REGIONS, 0, "region '" + id + "' is not drawn in any figure"));
    }

    /** Lesson ids and orders are unique; terms, regions, references and links in lessons resolve. */
    void lessons(List<ParsedLesson> lessons, Map<String, GlossaryTerm> glossary, Map<String, Region> regions,
                 Map<String, Reference> references) {
        Map<String, ParsedLesson> byId = new HashMap<>();
        Map<Integer, ParsedLesson> byOrder = new HashMap<>();
        for (ParsedLesson lesson : lessons) {
            ParsedLesson sameId = byId.putIfAbsent(lesson.id(), lesson);
            if (sameId != null) {
                files.problem(lesson.file(), lesson.idLine(),
                        "duplicate lesson id '" + lesson.id() + "' (also in " + sameId.file() + ")");
            }
            ParsedLesson sameOrder = lesson.order() < 0 ? null : byOrder.putIfAbsent(lesson.order(), lesson);
            if (sameOrder != null) {
                files.problem(lesson.file(), lesson.orderLine(),
                        "lesson order " + lesson.order() + " is also used by " + sameOrder.file());
            }
        }
        for (ParsedLesson lesson : lessons) {
            headerNamesResolve(lesson, glossary, regions, references);
            linksResolve(lesson, byId, glossary, regions);
        }
    }

    private void headerNamesResolve(ParsedLesson lesson, Map<String, GlossaryTerm> glossary, Map<String, Region> regions,
                                    Map<String, Reference> references) {
        for (Located term : lesson.terms()) {
            if (!glossary.containsKey(term.value()) && !files.isUnreadable(IdListReader.GLOSSARY)) {
                files.problem(lesson.file(), term.line(), "term '" + term.value() + "' is not in glossary.yaml");
            }
        }
        for (Located region : lesson.regions()) {
            if (!regions.containsKey(region.value()) && !files.isUnreadable(IdListReader.REGIONS)) {
                files.problem(lesson.file(), region.line(), "region '" + region.value() + "' is not in regions.yaml");
            }
        }
        for (Located reference : lesson.references()) {
            if (!references.containsKey(reference.value()) && !files.isUnreadable(IdListReader.REFERENCES)) {
                files.problem(lesson.file(), reference.line(), "reference '" + reference.value() + "' is not in references.yaml");
            }
        }
    }

    private void linksResolve(ParsedLesson lesson, Map<String, ParsedLesson> byId, Map<String, GlossaryTerm> glossary,
                              Map<String, Region> regions) {
        Set<String> listed = new HashSet<>(lesson.references().stream().map(Located::value).toList());
        for (LessonMarkdown.CourseLink link : lesson.body().links) {
            switch (link.scheme()) {
                case "glossary" -> {
                    if (!glossary.containsKey(link.target()) && !files.isUnreadable(IdListReader.GLOSSARY)) {
                        files.problem(lesson.file(), link.line(), "link to glossary term '" + link.target() + "', which is not in glossary.yaml");
                    }
                }
                case "region" -> {
                    if (!regions.containsKey(link.target()) && !files.isUnreadable(IdListReader.REGIONS)) {
                        files.problem(lesson.file(), link.line(), "link to region '" + link.target() + "', which is not in regions.yaml");
                    }
                }
                case "ref" -> {
                    if (!listed.contains(link.target())) {
                        files.problem(lesson.file(), link.line(), "cites '" + link.target()
                                + "', which is not listed in this lesson's 'references'");
                    }
                }
                case "lesson" -> {
                    ParsedLesson target = byId.get(link.target());
                    if (target == null && !files.anyUnreadable("lessons/")) {
                        files.problem(lesson.file(), link.line(), "link to lesson '" + link.target() + "', which does not exist");
                    } else if (target != null && !link.fragment().isEmpty()
                            && target.body().sections.stream().noneMatch(s -> s.id().equals(link.fragment()))) {
                        files.problem(lesson.file(), link.line(), "link to section '" + link.fragment()
                                + "' of lesson '" + link.target() + "', which has no such section");
                    }
                }
                default -> {
                    // web links are checked by the renderer's URL sanitizer
                }
            }
        }
    }

    /**
     * The item-writing rules, on a bank that is otherwise sound. From {@link ItemWritingRules#ENFORCED_FROM_VERSION} on,
     * a finding on an assessment item refuses the course and one on a knowledge check is a warning; before it, the
     * findings are only counted, so a bank written before the rules keeps working until its rewrite bumps the version.
     */
    void itemWriting(List<Question> questions, int version, List<ContentProblem> warnings) {
        ItemWritingRules.Report report = ItemWritingRules.check(questions);
        if (version >= ItemWritingRules.ENFORCED_FROM_VERSION) {
            report.findings(Question.Use.ASSESSMENT).forEach(f -> files.problems().add(f.problem()));
            report.findings(Question.Use.KNOWLEDGE_CHECK).forEach(f -> warnings.add(f.problem()));
        } else if (!report.findings().isEmpty()) {
            warnings.add(new ContentProblem(CourseFileReader.FILE, 0, "version " + version + " predates the item-writing rules, which "
                    + "apply from version " + ItemWritingRules.ENFORCED_FROM_VERSION + "; the bank has " + report.findings().size()
                    + " findings (" + report.findings(Question.Use.ASSESSMENT).size() + " on assessment items); list them with "
                    + "./mvnw -q test-compile exec:java@lint-content"));
        }
    }
}
