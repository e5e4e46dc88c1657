package org.compassioncourse.gift;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GIFT read as Moodle's importer reads it: every construct of its documentation, and broken files refused with a line. */
class GiftReaderTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = GiftReaderTest.class.getResourceAsStream("/gift/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static GiftQuestion titled(List<GiftQuestion> questions, String title) {
        return questions.stream().filter(q -> title.equals(q.title())).findFirst().orElseThrow();
    }

    @Test
    void everyDocumentedConstructIsRecognisedWithItsCategoryTitleFormatAndFeedback() throws Exception {
        List<GiftQuestion> questions = GiftReader.read(resource("moodle-constructs.gift"));

        assertThat(questions).extracting(GiftQuestion::title).containsExactly("single", "multi", "tf-true", "tf-false",
                "match", "escapes", "multi-line", null, "essay", "numeric", "short", "missing", "description", "order");
        GiftQuestion single = titled(questions, "single");
        assertThat(single.category()).isEqualTo("$course$/top/empathy-and-the-brain");
        assertThat(single.kind()).isEqualTo(GiftQuestion.Kind.CHOICE);
        assertThat(single.answers()).extracting(GiftQuestion.Answer::text, GiftQuestion.Answer::percent, GiftQuestion.Answer::feedback)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Grant's wife", 0.0, "Close, but no."),
                        org.assertj.core.groups.Tuple.tuple("Grant", 100.0, "Right."),
                        org.assertj.core.groups.Tuple.tuple("No one", 0.0, "Someone is."));
        assertThat(single.generalFeedback()).isEqualTo("The tomb holds Grant and his wife.");

        GiftQuestion multi = titled(questions, "multi");
        assertThat(multi.format()).isEqualTo("markdown");
        assertThat(multi.text()).isEqualTo("Which regions are **cortex**?");
        assertThat(multi.answers()).extracting(GiftQuestion.Answer::percent).containsExactly(50.0, 50.0, -100.0);
        assertThat(multi.answers()).extracting(GiftQuestion.Answer::line).containsExactly(9, 10, 11);

        GiftQuestion tfTrue = titled(questions, "tf-true");
        assertThat(tfTrue.truth()).isTrue();
        assertThat(tfTrue.wrongFeedback()).isEqualTo("Wrong: it does.");
        assertThat(tfTrue.rightFeedback()).isEqualTo("Right, it does.");
        GiftQuestion tfFalse = titled(questions, "tf-false");
        assertThat(tfFalse.truth()).isFalse();
        assertThat(tfFalse.format()).isEqualTo("plain");
        assertThat(tfFalse.rightFeedback()).isEqualTo("Right: they differ.");

        GiftQuestion match = titled(questions, "match");
        assertThat(match.format()).isEqualTo("html");
        assertThat(match.matches()).extracting(GiftQuestion.Match::left, GiftQuestion.Match::right).containsExactly(
                org.assertj.core.groups.Tuple.tuple("fMRI", "activity"),
                org.assertj.core.groups.Tuple.tuple("Structural imaging", "anatomy"),
                org.assertj.core.groups.Tuple.tuple("Lesion studies", "what damage changes"),
                org.assertj.core.groups.Tuple.tuple("", "heart rate"));

        GiftQuestion escapes = titled(questions, "escapes");
        assertThat(escapes.text()).isEqualTo("Special characters ~ = # { } : and a backslash \\ stay in the text,\nand \\n starts a new line.");
        assertThat(escapes.answers().getFirst().text()).isEqualTo("Yes = equal");
        assertThat(escapes.answers().getFirst().feedback()).isEqualTo("It says {braces}");
        assertThat(escapes.answers().get(1).feedback()).isEqualTo("Not : so");

        GiftQuestion multiLine = titled(questions, "multi-line");
        assertThat(multiLine.format()).isEqualTo("moodle");
        assertThat(multiLine.text()).isEqualTo("A question\nwritten over\nseveral lines");
        assertThat(multiLine.line()).isEqualTo(30);

        assertThat(questions.get(7).answers()).extracting(GiftQuestion.Answer::percent).containsExactly(100.0, 50.0, 0.0);
        assertThat(questions).extracting(GiftQuestion::kind).containsSubsequence(GiftQuestion.Kind.ESSAY,
                GiftQuestion.Kind.NUMERICAL, GiftQuestion.Kind.SHORT_ANSWER, GiftQuestion.Kind.MISSING_WORD,
                GiftQuestion.Kind.DESCRIPTION, GiftQuestion.Kind.ORDERING);
        GiftQuestion order = titled(questions, "order");
        assertThat(order.category()).isEqualTo("$course$/top/what-training-changes");
        assertThat(order.orderItems()).containsExactly("First", "Second", "Third");
    }

    @Test
    void escapingRoundTripsEverySpecialCharacterAndNewlines() {
        String text = "a ~ b = c # d { e } f : g \\ h\nnext line";
        String escaped = GiftText.escape(text);
        assertThat(escaped).doesNotContain("\n").contains("\\~", "\\=", "\\#", "\\{", "\\}", "\\:", "\\\\", "\\n");
        assertThat(GiftText.unescape(escaped)).isEqualTo(text);
    }

    @Test
    void unbalancedBracesFailTheWholeFileWithTheLineOfTheStrayBrace() {
        assertThatThrownBy(() -> GiftReader.read(resource("unbalanced-braces.gift")))
                .isInstanceOf(GiftParseException.class)
                .hasMessageStartingWith("line 6: unbalanced braces")
                .satisfies(e -> assertThat(((GiftParseException) e).line()).isEqualTo(6));
    }

    @Test
    void aWeightMoodleDoesNotAcceptIsAnErrorAtItsLine() {
        assertThatThrownBy(() -> GiftReader.read(resource("unknown-weight.gift")))
                .isInstanceOf(GiftParseException.class)
                .hasMessageContaining("line 4: weight %33% is not one Moodle accepts")
                .hasMessageContaining("33.33333");
    }

    @Test
    void aWindows1252FileIsRefusedByTheStrictDecoderWithItsLine() {
        assertThatThrownBy(() -> GiftReader.read(resource("windows-1252.gift")))
                .isInstanceOf(GiftParseException.class)
                .hasMessageContaining("line 3: byte 0x92 is not UTF-8")
                .hasMessageContaining("save the file as UTF-8");
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreAccepted() throws Exception {
        byte[] bom = "\uFEFF::q::Text.{T}\r\n\r\n::r::More.{F}\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(GiftReader.read(bom)).extracting(GiftQuestion::title, GiftQuestion::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("q", 1), org.assertj.core.groups.Tuple.tuple("r", 3));
    }

    @Test
    void aQuestionRightUnderItsCategoryLineBelongsToThatCategory() throws Exception {
        byte[] gift = "$CATEGORY: top/lesson-a\n::q::Text.{T}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(GiftReader.read(gift)).singleElement().satisfies(q -> {
            assertThat(q.category()).isEqualTo("top/lesson-a");
            assertThat(q.line()).isEqualTo(2);
        });
    }
}
