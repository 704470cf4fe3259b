package org.lifeboat.android.format.sbr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names for the numbers in a phone's contacts, matched the way Android matches a caller to a contact
 * ({@code PhoneNumberUtils.compareLoosely}): on the digits alone, from the right; when at least {@value #MIN_MATCH}
 * digits agree, the numbers match if one of them is used up, or if what is left of both is an international prefix
 * ({@code +}, {@code 00}, {@code 011}), or a trunk {@code 0} against an international prefix and country code. So
 * {@code +49 170 1234567} finds {@code 0170 1234567}, but {@code +1 646 555 1234} does not find
 * {@code +1 212 555 1234}.
 *
 * <p>A number that would name two different people is left unnamed rather than guessed. Group MMS addresses list
 * several numbers joined by {@code ~}; they are named person by person, as SMS Backup &amp; Restore does, when every
 * one of them is known.
 */
public final class PhoneBook implements ContactNames {
    static final int MIN_MATCH = 7;

    private static final Pattern INTERNATIONAL_PREFIX = Pattern.compile("\\+|00|011");
    private static final Pattern INTERNATIONAL_PREFIX_AND_COUNTRY = Pattern.compile("(\\+|00|011)\\d{1,3}");

    private record Entry(String number, String name) {}

    /** Contacts' numbers (digits, and a leading + if any) by their last {@value #MIN_MATCH} digits. */
    private final Map<String, List<Entry>> byTail = new HashMap<>();

    /** Adds one contact's number. */
    public PhoneBook add(String number, String displayName) {
        String normalized = normalize(number);
        if (digitCount(normalized) == 0 || displayName.isBlank()) {
            return this;
        }
        byTail.computeIfAbsent(tail(normalized), t -> new ArrayList<>()).add(new Entry(normalized, displayName));
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
        String normalized = normalize(number);
        if (digitCount(normalized) == 0) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>();
        for (Entry entry : byTail.getOrDefault(tail(normalized), List.of())) {
            if (sameNumber(normalized, entry.number())) {
                names.add(entry.name());
            }
        }
        return names.size() == 1 ? Optional.of(names.iterator().next()) : Optional.empty();
    }

    /** {@code PhoneNumberUtils.compareLoosely} on normalized numbers. */
    static boolean sameNumber(String a, String b) {
        int ia = a.length() - 1;
        int ib = b.length() - 1;
        int matched = 0;
        while (ia >= 0 && ib >= 0 && a.charAt(ia) == b.charAt(ib) && a.charAt(ia) != '+') {
            ia--;
            ib--;
            matched++;
        }
        if (matched < MIN_MATCH) {
            // Short numbers (codes, short services) only match in full.
            return ia < 0 && ib < 0;
        }
        if (ia < 0 || ib < 0) {
            return true;
        }
        String restA = a.substring(0, ia + 1);
        String restB = b.substring(0, ib + 1);
        return (INTERNATIONAL_PREFIX.matcher(restA).matches()
                        && INTERNATIONAL_PREFIX.matcher(restB).matches())
                || (restA.equals("0")
                        && INTERNATIONAL_PREFIX_AND_COUNTRY.matcher(restB).matches())
                || (restB.equals("0")
                        && INTERNATIONAL_PREFIX_AND_COUNTRY.matcher(restA).matches());
    }

    /** The digits, after a leading + when the number has one. */
    private static String normalize(String number) {
        StringBuilder normalized = new StringBuilder(number.length());
        String trimmed = number.strip();
        if (trimmed.startsWith("+")) {
            normalized.append('+');
        }
        trimmed.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> normalized.append((char) c));
        return normalized.toString();
    }

    private static int digitCount(String normalized) {
        return normalized.startsWith("+") ? normalized.length() - 1 : normalized.length();
    }

    private static String tail(String normalized) {
        return normalized.substring(Math.max(0, normalized.length() - MIN_MATCH));
    }
}
