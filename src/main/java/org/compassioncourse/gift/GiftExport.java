package org.compassioncourse.gift;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.CourseContentLoader;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.content.Question;
import org.compassioncourse.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The question bank, or one lesson's questions, as a GIFT file for a Moodle quiz. Keys and feedback leave the
 * server here, so only instructors and administrators may download it (checked on the service, not only the view).
 *
 * <p>Command line: {@code ./mvnw -q compile exec:java@gift-export [-Dgift.lesson=LESSON-ID] [-Dgift.out=bank.gift]
 * [-Dgift.content=course-content]}.
 */
@Service
@PreAuthorize("hasAnyRole('" + Role.INSTRUCTOR_NAME + "', '" + Role.ADMINISTRATOR_NAME + "')")
public class GiftExport {

    private final Course course;

    GiftExport(Course course) {
        this.course = course;
    }

    /** The lessons one may choose from, in course order. */
    public List<Lesson> lessons() {
        return course.lessons();
    }

    /** The whole bank (lessonId null) or one lesson's questions as GIFT. */
    public GiftWriter.Result export(@Nullable String lessonId) {
        return GiftWriter.write(select(course, lessonId));
    }

    static List<Question> select(Course course, @Nullable String lessonId) {
        if (lessonId != null && course.lesson(lessonId).isEmpty()) {
            throw new IllegalArgumentException("there is no lesson '" + lessonId + "'");
        }
        return course.questions().stream().filter(q -> lessonId == null || q.lessonId().equals(lessonId)).toList();
    }

    public static void main(String[] args) throws IOException {
        Path content = Path.of(System.getProperty("gift.content", "course-content"));
        String lesson = System.getProperty("gift.lesson");
        lesson = lesson == null || lesson.isBlank() ? null : lesson;
        Path out = Path.of(System.getProperty("gift.out", lesson == null ? "target/question-bank.gift" : "target/" + lesson + ".gift"));
        Course course = CourseContentLoader.load(content);
        GiftWriter.Result result = GiftWriter.write(select(course, lesson));
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        Files.writeString(out, result.gift(), StandardCharsets.UTF_8);
        System.out.println("Wrote " + out + ": " + result.exported() + " questions, " + result.skipped().size()
                + " skipped (hotspot has no GIFT form): " + result.skipped());
    }
}
