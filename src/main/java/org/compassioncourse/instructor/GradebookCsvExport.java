package org.compassioncourse.instructor;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A cohort's gradebook as CSV, one row per learner, written page by page so that large cohorts never sit in memory.
 * Quoting follows RFC 4180 (commons-csv), so names with commas or quotes survive a spreadsheet import.
 */
@Service
@PreAuthorize("hasRole('INSTRUCTOR')")
public class GradebookCsvExport {

    static final String[] HEADER = {"learner", "email", "percent_complete", "lessons_completed", "current_lesson",
            "last_active_utc", "pre_test_percent", "final_percent", "passed", "learning_gain"};
    private static final int PAGE = 500;

    private final CohortReviewService review;

    GradebookCsvExport(CohortReviewService review) {
        this.review = review;
    }

    /** Writes the gradebook of one of the instructor's cohorts (refused for anyone else's). */
    public void write(long cohortId, Writer out) throws IOException {
        try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out)) {
            for (int offset = 0; ; offset += PAGE) {
                List<LearnerRow> page = review.learners(cohortId, LearnerStatus.ALL, CohortReviewService.SortColumn.NAME, true, offset, PAGE);
                for (LearnerRow row : page) {
                    csv.printRecord(row.displayName(), row.email(), row.percentComplete(), row.lessonsCompleted(),
                            row.currentLessonTitle() == null ? "" : row.currentLessonTitle(),
                            row.lastActive() == null ? "" : row.lastActive().toString(),
                            row.preTest() == null ? "" : row.preTest(), row.finalScore() == null ? "" : row.finalScore(),
                            row.passed() == null ? "" : row.passed() ? "yes" : "no",
                            row.learningGain() == null ? "" : String.format(java.util.Locale.ROOT, "%.3f", row.learningGain()));
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
    }
}
