package org.compassioncourse.content;

import org.compassioncourse.Application;
import org.compassioncourse.support.FixtureCourse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application refuses to start on broken course content, naming file and line. */
class StartupWithBadContentIT {

    @TempDir
    Path dir;

    @Test
    void applicationDoesNotStartWhenALessonLinksToAMissingGlossaryTerm() {
        FixtureCourse.copyTo(dir);
        FixtureCourse.replace(dir, "lessons/01-first.md", "(glossary:empathy)", "(glossary:sympathy)");

        assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class)
                .run("--course.content-dir=" + dir, "--server.port=0", "--course.data-dir=" + dir.resolve("data"),
                        "--logging.level.root=off"))
                .satisfies(failure -> {
                    Throwable cause = failure;
                    while (!(cause instanceof InvalidCourseContentException) && cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    assertThat(cause).isInstanceOf(InvalidCourseContentException.class)
                            .hasMessageContaining("lessons/01-first.md:12: link to glossary term 'sympathy', which is not in glossary.yaml");
                });
    }
}
