package org.compassioncourse.gift;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.CourseContentLoader;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuestionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Our whole bank survives GIFT: export, import into a copy of the course, load, and every question is the same. */
class GiftRoundTripTest {

    private static final Path CONTENT = Path.of("course-content");

    @Test
    void wholeBankExportedAndImportedBackGivesTheSameQuestionsKeysAndFeedbackBarHotspots(@TempDir Path temp) throws Exception {
        Course shipped = CourseContentLoader.load(CONTENT);
        GiftWriter.Result exported = GiftWriter.write(shipped.questions());
        List<Question> expected = shipped.questions().stream().filter(q -> q.type() != QuestionType.HOTSPOT).toList();
        assertThat(exported.exported()).isEqualTo(expected.size());
        assertThat(exported.skipped()).hasSize(shipped.questions().size() - expected.size()).isNotEmpty();

        Path copy = copyWithoutQuizzes(temp.resolve("content"));
        Path gift = temp.resolve("bank.gift");
        Files.writeString(gift, exported.gift(), StandardCharsets.UTF_8);
        GiftImport.importInto(gift, copy, "bank");

        String report = Files.readString(GiftImport.reportPath(copy, "bank"));
        assertThat(report).contains(expected.size() + " questions written, 0 not imported")
                .contains("The author must add (the import does not invent these; the app refuses the bank until then): none");
        Course reimported = CourseContentLoader.loadWithoutItemWritingRules(copy);
        assertThat(reimported.questions().stream().map(GiftRoundTripTest::withoutLocation).toList())
                .containsExactlyElementsOf(expected.stream().map(GiftRoundTripTest::withoutLocation).toList());
    }

    /** Where a question was read from differs by design; everything else must be equal. */
    static Question withoutLocation(Question q) {
        Question.Body body = q.body() instanceof Question.Choice c
                ? new Question.Choice(c.type(), c.options().stream().map(o -> new Question.Option(o.id(), o.text(), o.feedback())).toList(), c.correct())
                : q.body();
        return new Question(q.id(), q.lessonId(), q.sectionId(), q.objective(), q.referenceId(), q.use(), q.blueprint(),
                q.distinction(), q.stem(), q.scenario(), body, "", 0);
    }

    static Path copyWithoutQuizzes(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(CONTENT)) {
            for (Path source : files.toList()) {
                Path relative = CONTENT.relativize(source);
                if (relative.startsWith("quizzes") && !relative.toString().equals("quizzes")) {
                    continue;
                }
                Path to = target.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(source, to);
                }
            }
        }
        return target;
    }
}
