package org.compassioncourse.content;

import org.compassioncourse.support.FixtureCourse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** evaluation.yaml and course.yaml's certificate: block, read and checked with the rest of the course. */
class CompletionContentTest {

    @TempDir
    Path dir;

    private List<String> problems() {
        try {
            CourseContentLoader.loadAll(dir);
        } catch (InvalidCourseContentException invalid) {
            return invalid.problems().stream().map(ContentProblem::toString).toList();
        }
        throw new AssertionError("expected the content to be refused");
    }

    @Test
    void theEvaluationHasOneLikertStatementPerObjectiveThenItsOwnItems() {
        FixtureCourse.copyTo(dir);
        CourseContentLoader.Loaded loaded = CourseContentLoader.loadAll(dir);
        Evaluation evaluation = loaded.completion().evaluation();
        int objectives = loaded.course().lessons().stream().mapToInt(l -> l.objectives().size()).sum();
        assertThat(evaluation.scale()).hasSize(5);
        assertThat(evaluation.items()).hasSize(objectives + 5);
        Lesson first = loaded.course().lessons().getFirst();
        assertThat(evaluation.items().getFirst().text()).isEqualTo("The objective '" + first.objectives().getFirst() + "' was met.");
        assertThat(evaluation.item("how-change").orElseThrow()).satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Evaluation.Kind.TEXT);
            assertThat(i.required()).isFalse();
        });
        assertThat(evaluation.item("fair-balance").orElseThrow().required()).isTrue();
        assertThat(loaded.completion().certificate()).as("no certificate: block, so no CE wording").isEmpty();
    }

    @Test
    void aCertificateBlockIsReadWhole() {
        FixtureCourse.copyTo(dir);
        FixtureCourse.replace(dir, "course.yaml", "passMark: 75", "passMark: 75\ncertificate:\n  provider: Example Provider\n"
                + "  accreditation: Example statement\n  contact: ce@example.org");
        assertThat(CourseContentLoader.loadAll(dir).completion().certificate()).contains(
                new CertificateSettings("Example Provider", "Example statement", "ce@example.org"));
    }

    @Test
    void ceHoursAreClaimedOnlyWithACertificateBlock() {
        FixtureCourse.copyTo(dir);
        CourseContentLoader.Loaded plain = CourseContentLoader.loadAll(dir);
        assertThat(plain.course().ceHours()).as("course.yaml has ceHours").isPositive();
        assertThat(plain.completion().ceHours(plain.course())).as("but no certificate: block, so no CE hours").isEmpty();

        FixtureCourse.replace(dir, "course.yaml", "passMark: 75", "passMark: 75\ncertificate:\n  provider: Example Provider\n"
                + "  accreditation: Example statement\n  contact: ce@example.org");
        CourseContentLoader.Loaded accredited = CourseContentLoader.loadAll(dir);
        assertThat(accredited.completion().ceHours(accredited.course())).contains(0.5);
    }

    @Test
    void anIncompleteCertificateBlockAndABadEvaluationAreReportedWithFileAndLine() throws Exception {
        FixtureCourse.copyTo(dir);
        FixtureCourse.replace(dir, "course.yaml", "passMark: 75", "passMark: 75\ncertificate:\n  provider: Example Provider\n  signature: x");
        Files.writeString(dir.resolve("evaluation.yaml"), """
                scale: [Only one]
                objectives: "Met?"
                items:
                  - id: relevant
                    type: stars
                    text: Relevant?
                  - id: relevant
                    type: likert
                    text: Again
                """);
        assertThat(problems()).contains(
                "course.yaml:9: unknown key 'signature' (allowed: accreditation, contact, provider)",
                "course.yaml:8: missing required field 'accreditation'",
                "evaluation.yaml:1: 'scale' must list 2 to 10 points, lowest first, not 1",
                "evaluation.yaml:2: 'objectives' must contain {objective}, which is replaced by each lesson objective, e.g. \"The objective '{objective}' was met.\"",
                "evaluation.yaml:5: 'type' must be one of [likert, text], not 'stars'",
                "evaluation.yaml:7: duplicate id 'relevant'");
    }

    @Test
    void aValidityBlockSaysHowLongACompletionStaysValidAndWhenRenewalOpens() {
        FixtureCourse.copyTo(dir);
        assertThat(CourseContentLoader.loadAll(dir).completion().validity()).as("no block: never expires")
                .isEqualTo(CompletionValidity.FOREVER);
        FixtureCourse.replace(dir, "course.yaml", "passMark: 75", "passMark: 75\nvalidity:\n  validFor: P2Y\n"
                + "  renewalWindow: P30D\n  renewal: lessons-and-final");
        CompletionValidity validity = CourseContentLoader.loadAll(dir).completion().validity();
        assertThat(validity).isEqualTo(new CompletionValidity(java.time.Period.ofYears(2), java.time.Period.ofDays(30),
                CompletionValidity.Renewal.LESSONS_AND_FINAL));
        assertThat(validity.validUntil(java.time.LocalDate.of(2027, 3, 10))).contains(java.time.LocalDate.of(2029, 3, 9));
        assertThat(validity.renewalOpensOn(java.time.LocalDate.of(2027, 3, 10))).contains(java.time.LocalDate.of(2029, 2, 8));
    }

    @Test
    void aValidityBlockWithoutARenewalWindowOpensRenewalSixtyDaysBeforeExpiry() {
        FixtureCourse.copyTo(dir);
        FixtureCourse.replace(dir, "course.yaml", "passMark: 75", "passMark: 75\nvalidity:\n  validFor: P1Y");
        CompletionValidity validity = CourseContentLoader.loadAll(dir).completion().validity();
        assertThat(validity.renewalWindow()).isEqualTo(java.time.Period.ofDays(60));
        assertThat(validity.renewal()).isEqualTo(CompletionValidity.Renewal.FINAL);
    }

    @Test
    void aWrongValidityBlockIsRefusedWithFileAndLine() {
        FixtureCourse.copyTo(dir);
        FixtureCourse.replace(dir, "course.yaml", "passMark: 75", "passMark: 75\nvalidity:\n  validFor: two years\n  renewal: sometimes");
        assertThat(problems()).anySatisfy(p -> assertThat(p).contains("course.yaml:").contains("validFor must be an ISO-8601 period"))
                .anySatisfy(p -> assertThat(p).contains("course.yaml:").contains("renewal"));

        FixtureCourse.copyTo(dir2());
        FixtureCourse.replace(dir2, "course.yaml", "passMark: 75", "passMark: 75\nvalidity:\n  validFor: P30D\n  renewalWindow: P2M");
        assertThat(problemsIn(dir2)).anySatisfy(p -> assertThat(p).contains("renewalWindow (P2M) must be shorter than validFor (P30D)"));
    }

    @TempDir
    Path dir2;

    private Path dir2() {
        return dir2;
    }

    private static List<String> problemsIn(Path folder) {
        try {
            CourseContentLoader.loadAll(folder);
        } catch (InvalidCourseContentException invalid) {
            return invalid.problems().stream().map(ContentProblem::toString).toList();
        }
        throw new AssertionError("expected the content to be refused");
    }
}
