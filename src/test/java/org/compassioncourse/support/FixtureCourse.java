package org.compassioncourse.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The small fixture course in src/test/resources/course-fixture, copied so that a test may break it. */
public final class FixtureCourse {

    public static final Path FOLDER = Path.of("src/test/resources/course-fixture");

    private FixtureCourse() {
    }

    /** Copies the fixture course into the folder and returns it. */
    public static Path copyTo(Path dir) {
        try (Stream<Path> files = Files.walk(FOLDER)) {
            for (Path source : files.toList()) {
                Path target = dir.resolve(FOLDER.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of a text in a file of the copy; fails if the text is not there. */
    public static void replace(Path dir, String file, String from, String to) {
        try {
            Path path = dir.resolve(file);
            String text = Files.readString(path);
            assertThat(text).as("fixture %s contains the text to replace", file).contains(from);
            int at = text.indexOf(from);
            Files.writeString(path, text.substring(0, at) + to + text.substring(at + from.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems (as "file:line: message") for which the course in {@code dir} is refused; fails if it loads. */
    public static java.util.List<String> problemsLoading(Path dir) {
        try {
            org.compassioncourse.content.CourseContentLoader.load(dir);
        } catch (org.compassioncourse.content.InvalidCourseContentException invalid) {
            return invalid.problems().stream().map(org.compassioncourse.content.ContentProblem::toString).toList();
        }
        throw new AssertionError("expected the bank to be refused");
    }
}
