package org.compassioncourse.training;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.compassioncourse.account.AccountNames;
import org.compassioncourse.base.SpreadsheetText;
import org.compassioncourse.cohort.CohortMembers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The administrator's compliance overview: for every cohort, how many of its learners are compliant (completed and
 * not expired), due soon, overdue or expired, each status decided by {@link TrainingRule}; and the same over every
 * learner in any cohort, each counted once however many cohorts they are in.
 */
@Service
@PreAuthorize("hasRole('ADMINISTRATOR')")
public class ComplianceReport {

    static final String[] HEADER = {"cohort", "instructor", "learners", "compliant", "compliant_percent", "due_soon",
            "overdue", "expired", "expiring_soon", "in_progress", "not_started"};

    /** One cohort's (or, with id 0, every cohort's) learners counted by training status. */
    public record Row(long cohortId, String cohort, String instructor, long learners, Map<TrainingStatus, Long> counts) {

        public long count(TrainingStatus status) {
            return counts.getOrDefault(status, 0L);
        }

        public long compliant() {
            return counts.entrySet().stream().filter(e -> e.getKey().compliant()).mapToLong(Map.Entry::getValue).sum();
        }

        /** A share of the learners, 0 to 1 (0 for an empty cohort). */
        public double share(long part) {
            return learners == 0 ? 0 : (double) part / learners;
        }
    }

    /** Every cohort's row, by name, and the row of all learners in any cohort. */
    public record Overview(List<Row> cohorts, Row everyone) {
    }

    private final CohortMembers members;
    private final AccountNames names;
    private final TrainingStatuses statuses;

    ComplianceReport(CohortMembers members, AccountNames names, TrainingStatuses statuses) {
        this.members = members;
        this.names = names;
        this.statuses = statuses;
    }

    @Transactional(readOnly = true)
    public Overview overview() {
        List<CohortMembers.CohortOfInstructor> cohorts = members.everyCohort();
        Map<Long, AccountNames.Name> instructors = names.of(cohorts.stream().map(CohortMembers.CohortOfInstructor::instructorId).distinct().toList());
        List<Row> rows = new ArrayList<>();
        Map<Long, TrainingStatus> everyone = new HashMap<>();
        for (CohortMembers.CohortOfInstructor cohort : cohorts) {
            List<Long> ids = members.ids(cohort.id());
            Map<TrainingStatus, Long> counts = new EnumMap<>(TrainingStatus.class);
            statuses.of(ids, members.of(cohort.id())).forEach((id, standing) -> {
                counts.merge(standing.status(), 1L, Long::sum);
                everyone.put(id, standing.status());
            });
            AccountNames.Name instructor = instructors.get(cohort.instructorId());
            rows.add(new Row(cohort.id(), cohort.name(), instructor == null ? "(erased)" : instructor.displayName(), ids.size(), counts));
        }
        Map<TrainingStatus, Long> all = new EnumMap<>(TrainingStatus.class);
        everyone.values().forEach(status -> all.merge(status, 1L, Long::sum));
        return new Overview(rows, new Row(0, "All cohorts", "", everyone.size(), all));
    }

    /** The overview as CSV (RFC 4180, UTF-8 with a byte order mark for Excel), the all-cohorts row last. */
    @Transactional(readOnly = true)
    public void writeCsv(Writer out) throws IOException {
        Overview overview = overview();
        out.write('\uFEFF');
        try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out)) {
            List<Row> rows = new ArrayList<>(overview.cohorts());
            rows.add(overview.everyone());
            for (Row row : rows) {
                csv.printRecord(SpreadsheetText.cell(row.cohort()), SpreadsheetText.cell(row.instructor()), row.learners(),
                        row.compliant(), String.format(Locale.ROOT, "%.1f", row.share(row.compliant()) * 100),
                        row.count(TrainingStatus.DUE_SOON), row.count(TrainingStatus.OVERDUE), row.count(TrainingStatus.EXPIRED),
                        row.count(TrainingStatus.EXPIRING_SOON), row.count(TrainingStatus.IN_PROGRESS), row.count(TrainingStatus.NOT_STARTED));
            }
        }
    }
}
