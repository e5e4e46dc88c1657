package org.compassioncourse.content;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The course in course-content/ as shipped: it loads, and it covers what the chapter covers. */
class ShippedCourseTest {

    private static final Course COURSE = CourseContentLoader.load(Path.of("course-content"));

    @Test
    void shippedCourseLoadsWithZeroProblemsAsSixToEightShortLessons() {
        assertThat(COURSE.lessons()).hasSizeBetween(6, 8);
        for (Lesson lesson : COURSE.lessons()) {
            assertThat(lesson.minutes()).as(lesson.file()).isBetween(5, 10);
            assertThat(lesson.objectives()).as(lesson.file()).isNotEmpty();
            assertThat(lesson.sections()).as(lesson.file()).extracting(Section::title).contains(Section.IN_PRACTICE);
            assertThat(lesson.termIds()).as(lesson.file() + " key terms").isNotEmpty();
            assertThat(lesson.referenceIds()).as(lesson.file() + " references").isNotEmpty();
        }
    }

    @Test
    void everyQuestionNamesTheSectionItSendsALearnerBackTo() {
        for (Question question : COURSE.questions()) {
            assertThat(COURSE.sectionTitle(question.lessonId(), question.sectionId())).as(question.id()).isNotBlank();
        }
        assertThat(COURSE.sectionTitle(COURSE.lessons().getFirst().id(), "no-such-section")).isEmpty();
    }

    @Test
    void everyCitationOnAPageHasItsEntryInThatPagesSources() {
        java.util.regex.Pattern citation = java.util.regex.Pattern.compile("href=\"#ref-([^\"]+)\"");
        for (Lesson lesson : COURSE.lessons()) {
            for (int i = 0; i < lesson.sections().size(); i++) {
                Section section = lesson.sections().get(i);
                // what LessonView shows on this page: the introduction above the first section; the whole list on the last
                String page = (i == 0 ? lesson.introHtml() : "") + section.html();
                List<String> listed = i == lesson.sections().size() - 1 ? lesson.referenceIds() : section.citedReferenceIds();
                citation.matcher(page).results().map(m -> m.group(1)).forEach(id ->
                        assertThat(listed).as(lesson.file() + " " + section.id() + " cites " + id).contains(id));
            }
        }
    }

    @Test
    void everyTermRegionAndReferenceALessonUsesExists() {
        for (Lesson lesson : COURSE.lessons()) {
            assertThat(COURSE.glossary().keySet()).as(lesson.file()).containsAll(lesson.termIds());
            assertThat(COURSE.regions().keySet()).as(lesson.file()).containsAll(lesson.regionIds());
            assertThat(COURSE.references().keySet()).as(lesson.file()).containsAll(lesson.referenceIds());
            for (Section section : lesson.sections()) {
                assertThat(lesson.referenceIds()).as(lesson.file() + " " + section.id()).containsAll(section.citedReferenceIds());
            }
        }
        for (GlossaryTerm term : COURSE.glossary().values()) {
            if (term.regionId() != null) {
                assertThat(COURSE.regions()).as("glossary " + term.id()).containsKey(term.regionId());
            }
        }
    }

    @Test
    void everyWorkInTheChaptersReferenceListIsCitedInSomeLesson() {
        Set<String> cited = new HashSet<>();
        COURSE.lessons().forEach(l -> l.sections().forEach(s -> cited.addAll(s.citedReferenceIds())));
        assertThat(cited).containsAll(COURSE.references().keySet().stream().filter(id -> !id.equals("resource-website")).toList());
    }

    @Test
    void everyRegionIsDrawnAndHighlightedBySomeLesson() {
        Set<String> drawn = new HashSet<>();
        COURSE.figures().forEach(f -> drawn.addAll(f.regionIds()));
        assertThat(drawn).containsAll(COURSE.regions().keySet());
        Set<String> taught = new HashSet<>();
        COURSE.lessons().forEach(l -> taught.addAll(l.regionIds()));
        assertThat(taught).containsAll(COURSE.regions().keySet());
        assertThat(COURSE.figures()).extracting(Figure::id).contains("brain-lateral", "brain-medial");
    }

