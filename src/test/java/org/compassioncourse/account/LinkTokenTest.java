package org.compassioncourse.account;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LinkTokenTest {

    @Test
    void aMintedTokenIs32RandomBytesInBase64UrlAndItsHashIsTheSha256OfWhatTheLinkCarries() {
        LinkToken minted = LinkToken.mint();
        assertThat(minted.token()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(minted.hash()).isEqualTo(LinkToken.hashOf(minted.token())).hasSize(64).matches("[0-9a-f]+");
        assertThat(LinkToken.hashOf("abc")) // the FIPS 180-2 test vector
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void noTwoMintedTokensAreAlike() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            tokens.add(LinkToken.mint().token());
        }
        assertThat(tokens).hasSize(1_000);
    }

    @Test
    void onlyAPresentTokenOfPlausibleLengthIsLookedUp() {
        assertThat(LinkToken.plausible(LinkToken.mint().token())).isTrue();
        assertThat(LinkToken.plausible(null)).isFalse();
        assertThat(LinkToken.plausible("  ")).isFalse();
        assertThat(LinkToken.plausible("x".repeat(101))).isFalse();
    }
}
