package org.compassioncourse.completion;

import org.compassioncourse.base.LearnerSet;
import org.compassioncourse.cohort.CohortMembers;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.progress.ReadingFigures;
import org.compassioncourse.quiz.ResultFigures;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records the completion of learners whose data was written without a request of theirs (the synthetic cohort
 * generator), by the same {@link CompletionRule} a learner's own pages apply; the completion record is then there
 * for the instructor's "Completed on" as it is for a real learner. Callers check who may.
 */
@Component
public class RecordedCompletions {

    private final NamedParameterJdbcTemplate jdbc;
    private final CohortMembers members;
    private final ResultFigures results;
    private final ReadingFigures reading;
    private final Course course;
    private final Clock clock;

    RecordedCompletions(NamedParameterJdbcTemplate jdbc, CohortMembers members, ResultFigures results, ReadingFigures reading,
                        Course course, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.results = results;
        this.reading = reading;
        this.course = course;
        this.clock = clock;
    }

    /**
     * Records a completion for every member of the cohort for whom the rule holds and none is recorded yet; the final
     * score is the counted final's (so call it after the counted results are stored). Returns how many it recorded.
     */
    @Transactional
    public int recordMissing(long cohortId) {
        LearnerSet learners = members.of(cohortId);
        Set<Long> recorded = new HashSet<>(jdbc.queryForList("select c.user_id from course_completion c"
                + learners.join("c.user_id") + "where " + learners.where("c.user_id"), learners.parameters(), Long.class));
        Map<Long, ResultFigures.FinalPass> passes = new HashMap<>(results.finalPasses(learners));
        passes.keySet().removeAll(recorded);
        if (passes.isEmpty()) {
            return 0;
        }
        List<String> lessonIds = course.lessons().stream().map(Lesson::id).toList();
        Map<Long, Map<String, Instant>> lessonsDone = reading.lessonCompletions(learners);
        Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
        List<Object[]> rows = new ArrayList<>();
        passes.forEach((userId, pass) -> {
            Map<String, Instant> done = lessonsDone.getOrDefault(userId, Map.of());
            List<@Nullable Instant> lessonCompletions = new ArrayList<>();
            lessonIds.forEach(id -> lessonCompletions.add(done.get(id)));
            CompletionRule.completedAt(lessonCompletions, pass.firstPassedAt()).ifPresent(at -> rows.add(new Object[]{userId,
                    Timestamp.from(at.truncatedTo(ChronoUnit.MICROS)), pass.countedScore(), course.version(), now}));
        });
        jdbc.getJdbcTemplate().batchUpdate("insert into course_completion (user_id, completed_at, final_score, course_version,"
                + " recorded_at) values (?, ?, ?, ?, ?)", rows);
        return rows.size();
    }
}
