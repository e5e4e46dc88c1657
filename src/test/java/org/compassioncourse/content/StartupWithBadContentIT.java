package org.compassioncourse.content;

import org.compassioncourse.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application refuses to start on broken course content, naming file and line. */
class StartupWithBadContentIT {

    @TempDir
    Path dir;

    @Test
    void applicationDoesNotStartWhenALessonLinksToAMissingGlossaryTerm() throws IOException {
        Path fixture = Path.of("src/test/resources/course-fixture");
        try (var files = Files.walk(fixture)) {
            for (Path source : files.toList()) {
                Path target = dir.resolve(fixture.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Path lesson = dir.resolve("lessons/01-first.md");
        Files.writeString(lesson, Files.readString(lesson).replace("(glossary:empathy)", "(glossary:sympathy)"));

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
