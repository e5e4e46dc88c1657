package org.compassioncourse.instructor;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.content.Question;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Makes synthetic cohorts for demos and benchmarks: invented learners with plausible reading progress and
 * pre-test/final attempts. Clearly apart from real data: the cohort name starts with "[Synthetic]", every
 * learner's email ends in "@synthetic.invalid", and nobody can log in as them (random unknown password).
 * Never available in the prod profile.
 */
@Component
@Profile("!prod")
public class SyntheticCohortGenerator {

    public static final String NAME_PREFIX = "[Synthetic] ";
    public static final String EMAIL_DOMAIN = "@synthetic.invalid";

    private final JdbcTemplate jdbc;
    private final Course course;
    private final PasswordEncoder passwordEncoder;

    SyntheticCohortGenerator(JdbcTemplate jdbc, Course course, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.course = course;
        this.passwordEncoder = passwordEncoder;
    }

    /** Creates a cohort owned by the instructor with the given number of synthetic learners; returns its id. */
    @Transactional
    public long generate(long instructorId, int learners, long seed) {
        Random random = new Random(seed);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = passwordEncoder.encode(UUID.randomUUID().toString());
        String code = "SYN" + Long.toString(Math.abs(random.nextLong()) % 100000, 36).toUpperCase();
        jdbc.update("insert into cohort (instructor_id, name, join_code, created_at) values (?, ?, ?, ?)",
                instructorId, NAME_PREFIX + learners + " learners", code + learners, Timestamp.from(now));
        long cohortId = jdbc.queryForObject("select id from cohort where join_code = ?", Long.class, code + learners);

        Map<String, List<Question>> slots = new TreeMap<>();
        course.questions().stream().filter(q -> q.use() == Question.Use.ASSESSMENT)
                .forEach(q -> slots.computeIfAbsent(q.blueprint(), k -> new ArrayList<>()).add(q));
        String batch = Long.toString(seed, 36) + "-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < learners; i++) {
            String email = "learner-" + batch + "-" + i + EMAIL_DOMAIN;
            jdbc.update("insert into user_account (email, display_name, password_hash, role, created_at) values (?, ?, ?, 'LEARNER', ?)",
                    email, "Synthetic learner " + (i + 1), hash, Timestamp.from(now));
            long userId = jdbc.queryForObject("select id from user_account where email = ?", Long.class, email);
            jdbc.update("insert into cohort_member (cohort_id, user_id, joined_at) values (?, ?, ?)", cohortId, userId, Timestamp.from(now));
            double ability = random.nextGaussian();
            int lessonsRead = random.nextInt(course.lessons().size() + 1);
            List<Object[]> progress = new ArrayList<>();
            for (int l = 0; l < lessonsRead; l++) {
                Lesson lesson = course.lessons().get(l);
                Instant visited = now.minus(random.nextInt(30 * 24), ChronoUnit.HOURS);
                progress.add(new Object[]{userId, lesson.id(), lesson.lastSection().id(), Timestamp.from(visited),
                        Timestamp.from(visited), l < lessonsRead - 1 || random.nextBoolean() ? Timestamp.from(visited) : null});
            }
            jdbc.batchUpdate("insert into lesson_progress (user_id, lesson_id, last_section_id, first_visited_at, last_visited_at, completed_at)"
                    + " values (?, ?, ?, ?, ?, ?)", progress);
            attempt(userId, "PRE_TEST", slots, ability - 0.8, random, now.minus(40, ChronoUnit.DAYS));
            if (lessonsRead == course.lessons().size()) {
                attempt(userId, "FINAL_ASSESSMENT", slots, ability + 0.6, random, now.minus(1, ChronoUnit.DAYS));
            }
        }
        return cohortId;
    }

    private void attempt(long userId, String kind, Map<String, List<Question>> slots, double ability, Random random, Instant at) {
        List<String> drawn = new ArrayList<>();
        slots.values().forEach(slot -> drawn.add(slot.get(random.nextInt(slot.size())).id()));
        jdbc.update("insert into quiz_attempt (user_id, kind, content_version, question_ids, seed, started_at, submitted_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", userId, kind, course.version(), String.join(",", drawn), random.nextLong(),
                Timestamp.from(at.minus(20, ChronoUnit.MINUTES)), Timestamp.from(at));
        long attemptId = jdbc.queryForObject("select max(id) from quiz_attempt where user_id = ? and kind = ?", Long.class, userId, kind);
        List<Object[]> responses = new ArrayList<>();
        double total = 0;
        for (String id : drawn) {
            Question question = course.question(id).orElseThrow();
            double difficulty = (Math.abs(id.hashCode()) % 100) / 50.0 - 1.0;
            boolean right = question.body() instanceof Question.Hotspot
                    || random.nextDouble() < 1 / (1 + Math.exp(-(ability - difficulty) * 1.7));
            String answer = answerFor(question, right, random);
            total += right ? 1 : 0;
            responses.add(new Object[]{attemptId, id, course.version(), answer, right ? 1.0 : 0.0, Timestamp.from(at),
                    (long) (10_000 + random.nextInt(50_000))});
        }
        jdbc.batchUpdate("insert into quiz_response (attempt_id, question_id, content_version, answer, score, answered_at, time_taken_ms)"
                + " values (?, ?, ?, ?, ?, ?, ?)", responses);
        double percent = Math.round(total * 1000.0 / drawn.size()) / 10.0;
        jdbc.update("update quiz_attempt set score_percent = ?, passed = ? where id = ?", percent,
                "FINAL_ASSESSMENT".equals(kind) ? percent >= course.passMark() : null, attemptId);
    }

    /** A stored answer in the quiz's format, right or wrong (partial credit is not simulated). */
    private static String answerFor(Question question, boolean right, Random random) {
        return switch (question.body()) {
            case Question.TrueFalse tf -> "tf:" + (right == tf.answer());
            case Question.Choice choice -> {
                List<String> wrong = choice.options().stream().map(Question.Option::id).filter(o -> !choice.correct().contains(o)).toList();
                yield "choices:" + (right || wrong.isEmpty() ? String.join(",", choice.correct().stream().sorted().toList())
                        : wrong.get(random.nextInt(wrong.size())));
            }
            case Question.Matching matching -> {
                List<String> ids = matching.pairs().stream().map(Question.Pair::id).sorted().toList();
                StringBuilder pairs = new StringBuilder();
                for (int i = 0; i < ids.size(); i++) {
                    String chosen = right ? ids.get(i) : ids.get((i + 1) % ids.size());
                    pairs.append(i == 0 ? "" : "&").append(ids.get(i)).append('=').append(chosen);
                }
                yield "matches:" + pairs;
            }
            case Question.Categorise categorise -> {
                StringBuilder pairs = new StringBuilder();
                List<Question.Item> items = categorise.items().stream().sorted(java.util.Comparator.comparing(Question.Item::id)).toList();
                for (int i = 0; i < items.size(); i++) {
                    String category = items.get(i).category();
                    if (!right && i == 0) {
                        category = categorise.categories().stream().map(Question.Category::id)
                                .filter(c -> !c.equals(items.getFirst().category())).findFirst().orElse(category);
                    }
                    pairs.append(i == 0 ? "" : "&").append(items.get(i).id()).append('=').append(category);
                }
                yield "categories:" + pairs;
            }
            case Question.Ordering ordering -> {
                List<String> ids = new ArrayList<>(ordering.items().stream().map(Question.Item::id).toList());
                if (!right) {
                    java.util.Collections.reverse(ids);
                }
                yield "order:" + String.join(",", ids);
            }
            case Question.Hotspot hotspot -> "region:" + hotspot.answerRegion();
        };
    }
}
