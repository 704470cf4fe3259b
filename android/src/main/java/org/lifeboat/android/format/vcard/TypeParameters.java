package org.lifeboat.android.format.vcard;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Android type codes ({@code data2}) ↔ vCard 3.0 TYPE parameters. RFC 2426 types where one exists, {@code X-} names
 * otherwise; a custom label ({@code data2=0}, {@code data3=label}) travels as {@code TYPE=X-<label>}.
 */
final class TypeParameters {

    /** ContactsContract.CommonDataKinds.Phone TYPE_* codes. */
    static final TypeParameters PHONE = new TypeParameters(
            Map.ofEntries(
                    Map.entry(1, List.of("HOME")),
                    Map.entry(2, List.of("CELL")),
                    Map.entry(3, List.of("WORK")),
                    Map.entry(4, List.of("WORK", "FAX")),
                    Map.entry(5, List.of("HOME", "FAX")),
                    Map.entry(6, List.of("PAGER")),
                    Map.entry(7, List.of("VOICE")),
                    Map.entry(8, List.of("X-CALLBACK")),
                    Map.entry(9, List.of("CAR")),
                    Map.entry(10, List.of("X-COMPANY-MAIN")),
                    Map.entry(11, List.of("ISDN")),
                    Map.entry(12, List.of("X-MAIN")),
                    Map.entry(13, List.of("FAX")),
                    Map.entry(14, List.of("X-RADIO")),
                    Map.entry(15, List.of("X-TELEX")),
                    Map.entry(16, List.of("X-TTY-TDD")),
                    Map.entry(17, List.of("WORK", "CELL")),
                    Map.entry(18, List.of("WORK", "PAGER")),
                    Map.entry(19, List.of("X-ASSISTANT")),
                    Map.entry(20, List.of("MSG"))),
            7);

    /** Email TYPE_HOME/WORK/OTHER/MOBILE; OTHER has no TYPE of its own. */
    static final TypeParameters EMAIL =
            new TypeParameters(Map.of(1, List.of("HOME"), 2, List.of("WORK"), 3, List.of(), 4, List.of("CELL")), 3);

    /** StructuredPostal TYPE_HOME/WORK/OTHER. */
    static final TypeParameters POSTAL =
            new TypeParameters(Map.of(1, List.of("HOME"), 2, List.of("WORK"), 3, List.of()), 3);

    private static final String CUSTOM_PREFIX = "X-";
    private static final Set<String> IGNORED = Set.of("PREF", "INTERNET");

    private final Map<Integer, List<String>> byCode;
    private final int fallback;

    private TypeParameters(Map<Integer, List<String>> byCode, int fallback) {
        this.byCode = byCode;
        this.fallback = fallback;
    }

    /** TYPE values for a data row's {@code data2}/{@code data3}. */
    List<String> typesFor(Optional<Long> code, Optional<String> label) {
        if (code.isPresent() && code.get() == Mimetypes.CUSTOM_TYPE) {
            return label.filter(l -> !l.isBlank())
                    .map(l -> List.of(CUSTOM_PREFIX + l))
                    .orElse(List.of());
        }
        return code.map(c -> byCode.getOrDefault(c.intValue(), List.of())).orElse(List.of());
    }

    /** The type code and, for a custom type, its label, from the TYPE values found in a vCard. */
    Typed codeFor(List<String> types) {
        Set<String> wanted = types.stream()
                .map(t -> t.toUpperCase(Locale.ROOT))
                .filter(t -> !IGNORED.contains(t))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (var entry : byCode.entrySet()) {
            if (Set.copyOf(entry.getValue()).equals(wanted)) {
                return new Typed(entry.getKey(), Optional.empty());
            }
        }
        Optional<String> custom = types.stream()
                .filter(t -> t.regionMatches(true, 0, CUSTOM_PREFIX, 0, CUSTOM_PREFIX.length()))
                .findFirst();
        if (wanted.size() == 1 && custom.isPresent()) {
            return new Typed(Mimetypes.CUSTOM_TYPE, Optional.of(custom.get().substring(CUSTOM_PREFIX.length())));
        }
        return new Typed(fallback, Optional.empty());
    }

    record Typed(int code, Optional<String> label) {}
}
