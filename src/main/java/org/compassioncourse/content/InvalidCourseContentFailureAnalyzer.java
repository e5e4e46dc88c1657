package org.compassioncourse.content;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns invalid course content at start-up into a short report an author can act on, instead of a stack trace. */
class InvalidCourseContentFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCourseContentException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidCourseContentException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the files listed above (see course-content/README.md for the format), then start the app again.",
                cause);
    }
}
