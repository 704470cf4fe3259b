package org.lifeboat.android.format.sbr;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names for the numbers in a phone's contacts, matched the way Android matches a caller to a contact: on the digits
 * alone, and loosely on the last {@value #MIN_MATCH} of them when the full numbers differ in their prefix
 * ({@code PhoneNumberUtils.compare}'s {@code MIN_MATCH}), so {@code +49 170 1234567} finds {@code 0170/1234567}.
 *
 * <p>A loose match that would name two different people is dropped rather than guessed. Group MMS addresses list
 * several numbers joined by {@code ~}; they are named person by person, as SMS Backup &amp; Restore does, when every
 * one of them is known.
 */
public final class PhoneBook implements ContactNames {
    static final int MIN_MATCH = 7;

    private final Map<String, String> byDigits = new HashMap<>();
    private final Map<String, String> byTail = new HashMap<>();
    private final Set<String> ambiguousTails = new HashSet<>();

    /** Adds one contact's number; the first name given for a number wins, as the Contacts app shows the first. */
    public PhoneBook add(String number, String displayName) {
        String digits = digits(number);
        if (digits.isEmpty() || displayName.isBlank()) {
            return this;
        }
        byDigits.putIfAbsent(digits, displayName);
        String tail = tail(digits);
        String previous = byTail.putIfAbsent(tail, displayName);
        if (previous != null && !previous.equals(displayName)) {
            ambiguousTails.add(tail);
        }
        return this;
    }

    @Override
    public Optional<String> nameFor(String address) {
        Set<String> names = new LinkedHashSet<>();
        for (String member : address.split("~")) {
            Optional<String> name = nameForNumber(member);
            if (name.isEmpty()) {
                return Optional.empty();
            }
            names.add(name.get());
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", names));
    }

    private Optional<String> nameForNumber(String number) {
        String digits = digits(number);
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        String exact = byDigits.get(digits);
        if (exact != null) {
            return Optional.of(exact);
        }
        String tail = tail(digits);
        if (digits.length() < MIN_MATCH || ambiguousTails.contains(tail)) {
            return Optional.empty();
        }
        return Optional.ofNullable(byTail.get(tail));
    }

    private static String digits(String number) {
        StringBuilder digits = new StringBuilder(number.length());
        number.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
        return digits.toString();
    }

    private static String tail(String digits) {
        return digits.substring(Math.max(0, digits.length() - MIN_MATCH));
    }
}
