package org.compassioncourse.content;

import org.compassioncourse.support.FixtureCourse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CourseContentLoaderTest {

    @TempDir
    Path dir;

    private Path fixtureCopy() {
        return FixtureCourse.copyTo(dir);
    }

    private void replace(String file, String from, String to) {
        FixtureCourse.replace(dir, file, from, to);
    }

    private List<String> problems() {
        try {
            CourseContentLoader.load(dir);
        } catch (InvalidCourseContentException invalid) {
            return invalid.problems().stream().map(ContentProblem::toString).toList();
        }
        throw new AssertionError("expected the content to be refused");
    }

    @Test
    void validCourseLoadsIntoOneModelWithLessonsInOrder() {
        Course course = CourseContentLoader.load(fixtureCopy());

        assertThat(course.title()).isEqualTo("Fixture course");
        assertThat(course.passMark()).isEqualTo(75);
        assertThat(course.version()).isEqualTo(3);
        assertThat(course.lessons()).extracting(Lesson::id).containsExactly("first-lesson", "second-lesson", "third-lesson");
        Lesson first = course.lessons().getFirst();
        assertThat(first.sections()).extracting(Section::id).containsExactly("sharing-pain", "in-practice");
        assertThat(first.objectives()).containsExactly("Say what empathy is.");
        assertThat(course.lessonAfter("first-lesson")).map(Lesson::id).contains("second-lesson");
        assertThat(course.totalMinutes()).isEqualTo(16);
    }

    @Test
    void glossaryLinksBecomeInPlaceExplanationsAndCitationsLinkToTheReferenceList() {
        Lesson first = CourseContentLoader.load(fixtureCopy()).lessons().getFirst();

        assertThat(first.introHtml()).contains("<button type=\"button\" class=\"term\" popovertarget=\"first-lesson-term-1\"")
                .contains("Feeling with another person.");
        Section sharing = first.sections().getFirst();
        assertThat(sharing.html()).contains("<a class=\"cite\" href=\"#ref-singer2004\">Singer et al., 2004</a>")
                .contains("<a href=\"lesson/second-lesson/core-network\">the next lesson</a>")
                .contains("href=\"glossary?region=insula\"");
        assertThat(sharing.citedReferenceIds()).containsExactly("singer2004");
    }

    @Test
    void figureRegionsAreHighlightedOnRequestWithoutCollidingIds() {
        Figure figure = CourseContentLoader.load(fixtureCopy()).figures().getFirst();

        String svg = BrainFigures.inline(figure, List.of("insula"));
        assertThat(svg).contains("id=\"brain-test--insula\"").contains("data-region=\"insula\"")
                .contains("class=\"region region--insula highlighted\"")
                .contains("class=\"region region--cerebellum\"")
                .doesNotContain("width=\"100\"");
    }

    @Test
    void rawHtmlInALessonIsRefusedAndWouldOnlyEverBeShownAsText() {
        fixtureCopy();
        replace("lessons/02-second.md", "Look after yourself.", "Look after yourself. <script>alert('x')</script>");
        assertThat(problems()).contains("lessons/02-second.md:16: raw HTML is not allowed in lessons (it would be shown as text): <script>");
    }

    @Test
    void unknownKeyIsReportedWithFileAndLine() {
        fixtureCopy();
        replace("course.yaml", "passMark: 75", "passMark: 75\npassmark: 80");
        assertThat(problems()).singleElement().asString()
                .startsWith("course.yaml:7: unknown key 'passmark' (allowed: audience, ceHours, certificate, id, passMark, quizzes, review, summary, title, validity, version)");
    }

    @Test
    void finalAssessmentAttemptLimitAndOpeningRuleAreReadFromCourseYaml() {
        fixtureCopy();
        replace("course.yaml", "    cooldownMinutes: 30", "    cooldownMinutes: 30\n    maxAttempts: 3\n    opensAfter: pre-test");
        Course course = CourseContentLoader.load(dir);
        QuizSettings settings = course.quiz(QuizSettings.Kind.FINAL_ASSESSMENT);
        assertThat(settings.maxAttempts()).isEqualTo(3);
        assertThat(settings.opensAfter()).isEqualTo(QuizSettings.OpensAfter.PRE_TEST);
    }

    @Test
    void withoutSettingsTheFinalIsUnlimitedAndOpensAfterEveryLesson() {
        Course course = CourseContentLoader.load(fixtureCopy());
        QuizSettings settings = course.quiz(QuizSettings.Kind.FINAL_ASSESSMENT);
        assertThat(settings.attemptsLimited()).isFalse();
        assertThat(settings.opensAfter()).isEqualTo(QuizSettings.OpensAfter.ALL_LESSONS);
    }

    @Test
    void reviewSettingsAreReadFromCourseYamlWithDefaultsWhenAbsent() {
        assertThat(CourseContentLoader.load(fixtureCopy()).review()).isEqualTo(ReviewSettings.DEFAULTS);
        replace("course.yaml", "passMark: 75", "passMark: 75\nreview:\n  desiredRetention: 0.85\n  sessionSize: 5");
        assertThat(CourseContentLoader.load(dir).review()).isEqualTo(new ReviewSettings(0.85, 5));
    }

    @Test
    void badReviewSettingsAreReportedWithFileAndLine() {
        fixtureCopy();
        replace("course.yaml", "passMark: 75", "passMark: 75\nreview:\n  desiredRetention: 1.5\n  sessionSize: 0\n  fuzz: on");
        assertThat(problems()).containsExactlyInAnyOrder(
                "course.yaml:10: unknown key 'fuzz' (allowed: desiredRetention, sessionSize)",
                "course.yaml:8: 'desiredRetention' must be between 0.7 and 0.97, not 1.5",
                "course.yaml:9: 'sessionSize' must be between 1 and 100, not 0");
    }

    @Test
    void badAttemptLimitOrOpeningRuleIsReportedWithFileAndLine() {
        fixtureCopy();
        replace("course.yaml", "    cooldownMinutes: 30", "    cooldownMinutes: 30\n    maxAttempts: 0\n    opensAfter: whenever");
        replace("course.yaml", "    counts: first", "    counts: first\n    maxAttempts: 2");
        assertThat(problems()).containsExactlyInAnyOrder(
                "course.yaml:11: unknown key 'maxAttempts' (allowed: cooldownMinutes, counts, feedback)",
                "course.yaml:17: 'maxAttempts' must be between 1 and 100, not 0",
                "course.yaml:18: 'opensAfter' must be one of [all-lessons, pre-test], not 'whenever'");
    }

    @Test
    void missingRequiredFieldInALessonHeaderIsReportedWithFileAndLine() {
        fixtureCopy();
        replace("lessons/02-second.md", "title: Second lesson\n", "");
        assertThat(problems()).containsExactly("lessons/02-second.md:2: missing required field 'title'");
    }

    @Test
    void duplicateLessonIdsAreReported() {
        fixtureCopy();
        replace("lessons/02-second.md", "id: second-lesson", "id: first-lesson");
        assertThat(problems()).contains("lessons/02-second.md:2: duplicate lesson id 'first-lesson' (also in lessons/01-first.md)");
    }

    @Test
    void duplicateGlossaryIdsAreReported() {
        fixtureCopy();
        replace("glossary.yaml", "- id: insula\n  term: Insula", "- id: empathy\n  term: Insula");
        assertThat(problems()).contains("glossary.yaml:4: duplicate id 'empathy'");
    }

    @Test
    void brokenLinksToLessonsSectionsGlossaryAndRegionsAreReportedWithTheirLines() {
        fixtureCopy();
        replace("lessons/01-first.md", "(glossary:empathy)", "(glossary:sympathy)");
        replace("lessons/01-first.md", "(region:insula)", "(region:hippocampus)");
        replace("lessons/01-first.md", "lesson:second-lesson#core-network", "lesson:second-lesson#no-such-section");
        assertThat(problems()).containsExactlyInAnyOrder(
                "lessons/01-first.md:12: link to glossary term 'sympathy', which is not in glossary.yaml",
                "lessons/01-first.md:16: link to region 'hippocampus', which is not in regions.yaml",
                "lessons/01-first.md:17: link to section 'no-such-section' of lesson 'second-lesson', which has no such section");
    }

    @Test
    void linkToAMissingLessonIsReported() {
        fixtureCopy();
        replace("lessons/01-first.md", "lesson:second-lesson#core-network", "lesson:fourth-lesson");
        assertThat(problems()).containsExactly("lessons/01-first.md:17: link to lesson 'fourth-lesson', which does not exist");
    }

    @Test
    void referenceCitedButNotListedInTheLessonHeaderIsReported() {
        fixtureCopy();
        replace("lessons/01-first.md", "references: [singer2004]", "references: []");
        assertThat(problems()).containsExactly("lessons/01-first.md:16: cites 'singer2004', which is not listed in this lesson's 'references'");
    }

    @Test
    void headerNamingUnknownTermsRegionsAndReferencesIsReported() {
        fixtureCopy();
        replace("lessons/01-first.md", "terms: [empathy, insula]", "terms: [empathy, kindness]");
        replace("lessons/01-first.md", "regions: [insula]", "regions: [thalamus]");
        replace("lessons/02-second.md", "references: [fan2011]", "references: [fan2011, nobody2020]");
        assertThat(problems()).containsExactlyInAnyOrder(
                "lessons/01-first.md:8: term 'kindness' is not in glossary.yaml",
                "lessons/01-first.md:9: region 'thalamus' is not in regions.yaml",
                "lessons/02-second.md:8: reference 'nobody2020' is not in references.yaml");
    }

    @Test
    void unreadableYamlIsReportedWithTheLineWhereParsingFailed() {
        fixtureCopy();
        replace("references.yaml", "  year: 2011", "  year: [2011");
        assertThat(problems()).singleElement().asString().startsWith("references.yaml:9: unreadable YAML");
    }

    @Test
    void lessonWithoutAnInPracticeSectionIsReported() {
        fixtureCopy();
        replace("lessons/02-second.md", "## In practice", "## Looking after yourself");
        assertThat(problems()).containsExactly("lessons/02-second.md:14: every lesson needs a section titled '## In practice'");
    }

    @Test
    void figureDrawingARegionNotInRegionsYamlIsReported() {
        fixtureCopy();
        replace("figures/brain-test.svg", "id=\"cerebellum\"", "id=\"pons\"");
        assertThat(problems()).containsExactly("figures/brain-test.svg:4: region 'pons' is not listed in regions.yaml");
    }

    @Test
    void regionListedButDrawnInNoFigureIsReported() {
        fixtureCopy();
        replace("regions.yaml", "- id: cerebellum", "- id: amygdala\n  name: Amygdala\n  description: Deep in the temporal lobe.\n- id: cerebellum");
        assertThat(problems()).containsExactly("regions.yaml: region 'amygdala' is not drawn in any figure");
    }

    @Test
    void figureWithAScriptIsRefused() {
        fixtureCopy();
        replace("figures/brain-test.svg", "</svg>", "<script>alert(1)</script></svg>");
        assertThat(problems()).contains("figures/brain-test.svg:5: <script> is not allowed in figures");
    }

    @Test
    void everyProblemIsListedAtOnceNotJustTheFirst() {
        fixtureCopy();
        replace("course.yaml", "version: 3", "version: three");
        replace("glossary.yaml", "region: insula", "region: nowhere");
        replace("lessons/02-second.md", "minutes: 6", "minutes: 600");
        assertThatThrownBy(() -> CourseContentLoader.load(dir))
                .isInstanceOf(InvalidCourseContentException.class)
                .hasMessageContaining("has 3 problems")
                .hasMessageContaining("course.yaml:7: 'version' must be a whole number, not 'three'")
                .hasMessageContaining("glossary.yaml:7: glossary term 'insula' names region 'nowhere', which is not in regions.yaml")
                .hasMessageContaining("lessons/02-second.md:5: 'minutes' must be between 1 and 60, not 600");
    }

    @Test
    void missingContentFolderSaysWhichSettingToChange() {
        assertThatThrownBy(() -> CourseContentLoader.load(dir.resolve("nowhere")))
                .hasMessageContaining("course content folder not found; set course.content-dir");
    }

    // ---- files the loader refuses: too large, linked from outside, not UTF-8 ----------------------------

    private void writeBytes(String file, byte[] bytes) {
        try {
            Files.write(dir.resolve(file), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aLessonThatIsNotUtf8IsReportedOnceWithItsLineAndByteOffsetAndLinksToItAreNotReportedAsBroken() throws IOException {
        fixtureCopy();
        byte[] latin1 = Files.readString(dir.resolve("lessons/02-second.md")).replace("pooled forty studies", "pooled forty études")
                .getBytes(StandardCharsets.ISO_8859_1);
        int offset = new String(latin1, StandardCharsets.ISO_8859_1).indexOf("études");
        writeBytes("lessons/02-second.md", latin1);

        // 01-first.md links to lesson:second-lesson#core-network; that link is not reported as broken
        assertThat(problems()).containsExactly("lessons/02-second.md:12: file is not UTF-8 text: byte 0xE9 at byte offset "
                + offset + " cannot be read as UTF-8; save the file as UTF-8");
    }

    @Test
    void aQuizFileThatIsNotUtf8IsReportedOnceWithoutBlueprintErrorsForTheQuestionsItHeld() {
        fixtureCopy();
        writeBytes("quizzes/01-first.yaml", new byte[]{'i', 'd', ':', ' ', (byte) 0xC3, '(', '\n'});
        assertThat(problems()).containsExactly("quizzes/01-first.yaml:1: file is not UTF-8 text: byte 0xC3 at byte offset 4 "
                + "cannot be read as UTF-8; save the file as UTF-8");
    }

    @Test
    void aGlossaryThatIsNotUtf8IsReportedOnceWithoutUnknownTermErrorsInLessons() {
        fixtureCopy();
        writeBytes("glossary.yaml", new byte[]{'#', '\n', '#', ' ', (byte) 0xFF, '\n'});
        assertThat(problems()).singleElement().asString().startsWith("glossary.yaml:2: file is not UTF-8 text: byte 0xFF at byte offset 4");
    }

    @Test
    void aTextFileOverTheSizeLimitIsRefusedByName() throws IOException {
        fixtureCopy();
        Files.writeString(dir.resolve("lessons/03-third.md"), "\n" + "x".repeat((int) ContentFiles.MAX_TEXT_BYTES), StandardOpenOption.APPEND);
        assertThat(problems()).containsExactly("lessons/03-third.md: file is 513 KiB; the limit is 512 KiB for a text file; split it into smaller files");
    }

    @Test
    void aFigureOverTheSizeLimitIsRefusedByNameWithoutKnockOnErrors() throws IOException {
        fixtureCopy();
        Files.writeString(dir.resolve("figures/brain-test.svg"), "<!-- " + "x".repeat((int) ContentFiles.MAX_FIGURE_BYTES) + " -->",
                StandardOpenOption.APPEND);
        assertThat(problems()).containsExactly("figures/brain-test.svg: file is 1025 KiB; the limit is 1024 KiB for a figure; simplify the drawing");
    }

    @Test
    void aSymbolicLinkToAFileOutsideTheContentFolderIsRefusedByName(@TempDir Path outside) throws IOException {
        fixtureCopy();
        Path secret = Files.writeString(outside.resolve("secret.md"), Files.readString(dir.resolve("lessons/03-third.md")));
        Files.delete(dir.resolve("lessons/03-third.md"));
        Files.createSymbolicLink(dir.resolve("lessons/03-third.md"), secret);

        assertThat(problems()).containsExactly("lessons/03-third.md: is a symbolic link to " + secret.toRealPath()
                + ", outside the course content folder; copy the file into the folder instead");
    }

    @Test
    void aLinkedFolderOutsideTheContentFolderIsRefusedFileByFile(@TempDir Path outside) throws IOException {
        fixtureCopy();
        Path figures = Files.createDirectory(outside.resolve("figures"));
        Files.move(dir.resolve("figures/brain-test.svg"), figures.resolve("brain-test.svg"));
        Files.delete(dir.resolve("figures"));
        Files.createSymbolicLink(dir.resolve("figures"), figures);

        assertThat(problems()).singleElement().asString()
                .startsWith("figures/brain-test.svg: is a symbolic link to " + figures.toRealPath().resolve("brain-test.svg"));
    }

    @Test
    void aSymbolicLinkThatStaysInsideTheContentFolderIsFollowed() throws IOException {
        fixtureCopy();
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.move(dir.resolve("lessons/03-third.md"), shared.resolve("third.md"));
        Files.createSymbolicLink(dir.resolve("lessons/03-third.md"), Path.of("../shared/third.md"));

        assertThat(CourseContentLoader.load(dir).lessons()).extracting(Lesson::id).contains("third-lesson");
    }
}
