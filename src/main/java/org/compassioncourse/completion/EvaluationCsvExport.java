package org.compassioncourse.completion;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.compassioncourse.base.SpreadsheetText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cohort's course evaluation as CSV for its instructor (e.g. for an accreditation report): one row per statement
 * with the number of answers, the mean point and the count per point, then one row per comment, without names.
 * RFC 4180 quoting, a UTF-8 byte order mark for Excel, and text a spreadsheet would run as a formula defused.
 */
@Service
@PreAuthorize("hasRole('INSTRUCTOR')")
public class EvaluationCsvExport {

    static final char BYTE_ORDER_MARK = '\uFEFF';

    private final CompletionService completion;

    EvaluationCsvExport(CompletionService completion) {
        this.completion = completion;
    }

    /** Writes the evaluation of one of the instructor's own cohorts (refused for anyone else's before writing). */
    public void write(long cohortId, Writer out) throws IOException {
        EvaluationResults results = completion.cohortEvaluation(cohortId);
        List<String> header = new ArrayList<>(List.of("kind", "item_id", "question", "answers",
                "mean_1_to_" + results.scale().size()));
        results.scale().forEach(point -> header.add("count_" + point.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")));
        header.add("comment");
        out.write(BYTE_ORDER_MARK);
        try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
            for (EvaluationResults.LikertItem item : results.likert()) {
                List<Object> row = new ArrayList<>(List.of("statement", item.itemId(), SpreadsheetText.cell(item.text()), item.answers(),
                        item.mean() == null ? "" : String.format(Locale.ROOT, "%.2f", item.mean())));
                row.addAll(item.counts());
                row.add("");
                csv.printRecord(row);
            }
            for (EvaluationResults.Comment comment : results.comments()) {
                List<Object> row = new ArrayList<>(List.of("comment", "", SpreadsheetText.cell(comment.question()), "", ""));
                results.scale().forEach(point -> row.add(""));
                row.add(SpreadsheetText.cell(comment.text()));
                csv.printRecord(row);
            }
        }
    }
}
