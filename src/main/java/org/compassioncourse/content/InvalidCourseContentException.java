package org.compassioncourse.content;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The course content could not be loaded; lists every problem found, each with file and line. */
public class InvalidCourseContentException extends RuntimeException {

    private final List<ContentProblem> problems;

    public InvalidCourseContentException(Path folder, List<ContentProblem> problems) {
        super("The course content in " + folder.toAbsolutePath().normalize() + " has " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + ":\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ContentProblem> problems() {
        return problems;
    }
}