    @Test
    void questionBankHasSeventyQuestionsFivePerLessonAndTwentyFiveOnTheEmpathyCompassionDistinction() {
        assertThat(COURSE.questions()).hasSizeGreaterThanOrEqualTo(70);
        for (Lesson lesson : COURSE.lessons()) {
            assertThat(COURSE.questions().stream().filter(q -> q.lessonId().equals(lesson.id())))
                    .as(lesson.id()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(COURSE.questions().stream().filter(q -> q.lessonId().equals(lesson.id())
                    && q.use() == Question.Use.KNOWLEDGE_CHECK)).as(lesson.id() + " knowledge check").isNotEmpty();
        }
        assertThat(COURSE.questions().stream().filter(Question::distinction)).hasSizeGreaterThanOrEqualTo(25);
        assertThat(COURSE.questions().stream().map(Question::type).distinct()).containsExactlyInAnyOrder(QuestionType.values());
    }

    @Test
    void preTestAndFinalCoverEveryLessonThroughParallelBlueprintSlots() {
        var slots = new java.util.HashMap<String, java.util.List<Question>>();
        COURSE.questions().stream().filter(q -> q.use() == Question.Use.ASSESSMENT)
                .forEach(q -> slots.computeIfAbsent(q.blueprint(), k -> new java.util.ArrayList<>()).add(q));
        // four parallel questions per slot: a pre-test and three finals never repeat a question
        slots.forEach((slot, questions) -> assertThat(questions).as(slot).hasSizeGreaterThanOrEqualTo(4));
        Set<String> lessonsCovered = new HashSet<>();
        slots.values().forEach(slot -> slot.forEach(q -> lessonsCovered.add(q.lessonId())));
        assertThat(lessonsCovered).containsExactlyInAnyOrderElementsOf(COURSE.lessons().stream().map(Lesson::id).toList());
        assertThat(COURSE.questions().stream().filter(q -> q.use() == Question.Use.ASSESSMENT)).hasSizeGreaterThanOrEqualTo(56);
    }

    @Test
    void everyLearningObjectiveOfEveryLessonIsAssessedByABlueprintSlot() {
        Set<String> assessed = new HashSet<>();
        COURSE.questions().stream().filter(q -> q.use() == Question.Use.ASSESSMENT)
                .forEach(q -> assessed.add(q.lessonId() + " objective " + q.objective()));
        List<String> objectives = new java.util.ArrayList<>();
        for (Lesson lesson : COURSE.lessons()) {
            for (int i = 1; i <= lesson.objectives().size(); i++) {
                objectives.add(lesson.id() + " objective " + i);
            }
        }
        assertThat(assessed).containsAll(objectives);
    }

    @Test
    void assessmentKeysAreSpreadOverAnswerPositionsSoPositionGivesNothingAway() {
        var positions = new java.util.TreeMap<Integer, Integer>();
        COURSE.questions().stream().filter(q -> q.use() == Question.Use.ASSESSMENT)
                .filter(q -> q.body() instanceof Question.Choice c && c.correct().size() == 1)
                .forEach(q -> {
                    Question.Choice choice = (Question.Choice) q.body();
                    int position = choice.options().stream().map(Question.Option::id).toList().indexOf(choice.correct().getFirst()) + 1;
                    positions.merge(position, 1, Integer::sum);
                });
        int total = positions.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(positions.keySet()).as("key positions " + positions).contains(1, 2, 3, 4);
        assertThat(positions.values()).as("no position holds more than a third of the keys: " + positions)
                .allSatisfy(count -> assertThat(count * 3).isLessThanOrEqualTo(total));
    }

    @Test
    void everyReactionCategoryTheChapterDefinesIsTheKeySomewhereInTheAssessmentPool() {
        // empathic distress is the course's own reading (the chapter does not define it), so it is practised in
        // knowledge checks and never a scored key (course-content/README.md, "Item-writing rules")
        Set<String> keyed = new HashSet<>();
        COURSE.questions().stream().filter(q -> q.use() == Question.Use.ASSESSMENT && q.distinction()).forEach(q -> {
            switch (q.body()) {
                case Question.Choice choice -> keyed.addAll(choice.correct());
                case Question.Categorise categorise -> categorise.items().forEach(item -> keyed.add(item.category()));
                default -> { }
            }
        });
        assertThat(keyed).contains("empathy", "compassion", "both", "neither").doesNotContain("distress");
    }

    @Test
    void theCoreDistinctionIsTaughtFeelingWithVersusFeelingFor() {
        String glossary = COURSE.glossary().get("empathy").definition() + " " + COURSE.glossary().get("compassion").definition();
        assertThat(glossary.toLowerCase()).contains("with").contains("for");
        assertThat(COURSE.glossary()).containsKeys("empathic-distress", "insula", "amygdala", "hrv");
    }
}
