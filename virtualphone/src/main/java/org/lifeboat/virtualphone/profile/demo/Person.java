package org.lifeboat.virtualphone.profile.demo;

import java.util.List;
import java.util.Optional;

/** One demo contact before it becomes provider rows; other generators use the numbers to link messages and calls. */
record Person(
        int id,
        String givenName,
        String familyName,
        String displayName,
        List<PhoneNumber> numbers,
        List<String> emails,
        Optional<PostalAddress> address,
        Optional<String> birthday,
        Optional<String> company,
        Optional<String> note,
        List<Integer> groupIds,
        boolean starred,
        boolean hasPhoto) {

    PhoneNumber mobile() {
        return numbers.getFirst();
    }

    /** @param type ContactsContract.CommonDataKinds.Phone TYPE_* (1 home, 2 mobile, 3 work, 0 custom) */
    record PhoneNumber(String formatted, String normalized, int type, String label) {}

    record PostalAddress(String street, String city, String region, String postcode, String country) {
        String formatted() {
            return street + "\n" + postcode + " " + city + (region.isEmpty() ? "" : ", " + region) + "\n" + country;
        }
    }
}
