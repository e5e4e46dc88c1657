package org.compassioncourse.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What counts as an email address and a display name, decided once for every form that accepts them. */
class EmailAddressAndDisplayNameTest {

    @Test
    void anEmailAddressIsKeptStrippedAndInLowerCase() {
        EmailAddress address = EmailAddress.parse("  Nurse.Amy@Ward7.Example.ORG ");
        assertThat(address.value()).isEqualTo("nurse.amy@ward7.example.org");
        assertThat(address.domain()).isEqualTo("ward7.example.org");
    }

    @Test
    void aMissingOrMalformedEmailAddressIsRefusedWithAMessageForThePersonTyping() {
        assertThatThrownBy(() -> EmailAddress.parse("   ")).hasMessage("Enter your email address.");
        assertThatThrownBy(() -> EmailAddress.parse(null)).hasMessage("Enter your email address.");
        for (String wrong : new String[]{"amy", "amy@ward7", "amy@@ward7.org", "a my@ward7.org", "amy@.org", "x".repeat(250) + "@a.org"}) {
            assertThatThrownBy(() -> EmailAddress.parse(wrong)).as(wrong).isInstanceOf(InvalidValueException.class)
                    .hasMessage("Enter a valid email address, such as name@hospital.org.");
        }
        assertThatThrownBy(() -> new EmailAddress("Amy@Ward7.org")).as("the type holds only normalised addresses")
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aDisplayNameIsStrippedNotEmptyAndAtMost80Characters() {
        assertThat(DisplayName.parse("  Amy Nurse ").value()).isEqualTo("Amy Nurse");
        assertThat(DisplayName.parse("x".repeat(80)).value()).hasSize(80);
        assertThatThrownBy(() -> DisplayName.parse(" ")).hasMessage("Enter the name other people in the course will see.");
        assertThatThrownBy(() -> DisplayName.parse("x".repeat(81))).hasMessage("Use at most 80 characters for your name.");
        assertThatThrownBy(() -> new DisplayName(" Amy")).isInstanceOf(InvalidValueException.class);
    }
}
