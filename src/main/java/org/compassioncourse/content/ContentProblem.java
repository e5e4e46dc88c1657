package org.compassioncourse.content;

/** One thing wrong in the course content, located by file (relative to the content folder) and line. */
public record ContentProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
