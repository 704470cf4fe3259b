package org.lifeboat.android.format.vcard;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code X-ANDROID-CUSTOM:<mimetype>;<data1>;…;<data15>}, the property AOSP's VCardBuilder writes for data kinds vCard
 * has no property for, and which AOSP's importer turns back into a data row. Components escape {@code \ ; ,} and
 * newlines like any structured vCard 3.0 value.
 */
final class AndroidCustomProperty {

    static final String NAME = "X-ANDROID-CUSTOM";
    static final int DATA_COLUMNS = 15;

    private AndroidCustomProperty() {}

    static String encode(List<String> components) {
        List<String> escaped = new ArrayList<>();
        for (String component : components) {
            escaped.add(component
                    .replace("\\", "\\\\")
                    .replace(";", "\\;")
                    .replace(",", "\\,")
                    .replace("\r\n", "\\n")
                    .replace("\n", "\\n")
                    .replace("\r", "\\n"));
        }
        return String.join(";", escaped);
    }

    static List<String> decode(String value) {
        List<String> components = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                current.append(next == 'n' || next == 'N' ? '\n' : next);
            } else if (c == ';') {
                components.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        components.add(current.toString());
        return components;
    }
}
