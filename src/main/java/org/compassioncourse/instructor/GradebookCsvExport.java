package org.compassioncourse.instructor;

import org.compassioncourse.base.SpreadsheetText;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.compassioncourse.cohort.CohortService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.Writer;

/**
 * A cohort's gradebook as CSV, one row per learner, written page by page so that large cohorts never sit in memory.
 * Quoting follows RFC 4180 (commons-csv), so names with commas or quotes survive a spreadsheet import. The file
 * starts with a UTF-8 byte order mark, which Excel needs to read accented names; text that a spreadsheet would run
 * as a formula (a learner can choose their own name) is defused with a leading apostrophe, as OWASP advises.
 */
@Service
@PreAuthorize("hasRole('INSTRUCTOR')")
public class GradebookCsvExport {

    static final String[] HEADER = {"learner", "email", "percent_complete", "lessons_completed", "current_lesson",
            "last_active_utc", "pre_test_percent", "final_percent", "passed", "learning_gain_percent",
            "completed_on_utc", "certificate", "training_status", "due_on", "valid_until", "training_summary"};
    static final char BYTE_ORDER_MARK = '\uFEFF';

    private final CohortReports reports;
    private final CohortService cohortService;

    GradebookCsvExport(CohortReports reports, CohortService cohortService) {
        this.reports = reports;
        this.cohortService = cohortService;
    }

    /** Writes the gradebook of one of the instructor's cohorts (refused for anyone else's). */
    public void write(long cohortId, Writer out) throws IOException {
        cohortService.requireOwnCohort(cohortId); // refused before anything is written
        out.write(BYTE_ORDER_MARK);
        try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out)) {
            for (LearnerRow row : reports.everyLearnerByName(cohortId)) {
                csv.printRecord(text(row.displayName()), text(row.email()), row.percentComplete(), row.lessonsCompleted(),
                        row.currentLessonTitle() == null ? "" : text(row.currentLessonTitle()),
                        row.lastActive() == null ? "" : row.lastActive().toString(),
                        row.preTest() == null ? "" : row.preTest(), row.finalScore() == null ? "" : row.finalScore(),
                        row.passed() == null ? "" : row.passed() ? "yes" : "no",
                        row.learningGain() == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", row.learningGain() * 100),
                        row.completedAt() == null ? "" : row.completedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString(),
                        row.certificate() == null ? "" : row.certificate(),
                        row.training().status().label(), date(row.training().dueOn()), date(row.training().validUntil()),
                        row.training().describe());
            }
        }
    }

    private static String date(java.time.@org.jspecify.annotations.Nullable LocalDate day) {
        return day == null ? "" : day.toString();
    }

    /** A text cell a spreadsheet shows as text, never evaluates (the rule lives in {@link SpreadsheetText}). */
    static String text(String value) {
        return SpreadsheetText.cell(value);
    }
}
