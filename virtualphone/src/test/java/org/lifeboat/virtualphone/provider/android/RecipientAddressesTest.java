package org.lifeboat.virtualphone.provider.android;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecipientAddressesTest {
    @Test
    void phoneNumbersMatchLikePhoneNumbersEqual() {
        assertThat(RecipientAddresses.looselyEqual("+49 151 1234-5678", "+4915112345678"))
                .isTrue();
        assertThat(RecipientAddresses.looselyEqual("015112345678", "+4915112345678"))
                .isTrue();
        assertThat(RecipientAddresses.looselyEqual("004915112345678", "+4915112345678"))
                .isTrue();
        assertThat(RecipientAddresses.looselyEqual("+4915112345679", "+4915112345678"))
                .isFalse();
        assertThat(RecipientAddresses.looselyEqual("22000", "22000")).isTrue();
        assertThat(RecipientAddresses.looselyEqual("2000", "22000")).isFalse();
    }

    @Test
    void emailAddressesAreKnownByTheirAddrSpec() {
        assertThat(RecipientAddresses.isEmail("\"Bob\" <bob@example.org>")).isTrue();
        assertThat(RecipientAddresses.extractAddrSpec("\"Bob\" <bob@example.org>"))
                .isEqualTo("bob@example.org");
        assertThat(RecipientAddresses.isEmail("+4915112345678")).isFalse();
        assertThat(RecipientAddresses.isPhoneNumber("+49 151 1234-5678")).isTrue();
        assertThat(RecipientAddresses.isPhoneNumber("Vodafone")).isFalse();
    }
}
