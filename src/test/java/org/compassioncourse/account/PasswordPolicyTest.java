package org.compassioncourse.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void passwordShorterThanEightCharactersIsRefusedWithTheMinimumInTheMessage() {
        assertThat(policy.problemWith("k7#Qz!p")).get().asString().contains("at least 8 characters");
    }

    @Test
    void emptyPasswordAsksForOne() {
        assertThat(policy.problemWith("")).get().asString().contains("Enter a password");
    }

    @Test
    void passwordLongerThan128CharactersIsRefused() {
        assertThat(policy.problemWith("ward-seven-night-shift ".repeat(6))).get().asString().contains("at most 128");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "password1", "12345678", "qwertyuiop", "iloveyou", "Passw0rd", "letmein123", "password123!"})
    void commonPasswordsAreRefused(String common) {
        assertThat(policy.problemWith(common)).get().asString().containsAnyOf("commonly used", "too easy to guess");
    }

    @Test
    void wellKnownPasswordIsNamedAsCommon() {
        assertThat(policy.problemWith("password1")).get().asString().contains("commonly used");
    }

    @Test
    void passwordBuiltFromTheUsersOwnNameIsRefused() {
        assertThat(policy.problemWith("margaretholloway", "margaret.holloway@ward7.example", "Margaret Holloway"))
                .get().asString().contains("name or email");
    }

    @Test
    void passwordBuiltFromTheUsersNameWithItsAccentsLeftOffOrAddedIsRefused() {
        assertThat(policy.problemWith("zoe-nunez-2024", "zoe@ward7.example", "Zoë Ñúñez")).get().asString().contains("name or email");
        assertThat(policy.problemWith("zoë-ñúñez-2024", "zoe@ward7.example", "Zoe Nunez")).get().asString().contains("name or email");
        assertThat(policy.problemWith("brondsted-harbour", "lars@ward7.example", "Lars Brøndsted")).get().asString().contains("name or email");
    }

    @Test
    void foldingRemovesMarksAndSpellsOutLettersThatDoNotDecompose() {
        assertThat(PasswordPolicy.folded("Zoë Ñúñez Brøndsted Łukasz Straße")).isEqualTo("Zoe Nunez Brondsted Lukasz Strasse");
    }

    @ParameterizedTest
    @ValueSource(strings = {"calm-harbour-lantern", "violet tram ladder spoon", "Mh7#qL2!vX9z", "ünïcödé-pässwörd-ñ"})
    void passphrasesAndRandomPasswordsAreAcceptedWithoutCompositionRules(String good) {
        assertThat(policy.problemWith(good, "someone@example.org", "Some One")).isEmpty();
    }

    @Test
    void lowercaseOnlyPassphraseIsAcceptedBecauseThereAreNoCompositionRules() {
        assertThat(policy.problemWith("riverbankorchardpebble")).isEmpty();
    }
}
