package org.lifeboat.android.format.sbr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneBookTest {
    private final PhoneBook book = new PhoneBook()
            .add("+49 170 1234567", "Alice")
            .add("(555) 010-9999", "Bob")
            .add("0221 7654321", "Carol")
            .add("0301 7654321", "Dave");

    @Test
    void matchesOnDigitsWhateverTheFormatting() {
        assertThat(book.nameFor("+491701234567")).hasValue("Alice");
        assertThat(book.nameFor("555-010-9999")).hasValue("Bob");
    }

    @Test
    void matchesANationalNumberAgainstAnInternationalOneOnTheLastSevenDigits() {
        assertThat(book.nameFor("0170/1234567")).hasValue("Alice");
    }

    @Test
    void aNumberThatWouldNameTwoPeopleIsNotGuessed() {
        PhoneBook twoCarols = new PhoneBook().add("7654321", "Carol").add("+49 7654321", "Dave");

        assertThat(twoCarols.nameFor("0049 7654321")).isEmpty();
        assertThat(book.nameFor("0221 7654321")).hasValue("Carol");
    }

    @Test
    void numbersThatShareOnlyTheirLastSevenDigitsAreDifferentPeople() {
        PhoneBook newYork = new PhoneBook().add("+1 212 555 1234", "Erin");

        assertThat(newYork.nameFor("+1 646 555 1234")).isEmpty();
        assertThat(newYork.nameFor("(212) 555-1234")).hasValue("Erin");
        assertThat(newYork.nameFor("011 1 212 555 1234")).hasValue("Erin");
        assertThat(book.nameFor("+49 89 7654321")).isEmpty();
    }

    @Test
    void shortCodesAndTextSendersMatchOnlyExactly() {
        PhoneBook withShortCode = new PhoneBook().add("22123", "Bank");

        assertThat(withShortCode.nameFor("22123")).hasValue("Bank");
        assertThat(withShortCode.nameFor("1222123")).isEmpty();
        assertThat(withShortCode.nameFor("+22123")).isEmpty();
        assertThat(withShortCode.nameFor("DHL")).isEmpty();
    }

    @Test
    void groupMessagesAreNamedWhenEveryMemberIsKnown() {
        assertThat(book.nameFor("+491701234567~5550109999")).hasValue("Alice, Bob");
        assertThat(book.nameFor("+491701234567~123456789")).isEmpty();
    }
}
